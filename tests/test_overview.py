"""The numbers behind the home screen's charts and the annual report (services.overview)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import IncidentCategory, IncidentStatus, IncidentType
from sme_guard.domain.registers import BADGES, DEVICES, INCIDENTS, MEDIA, PLANS
from sme_guard.services import assessments, clock, continuity, incidents, overview, registers, stocktake
from sme_guard.services.catalog import bundled_catalog

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _incident(db: Database, when: str, kind: str, severity: str = "中") -> int:
    values = {"incident_type": kind, "severity": severity, "occurred_at": when, "what": "テスト"}
    return registers.save_record(db, INCIDENTS, None, values)


def _close(db: Database, incident: int) -> None:
    registers.save_record(db, INCIDENTS, incident, {"root_cause": "設定誤り"})
    incidents.change_status(db, incident, IncidentStatus.CLOSED, NOW)


@pytest.fixture
def office(db: Database) -> Database:
    """Incidents over two years, assets in several statuses, two runs, drills and stock-takes.

    Every time of day is midday, so the local month is the same in any time zone.
    """
    leak = _incident(db, "2026/11/20 12:00", "情報漏えい", "高")
    _incident(db, "2026/11/21 12:00", "停止")
    _incident(db, "2026/11/03 12:00", "情報漏えい")
    closed = _incident(db, "2026/03/10 12:00", "ウイルス感染")
    _incident(db, "2025/12/05 12:00", "その他")  # 11 months ago: counts
    _incident(db, "2025/11/10 12:00", "破損")  # 12 months ago: outside the last 12
    _incident(db, "2025/10/15 12:00", "改ざん")  # 13 months ago: outside
    _close(db, closed)
    done = incidents.save_action(db, leak, None, {"description": "宛先確認を二重にする"})
    incidents.set_action_done(db, done, date(2026, 11, 25))
    incidents.save_action(db, leak, None, {"description": "研修"})

    def medium(number: str, status: str) -> None:
        values = {"asset_number": number, "kind": "USBメモリー", "quantity": 1, "status": status}
        registers.save_record(db, MEDIA, None, values)

    for number, status in [("U-1", "使用中"), ("U-2", "使用中"), ("U-3", "保管中"), ("U-4", "紛失")]:
        medium(number, status)
    medium("U-5", "廃棄済")
    device = {"kind": "スマートフォン", "ownership": "会社支給"}
    registers.save_record(db, DEVICES, None, {**device, "asset_number": "D-1", "status": "使用中"})
    registers.save_record(db, DEVICES, None, {**device, "asset_number": "D-2", "status": "紛失"})
    for number, status in [("B-1", "有効"), ("B-2", "有効"), ("B-3", "返却済")]:
        registers.save_record(
            db, BADGES, None, {"badge_number": number, "medium": "ICカード", "status": status}
        )

    older = assessments.start_run(db, {"name": "2025年度", "held_on": "2025-11-01"})
    assessments.save_measure(db, older, "ctl-02-m1", {"status": "partial"})
    newer = assessments.start_run(db, {"name": "2026年度", "held_on": "2026-11-01"}, from_run=older)
    for measure in ("ctl-02-m1", "ctl-02-m2"):
        assessments.save_measure(db, newer, measure, {"status": "done"})
    for measure in ("ctl-09-m1", "ctl-09-m2", "ctl-09-m3"):
        assessments.save_measure(db, newer, measure, {"status": "not_applicable"})

    plan = registers.save_record(
        db, PLANS, None, {"name": "会計システム", "rto_hours": "4", "review_interval_days": "365"}
    )
    continuity.mark_reviewed(db, plan, date(2026, 4, 1), "年次見直し")
    continuity.save_drill(db, plan, None, {"held_on": "2025-06-01", "minutes_achieved": "60"}, [])
    continuity.save_drill(db, plan, None, {"held_on": "2026-05-10", "minutes_achieved": "300"}, [])
    continuity.save_drill(
        db,
        plan,
        None,
        {"held_on": "2026-09-01", "minutes_achieved": "120", "plan_changed": True, "change_note": "手順追加"},
        [],
    )

    take = stocktake.start_stocktake(db, BADGES, "総務", date(2025, 12, 1))
    stocktake.finish_stocktake(db, take, date(2025, 12, 1))  # last year: not counted
    take = stocktake.start_stocktake(db, MEDIA, "総務", date(2026, 6, 1))
    lines = stocktake.lines(db, take)
    stocktake.mark(db, lines[0].item_id, "missing")
    stocktake.mark(db, lines[1].item_id, "found")
    stocktake.finish_stocktake(db, take, date(2026, 6, 2))
    return db


def test_incidents_per_month_cover_the_last_twelve_months(office: Database) -> None:
    series = overview.incidents_by_month(office, TODAY)
    assert series.months == [(2025, 12), *[(2026, m) for m in range(1, 12)]]
    assert series.types == list(IncidentType)
    assert series.counts[IncidentType.LEAK] == [0] * 11 + [2]
    assert series.counts[IncidentType.OUTAGE] == [0] * 11 + [1]
    assert series.counts[IncidentType.MALWARE][3] == 1  # March 2026
    assert series.counts[IncidentType.OTHER][0] == 1  # December 2025
    # November and October 2025 are 12 and 13 months back: not in the chart.
    assert not any(series.counts[IncidentType.DAMAGE]) and not any(series.counts[IncidentType.TAMPERING])
    assert series.totals == [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3]
    assert series.total == 5
    assert series.used_types == [
        IncidentType.OUTAGE,
        IncidentType.LEAK,
        IncidentType.MALWARE,
        IncidentType.OTHER,
    ]
    shorter = overview.incidents_by_month(office, date(2026, 3, 31), months=3)
    assert shorter.months == [(2026, 1), (2026, 2), (2026, 3)]
    assert shorter.totals == [0, 0, 1]


@pytest.fixture
def tokyo() -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (Unix) to change the local time zone")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_months_and_years_are_local(db: Database, tokyo: None) -> None:
    # 00:30 in Tokyo is 15:30 UTC the day before: the local day decides the month and year.
    _incident(db, "2026/11/01 0:30", "情報漏えい")
    _incident(db, "2025/12/01 0:30", "停止")  # first day of the window
    _incident(db, "2025/11/30 23:30", "破損")  # last hour before it
    _incident(db, "2026/01/01 0:30", "改ざん")
    series = overview.incidents_by_month(db, TODAY)
    assert series.counts[IncidentType.LEAK][-1] == 1
    assert series.counts[IncidentType.OUTAGE][0] == 1
    assert series.counts[IncidentType.TAMPERING][1] == 1
    assert series.total == 3
    assert [line.number for line in overview.year_summary(db, 2026).incidents] == ["2026-002", "2026-001"]
    assert [line.number for line in overview.year_summary(db, 2025).incidents] == ["2025-002", "2025-001"]


def test_assets_by_status_list_every_status(office: Database) -> None:
    media, devices, badges = overview.assets_by_status(office)
    assert media.register_key == "media" and media.codes == ["in_use", "stored", "lent", "lost", "disposed"]
    assert media.counts == [2, 1, 0, 1, 1] and media.total == 5
    assert media.labels("ja") == ["使用中", "保管中", "貸出中", "紛失", "廃棄済"]
    assert media.labels("en")[2] == "Lent out" and media.title("en") == "Storage media"
    assert (devices.register_key, devices.counts) == ("devices", [1, 0, 1, 0])
    assert (badges.register_key, badges.counts) == ("badges", [2, 1, 0, 0])
    assert badges.count("returned") == 1 and badges.count("unknown") == 0
    assert media.colour("in_use") == overview.STATUS_IN_USE_COLOUR
    assert media.colour("lent") == overview.STATUS_OPEN_COLOUR
    assert media.colour("lost") == devices.colour("lost") == overview.STATUS_LOST_COLOUR
    assert media.colour("disposed") == badges.colour("revoked") == overview.STATUS_CLOSED_COLOUR
    assert badges.colour("active") == overview.STATUS_IN_USE_COLOUR


def test_empty_database_gives_zeros(db: Database) -> None:
    assert [s.counts for s in overview.assets_by_status(db)] == [[0] * 5, [0] * 4, [0] * 4]
    series = overview.incidents_by_month(db, TODAY)
    assert series.total == 0 and series.used_types == []
    scores = overview.score_series(db)
    assert scores.latest is None and scores.previous is None
    assert scores.latest_percent == [None] * len(scores.items)
    summary = overview.year_summary(db, 2026)
    assert summary.incidents == [] and summary.assessments == [] and summary.drills == []
    assert [s.finished for s in summary.stocktakes] == [0, 0, 0]


def test_score_series_puts_the_last_run_beside_the_one_before(office: Database) -> None:
    catalog = bundled_catalog()
    series = overview.score_series(office, catalog)
    assert [item.number for item in series.items] == [item.number for item in catalog.items]
    assert series.items[0].label("ja") == "2. クラウドサービスの利用"
    assert series.items[0].label("en") == "2. Use of cloud services"
    assert series.latest is not None and series.latest.name == "2026年度"
    assert series.previous is not None and series.previous.name == "2025年度"
    cloud = [item.number for item in series.items].index(2)
    media = [item.number for item in series.items].index(9)
    # Item 2 has two baseline measures (m3 is (参考)): done + done now, partial + not done before.
    assert series.latest_percent[cloud] == 100.0
    assert series.previous_percent[cloud] == 25.0
    assert series.latest_percent[media] is None  # every baseline measure 対象外
    assert series.previous_percent[media] == 0.0
    assert series.latest_overall is not None and series.previous_overall is not None
    assert series.latest_overall > series.previous_overall
    until = overview.score_series(office, catalog, until=date(2025, 12, 31))
    assert until.latest is not None and until.latest.name == "2025年度" and until.previous is None
    assert until.previous_percent == [None] * len(until.items)


def test_year_summary(office: Database) -> None:
    summary = overview.year_summary(office, 2026, bundled_catalog())
    assert summary.year == 2026
    assert [line.number for line in summary.incidents] == ["2026-004", "2026-003", "2026-001", "2026-002"]
    assert [line.occurred_at.month for line in summary.incidents if line.occurred_at] == [3, 11, 11, 11]
    assert summary.by_type[IncidentType.LEAK] == 2 and summary.by_type[IncidentType.DAMAGE] == 0
    assert summary.by_category == {IncidentCategory.SYSTEM_FAILURE: 1, IncidentCategory.SECURITY_INCIDENT: 3}
    assert (summary.incidents_closed, summary.incidents_open) == (1, 3)
    assert (summary.actions_done, summary.actions_open) == (1, 1)
    assert [(d.held_on, d.over_objective) for d in summary.drills] == [
        (date(2026, 5, 10), True),
        (date(2026, 9, 1), False),
    ]
    assert summary.drills_over_objective == 1
    assert [(r.reviewed_on, r.after_drill) for r in summary.reviews] == [
        (date(2026, 4, 1), False),
        (date(2026, 9, 1), True),
    ]
    assert [(s.register_key, s.finished, s.missing) for s in summary.stocktakes] == [
        ("media", 1, 1),
        ("devices", 0, 0),
        ("badges", 0, 0),
    ]
    assert summary.stocktakes[0].last_finished_on == date(2026, 6, 2)
    assert [(a.run.name, a.baseline_percent is not None) for a in summary.assessments] == [("2026年度", True)]
    assert [s.counts for s in summary.assets] == [[2, 1, 0, 1, 1], [1, 0, 1, 0], [2, 1, 0, 0]]

    last_year = overview.year_summary(office, 2025)
    assert len(last_year.incidents) == 3
    assert last_year.by_type[IncidentType.OTHER] == 1
    assert sum(last_year.by_category.values()) == 2  # その他 belongs to neither category
    assert [s.finished for s in last_year.stocktakes] == [0, 0, 1]
    assert len(last_year.drills) == 1 and last_year.reviews == []
