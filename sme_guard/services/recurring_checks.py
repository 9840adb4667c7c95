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

First due: a check never done falls due on its ``first_due_on`` - spread from the day it was
added (``first_due_dates``) or chosen at set-up - never at once. A record a linked check
completes that was never done (a cloud service never reviewed, a plan never drilled) counts
from the day it was registered: it is due one interval after that, and never before the
check's first-due date (``first_due_after``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.recurring import ENTRY_PATTERN, CheckSchedule, CompletedBy
from sme_guard.domain.registers import REGISTERS, Register
from sme_guard.errors import UserError
from sme_guard.services import clock
from sme_guard.services import settings as office_settings
from sme_guard.services.catalog import bundled_check_schedule, schedule_point_ids
from sme_guard.services.details import DetailInvalidError, day_field, int_field, required_text
from sme_guard.services.flags import as_date
from sme_guard.services.incidents import Confirmation, confirmation
from sme_guard.services.registers import table_named, table_of
from sme_guard.services.values import Problem, parse_text

# Checks added together (a new office, a schedule update) fall due one after another, this
# many days apart, but never later than one interval from the day they were added.
FIRST_DUE_STEP_DAYS = 14
OWN_PREFIX = "own-"
_OWN_CODE = re.compile(r"^own-(\d+)$")


class CheckRuleError(UserError):
    """An action the schedule does not allow (deleting a default, completing a linked check)."""


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
    next_due_on: date | None  # never done: the first-due date; None: nothing to check
    overdue: bool  # switched on and due before today
    completed_by: CompletedBy | None = None  # done by that record, not by completions
    screen: str | None = None  # where it is done (a hint from the schedule)
    nothing_to_check: bool = False  # completed_by: no plans, or nothing to count
    first_due_on: date | None = None  # when it falls due if never done

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


@dataclass(frozen=True)
class CompletionLine:
    id: int
    check_id: int
    done_on: date
    done_by: str | None
    note: str | None


def first_due_after(registered_on: date | None, interval_days: int, first_due_on: date | None) -> date | None:
    """When a record never done falls due: one interval after it was registered, and never
    before the check's first-due date."""
    due = None if registered_on is None else registered_on + timedelta(days=interval_days)
    if first_due_on is not None and (due is None or due < first_due_on):
        return first_due_on
    return due


@dataclass(frozen=True)
class Review:
    """A register's active records with their review dates."""

    records: tuple[tuple[int, date | None, date], ...]  # (id, last reviewed, registered on)

    @property
    def count(self) -> int:
        return len(self.records)

    def next(
        self, interval_days: int, first_due_on: date | None
    ) -> tuple[date | None, date | None, int | None]:
        """(its last review, when due, which record) of the record due first; a record
        never reviewed has no last review."""
        best: tuple[date | None, date | None, int | None] = (None, None, None)
        for record_id, reviewed, registered in self.records:
            due = (
                reviewed + timedelta(days=interval_days)
                if reviewed is not None
                else first_due_after(registered, interval_days, first_due_on)
            )
            if best[2] is None or (due is not None and (best[1] is None or due < best[1])):
                best = (reviewed, due, record_id)
        return best


@dataclass(frozen=True)
class LinkedRecords:
    """The records that complete the linked checks, read once."""

    stocktakes: dict[str, date]  # register key -> latest finished stock-take
    running: dict[str, date]  # register key -> start of the stock-take still running
    open_items: dict[str, int]  # register key -> items a stock-take would count
    plans: dict[int, str]  # plan id -> name
    drills: dict[int, date]  # plan id -> latest drill
    plans_made: dict[int, date]  # plan id -> the day it was made
    contacts: Confirmation  # the latest contact-tree confirmation and its interval
    reviews: dict[str, Review]  # register key -> its active records' reviews

    def drill_due(self, plan_id: int, interval_days: int, first_due_on: date | None) -> date | None:
        """When a plan's next drill is due: an interval after its latest, or never drilled,
        from when the plan was made (``first_due_after``)."""
        last = self.drills.get(plan_id)
        if last is not None:
            return last + timedelta(days=interval_days)
        return first_due_after(self.plans_made.get(plan_id), interval_days, first_due_on)


