"""The 自己点検 tab: choose or start a run, answer every measure and task sheet, compare
runs, print checklists and reports, export to Excel."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QTabWidget, QToolBar, QVBoxLayout, QWidget

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.services import assessments, clock, registers
from sme_guard.services.assessments import RunAnswers, RunInfo
from sme_guard.ui import dialogs
from sme_guard.ui.assessment.compare_page import ComparePage
from sme_guard.ui.assessment.measures_page import MeasuresPage, percent
from sme_guard.ui.assessment.own_entries_page import OwnEntriesPage
from sme_guard.ui.assessment.run_dialogs import ChecklistDialog, NewRunDialog
from sme_guard.ui.assessment.sheets_page import SheetsPage
from sme_guard.ui.database_view import DatabaseView
from sme_guard.ui.icons import icon
from sme_guard.ui.progress import run_with_progress
from sme_guard.ui.registers.detail_page import show_problems
from sme_guard.ui.tasks import Progress, Runner


def load_catalog(database: Database) -> Catalog:
    """The catalog a run is assessed against: the bundled one and the office's own entries."""
    from sme_guard.services.office_catalog import effective_catalog

    return effective_catalog(database)


class AssessmentTab(DatabaseView, QWidget):
    loaded = Signal()

    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment")
        self.lang = lang
        self.runner = runner
        self.database: Database | None = None
        self.catalog: Catalog | None = None
        self.runs: list[RunInfo] = []
        self.run_answers: RunAnswers | None = None
        self.people: list[tuple[int, str]] = []
        self.open_dialog: QDialog | None = None
        self._stale = False
        self._pending_entry: str | None = None  # a measure or sheet to select once loaded

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.run_box = QComboBox()
        self.run_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.toolbar.addWidget(QLabel(self.tr("Run: ")))
        self.toolbar.addWidget(self.run_box)
        self.toolbar_actions: dict[str, QAction] = {}
        self._action("new", self.tr("New run…"), self.new_run, "player-play")
        self._action("delete", self.tr("Delete run"), self.delete_run, "trash")
        self.toolbar.addSeparator()
        self._action("checklist", self.tr("Print checklist…"), self.print_checklist, "checklist")
        self._action("report", self.tr("Print report…"), self.print_report, "report-analytics")
        self._action("sheets", self.tr("Print task sheets…"), self.print_sheets, "printer")
        self._action("export", self.tr("Export to Excel…"), self.export, "file-export")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pages = QTabWidget()
        self.measures = MeasuresPage(self)
        self.sheets = SheetsPage(self)
        self.compare = ComparePage(self)
        self.pages.addTab(self.measures, self.tr("Control measures"))
        self.pages.addTab(self.sheets, self.tr("Task sheets"))
        self.own = OwnEntriesPage(self)
        self.pages.addTab(self.compare, self.tr("Compare runs"))
        self.pages.addTab(self.own, self.tr("Own sheets and items"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        self.run_box.currentIndexChanged.connect(self._run_chosen)
        self._update_actions()

    def _action(self, key: str, text: str, slot: Callable[[], None], icon_name: str) -> None:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.toolbar_actions[key] = action

    def _update_actions(self) -> None:
        has_database, has_run = self.database is not None, self.run_answers is not None
        self.toolbar_actions["new"].setEnabled(has_database and self.catalog is not None)
        for key in ("delete", "report"):
            self.toolbar_actions[key].setEnabled(has_run)
        for key in ("checklist", "sheets", "export"):
            self.toolbar_actions[key].setEnabled(has_database and self.catalog is not None)

    # ------------------------------------------------------------------ loading

    def reload(self, select_run: int | None = None) -> None:
        database = self.database
        if database is None:
            return
        self._stale = False
        keep = select_run if select_run is not None else self.run_box.currentData()

        def work() -> tuple[Catalog, list[RunInfo], list[tuple[int, str]]]:
            return load_catalog(database), assessments.runs(database), registers.person_choices(database)

        def done(result: tuple[Catalog, list[RunInfo], list[tuple[int, str]]]) -> None:
            self.catalog, self.runs, self.people = result
            self.own.show_catalog(self.catalog)
            self.measures.set_people(self.people)
            self.sheets.set_people(self.people)
            self.run_box.blockSignals(True)
            self.run_box.clear()
            for run in self.runs:
                self.run_box.addItem(f"{run.held_on.isoformat()} {run.name}", run.id)
            index = self.run_box.findData(keep)
            self.run_box.setCurrentIndex(index if index >= 0 else 0)
            self.run_box.blockSignals(False)
            self.compare.setEnabled(len(self.runs) >= 2)
            self.compare.set_runs(self.runs)
            self._run_chosen()

        self.runner.submit(work, done, self.show_error)

    def _run_chosen(self) -> None:
        run_id, database = self.run_box.currentData(), self.database
        if run_id is None or database is None:
            self._show(None)
            return
        self.runner.submit(lambda: assessments.answers(database, run_id), self._show, self.show_error)

    def _show(self, run: RunAnswers | None) -> None:
        self.run_answers = run
        catalog = self.catalog
        self._update_actions()
        if catalog is None:
            return
        self.measures.show_run(catalog, run)
        self.sheets.show_run(catalog, run)
        if run is None:
            self.summary.setText(self.tr("No self-assessment yet. Start one with “New run…”."))
        else:
            baseline, reference = assessments.overall(assessments.item_scores(catalog, run))
            self.summary.setText(
                self.tr(
                    "<b>{percent}</b> of the baseline measures in place — done {done}, partly {partial}, "
                    "not done {not_done}, not applicable {na}. (Reference) measures, scored apart: {reference}."
                ).format(
                    percent=percent(baseline),
                    done=baseline.done,
                    partial=baseline.partial,
                    not_done=baseline.not_done,
                    na=baseline.not_applicable,
                    reference=percent(reference),
                )
            )
        entry, self._pending_entry = self._pending_entry, None
        if entry is not None and run is not None:
            self._select_entry(entry)
        self.loaded.emit()

    def open_answer(self, run_id: int | None, entry_id: str | None) -> None:
        """Show a run with one measure or task sheet selected (from ホーム)."""
        self._pending_entry = entry_id
        self.reload(run_id)

    def _select_entry(self, entry_id: str) -> None:
        catalog = self.catalog
        if catalog is None:
            return
        for item in catalog.items:
            for row, measure in enumerate(item.measures):
                if measure.id == entry_id:
                    self.pages.setCurrentWidget(self.measures)
                    self.measures.select_item(item.number)
                    self.measures.current_measure = row
                    self.measures.show_item(item)
                    return
        for sheet in catalog.sheets:
            if sheet.id == entry_id:
                self.pages.setCurrentWidget(self.sheets)
                self.sheets.select_sheet(sheet.number)

    def show_link(self, link: str) -> None:
        """A related item in a sheet (item:9) opens that item's measures."""
        kind, _, number = link.partition(":")
        if kind == "item" and number.isdigit():
            self.pages.setCurrentWidget(self.measures)
            self.measures.select_item(int(number))

    # ------------------------------------------------------------------ actions

    def save_answer(
        self,
        work: Callable[[], Any],
        errors: QLabel,
        field_names: Mapping[str, str],
        after: Callable[[], None],
    ) -> None:
        def failed(error: BaseException) -> None:
            if not show_problems(errors, error, field_names, self.lang):
                self.show_error(error)

        def done(_result: object) -> None:
            errors.hide()
            after()
            self.status_message(self.tr("Answer saved."))
            self._run_chosen()

        self.runner.submit(work, done, failed)

    def new_run(self) -> None:
        dialog = NewRunDialog(self.runs[0] if self.runs else None, clock.today(), self)
        database = self.require_database()

        def start() -> None:
            raw, source = dialog.values(), dialog.source_run()

            def failed(error: BaseException) -> None:
                if not show_problems(dialog.errors, error, dialog.field_names(), self.lang):
                    self.show_error(error)

            def started(run_id: int) -> None:
                dialog.accept()
                self.status_message(self.tr("Self-assessment started."))
                self.reload(run_id)

            self.runner.submit(lambda: assessments.start_run(database, raw, source), started, failed)

        dialog.buttons.accepted.connect(start)
        self.open_dialog = dialog
        dialog.open()

    def delete_run(self) -> None:
        run = self.run_answers
        if run is None or not dialogs.confirm(
            self,
            self.tr("Delete run"),
            self.tr("Delete the self-assessment “{name}” and all its answers?").format(name=run.run.name),
        ):
            return
        database, run_id = self.require_database(), run.run.id
        self.runner.submit(
            lambda: assessments.delete_run(database, run_id), lambda _r: self.reload(), self.show_error
        )

    def _save_pdf(self, title: str, name: str, build: Callable[[Path], Any]) -> None:
        path = dialogs.save_file(self, title, name, "PDF (*.pdf)")
        if path is None:
            return
        self.runner.submit(
            lambda: build(path),
            lambda _r: dialogs.file_written(self, path),
            self.show_error,
        )

    def print_checklist(self) -> None:
        catalog = self.catalog
        if catalog is None:
            return
        run = self.run_answers.run if self.run_answers else None
        dialog = ChecklistDialog(catalog, run, self.lang, self)
        database, lang = self.require_database(), self.lang

        def chosen() -> None:
            items, sheets = dialog.chosen_items(), dialog.chosen_sheets()
            run_id = run.id if run is not None and dialog.filled.isChecked() else None

            def build(path: Path) -> None:
                from sme_guard.exchange.assessment_print import print_checklist

                print_checklist(database, path, lang, clock.today(), items, sheets, run_id)

            self._save_pdf(self.tr("Save the checklist"), self.tr("checklist.pdf"), build)

        dialog.accepted.connect(chosen)
        self.open_dialog = dialog
        dialog.open()

    def print_report(self) -> None:
        run = self.run_answers
        if run is None:
            return
        database, lang, run_id = self.require_database(), self.lang, run.run.id

        def build(path: Path) -> None:
            from sme_guard.exchange.assessment_print import print_report

            print_report(database, run_id, path, lang, clock.today())

        self._save_pdf(
            self.tr("Save the assessment report"),
            self.tr("assessment-{date}.pdf").format(date=run.run.held_on.isoformat()),
            build,
        )

    def print_sheets(self) -> None:
        database, lang = self.require_database(), self.lang

        def build(path: Path) -> None:
            from sme_guard.exchange.assessment_print import print_task_sheets

            print_task_sheets(database, path, lang, clock.today(), [])

        self._save_pdf(self.tr("Save the task sheets"), self.tr("task-sheets.pdf"), build)

    def export(self) -> None:
        database, lang, catalog = self.require_database(), self.lang, self.catalog
        path = dialogs.save_file(
            self, self.tr("Export to Excel"), self.tr("self-assessments.xlsx"), "Excel (*.xlsx)"
        )
        if path is None:
            return

        def work(progress: Progress) -> int:
            from sme_guard.exchange.assessment_excel import export_assessments

            return export_assessments(
                database, path, lang, catalog, progress=progress.report, cancelled=progress.cancelled
            )

        run_with_progress(
            self,
            self.runner,
            self.tr("Exporting to Excel…"),
            work,
            lambda _count: dialogs.file_written(self, path),
            self.show_error,
        )
