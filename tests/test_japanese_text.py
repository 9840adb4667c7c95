"""In Japanese, the app speaks Japanese everywhere: a walk through every screen (each tab, each
register with a record in its form, every page beside it) presses every toolbar action, button
and menu entry, and reads every window that opens (each dialog of the app, the set-up wizard
page by page), every message and every file name the app suggests. Any English word that is
not a proper noun or an abbreviation an office writes in Latin letters fails the test, naming
where it was seen."""

from __future__ import annotations

import getpass
import importlib.util
import pkgutil
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

import sme_guard.ui
from sme_guard.db.database import open_database
from sme_guard.services import clock
from sme_guard.services.listing import ALL
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.lazy_page import LazyPage
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.tasks import SynchronousRunner
from tests.sample_office import fill_sample_office
from tests.ui_text import english_in, english_words

TODAY = date(2026, 11, 27)
# What the sample office and the machine put on screen in Latin letters: a login, the test
# database's file name, the OS user who did things (the change history and stock-takes name him).
DATA = frozenset({"sato", "office", getpass.getuser()})
# Widgets showing text that is not the app's: the licence texts (legal documents, in English).
NOT_THE_APPS = frozenset({"licence_text"})
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")  # a field showing a date holds one


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 27, 1, 0, tzinfo=UTC))


def test_english_words_are_found_and_proper_nouns_kept() -> None:
    assert english_words("Save (Ctrl+S)") == ["Save"]
    assert english_words("Pick from a calendar") == ["Pick", "from", "calendar"]
    assert english_words("保存 (Ctrl+S)、Excel に出力、QR コード、No.49、A4、英小文字(a〜z)") == []
    assert english_words("公開Webサイト、Bluetooth、sato@example.co.jp、C:\\Users\\x\\台帳.xlsx") == []
    assert english_words("棚卸表-media-2026-11-27") == ["media"]


class Walk:
    """Presses what can be pressed and reads what opens; ``found`` maps where to English seen."""

    def __init__(self, window: MainWindow, qtbot: QtBot) -> None:
        self.window, self.qtbot = window, qtbot
        self.found: dict[str, set[str]] = {}
        self.opened: set[type[QWidget]] = set()
        self.pressed: list[object] = []  # kept alive, so that no two have the same id
        self.cut_headers: set[str] = set()  # views whose column names may be cut without "…"
        self.bare_tools: set[str] = set()  # toolbar entries without an icon beside their text
        self.no_calendar: set[str] = set()  # date fields without a calendar button

    def read(self, widget: QWidget) -> None:
        english = english_in(widget, DATA, NOT_THE_APPS)
        if english:
            self.found.setdefault(type(widget).__name__, set()).update(english)
        for view in widget.findChildren(QTableView) + widget.findChildren(QTreeView):
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            if not header.isHidden() and not header.property("full_names"):
                self.cut_headers.add(f"{type(widget).__name__}: {type(view.parentWidget()).__name__}")
        for field in widget.findChildren(QLineEdit):
            typed = not field.isReadOnly() and not field.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
            in_date_edit = isinstance(field.parentWidget(), QDateEdit)  # it has its own calendar
            if DATE.match(field.text()) and typed and not in_date_edit and not field.property("calendar"):
                self.no_calendar.add(f"{type(widget).__name__}: {field.objectName() or field.text()}")
        for toolbar in widget.findChildren(QToolBar):
            beside = toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            for action in toolbar.actions():
                if action.text() and (action.icon().isNull() or not beside):
                    self.bare_tools.add(action.text())

    def press(self, trigger: Callable[[], Any]) -> None:
        tab = self.window.tabs.currentIndex()
        before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        trigger()
        self.qtbot.wait(5)
        for opened in QApplication.topLevelWidgets():
            if opened.isVisible() and not any(opened is b for b in before):
                self.opened.add(type(opened))
                if isinstance(opened, QWizard):
                    self.wizard(opened)
                self.read(opened)
                opened.close()
        self.window.tabs.setCurrentIndex(tab)  # an action may have gone to another tab

    def wizard(self, wizard: QWizard) -> None:
        """Every page of the set-up, as the user goes through it."""
        while True:
            self.read(wizard)
            page = wizard.currentPage()
            wizard.next()
            if wizard.currentPage() is page:
                break

    @staticmethod
    def _registers(page: QWidget) -> list[RegisterTab]:
        return page.findChildren(RegisterTab) + ([page] if isinstance(page, RegisterTab) else [])

    def _with_a_record(self, page: QWidget) -> None:
        """Each register on the page shows its first record (all records listed, if the
        default filter lists none), so the actions about a record can be pressed."""
        for register in self._registers(page):
            if register.database is None:
                continue
            if register.model.rowCount() == 0:
                register.status_box.setCurrentIndex(register.status_box.findData(ALL))
            if register.model.rowCount() and register.current_id is None:
                register.table.setCurrentIndex(QModelIndex())
                register.table.selectRow(0)

    def visit(self, page: QWidget, depth: int = 0) -> None:
        self._with_a_record(page)
        self.read(page)
        actions = [
            action
            for toolbar in page.findChildren(QToolBar)
            if toolbar.isVisible()
            for action in toolbar.actions()
            if not action.isSeparator() and action.text()
        ]
        # "New" shows a new, empty item: pressed last, the others still act on the one shown.
        actions.sort(key=lambda action: action.shortcut() == QKeySequence(QKeySequence.StandardKey.New))
        for action in actions:
            self._with_a_record(page)
            if action.isEnabled() and not any(action is p for p in self.pressed):
                self.pressed.append(action)
                self.press(action.trigger)
        for button in page.findChildren(QAbstractButton):
            if (
                button.isVisible()
                and button.isEnabled()
                and not isinstance(button, QCheckBox | QRadioButton)
                and not isinstance(button.parentWidget(), QToolBar)
                and not any(button is p for p in self.pressed)
            ):
                self.pressed.append(button)
                self.press(button.click)
        if depth < 4:
            tabs = page.findChildren(QTabWidget) + ([page] if isinstance(page, QTabWidget) else [])
            for tab_widget in tabs:
                for index in range(tab_widget.count()):
                    if tab_widget.isTabEnabled(index):
                        tab_widget.setCurrentIndex(index)
                        self.visit(tab_widget.widget(index), depth + 1)


