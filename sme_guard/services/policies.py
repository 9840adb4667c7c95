"""The office's 情報セキュリティ基本方針 (basic policy) and 情報セキュリティ対策基準 (security
rules) as numbered versions. One function per user action.

A version is drafted, edited, then issued; an issued version never changes again (a change is
a new version), so the PDF that was signed and the text that was published stay what the app
shows. When a version is issued it takes the office's name and representative as they are that
day (office settings ``office.name`` and ``office.representative``), and keeps them.

- The basic policy is drafted from SME Guard's template (``catalog/policy_templates.yaml``)
  filled with the office's name, or from the newest version; each section is editable text.
- The rules are drafted from the office's records (``services.rules_draft``): the latest
  self-assessment, the recurring checks, the staff guidelines in force, the contact tree. Their
  title and introduction are editable; the rest is redrawn from the records while a draft.

A version keeps the language it was drafted in: its text and the labels printed with it.
Publishing (公表) the basic policy - on the office's web page, a notice board - is recorded on
an issued version with its date and where.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Connection, Table, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.codes import PolicyKind
from sme_guard.domain.policies import PolicyTemplates
from sme_guard.services import clock
from sme_guard.services import settings as office_settings
from sme_guard.services.catalog import bundled_policy_templates
from sme_guard.services.details import day_field, required_text
from sme_guard.services.registers import table_named
from sme_guard.services.rules_draft import RulesContent, compose
from sme_guard.services.values import Problem, parse_text
from sme_guard.services.versions import (
    VersionInvalidError,
    VersionRuleError,
    draft_exists,
    issue_date_problems,
    issued_already,
    unreadable,
    version_name,
)
from sme_guard.services.versions import find_version as versions_find

PolicyRuleError = VersionRuleError  # the versioning's own (services.versions)

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("名称", "Title"),
    "intro": ("前文", "Introduction"),
    "office_name": ("事業所名", "Office name"),
    "representative": ("代表者", "Representative"),
    "issued_on": ("発行日", "Issued on"),
    "published_on": ("公表日", "Published on"),
    "published_where": ("公表先", "Published where"),
}


class PolicyInvalidError(VersionInvalidError):
    """Nothing was saved; ``problems`` maps each field (``<section>.heading`` / ``.body`` for
    a section of the basic policy, named by the section's heading)."""

    def __init__(self, problems: Mapping[str, Problem], sections: Mapping[str, str] | None = None) -> None:
        names = dict(FIELD_NAMES)
        for key, heading in (sections or {}).items():
            names[f"{key}.heading"] = (f"{heading}: 見出し", f"{heading}: heading")
            names[f"{key}.body"] = (f"{heading}: 本文", f"{heading}: text")
        super().__init__(problems, names)


# ---------------------------------------------------------------- stored content


class _Stored(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Section(_Stored):
    key: str
    heading: str
    body: str


class _StoredContent(_Stored):
    lang: str = "ja"
    office: str | None = None  # fixed when issued; a draft shows the current settings
    representative: str | None = None
    sections: list[Section] = []  # the basic policy
    intro: str = ""  # the rules' introduction
    rules: RulesContent | None = None


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class PolicyInfo:
    id: int
    kind: PolicyKind
    version: int
    title: str
    issued_on: date | None  # None: a draft
    notes: str | None
    published_on: date | None
    published_where: str | None

    @property
    def issued(self) -> bool:
        return self.issued_on is not None


@dataclass(frozen=True)
class PolicyDocument:
    info: PolicyInfo
    lang: str  # the language the version is written in
    office: str  # as issued; for a draft, the office setting now
    representative: str
    established_on: date | None  # 制定日: when the first version was issued
    sections: tuple[Section, ...]  # the basic policy's
    intro: str  # the rules' introduction
    rules: RulesContent | None  # the rules' content


def _policies() -> Table:
    return table_named("security_policy")


def _kind(kind: PolicyKind | str) -> PolicyKind:
    return PolicyKind(kind)


def _infos(connection: Connection, *where: Any) -> list[PolicyInfo]:
    table = _policies()
    rows = connection.execute(
        select(
            table.c.id,
            table.c.kind,
            table.c.version,
            table.c.title,
            table.c.issued_on,
            table.c.notes,
            table.c.published_on,
            table.c.published_where,
        )
        .where(*where)
        .order_by(table.c.kind, table.c.version.desc())
    )
    return [PolicyInfo(r[0], PolicyKind(r[1]), *r[2:]) for r in rows]


def _info(connection: Connection, policy_id: int) -> PolicyInfo:
    found = _infos(connection, _policies().c.id == policy_id)
    if not found:
        raise PolicyRuleError("この版は削除されています。", "This version has been deleted.")
    return found[0]


def _current(connection: Connection, kind: PolicyKind) -> PolicyInfo | None:
    table = _policies()
    issued = _infos(connection, table.c.kind == kind.value, table.c.issued_on.is_not(None))
    return issued[0] if issued else None


# ---------------------------------------------------------------- reading


def versions(database: Database, kind: PolicyKind | str) -> list[PolicyInfo]:
    """Every version of a kind, newest first."""
    with database.engine.connect() as connection:
        return _infos(connection, _policies().c.kind == _kind(kind).value)


def current_version(database: Database, kind: PolicyKind | str) -> PolicyInfo | None:
    """The version in force: the newest issued one (None until one is issued)."""
    with database.engine.connect() as connection:
        return _current(connection, _kind(kind))


def _stored(connection: Connection, info: PolicyInfo) -> _StoredContent:
    table = _policies()
    raw = connection.execute(select(table.c.content_json).where(table.c.id == info.id)).scalar_one()
    try:
        return _StoredContent.model_validate(json.loads(raw or "{}"))
    except (ValueError, ValidationError) as exc:  # json.JSONDecodeError is a ValueError
        raise unreadable(info.version) from exc


def _document(connection: Connection, policy_id: int, identity: tuple[str, str]) -> PolicyDocument:
    info = _info(connection, policy_id)
    stored = _stored(connection, info)
    table = _policies()
    established = connection.execute(
        select(table.c.issued_on)
        .where(table.c.kind == info.kind.value, table.c.issued_on.is_not(None))
        .order_by(table.c.version)
        .limit(1)
    ).scalar()
    if info.issued:
        office, representative = stored.office or "", stored.representative or ""
    else:
        office, representative = identity
    return PolicyDocument(
        info=info,
        lang=stored.lang,
        office=office,
        representative=representative,
        established_on=established or info.issued_on,
        sections=tuple(stored.sections),
        intro=stored.intro,
        rules=stored.rules,
    )


def document(database: Database, policy_id: int) -> PolicyDocument:
    """A version with its text (a draft with the office's name and representative of now)."""
    identity = office_identity(database)
    with database.engine.connect() as connection:
        return _document(connection, policy_id, identity)


def find_version(database: Database, kind: PolicyKind | str, version: int | None) -> int:
    """The id of version ``version`` of a kind, or of the version in force when None."""
    with database.engine.connect() as connection:
        return versions_find(connection, _policies(), _kind(kind), version)


# ---------------------------------------------------------------- the office's name and representative


def office_identity(database: Database) -> tuple[str, str]:
    """The office's name and its representative (代表者), "" where not set."""
    return (
        office_settings.office_name(database).strip(),
        office_settings.office_representative(database).strip(),
    )


def save_office_identity(database: Database, raw: Mapping[str, Any]) -> None:
    """Save the office's name and representative together (``{"office_name", "representative"}``)."""
    office_settings.set_texts(
        database,
        {
            office_settings.OFFICE_NAME: parse_text(raw.get("office_name")) or "",
            office_settings.OFFICE_REPRESENTATIVE: parse_text(raw.get("representative")) or "",
        },
    )


def _identity_problems(office: str, representative: str) -> dict[str, Problem]:
    problems = {}
    if not office:
        problems["office_name"] = Problem("事業所名を入力してください", "enter the office's name")
    if not representative:
        problems["representative"] = Problem("代表者を入力してください", "enter the representative")
    return problems


# ---------------------------------------------------------------- drafts


def new_draft(
    database: Database,
    kind: PolicyKind | str,
    lang: str,
    *,
    catalog: Catalog | None = None,
    templates: PolicyTemplates | None = None,
) -> int:
    """A new version to edit, one draft per kind at a time. The basic policy starts from the
    newest version's text, or (a first version) from the template filled with the office's
    name, in ``lang``; the rules from the records of today (``catalog``: the one assessed
    against, by default the office's) with the newest version's title and introduction."""
    kind, templates = _kind(kind), templates or bundled_policy_templates()
    table = _policies()
    with database.engine.connect() as connection:
        existing = _infos(connection, table.c.kind == kind.value)
        newest = _stored(connection, existing[0]) if existing else None
    office = office_identity(database)[0]
    if newest is not None:
        lang, title = newest.lang, existing[0].title
        content = _StoredContent(lang=lang, sections=newest.sections, intro=newest.intro)
    elif kind is PolicyKind.POLICY:
        if not office:
            raise PolicyInvalidError({"office_name": _identity_problems(office, "-")["office_name"]})
        title = templates.policy.title.get(lang)
        sections = [
            Section(key=s.key, heading=s.heading.get(lang), body=s.body.get(lang).replace("{office}", office))
            for s in templates.policy.sections
        ]
        content = _StoredContent(lang=lang, sections=sections)
    else:
        intro = templates.rules.intro.get(lang).replace("{office}", office or _this_office(lang))
        title, content = templates.rules.title.get(lang), _StoredContent(lang=lang, intro=intro)
    if kind is PolicyKind.RULES:
        content = content.model_copy(update={"rules": _rules(database, catalog, lang)})
    with database.engine.begin() as connection:
        existing = _infos(connection, table.c.kind == kind.value)
        draft = next((v for v in existing if not v.issued), None)
        if draft is not None:
            raise draft_exists(draft.version)
        inserted = connection.execute(
            table.insert().values(
                kind=kind.value,
                version=(existing[0].version if existing else 0) + 1,
                title=title,
                issued_on=None,
                content_json=content.model_dump_json(),
                notes=None,
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def _this_office(lang: str) -> str:
    return "the Company" if lang == "en" else "当社"


def _rules(database: Database, catalog: Catalog | None, lang: str) -> RulesContent:
    from sme_guard.services import recurring_checks
    from sme_guard.services.office_catalog import effective_catalog

    recurring_checks.ensure_defaults(database)  # the schedule's checks, as the home screen sees them
    return compose(database, catalog or effective_catalog(database), lang, clock.today())


def _draft(connection: Connection, policy_id: int) -> PolicyInfo:
    info = _info(connection, policy_id)
    if info.issued_on is not None:
        raise issued_already(info.version, info.issued_on)
    return info


def _edited(
    connection: Connection, info: PolicyInfo, raw: Mapping[str, Any], problems: dict[str, Problem]
) -> tuple[dict[str, Any], _StoredContent]:
    """The columns a draft's form sets, and its content, checked; problems by field (``title``,
    ``intro``, ``<section>.heading``, ``<section>.body``)."""
    stored = _stored(connection, info)
    title = required_text(raw.get("title"), "title", problems)
    if info.kind is PolicyKind.POLICY:
        edits = raw.get("sections") or {}
        sections = []
        for section in stored.sections:
            edit = edits.get(section.key, {})
            heading = required_text(edit.get("heading", section.heading), f"{section.key}.heading", problems)
            body = required_text(edit.get("body", section.body), f"{section.key}.body", problems)
            sections.append(Section(key=section.key, heading=heading or "", body=body or ""))
        content = stored.model_copy(update={"sections": sections})
    else:
        intro = required_text(raw.get("intro", stored.intro), "intro", problems)
        content = stored.model_copy(update={"intro": intro or ""})
    return {"title": title, "notes": parse_text(raw.get("notes"))}, content


def _headings(content: _StoredContent) -> dict[str, str]:
    return {s.key: s.heading or s.key for s in content.sections}


def save_draft(database: Database, policy_id: int, raw: Mapping[str, Any]) -> None:
    """Save a draft's title, notes and text (``{"title", "notes", "sections": {key: {"heading",
    "body"}}}`` for the basic policy, ``{"title", "notes", "intro"}`` for the rules); refused,
    naming each field, unless complete."""
    problems: dict[str, Problem] = {}
    table = _policies()
    with database.engine.begin() as connection:
        info = _draft(connection, policy_id)
        values, content = _edited(connection, info, raw, problems)
        if problems:
            raise PolicyInvalidError(problems, _headings(content))
        connection.execute(
            table.update()
            .where(table.c.id == policy_id)
            .values(**values, content_json=content.model_dump_json())
        )


def redraw_rules(database: Database, policy_id: int, *, catalog: Catalog | None = None) -> None:
    """Draw a draft of the rules again from the records of today (the title and introduction
    stay as edited)."""
    with database.engine.connect() as connection:
        info = _draft(connection, policy_id)
        lang = _stored(connection, info).lang
    if info.kind is not PolicyKind.RULES:
        raise PolicyRuleError(
            "基本方針は記録から作成し直せません。", "Only the rules are drawn from the records."
        )
    rules = _rules(database, catalog, lang)
    table = _policies()
    with database.engine.begin() as connection:
        stored = _stored(connection, _draft(connection, policy_id))
        content = stored.model_copy(update={"rules": rules})
        connection.execute(
            table.update().where(table.c.id == policy_id).values(content_json=content.model_dump_json())
        )


def issue(database: Database, policy_id: int, issued_on: Any, raw: Mapping[str, Any] | None = None) -> None:
    """Issue a draft on ``issued_on`` (not in the future, not before the version in force),
    with the office's name and representative of today, both required. With ``raw`` (as for
    ``save_draft``) what the form shows is saved and issued in one step. An issued version is
    never changed again."""
    problems: dict[str, Problem] = {}
    day = day_field(issued_on, "issued_on", problems)
    if day is None and "issued_on" not in problems:
        problems["issued_on"] = Problem("入力してください", "required")
    table = _policies()
    office, representative = office_identity(database)
    problems.update(_identity_problems(office, representative))
    with database.engine.begin() as connection:
        info = _draft(connection, policy_id)
        if day is not None:
            problems.update(issue_date_problems(connection, _policies(), info.kind, day))
        values, content = _edited(connection, info, raw or _form_of(connection, info), problems)
        if problems:
            raise PolicyInvalidError(problems, _headings(content))
        content = content.model_copy(update={"office": office, "representative": representative})
        connection.execute(
            table.update()
            .where(table.c.id == policy_id)
            .values(**values, content_json=content.model_dump_json(), issued_on=day)
        )


def _form_of(connection: Connection, info: PolicyInfo) -> dict[str, Any]:
    """A draft as it is stored, in the form ``save_draft`` takes."""
    stored = _stored(connection, info)
    return {
        "title": info.title,
        "notes": info.notes,
        "intro": stored.intro,
        "sections": {s.key: {"heading": s.heading, "body": s.body} for s in stored.sections},
    }


def delete_version(database: Database, policy_id: int) -> None:
    """Delete a draft, or the newest version when it was issued by mistake and not published."""
    table = _policies()
    with database.engine.begin() as connection:
        info = _info(connection, policy_id)
        if info.issued:
            newest = _infos(connection, table.c.kind == info.kind.value)[0]
            if info.published_on is not None or newest.id != info.id:
                raise PolicyRuleError(
                    f"{version_name(info.version, 'ja')}は公表済みか、新しい版があるため削除できません。",
                    f"{version_name(info.version, 'en').capitalize()} cannot be deleted: it has been "
                    "published, or a newer version exists.",
                )
        connection.execute(table.delete().where(table.c.id == policy_id))


# ---------------------------------------------------------------- publication (公表)


def record_publication(database: Database, policy_id: int, raw: Mapping[str, Any]) -> None:
    """Record that an issued basic policy was published (``{"published_on", "published_where"}``:
    the office's web page address, a notice board); refused naming the field for a date before
    the version was issued or after today, or nothing said about where."""
    problems: dict[str, Problem] = {}
    day = day_field(raw.get("published_on"), "published_on", problems)
    if day is None and "published_on" not in problems:
        problems["published_on"] = Problem("入力してください", "required")
    where = required_text(raw.get("published_where"), "published_where", problems)
    table = _policies()
    with database.engine.begin() as connection:
        info = _info(connection, policy_id)
        if info.kind is not PolicyKind.POLICY or info.issued_on is None:
            raise PolicyRuleError(
                "公表を記録できるのは発行済みの基本方針だけです。",
                "Only an issued basic policy can be recorded as published.",
            )
        if day is not None and day < info.issued_on:
            problems["published_on"] = Problem(
                f"発行日({info.issued_on.isoformat()})より前の日付です",
                f"before the version was issued ({info.issued_on.isoformat()})",
            )
        elif day is not None and day > clock.today():
            problems["published_on"] = Problem(
                "今日より後の日付は指定できません", "cannot be later than today"
            )
        if problems:
            raise PolicyInvalidError(problems)
        connection.execute(
            table.update().where(table.c.id == policy_id).values(published_on=day, published_where=where)
        )
