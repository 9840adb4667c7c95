"""A page beside a register's form for what hangs off the record (actions, steps, drills)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView, QWidget

from sme_guard.db.database import Database
from sme_guard.services.details import DetailInvalidError
from sme_guard.ui.registers.record_form import ERROR_STYLE
from sme_guard.ui.registers.register_tab import RegisterTab


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def show_problems(label: QLabel, error: BaseException, field_names: Mapping[str, str], lang: str) -> bool:
    """List a refused line's problems in ``label``, each by its field's name (the part
    before a dot: "measures.1.text" is a measure); False when ``error`` is not one."""
    if not isinstance(error, DetailInvalidError):
        return False
    label.setText(
        "\n".join(
            f"{field_names.get(k.split('.')[0], k)}: {p.message(lang)}" for k, p in error.problems.items()
        )
    )
    label.show()
    return True


def error_label() -> QLabel:
    """A red line under a field, hidden until there is something to say (as plain text: a
    message may quote what was typed)."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class _ButtonsOffWhileReadOnly(QObject):
    """Keeps a page's buttons (they all save: add, change, remove) off while its database is
    open read-only, whatever the page's own logic turns on when a line is selected."""

    def __init__(self, page: DetailPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QAbstractButton)
            and watched.isEnabled()
            and not self.page.tab.editable
        ):
            watched.setEnabled(False)
        return False


class DetailPage(QWidget):
    """Loads the detail of the record in the tab's form with ``fetch``; every change made
    through ``change`` reloads the record everywhere (form, table, pages)."""

    def __init__(self, tab: RegisterTab, fetch: Callable[[Database, int], Any]) -> None:
        super().__init__()
        self.tab = tab
        self._fetch = fetch
        self.detail: Any = None
        self._read_only_guard: _ButtonsOffWhileReadOnly | None = None
        tab.record_shown.connect(self.load)

    @property
    def database(self) -> Database:
        return self.tab.require_database()

    def load(self, record_id: int | None) -> None:
        self.setEnabled(record_id is not None)
        if not self.tab.editable and self._read_only_guard is None:  # a database on a CD-R
            self._read_only_guard = _ButtonsOffWhileReadOnly(self)
            for button in self.findChildren(QAbstractButton):
                button.installEventFilter(self._read_only_guard)
                button.setEnabled(False)
        if record_id is None:
            self.detail = None
            self.show_detail()
            return
        database, fetch = self.database, self._fetch
        self.tab.run(lambda: fetch(database, record_id), self._loaded)

    def _loaded(self, detail: Any) -> None:
        self.detail = detail
        self.show_detail()

    def show_detail(self) -> None:
        raise NotImplementedError

    def change(self, work: Callable[[], Any], message: str) -> None:
        self.tab.run_action(work, message)

    def submit(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        errors: QLabel,
        field_names: Mapping[str, str],
    ) -> None:
        """Save a line; its problems are listed in ``errors`` by field name."""

        def failed(error: BaseException) -> None:
            if not show_problems(errors, error, field_names, self.tab.lang):
                self.tab.show_error(error)

        def succeeded(result: Any) -> None:
            errors.hide()
            done(result)

        self.tab.runner.submit(work, succeeded, failed)
