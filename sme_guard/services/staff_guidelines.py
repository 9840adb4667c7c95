"""Staff guidelines for smart devices (10⑨) and SNS (18①): versions, the office's decisions,
and who acknowledged which version when. One function per user action.

A guideline is a numbered version per kind. A draft (``issued_on`` None) is edited; issuing it
fixes it for good - a change is a new version - so an acknowledgment always refers to the text
the person read. To make that hold even when ``catalog/staff_guidelines.yaml`` changes with an
app update, a version stores its points' texts (reference, requirement, question) beside the
decisions in ``choices_json``; a draft takes the catalog's current texts each time it is read
or saved, an issued version keeps the ones it was issued with.

The *current* version of a kind is its newest issued one. The smart-device register's
"guideline acknowledged on" (10⑨) comes from here: a device's date is the date its user
acknowledged the newest devices version they have acknowledged (see
``device_acknowledged_on``); recording or removing an acknowledgment updates the user's
devices in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Connection, Table, func, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Text
from sme_guard.domain.codes import DeviceStatus, GuidelineDecision, GuidelineKind, label
from sme_guard.domain.guideline_points import (
    GuidelinePoint,
    GuidelineTemplate,
    GuidelineTemplates,
    ref_label,
)
from sme_guard.errors import UserError
from sme_guard.services import clock
from sme_guard.services.details import DetailInvalidError, day_field
from sme_guard.services.guideline_points import bundled_guideline_points
from sme_guard.services.registers import table_named
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

# The versioning's own errors (services.versions), under the names this module has always used.
GuidelineRuleError = VersionRuleError
GuidelineInvalidError = VersionInvalidError


# ---------------------------------------------------------------- stored choices


class _StoredPoint(BaseModel):
    model_config = ConfigDict(extra="ignore")

    key: str
    decision: GuidelineDecision | None = None
    conditions: str | None = None
    # The texts the version was issued with (see the module docstring).
    ref: str | None = None
    sheets: tuple[int, ...] = ()
    requirement: Text | None = None
    question: Text | None = None


class _StoredChoices(BaseModel):
    model_config = ConfigDict(extra="ignore")

    purpose: Text | None = None
    points: list[_StoredPoint] = []


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class PointChoice:
    """One point of a version: what the guideline requires and what the office decided."""

    key: str
    ref: str  # 10④, 18運用①
    sheets: tuple[int, ...]
    requirement: Text
    question: Text
    decision: GuidelineDecision | None
    conditions: str | None
    suggested_decision: GuidelineDecision | None  # SME Guard's suggestion (None: not in the catalog now)
    suggested_conditions: Text | None

    def ref_label(self, lang: str) -> str:
        return ref_label(self.ref, lang)

    def name(self, lang: str) -> str:
        """The point as an error message names it: reference and question."""
        return f"{self.ref_label(lang)} {self.question.get(lang)}"


@dataclass(frozen=True)
class VersionInfo:
    id: int
    kind: GuidelineKind
    version: int
    title: str
    issued_on: date | None  # None: a draft
    notes: str | None
    acknowledged: int  # how many people acknowledged this version

    @property
    def issued(self) -> bool:
        return self.issued_on is not None


@dataclass(frozen=True)
class GuidelineDocument:
    info: VersionInfo
    control: int  # 10 or 18
    purpose: Text  # the control's 管理目的
    points: tuple[PointChoice, ...]


@dataclass(frozen=True)
class PersonStatus:
    """An active employee and the newest version of a guideline they acknowledged."""

    person_id: int
    name: str
    department: str | None
    acknowledgment_id: int | None  # None: never acknowledged any version
    version: int | None
    acknowledged_on: date | None
    current: bool  # acknowledged the current version


@dataclass(frozen=True)
class Acknowledgment:
    id: int
    person_id: int
    name: str
    acknowledged_on: date


def _guidelines() -> Table:
    return table_named("staff_guideline")


def _acknowledgments() -> Table:
    return table_named("guideline_acknowledgment")


def _people() -> Table:
    return table_named("person")


def _devices() -> Table:
    return table_named("smart_device")


def _kind(kind: GuidelineKind | str) -> GuidelineKind:
    return GuidelineKind(kind)


def _version_query(connection: Connection, *where: Any) -> list[VersionInfo]:
    guidelines, acks = _guidelines(), _acknowledgments()
    counts = select(acks.c.guideline_id, func.count().label("n")).group_by(acks.c.guideline_id).subquery()
    query = (
        select(
            guidelines.c.id,
            guidelines.c.kind,
            guidelines.c.version,
            guidelines.c.title,
            guidelines.c.issued_on,
            guidelines.c.notes,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.guideline_id == guidelines.c.id)
        .where(*where)
        .order_by(guidelines.c.kind, guidelines.c.version.desc())
    )
    return [
        VersionInfo(row[0], GuidelineKind(row[1]), row[2], row[3], row[4], row[5], row[6])
        for row in connection.execute(query)
    ]


def _info(connection: Connection, guideline_id: int) -> VersionInfo:
    found = _version_query(connection, _guidelines().c.id == guideline_id)
    if not found:
        raise GuidelineRuleError("このガイドラインは削除されています。", "This guideline has been deleted.")
    return found[0]


def _current(connection: Connection, kind: GuidelineKind) -> VersionInfo | None:
    guidelines = _guidelines()
    issued = _version_query(connection, guidelines.c.kind == kind.value, guidelines.c.issued_on.is_not(None))
    return issued[0] if issued else None


def _version_name(info: VersionInfo, lang: str) -> str:
    return version_name(info.version, lang)


# ---------------------------------------------------------------- reading


def versions(database: Database, kind: GuidelineKind | str) -> list[VersionInfo]:
    """Every version of a kind, newest first, with how many acknowledged each."""
    with database.engine.connect() as connection:
        return _version_query(connection, _guidelines().c.kind == _kind(kind).value)


def current_version(database: Database, kind: GuidelineKind | str) -> VersionInfo | None:
    """The version in force: the newest issued one (None until one is issued)."""
    with database.engine.connect() as connection:
        return _current(connection, _kind(kind))


def _stored(raw: str | None, info: VersionInfo) -> _StoredChoices:
    try:
        return _StoredChoices.model_validate(json.loads(raw or "{}"))
    except (ValueError, ValidationError) as exc:  # json.JSONDecodeError is a ValueError
        raise unreadable(info.version) from exc


def _draft_points(template: GuidelineTemplate, stored: _StoredChoices, lang: str) -> tuple[PointChoice, ...]:
    """A draft's points: the catalog's points and texts, with the decisions stored so far (a
    point new in the catalog starts from the suggestion)."""
    by_key = {p.key: p for p in stored.points}
    points = []
    for point in template.points:
        saved = by_key.get(point.key)
        suggested = point.suggested_conditions.get(lang) if point.suggested_conditions else None
        points.append(
            _choice(
                point,
                saved.decision if saved else point.suggested_decision,
                saved.conditions if saved else suggested,
            )
        )
    return tuple(points)


def _choice(point: GuidelinePoint, decision: GuidelineDecision | None, conditions: str | None) -> PointChoice:
    return PointChoice(
        key=point.key,
        ref=point.ref,
        sheets=point.sheets,
        requirement=point.requirement,
        question=point.question,
        decision=decision,
        conditions=conditions,
        suggested_decision=point.suggested_decision,
        suggested_conditions=point.suggested_conditions,
    )


def _issued_points(template: GuidelineTemplate, stored: _StoredChoices) -> tuple[PointChoice, ...]:
    """An issued version's points exactly as issued (the catalog only adds the suggestions)."""
    points = []
    for saved in stored.points:
        point = template.point(saved.key)
        requirement = saved.requirement or (point.requirement if point else Text(ja=saved.key, en=saved.key))
        points.append(
            PointChoice(
                key=saved.key,
                ref=saved.ref or (point.ref if point else ""),
                sheets=saved.sheets if saved.ref else (point.sheets if point else ()),
                requirement=requirement,
                question=saved.question or (point.question if point else requirement),
                decision=saved.decision,
                conditions=saved.conditions,
                suggested_decision=point.suggested_decision if point else None,
                suggested_conditions=point.suggested_conditions if point else None,
            )
        )
    return tuple(points)