def is_overdue(due_on: date | None, today: date) -> bool:
    """Due before today; None (no date to wait for) is overdue."""
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
        plan_rows = connection.execute(
            select(plans.c.id, plans.c.name, plans.c.created_at).order_by(plans.c.name)
        ).all()
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
        plans={plan_id: name for plan_id, name, _made in plan_rows},
        drills=latest_drills,
        plans_made={plan_id: as_date(made) or date.min for plan_id, _name, made in plan_rows},
        contacts=confirmation(database, today),
        reviews=reviews,
    )


def _review(connection: Connection, register: Register) -> Review:
    table = table_of(register)
    assert register.status_key
    active = table.c[register.status_key].not_in(register.closed_statuses)
    rows = connection.execute(
        select(table.c.id, table.c.last_reviewed_on, table.c.created_at).where(active).order_by(table.c.id)
    ).all()
    return Review(
        tuple((record_id, reviewed, as_date(made) or date.min) for record_id, reviewed, made in rows)
    )


def linked_state(
    record: CompletedBy,
    interval_days: int,
    linked: LinkedRecords,
    today: date,
    first_due_on: date | None = None,
) -> tuple[date | None, date | None, bool]:
    """(last done, next due, nothing to check) of a check completed by a record; never done,
    it is due on ``first_due_on`` (see the module's "First due")."""
    register_key = record.register_key
    if register_key is not None:
        last = linked.stocktakes.get(register_key)
        return last, next_due(last, interval_days) or first_due_on, not linked.open_items.get(register_key)
    if record is CompletedBy.CONTACT_TREE:
        last = linked.contacts.confirmed_on
        return last, next_due(last, linked.contacts.interval_days) or first_due_on, False
    reviewed = record.reviewed_register
    if reviewed is not None:
        review = linked.reviews[reviewed]
        last, due, _record = review.next(interval_days, first_due_on)
        return last, due, not review.count
    # Drills: the check is as far along as the plan due first.
    if not linked.plans:
        return None, None, True
    dues = {plan_id: linked.drill_due(plan_id, interval_days, first_due_on) for plan_id in linked.plans}
    first = min(dues, key=lambda plan_id: dues[plan_id] or date.min)
    return linked.drills.get(first), dues[first], False


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
                table.c.first_due_on,
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
    for check_id, code, title, stored_points, interval, enabled, first_due in rows:
        default = schedule.check(code)
        own = default is None and code.startswith(OWN_PREFIX)
        record = default.completed_by if default else None
        nothing = False
        if record is not None and linked is not None:
            if record is CompletedBy.CONTACT_TREE:
                interval = linked.contacts.interval_days
            last, due, nothing = linked_state(record, interval, linked, today, first_due)
        else:
            last = last_done.get(check_id)
            due = next_due(last, interval) or first_due
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
                first_due_on=first_due,
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


def first_due_dates(intervals: Iterable[int], start: date) -> list[date]:
    """First-due dates for checks added together on ``start``: one every
    FIRST_DUE_STEP_DAYS in order, none later than its own interval from ``start``."""
    return [
        start + timedelta(days=min(interval, FIRST_DUE_STEP_DAYS * position))
        for position, interval in enumerate(intervals, 1)
    ]


def ensure_defaults(
    database: Database, *, schedule: CheckSchedule | None = None, today: date | None = None
) -> list[str]:
    """Insert the schedule's checks the database does not have yet (by code), first due one
    after another from ``today`` (``first_due_dates``); a check the office already has keeps
    its interval, its on/off switch and its dates. Returns the codes added."""
    schedule = schedule or bundled_check_schedule()
    today = today or clock.today()
    table = _checks()
    with database.engine.begin() as connection:
        present = set(connection.execute(select(table.c.code)).scalars())
        missing = [c for c in schedule.checks if c.code not in present]
        if not missing:
            return []
        intervals = [
            _contacts_interval(connection) if c.completed_by is CompletedBy.CONTACT_TREE else c.interval_days
            for c in missing
        ]
        rows = [
            {
                "code": check.code,
                "title": check.title.ja,
                "catalog_ref": ",".join(check.points),
                "interval_days": interval,
                "enabled": True,
                "first_due_on": first_due,
            }
            for check, interval, first_due in zip(
                missing, intervals, first_due_dates(intervals, today), strict=True
            )
        ]
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
    """Change how often a check is due, in days (at least 1)."""
    save_schedule(database, check_id, {"interval_days": days}, schedule=schedule)


