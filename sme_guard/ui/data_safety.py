"""Backups and restores from the main window (File menu), and the offer of a good backup when
the database turns out to be damaged at start.

Every restore goes: check the file (off the GUI thread) → ask → close the database → restore
(which backs up the current file first) → open it again. A damaged file is never replaced by
an empty database: either the user restores a backup that passes the checks, or the app stops
and says where the backups are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from sme_guard import paths
from sme_guard.db.backup import BackupFile, backup_to, parse_backup
from sme_guard.db.database import Database
from sme_guard.errors import DatabaseDamagedError, UserError
from sme_guard.services import clock
from sme_guard.ui import dialogs
from sme_guard.ui.errors import report_error

if TYPE_CHECKING:
    from sme_guard.db.restore import BackupReport
    from sme_guard.ui.main_window import MainWindow
    from sme_guard.ui.restore_dialog import RestoreDialog

DATE_FORMAT = "%Y-%m-%d %H:%M"


class DataSafety(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction(self.tr("&Back up to…"), window)
        self.backup_action.triggered.connect(self.back_up_to_file)
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.triggered.connect(self.show_restore_dialog)
        self.set_enabled(False)  # until the database is open
        self.restore_dialog: RestoreDialog | None = None

    @property
    def lang(self) -> str:
        return self.window.lang

    def set_enabled(self, enabled: bool) -> None:
        self.backup_action.setEnabled(enabled)
        self.restore_action.setEnabled(enabled)

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.lang)

    def database_ready(self, database: Database) -> None:
        self.set_enabled(True)
        # A file on read-only media cannot be replaced; a copy of it can still be made.
        self.restore_action.setEnabled(not database.read_only)
        if database.notice is not None:  # e.g. today's backup could not be written
            report_error(database.notice, self.lang)

    # ------------------------------------------------------------------ backup to a file

    def back_up_to_file(self) -> None:
        """A consistent copy to a file the user chooses (a USB stick, control 9⑤)."""
        database = self.window.database
        if database is None:
            return
        name = f"{database.path.stem}-{clock.today():%Y-%m-%d}.sqlite3"
        target = dialogs.save_file(
            self.window, self.tr("Back up to"), name, self.tr("SQLite database (*.sqlite3)")
        )
        if target is None:
            return
        source = database.path
        self.window.statusBar().showMessage(self.tr("Backing up to {path} …").format(path=target))
        self.window.runner.submit(lambda: backup_to(source, target), self._backed_up, self._backup_failed)

    def _backed_up(self, target: Path) -> None:
        self.window.statusBar().clearMessage()
        dialogs.show_info(
            self.window,
            self.tr("Back up to"),
            self.tr("The backup was written to:\n{path}").format(path=target),
        )

    def _backup_failed(self, error: BaseException) -> None:
        self.window.statusBar().clearMessage()
        self._failed(error)

    # ------------------------------------------------------------------ restore

    def show_restore_dialog(self) -> None:
        from sme_guard.ui.restore_dialog import RestoreDialog

        path = self.window.database_path
        if path is None:
            return
        dialog = RestoreDialog(paths.backup_dir(path), self.window.runner, self.lang, self.window)
        dialog.chosen.connect(self.restore_file)
        dialog.open()
        self.restore_dialog = dialog

    def restore_file(self, backup: Path) -> None:
        """Check ``backup``, ask, then put it in the database's place."""
        from sme_guard.db.restore import verify_backup

        database = self.window.database_path
        if database is None:
            return
        self.window.runner.submit(
            lambda: verify_backup(backup), lambda report: self._verified(database, report), self._failed
        )

    def _verified(self, database: Path, report: BackupReport) -> None:
        if report.problem is not None:
            report_error(report.problem, self.lang)
            return
        made = parse_backup(report.path).made.strftime(DATE_FORMAT)
        question = self.tr(
            "The current data will be replaced by the backup of {date}:\n{file}\n\n"
            "The current data is backed up first. Restore?"
        ).format(date=made, file=report.path)
        if dialogs.confirm(self.window, self.tr("Restore from backup"), question):
            self._restore(database, report.path, damaged=False)

    def _restore(self, database: Path, backup: Path, damaged: bool) -> None:
        from sme_guard.db.restore import restore

        window = self.window
        window.close_database()
        window.setEnabled(False)  # nothing may reach the database while it is replaced
        window.database_label.setText(self.tr("Restoring {file} …").format(file=backup))

        def done(previous: Path | None) -> None:
            window.setEnabled(True)
            message = self.tr("The data was restored from:\n{file}").format(file=backup)
            if previous is not None:
                message += "\n\n" + self.tr("The data it replaced was kept in:\n{file}").format(file=previous)
            dialogs.show_info(window, self.tr("Restore from backup"), message)
            window.open_database(database, offer_restore=False)

        def failed(error: BaseException) -> None:
            window.setEnabled(True)
            if damaged:  # nothing good to go back to: stop, as for any unusable database
                window.open_failed(error)
                return
            report_error(error, self.lang)
            window.open_database(database)  # the current data, unchanged

        window.runner.submit(lambda: restore(database, backup), done, failed)

    # ------------------------------------------------------------------ damaged at start

    def handle_open_error(self, error: BaseException, database: Path, at_start: bool = True) -> bool:
        """For a damaged database, look for a good backup and offer it; True when handled.
        ``at_start=False``: damage found while working; declining it leaves the app running."""
        if not isinstance(error, DatabaseDamagedError):
            return False
        from sme_guard.db.restore import newest_good_backup

        folder = paths.backup_dir(database)
        shown = self.window.database_label.text()
        self.window.database_label.setText(self.tr("Looking for a backup that passes the checks …"))

        def offer(found: BackupFile | None) -> None:
            if not at_start:
                self.window.database_label.setText(shown)
            self._offer(error, database, folder, found, at_start)

        self.window.runner.submit(
            lambda: newest_good_backup(folder),
            offer,
            self.window.open_failed if at_start else self._failed,
        )
        return True

    def _offer(
        self, error: UserError, database: Path, folder: Path, found: BackupFile | None, at_start: bool
    ) -> None:
        title = self.tr("Damaged database")
        message = error.message(self.lang)
        if found is None:
            dialogs.show_error(
                self.window,
                title,
                message
                + "\n\n"
                + self.tr(
                    "No backup that passes the checks was found. The backups are kept in:\n{folder}\n\n"
                    "The damaged file was left as it is."
                ).format(folder=folder),
            )
            if at_start:
                self.window.open_failed(error, shown=True)
            return
        question = (
            message
            + "\n\n"
            + self.tr(
                "The newest backup that passes the checks is from {date}:\n{file}\n\n"
                "Restore it? The damaged file is kept in the backups folder first. "
                "Changes made after {date} are not in the backup."
            ).format(date=found.made.strftime(DATE_FORMAT), file=found.path)
        )
        if dialogs.confirm(self.window, title, question):
            self._restore(database, found.path, damaged=True)
        elif at_start:
            self.window.open_failed(error, shown=True)
