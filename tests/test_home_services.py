"""ホーム without a display: one list of everything due or overdue, with counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import IncidentStatus
from sme_guard.domain.due import Area, DueItem, Target
from sme_guard.domain.registers import (
    BADGES,
    DEVICE_SECURITY_SETTINGS,
    DEVICES,
    INCIDENTS,
    MEDIA,
    PEOPLE,
    PLANS,
)
from sme_guard.services import (
    assessments,
    clock,
    continuity,
    incidents,
    recurring_checks,
    registers,
    stocktake,
)
from sme_guard.services.home import counts, due_items, in_order, overdue_count
from tests import factories
from tests.backdating import made_on

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # New incidents are numbered by the clock; the lists get TODAY passed in.
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _switch_off_all_but(db: Database, *codes: str) -> dict[str, int]:
    recurring_checks.ensure_defaults(db)
    ids = {}
    for line in recurring_checks.checks(db, TODAY):
        recurring_checks.set_enabled(db, line.id, line.code in codes)
        ids[line.code] = line.id
    return ids


SET_UP_ON = date(2025, 1, 1)  # an office that has used the app for almost two years


def _set_up_long_ago(db: Database, ids: dict[str, int]) -> None:
    """Every check first due a year after set-up, long past on TODAY."""
    first_due = SET_UP_ON + timedelta(days=365)
    recurring_checks.plan_first_checks(db, {check_id: (None, first_due) for check_id in ids.values()})


def _made_on(db: Database, plan_id: int, day: date) -> None:
    made_on(db, "continuity_plan", plan_id, day)


def _device(db: Database, number: str, **extra: object) -> int:
    values = {
        "asset_number": number,
        "kind": "スマートフォン",
        "ownership": "会社支給",
        "status": "使用中",
        **dict.fromkeys(DEVICE_SECURITY_SETTINGS, True),
        **extra,
    }
    return registers.save_record(db, DEVICES, None, values)


def _lines(items: list[DueItem]) -> list[tuple[Area, date | None, bool, Target]]:
    return [(i.area, i.due_on, i.overdue, i.target) for i in items]


def test_an_empty_office_with_every_check_off_is_in_order(db: Database) -> None:
    _switch_off_all_but(db)
    items = due_items(db, TODAY, "ja")
    assert items == []
    assert in_order(items)
    assert counts(items) == dict.fromkeys(Area, 0)
    assert overdue_count(items) == 0


def test_nothing_is_overdue_on_the_first_day(db: Database) -> None:
    recurring_checks.ensure_defaults(db)
    # Every check falls due later, one after another, none later than its interval.
    lines = recurring_checks.checks(db, TODAY)
    first_due = [line.first_due_on for line in lines]
    assert all(day is not None and day > TODAY for day in first_due)
    assert all(line.next_due_on is None or line.next_due_on > TODAY for line in lines)
    assert len(set(first_due)) == len(first_due)
    assert all(
        d <= TODAY + timedelta(days=line.interval_days) for d, line in zip(first_due, lines, strict=True)
    )
    year = due_items(db, TODAY, "en", horizon_days=400)
    assert year and overdue_count(year) == 0
    # A plan made today: its review and its drill fall due a full interval later.
    plan = registers.save_record(db, PLANS, None, {"name": "メール", "review_interval_days": "365"})
    _made_on(db, plan, TODAY)
    plan_lines = [i for i in due_items(db, TODAY, "en", horizon_days=400) if i.area is Area.CONTINUITY]
    assert [(i.due_on, i.overdue) for i in plan_lines] == [(date(2027, 11, 27), False)] * 2


def test_a_fresh_office_sees_its_first_checks_with_their_first_due_dates(db: Database) -> None:
    ids = _switch_off_all_but(
        db, "website_tamper_check", "media_stocktake", "continuity_drill", "contact_tree_confirmation"
    )
    items = due_items(db, TODAY, "en", horizon_days=90)
    # Nothing to count and no plans: no stock-take or drill lines yet.
    first_due = {line.code: line.first_due_on for line in recurring_checks.checks(db, TODAY)}
    tamper, contacts = first_due["website_tamper_check"], first_due["contact_tree_confirmation"]
    assert _lines(items) == [
        (Area.CHECKS, tamper, False, Target("check", record_id=ids["website_tamper_check"])),
        (Area.CONTACTS, contacts, False, Target("contacts")),
    ]
    assert [(i.title, i.detail) for i in items] == [
        (
            "Check the public website has not been tampered with",
            f"Not started, first due {tamper}, every 30 days",
        ),
        (
            "Confirm the contact tree matches the office as it is",
            f"Not confirmed yet, first due {contacts}, every 180 days",
        ),
    ]
    # The office chooses when a check is first due; a date it could not have met is its choice.
    recurring_checks.set_first_due(db, ids["website_tamper_check"], "令和8年11月20日")
    assert _lines(due_items(db, TODAY, "en"))[0][:3] == (Area.CHECKS, date(2026, 11, 20), True)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    """An office with items due, overdue and in order on 2026-11-27."""
    ids = _switch_off_all_but(
        db,
        "website_tamper_check",
        "password_policy_notice",
        "media_stocktake",
        "badge_stocktake",
        "contact_tree_confirmation",
        "continuity_drill",
    )
    _set_up_long_ago(db, ids)
    # Recurring checks: the tamper check is overdue, the password-policy notice in order.
    recurring_checks.record_completion(db, ids["website_tamper_check"], {"done_on": "2026-10-20"})
    recurring_checks.record_completion(db, ids["password_policy_notice"], {"done_on": "2026-11-01"})

    # People: 佐藤 left at the end of October and still holds a badge; 田中 holds one too.
    sato = factories.person(db, "佐藤 花子", left_on="2026-10-31")
    tanaka = factories.person(db, "田中 一郎")
    ids["leaver_badge"] = registers.save_record(
        db, BADGES, None, {"badge_number": "B-001", "holder_id": sato, "medium": "ICカード", "status": "有効"}
    )
    ids["expired_badge"] = registers.save_record(
        db,
        BADGES,
        None,
        {
            "badge_number": "B-002",
            "holder_id": tanaka,
            "medium": "ICカード",
            "status": "有効",
            "valid_until": "2026-11-10",
        },
    )
    registers.save_record(
        db,
        BADGES,
        None,
        {"badge_number": "B-003", "holder_id": sato, "medium": "ICカード", "status": "返却済"},
    )

    # Media: migration overdue, due within 30 days, due next year; a medium not for backup.
    ids["m_overdue"] = factories.medium(db, "M-001", long_term_backup=True, next_migration_on="2026-10-01")
    ids["m_soon"] = factories.medium(db, "M-002", long_term_backup=True, next_migration_on="2026-12-10")
    factories.medium(db, "M-003", long_term_backup=True, next_migration_on="2027-06-01")
    factories.medium(db, "M-004", next_migration_on="2026-01-01")
    # A media stock-take finished in March: in order until next March.
    take = stocktake.start_stocktake(db, MEDIA, "田中", date(2026, 3, 1))
    stocktake.finish_stocktake(db, take, date(2026, 3, 2))

    # Devices: in order, a setting off, patches too old (limit 90 days).
    _device(db, "SD-001", last_patch_on="2026-11-01")
    ids["d_off"] = _device(db, "SD-002", passcode_lock=False, last_patch_on="2026-11-20")
    ids["d_old"] = _device(db, "SD-003", last_patch_on="2026-08-01")

    # Incidents: one open since last week with an overdue action and one due next spring;
    # one open since September; one closed.
    recent = registers.save_record(
        db,
        INCIDENTS,
        None,
        {
            "incident_type": "情報漏えい",
            "severity": "高",
            "occurred_at": "2026/11/20 10:00",
            "what": "顧客名簿",
        },
    )
    incidents.save_action(
        db, recent, None, {"description": "宛先の自動補完を無効にする", "due_on": "2026-11-20"}
    )
    incidents.save_action(db, recent, None, {"description": "研修", "due_on": "2027-03-01"})
    incidents.save_action(
        db, recent, None, {"description": "済んだ対策", "due_on": "2026-11-01", "done_on": "2026-11-10"}
    )
    old = registers.save_record(
        db,
        INCIDENTS,
        None,
        {"incident_type": "停止", "severity": "中", "occurred_at": "2026/9/1 9:00", "what": "NAS"},
    )
    closed = registers.save_record(
        db,
        INCIDENTS,
        None,
        {"incident_type": "停止", "severity": "低", "occurred_at": "2026/8/1 9:00", "root_cause": "電源"},
    )
    incidents.change_status(db, closed, IncidentStatus.CLOSED, NOW)
    ids.update(recent=recent, old=old)

    # Plans: one made at set-up, never reviewed nor drilled; one reviewed last month and
    # drilled in October; one made this week.
    ids["mail"] = registers.save_record(db, PLANS, None, {"name": "メール", "review_interval_days": "365"})
    _made_on(db, ids["mail"], SET_UP_ON)
    ids["accounting"] = registers.save_record(
        db, PLANS, None, {"name": "会計", "review_interval_days": "365"}
    )
    _made_on(db, ids["accounting"], SET_UP_ON)
    registers.save_record(db, PLANS, None, {"name": "ファイルサーバー", "review_interval_days": "365"})
    continuity.mark_reviewed(db, ids["accounting"], date(2026, 10, 27), "年次見直し")
    continuity.save_drill(
        db, ids["accounting"], None, {"held_on": "2026-10-01", "minutes_achieved": "60"}, []
    )

    # Contact tree confirmed 200 days ago (interval 180 days).
    incidents.confirm_tree(db, TODAY - timedelta(days=200), tanaka)

    # Self-assessment: the latest run has a measure and a sheet past their target dates; an
    # older run's passed dates no longer count.
    older = assessments.start_run(db, {"name": "2025年度", "held_on": "2025-06-01"})
    assessments.save_measure(db, older, "ctl-09-m1", {"status": "not_done", "due_on": "2025-12-01"})
    run = assessments.start_run(db, {"name": "2026年度", "held_on": "2026-06-01"})
    assessments.save_measure(db, run, "ctl-05-m6", {"status": "partial", "due_on": "2026-11-01"})
    assessments.save_measure(db, run, "ctl-09-m1", {"status": "done", "due_on": "2026-10-01"})
    assessments.save_measure(db, run, "ctl-09-m2", {"status": "not_done", "due_on": "2027-05-01"})
    assessments.save_measure(db, run, "ctl-09-m3", {"status": "not_applicable", "due_on": "2026-10-01"})
    assessments.save_sheet(
        db,
        run,
        "sheet-001",
        {"applies": True, "technical_status": "done", "human_status": "not_done", "due_on": "2026-11-15"},
    )
    assessments.save_sheet(
        db,
        run,
        "sheet-006",
        {
            "applies": False,
            "technical_status": "not_done",
            "human_status": "not_done",
            "due_on": "2026-11-15",
        },
    )
    ids["run"] = run
    return ids


def test_the_home_list_has_every_due_line_sorted_by_date(db: Database, office: dict[str, int]) -> None:
    items = due_items(db, TODAY, "ja")
    assert _lines(items) == [
        # No date: needed now.
        (Area.DEVICES, None, True, Target("register", "devices", office["d_off"])),
        (Area.INCIDENTS, None, False, Target("register", "incidents", office["recent"])),
        (Area.INCIDENTS, None, True, Target("register", "incidents", office["old"])),
        # Oldest first: never done since set-up, first due a year after it.
        (Area.STOCKTAKE, date(2026, 1, 1), True, Target("stocktake", "badges")),
        (Area.CONTINUITY, date(2026, 1, 1), True, Target("register", "plans", office["mail"])),  # review
        (Area.CONTINUITY, date(2026, 1, 1), True, Target("register", "plans", office["mail"])),  # drill
        (Area.MEDIA, date(2026, 10, 1), True, Target("register", "media", office["m_overdue"])),
        (Area.DEVICES, date(2026, 10, 30), True, Target("register", "devices", office["d_old"])),
        (Area.LEAVERS, date(2026, 10, 31), True, Target("register", "badges", office["leaver_badge"])),
        (Area.ASSESSMENT, date(2026, 11, 1), True, Target("assessment", "ctl-05-m6", office["run"])),
        (Area.CONTACTS, date(2026, 11, 7), True, Target("contacts")),
        (Area.BADGES, date(2026, 11, 10), True, Target("register", "badges", office["expired_badge"])),
        (Area.ASSESSMENT, date(2026, 11, 15), True, Target("assessment", "sheet-001", office["run"])),
        (Area.CHECKS, date(2026, 11, 19), True, Target("check", record_id=office["website_tamper_check"])),
        (Area.INCIDENTS, date(2026, 11, 20), True, Target("register", "incidents", office["recent"])),
        # Due within the next 30 days.
        (Area.MEDIA, date(2026, 12, 10), False, Target("register", "media", office["m_soon"])),
    ]
    assert counts(items) == {
        Area.CHECKS: 1,
        Area.STOCKTAKE: 1,
        Area.MEDIA: 2,
        Area.DEVICES: 2,
        Area.BADGES: 1,
        Area.LEAVERS: 1,
        Area.INCIDENTS: 3,
        Area.CONTINUITY: 2,
        Area.CONTACTS: 1,
        Area.ASSESSMENT: 2,
        Area.GUIDELINES: 0,
        Area.SECURITY_ACTION: 0,  # the office does not aim at ★★ (tests/test_security_action.py)
    }
    assert overdue_count(items) == 14
    assert not in_order(items)
    dated = [i.due_on for i in items if i.due_on is not None]
    assert dated == sorted(dated)


def test_the_lines_say_what_and_why_in_either_language(db: Database, office: dict[str, int]) -> None:
    ja = {(i.area, i.due_on, i.target): (i.title, i.detail) for i in due_items(db, TODAY, "ja")}
    en = {(i.area, i.due_on, i.target): (i.title, i.detail) for i in due_items(db, TODAY, "en")}
    media = (Area.MEDIA, date(2026, 10, 1), Target("register", "media", office["m_overdue"]))
    assert ja[media] == ("記憶媒体 M-001 のバックアップの移行", "次回移行日 2026-10-01(9⑤ 記憶媒体の寿命)")
    assert en[media][0] == "Move the backup on storage medium M-001"
    leaver = (Area.LEAVERS, date(2026, 10, 31), Target("register", "badges", office["leaver_badge"]))
    assert ja[leaver] == ("佐藤 花子 さんの社員証 B-001 の返却", "退職日 2026-10-31(5 運用①)")
    assert en[leaver] == ("Return of ID badge B-001 held by 佐藤 花子", "Left on 2026-10-31 (5, operation ①)")
    off = (Area.DEVICES, None, Target("register", "devices", office["d_off"]))
    assert en[off] == ("Settings off on smart device SD-002", "Off: Passcode lock (10③④⑤)")
    old = (Area.DEVICES, date(2026, 10, 30), Target("register", "devices", office["d_old"]))
    assert en[old][1] == "Last patched 2026-08-01 (limit 90 days, 10⑥)"
    contacts = (Area.CONTACTS, date(2026, 11, 7), Target("contacts"))
    assert ja[contacts] == (
        "緊急連絡網が実情に合っているかの確認",
        "前回 2026-05-11、間隔 180 日(確認者 田中 一郎)",
    )
    action = (Area.INCIDENTS, date(2026, 11, 20), Target("register", "incidents", office["recent"]))
    assert en[action] == (
        "Prevention action: 宛先の自動補完を無効にする",
        "Incident 2026-001, due 2026-11-20 (3③)",
    )
    measure = (Area.ASSESSMENT, date(2026, 11, 1), Target("assessment", "ctl-05-m6", office["run"]))
    assert ja[measure][0].startswith("5⑥ パスワード")
    assert ja[measure][1] == "自己点検「2026年度」の目標日 2026-11-01、一部実施"
    sheet = (Area.ASSESSMENT, date(2026, 11, 15), Target("assessment", "sheet-001", office["run"]))
    assert en[sheet] == (
        "No.1 Entering the building",
        "Target date 2026-11-15 in the self-assessment “2026年度”, human: not done",
    )
    stock = (Area.STOCKTAKE, date(2026, 1, 1), Target("stocktake", "badges"))
    assert ja[stock] == ("社員証の棚卸(退職・異動者の分を含む)", "未実施、初回期限 2026-01-01、間隔 365 日")
    badge = (Area.BADGES, date(2026, 11, 10), Target("register", "badges", office["expired_badge"]))
    assert ja[badge] == (
        "社員証 B-002 の有効期限切れ",
        "有効期限 2026-11-10: 回収・失効または更新(業務 No.1)",
    )
    reviews = [
        i.detail for i in due_items(db, TODAY, "en") if i.title == "Review the IT continuity plan “メール”"
    ]
    assert reviews == ["Not reviewed yet, first due 2026-01-01, every 365 days (4②)"]


def test_doing_the_duties_clears_the_list(db: Database, office: dict[str, int]) -> None:
    today = TODAY
    take = stocktake.start_stocktake(db, BADGES, "田中", date(2026, 11, 25))
    # A running stock-take is still due, and the line says so.
    running = [i for i in due_items(db, TODAY, "en") if i.area is Area.STOCKTAKE]
    assert [i.detail for i in running] == [
        "Not started, first due 2026-01-01, every 365 days (running since 2026-11-25)"
    ]
    stocktake.finish_stocktake(db, take, today)
    recurring_checks.record_completion(db, office["website_tamper_check"], {"done_on": today})
    incidents.confirm_tree(db, today, None)
    continuity.mark_reviewed(db, office["mail"], today, None)
    continuity.save_drill(db, office["mail"], None, {"held_on": today}, [])
    registers.save_record(db, BADGES, office["leaver_badge"], {"status": "返却済", "returned_on": today})
    registers.save_record(db, BADGES, office["expired_badge"], {"valid_until": "2027-11-10"})
    registers.save_record(db, MEDIA, office["m_overdue"], {"next_migration_on": "2031-10-01"})
    registers.save_record(db, DEVICES, office["d_off"], {"passcode_lock": True})
    registers.save_record(db, DEVICES, office["d_old"], {"last_patch_on": today})
    remaining = due_items(db, TODAY, "ja")
    assert [(i.area, i.due_on, i.overdue) for i in remaining] == [
        (Area.INCIDENTS, None, False),
        (Area.INCIDENTS, None, True),
        (Area.ASSESSMENT, date(2026, 11, 1), True),
        (Area.ASSESSMENT, date(2026, 11, 15), True),
        (Area.INCIDENTS, date(2026, 11, 20), True),
        (Area.MEDIA, date(2026, 12, 10), False),
        (Area.CHECKS, date(2026, 12, 27), False),  # done today, due again within 30 days
    ]


def test_switching_a_linked_check_off_hides_its_duty(db: Database, office: dict[str, int]) -> None:
    recurring_checks.set_enabled(db, office["contact_tree_confirmation"], False)
    recurring_checks.set_enabled(db, office["continuity_drill"], False)
    recurring_checks.set_enabled(db, office["badge_stocktake"], False)
    areas = [(i.area, i.due_on) for i in due_items(db, TODAY, "ja")]
    assert (Area.CONTACTS, date(2026, 11, 7)) not in areas
    assert not [a for a in areas if a[0] is Area.STOCKTAKE]
    assert areas.count((Area.CONTINUITY, date(2026, 1, 1))) == 1  # the review stays, the drill goes


def test_the_horizon_and_the_drill_interval_come_from_the_caller_and_the_schedule(
    db: Database, office: dict[str, int]
) -> None:
    soon = due_items(db, TODAY, "ja", horizon_days=0)
    assert not any(i.due_on is not None and i.due_on > TODAY for i in soon)
    assert len(soon) == len(due_items(db, TODAY, "ja")) - 1
    # Drills every 30 days: 会計's October drill is now due too.
    recurring_checks.set_interval(db, office["continuity_drill"], 30)
    drills = [
        i for i in due_items(db, TODAY, "en") if i.area is Area.CONTINUITY and i.title.startswith("Drill")
    ]
    assert [(i.due_on, i.target.record_id) for i in drills] == [
        (date(2026, 1, 1), office["mail"]),
        (date(2026, 10, 31), office["accounting"]),
    ]


def test_stock_takes_are_never_listed_twice(db: Database, office: dict[str, int]) -> None:
    items = due_items(db, TODAY, "ja")
    codes = {line.id: line.code for line in recurring_checks.checks(db, TODAY)}
    check_codes = [codes[i.target.record_id] for i in items if i.area is Area.CHECKS and i.target.record_id]
    assert check_codes == ["website_tamper_check"]
    assert [i.target.key for i in items if i.area is Area.STOCKTAKE] == ["badges"]


def test_staff_who_have_not_acknowledged_the_current_guideline_are_due_a_month_after_issue(
    db: Database,
) -> None:
    from sme_guard.domain.codes import GuidelineKind
    from sme_guard.services import staff_guidelines as sg
    from tests.factories import issued_guideline

    people = [
        registers.save_record(
            db, PEOPLE, None, {"name": name, "employment_type": "regular", "role": "employee"}
        )
        for name in ("山田 太郎", "佐藤 花子")
    ]
    version = issued_guideline(db, GuidelineKind.SNS, date(2026, 10, 1))
    sg.record_acknowledgments(db, version, people[:1], date(2026, 10, 2))
    lines = [i for i in due_items(db, TODAY, "ja") if i.area is Area.GUIDELINES]
    assert [(i.due_on, i.overdue, i.target) for i in lines] == [
        (date(2026, 10, 31), True, Target("guidelines", "sns"))
    ]
    assert "未確認 1 人" in lines[0].title and lines[0].detail == "佐藤 花子(18①)"
    sg.record_acknowledgments(db, version, people[1:], date(2026, 11, 2))
    assert not [i for i in due_items(db, TODAY, "en") if i.area is Area.GUIDELINES]


def test_reviewing_every_account_is_what_completes_the_user_id_review(db: Database) -> None:
    from sme_guard.domain.registers import ACCOUNTS
    from sme_guard.services import workflows

    ids = _switch_off_all_but(db, "user_id_review")
    _set_up_long_ago(db, ids)
    assert due_items(db, TODAY, "ja") == []  # no accounts: nothing to review

    def account(number: str, **extra: object) -> int:
        values = {"account_number": number, "system": "会計", "login": number, "privilege": "一般"}
        return registers.save_record(
            db, ACCOUNTS, None, {**values, "auth_method": "パスワード", "status": "有効", **extra}
        )

    reviewed = account("A-1", last_reviewed_on="2026-10-01")
    never = account("A-2")
    account("A-3", status="無効化済")  # disabled: no longer reviewed
    # Registered after the check's first-due date: due one interval after it was registered.
    assert due_items(db, TODAY, "en") == []
    made_on(db, "user_account", never, date(2025, 1, 1))  # as if registered at set-up
    assert _lines(due_items(db, TODAY, "en")) == [
        (Area.CHECKS, date(2026, 1, 1), True, Target("register", "accounts", never)),  # never reviewed
    ]
    with pytest.raises(recurring_checks.CheckRuleError):  # not ticked off in the checks list
        recurring_checks.record_completion(db, ids["user_id_review"], {"done_on": TODAY})
    workflows.mark_reviewed(db, ACCOUNTS, never, date(2026, 11, 20))
    # Now due 90 days after the oldest review (A-1, 2026-10-01): beyond the 30-day horizon.
    assert due_items(db, TODAY, "en") == []
    assert _lines(due_items(db, TODAY, "en", horizon_days=40)) == [
        (Area.CHECKS, date(2026, 12, 30), False, Target("register", "accounts", reviewed)),
    ]