def _document(
    connection: Connection, guideline_id: int, templates: GuidelineTemplates, lang: str
) -> GuidelineDocument:
    info = _info(connection, guideline_id)
    guidelines = _guidelines()
    raw = connection.execute(
        select(guidelines.c.choices_json).where(guidelines.c.id == guideline_id)
    ).scalar_one()
    stored = _stored(raw, info)
    template = templates.of(info.kind)
    if info.issued:
        points = _issued_points(template, stored)
        purpose = stored.purpose or template.purpose
    else:
        points, purpose = _draft_points(template, stored, lang), template.purpose
    return GuidelineDocument(info=info, control=template.control, purpose=purpose, points=points)


def document(
    database: Database, guideline_id: int, lang: str = "ja", *, templates: GuidelineTemplates | None = None
) -> GuidelineDocument:
    """A version with its points. ``lang``: the language a draft's suggested conditions take
    for a point it has no decision for yet."""
    templates = templates or bundled_guideline_points()
    with database.engine.connect() as connection:
        return _document(connection, guideline_id, templates, lang)


def find_version(database: Database, kind: GuidelineKind | str, version: int | None) -> int:
    """The id of version ``version`` of a kind, or of the current version when None."""
    with database.engine.connect() as connection:
        return versions_find(connection, _guidelines(), _kind(kind), version)


