"""ホーム: everything due or overdue across the app, as one list sorted by date.

Each line says what needs doing, by when, and which record it is about (``Target``), so the
home screen can open it. Dates are compared with a ``today`` passed in (tests fix it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, circled
from sme_guard.domain.codes import GuidelineKind, IncidentStatus, MeasureStatus, label
from sme_guard.domain.due import Area, DueItem, Target
from sme_guard.domain.recurring import CheckSchedule, CompletedBy
from sme_guard.domain.registers import (
    BADGES,
    DEVICE_SECURITY_SETTINGS,
    DEVICES,
    INCIDENTS,
    MEDIA,
    PEOPLE,
    PLANS,
)
from sme_guard.services import assessments, recurring_checks
from sme_guard.services import settings as office_settings
from sme_guard.services.catalog import bundled_catalog, bundled_check_schedule
from sme_guard.services.flags import Flag, FlagContext, review_due_on
from sme_guard.services.registers import holdings_of, load_rows, table_named

# ---------------------------------------------------------------- the list
#
# What each area lists (``due_items``), with the date a line is due on:
#
# - CHECKS: recurring checks switched on and not completed by another record (see
#   ``recurring_checks``): last completion + interval; never done: its first-due date.
# - STOCKTAKE: per register with something to count, if its stock-take check is on: latest
#   finished stock-take + the check's interval; never done: the check's first-due date.
# - MEDIA: long-term backup media flagged MIGRATION_DUE: their next migration date.
# - DEVICES: one line per flag: SETTINGS_OFF (None: wrong now), PATCH_OLD (last patch + the
#   office's patch limit; never patched: None).
# - BADGES: badges flagged EXPIRED (not returned or revoked): their valid-until date.
# - LEAVERS: one line per badge, device or medium still held by someone who has left (or
#   leaves within the horizon): the leaving date.
# - INCIDENTS: every incident not closed, due None (it needs handling now; overdue once it has
#   been open more than INCIDENT_OPEN_DAYS); every prevention action not done: its due date.
# - CONTINUITY: plans flagged REVIEW_DUE: the next review (never reviewed: an interval after
#   the plan was made); plans flagged OWNER_LEFT: the owner's leaving date; if the drill check
#   is on, each plan's next drill (never drilled: ``LinkedRecords.drill_due``).
# - CONTACTS: if the contact-tree check is on: latest confirmation + the office's interval;
#   never confirmed: the check's first-due date.
# - ASSESSMENT: the latest run's measures and sheets whose target date has come and that are
#   not in place (実施済 or 対象外 are; a sheet that does not apply is left out).
# - SECURITY_ACTION: while the office aims at ★★, each step it still lacks (self-diagnosis,
#   basic policy issued, published): no date, and never overdue (a goal, not a duty).
#
# No duty is listed twice: a recurring check completed by another record (the stock-takes,
# the contact tree, the drills) is listed only in that record's area, never under CHECKS.
#
# A line is listed when it is due within the horizon (default 30 days) or has no date; it is
# overdue when its date is before today (or None). Nothing is overdue before it could have
# been done: what was never done falls due on a first-due date (see ``recurring_checks``). Flagged rows come from the register
# services: the flags are computed as of the horizon's last day, so they include what
# becomes due within it.

INCIDENT_OPEN_DAYS = 30  # an incident open longer than this is overdue
DEFAULT_HORIZON_DAYS = 30
AREA_ORDER = {area: index for index, area in enumerate(Area)}
# How long staff have to return the signed slip of a newly issued guideline.
ACKNOWLEDGE_WITHIN_DAYS = 30
_SINGULAR_EN = {
    "media": "storage medium",
    "devices": "smart device",
    "badges": "ID badge",
    "accounts": "account",
}


def _text(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def _day(value: Any) -> date | None:
    """A date from a raw table value (ISO text), a date or a datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _last_and_interval(
    lang: str, last: date | None, interval: int, never_ja: str, never_en: str, due: date | None = None
) -> str:
    if last is None and due is not None:
        return _text(
            lang,
            f"{never_ja}、初回期限 {due}、間隔 {interval} 日",
            f"{never_en}, first due {due}, every {interval} days",
        )
    if last is None:
        return _text(lang, f"{never_ja}、間隔 {interval} 日", f"{never_en}, every {interval} days")
    return _text(lang, f"前回 {last}、間隔 {interval} 日", f"Last {last}, every {interval} days")


