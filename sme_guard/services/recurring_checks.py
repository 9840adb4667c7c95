"""定期点検: the recurring checks the guideline's 運用で心がけるポイント ask for, one function
per user action.

The default schedule (``catalog/recurring_checks.yaml``) is SME Guard's suggestion: each
check serves catalog points and has an interval the office can change or switch off. The
office adds its own checks (code ``own-N``). Each completion is recorded with its date, who
did it and a note.

Default checks keep only their code in the database as the key (the title column holds the
Japanese title as a fallback); their titles in both languages and their points are looked up
in the schedule, so a schedule update reaches every office. Own checks store their title
and points (comma-separated in ``catalog_ref``).

De-duplication rule (see ``sme_guard.domain.recurring``): a check with ``completed_by`` is
completed by the record the app already keeps - the latest finished stock-take of its
register, the latest contact-tree confirmation, each plan's latest drill - and takes no
completions of its own. ``checks`` dates it from that record; the home list shows its duty
once, in that record's area, never as a 定期点検 line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select

from sme_guard import paths
from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.recurring import ENTRY_PATTERN, CheckSchedule, CompletedBy, ScheduledCheck
from sme_guard.domain.registers import REGISTERS, Register
from sme_guard.errors import CatalogError, UserError
from sme_guard.services import settings as office_settings
from sme_guard.services.catalog import _read_yaml, _validate, bundled_catalog
from sme_guard.services.details import DetailInvalidError, day_field, int_field, required_text
from sme_guard.services.incidents import Confirmation, confirmation
from sme_guard.services.registers import table_named, table_of
from sme_guard.services.values import Problem, parse_text

SCHEDULE_FILE = "recurring_checks.yaml"
OWN_PREFIX = "own-"
_OWN_CODE = re.compile(r"^own-(\d+)$")


class CheckRuleError(UserError):
    """An action the schedule does not allow (deleting a default, completing a linked check)."""


# ---------------------------------------------------------------- the schedule file


def catalog_ids(catalog: Catalog) -> set[str]:
    """Every id a check may serve: measures, points and task sheets."""
    ids = {s.id for s in catalog.sheets}
    for item in catalog.items:
        ids.update(m.id for m in item.measures)
        ids.update(p.id for p in item.points)
    return ids


def _entry_name(data: Any, index: int) -> str:
    if isinstance(data, dict) and isinstance(data.get("code"), str):
        return str(data["code"])
    return f"entry {index + 1}"


def load_check_schedule(path: Path | None = None, *, catalog: Catalog | None = None) -> CheckSchedule:
    """Read and validate the schedule; a ``CatalogError`` names the file, the check and the
    field. Every point must exist in ``catalog`` (the bundled catalog by default)."""
    path = path or paths.catalog_dir() / SCHEDULE_FILE
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        raise CatalogError(
            f"{path.name}: 先頭に「checks:」の一覧が必要です",
            f"{path.name}: needs a top-level list 'checks:'",
        )
    entries = [
        _validate(ScheduledCheck, entry, path.name, _entry_name(entry, index))
        for index, entry in enumerate(data["checks"])
    ]
    schedule: CheckSchedule = _validate(CheckSchedule, {"checks": entries}, path.name, "checks")
    known = catalog_ids(catalog or bundled_catalog())
    for check in schedule.checks:
        unknown = [p for p in check.points if p not in known]
        if unknown:
            names = ", ".join(unknown)
            raise CatalogError(
                f"{path.name}: {check.code}: points: {names} はカタログにありません",
                f"{path.name}: {check.code}: points: {names} is not in the catalog",
            )
    return schedule


@cache
def bundled_check_schedule() -> CheckSchedule:
    """The schedule shipped with the app, loaded once per process."""
    return load_check_schedule()


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class CheckLine:
    id: int
    code: str
    title_ja: str
    title_en: str  # own checks: the stored title, as in title_ja
    points: tuple[str, ...]
    interval_days: int
    enabled: bool
    own: bool
    last_done_on: date | None  # from the completions, or from the record that completes it
    next_due_on: date | None  # None: never done (due now), or nothing to check
    overdue: bool  # switched on and due before today (or never done)
    completed_by: CompletedBy | None = None  # done by that record, not by completions
    screen: str | None = None  # where it is done (a hint from the schedule)
    nothing_to_check: bool = False  # completed_by: no plans, or nothing to count

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


@dataclass(frozen=True)
class CompletionLine:
    id: int
    check_id: int
    done_on: date
    done_by: str | None
    note: str | None


@dataclass(frozen=True)
class Review:
    """Of a register's active records, the one reviewed longest ago (never reviewed first)."""

    oldest: date | None  # its review date; None: it was never reviewed
    record_id: int | None  # None: no active record
    count: int  # active records


