"""What the office's versioned documents share - the staff guidelines (10⑨, 18①), the basic
security policy and the security rules: a table per kind of document with ``kind``,
``version`` and ``issued_on`` (None: a draft); one draft per kind at a time; a draft is edited
until it is issued, and an issued version is never changed again (a change is a new version).

The rules of that life cycle, and their messages, live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from sqlalchemy import Connection, Table, select

from sme_guard.domain.codes import label
from sme_guard.errors import UserError
from sme_guard.services import clock
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.values import Problem


class VersionRuleError(UserError):
    """An action the versioning does not allow (editing an issued version, a second draft...)."""


class VersionInvalidError(DetailInvalidError):
    """A draft was not saved or issued; ``problems`` maps its fields. The message names each
    field by ``names`` (key -> (ja, en)), so it reads on its own too."""

    def __init__(self, problems: Mapping[str, Problem], names: Mapping[str, tuple[str, str]]) -> None:
        super().__init__(problems)
        lines = [(names.get(key, (key, key)), problem) for key, problem in problems.items()]
        self.ja = "入力内容を確認してください。\n" + "\n".join(f"{ja}: {p.ja}" for (ja, _en), p in lines)
        self.en = "Please check the following.\n" + "\n".join(f"{en}: {p.en}" for (_ja, en), p in lines)
        self.args = (self.en,)


def version_name(version: int, lang: str) -> str:
    return f"version {version}" if lang == "en" else f"第{version}版"


def draft_exists(version: int) -> VersionRuleError:
    return VersionRuleError(
        f"{version_name(version, 'ja')}の下書きがあります。下書きを編集するか、削除してから作成してください。",
        f"There is a draft already ({version_name(version, 'en')}). Edit it, or delete it first.",
    )


def issued_already(version: int, issued_on: date) -> VersionRuleError:
    return VersionRuleError(
        f"{version_name(version, 'ja')}は {issued_on.isoformat()} に発行済みのため変更できません。"
        "変更するときは新しい版を作成してください。",
        f"{version_name(version, 'en').capitalize()} was issued on {issued_on.isoformat()} and "
        "cannot be changed. Make a new version to change it.",
    )


def unreadable(version: int) -> UserError:
    return UserError(
        f"{version_name(version, 'ja')}の内容を読み取れません(データベースの値が壊れています)。",
        f"The contents of {version_name(version, 'en')} cannot be read (the stored value is damaged).",
    )


def issue_date_problems(connection: Connection, table: Table, kind: StrEnum, day: date) -> dict[str, Problem]:
    """A version of ``kind`` is issued on a day not after today, nor before the version in force."""
    if day > clock.today():
        return {"issued_on": Problem("今日より後の日付は指定できません", "cannot be later than today")}
    current = connection.execute(
        select(table.c.version, table.c.issued_on)
        .where(table.c.kind == kind.value, table.c.issued_on.is_not(None))
        .order_by(table.c.version.desc())
        .limit(1)
    ).first()
    if current is not None and day < current.issued_on:
        number, issued = current.version, current.issued_on.isoformat()
        return {
            "issued_on": Problem(
                f"前の版({version_name(number, 'ja')}、{issued} 発行)より前の日付です",
                f"earlier than the version before it ({version_name(number, 'en')}, issued {issued})",
            )
        }
    return {}


def find_version(connection: Connection, table: Table, kind: StrEnum, version: int | None) -> int:
    """The id of version ``version`` of ``kind`` in ``table``, or of the version in force (the
    newest issued) when None; a ``UserError`` names the document when there is none."""
    name = label(kind, "ja"), label(kind, "en")
    if version is None:
        found = connection.execute(
            select(table.c.id)
            .where(table.c.kind == kind.value, table.c.issued_on.is_not(None))
            .order_by(table.c.version.desc())
            .limit(1)
        ).scalar()
        if found is None:
            raise UserError(
                f"{name[0]}はまだ発行されていません(下書きは版の番号で指定してください)。",
                f"The {name[1].lower()} has not been issued yet (name a draft by its version number).",
            )
        return int(found)
    found = connection.execute(
        select(table.c.id).where(table.c.kind == kind.value, table.c.version == version)
    ).scalar()
    if found is None:
        raise UserError(
            f"{name[0]}の第{version}版はありません。",
            f"There is no version {version} of the {name[1].lower()}.",
        )
    return int(found)