def save_schedule(
    database: Database, check_id: int, raw: Mapping[str, Any], *, schedule: CheckSchedule | None = None
) -> None:
    """The checks dialog's "save schedule", in one transaction: ``interval_days``, ``enabled``
    (unchanged when not given) and, for a check never done, ``first_due_on`` (typed or picked;
    required when given).
    Refused as a whole, naming the field. The contact-tree check's interval is the office
    setting the contact screen uses, so both change together."""
    schedule = schedule or bundled_check_schedule()
    problems: dict[str, Problem] = {}
    values: dict[str, Any] = {"interval_days": _interval(raw.get("interval_days"), problems)}
    if "enabled" in raw:
        values["enabled"] = bool(raw["enabled"])
    if "first_due_on" in raw:
        values["first_due_on"] = day_field(raw["first_due_on"], "first_due_on", problems)
        if values["first_due_on"] is None and "first_due_on" not in problems:
            problems["first_due_on"] = Problem("入力してください", "required")
    if problems:
        raise DetailInvalidError(problems)
    table = _checks()
    contact = schedule.completed_by(CompletedBy.CONTACT_TREE)
    with database.engine.begin() as connection:
        _check_id, code = _row(connection, check_id)
        connection.execute(table.update().where(table.c.id == check_id).values(**values))
        if contact is not None and contact.code == code:
            office_settings.write_texts(
                connection, {office_settings.CONTACTS_CONFIRM_DAYS: str(values["interval_days"])}
            )


def set_first_due(database: Database, check_id: int, raw: Any) -> None:
    """When a check never done falls due (typed or picked; required)."""
    plan_first_checks(database, {check_id: (None, raw)})


def plan_first_checks(database: Database, choices: Mapping[int, tuple[bool | None, Any]]) -> None:
    """Set-up: per check id, whether it applies (None: unchanged) and when it is first due
    (typed or a date; required), in one transaction. ``DetailInvalidError`` names each
    refused date as ``first_due_on.<check id>``."""
    problems: dict[str, Problem] = {}
    values: dict[int, dict[str, Any]] = {}
    for check_id, (enabled, raw) in choices.items():
        key = f"first_due_on.{check_id}"
        day = day_field(raw, key, problems)
        if day is None and key not in problems:
            problems[key] = Problem("入力してください", "required")
        values[check_id] = {"first_due_on": day} | ({} if enabled is None else {"enabled": bool(enabled)})
    if problems:
        raise DetailInvalidError(problems)
    table = _checks()
    with database.engine.begin() as connection:
        for check_id, changes in values.items():
            _row(connection, check_id)
            connection.execute(table.update().where(table.c.id == check_id).values(**changes))


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
    known = schedule_point_ids(catalog) if catalog is not None else None
    wrong = [p for p in points if not re.match(ENTRY_PATTERN, p) or (known is not None and p not in known)]
    if wrong:
        names = ", ".join(wrong)
        problems["points"] = Problem(
            f"{names} はカタログの項目ではありません(例: ctl-09-p1、sheet-001)",
            f"{names} is not a catalog entry (e.g. ctl-09-p1, sheet-001)",
        )
    return points


def add_own_check(database: Database, raw: Mapping[str, Any], *, catalog: Catalog | None = None) -> int:
    """An office's own check: ``title``, ``interval_days``, optionally ``points`` (catalog
    ids, a list or comma-separated; checked against ``catalog`` when one is given) and
    ``first_due_on`` (default: one interval from today)."""
    problems: dict[str, Problem] = {}
    title = required_text(raw.get("title"), "title", problems)
    interval = _interval(raw.get("interval_days"), problems)
    points = _parse_points(raw.get("points"), catalog, problems)
    first_due = day_field(raw.get("first_due_on"), "first_due_on", problems)
    if problems:
        raise DetailInvalidError(problems)
    assert interval is not None
    first_due = first_due or clock.today() + timedelta(days=interval)
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
                first_due_on=first_due,
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