def _dialog_classes() -> set[type[QDialog]]:
    """Every dialog the app has (the private bases aside)."""
    for module in pkgutil.walk_packages(sme_guard.ui.__path__, "sme_guard.ui."):
        importlib.import_module(module.name)

    def below(cls: type[QDialog]) -> Iterator[type[QDialog]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return {
        c for c in below(QDialog) if c.__module__.startswith("sme_guard.") and not c.__name__.startswith("_")
    }


def test_every_screen_and_dialog_speaks_japanese(
    qapp: QApplication, qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db_path)
    fill_sample_office(database, TODAY)
    database.close()
    said: list[tuple[str, str]] = []  # (what, text) of every message and file dialog
    written: list[Path] = []

    def save_file(_parent: Any, title: str, name: str, filter_text: str) -> Path:
        said.extend([("save title", title), ("suggested name", Path(name).stem), ("filter", filter_text)])
        written.append(tmp_path / name)
        return tmp_path / name

    def open_file(_parent: Any, title: str, filter_text: str) -> Path | None:
        """The newest file the walk saved that the dialog would list (an import gets its preview)."""
        said.extend([("open title", title), ("filter", filter_text)])
        suffixes = re.findall(r"\*(\.\w+)", filter_text)
        return next((p for p in reversed(written) if p.suffix in suffixes and p.exists()), None)

    def message(kind: str, answer: Any) -> Callable[..., Any]:
        def show(_parent: Any, title: str, text: str, *buttons: str) -> Any:
            said.extend((kind, t) for t in (title, text, *buttons))
            return answer  # no, cancel: the walk deletes nothing

        return show

    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "open_file", open_file)
    monkeypatch.setattr(dialogs, "show_error", message("error", None))
    monkeypatch.setattr(dialogs, "show_info", message("info", None))
    monkeypatch.setattr(dialogs, "confirm", message("question", False))
    monkeypatch.setattr(dialogs, "ask", message("question", False))

    configure_application(qapp, "ja")
    window = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_database(db_path)
    walk = Walk(window, qtbot)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        walk.visit(page.content() if isinstance(page, LazyPage) else page)
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            if action.isEnabled() and action.text() and action.shortcut().toString() != "Ctrl+Q":
                walk.press(action.trigger)
    walk.read(window)

    assert walk.opened >= _dialog_classes()  # the walk reached every dialog
    assert walk.cut_headers == set()  # every table's headers elide with "…" and name it in full
    assert walk.bare_tools == set()  # toolbars show an icon beside each text
    assert walk.no_calendar == set()  # a date field has its calendar button
    assert written, "the walk saved printouts and exports"
    english = sorted({line for lines in walk.found.values() for line in lines})
    english += sorted({f"{what}: {text!r}" for what, text in said if english_words(text, DATA)})
    assert not english, "English in the Japanese UI:\n" + "\n".join(english)


def test_the_messages_speak_japanese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """The question before unsaved edits are lost, the written-file message, a two-answer
    question: built as the app builds them (the tests' stand-ins replaced by the real module)."""
    spec = importlib.util.find_spec("sme_guard.ui.dialogs")
    assert spec is not None and spec.loader is not None
    real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real)
    shown: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    configure_application(qapp, "ja")
    real.ask_unsaved(None)
    real.file_written(None, Path("台帳.xlsx"))
    real.ask(None, "確認", "続けますか?", "続ける", "やめる")
    assert len(shown) == 3
    for box in shown:
        texts = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
        assert [t for t in texts if english_words(t)] == []