# ---------------------------------------------------------------- drafts


def new_draft(
    database: Database, kind: GuidelineKind | str, lang: str, *, templates: GuidelineTemplates | None = None
) -> int:
    """A new version to edit: the newest version's title and decisions, or for a first version
    the catalog's title and SME Guard's suggestions (in ``lang``). One draft per kind at a time."""
    kind, templates = _kind(kind), templates or bundled_guideline_points()
    template = templates.of(kind)
    guidelines = _guidelines()
    with database.engine.begin() as connection:
        existing = _version_query(connection, guidelines.c.kind == kind.value)
        draft = next((v for v in existing if not v.issued), None)
        if draft is not None:
            raise draft_exists(draft.version)
        if existing:
            newest = _document(connection, existing[0].id, templates, lang)
            title = newest.info.title
            points = _draft_points(template, _as_stored(newest.points), lang)
        else:
            title = template.title.get(lang)
            points = _draft_points(template, _StoredChoices(), lang)
        result = connection.execute(
            guidelines.insert().values(
                kind=kind.value,
                version=(existing[0].version if existing else 0) + 1,
                title=title,
                issued_on=None,
                choices_json=_choices_json(template, points),
                notes=None,
            )
        )
        new_id = result.inserted_primary_key
        assert new_id is not None
        return int(new_id[0])


def _as_stored(points: Sequence[PointChoice]) -> _StoredChoices:
    return _StoredChoices(
        points=[_StoredPoint(key=p.key, decision=p.decision, conditions=p.conditions) for p in points]
    )


def _choices_json(template: GuidelineTemplate, points: Sequence[PointChoice]) -> str:
    data = {
        "purpose": template.purpose.model_dump(),
        "points": [
            {
                "key": p.key,
                "decision": p.decision.value if p.decision else None,
                "conditions": p.conditions,
                "ref": p.ref,
                "sheets": list(p.sheets),
                "requirement": p.requirement.model_dump(),
                "question": p.question.model_dump(),
            }
            for p in points
        ],
    }
    return json.dumps(data, ensure_ascii=False)


def _parse_decision(raw: Any) -> GuidelineDecision | None:
    if isinstance(raw, GuidelineDecision):
        return raw
    text = parse_text(raw)
    if text is None:
        return None
    for decision in GuidelineDecision:
        if text in (decision.value, label(decision, "ja"), label(decision, "en")):
            return decision
    raise ValueError(f"not a decision: {text!r}")


def _checked_content(
    template: GuidelineTemplate, raw: Mapping[str, Any]
) -> tuple[str | None, str | None, tuple[PointChoice, ...], dict[str, Problem]]:
    """Title, notes and points from ``raw`` ({"title", "notes", "choices": {key: {"decision",
    "conditions"}}}), with the problems found: the title is required, every point needs a
    decision, and "allowed with conditions" needs the conditions."""
    problems: dict[str, Problem] = {}
    title = parse_text(raw.get("title"))
    if title is None:
        problems["title"] = Problem("入力してください", "required")
    choices: Mapping[str, Mapping[str, Any]] = raw.get("choices") or {}
    unknown = sorted(set(choices) - {p.key for p in template.points})
    if unknown:
        raise ValueError(f"not points of the {template.kind.value} guideline: {', '.join(unknown)}")
    points = []
    for point in template.points:
        given = choices.get(point.key, {})
        decision, conditions = _parse_decision(given.get("decision")), parse_text(given.get("conditions"))
        if decision is None:
            problems[point.key] = Problem(
                "判断(可・不可・条件付きで可)を選んでください",
                "choose a decision (allowed, not allowed, allowed with conditions)",
            )
        elif decision == GuidelineDecision.CONDITIONAL and conditions is None:
            problems[point.key] = Problem(
                "「条件付きで可」には条件を入力してください", "'Allowed with conditions' needs the conditions"
            )
        points.append(_choice(point, decision, conditions))
    return title, parse_text(raw.get("notes")), tuple(points), problems


