"""ホーム on real widgets: the due list with its counts, the tab badge and reminder at start,
opening a line's record, recurring checks recorded as done, the overview charts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database, open_database
from sme_guard.domain.due import Area
from sme_guard.domain.registers import INCIDENTS, MEDIA, PLANS
from sme_guard.services import clock, recurring_checks, registers
from sme_guard.ui.app import configure_application
from sme_guard.ui.home.checks_dialog import ChecksDialog
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.tasks import SynchronousRunner
from tests.backdating import made_on

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 27, 1, 0, tzinfo=UTC))


def _quiet(database: Database) -> None:
    """Every default check switched off: only what a test adds is due."""
    recurring_checks.ensure_defaults(database)
    for line in recurring_checks.checks(database, TODAY):
        recurring_checks.set_enabled(database, line.id, False)


def _fill(path: Path) -> dict[str, int]:
    database = open_database(path)
    try:
        _quiet(database)
        ids = {
            "medium": registers.save_record(
                database,
                MEDIA,
                None,
                {
                    "asset_number": "BK-01",
                    "kind": "external_hdd",
                    "quantity": 1,
                    "status": "stored",
                    "long_term_backup": True,
                    "next_migration_on": "2026-10-01",
                },
            ),
            "plan": registers.save_record(
                database, PLANS, None, {"name": "会計システム", "review_interval_days": "365"}
            ),
            "incident": registers.save_record(
                database,
                INCIDENTS,
                None,
                {
                    "occurred_at": "2026/11/20 10:00",
                    "what": "USB 紛失",
                    "incident_type": "leak",
                    "severity": "high",
                },
            ),
        }
        made_on(database, "continuity_plan", ids["plan"], date(2025, 6, 1))  # never reviewed since
    finally:
        database.close()
    return ids


@pytest.fixture
def window(qapp: QApplication, qtbot: QtBot) -> Iterator[MainWindow]:
    configure_application(qapp, "ja")
    main = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    yield main


def _rows(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.home.model
    return [
        (model.data(model.index(r, 0)), model.data(model.index(r, 1)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    ]


def test_what_is_due_is_listed_counted_and_shown_first_at_start(
    window: MainWindow, db_path: Path, qtbot: QtBot
) -> None:
    ids = _fill(db_path)
    window.tabs.setCurrentIndex(3)
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    rows = _rows(window)
    areas = [row[1] for row in rows]
    assert "記憶媒体" in areas and "IT継続計画" in areas and "障害・事故" in areas
    # Sorted by date: the open incident (no date), the plan never reviewed since it was made
    # (due a year later), then the medium whose migration was due on 2026-10-01.
    dates = [row[0] for row in rows]
    assert dates == ["今すぐ", "2026-06-01", "2026-10-01"]
    medium_row = areas.index("記憶媒体")
    assert window.home.model.items[medium_row].overdue
    assert window.home.model.data(window.home.model.index(medium_row, 0), 9) is not None  # red
    assert window.home.count_labels[Area.MEDIA].text() == "記憶媒体: 1"
    assert window.home.count_labels[Area.CHECKS].text() == "定期点検: 0"
    # The tab counts what the list lists.
    assert window.tabs.tabText(0) == f"ホーム ({window.home.model.rowCount()})" == "ホーム (3)"
    assert window.tabs.currentIndex() == 0  # something is overdue: ホーム comes first
    assert ids


def test_a_line_opens_its_record(window: MainWindow, db_path: Path, qtbot: QtBot) -> None:
    ids = _fill(db_path)
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    row = [item.area for item in window.home.model.items].index(Area.MEDIA)
    window.home.view.selectRow(row)
    window.home.open_button.click()
    assert window.tabs.currentWidget() is window.pages["assets"]
    media = window.assets_tab.registers["media"]
    assert window.assets_tab.currentWidget() is media
    assert media.current_id == ids["medium"] and media.current_values["asset_number"] == "BK-01"

    window.tabs.setCurrentIndex(0)
    row = [item.area for item in window.home.model.items].index(Area.CONTINUITY)
    window.home.view.doubleClicked.emit(window.home.model.index(row, 0))
    assert window.tabs.currentWidget() is window.pages["continuity"]
    assert window.continuity_tab.current_id == ids["plan"]


def test_a_recurring_check_done_leaves_the_list(window: MainWindow, db_path: Path, qtbot: QtBot) -> None:
    database = open_database(db_path)
    _quiet(database)
    check = next(
        line for line in recurring_checks.checks(database, TODAY) if line.code == "website_tamper_check"
    )
    recurring_checks.set_enabled(database, check.id, True)
    database.close()
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    assert [item.area for item in window.home.model.items] == [Area.CHECKS]
    window.home.view.selectRow(0)
    window.home.open_button.click()  # a check line opens the checks dialog on that check
    dialog = window.home.open_dialog
    assert isinstance(dialog, ChecksDialog)
    assert dialog.current() is not None and dialog.current().id == check.id  # type: ignore[union-attr]
    dialog.done_by.setText("山田")
    dialog.done_button.click()
    line = next(line for line in dialog.lines if line.id == check.id)
    assert line.last_done_on == TODAY and line.next_due_on == date(2026, 12, 27)
    with qtbot.waitSignal(window.home.loaded):
        dialog.reject()
    # Done today: next due in 30 days, within the list's horizon but no longer overdue.
    (item,) = window.home.model.items
    assert item.due_on == date(2026, 12, 27) and not item.overdue
    assert window.home.headline.text() == "期限切れ 0 件、30 日以内に期限 1 件"
    assert window.tabs.tabText(0) == "ホーム (1)"
    window.home.checks_button.click()
    dialog = window.home.open_dialog
    assert isinstance(dialog, ChecksDialog)
    dialog.view.selectRow([line.id for line in dialog.lines].index(check.id))
    dialog.enabled.setChecked(False)
    dialog.apply_button.click()
    with qtbot.waitSignal(window.home.loaded):
        dialog.reject()
    assert window.home.model.rowCount() == 0
    assert window.home.headline.text() == "すべて順調です。"
    assert window.tabs.tabText(0) == "ホーム"


def _checks_dialog(window: MainWindow, db_path: Path, qtbot: QtBot) -> ChecksDialog:
    """The recurring-checks dialog over a database with nothing due."""
    database = open_database(db_path)
    _quiet(database)
    database.close()
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    window.home.checks_button.click()
    dialog = window.home.open_dialog
    assert isinstance(dialog, ChecksDialog)
    return dialog


def test_check_schedule_is_edited_and_own_checks_added(
    window: MainWindow, db_path: Path, qtbot: QtBot
) -> None:
    dialog = _checks_dialog(window, db_path, qtbot)
    dialog.own_title.setText("金庫の施錠記録を確認")
    dialog.own_interval.setValue(30)
    dialog.add_button.click()
    own = dialog.current()
    assert own is not None and own.own and own.title("ja") == "金庫の施錠記録を確認" and own.enabled
    dialog.interval.setValue(14)
    dialog.apply_button.click()
    assert next(line for line in dialog.lines if line.id == own.id).interval_days == 14
    dialog.done_on.setText("昨日")
    dialog.done_button.click()
    assert not dialog.errors.isHidden() and "実施日" in dialog.errors.text()
    with qtbot.waitSignal(window.home.loaded):
        dialog.reject()
    assert [item.title for item in window.home.model.items] == ["金庫の施錠記録を確認"]


def test_a_check_never_done_gets_its_first_due_date_in_the_checks_dialog(
    window: MainWindow, db_path: Path, qtbot: QtBot
) -> None:
    dialog = _checks_dialog(window, db_path, qtbot)
    row, line = next((r, line) for r, line in enumerate(dialog.lines) if line.code == "website_tamper_check")
    dialog.view.selectRow(row)
    assert dialog.first_due.isEnabled() and dialog.first_due.property("calendar")
    assert dialog.first_due.text() == (line.first_due_on.isoformat() if line.first_due_on else "")
    dialog.first_due.setText("令和9年1月31日")  # typed as anywhere else
    dialog.apply_button.click()
    saved = next(saved for saved in dialog.lines if saved.id == line.id)
    assert saved.first_due_on == date(2027, 1, 31) and saved.next_due_on == date(2027, 1, 31)
    dialog.view.selectRow(row)
    dialog.first_due.setText("いつか")
    dialog.apply_button.click()
    assert not dialog.errors.isHidden() and "初回期限" in dialog.errors.text()
    database = open_database(db_path)
    try:
        check = next(c for c in recurring_checks.checks(database, TODAY) if c.id == line.id)
        assert check.first_due_on == date(2027, 1, 31)  # nothing half-saved by the refused one
    finally:
        database.close()


def test_overview_charts_have_the_data(window: MainWindow, db_path: Path, qtbot: QtBot) -> None:
    _fill(db_path)
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    incidents = window.home.incidents
    assert len(incidents.categories) == 12 and incidents.categories[-1] == "11"
    assert sum(v or 0 for s in incidents.series for v in s.values) == 1
    assets = window.home.assets
    assert assets.categories == ["記憶媒体", "スマートデバイス", "社員証"]
    assert sum(v or 0 for s in assets.series for v in s.values) == 1
    assert window.home.scores.series == []  # no self-assessment yet
    window.home.grab()  # paints without errors (Qt warnings fail tests)


def test_the_due_model_keeps_qt_model_rules(
    window: MainWindow, db_path: Path, qtbot: QtBot, qtmodeltester: Any
) -> None:
    _fill(db_path)
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    qtmodeltester.check(window.home.model)


def test_home_lines_open_an_account_and_a_guideline_s_acknowledgments(
    window: MainWindow, db_path: Path, qtbot: QtBot
) -> None:
    from sme_guard.domain.codes import GuidelineKind
    from sme_guard.domain.registers import ACCOUNTS, PEOPLE
    from tests.factories import issued_guideline

    database = open_database(db_path)
    try:
        _quiet(database)
        leaver = registers.save_record(
            database,
            PEOPLE,
            None,
            {"name": "鈴木 一郎", "employment_type": "regular", "role": "employee", "left_on": "2026-11-01"},
        )
        account = registers.save_record(
            database,
            ACCOUNTS,
            None,
            {
                "account_number": "A-1",
                "system": "会計",
                "login": "suzuki",
                "person_id": leaver,
                "privilege": "user",
                "auth_method": "password",
                "status": "active",
            },
        )
        registers.save_record(
            database, PEOPLE, None, {"name": "佐藤 花子", "employment_type": "regular", "role": "employee"}
        )
        issued_guideline(database, GuidelineKind.DEVICES, date(2026, 10, 1))
    finally:
        database.close()
    with qtbot.waitSignal(window.home.loaded):
        window.open_database(db_path)
    areas = [item.area for item in window.home.model.items]
    window.home.view.selectRow(areas.index(Area.LEAVERS))
    window.home.open_button.click()
    accounts = window.access_tab.registers["accounts"]
    assert (
        window.tabs.currentWidget() is window.pages["access"]
        and window.access_tab.currentWidget() is accounts
    )
    assert accounts.current_id == account

    window.tabs.setCurrentIndex(0)
    window.home.view.selectRow(areas.index(Area.GUIDELINES))
    window.home.open_button.click()
    guidelines = window.guidelines_tab
    assert window.tabs.currentWidget() is window.pages["guidelines"]
    assert guidelines.kind is GuidelineKind.DEVICES
    assert guidelines.pages.currentWidget() is guidelines.acknowledgments