@dataclass(frozen=True)
class _Linked:
    """A check completed by another record, as the home list needs it."""

    enabled: bool
    interval_days: int
    title_ja: str
    title_en: str
    last_done_on: date | None
    next_due_on: date | None
    nothing_to_check: bool
    first_due_on: date | None

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


def _linked_checks(
    lines: list[recurring_checks.CheckLine],
    schedule: CheckSchedule,
    linked: recurring_checks.LinkedRecords,
    today: date,
) -> dict[CompletedBy, _Linked]:
    """Each linked check from the database; one the database lacks yet (``ensure_defaults``
    not run) counts as switched on with the schedule's interval."""
    found: dict[CompletedBy, _Linked] = {}
    for line in lines:
        if line.completed_by is not None:
            found[line.completed_by] = _Linked(
                line.enabled,
                line.interval_days,
                line.title_ja,
                line.title_en,
                line.last_done_on,
                line.next_due_on,
                line.nothing_to_check,
                line.first_due_on,
            )
    for check in schedule.checks:
        record = check.completed_by
        if record is None or record in found:
            continue
        interval = (
            linked.contacts.interval_days if record is CompletedBy.CONTACT_TREE else check.interval_days
        )
        first_due = today + timedelta(days=interval)  # not added yet: never due before it is
        last, due, nothing = recurring_checks.linked_state(record, interval, linked, today, first_due)
        found[record] = _Linked(True, interval, check.title.ja, check.title.en, last, due, nothing, first_due)
    return found


def due_items(
    database: Database,
    today: date,
    lang: str,
    *,
    catalog: Catalog | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    schedule: CheckSchedule | None = None,
) -> list[DueItem]:
    """Everything due within ``horizon_days`` of ``today`` or overdue: lines without a date
    first, then oldest first; on the same date by area, then as each area lists them
    (schedule order, record order). ``catalog`` names the assessment's measures (bundled by
    default; pass the office's catalog to name its own entries)."""
    schedule = schedule or bundled_check_schedule()
    horizon = today + timedelta(days=horizon_days)
    linked = recurring_checks.linked_records(database, today)
    lines = recurring_checks.checks(database, today, schedule=schedule, linked=linked)
    linked_checks = _linked_checks(lines, schedule, linked, today)
    context = FlagContext(horizon, office_settings.get_int(database, office_settings.PATCH_MAX_AGE_DAYS))
    found = _Found(today, horizon, lang)
    _recurring(found, lines, linked)
    _stocktakes(found, linked_checks, linked)
    _media(found, database, context)
    _devices(found, database, context)
    _badges(found, database, context)
    _leavers(found, database, context)
    _incidents(found, database)
    _continuity(found, database, context, linked_checks.get(CompletedBy.DRILLS), linked)
    _contacts(found, linked_checks.get(CompletedBy.CONTACT_TREE), linked)
    _assessment(found, database, catalog or bundled_catalog())
    _guidelines(found, database)
    _security_action(found, database)
    return sorted(
        found.items,
        key=lambda i: (i.due_on is not None, i.due_on or date.min, AREA_ORDER[i.area]),
    )


class _Found:
    """The lines collected so far, and the dates they are judged against."""

    def __init__(self, today: date, horizon: date, lang: str) -> None:
        self.today, self.horizon, self.lang = today, horizon, lang
        self.items: list[DueItem] = []

    def text(self, ja: str, en: str) -> str:
        return _text(self.lang, ja, en)

    def add(
        self,
        area: Area,
        due_on: date | None,
        title: str,
        detail: str,
        target: Target,
        overdue: bool | None = None,
    ) -> None:
        """Keep the line if it is due within the horizon (or has no date)."""
        if due_on is not None and due_on > self.horizon:
            return
        if overdue is None:
            overdue = recurring_checks.is_overdue(due_on, self.today)
        self.items.append(DueItem(area, due_on, title, detail, overdue, target))


