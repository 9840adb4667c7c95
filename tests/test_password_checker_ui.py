"""The password checker and the policy dialog on real widgets, and the proof that a typed
password is written nowhere: not to the database (tables, audit trail, WAL, backups), not to
the log, not to the settings, not to the runner, not to the clipboard."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from sme_guard import paths
from sme_guard.db.backup import backup_with_reason
from sme_guard.db.database import Database, open_database
from sme_guard.domain.password_policy import GUIDELINE_POLICY, PasswordPolicy, Rule
from sme_guard.domain.registers import ACCOUNTS
from sme_guard.logs import configure_logging
from sme_guard.services import clock, settings
from sme_guard.services import password_policy as policies
from sme_guard.ui import dialogs
from sme_guard.ui.accounts.password_checker import MET_MARK, UNMET_MARK, PasswordCheckerDialog
from sme_guard.ui.accounts.password_policy_dialog import PasswordPolicyDialog
from sme_guard.ui.app import configure_application
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.tasks import SynchronousRunner
from tests.pdf_reading import text as pdf_text
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    seen: dict[str, Any] = {"errors": [], "save_to": tmp_path / "notice.pdf"}
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda _p, _t, _name, _filter: seen["save_to"])
    return seen


class RecordingRunner(SynchronousRunner):
    """Runs work inline and keeps what went in (the closures' values) and what came out."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def submit(self, work: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        cells = getattr(work, "__closure__", None) or ()
        self.seen += [repr(cell.cell_contents) for cell in cells]

        def recorded(result: Any) -> None:
            self.seen.append(repr(result))
            on_done(result)

        super().submit(work, recorded, on_error)


@pytest.fixture
def runner() -> RecordingRunner:
    return RecordingRunner()


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database, runner: RecordingRunner) -> Iterator[RegisterTab]:
    configure_application(qapp, "en")
    widget = register_tab(ACCOUNTS, "en", runner)  # the accounts register carries the actions
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.set_database(db)
    yield widget


def _checker(tab: RegisterTab) -> PasswordCheckerDialog:
    tab.toolbar_actions["password_checker"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, PasswordCheckerDialog) and dialog.isVisible()
    return dialog


def _marks(dialog: PasswordCheckerDialog) -> dict[Rule, str]:
    return {key: label.text()[0] for key, label in dialog.rule_labels.items() if label.isVisibleTo(dialog)}


# ---------------------------------------------------------------- the checker


def test_the_marks_follow_what_is_typed(tab: RegisterTab, qtbot: QtBot) -> None:
    dialog = _checker(tab)
    field = dialog.field
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert set(_marks(dialog).values()) == {UNMET_MARK}
    assert Rule.HALF_WIDTH not in _marks(dialog)  # the hint shows only when it bites
    qtbot.keyClicks(field, "abc")
    assert _marks(dialog) == {
        Rule.LENGTH: UNMET_MARK,
        Rule.UPPER: UNMET_MARK,
        Rule.LOWER: MET_MARK,
        Rule.DIGITS: UNMET_MARK,
        Rule.SYMBOLS: UNMET_MARK,
    }
    qtbot.keyClicks(field, "DEF12")
    assert dialog.met == {
        Rule.LENGTH: False,
        Rule.UPPER: True,
        Rule.LOWER: True,
        Rule.DIGITS: True,
        Rule.SYMBOLS: False,
        Rule.HALF_WIDTH: True,
    }
    assert "2" in dialog.summary.text()
    qtbot.keyClicks(field, "!xyz")  # 12 characters
    assert set(_marks(dialog).values()) == {MET_MARK}
    assert dialog.summary.text() == "This password meets every rule of the policy."
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # 11
    assert dialog.met[Rule.LENGTH] is False
    assert dialog.rule_labels[Rule.LENGTH].text().endswith("at least 12 characters")


def test_full_width_and_japanese_text_is_pointed_out(tab: RegisterTab, qtbot: QtBot) -> None:
    dialog = _checker(tab)
    qtbot.keyClicks(dialog.field, "Abcdefgh12!")
    type_text(dialog.field, "ｘ")  # a full-width x (the IME would make one)
    assert dialog.met[Rule.LENGTH] and dialog.met[Rule.LOWER]
    assert _marks(dialog)[Rule.HALF_WIDTH] == UNMET_MARK
    assert "full-width" in dialog.summary.text()
    dialog.field.setText("")
    type_text(dialog.field, "パスワード")
    assert not any(dialog.met.values())
    dialog.reject()


