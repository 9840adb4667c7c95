"""Excel out and in from a register's toolbar: export, and import with a preview first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from sme_guard.services import clock
from sme_guard.ui import dialogs
from sme_guard.ui.progress import run_with_progress
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.tasks import Progress

if TYPE_CHECKING:
    from sme_guard.exchange.excel import ImportReport


class ImportPreviewDialog(QDialog):
    """What a dry run found: the summary, every rejected row, ignored columns; then import
    the good rows or nothing."""

    def __init__(self, report: ImportReport, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = report.lang
        self.setWindowTitle(
            QCoreApplication.translate("ImportPreviewDialog", "Import from Excel: check first")
        )
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{path.name}</b> — {report.sheet}")
        summary = QLabel(report.summary(lang))
        summary.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(summary)
        if report.ignored_columns:
            ignored = QLabel(
                QCoreApplication.translate(
                    "ImportPreviewDialog", "Columns not known to this register (ignored): {columns}"
                ).format(columns=", ".join(report.ignored_columns))
            )
            ignored.setWordWrap(True)
            layout.addWidget(ignored)
        self.problems = QPlainTextEdit("\n".join(report.lines(lang)))
        self.problems.setReadOnly(True)
        self.problems.setVisible(bool(report.rejections))
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        takeable = report.rows_inserted + report.rows_updated
        if report.rejections:
            ok.setText(
                QCoreApplication.translate("ImportPreviewDialog", "Import the {count} valid rows").format(
                    count=takeable
                )
            )
        else:
            ok.setText(
                QCoreApplication.translate("ImportPreviewDialog", "Import {count} rows").format(
                    count=takeable
                )
            )
        ok.setEnabled(takeable > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


def export_register(tab: RegisterTab) -> None:
    database, register, lang = tab.require_database(), tab.register, tab.lang
    name = f"{register.label(lang)}-{clock.today().isoformat()}.xlsx"
    path = dialogs.save_file(
        tab, QCoreApplication.translate("ExcelActions", "Export to Excel"), name, "Excel (*.xlsx)"
    )
    if path is None:
        return

    def work(progress: Progress) -> int:
        from sme_guard.exchange.excel import export_sheets, with_details

        sheets = with_details([register])  # a plan's steps, drills, ... on sheets of their own
        return export_sheets(database, sheets, path, lang, progress.report, progress.cancelled)

    def done(count: int) -> None:
        tab.status_message(
            QCoreApplication.translate("ExcelActions", "{count} rows exported to {path}.").format(
                count=f"{count:,}", path=path
            )
        )
        dialogs.file_written(tab, path)

    tab.progress_dialog = run_with_progress(
        tab,
        tab.runner,
        QCoreApplication.translate("ExcelActions", "Exporting to Excel…"),
        work,
        done,
        tab.show_error,
    )


def import_register(tab: RegisterTab, path: Path | None = None) -> None:
    """Import ``path`` (a dropped file) or a file the user picks, after a preview."""
    database, register, lang = tab.require_database(), tab.register, tab.lang
    if path is None:
        path = dialogs.open_file(
            tab, QCoreApplication.translate("ExcelActions", "Import from Excel"), "Excel (*.xlsx *.xlsm)"
        )
    if path is None:
        return

    def check(progress: Progress) -> ImportReport:
        from sme_guard.exchange.excel import import_register as run_import

        return run_import(
            database,
            register,
            path,
            dry_run=True,
            lang=lang,
            progress=progress.report,
            cancelled=progress.cancelled,
        )

    def checked(report: ImportReport) -> None:
        preview = ImportPreviewDialog(report, path, tab)
        tab.open_dialog = preview
        preview.accepted.connect(lambda: write())
        preview.open()

    def write() -> None:
        def work(progress: Progress) -> ImportReport:
            from sme_guard.exchange.excel import import_register as run_import

            return run_import(
                database, register, path, lang=lang, progress=progress.report, cancelled=progress.cancelled
            )

        def done(report: ImportReport) -> None:
            tab.status_message(report.summary(lang))
            tab.reload()
            tab.changed.emit()

        tab.progress_dialog = run_with_progress(
            tab,
            tab.runner,
            QCoreApplication.translate("ExcelActions", "Importing from Excel…"),
            work,
            done,
            tab.show_error,
        )

    tab.progress_dialog = run_with_progress(
        tab,
        tab.runner,
        QCoreApplication.translate("ExcelActions", "Reading the Excel file…"),
        check,
        checked,
        tab.show_error,
    )