def _recurring(
    found: _Found, lines: list[recurring_checks.CheckLine], linked: recurring_checks.LinkedRecords
) -> None:
    """The recurring checks; those done by reviewing a register's records (reviews:...) open
    the record reviewed longest ago, the other linked ones are listed in their own areas."""
    for line in lines:
        reviewed = line.completed_by.reviewed_register if line.completed_by else None
        if not line.enabled or (line.completed_by is not None and reviewed is None) or line.nothing_to_check:
            continue
        target = (
            Target("check", record_id=line.id)
            if reviewed is None
            else Target(
                "register", reviewed, linked.reviews[reviewed].next(line.interval_days, line.first_due_on)[2]
            )
        )
        found.add(
            Area.CHECKS,
            line.next_due_on,
            line.title(found.lang),
            _last_and_interval(
                found.lang, line.last_done_on, line.interval_days, "未実施", "Not started", line.next_due_on
            ),
            target,
        )


def _stocktakes(
    found: _Found, checks: dict[CompletedBy, _Linked], linked: recurring_checks.LinkedRecords
) -> None:
    for record in (CompletedBy.MEDIA_STOCKTAKE, CompletedBy.DEVICES_STOCKTAKE, CompletedBy.BADGES_STOCKTAKE):
        check = checks.get(record)
        key = record.register_key
        if check is None or key is None or not check.enabled or check.nothing_to_check:
            continue
        detail = _last_and_interval(
            found.lang, check.last_done_on, check.interval_days, "未実施", "Not started", check.next_due_on
        )
        if key in linked.running:
            started = linked.running[key]
            detail += found.text(f"(実施中: {started} 開始)", f" (running since {started})")
        found.add(
            Area.STOCKTAKE, check.next_due_on, check.title(found.lang), detail, Target("stocktake", key)
        )


def _media(found: _Found, database: Database, context: FlagContext) -> None:
    rows = load_rows(database, MEDIA, context, table_only=True)
    number, migration = rows.index("asset_number"), rows.index("next_migration_on")
    for record_id, values, flags in zip(rows.ids, rows.rows, rows.flags, strict=True):
        if Flag.MIGRATION_DUE not in flags:
            continue
        due = _day(values[migration])
        found.add(
            Area.MEDIA,
            due,
            found.text(
                f"記憶媒体 {values[number]} のバックアップの移行",
                f"Move the backup on storage medium {values[number]}",
            ),
            found.text(f"次回移行日 {due}(9⑤ 記憶媒体の寿命)", f"Next migration {due} (9⑤ media lifetime)"),
            Target("register", MEDIA.key, record_id),
        )


def _devices(found: _Found, database: Database, context: FlagContext) -> None:
    rows = load_rows(database, DEVICES, context, table_only=True)
    number, patched = rows.index("asset_number"), rows.index("last_patch_on")
    settings = [(rows.index(key), DEVICES.column(key)) for key in DEVICE_SECURITY_SETTINGS]
    limit = context.patch_max_age_days
    for record_id, values, flags in zip(rows.ids, rows.rows, rows.flags, strict=True):
        target = Target("register", DEVICES.key, record_id)
        if Flag.SETTINGS_OFF in flags:
            off = [column for index, column in settings if not values[index]]
            found.add(
                Area.DEVICES,
                None,
                found.text(
                    f"スマートデバイス {values[number]} の設定不備",
                    f"Settings off on smart device {values[number]}",
                ),
                found.text(
                    "オフ: " + "、".join(c.ja for c in off) + "(10③④⑤)",
                    "Off: " + ", ".join(c.en for c in off) + " (10③④⑤)",
                ),
                target,
            )
        if Flag.PATCH_OLD in flags:
            last = _day(values[patched])
            due = None if last is None else last + timedelta(days=limit)
            found.add(
                Area.DEVICES,
                due,
                found.text(
                    f"スマートデバイス {values[number]} のセキュリティパッチ",
                    f"Security patches on smart device {values[number]}",
                ),
                found.text(
                    f"最終パッチ適用日 {last}(上限 {limit} 日、10⑥)"
                    if last
                    else "パッチ適用日の記録なし(10⑥)",
                    f"Last patched {last} (limit {limit} days, 10⑥)"
                    if last
                    else "No patch date recorded (10⑥)",
                ),
                target,
            )