@dataclass(frozen=True)
class LinkedRecords:
    """The records that complete the linked checks, read once."""

    stocktakes: dict[str, date]  # register key -> latest finished stock-take
    running: dict[str, date]  # register key -> start of the stock-take still running
    open_items: dict[str, int]  # register key -> items a stock-take would count
    plans: dict[int, str]  # plan id -> name
    drills: dict[int, date]  # plan id -> latest drill
    contacts: Confirmation  # the latest contact-tree confirmation and its interval
    reviews: dict[str, Review]  # register key -> its record reviewed longest ago


def is_overdue(due_on: date | None, today: date) -> bool:
    """Due before today; None (never done) is overdue."""
    return due_on is None or due_on < today


def next_due(last_done_on: date | None, interval_days: int) -> date | None:
    return None if last_done_on is None else last_done_on + timedelta(days=interval_days)


def _checks() -> Table:
    return table_named("recurring_check")


def _completions() -> Table:
    return table_named("check_completion")


def _points_of(stored: str | None) -> tuple[str, ...]:
    return tuple(p for p in (stored or "").split(",") if p)


def linked_records(database: Database, today: date) -> LinkedRecords:
    takes, drills = table_named("stock_take"), table_named("drill")
    plans = table_named("continuity_plan")
    with database.engine.connect() as connection:
        finished = dict(
            connection.execute(
                select(takes.c.register_key, func.max(takes.c.finished_on))
                .where(takes.c.finished_on.is_not(None))
                .group_by(takes.c.register_key)
            ).all()
        )
        running = dict(
            connection.execute(
                select(takes.c.register_key, func.max(takes.c.started_on))
                .where(takes.c.finished_on.is_(None))
                .group_by(takes.c.register_key)
            ).all()
        )
        open_items: dict[str, int] = {}
        for register in (r for r in REGISTERS.values() if r.stocktake):
            assert register.status_key
            table = table_of(register)
            open_items[register.key] = connection.execute(
                select(func.count()).where(table.c[register.status_key].not_in(register.closed_statuses))
            ).scalar_one()
        plan_names = dict(connection.execute(select(plans.c.id, plans.c.name).order_by(plans.c.name)).all())
        latest_drills = dict(
            connection.execute(
                select(drills.c.plan_id, func.max(drills.c.held_on)).group_by(drills.c.plan_id)
            ).all()
        )
        reviews = {
            key: _review(connection, REGISTERS[key])
            for key in (record.reviewed_register for record in CompletedBy)
            if key is not None
        }
    return LinkedRecords(
        stocktakes=finished,
        running=running,
        open_items=open_items,
        plans=plan_names,
        drills=latest_drills,
        contacts=confirmation(database, today),
        reviews=reviews,
    )


def _review(connection: Connection, register: Register) -> Review:
    table = table_of(register)
    assert register.status_key
    active = table.c[register.status_key].not_in(register.closed_statuses)
    reviewed = table.c.last_reviewed_on
    first = connection.execute(
        select(table.c.id, reviewed)
        .where(active)
        .order_by(reviewed.is_not(None), reviewed, table.c.id)
        .limit(1)
    ).first()
    count = connection.execute(select(func.count()).where(active)).scalar_one()
    return Review(first[1] if first else None, first[0] if first else None, count)


