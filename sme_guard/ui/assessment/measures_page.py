"""管理策: every measure of a chosen control item, answered with status, evidence, owner and
target date; the item's 管理目的 and 運用で心がけるポイント shown beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
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

from sme_guard.domain.catalog import Catalog, ControlItem, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.services import assessments
from sme_guard.services.assessments import RunAnswers, Score
from sme_guard.ui.assessment.answer_editor import StatusChoice, fill_people
from sme_guard.ui.catalog.render import numbered, render_item
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.editing import revert_on_escape
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import error_label

if TYPE_CHECKING:
    from sme_guard.ui.assessment.assessment_tab import AssessmentTab


def percent(score: Score) -> str:
    value = score.percent
    return "—" if value is None else f"{value:.0f}%"


class MeasuresPage(QWidget):
    def __init__(self, tab: AssessmentTab) -> None:
        super().__init__()
        self.tab = tab
        lang = tab.lang
        self.items = PlainTableModel([self.tr("No."), self.tr("Control item"), self.tr("Score")], self)
        self.items_view = plain_table_view(self.items)
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.item_text = QTextBrowser()
        self.item_text.setOpenLinks(False)
        self.measures = PlainTableModel(
            [self.tr("Measure"), self.tr("Status"), self.tr("Owner"), self.tr("Target date")], self
        )
        self.measures_view = plain_table_view(self.measures)
        self.measures_view.setWordWrap(True)
        measure_header = self.measures_view.horizontalHeader()
        for column in (1, 2, 3):
            measure_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.item_score = QLabel()

        self.measure_text = QLabel()
        self.measure_text.setWordWrap(True)
        self.status = StatusChoice(tuple(MeasureStatus), lang)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("How it is done, where the proof is"))
        # 対象外: why the measure does not apply; the security rules (対策基準) print it.
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the measure does not apply to the office"))
        self.status.group.buttonToggled.connect(lambda *_: self._reason_enabled())
        self.owner = QComboBox()
        self.due = QLineEdit()
        add_calendar(self.due)
        self.due.setPlaceholderText(self.tr("e.g. 2026-12-31"))
        self.save_button = QPushButton(self.tr("Save answer"))
        self.errors = error_label()
        editor = QGroupBox(self.tr("Answer"))
        form = QFormLayout(editor)
        form.addRow(self.measure_text)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow(self.tr("Reason (n/a)"), self.reason)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Target date"), self.due)
        form.addRow(self.errors)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.item_score)
        middle_layout.addWidget(self.measures_view, 1)
        middle_layout.addWidget(editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.items_view)
        splitter.addWidget(middle)
        splitter.addWidget(self.item_text)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.items_view.selectionModel().currentRowChanged.connect(self._item_chosen)
        self.measures_view.selectionModel().currentRowChanged.connect(self._measure_chosen)
        self.save_button.clicked.connect(self.save)
        self._shown: dict[str, Any] = {}  # the answer as loaded: Esc goes back to it
        revert_on_escape(editor, lambda: self._shown, self._raw, self._show_measure)
        self.item_text.anchorClicked.connect(lambda url: tab.show_link(url.toString()))
        self.current_item: ControlItem | None = None
        self.current_measure = 0

    # ------------------------------------------------------------------ showing

    def set_people(self, people: list[tuple[int, str]]) -> None:
        fill_people(self.owner, people, self.tr("(owner)"), self.owner.currentData())

    def show_run(self, catalog: Catalog, run: RunAnswers | None) -> None:
        lang = self.tab.lang
        if run is None:
            self.items.set_rows([])
            self.measures.set_rows([])
            self.item_text.clear()
            self.item_score.clear()
            self.setEnabled(False)
            return
        self.setEnabled(True)
        scores = assessments.item_scores(catalog, run)
        own = self.tr("(own)")
        self.items.set_rows(
            [
                (
                    str(s.item.number),
                    s.item.title.get(lang) + (f" {own}" if s.item.origin == "office" else ""),
                    percent(s.baseline),
                )
                for s in scores
            ]
        )
        items = catalog.items
        row = next(
            (i for i, item in enumerate(items) if self.current_item and item.id == self.current_item.id), 0
        )
        if items:
            self.items_view.selectRow(row)
            self.show_item(items[row])

    def _item_chosen(self, current: QModelIndex) -> None:
        catalog = self.tab.catalog
        if catalog is not None and current.isValid() and current.row() < len(catalog.items):
            if self.current_item is None or catalog.items[current.row()].id != self.current_item.id:
                self.current_measure = 0
            self.show_item(catalog.items[current.row()])

    def select_item(self, number: int) -> None:
        catalog = self.tab.catalog
        if catalog is None:
            return
        for row, item in enumerate(catalog.items):
            if item.number == number:
                self.items_view.selectRow(row)

    def show_item(self, item: ControlItem) -> None:
        run, catalog, lang = self.tab.run_answers, self.tab.catalog, self.tab.lang
        if run is None or catalog is None:
            return
        self.current_item = item
        self.item_text.setHtml(render_item(catalog, item, lang))
        score = assessments.item_score(item, run)
        text = self.tr(
            "{item}: {percent} (done {done}, partly {partial}, not done {not_done}, n/a {na})"
        ).format(
            item=numbered(item.number, item.title.get(lang), lang),
            percent=percent(score.baseline),
            done=score.baseline.done,
            partial=score.baseline.partial,
            not_done=score.baseline.not_done,
            na=score.baseline.not_applicable,
        )
        if score.reference.counted or score.reference.not_applicable:
            text += "\n" + self.tr("(Reference) measures, scored apart: {percent}").format(
                percent=percent(score.reference)
            )
        self.item_score.setText(text)
        reference = self.tr("(reference, optional)")
        rows = []
        for measure in item.measures:
            answer = run.measure(measure.id)
            caption = f"{circled(measure.no)} {measure.text.get(lang)}"
            if measure.reference:
                caption += f" {reference}"
            rows.append(
                (
                    caption,
                    label(MeasureStatus(answer.status), lang),
                    answer.owner or "",
                    answer.due_on.isoformat() if answer.due_on else "",
                )
            )
        self.measures.set_rows(rows)
        self.measures_view.resizeRowsToContents()
        self.measures_view.selectRow(min(self.current_measure, len(rows) - 1))
        self._measure_chosen(self.measures.index(min(self.current_measure, len(rows) - 1), 0))

    def _measure_chosen(self, current: QModelIndex) -> None:
        item, run, lang = self.current_item, self.tab.run_answers, self.tab.lang
        if item is None or run is None or not current.isValid() or current.row() >= len(item.measures):
            return
        self.current_measure = current.row()
        measure = item.measures[current.row()]
        answer = run.measure(measure.id)
        self.measure_text.setText(f"{circled(measure.no)} {measure.text.get(lang)}")
        self.status.set_value(answer.status)
        self.evidence.setText(answer.evidence or "")
        self.reason.setText(answer.reason or "")
        self._reason_enabled()
        self.owner.setCurrentIndex(max(0, self.owner.findData(answer.owner_id)))
        self.due.setText(answer.due_on.isoformat() if answer.due_on else "")
        self.errors.hide()
        self._shown = self._raw()

    def _show_measure(self) -> None:
        self._measure_chosen(self.measures.index(self.current_measure, 0))

    def _reason_enabled(self) -> None:
        self.reason.setEnabled(self.status.value() == MeasureStatus.NOT_APPLICABLE.value)

    # ------------------------------------------------------------------ saving

    def _raw(self) -> dict[str, Any]:
        return {
            "status": self.status.value(),
            "evidence": self.evidence.text(),
            "reason": self.reason.text(),
            "owner_id": self.owner.currentData(),
            "due_on": self.due.text(),
        }

    def save(self) -> None:
        item, run = self.current_item, self.tab.run_answers
        if item is None or run is None:
            return
        measure = item.measures[self.current_measure]
        raw = self._raw()
        database, run_id = self.tab.require_database(), run.run.id
        self.tab.save_answer(
            lambda: assessments.save_measure(database, run_id, measure.id, raw),
            self.errors,
            {"status": self.tr("Status"), "owner_id": self.tr("Owner"), "due_on": self.tr("Target date")},
            self._saved,
        )

    def _saved(self) -> None:
        # Straight on to the next measure: a run is answered top to bottom.
        item = self.current_item
        if item is not None and self.current_measure + 1 < len(item.measures):
            self.current_measure += 1