def _badges(found: _Found, database: Database, context: FlagContext) -> None:
    """Badges past their validity that were neither returned nor revoked (sheet No.1)."""
    rows = load_rows(database, BADGES, context, table_only=True)
    number, valid_until = rows.index("badge_number"), rows.index("valid_until")
    for record_id, values, flags in zip(rows.ids, rows.rows, rows.flags, strict=True):
        if Flag.EXPIRED not in flags:
            continue
        until = _day(values[valid_until])
        found.add(
            Area.BADGES,
            until,
            found.text(f"社員証 {values[number]} の有効期限切れ", f"ID badge {values[number]} has expired"),
            found.text(
                f"有効期限 {until}: 回収・失効または更新(業務 No.1)",
                f"Valid until {until}: collect and revoke, or renew (task sheet No.1)",
            ),
            Target("register", BADGES.key, record_id),
        )


def _leavers(found: _Found, database: Database, context: FlagContext) -> None:
    rows = load_rows(database, PEOPLE, context, table_only=True)
    name, left_on = rows.index("name"), rows.index("left_on")
    leavers = [
        (person_id, values[name], _day(values[left_on]))
        for person_id, values, flags in zip(rows.ids, rows.rows, rows.flags, strict=True)
        if Flag.LEFT_WITH_ITEMS in flags
    ]
    leavers = [(p, n, left) for p, n, left in leavers if left is not None and left <= found.horizon]
    if not leavers:
        return
    with database.engine.connect() as connection:
        held = [(person, left, holdings_of(connection, pid)) for pid, person, left in leavers]
    for person, left, holdings in held:
        assert left is not None
        gone = left < found.today
        for holding in holdings:
            register, account = holding.register, holding.register.key == "accounts"
            found.add(
                Area.LEAVERS,
                left,
                found.text(
                    f"{person} さんの{register.ja} {holding.name} の{'無効化' if account else '返却'}",
                    f"{'Disabling' if account else 'Return'} of {_SINGULAR_EN[register.key]} {holding.name}"
                    f" {'of' if account else 'held by'} {person}",
                ),
                found.text(
                    f"{'退職日' if gone else '退職予定日'} {left}(5 運用①)",
                    f"{'Left on' if gone else 'Leaves on'} {left} (5, operation ①)",
                ),
                Target("register", register.key, holding.record_id),
            )


def _incidents(found: _Found, database: Database) -> None:
    incidents, actions = table_named("incident"), table_named("incident_action")
    closed = IncidentStatus.CLOSED.value
    with database.engine.connect() as connection:
        open_incidents = connection.execute(
            select(
                incidents.c.id,
                incidents.c.number,
                incidents.c.what,
                incidents.c.status,
                incidents.c.occurred_at,
            )
            .where(incidents.c.status != closed)
            .order_by(incidents.c.id)
        ).all()
        open_actions = connection.execute(
            select(actions.c.incident_id, incidents.c.number, actions.c.description, actions.c.due_on)
            .join(incidents, incidents.c.id == actions.c.incident_id)
            .where(
                actions.c.done_on.is_(None), actions.c.due_on.is_not(None), actions.c.due_on <= found.horizon
            )
            .order_by(actions.c.due_on, actions.c.id)
        ).all()
    for incident_id, number, what, status, occurred_at in open_incidents:
        occurred = _day(occurred_at)
        days = (found.today - occurred).days if occurred else 0
        try:
            status_label = label(IncidentStatus(status), found.lang)
        except ValueError:
            status_label = str(status)
        subject = f"「{what}」" if what else ""
        found.add(
            Area.INCIDENTS,
            None,
            found.text(
                f"障害・事故 {number}{subject}の対応",
                f"Incident {number}" + (f" ({what})" if what else "") + " is open",
            ),
            found.text(
                f"状態: {status_label}、発生 {occurred}({days} 日経過)",
                f"Status: {status_label}, occurred {occurred} ({days} days ago)",
            ),
            Target("register", INCIDENTS.key, incident_id),
            overdue=days > INCIDENT_OPEN_DAYS,
        )
    for incident_id, number, description, due_on in open_actions:
        found.add(
            Area.INCIDENTS,
            due_on,
            found.text(f"再発防止策: {_short(description)}", f"Prevention action: {_short(description)}"),
            found.text(f"障害・事故 {number}、期限 {due_on}(3③)", f"Incident {number}, due {due_on} (3③)"),
            Target("register", INCIDENTS.key, incident_id),
        )