def linked_state(
    record: CompletedBy, interval_days: int, linked: LinkedRecords, today: date
) -> tuple[date | None, date | None, bool]:
    """(last done, next due, nothing to check) of a check completed by a record."""
    register_key = record.register_key
    if register_key is not None:
        last = linked.stocktakes.get(register_key)
        return last, next_due(last, interval_days), not linked.open_items.get(register_key)
    if record is CompletedBy.CONTACT_TREE:
        last = linked.contacts.confirmed_on
        return last, next_due(last, linked.contacts.interval_days), False
    reviewed = record.reviewed_register
    if reviewed is not None:
        review = linked.reviews[reviewed]
        return review.oldest, next_due(review.oldest, interval_days), not review.count
    # Drills: the check is as far along as the plan drilled longest ago.
    if not linked.plans:
        return None, None, True
    latest = [linked.drills.get(plan_id) for plan_id in linked.plans]
    last = None if None in latest else min(d for d in latest if d is not None)
    return last, next_due(last, interval_days), False


# ---------------------------------------------------------------- reading


def checks(
    database: Database,
    today: date,
    *,
    schedule: CheckSchedule | None = None,
    linked: LinkedRecords | None = None,
) -> list[CheckLine]:
    """Every check in the database: the defaults in schedule order, then the office's own.

    ``linked``: the records read by ``linked_records`` when the caller has them already."""
    schedule = schedule or bundled_check_schedule()
    table, completions = _checks(), _completions()
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(
                table.c.id,
                table.c.code,
                table.c.title,
                table.c.catalog_ref,
                table.c.interval_days,
                table.c.enabled,
            )
        ).all()
        last_done = dict(
            connection.execute(
                select(completions.c.check_id, func.max(completions.c.done_on)).group_by(
                    completions.c.check_id
                )
            ).all()
        )
    if linked is None and any(c.completed_by for c in schedule.checks):
        linked = linked_records(database, today)
    order = {c.code: i for i, c in enumerate(schedule.checks)}
    lines = []
    for check_id, code, title, stored_points, interval, enabled in rows:
        default = schedule.check(code)
        own = default is None and code.startswith(OWN_PREFIX)
        record = default.completed_by if default else None
        nothing = False
        if record is not None and linked is not None:
            if record is CompletedBy.CONTACT_TREE:
                interval = linked.contacts.interval_days
            last, due, nothing = linked_state(record, interval, linked, today)
        else:
            last = last_done.get(check_id)
            due = next_due(last, interval)
        lines.append(
            CheckLine(
                id=check_id,
                code=code,
                title_ja=default.title.ja if default else title,
                title_en=default.title.en if default else title,
                points=tuple(default.points) if default else _points_of(stored_points),
                interval_days=interval,
                enabled=bool(enabled),
                own=own,
                last_done_on=last,
                next_due_on=due,
                overdue=bool(enabled) and not nothing and is_overdue(due, today),
                completed_by=record,
                screen=default.screen if default else None,
                nothing_to_check=nothing,
            )
        )
    lines.sort(key=lambda line: (order.get(line.code, len(order)), line.id))
    return lines


def completions(database: Database, check_id: int) -> list[CompletionLine]:
    """The check's completions, newest first."""
    table = _completions()
    query = (
        select(table.c.id, table.c.check_id, table.c.done_on, table.c.done_by, table.c.note)
        .where(table.c.check_id == check_id)
        .order_by(table.c.done_on.desc(), table.c.id.desc())
    )
    with database.engine.connect() as connection:
        return [CompletionLine(*row) for row in connection.execute(query)]


# ---------------------------------------------------------------- changing


def ensure_defaults(database: Database, *, schedule: CheckSchedule | None = None) -> list[str]:
    """Insert the schedule's checks the database does not have yet (by code); a check the
    office already has keeps its interval and its on/off switch. Returns the codes added."""
    schedule = schedule or bundled_check_schedule()
    table = _checks()
    with database.engine.begin() as connection:
        present = set(connection.execute(select(table.c.code)).scalars())
        missing = [c for c in schedule.checks if c.code not in present]
        if not missing:
            return []
        rows = []
        for check in missing:
            interval = check.interval_days
            if check.completed_by is CompletedBy.CONTACT_TREE:
                interval = _contacts_interval(connection)
            rows.append(
                {
                    "code": check.code,
                    "title": check.title.ja,
                    "catalog_ref": ",".join(check.points),
                    "interval_days": interval,
                    "enabled": True,
                }
            )
        connection.execute(table.insert(), rows)
    return [c.code for c in missing]


