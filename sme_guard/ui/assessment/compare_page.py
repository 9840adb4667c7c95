"""Two runs side by side: the score of every item, what improved and what fell back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from sme_guard.domain.catalog import Catalog, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.services import assessments
from sme_guard.services.assessments import Comparison, Direction, RunInfo
from sme_guard.ui.assessment.measures_page import percent
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view

if TYPE_CHECKING:
    from sme_guard.ui.assessment.assessment_tab import AssessmentTab


class ComparePage(QWidget):
    def __init__(self, tab: AssessmentTab) -> None:
        super().__init__()
        self.tab = tab
        self.before = QComboBox()
        self.after = QComboBox()
        self.summary = QLabel()
        self.items = PlainTableModel(
            [self.tr("Control item"), self.tr("Before"), self.tr("After"), self.tr("Change")], self
        )
        self.items_view = plain_table_view(self.items)
        for column in (1, 2, 3):
            self.items_view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        headers = [self.tr("Measure"), self.tr("Before"), self.tr("After")]
        self.improved = PlainTableModel(headers, self)
        self.fell_back = PlainTableModel(headers, self)
        self.comparison: Comparison | None = None
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Before")))
        choose.addWidget(self.before, 1)
        choose.addWidget(QLabel(self.tr("After")))
        choose.addWidget(self.after, 1)
        improved_box = QGroupBox(self.tr("Improved"))
        QVBoxLayout(improved_box).addWidget(plain_table_view(self.improved))
        fell_box = QGroupBox(self.tr("Fell back"))
        QVBoxLayout(fell_box).addWidget(plain_table_view(self.fell_back))
        changes = QHBoxLayout()
        changes.addWidget(improved_box)
        changes.addWidget(fell_box)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.items_view, 2)
        layout.addLayout(changes, 1)
        self.before.currentIndexChanged.connect(self.refresh)
        self.after.currentIndexChanged.connect(self.refresh)

    def set_runs(self, runs: list[RunInfo]) -> None:
        """Newest two preselected: the last run against the one before it; a choice the user
        made is kept while the runs stay the same."""
        same = [r.id for r in runs] == [self.before.itemData(i) for i in range(self.before.count())]
        for box, default in ((self.before, 1), (self.after, 0)):
            current = box.currentData() if same else None
            box.blockSignals(True)
            box.clear()
            for run in runs:
                box.addItem(f"{run.held_on.isoformat()} {run.name}", run.id)
            index = box.findData(current)
            box.setCurrentIndex(index if index >= 0 else min(default, len(runs) - 1))
            box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        before, after, catalog = self.before.currentData(), self.after.currentData(), self.tab.catalog
        if before is None or after is None or catalog is None or not self.isEnabled():
            self._show(None, catalog)
            return
        database = self.tab.require_database()

        def work() -> Comparison:
            return assessments.compare(
                catalog, assessments.answers(database, before), assessments.answers(database, after)
            )

        self.tab.runner.submit(work, lambda comparison: self._show(comparison, catalog), self.tab.show_error)

    def _show(self, comparison: Comparison | None, catalog: Catalog | None) -> None:
        self.comparison = comparison
        lang = self.tab.lang
        if comparison is None or catalog is None:
            self.summary.setText(self.tr("Two runs are needed to compare."))
            for model in (self.items, self.improved, self.fell_back):
                model.set_rows([])
            return
        old, new = comparison.overall
        self.summary.setText(
            self.tr("Overall: {before} → {after}").format(before=percent(old), after=percent(new))
        )
        rows = []
        for item, before, after in comparison.items:
            change = ""
            if before.percent is not None and after.percent is not None:
                delta = after.percent - before.percent
                change = f"{delta:+.0f}" if round(delta) else "±0"
            rows.append((f"{item.number}. {item.title.get(lang)}", percent(before), percent(after), change))
        self.items.set_rows(rows)
        for model, direction in ((self.improved, Direction.IMPROVED), (self.fell_back, Direction.FELL_BACK)):
            model.set_rows(
                [
                    (
                        f"{c.item.number}{circled(c.measure.no)} {c.measure.text.get(lang)}",
                        label(MeasureStatus(c.before), lang),
                        label(MeasureStatus(c.after), lang),
                    )
                    for c in comparison.changed(direction)
                ]
            )
