"""The editing habits of a Windows app: Ctrl+S/N/F, F5, Delete and Esc; unsaved edits asked
about when the window closes or the tab changes; Tab leaves a multi-line field; a calendar on
every date field; the window fits the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import INCIDENTS, PEOPLE
from sme_guard.services import policies, registers, setup, staff_guidelines
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.date_field import CalendarPopup
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.tasks import SynchronousRunner
from sme_guard.ui.text_fields import PlainTextField


@pytest.fixture
def window(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    registers.save_record(
        db, PEOPLE, None, {"name": "山田 太郎", "employment_type": "regular", "role": "employee"}
    )
    setup.finish(db, date(2026, 11, 27))
    configure_application(qapp, "ja")
    main = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main._database_ready(db)
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main


def _people(window: MainWindow) -> RegisterTab:
    window.tabs.setCurrentWidget(window.pages["people"])
    tab = window.people_tab
    tab.table.selectRow(0)
    return tab


def _edit(tab: RegisterTab, key: str, text: str) -> None:
    editor = tab.form.editors[key]
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.setText(text)
    editor.textEdited.emit(text)


def test_ctrl_s_saves_ctrl_n_starts_a_new_record_and_the_menu_shows_the_keys(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    tab = _people(window)
    person = tab.current_id
    _edit(tab, "department", "総務部")
    assert window.edit_menu.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    QTest.keyClick(tab.form.editors["department"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert registers.get_record(db, PEOPLE, person)["department"] == "総務部"
    assert not tab.has_unsaved_changes()
    QTest.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.current_id is None and tab.form_title.text() == "<b>新しい記録</b>"
    QTest.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.search_box
    texts = [a.text() for a in window.edit_menu.save.parent().findChildren(type(window.edit_menu.save))]
    assert any("\tDel" in t for t in texts) and any("\tEsc" in t for t in texts)
    assert "Ctrl+S" in tab.save_button.toolTip() and "Ctrl+N" in tab.new_action.toolTip()


def test_delete_asks_first_and_esc_reverts_after_a_question(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, q: asked.append(q) or answer["yes"])
    tab = _people(window)
    person = tab.current_id
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked and registers.get_record(db, PEOPLE, person)  # asked, answered no: kept
    _edit(tab, "department", "営業部")
    QTest.keyClick(tab.form.editors["department"], Qt.Key.Key_Escape)
    assert tab.form.editors["department"].text() == "営業部"  # type: ignore[attr-defined]
    answer["yes"] = True
    QTest.keyClick(tab.form.editors["department"], Qt.Key.Key_Escape)
    assert tab.form.editors["department"].text() == ""  # type: ignore[attr-defined]
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert registers.person_choices(db) == []


def test_closing_or_leaving_the_tab_with_unsaved_edits_asks(
    window: MainWindow, db: Database, unsaved_answers: list[str], qtbot: QtBot
) -> None:
    tab = _people(window)
    person = tab.current_id
    _edit(tab, "department", "経理部")
    unsaved_answers.append("cancel")
    window.tabs.setCurrentIndex(0)  # to ホーム
    assert window.tabs.currentWidget() is window.pages["people"] and tab.has_unsaved_changes()
    unsaved_answers.append("cancel")
    window.close()
    assert window.isVisible() and tab.has_unsaved_changes()  # nothing lost
    unsaved_answers.append("save")
    window.close()
    assert registers.get_record(db, PEOPLE, person)["department"] == "経理部"
    qtbot.waitUntil(lambda: not window.isVisible())  # closes once saved
    assert unsaved_answers.count("asked") == 3


def test_closing_with_an_unsaved_policy_or_guideline_draft_asks(
    window: MainWindow,
    db: Database,
    unsaved_answers: list[str],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policies.save_office_identity(db, {"office_name": "株式会社サンプル", "representative": "山田 太郎"})
    policies.new_draft(db, "policy", "ja")
    staff_guidelines.new_draft(db, "devices", "ja")
    window.tabs.setCurrentWidget(window.pages["policy"])
    editor = window.policy_tab.policy.editor
    qtbot.waitUntil(lambda: editor.document is not None)
    editor.title.setText("情報セキュリティ基本方針(改訂案)")
    editor.title.textEdited.emit(editor.title.text())
    window.tabs.setCurrentWidget(window.pages["guidelines"])
    guideline = window.guidelines_tab.editor
    qtbot.waitUntil(lambda: guideline.document is not None)
    guideline.title.setText("スマートデバイス利用ルール(改訂案)")
    guideline.title.textEdited.emit(guideline.title.text())
    asked: list[list[str]] = []
    answer = dialogs.ask_drafts  # the fixture's: the queued answer

    def ask(parent: object, parts: list[str]) -> str:
        asked.append(parts)
        return answer(parent, parts)

    monkeypatch.setattr(dialogs, "ask_drafts", ask)
    unsaved_answers.append("cancel")
    window.close()
    assert window.isVisible() and editor.dirty and guideline.dirty  # nothing lost
    assert asked == [
        ["スマートデバイス使用ガイドライン 第1版(下書き)", "情報セキュリティ基本方針 第1版(下書き)"]
    ]
    window.close()  # answered "discard"
    assert not window.isVisible()


def test_tab_leaves_a_multi_line_field_and_ctrl_tab_types_one(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.pages["incidents"])
    form = window.incidents_tab.log.form
    how = form.editors["how"]
    assert isinstance(how, PlainTextField) and how.tabChangesFocus()
    how.setFocus()
    QTest.keyClick(how, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert how.toPlainText() == "\t"
    QTest.keyClick(how, Qt.Key.Key_Tab)
    assert how.toPlainText() == "\t" and not how.hasFocus()


def test_every_date_field_has_a_calendar_that_keeps_typing_as_it_is(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.pages["incidents"])
    form = window.incidents_tab.log.form
    dated = [c.key for c in INCIDENTS.columns if c.kind in ("date", "datetime") and c.editable]
    assert dated and all(form.editors[key].property("calendar") for key in dated)
    occurred = form.editors["occurred_at"]
    assert isinstance(occurred, QLineEdit)
    occurred.setText("令和8年11月20日 14:30")
    popup = occurred.findChild(CalendarPopup)
    occurred.findChild(type(window.edit_menu.save), "calendar").trigger()
    assert popup.calendar.selectedDate().toString("yyyy-MM-dd") == "2026-11-20"  # typed 和暦 read
    popup.pick(popup.calendar.selectedDate().addDays(1))
    assert occurred.text() == "2026-11-21 14:30"


def test_the_window_fits_a_small_screen_and_starts_maximised(qapp: QApplication, qtbot: QtBot) -> None:
    configure_application(qapp, "ja")
    main = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(main)
    screen = main.screen().availableGeometry()
    assert main.width() <= screen.width() and main.height() <= screen.height()
    small = screen.width() < 1440 or screen.height() < 900
    assert bool(main.windowState() & Qt.WindowState.WindowMaximized) == small
