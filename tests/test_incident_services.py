"""The incident log's rules without a display: numbering, the workflow, the contact tree."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import IncidentStatus
from sme_guard.domain.registers import BADGES, INCIDENTS, PEOPLE
from sme_guard.services import clock, incidents, registers
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.incidents import IncidentRuleError
from sme_guard.services.registers import RecordInvalidError

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 27))
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 27, 9, 0, tzinfo=UTC))


def _incident(db: Database, when: str = "2026/11/20 9:30", **extra: object) -> int:
    values = {
        "incident_type": "情報漏えい",
        "severity": "高",
        "occurred_at": when,
        "what": "顧客名簿",
        **extra,
    }
    return registers.save_record(db, INCIDENTS, None, values)


def test_numbers_run_per_year_and_are_never_reused(db: Database) -> None:
    first = _incident(db)
    second = _incident(db)
    last_year = _incident(db, "2025/12/31 23:00")
    numbers = [registers.get_record(db, INCIDENTS, i)["number"] for i in (first, second, last_year)]
    assert numbers == ["2026-001", "2026-002", "2025-001"]
    registers.delete_record(db, INCIDENTS, second)
    third = _incident(db)
    assert registers.get_record(db, INCIDENTS, third)["number"] == "2026-003"
    assert registers.get_record(db, INCIDENTS, first)["status"] == "received"


def test_when_who_what_are_asked_and_checked(db: Database) -> None:
    with pytest.raises(registers.RecordInvalidError) as caught:
        registers.save_record(
            db, INCIDENTS, None, {"incident_type": "停止", "severity": "中", "occurred_at": "2026/2/30"}
        )
    assert {k: p.en for k, p in caught.value.problems.items()} == {
        "occurred_at": "'2026/2/30' is not a real date"
    }
    incident = _incident(
        db, "令和8年11月20日 14時05分", who="営業部 佐藤", how="メール誤送信", result="社外に送信"
    )
    record = registers.get_record(db, INCIDENTS, incident)
    assert record["occurred_at"].astimezone().strftime("%Y-%m-%d %H:%M") == "2026-11-20 14:05"
    assert (record["who"], record["how"], record["result"]) == ("営業部 佐藤", "メール誤送信", "社外に送信")


def test_closing_needs_a_root_cause_and_every_action_done(db: Database) -> None:
    incident = _incident(db)
    incidents.change_status(db, incident, IncidentStatus.IN_PROGRESS, NOW)
    with pytest.raises(RecordInvalidError) as refused:  # names the field, so the form can show it
        incidents.change_status(db, incident, IncidentStatus.CLOSED, NOW)
    assert {k: p.en for k, p in refused.value.problems.items()} == {
        "root_cause": "The root cause is empty, so the incident cannot be closed (control 3③)."
    }
    registers.save_record(db, INCIDENTS, incident, {"root_cause": "宛先の自動補完"})
    action = incidents.save_action(
        db, incident, None, {"description": "自動補完を無効にする", "due_on": "2026/12/10"}
    )
    with pytest.raises(IncidentRuleError, match="1 prevention action"):
        incidents.change_status(db, incident, IncidentStatus.CLOSED, NOW)
    incidents.set_action_done(db, action, date(2026, 12, 1))
    incidents.change_status(db, incident, IncidentStatus.CLOSED, NOW, "対応完了")
    detail = incidents.detail(db, incident)
    assert [c.status for c in detail.status_changes] == ["received", "in_progress", "closed"]
    assert detail.values["closed_on"] == date(2026, 11, 27)
    assert detail.open_actions == 0
    with pytest.raises(DetailInvalidError) as caught:
        incidents.save_action(db, incident, None, {"description": "", "owner_id": "誰か"})
    assert set(caught.value.problems) == {"description", "owner_id"}


def test_notifications_reports_assets_and_measures_are_kept(db: Database) -> None:
    boss = registers.save_record(
        db,
        PEOPLE,
        None,
        {
            "name": "社長 一郎",
            "employment_type": "regular",
            "role": "business_manager",
            "phone": "090-1234-5678",
        },
    )
    rung = incidents.save_contact(db, None, {"role": "経営者", "person_id": boss})
    badge = registers.save_record(
        db, BADGES, None, {"badge_number": "B-1", "medium": "ic_card", "status": "lost"}
    )
    incident = _incident(db)
    incidents.record_notification(db, incident, rung, NOW, "電話")
    incidents.save_report(
        db, incident, {"reported_to": "個人情報保護委員会", "reported_on": "2026/11/22", "reference": "R-1"}
    )
    incidents.link_asset(db, incident, BADGES, badge)
    incidents.link_asset(db, incident, BADGES, badge)  # twice is once
    incidents.link_measure(db, incident, "ctl-03-m2")
    detail = incidents.detail(db, incident)
    assert [(n.role, n.person, n.channel) for n in detail.notifications] == [("経営者", "社長 一郎", "電話")]
    assert [(r.reported_to, r.reference) for r in detail.reports] == [("個人情報保護委員会", "R-1")]
    assert [(a.register.key, a.number) for a in detail.assets] == [("badges", "B-1")]
    assert detail.measures == ["ctl-03-m2"]
    incidents.delete_contact(db, rung)
    assert incidents.detail(db, incident).notifications[0].person == "社長 一郎"  # history stays


def test_contact_tree_order_and_confirmation(db: Database) -> None:
    people = [
        registers.save_record(
            db,
            PEOPLE,
            None,
            {"name": n, "employment_type": "regular", "role": "employee", "email": f"p{i}@example.jp"},
        )
        for i, n in enumerate(["甲", "乙", "丙"])
    ]
    ids = [incidents.save_contact(db, None, {"role": f"役{i}", "person_id": p}) for i, p in enumerate(people)]
    assert [c.person for c in incidents.contacts(db)] == ["甲", "乙", "丙"]
    assert incidents.contacts(db)[0].email == "p0@example.jp"  # taken from the employee
    incidents.move_contact(db, ids[2], -1)
    assert [c.person for c in incidents.contacts(db)] == ["甲", "丙", "乙"]
    assert incidents.confirmation(db, date(2026, 11, 27)).overdue  # never confirmed
    incidents.confirm_tree(db, date(2026, 5, 1), people[0])
    assert incidents.confirmation(db, date(2026, 11, 27)).overdue  # 210 days > 180
    incidents.confirm_tree(db, date(2026, 11, 1), people[0])
    state = incidents.confirmation(db, date(2026, 11, 27))
    assert (state.confirmed_on, state.confirmed_by, state.overdue) == (date(2026, 11, 1), "甲", False)
