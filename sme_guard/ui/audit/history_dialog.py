"""変更履歴 on screen: one record's history, and the whole trail with filters and an Excel export.

The trail is read off the GUI thread (through the runner); the tables hold display rows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.services import audit, clock
from sme_guard.services.audit import AuditFilter, AuditLine
from sme_guard.ui import dialogs
from sme_guard.ui.errors import report_error
from sme_guard.ui.headers import full_names
from sme_guard.ui.icons import icon
from sme_guard.ui.plain_table_model import PlainTableModel
from sme_guard.ui.progress import run_with_progress
from sme_guard.ui.tasks import Progress, Runner

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 300  # typing in the search box reloads once the typing pauses


class AuditTableModel(PlainTableModel):
    """Display rows of the trail; a long value shows whole in its tooltip."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            text = self.rows[index.row()][index.column()]
            return text if len(text) > 30 else None
        return super().data(index, role)


def _table_view(model: AuditTableModel, widths: list[int]) -> QTableView:
    view = full_names(QTableView())
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class RecordHistoryDialog(QDialog):
    """Every change of one record (and of the lines that belong to it), newest first."""

    def __init__(
        self,
        database: Database,
        runner: Runner,
        table_name: str,
        record_id: int,
        title: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("History: {record}").format(record=title))
        self.resize(980, 460)
        self.lines: list[AuditLine] = []
        self.summary = QLabel(self.tr("Loading…"))
        self.model = AuditTableModel(
            [
                self.tr("When"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Before"),
                self.tr("After"),
            ],
            self,
        )
        self.table = _table_view(self.model, [140, 90, 80, 160, 120, 180])
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        runner.submit(lambda: audit.history(database, table_name, record_id, lang), self._shown, self._failed)

    def _shown(self, lines: list[AuditLine]) -> None:
        self.lines = lines
        self.model.set_rows(
            [
                (
                    line.when_text,
                    line.os_user,
                    line.action_text,
                    f"{line.table_text} {line.record_text}",
                    line.field_text,
                    line.old_text,
                    line.new_text,
                )
                for line in lines
            ]
        )
        self.summary.setText(
            self.tr("{count} changes, newest first.").format(count=len(lines))
            if lines
            else self.tr("No changes recorded.")
        )

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The history could not be read."))
        report_error(error, self.lang)


class AuditLogDialog(QDialog):
    """The whole trail, newest first, narrowed by table, user, dates and text; to Excel."""

    def __init__(self, database: Database, runner: Runner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.setWindowTitle(self.tr("Change history"))
        self.resize(1180, 620)
        self.lines: list[AuditLine] = []
        self.total = 0
        self.limit = audit.DEFAULT_LIMIT  # lines listed; the export takes every entry
        self._generation = 0
        self.progress_dialog: QProgressDialog | None = None

        self.table_box = QComboBox()
        self.table_box.addItem(self.tr("Every register and record"), None)
        for name in sorted(audit.audited_table_names(), key=lambda n: audit.table_label(n, lang)):
            self.table_box.addItem(audit.table_label(name, lang), name)
        self.user_box = QComboBox()
        self.user_box.addItem(self.tr("Every user"), None)
        today = clock.today()
        self.since_check = QCheckBox(self.tr("From"))
        self.since_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.until_check = QCheckBox(self.tr("To"))
        self.until_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.search_box = QLineEdit()
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search fields and values"))
        self.summary = QLabel()
        self.model = AuditTableModel(
            [
                self.tr("When"),
                self.tr("User"),
                self.tr("Register or record"),
                self.tr("Record"),
                self.tr("Action"),
                self.tr("Field"),
                self.tr("Before"),
                self.tr("After"),
            ],
            self,
        )
        self.table = _table_view(self.model, [140, 90, 160, 140, 70, 110, 180])
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        filters = QHBoxLayout()
        filters.addWidget(self.table_box)
        filters.addWidget(self.user_box)
        filters.addWidget(self.since_check)
        filters.addWidget(self.since_edit)
        filters.addWidget(self.until_check)
        filters.addWidget(self.until_edit)
        filters.addWidget(self.search_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.reload)
        for box in (self.table_box, self.user_box):
            box.currentIndexChanged.connect(self.reload)
        for check, edit in ((self.since_check, self.since_edit), (self.until_check, self.until_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.reload)
            edit.dateChanged.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.reload()

    def filters(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            if not check.isChecked():
                return None
            value = edit.date()
            return date(value.year(), value.month(), value.day())

        return AuditFilter(
            table=self.table_box.currentData(),
            since=day(self.since_check, self.since_edit),
            until=day(self.until_check, self.until_edit),
            user=self.user_box.currentData(),
            text=self.search_box.text().strip() or None,
        )

    def reload(self) -> None:
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        database, filters, lang, limit = self.database, self.filters(), self.lang, self.limit
        self.summary.setText(self.tr("Loading…"))

        def work() -> tuple[list[AuditLine], int, list[str]]:
            lines = audit.filtered(database, filters, limit=limit, lang=lang)
            return lines, audit.count(database, filters), audit.users(database)

        def done(result: tuple[list[AuditLine], int, list[str]]) -> None:
            if generation == self._generation:  # a newer search is on its way
                self._shown(*result)

        self.runner.submit(work, done, self._failed)

    def _shown(self, lines: list[AuditLine], total: int, users: list[str]) -> None:
        self.lines, self.total = lines, total
        self._fill_users(users)
        self.model.set_rows(
            [
                (
                    line.when_text,
                    line.os_user,
                    line.table_text,
                    line.record_text,
                    line.action_text,
                    line.field_text,
                    line.old_text,
                    line.new_text,
                )
                for line in lines
            ]
        )
        if total > len(lines):
            text = self.tr("The newest {shown} of {total} entries. Narrow the filters, or export them all.")
        else:
            text = self.tr("{total} entries, newest first.")
        self.summary.setText(text.format(shown=f"{len(lines):,}", total=f"{total:,}"))
        self.export_button.setEnabled(total > 0)

    def _fill_users(self, users: list[str]) -> None:
        known = [self.user_box.itemData(i) for i in range(1, self.user_box.count())]
        if known == users:
            return
        chosen = self.user_box.currentData()
        self.user_box.blockSignals(True)
        while self.user_box.count() > 1:
            self.user_box.removeItem(1)
        for user in users:
            self.user_box.addItem(user, user)
        index = self.user_box.findData(chosen)
        self.user_box.setCurrentIndex(max(index, 0))
        self.user_box.blockSignals(False)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The history could not be read."))
        report_error(error, self.lang)

    def export(self) -> None:
        name = self.tr("change-history-{date}.xlsx").format(date=clock.today().isoformat())
        path = dialogs.save_file(self, self.tr("Export the change history"), name, "Excel (*.xlsx)")
        if path is None:
            return
        database, filters, lang = self.database, self.filters(), self.lang

        def work(progress: Progress) -> int:
            from sme_guard.exchange.audit_export import export_audit

            return export_audit(database, Path(path), lang, filters, progress.report, progress.cancelled)

        def done(count: int) -> None:
            dialogs.show_info(
                self,
                self.tr("Change history"),
                self.tr("{count} entries exported to {path}.").format(count=f"{count:,}", path=path),
            )
            dialogs.file_written(self, Path(path))

        self.progress_dialog = run_with_progress(
            self, self.runner, self.tr("Exporting the change history…"), work, done, self._export_failed
        )

    def _export_failed(self, error: BaseException) -> None:
        report_error(error, self.lang)