def _names(template: GuidelineTemplate) -> dict[str, tuple[str, str]]:
    names = {
        p.key: (f"{ref_label(p.ref, 'ja')} {p.question.ja}", f"{ref_label(p.ref, 'en')} {p.question.en}")
        for p in template.points
    }
    return {"title": ("名称", "Title"), "issued_on": ("発行日", "Issued on"), **names}


def _draft(connection: Connection, guideline_id: int) -> VersionInfo:
    info = _info(connection, guideline_id)
    if info.issued_on is not None:
        raise issued_already(info.version, info.issued_on)
    return info


def _write_draft(
    connection: Connection,
    guideline_id: int,
    raw: Mapping[str, Any],
    templates: GuidelineTemplates,
    extra_problems: Mapping[str, Problem] | None = None,
) -> dict[str, Any]:
    info = _draft(connection, guideline_id)
    template = templates.of(info.kind)
    title, notes, points, problems = _checked_content(template, raw)
    problems.update(extra_problems or {})
    if problems:
        raise GuidelineInvalidError(problems, _names(template))
    return {"title": title, "notes": notes, "choices_json": _choices_json(template, points)}


def save_draft(
    database: Database,
    guideline_id: int,
    raw: Mapping[str, Any],
    *,
    templates: GuidelineTemplates | None = None,
) -> None:
    """Save a draft's title, notes and decisions (``{"title", "notes", "choices": {key:
    {"decision", "conditions"}}}``); refused, naming each point, unless complete."""
    templates = templates or bundled_guideline_points()
    guidelines = _guidelines()
    with database.engine.begin() as connection:
        values = _write_draft(connection, guideline_id, raw, templates)
        connection.execute(guidelines.update().where(guidelines.c.id == guideline_id).values(**values))


def issue(
    database: Database,
    guideline_id: int,
    issued_on: Any,
    raw: Mapping[str, Any] | None = None,
    *,
    templates: GuidelineTemplates | None = None,
) -> None:
    """Issue a draft on ``issued_on`` (not in the future, not before the version before it).
    With ``raw`` (as for ``save_draft``) the draft is saved and issued in one step, so what is
    issued is what the form shows. An issued version is never changed again."""
    templates = templates or bundled_guideline_points()
    guidelines = _guidelines()
    problems: dict[str, Problem] = {}
    day = day_field(issued_on, "issued_on", problems)
    if day is None and "issued_on" not in problems:
        problems["issued_on"] = Problem("入力してください", "required")
    with database.engine.begin() as connection:
        info = _draft(connection, guideline_id)
        if day is not None:
            problems.update(issue_date_problems(connection, _guidelines(), info.kind, day))
        if raw is None:
            document = _document(connection, guideline_id, templates, "ja")
            raw = {
                "title": document.info.title,
                "notes": document.info.notes,
                "choices": {
                    p.key: {"decision": p.decision, "conditions": p.conditions} for p in document.points
                },
            }
        values = _write_draft(connection, guideline_id, raw, templates, problems)
        connection.execute(
            guidelines.update().where(guidelines.c.id == guideline_id).values(**values, issued_on=day)
        )


def delete_version(database: Database, guideline_id: int) -> None:
    """Delete a draft, or a version issued by mistake that nobody has acknowledged yet."""
    guidelines = _guidelines()
    with database.engine.begin() as connection:
        info = _info(connection, guideline_id)
        if info.acknowledged:
            raise GuidelineRuleError(
                f"{_version_name(info, 'ja')}は {info.acknowledged} 人が確認済みのため削除できません。",
                f"{_version_name(info, 'en').capitalize()} cannot be deleted: {info.acknowledged} "
                f"{'person has' if info.acknowledged == 1 else 'people have'} acknowledged it.",
            )
        connection.execute(guidelines.delete().where(guidelines.c.id == guideline_id))


# ---------------------------------------------------------------- acknowledgments


