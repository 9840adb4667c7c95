"""The editing habits of any Windows app, for the main window (kept apart from main_window.py):
an Edit menu with Ctrl+S save, Ctrl+N new, Ctrl+F search, F5 refresh, Delete and Esc (on the
register's table and form), and the question before unsaved edits are lost: closing the
window or leaving a tab asks save / discard / cancel about a register's form; closing asks
too about the drafts kept on other pages (a policy, a staff guideline, a declaration)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

from sme_guard.ui import dialogs

if TYPE_CHECKING:
    from sme_guard.ui.main_window import MainWindow
    from sme_guard.ui.registers.register_tab import RegisterTab


@runtime_checkable
class HoldsDrafts(Protocol):
    """A page keeping drafts outside a register form (a policy, a staff guideline)."""

    def unsaved_parts(self) -> list[str]:
        """What has changes not saved, named for the user; empty when nothing."""
        ...


def revert_on_escape(
    form: QWidget, shown: Callable[[], object], current: Callable[[], object], revert: Callable[[], None]
) -> QAction:
    """Esc inside ``form`` puts back what it showed when loaded (``revert``), as in the register
    forms: after a question, and only when ``current()`` differs from ``shown()``."""

    def escape() -> None:
        if current() != shown() and dialogs.confirm(
            form,
            QCoreApplication.translate("Editing", "Unsaved changes"),
            QCoreApplication.translate("Editing", "Discard the changes in the form?"),
        ):
            revert()

    action = QAction(form)
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(escape)
    form.addAction(action)
    return action


class EditMenu(QObject):
    """The Edit menu's actions act on the register shown (its form and table)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.menuBar().addMenu(QCoreApplication.translate("Editing", "&Edit"))
        self.save = self._action(
            menu,
            QCoreApplication.translate("Editing", "&Save"),
            QKeySequence.StandardKey.Save,
            lambda t: t.save(),
        )
        self.new = self._action(
            menu,
            QCoreApplication.translate("Editing", "&New record"),
            QKeySequence.StandardKey.New,
            lambda t: t.new_record(),
        )
        self.find = self._action(
            menu,
            QCoreApplication.translate("Editing", "&Find"),
            QKeySequence.StandardKey.Find,
            lambda t: t.focus_search(),
        )
        menu.addSeparator()
        # Delete and Esc belong to the table and the form (a text field uses them itself):
        # the menu shows the key, the register tab holds the shortcut.
        self.delete = self._action(
            menu,
            QCoreApplication.translate("Editing", "&Delete…") + "\tDel",
            None,
            lambda t: t.delete_record(),
        )
        self.revert = self._action(
            menu,
            QCoreApplication.translate("Editing", "&Revert changes") + "\tEsc",
            None,
            lambda t: t.revert(),
        )
        menu.addSeparator()
        self.refresh = QAction(QCoreApplication.translate("Editing", "Re&fresh"), window)
        self.refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh.triggered.connect(self._refresh)
        menu.addAction(self.refresh)
        window.tabs.currentChanged.connect(self._tab_changed)
        self._tab = window.tabs.currentIndex()

    def _action(
        self,
        menu: QWidget,
        text: str,
        key: QKeySequence.StandardKey | None,
        act: Callable[[RegisterTab], None],
    ) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            action.setShortcut(key)
        action.triggered.connect(lambda: self._on_register(act))
        menu.addAction(action)
        return action

    def current_register(self) -> RegisterTab | None:
        """The register tab on screen (inside a group or the incidents tab), if any."""
        from sme_guard.ui.registers.register_tab import RegisterTab

        widget: QWidget | None = self.window.tabs.currentWidget()
        for _depth in range(4):
            content = getattr(widget, "content", None)
            if callable(content) and getattr(widget, "built", False):
                widget = content()
            if isinstance(widget, RegisterTab):
                return widget
            if isinstance(widget, QTabWidget):
                widget = widget.currentWidget()
            else:
                break
        return widget if isinstance(widget, RegisterTab) else None

    def _on_register(self, act: Callable[[RegisterTab], None]) -> None:
        tab = self.current_register()
        if tab is not None and tab.database is not None:
            act(tab)

    def _refresh(self) -> None:
        tab = self.current_register()
        if tab is not None:
            tab.reload()
        elif self.window.tabs.currentWidget() is self.window.home:
            self.window.home.reload()

    # ------------------------------------------------------------------ unsaved edits

    def unsaved_registers(self) -> list[RegisterTab]:
        return [tab for tab in self.window.register_tabs() if tab.has_unsaved_changes()]

    def settle(self, tabs: list[RegisterTab], then: Callable[[], None]) -> bool:
        """Ask about each register with unsaved edits: save it (then ``then`` once saved),
        discard them, or cancel (False: stay)."""
        for tab in tabs:
            answer = dialogs.ask_unsaved(self.window)
            if answer == dialogs.CANCEL:
                return False
            if answer == dialogs.SAVE:
                tab.save(on_saved=then)
                return False  # ``then`` runs once the save went through
            tab.revert(ask=False)
        return True

    def let_drafts_go(self) -> bool:
        """Before the window closes: True when no page holds an unsaved draft (``unsaved_parts``
        of a built page), or the user lets them go."""
        pages = [page.content() for page in self.window.pages.values() if page.built]
        parts = [part for page in pages if isinstance(page, HoldsDrafts) for part in page.unsaved_parts()]
        return not parts or dialogs.ask_drafts(self.window, parts) == dialogs.DISCARD

    def _tab_changed(self, index: int) -> None:
        previous = self._tab
        self._tab = index
        page = self.window.tabs.widget(previous)
        if page is None:
            return
        leaving = [tab for tab in self.unsaved_registers() if page.isAncestorOf(tab)]
        if leaving and not self.settle(leaving, lambda: self.window.tabs.setCurrentIndex(index)):
            self.window.tabs.blockSignals(True)
            self.window.tabs.setCurrentIndex(previous)  # stay with the form
            self.window.tabs.blockSignals(False)
            self._tab = previous
