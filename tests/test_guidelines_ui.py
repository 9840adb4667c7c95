"""The staff guidelines tab, driven on real widgets: a draft's decisions filled in, saved,
issued, acknowledged by two people through the dialog, the not-acknowledged list shrinking,
a device dated, printing, and the tab's place in the main window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sme_guard.db.database import Database
from sme_guard.domain.assets import SmartDevice
from sme_guard.domain.codes import GuidelineDecision, GuidelineKind
from sme_guard.services import clock
from sme_guard.services import staff_guidelines as sg
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.guidelines.acknowledgments import RecordAcknowledgmentDialog
from sme_guard.ui.guidelines.guidelines_tab import GuidelinesTab
from sme_guard.ui.tasks import SynchronousRunner
from tests import pdf_reading
from tests.conftest import REPO
from tests.factories import device_acknowledged_on, inserted_device, inserted_person
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"confirm": True, "asked": [], "errors": [], "save": None}

    def confirm(_parent: Any, _title: str, question: str) -> bool:
        seen["asked"].append(question)
        return bool(seen["confirm"])

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: seen["save"])
    return seen


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[GuidelinesTab]:
    configure_application(qapp, "ja")
    widget = GuidelinesTab("ja", SynchronousRunner())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.set_database(db)
    yield widget


def _cells(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _record(tab: GuidelinesTab, ticked: set[str], day: str) -> RecordAcknowledgmentDialog:
    tab.pages.setCurrentWidget(tab.acknowledgments)
    tab.acknowledgments.record_button.click()
    dialog = tab.open_dialog
    assert isinstance(dialog, RecordAcknowledgmentDialog)
    for row in range(dialog.people.count()):
        item = dialog.people.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ticked else Qt.CheckState.Unchecked)
    dialog.acknowledged_on.clear()
    type_text(dialog.acknowledged_on, day)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return dialog


def test_a_draft_is_decided_issued_and_acknowledged(
    tab: GuidelinesTab, db: Database, answers: dict[str, Any], qtmodeltester: Any
) -> None:
    yamada = inserted_person(db, "山田 太郎", kana="やまだ")
    inserted_person(db, "佐藤 花子", kana="さとう")
    inserted_person(db, "鈴木 一郎", kana="すずき")
    inserted_person(db, "田中 退職", kana="たなか", left_on=date(2026, 3, 31))
    phone = inserted_device(db, "SD-001", yamada)
    tab.reload()
    assert tab.editor.document is None and tab.toolbar_actions["new"].isEnabled()
    assert not tab.toolbar_actions["issue"].isEnabled()

    # A first version starts from SME Guard's suggestions.
    tab.toolbar_actions["new"].trigger()
    editor = tab.editor
    assert editor.document is not None and editor.document.info.version == 1
    assert editor.title.text() == "スマートデバイス使用ガイドライン"
    assert not tab.toolbar_actions["new"].isEnabled()  # one draft at a time
    editor.title.clear()
    type_text(editor.title, "スマホ利用ルール")
    editor.points["applications"].buttons[GuidelineDecision.NOT_ALLOWED].click()
    networks = editor.points["networks"]
    networks.buttons[GuidelineDecision.CONDITIONAL].click()
    networks.conditions.clear()
    assert editor.dirty

    # "Allowed with conditions" without conditions: named under the point, nothing saved.
    tab.toolbar_actions["save"].trigger()
    assert not networks.error.isHidden() and "条件を入力" in networks.error.text()
    assert editor.points["applications"].error.isHidden()
    saved = sg.document(db, editor.document.info.id)
    assert saved.info.title == "スマートデバイス使用ガイドライン"

    networks.conditions.setFocus()
    type_text(networks.conditions, "自宅の Wi-Fi のみ")
    tab.toolbar_actions["save"].trigger()
    assert networks.error.isHidden() and not editor.dirty
    saved = sg.document(db, saved.info.id)
    by_key = {p.key: p for p in saved.points}
    assert saved.info.title == "スマホ利用ルール"
    assert by_key["applications"].decision == GuidelineDecision.NOT_ALLOWED
    assert (by_key["networks"].decision, by_key["networks"].conditions) == (
        "conditional",
        "自宅の Wi-Fi のみ",
    )
    assert _cells(tab.version_model, 2) == ["下書き"] or _cells(tab.version_model, 2) == ["Draft"]

    # Issue: confirmed, then read-only.
    tab.toolbar_actions["issue"].trigger()
    assert "1" in answers["asked"][-1]
    current = sg.current_version(db, GuidelineKind.DEVICES)
    assert current is not None and current.issued_on == TODAY
    assert (
        editor.title.isReadOnly()
        and not editor.points["networks"].buttons[GuidelineDecision.ALLOWED].isEnabled()
    )
    assert not tab.toolbar_actions["save"].isEnabled() and tab.toolbar_actions["new"].isEnabled()
    assert _cells(tab.version_model, 2) == [TODAY.isoformat()]

    # Everyone who has not left is listed; nobody has acknowledged yet.
    page = tab.acknowledgments
    qtmodeltester.check(page.model)
    assert _cells(page.model, 0) == ["佐藤 花子", "鈴木 一郎", "山田 太郎"]
    page.only_missing.setChecked(True)
    assert page.model.rowCount() == 3

    # A wrong date is named under the date field and nothing is recorded.
    dialog = _record(tab, {"山田 太郎", "佐藤 花子"}, "2026/11/26")
    assert dialog.isVisible() and not dialog.date_error.isHidden()
    assert "発行日" in dialog.date_error.text()
    assert sg.acknowledgments(db, current.id) == []

    dialog.acknowledged_on.clear()
    type_text(dialog.acknowledged_on, "令和8年11月27日")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert [(a.name, a.acknowledged_on) for a in sg.acknowledgments(db, current.id)] == [
        ("佐藤 花子", TODAY),
        ("山田 太郎", TODAY),
    ]
    assert _cells(page.model, 0) == ["鈴木 一郎"]  # the not-acknowledged list shrank
    page.only_missing.setChecked(False)
    qtmodeltester.check(page.model)
    assert _cells(page.model, 3) == [TODAY.isoformat(), "", TODAY.isoformat()]
    assert _cells(tab.version_model, 3) == ["2"]
    assert device_acknowledged_on(db, phone) == TODAY  # 10⑨: the device's date comes from here

    # The next dialog ticks only whoever still has to sign.
    tab.acknowledgments.record_button.click()
    again = tab.open_dialog
    assert isinstance(again, RecordAcknowledgmentDialog)
    ticked = [
        again.people.item(r).text()
        for r in range(again.people.count())
        if again.people.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["鈴木 一郎"]
    again.reject()
    assert answers["errors"] == []


def test_a_new_version_asks_everyone_again_and_a_mistake_is_removed(
    tab: GuidelinesTab, db: Database, answers: dict[str, Any]
) -> None:
    yamada = inserted_person(db, "山田 太郎", kana="やまだ")
    phone = inserted_device(db, "SD-001", yamada)
    first = sg.new_draft(db, GuidelineKind.DEVICES, "ja")
    sg.issue(db, first, date(2026, 4, 1))
    sg.record_acknowledgments(db, first, [yamada], date(2026, 4, 2))
    tab.reload()
    tab.toolbar_actions["new"].trigger()
    tab.toolbar_actions["issue"].trigger()
    page = tab.acknowledgments
    assert _cells(page.model, 2) == ["第1版"] or _cells(page.model, 2) == ["Version 1"]
    assert page.model.status_at(0).current is False  # type: ignore[union-attr]

    _record(tab, {"山田 太郎"}, "2026/11/27")
    assert device_acknowledged_on(db, phone) == TODAY
    page.view.selectRow(0)
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    assert "山田 太郎" in answers["asked"][-1]
    assert page.model.status_at(0).version == 1  # type: ignore[union-attr]
    assert device_acknowledged_on(db, phone) == date(2026, 4, 2)

    # A version somebody acknowledged cannot be deleted; the button says so by being off.
    tab.version_view.selectRow(1)
    assert tab.shown() is not None and tab.shown().version == 1  # type: ignore[union-attr]
    assert not tab.toolbar_actions["delete"].isEnabled()
    tab.version_view.selectRow(0)
    assert tab.toolbar_actions["delete"].isEnabled()  # issued by mistake, nobody has read it
    tab.toolbar_actions["delete"].trigger()
    assert [v.version for v in sg.versions(db, GuidelineKind.DEVICES)] == [1]


def test_unsaved_edits_are_kept_unless_the_user_lets_them_go(
    tab: GuidelinesTab, db: Database, answers: dict[str, Any]
) -> None:
    tab.reload()
    tab.toolbar_actions["new"].trigger()
    tab.editor.points["backup"].conditions.setPlainText("金曜にサーバーへ")
    answers["confirm"] = False
    tab.select_kind(GuidelineKind.SNS)
    assert (
        tab.kind == GuidelineKind.DEVICES
        and tab.editor.points["backup"].conditions.toPlainText() == "金曜にサーバーへ"
    )
    tab.refresh()  # another screen changed something: the edits stay
    assert tab.editor.points["backup"].conditions.toPlainText() == "金曜にサーバーへ"

    answers["confirm"] = True
    tab.select_kind(GuidelineKind.SNS)
    assert tab.kind == GuidelineKind.SNS and tab.editor.document is None
    tab.toolbar_actions["new"].trigger()
    assert tab.editor.document is not None and tab.editor.document.info.kind == GuidelineKind.SNS
    assert "employer_name" in tab.editor.points


def test_the_guideline_is_printed_where_the_user_chooses(
    tab: GuidelinesTab, db: Database, answers: dict[str, Any], tmp_path: Path
) -> None:
    tab.reload()
    tab.toolbar_actions["new"].trigger()
    tab.toolbar_actions["issue"].trigger()
    answers["save"] = None
    tab.toolbar_actions["print"].trigger()  # cancelled: nothing written
    answers["save"] = tmp_path / "ガイドライン.pdf"
    tab.toolbar_actions["print"].trigger()
    text = pdf_reading.text(answers["save"])
    assert "スマートデバイス使用ガイドライン" in text and "確認書" in text
    assert answers["errors"] == []


def test_the_tab_sits_after_the_self_assessment_and_is_built_when_shown(tmp_path: Path) -> None:
    # In a fresh process: start-up must not import the tab's modules.
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "app = QApplication([])\n"
        "from sme_guard.ui.main_window import MainWindow\n"
        "from sme_guard.ui.tasks import SynchronousRunner\n"
        "window = MainWindow('en', SynchronousRunner())\n"
        "titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]\n"
        "print(titles.index('Staff guidelines') - titles.index('Self-assessment'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('sme_guard.ui.guidelines')))\n"
        "window.tabs.setCurrentWidget(window.pages['guidelines'])\n"
        "window.show(); app.processEvents()\n"
        "print(type(window.pages['guidelines'].content()).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:3] == ["1", "[]", "GuidelinesTab"]


def test_a_devices_acknowledgment_reloads_the_registers(
    qapp: QApplication, qtbot: QtBot, db: Database
) -> None:
    from sme_guard.ui.main_window import MainWindow

    window = MainWindow("en", SynchronousRunner())
    qtbot.addWidget(window)
    window._database_ready(db)
    page = window.pages["guidelines"].content()
    assert isinstance(page, GuidelinesTab) and page.database is db
    refreshed: list[bool] = []
    window.home.refresh = lambda: refreshed.append(True)  # type: ignore[method-assign]
    page.changed.emit()
    assert refreshed == [True]
    window.runner.wait()


def test_no_device_row_is_touched_by_the_sns_guideline(
    tab: GuidelinesTab, db: Database, answers: dict[str, Any]
) -> None:
    yamada = inserted_person(db, "山田 太郎")
    inserted_device(db, "SD-001", yamada)
    tab.select_kind(GuidelineKind.SNS)
    tab.toolbar_actions["new"].trigger()
    tab.toolbar_actions["issue"].trigger()
    changed: list[bool] = []
    tab.changed.connect(lambda: changed.append(True))
    _record(tab, {"山田 太郎"}, "2026/11/27")
    table = SmartDevice.__table__  # type: ignore[attr-defined]
    with db.engine.connect() as connection:
        assert connection.execute(select(table.c.guideline_acknowledged_on)).scalar() is None
    assert changed == []