def test_the_rules_are_the_offices_and_in_its_language(
    qapp: QApplication, qtbot: QtBot, db: Database, runner: RecordingRunner
) -> None:
    policies.save_policy(
        db, {**policies.guideline_values(), "min_length": 8, "require_symbols": False}, TODAY
    )
    configure_application(qapp, "ja")
    tab = register_tab(ACCOUNTS, "ja", runner)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_database(db)
    dialog = _checker(tab)
    assert Rule.SYMBOLS not in dialog.rule_labels
    assert dialog.rule_labels[Rule.LENGTH].text() == f"{UNMET_MARK}  8文字以上"
    qtbot.keyClicks(dialog.field, "abcdEF12")
    assert set(_marks(dialog).values()) == {MET_MARK}
    assert "3か月に1度変更する" in dialog.change_label.text()
    dialog.reject()


@pytest.mark.parametrize("how", ["reject", "escape", "accept", "close", "hide", "close button"])
def test_the_field_is_emptied_however_the_dialog_goes(tab: RegisterTab, qtbot: QtBot, how: str) -> None:
    dialog = _checker(tab)
    qtbot.keyClicks(dialog.field, "Secret12!abc")
    dialog.show_box.setChecked(True)
    if how == "escape":
        qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    elif how == "close button":
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    else:
        getattr(dialog, how)()
    assert not dialog.isVisible()
    assert dialog.field.text() == ""
    assert not dialog.show_box.isChecked()
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    dialog.field.undo()  # the undo history went with the text
    assert dialog.field.text() == ""
    dialog.open()
    assert dialog.field.text() == ""
    dialog.reject()


def test_the_field_is_marked_sensitive_and_keeps_out_input_methods(tab: RegisterTab) -> None:
    dialog = _checker(tab)
    for shown in (False, True, False):
        dialog.show_box.setChecked(shown)
        hints = dialog.field.inputMethodHints()
        for hint in (
            Qt.InputMethodHint.ImhSensitiveData,
            Qt.InputMethodHint.ImhNoPredictiveText,
            Qt.InputMethodHint.ImhHiddenText,
        ):
            assert hints & hint
        assert not dialog.field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    dialog.reject()


