"""業務シート: for every task sheet, does its weakness exist here, are its technical and human
measures in place, who is responsible, by when. The sheet is shown as the guideline lays it
out; its related measures link to their Part 1 items. Open risks are listed apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.catalog import Catalog, TaskSheet
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.services import assessments
from sme_guard.services.assessments import SHEET_STATUSES, RunAnswers, SheetAnswer
from sme_guard.ui.assessment.answer_editor import StatusChoice, fill_people
from sme_guard.ui.catalog.render import render_sheet
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.editing import revert_on_escape
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import error_label
from sme_guard.ui.registers.record_form import ERROR_STYLE

if TYPE_CHECKING:
    from sme_guard.ui.assessment.assessment_tab import AssessmentTab


class SheetsPage(QWidget):
    def __init__(self, tab: AssessmentTab) -> None:
        super().__init__()
        self.tab = tab
        lang = tab.lang
        self.sheets = PlainTableModel(
            [self.tr("No."), self.tr("Task"), self.tr("Applies"), self.tr("Technical"), self.tr("Human")],
            self,
        )
        self.sheets_view = plain_table_view(self.sheets)
        header = self.sheets_view.horizontalHeader()
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.sheet_text = QTextBrowser()
        self.sheet_text.setOpenLinks(False)
        self.applies = QComboBox()
        self.applies.addItem(self.tr("Not answered"), None)
        self.applies.addItem(self.tr("Applies (this task and weakness exist here)"), True)
        self.applies.addItem(self.tr("Does not apply"), False)
        self.technical = StatusChoice(SHEET_STATUSES, lang)
        self.human = StatusChoice(SHEET_STATUSES, lang)
        self.responsibility: dict[str, QCheckBox] = {}
        self.responsibility_row = QHBoxLayout()
        self.owner = QComboBox()
        self.due = QLineEdit()
        add_calendar(self.due)
        self.due.setPlaceholderText(self.tr("e.g. 2026-12-31"))
        self.notes = QLineEdit()
        self.save_button = QPushButton(self.tr("Save answer"))
        self.errors = error_label()
        self.risks = PlainTableModel(
            [
                self.tr("No."),
                self.tr("Task"),
                self.tr("Impacts"),
                self.tr("Technical"),
                self.tr("Human"),
                self.tr("Owner"),
                self.tr("Target date"),
            ],
            self,
        )
        self.risks_view = plain_table_view(self.risks)

        editor = QGroupBox(self.tr("Answer"))
        form = QFormLayout(editor)
        form.addRow(self.tr("In our office"), self.applies)
        form.addRow(self.tr("Technical measures"), self.technical)
        form.addRow(self.tr("Human measures"), self.human)
        form.addRow(self.tr("Responsible"), self.responsibility_row)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Target date"), self.due)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.errors)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        risks_box = QGroupBox(self.tr("Open risks: most impacts first, then furthest from done"))
        risks_layout = QVBoxLayout(risks_box)
        # Says what was not answered (never an empty list read as "no risks").
        self.risks_note = QLabel()
        self.risks_note.setWordWrap(True)
        risks_layout.addWidget(self.risks_note)
        risks_layout.addWidget(self.risks_view)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sheets_view, 2)
        left_layout.addWidget(editor)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(self.sheet_text)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 4)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(risks_box)
        outer.setStretchFactor(0, 4)
        outer.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self.sheets_view.selectionModel().currentRowChanged.connect(self._sheet_chosen)
        self.risks_view.doubleClicked.connect(self._risk_chosen)
        self.save_button.clicked.connect(self.save)
        self.sheet_text.anchorClicked.connect(lambda url: tab.show_link(url.toString()))
        self.current_row = 0
        self.open_risks: list[assessments.OpenRisk] = []
        self._shown: dict[str, Any] = {}  # the answer as loaded: Esc goes back to it
        revert_on_escape(editor, lambda: self._shown, self._raw, self._show_current)

    def set_people(self, people: list[tuple[int, str]]) -> None:
        fill_people(self.owner, people, self.tr("(owner)"), self.owner.currentData())

    def _status(self, status: str) -> str:
        return label(MeasureStatus(status), self.tab.lang)

    def _applies(self, answer: SheetAnswer) -> str:
        if answer.applies is None:
            return self.tr("not answered")
        return self.tr("applies") if answer.applies else self.tr("does not apply")

    def show_run(self, catalog: Catalog, run: RunAnswers | None) -> None:
        lang = self.tab.lang
        if not self.responsibility:
            for term in catalog.legend.responsibilities:
                box = QCheckBox(term.label.get(lang))
                self.responsibility[term.code] = box
                self.responsibility_row.addWidget(box)
        if run is None:
            self.sheets.set_rows([])
            self.risks.set_rows([])
            self.sheet_text.clear()
            self.setEnabled(False)
            return
        self.setEnabled(True)
        rows = []
        for sheet in catalog.sheets:
            answer = run.sheet(sheet)
            applies = answer.applies
            rows.append(
                (
                    f"No.{sheet.number}",
                    sheet.title.get(lang),
                    self._applies(answer),
                    self._status(answer.technical_status) if applies else "",
                    self._status(answer.human_status) if applies else "",
                )
            )
        self.sheets.set_rows(rows)
        self.open_risks = assessments.open_risks(catalog, run)
        unanswered = assessments.unanswered_sheets(catalog, run)
        if unanswered:
            self.risks_note.setText(
                self.tr(
                    "{count} of {total} task sheets are not answered yet: their risks are not assessed."
                ).format(count=len(unanswered), total=len(catalog.sheets))
            )
            self.risks_note.setStyleSheet(ERROR_STYLE)
        else:
            self.risks_note.setText(
                self.tr("Every task sheet is answered.")
                + ("" if self.open_risks else " " + self.tr("No open risks."))
            )
            self.risks_note.setStyleSheet("")
        impacts = {t.code: t.label.get(lang) for t in catalog.legend.impacts}
        self.risks.set_rows(
            [
                (
                    f"No.{r.sheet.number}",
                    r.sheet.title.get(lang),
                    "・".join(impacts.get(code, code) for code in r.sheet.impacts),
                    self._status(r.answer.technical_status),
                    self._status(r.answer.human_status),
                    r.answer.owner or "",
                    r.answer.due_on.isoformat() if r.answer.due_on else "",
                )
                for r in self.open_risks
            ]
        )
        if catalog.sheets:
            row = min(self.current_row, len(catalog.sheets) - 1)
            self.sheets_view.selectRow(row)
            self.show_sheet(catalog.sheets[row])

    def _sheet_chosen(self, current: QModelIndex) -> None:
        catalog = self.tab.catalog
        if catalog is not None and current.isValid() and current.row() < len(catalog.sheets):
            self.current_row = current.row()
            self.show_sheet(catalog.sheets[current.row()])

    def _risk_chosen(self, index: QModelIndex) -> None:
        catalog = self.tab.catalog
        if catalog is not None and index.isValid():
            self.select_sheet(self.open_risks[index.row()].sheet.number)

    def select_sheet(self, number: int) -> None:
        catalog = self.tab.catalog
        if catalog is None:
            return
        for row, sheet in enumerate(catalog.sheets):
            if sheet.number == number:
                self.sheets_view.selectRow(row)

    def show_sheet(self, sheet: TaskSheet) -> None:
        run, catalog = self.tab.run_answers, self.tab.catalog
        if run is None or catalog is None:
            return
        self.sheet_text.setHtml(render_sheet(catalog, sheet, self.tab.lang))
        answer = run.sheet(sheet)
        self.applies.setCurrentIndex(max(0, self.applies.findData(answer.applies)))
        self.technical.set_value(answer.technical_status)
        self.human.set_value(answer.human_status)
        for code, box in self.responsibility.items():
            box.setChecked(code in answer.responsibility)
        self.owner.setCurrentIndex(max(0, self.owner.findData(answer.owner_id)))
        self.due.setText(answer.due_on.isoformat() if answer.due_on else "")
        self.notes.setText(answer.notes or "")
        self.errors.hide()
        self._shown = self._raw()

    def _raw(self) -> dict[str, Any]:
        return {
            "applies": self.applies.currentData(),
            "technical_status": self.technical.value(),
            "human_status": self.human.value(),
            "responsibility": [code for code, box in self.responsibility.items() if box.isChecked()],
            "owner_id": self.owner.currentData(),
            "due_on": self.due.text(),
            "notes": self.notes.text(),
        }

    def _show_current(self) -> None:
        catalog = self.tab.catalog
        if catalog is not None and 0 <= self.current_row < len(catalog.sheets):
            self.show_sheet(catalog.sheets[self.current_row])

    def save(self) -> None:
        run, catalog = self.tab.run_answers, self.tab.catalog
        if run is None or catalog is None or not catalog.sheets:
            return
        sheet = catalog.sheets[self.current_row]
        raw = self._raw()
        database, run_id = self.tab.require_database(), run.run.id
        self.tab.save_answer(
            lambda: assessments.save_sheet(database, run_id, sheet.id, raw),
            self.errors,
            {
                "technical_status": self.tr("Technical measures"),
                "human_status": self.tr("Human measures"),
                "owner_id": self.tr("Owner"),
                "due_on": self.tr("Target date"),
            },
            lambda: None,
        )
