"""What a window shows in words: window titles, labels, buttons, tabs, headers, cells, items,
placeholders, menus and tooltips; and which of those words are English in the Japanese UI."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)

from tests.conftest import EXCERPT

# Words that stay as they are in Japanese: proper nouns, the abbreviations Japanese offices
# write in Latin letters, units, Qt's own OK, and every word the guideline itself writes in
# Latin letters (Web, Bluetooth, DMZ, ...: its text is shown as written).
_KEPT = """
    Excel PDF QR ID OS SSD HDD MDM URL SME Guard IT SNS USB CD DVD BD SD IC IMEI BYOD SLA
    RTO RPO NAS SaaS UPS No Ctrl Esc Del Tab Enter JNSA SQLite OK English KB MB GB mm Python Qt
    PySide GNU LGPL GPL SIL BIZ UD IPA HTML Word lxml libiconv Part
"""
NOT_TRANSLATED = frozenset(_KEPT.split()) | frozenset(
    re.findall(r"[A-Za-z][A-Za-z'’]*", EXCERPT.read_text(encoding="utf-8"))
)
# Names kept whole: licences, and IPA's programme (its 自社診断 numbers its parts "Part 1" to "Part 3").
PROPER_NAMES = ("SIL Open Font License", "GNU Lesser General Public License", "SECURITY ACTION")

_MARKUP = re.compile(r"<[^>]+>|&\w+;|&(?=\w)")
_NOT_WORDS = re.compile(
    r"\S+@\S+"  # an e-mail address
    r"|\b\w+://\S+"  # a URL
    r"|(?:[A-Za-z]:)?[\\/]\S*"  # a path
    r"|[^\s/\\:]*\.(?:sqlite3|pdf|xlsx|xlsm|yaml|yml|txt|log|docx|html)\b"  # a file name or extension
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` written in Latin letters that are not kept as they are in Japanese
    nor the test's own ``data`` (single letters such as the A of A4 or a〜z are marks, not words)."""
    plain = _NOT_WORDS.sub(" ", _MARKUP.sub(" ", text))
    for name in PROPER_NAMES:
        plain = plain.replace(name, " ")
    return [w for w in _WORD.findall(plain) if len(w) > 1 and w not in NOT_TRANSLATED and w not in data]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, rows: int = 40) -> Iterator[tuple[str, str]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for section in range(_columns(model, QModelIndex())):
        for role in roles:
            yield "header", str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")

    def walk(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield "cell", value
                if column == 0 and depth < 3:
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "action", action.text()
    yield "action tooltip", action.toolTip()
    menu = action.menu()
    if menu is not None:
        for inner in menu.actions():
            yield from _action_texts(inner)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    yield "tooltip", widget.toolTip()
    for action in QWidget.actions(widget):
        yield from _action_texts(action)
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield from _action_texts(action)
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text().replace("&", "")
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, QLineEdit):
        yield "field", widget.text()
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield "text", widget.toPlainText()
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "choice", widget.itemText(i)
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
            yield "tab tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    elif isinstance(widget, QWizard):
        for button in QWizard.WizardButton:
            if button.value < QWizard.WizardButton.NButtons.value:
                yield "wizard button", widget.buttonText(button)
        for page_id in widget.pageIds():
            page = widget.page(page_id)
            yield "page title", page.title()
            yield "page subtitle", page.subTitle()
    if isinstance(widget, QMessageBox):
        yield "message", widget.informativeText()


def _path(widget: QWidget) -> str:
    parts = []
    while widget is not None:
        name = widget.objectName()
        parts.append(type(widget).__name__ + (f"[{name}]" if name else ""))
        widget = widget.parentWidget()
    return " < ".join(parts[:4])


def texts_of(root: QWidget, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, str]]:
    """(where, what, text) for every text ``root`` and its children show or can show, except in
    the widgets named in ``skip`` and what Qt itself draws in a calendar (translated by Qt)."""
    left_out = [w for w in [root, *root.findChildren(QWidget)] if w.objectName() in skip]
    left_out += root.findChildren(QCalendarWidget)
    for widget in [root, *root.findChildren(QWidget)]:
        if any(w is widget or w.isAncestorOf(widget) for w in left_out):
            continue
        for what, text in _widget_texts(widget):
            if text:
                yield _path(widget), what, text


def english_in(
    root: QWidget, data: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()
) -> list[str]:
    """Each text of ``root`` with English in it (the test's ``data`` aside), as "where: what:
    text"; the widgets named in ``skip`` show text that is not the app's."""
    return [
        f"{where}: {what}: {words} in {text[:100]!r}"
        for where, what, text in texts_of(root, skip)
        if (words := english_words(text, data))
    ]
