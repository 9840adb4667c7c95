"""What a screen over the open database shares with its kind (the self-assessment and the
staff-guideline screens): it is handed the database, loads when shown, and reports to the
status bar. Mixed in before QWidget; the screen sets ``database``, ``lang`` and ``_stale`` and
provides ``reload()``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from sme_guard.db.database import Database
from sme_guard.errors import UserError
from sme_guard.ui.errors import report_error

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class DatabaseView(_Base):
    database: Database | None
    lang: str
    _stale: bool

    def reload(self) -> None:
        raise NotImplementedError

    def require_database(self) -> Database:
        if self.database is None:
            raise UserError("データベースが開かれていません。", "No database is open.")
        return self.database

    @property
    def editable(self) -> bool:
        """Whether there is a database to save to (not one opened read-only: a CD-R)."""
        return self.database is not None and not self.database.read_only

    def show_error(self, error: BaseException) -> None:
        report_error(error, self.lang)

    def status_message(self, text: str) -> None:
        status_bar = getattr(self.window(), "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(text, 8000)

    def set_database(self, database: Database) -> None:
        self.database = database
        self.refresh()

    def refresh(self) -> None:
        """Reload now if on screen, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