def _contacts_interval(connection: Connection) -> int:
    settings = table_named("app_setting")
    stored = connection.execute(
        select(settings.c.value).where(settings.c.key == office_settings.CONTACTS_CONFIRM_DAYS)
    ).scalar()
    return int(
        stored if stored is not None else office_settings.DEFAULTS[office_settings.CONTACTS_CONFIRM_DAYS]
    )


def _row(connection: Connection, check_id: int) -> Any:
    table = _checks()
    row = connection.execute(select(table.c.id, table.c.code).where(table.c.id == check_id)).first()
    if row is None:
        raise UserError("この点検は削除されています。", "This check has been deleted.")
    return row


def _interval(raw: Any, problems: dict[str, Problem]) -> int | None:
    days = int_field(raw, "interval_days", problems, minimum=1)
    if days is None and "interval_days" not in problems:
        problems["interval_days"] = Problem("入力してください", "required")
    return days


def set_interval(
    database: Database, check_id: int, days: Any, *, schedule: CheckSchedule | None = None
) -> None:
    """Change how often a check is due, in days (at least 1).

    The contact-tree check's interval is the office setting the contact screen uses, so
    both are changed together."""
    schedule = schedule or bundled_check_schedule()
    problems: dict[str, Problem] = {}
    interval = _interval(days, problems)
    if problems:
        raise DetailInvalidError(problems)
    table = _checks()
    with database.engine.begin() as connection:
        _check_id, code = _row(connection, check_id)
        connection.execute(table.update().where(table.c.id == check_id).values(interval_days=interval))
    contact = schedule.completed_by(CompletedBy.CONTACT_TREE)
    if contact is not None and contact.code == code and interval is not None:
        office_settings.set_int(database, office_settings.CONTACTS_CONFIRM_DAYS, interval)


def set_enabled(database: Database, check_id: int, enabled: bool) -> None:
    """Switch a check on or off (a default cannot be deleted, only switched off)."""
    table = _checks()
    with database.engine.begin() as connection:
        _row(connection, check_id)
        connection.execute(table.update().where(table.c.id == check_id).values(enabled=bool(enabled)))


def _parse_points(raw: Any, catalog: Catalog | None, problems: dict[str, Problem]) -> tuple[str, ...]:
    if raw is None or raw == "":
        return ()
    items: Iterable[Any] = re.split(r"[,\s、]+", str(raw)) if isinstance(raw, str) else raw
    points = tuple(dict.fromkeys(str(p).strip() for p in items if str(p).strip()))
    known = catalog_ids(catalog) if catalog is not None else None
    wrong = [p for p in points if not re.match(ENTRY_PATTERN, p) or (known is not None and p not in known)]
    if wrong:
        names = ", ".join(wrong)
        problems["points"] = Problem(
            f"{names} はカタログの項目ではありません(例: ctl-09-p1、sheet-001)",
            f"{names} is not a catalog entry (e.g. ctl-09-p1, sheet-001)",
        )
    return points