def test_the_text_never_reaches_the_clipboard(tab: RegisterTab, qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("untouched")
    dialog = _checker(tab)
    qtbot.keyClicks(dialog.field, "Secret12!abc")
    for shown in (False, True):
        dialog.show_box.setChecked(shown)
        qtbot.keyClick(dialog.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
        dialog.field.copy()
        QApplication.sendEvent(
            dialog.field,
            QContextMenuEvent(
                QContextMenuEvent.Reason.Keyboard,
                dialog.field.rect().center(),
                dialog.field.mapToGlobal(dialog.field.rect().center()),
            ),
        )
        assert clipboard.text() == "untouched"
        assert dialog.field.text() == "Secret12!abc"  # cut did not cut either
    dialog.field.selectAll()  # shown text cannot be selected (X11 copies a selection)
    assert not dialog.field.hasSelectedText()
    if clipboard.supportsSelection():
        assert "Secret" not in clipboard.text(QClipboard.Mode.Selection)
    dialog.reject()


# ---------------------------------------------------------------- the policy dialog


def test_the_policy_is_edited_and_saved(tab: RegisterTab, db: Database) -> None:
    tab.toolbar_actions["password_policy"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, PasswordPolicyDialog)
    assert dialog.min_length.value() == 12 and dialog.change_months.value() == 3
    assert dialog.require_symbols.isChecked()
    assert dialog.weaker.text() == ""
    dialog.min_length.setValue(10)
    dialog.require_symbols.setChecked(False)
    dialog.change_months.setValue(0)
    assert dialog.change_months.text() == "No scheduled change"
    assert "fewer than 12 characters" in dialog.weaker.text() and "no symbol" in dialog.weaker.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert policies.load_policy(db) == PasswordPolicy(10, True, True, True, False, 0)
    assert policies.policy_changed_on(db) == TODAY

    tab.toolbar_actions["password_policy"].trigger()
    again = tab.open_dialog
    assert isinstance(again, PasswordPolicyDialog)
    assert again.min_length.value() == 10 and again.change_months.value() == 0
    assert TODAY.isoformat() in again.changed_on.text()
    again.restore_button.click()
    assert again.values() == policies.guideline_values()
    again.reject()
    assert policies.load_policy(db).min_length == 10  # cancelled: nothing saved


def test_a_refused_value_is_shown_under_its_field(tab: RegisterTab, db: Database) -> None:
    tab.toolbar_actions["password_policy"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, PasswordPolicyDialog)
    try:
        policies.save_policy(db, {**policies.guideline_values(), "change_interval_months": 99}, TODAY)
    except policies.PasswordPolicyInvalidError as error:
        dialog._failed(error)
    label = dialog.errors["change_interval_months"]
    assert label.isVisibleTo(dialog) and "0 to 24" in label.text()
    assert not dialog.errors["min_length"].isVisibleTo(dialog)
    assert dialog.isVisible()  # still open, to correct
    dialog.reject()


def test_an_unreadable_stored_policy_is_reported_and_the_example_offered(
    tab: RegisterTab, db: Database, answers: dict[str, Any]
) -> None:
    settings.set_text(db, settings.PASSWORD_CHANGE_MONTHS, "often")
    tab.toolbar_actions["password_policy"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, PasswordPolicyDialog)
    assert any("Change every (months)" in e or "変更の間隔" in e for e in answers["errors"])
    assert dialog.values() == policies.guideline_values() and dialog.min_length.isEnabled()
    dialog.reject()


def test_the_notice_is_printed_from_the_tab(tab: RegisterTab, db: Database, answers: dict[str, Any]) -> None:
    policies.save_policy(db, {**policies.guideline_values(), "min_length": 15}, TODAY)
    tab.toolbar_actions["password_notice"].trigger()
    assert "15 characters" in pdf_text(answers["save_to"])
    assert answers["errors"] == []


# ---------------------------------------------------------------- the proof


ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _files_holding(root: Path, marker: str) -> list[str]:
    needles = [marker.encode(encoding) for encoding in ENCODINGS]
    return [
        f"{path.relative_to(root)} ({encoding})"
        for path in sorted(root.rglob("*"))
        if path.is_file()
        for encoding, needle in zip(ENCODINGS, needles, strict=True)
        if needle in path.read_bytes()
    ]


def _rows_holding(database_file: Path, marker: str) -> list[str]:
    """Every cell of every table (the audit trail too), read through SQLite itself."""
    found = []
    connection = sqlite3.connect(database_file)  # SELECTs only
    try:
        tables = [
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        assert "audit_entry" in tables and "app_setting" in tables
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found += [f"{table}: {cell!r}" for cell in row if marker in str(cell)]
    finally:
        connection.close()
    return found


def _records_holding(records: list[logging.LogRecord], marker: str) -> list[str]:
    return [
        record.getMessage()
        for record in records
        if marker in record.getMessage() or marker in repr(record.args) or marker in (record.exc_text or "")
    ]


def _places_holding(
    marker: str,
    root: Path,
    database_file: Path,
    caplog: pytest.LogCaptureFixture,
    runner: RecordingRunner,
) -> list[str]:
    clipboard = QGuiApplication.clipboard()
    places = _files_holding(root, marker)
    places += _rows_holding(database_file, marker)
    places += [f"log record: {text}" for text in _records_holding(caplog.records, marker)]
    places += [f"runner: {seen}" for seen in runner.seen if marker in seen]
    places += ["clipboard"] if marker in clipboard.text() else []
    if clipboard.supportsSelection() and marker in clipboard.text(QClipboard.Mode.Selection):
        places.append("selection clipboard")
    return places


def _use_everything(tab: RegisterTab, qtbot: QtBot, marker: str, scan: Callable[[], list[str]]) -> None:
    """What a user does around the checker: policy, checker (every way of closing), printout.

    ``scan`` also runs while the marker is still typed, so a write that a later keystroke or
    the clearing overwrites (a setting, the clipboard) is caught as well."""
    tab.toolbar_actions["password_policy"].trigger()
    policy_dialog = tab.open_dialog
    assert isinstance(policy_dialog, PasswordPolicyDialog)
    policy_dialog.min_length.setValue(14)
    policy_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    for close in ("escape", "close", "accept", "hide"):
        dialog = _checker(tab)
        qtbot.keyClicks(dialog.field, marker)
        assert dialog.met == {key: True for key in dialog.met}  # it did check the marker
        assert not [
            name for name, value in vars(dialog).items() if isinstance(value, str) and marker in value
        ]
        dialog.show_box.setChecked(True)
        qtbot.keyClick(dialog.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert scan() == [], f"while typed, before {close}"
        if close == "escape":
            qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
        else:
            getattr(dialog, close)()
        assert dialog.field.text() == ""

    tab.toolbar_actions["password_notice"].trigger()  # the PDF goes to the answers' save_to, in tmp
    tab.reload()
    tab.table.horizontalHeader().resizeSection(0, 211)  # a QSettings write, like every session


def test_a_typed_password_is_written_nowhere(
    tab: RegisterTab,
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    tmp_path: Path,
    runner: RecordingRunner,
    answers: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    marker = f"Zq7!marker-{uuid.uuid4().hex}"
    log_file = configure_logging()  # the app's log file, as the GUI sets it up
    caplog.set_level(logging.DEBUG)  # then every record, to the capture and to that file
    logging.getLogger("sme_guard").debug("session starts")  # the log file exists and is written
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")

    _use_everything(tab, qtbot, marker, lambda: _places_holding(marker, tmp_path, db_path, caplog, runner))

    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, paths.APP_NAME, paths.APP_NAME).sync()
    backup = backup_with_reason(db.path, paths.backup_dir(db.path), "manual")
    for handler in logging.getLogger().handlers:
        handler.flush()
    # What the session wrote is really there, so the scan below looks at the right places.
    assert answers["save_to"].exists() and backup.exists() and log_file.stat().st_size > 0
    assert list((tmp_path / "settings").rglob("*.ini"))
    assert Path(f"{db_path}-wal").exists()  # the WAL, while the database is open
    assert policies.load_policy(db).min_length == 14
    assert answers["errors"] == []

    assert _places_holding(marker, tmp_path, db_path, caplog, runner) == []
    db.close()  # the WAL is checked into the file: scan the file as it is left on disk
    assert _places_holding(marker, tmp_path, db_path, caplog, runner) == []

    # The scan would have found it: put the marker where each part of it looks.
    reopened = open_database(db_path)
    try:
        settings.set_text(reopened, "test.marker", marker)  # a table, the audit trail, the file
        found = _places_holding(marker, tmp_path, db_path, caplog, runner)
        assert any(place.startswith("app_setting:") for place in found)
        assert any(place.startswith("audit_entry:") for place in found)
        assert any(place.startswith(db_path.name) for place in found)
    finally:
        reopened.close()
    (tmp_path / "deep" / "folder").mkdir(parents=True)
    (tmp_path / "deep" / "folder" / "note.txt").write_text(marker, encoding="utf-16")
    logging.getLogger("sme_guard.test").debug("typed: %s", marker)
    for handler in logging.getLogger().handlers:
        handler.flush()
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Probe", "Probe").setValue("k", marker)
    runner.submit(lambda: marker, lambda _result: None, lambda _error: None)
    clipboard.setText(marker)
    found = _places_holding(marker, tmp_path, db_path, caplog, runner)
    assert f"{Path('deep/folder/note.txt')} (utf-16-le)" in found
    assert any(place.startswith(f"{Path('data/logs/sme_guard.log')}") for place in found)
    assert any(place.startswith("log record:") for place in found)
    assert any(place.startswith("settings") and ".ini" in place for place in found)
    assert any(place.startswith("runner:") for place in found)
    assert "clipboard" in found


def test_the_checker_is_given_nothing_it_could_hand_the_text_to() -> None:
    # Built from the policy and the language alone: no database, runner or settings.
    import inspect

    assert list(inspect.signature(PasswordCheckerDialog).parameters) == ["policy", "lang", "parent"]
    assert GUIDELINE_POLICY.min_length == 12