def record_acknowledgments(
    database: Database, guideline_id: int, person_ids: Iterable[int], acknowledged_on: Any
) -> int:
    """Record that each person read and acknowledged an issued version on ``acknowledged_on``
    (typed as elsewhere: 2026/4/1, 令和8年4月1日 ...). Refused as a whole, naming the field, for
    a draft, nobody chosen, someone who has left or acknowledged this version already, or a
    date before the version was issued or after today. Updates the people's smart devices
    when the guideline is the devices one. Returns how many were recorded."""
    people = list(dict.fromkeys(person_ids))
    problems: dict[str, Problem] = {}
    day = day_field(acknowledged_on, "acknowledged_on", problems)
    if day is None and "acknowledged_on" not in problems:
        problems["acknowledged_on"] = Problem("入力してください", "required")
    if not people:
        problems["people"] = Problem("確認した従業員を選んでください", "choose who acknowledged it")
    acks, person = _acknowledgments(), _people()
    with database.engine.begin() as connection:
        info = _info(connection, guideline_id)
        if info.issued_on is None:
            raise GuidelineRuleError(
                f"{_version_name(info, 'ja')}はまだ下書きです。発行してから確認を記録してください。",
                f"{_version_name(info, 'en').capitalize()} is still a draft. Issue it before recording acknowledgments.",
            )
        if day is not None and day < info.issued_on:
            issued = info.issued_on.isoformat()
            problems["acknowledged_on"] = Problem(
                f"{_version_name(info, 'ja')}の発行日({issued})より前の日付です",
                f"before {_version_name(info, 'en')} was issued ({issued})",
            )
        elif day is not None and day > clock.today():
            problems["acknowledged_on"] = Problem(
                "今日より後の日付は指定できません", "cannot be later than today"
            )
        rows = connection.execute(
            select(person.c.id, person.c.name, person.c.left_on).where(person.c.id.in_(people))
        ).all()
        names = {row.id: row.name for row in rows}
        missing = [p for p in people if p not in names]
        if missing:
            raise UserError("選んだ従業員が削除されています。", "An employee chosen has been deleted.")
        left = [row.name for row in rows if row.left_on is not None]
        done = connection.execute(
            select(acks.c.person_id, acks.c.acknowledged_on).where(
                acks.c.guideline_id == guideline_id, acks.c.person_id.in_(people)
            )
        ).all()
        messages: list[Problem] = []
        if left:
            joined = "、".join(left), ", ".join(left)
            messages.append(Problem(f"退職した従業員です: {joined[0]}", f"has left: {joined[1]}"))
        if done:
            ja = "、".join(f"{names[p]}({d.isoformat()})" for p, d in done)
            en = ", ".join(f"{names[p]} ({d.isoformat()})" for p, d in done)
            messages.append(
                Problem(
                    f"この版を確認済みです: {ja}(日付の誤りは確認を削除してから記録し直してください)",
                    f"already acknowledged this version: {en} (to correct a date, remove the acknowledgment first)",
                )
            )
        if messages:
            problems["people"] = Problem(
                " / ".join(m.ja for m in messages), "; ".join(m.en for m in messages)
            )
        if problems:
            raise DetailInvalidError(problems)
        connection.execute(
            acks.insert(),
            [{"guideline_id": guideline_id, "person_id": p, "acknowledged_on": day} for p in people],
        )
        if info.kind == GuidelineKind.DEVICES:
            _refresh_devices_of(connection, people)
    return len(people)


def remove_acknowledgment(database: Database, acknowledgment_id: int) -> None:
    """Remove an acknowledgment recorded by mistake (the person's devices follow)."""
    acks, guidelines = _acknowledgments(), _guidelines()
    with database.engine.begin() as connection:
        row = connection.execute(
            select(acks.c.person_id, guidelines.c.kind)
            .join(guidelines, guidelines.c.id == acks.c.guideline_id)
            .where(acks.c.id == acknowledgment_id)
        ).first()
        if row is None:
            raise UserError(
                "この確認の記録は削除されています。", "This acknowledgment has been removed already."
            )
        connection.execute(acks.delete().where(acks.c.id == acknowledgment_id))
        if row.kind == GuidelineKind.DEVICES.value:
            _refresh_devices_of(connection, [row.person_id])