def add_own_check(database: Database, raw: Mapping[str, Any], *, catalog: Catalog | None = None) -> int:
    """An office's own check: ``title``, ``interval_days`` and optionally ``points`` (catalog
    ids, a list or comma-separated; checked against ``catalog`` when one is given)."""
    problems: dict[str, Problem] = {}
    title = required_text(raw.get("title"), "title", problems)
    interval = _interval(raw.get("interval_days"), problems)
    points = _parse_points(raw.get("points"), catalog, problems)
    if problems:
        raise DetailInvalidError(problems)
    table = _checks()
    with database.engine.begin() as connection:
        numbers = [
            int(match[1])
            for code in connection.execute(select(table.c.code).where(table.c.code.like("own-%"))).scalars()
            if (match := _OWN_CODE.match(code))
        ]
        inserted = connection.execute(
            table.insert().values(
                code=f"{OWN_PREFIX}{max(numbers, default=0) + 1}",
                title=title,
                catalog_ref=",".join(points) or None,
                interval_days=interval,
                enabled=True,
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def update_own_check(
    database: Database, check_id: int, raw: Mapping[str, Any], *, catalog: Catalog | None = None
) -> None:
    """Rename an own check or change the points it serves (the interval: ``set_interval``)."""
    problems: dict[str, Problem] = {}
    title = required_text(raw.get("title"), "title", problems)
    points = _parse_points(raw.get("points"), catalog, problems)
    if problems:
        raise DetailInvalidError(problems)
    table = _checks()
    with database.engine.begin() as connection:
        _own(connection, check_id)
        connection.execute(
            table.update()
            .where(table.c.id == check_id)
            .values(title=title, catalog_ref=",".join(points) or None)
        )


def _own(connection: Connection, check_id: int) -> None:
    _check_id, code = _row(connection, check_id)
    if not _OWN_CODE.match(code):
        raise CheckRuleError(
            "既定の点検は削除・変更できません。不要なら停止してください。",
            "A default check cannot be deleted or changed; switch it off if it is not needed.",
        )


def delete_own_check(database: Database, check_id: int) -> None:
    """Delete an own check and its completions; the defaults can only be switched off."""
    table, completions_table = _checks(), _completions()
    with database.engine.begin() as connection:
        _own(connection, check_id)
        connection.execute(completions_table.delete().where(completions_table.c.check_id == check_id))
        connection.execute(table.delete().where(table.c.id == check_id))


def record_completion(
    database: Database, check_id: int, raw: Mapping[str, Any], *, schedule: CheckSchedule | None = None
) -> int:
    """The check was done: ``done_on`` (required), ``done_by``, ``note``.

    A check completed by another record (a stock-take, the contact-tree confirmation, a
    drill) is refused: it is done there, so it is never counted twice."""
    schedule = schedule or bundled_check_schedule()
    problems: dict[str, Problem] = {}
    done_on = day_field(raw.get("done_on"), "done_on", problems)
    if done_on is None and "done_on" not in problems:
        problems["done_on"] = Problem("入力してください", "required")
    values = {
        "done_on": done_on,
        "done_by": parse_text(raw.get("done_by")),
        "note": parse_text(raw.get("note")),
    }
    if problems:
        raise DetailInvalidError(problems)
    completions_table = _completions()
    with database.engine.begin() as connection:
        _check_id, code = _row(connection, check_id)
        default = schedule.check(code)
        if default is not None and default.completed_by is not None:
            raise CheckRuleError(*_done_elsewhere(default.completed_by))
        inserted = connection.execute(
            completions_table.insert().values(check_id=check_id, **values)
        ).inserted_primary_key
        assert inserted is not None
        _refresh_last_done(connection, check_id)
        return int(inserted[0])


def _done_elsewhere(record: CompletedBy) -> tuple[str, str]:
    if record.register_key is not None:
        register = REGISTERS[record.register_key]
        return (
            f"この点検は{register.ja}の棚卸を終了すると完了になります。",
            f"This check is completed by finishing a stock-take of {register.en.lower()}.",
        )
    if record.reviewed_register is not None:
        register = REGISTERS[record.reviewed_register]
        return (
            f"この点検は{register.ja}の記録をそれぞれ「本日見直し済み」にすると完了になります。",
            f"This check is completed by marking each record of {register.en.lower()} 'Reviewed today'.",
        )
    if record is CompletedBy.CONTACT_TREE:
        return (
            "この点検は緊急連絡網の「確認済み」を記録すると完了になります。",
            "This check is completed by recording the contact tree as confirmed.",
        )
    return (
        "この点検は各IT継続計画の訓練を記録すると完了になります。",
        "This check is completed by recording a drill for each IT continuity plan.",
    )


def delete_completion(database: Database, completion_id: int) -> None:
    """Remove a completion recorded by mistake."""
    completions_table = _completions()
    with database.engine.begin() as connection:
        check_id = connection.execute(
            select(completions_table.c.check_id).where(completions_table.c.id == completion_id)
        ).scalar()
        if check_id is None:
            return
        connection.execute(completions_table.delete().where(completions_table.c.id == completion_id))
        _refresh_last_done(connection, check_id)


def _refresh_last_done(connection: Connection, check_id: int) -> None:
    table, completions_table = _checks(), _completions()
    latest = connection.execute(
        select(func.max(completions_table.c.done_on)).where(completions_table.c.check_id == check_id)
    ).scalar_one()
    connection.execute(table.update().where(table.c.id == check_id).values(last_done_on=latest))
