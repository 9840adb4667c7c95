"""変更履歴 on screen: a record's history from its register tab, and the whole trail from the
File menu, filtered and exported."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import MEDIA, PEOPLE, Register
from sme_guard.services import clock, registers
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.audit.history_dialog import AuditLogDialog, RecordHistoryDialog
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.tasks import SynchronousRunner
from tests import factories
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)
USER = getpass.getuser()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"errors": [], "infos": [], "save_to": None}
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: seen["infos"].append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda _p, _t, _name, _filter: seen["save_to"])
    return seen


@pytest.fixture
def make_tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Callable[..., RegisterTab]:
    def make(register: Register, lang: str = "ja") -> RegisterTab:
        configure_application(qapp, lang)
        tab = register_tab(register, lang, SynchronousRunner())
        qtbot.addWidget(tab)
        tab.resize(1200, 700)
        tab.show()
        tab.set_database(db)
        return tab

    return make


def _rows(model: Any) -> list[tuple[str, ...]]:
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_a_records_history_opens_from_its_register_tab(
    make_tab: Callable[..., RegisterTab], db: Database, answers: dict[str, Any], qtmodeltester: Any
) -> None:
    factories.medium(db, "USB-001", location="書庫")
    factories.medium(db, "USB-002")
    tab = make_tab(MEDIA)
    assert not tab.history_action.isEnabled()  # no record chosen yet
    tab.table.selectRow(0)
    assert tab.current_values["asset_number"] == "USB-001" and tab.history_action.isEnabled()
    location = tab.form.editors["location"]
    location.clear()
    location.setFocus()
    type_text(location, "金庫")
    tab.save_button.click()  # saved through the form, as the user does

    tab.history_action.trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, RecordHistoryDialog)
    assert dialog.windowTitle() == "変更履歴: 記憶媒体 USB-001"
    qtmodeltester.check(dialog.model)
    rows = _rows(dialog.model)
    assert [row[1:5] for row in rows] == [
        (USER, "変更", "記憶媒体 USB-001 (#1)", "所在"),
        (USER, "追加", "記憶媒体 USB-001 (#1)", ""),
    ]
    assert rows[0][5:] == ("書庫", "金庫")
    assert "資産番号: USB-001" in rows[1][6] and "所在: 書庫" in rows[1][6]
    assert dialog.summary.text() == "2 件の変更(新しい順)"
    assert not answers["errors"]


def test_the_history_in_english(make_tab: Callable[..., RegisterTab], db: Database) -> None:
    yamada = factories.person(db, "Yamada Taro")
    tab = make_tab(PEOPLE, "en")
    tab.show_record(yamada)
    tab.history_action.trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, RecordHistoryDialog)
    assert dialog.windowTitle() == "History: Employees Yamada Taro"
    ((when, user, action, record, field, before, after),) = _rows(dialog.model)
    assert (user, action, record, field, before) == (USER, "Added", "Employee Yamada Taro (#1)", "", "")
    assert after == "Name: Yamada Taro; Employment: Regular employee; Role: Employee"
    assert when.startswith(f"{date.today().year}-")


@pytest.fixture
def log_dialog(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[Callable[[str], AuditLogDialog]]:
    def make(lang: str) -> AuditLogDialog:
        configure_application(qapp, lang)
        dialog = AuditLogDialog(db, SynchronousRunner(), lang)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    yield make


def test_the_whole_trail_is_filtered(
    log_dialog: Callable[[str], AuditLogDialog], db: Database, qtmodeltester: Any, qtbot: QtBot
) -> None:
    yamada = factories.person(db, "山田 太郎")
    for n in range(3):
        factories.medium(db, f"USB-{n}", custodian_id=yamada)
    registers.save_record(
        db,
        PEOPLE,
        yamada,
        {"name": "山田 太郎", "employment_type": "regular", "role": "employee", "phone": "03-1234-5678"},
    )
    dialog = log_dialog("ja")
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 5 and dialog.summary.text() == "5 件(新しい順)"
    assert _rows(dialog.model)[0][1:8] == (
        USER,
        "従業員",
        "山田 太郎 (#1)",
        "変更",
        "電話",
        "",
        "03-1234-5678",
    )
    assert [dialog.user_box.itemText(i) for i in range(dialog.user_box.count())] == ["すべての利用者", USER]

    dialog.table_box.setCurrentIndex(dialog.table_box.findData("storage_medium"))
    assert [row[3] for row in _rows(dialog.model)] == ["USB-2 (#3)", "USB-1 (#2)", "USB-0 (#1)"]

    dialog.search_box.setText("USB-1")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert _rows(dialog.model)[0][3] == "USB-1 (#2)"

    dialog.table_box.setCurrentIndex(0)
    dialog.search_box.setText("")
    dialog.reload()
    dialog.until_check.setChecked(True)
    dialog.until_edit.setDate(dialog.until_edit.date().addYears(-10))
    assert dialog.model.rowCount() == 0 and not dialog.export_button.isEnabled()


def test_the_trail_is_limited_on_screen_and_says_so(
    log_dialog: Callable[[str], AuditLogDialog], db: Database
) -> None:
    for n in range(4):
        factories.person(db, f"社員{n}")
    dialog = log_dialog("en")
    assert dialog.model.rowCount() == 4
    dialog.limit = 2
    dialog.reload()
    assert dialog.model.rowCount() == 2
    assert dialog.summary.text() == "The newest 2 of 4 entries. Narrow the filters, or export them all."


def test_the_trail_is_exported_to_excel(
    log_dialog: Callable[[str], AuditLogDialog],
    db: Database,
    answers: dict[str, Any],
    tmp_path: Path,
) -> None:
    factories.person(db, "山田 太郎")
    factories.medium(db, "USB-1")
    dialog = log_dialog("ja")
    dialog.table_box.setCurrentIndex(dialog.table_box.findData("storage_medium"))
    answers["save_to"] = tmp_path / "履歴.xlsx"
    dialog.export_button.click()
    assert answers["infos"] == [f"1 件の変更履歴を {tmp_path / '履歴.xlsx'} に出力しました。"]
    rows = list(load_workbook(tmp_path / "履歴.xlsx").worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][3:6] == ("記憶媒体", "USB-1 (#1)", "追加")


def test_the_file_menu_opens_the_change_history(
    qapp: QApplication, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure_application(qapp, "en")
    window = MainWindow("en", SynchronousRunner())
    qtbot.addWidget(window)
    assert not window.history_action.isEnabled()
    window.open_database(db_path)
    assert window.database is not None and window.history_action.isEnabled()
    factories.person(window.database, "Yamada Taro")
    window.history_action.trigger()
    dialog = window.change_history_dialog
    assert isinstance(dialog, AuditLogDialog) and isinstance(dialog.parent(), QWidget)
    assert dialog.windowTitle() == "Change history"
    rows = _rows(dialog.model)
    assert any(row[2:5] == ("Employee", "Yamada Taro (#1)", "Added") for row in rows)
    dialog.close()
    window.close()
