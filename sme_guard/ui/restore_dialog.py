"""Choosing a backup to restore: the backups folder's files, newest first, or any other file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.backup import BEFORE_RESTORE, DAILY, BackupFile, list_backups
from sme_guard.ui import dialogs
from sme_guard.ui.errors import report_error
from sme_guard.ui.headers import full_names
from sme_guard.ui.tasks import Runner

PATH_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class RestoreDialog(QDialog):
    """Emits ``chosen`` with the file to restore; restoring (check, confirm) is the caller's."""

    chosen = Signal(object)

    def __init__(self, folder: Path, runner: Runner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder, self.lang = folder, lang
        self.setWindowTitle(self.tr("Restore from backup"))
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. It is checked first, and the current data is "
                "backed up before it is replaced.\nBackups folder: {folder}"
            ).format(folder=folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = full_names(QTreeWidget())
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self._restore_selected())
        self.empty = QLabel(self.tr("There are no backups in this folder yet."))
        self.empty.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_selected)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("Choose another file…"))
        self.other_button.clicked.connect(self._choose_other)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        runner.submit(lambda: list_backups(folder), self._listed, lambda error: report_error(error, lang))

    def kind_text(self, reason: str) -> str:
        if reason == DAILY:
            return self.tr("Daily (automatic)")
        if reason == "manual":
            return self.tr("Manual")
        if reason == BEFORE_RESTORE:
            return self.tr("Before a restore")
        if reason.startswith("before-"):
            return self.tr("Before a format update")
        return self.tr("Other")

    def _listed(self, backups: list[BackupFile]) -> None:
        self.list.clear()
        for backup in backups:
            item = QTreeWidgetItem(
                [
                    backup.made.strftime("%Y-%m-%d %H:%M"),
                    self.kind_text(backup.reason),
                    size_text(backup.size),
                    backup.path.name,
                ]
            )
            item.setData(0, PATH_ROLE, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.empty.setVisible(not backups)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def rows(self) -> list[tuple[str, ...]]:
        """What the list shows (for tests and the log)."""
        return [
            tuple(item.text(column) for column in range(self.list.columnCount()))
            for item in (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
            if item is not None
        ]

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def _restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen.emit(Path(item.data(0, PATH_ROLE)))
        self.accept()

    def _choose_other(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Restore from backup"), self.tr("SQLite database (*.sqlite3 *.db);;All files (*)")
        )
        if path is None:
            return
        self.chosen.emit(path)
        self.accept()