def _continuity(
    found: _Found,
    database: Database,
    context: FlagContext,
    drill_check: _Linked | None,
    linked: recurring_checks.LinkedRecords,
) -> None:
    rows = load_rows(database, PLANS, context, table_only=True)
    name, reviewed, interval, owner = (
        rows.index("name"),
        rows.index("last_reviewed_on"),
        rows.index("review_interval_days"),
        rows.index("owner_id"),
    )
    owners_left = _leaving_dates(database) if any(Flag.OWNER_LEFT in f for f in rows.flags) else {}
    for plan_id, values, flags in zip(rows.ids, rows.rows, rows.flags, strict=True):
        target = Target("register", PLANS.key, plan_id)
        if Flag.OWNER_LEFT in flags:
            left = owners_left.get(values[owner])
            found.add(
                Area.CONTINUITY,
                left,
                found.text(
                    f"IT継続計画「{values[name]}」の責任者 {values[owner]} さんの退職",
                    f"The owner of the IT continuity plan “{values[name]}”, {values[owner]}, has left",
                ),
                found.text(f"退職日 {left}: 新しい責任者を決める", f"Left on {left}: choose a new owner"),
                target,
            )
        if Flag.REVIEW_DUE not in flags:
            continue
        last, days = _day(values[reviewed]), values[interval] or 0
        due = review_due_on(last, days, linked.plans_made.get(plan_id))
        found.add(
            Area.CONTINUITY,
            due,
            found.text(
                f"IT継続計画「{values[name]}」の見直し", f"Review the IT continuity plan “{values[name]}”"
            ),
            _last_and_interval(found.lang, last, days, "見直しの記録なし", "Not reviewed yet", due) + " (4②)",
            target,
        )
    if drill_check is None or not drill_check.enabled:
        return
    for plan_id, plan_name in linked.plans.items():
        last = linked.drills.get(plan_id)
        due = linked.drill_due(plan_id, drill_check.interval_days, drill_check.first_due_on)
        found.add(
            Area.CONTINUITY,
            due,
            found.text(f"IT継続計画「{plan_name}」の訓練", f"Drill for the IT continuity plan “{plan_name}”"),
            _last_and_interval(
                found.lang, last, drill_check.interval_days, "訓練の記録なし", "No drill yet", due
            )
            + found.text("(4 運用①)", " (4, operation ①)"),
            Target("register", PLANS.key, plan_id),
        )


def _leaving_dates(database: Database) -> dict[str, date]:
    """Leavers' leaving dates by name (a plan's table row names its owner)."""
    people = table_named("person")
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(people.c.name, people.c.left_on).where(people.c.left_on.is_not(None))
        )
        return {name: left for name, left in rows}


def _contacts(found: _Found, check: _Linked | None, linked: recurring_checks.LinkedRecords) -> None:
    if check is None or not check.enabled:
        return
    confirmed = linked.contacts
    detail = _last_and_interval(
        found.lang,
        confirmed.confirmed_on,
        confirmed.interval_days,
        "確認の記録なし",
        "Not confirmed yet",
        check.next_due_on,
    )
    if confirmed.confirmed_by:
        detail += found.text(f"(確認者 {confirmed.confirmed_by})", f" (by {confirmed.confirmed_by})")
    found.add(
        Area.CONTACTS,
        check.next_due_on,
        check.title(found.lang),
        detail,
        Target("contacts"),
    )


def _assessment(found: _Found, database: Database, catalog: Catalog) -> None:
    latest = assessments.runs(database)[:1]
    if not latest:
        return
    run = assessments.answers(database, latest[0].id)
    measures = {m.id: (item, m) for item, m in catalog.measures()}
    sheets = {s.id: s for s in catalog.sheets}
    in_place = {MeasureStatus.DONE.value, MeasureStatus.NOT_APPLICABLE.value}
    where_ja, where_en = f"自己点検「{run.run.name}」", f"self-assessment “{run.run.name}”"
    for answer in run.measures.values():
        if answer.due_on is None or answer.status in in_place:
            continue
        entry = measures.get(answer.measure_id)
        if entry is None:
            title = answer.measure_id
        else:
            item, measure = entry
            title = f"{item.number}{circled(measure.no)} {_short(measure.text.get(found.lang))}"
        status = _status_label(answer.status, found.lang)
        found.add(
            Area.ASSESSMENT,
            answer.due_on,
            title,
            found.text(
                f"{where_ja}の目標日 {answer.due_on}、{status}",
                f"Target date {answer.due_on} in the {where_en}, {status}",
            ),
            Target("assessment", answer.measure_id, run.run.id),
        )
    for sheet_answer in run.sheets.values():
        if sheet_answer.due_on is None or sheet_answer.applies is False:
            continue
        sheet = sheets.get(sheet_answer.sheet_id)
        kinds = [
            (
                sheet_answer.technical_status,
                sheet is None or bool(sheet.technical_measures),
                "技術的対策",
                "technical",
            ),
            (sheet_answer.human_status, sheet is None or bool(sheet.human_measures), "人的対策", "human"),
        ]
        missing = [(ja, en, status) for status, has, ja, en in kinds if has and status not in in_place]
        if not missing:
            continue
        title = (
            sheet_answer.sheet_id
            if sheet is None
            else f"No.{sheet.number} {_short(sheet.title.get(found.lang))}"
        )
        found.add(
            Area.ASSESSMENT,
            sheet_answer.due_on,
            title,
            found.text(
                f"{where_ja}の目標日 {sheet_answer.due_on}、"
                + "、".join(f"{ja}: {_status_label(s, 'ja')}" for ja, _en, s in missing),
                f"Target date {sheet_answer.due_on} in the {where_en}, "
                + ", ".join(f"{en}: {_status_label(s, 'en').lower()}" for _ja, en, s in missing),
            ),
            Target("assessment", sheet_answer.sheet_id, run.run.id),
        )