def acknowledgments(database: Database, guideline_id: int) -> list[Acknowledgment]:
    """Who acknowledged one version, by date then name."""
    acks, person = _acknowledgments(), _people()
    query = (
        select(acks.c.id, acks.c.person_id, person.c.name, acks.c.acknowledged_on)
        .join(person, person.c.id == acks.c.person_id)
        .where(acks.c.guideline_id == guideline_id)
        .order_by(acks.c.acknowledged_on, person.c.kana, person.c.name)
    )
    with database.engine.connect() as connection:
        return [Acknowledgment(*row) for row in connection.execute(query)]


def _latest_acknowledgments(
    connection: Connection, kind: GuidelineKind, person_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int, int, date]]:
    """person id -> (acknowledgment id, guideline id, version, date) of the newest issued
    version of ``kind`` each person acknowledged."""
    acks, guidelines = _acknowledgments(), _guidelines()
    query = (
        select(acks.c.person_id, acks.c.id, guidelines.c.id, guidelines.c.version, acks.c.acknowledged_on)
        .join(guidelines, guidelines.c.id == acks.c.guideline_id)
        .where(guidelines.c.kind == kind.value, guidelines.c.issued_on.is_not(None))
        .order_by(guidelines.c.version)
    )
    if person_ids is not None:
        query = query.where(acks.c.person_id.in_(person_ids))
    # Ordered by version, so the newest one each person acknowledged is the last one kept.
    return {row[0]: (row[1], row[2], row[3], row[4]) for row in connection.execute(query)}


def acknowledgment_status(database: Database, kind: GuidelineKind | str) -> list[PersonStatus]:
    """Every employee who has not left, with the newest version of the guideline they
    acknowledged and its date, and whether that is the current version; by kana."""
    kind, person = _kind(kind), _people()
    with database.engine.connect() as connection:
        current = _current(connection, kind)
        latest = _latest_acknowledgments(connection, kind)
        people = connection.execute(
            select(person.c.id, person.c.name, person.c.department)
            .where(person.c.left_on.is_(None))
            .order_by(person.c.kana, person.c.name)
        ).all()
    lines = []
    for person_id, name, department in people:
        ack_id, guideline_id, version, day = latest.get(person_id, (None, None, None, None))
        lines.append(
            PersonStatus(
                person_id=person_id,
                name=name,
                department=department,
                acknowledgment_id=ack_id,
                version=version,
                acknowledged_on=day,
                current=current is not None and guideline_id == current.id,
            )
        )
    return lines


def not_acknowledged(database: Database, kind: GuidelineKind | str) -> list[PersonStatus]:
    """The employees (not left) who have not acknowledged the current version - everyone while
    no version is issued - including those who acknowledged only an older one."""
    return [line for line in acknowledgment_status(database, kind) if not line.current]


# ---------------------------------------------------------------- smart devices (10⑨)


def device_acknowledged_on(connection: Connection, person_id: int | None) -> date | None:
    """The "guideline acknowledged on" date of a device used by ``person_id``: the date they
    acknowledged the newest issued devices guideline they have acknowledged (None: none, or
    no user). For the device form when a device's user changes, inside its transaction."""
    if person_id is None:
        return None
    latest = _latest_acknowledgments(connection, GuidelineKind.DEVICES, [person_id])
    return latest[person_id][3] if person_id in latest else None


def refresh_device_dates(connection: Connection, device_ids: Iterable[int] | None = None) -> int:
    """Set "guideline acknowledged on" of the given devices (all when None) from their users'
    acknowledgments; disposed devices keep theirs. Returns how many changed."""
    devices = _devices()
    query = select(devices.c.id, devices.c.user_id, devices.c.guideline_acknowledged_on).where(
        devices.c.status != DeviceStatus.DISPOSED.value
    )
    if device_ids is not None:
        query = query.where(devices.c.id.in_(list(device_ids)))
    rows = connection.execute(query).all()
    users = sorted({row.user_id for row in rows if row.user_id is not None})
    latest = _latest_acknowledgments(connection, GuidelineKind.DEVICES, users)
    changed = 0
    for device_id, user_id, stored in rows:
        wanted = latest[user_id][3] if user_id in latest else None
        if wanted != stored:  # only real changes: each update is an audit entry
            connection.execute(
                devices.update().where(devices.c.id == device_id).values(guideline_acknowledged_on=wanted)
            )
            changed += 1
    return changed


def _refresh_devices_of(connection: Connection, person_ids: Sequence[int]) -> int:
    devices = _devices()
    ids = connection.execute(select(devices.c.id).where(devices.c.user_id.in_(person_ids))).scalars().all()
    return refresh_device_dates(connection, ids) if ids else 0