def _status_label(status: str, lang: str) -> str:
    try:
        return label(MeasureStatus(status), lang)
    except ValueError:
        return status


def _guidelines(found: _Found, database: Database) -> None:
    """Staff who have not acknowledged the current version of a guideline, a month after it
    was issued (time to hand out the copies and collect the slips)."""
    from sme_guard.services import staff_guidelines

    for kind in GuidelineKind:
        current = staff_guidelines.current_version(database, kind)
        if current is None or current.issued_on is None:
            continue
        missing = staff_guidelines.not_acknowledged(database, kind)
        if not missing:
            continue
        names = "、".join(person.name for person in missing[:5]) + ("…" if len(missing) > 5 else "")
        reference = "10⑨" if kind is GuidelineKind.DEVICES else "18①"
        found.add(
            Area.GUIDELINES,
            current.issued_on + timedelta(days=ACKNOWLEDGE_WITHIN_DAYS),
            found.text(
                f"{current.title} 第{current.version}版の確認(未確認 {len(missing)} 人)",
                f"Acknowledgment of {current.title}, version {current.version} ({len(missing)} not yet)",
            ),
            found.text(f"{names}({reference})", f"{names} ({reference})"),
            Target("guidelines", kind.value),
        )


def _security_action(found: _Found, database: Database) -> None:
    """The SECURITY ACTION ★★ checklist, until it is complete."""
    from sme_guard.services import security_action

    for step in security_action.checklist_on_home(database):
        page = "security_action" if step.key == "diagnosis" else "policy"
        found.add(
            Area.SECURITY_ACTION,
            None,
            step.title(found.lang),
            step.detail(found.lang),
            Target("policy", page),
            overdue=False,
        )


def home_list(
    database: Database, today: date, lang: str, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[DueItem]:
    """What ホーム lists (and ``sme-guard due`` prints): the schedule's checks added where
    missing, the office's own catalog entries named."""
    from sme_guard.services.office_catalog import effective_catalog

    if not database.read_only:  # (one on a CD-R lists the checks it has)
        recurring_checks.ensure_defaults(database, today=today)
    return due_items(database, today, lang, catalog=effective_catalog(database), horizon_days=horizon_days)


def as_json(item: DueItem) -> dict[str, Any]:
    """A home line for other programs: area, title, detail, due date (ISO or None: now),
    overdue, and the record it opens."""
    return {
        "area": item.area.value,
        "title": item.title,
        "detail": item.detail,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "overdue": item.overdue,
        "opens": {"screen": item.target.screen, "key": item.target.key, "record_id": item.target.record_id},
    }


def counts(items: Iterable[DueItem]) -> dict[Area, int]:
    """How many lines each area has; every area is present (0 when it is in order)."""
    result = dict.fromkeys(Area, 0)
    for item in items:
        result[item.area] += 1
    return result


def overdue_count(items: Iterable[DueItem]) -> int:
    return sum(1 for item in items if item.overdue)


def in_order(items: Iterable[DueItem]) -> bool:
    """Nothing due or overdue: "everything is in order"."""
    return not any(True for _ in items)
