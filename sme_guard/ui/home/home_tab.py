"""ホーム: everything due or overdue across the app in one list (each line opens its record),
counts per area, and three overview charts."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import label
from sme_guard.domain.due import AREA_LABELS, Area, DueItem, Target, area_label
from sme_guard.services import clock
from sme_guard.ui.errors import report_error
from sme_guard.ui.headers import full_names
from sme_guard.ui.home.charts import BarChart, Series
from sme_guard.ui.home.due_model import DueModel
from sme_guard.ui.icons import icon
from sme_guard.ui.plain_table_model import ALERT_COLOR
from sme_guard.ui.tasks import Runner


@dataclass(frozen=True)
class HomeData:
    items: list[DueItem]
    counts: dict[Area, int]
    overview: Any  # sme_guard.services.overview data for the charts
    next_steps: list[Any]  # sme_guard.services.setup.NextStep: until every register has a record


def load_home(database: Database, lang: str) -> HomeData:
    """Off the GUI thread: the due list and the chart data (services imported here, not at
    start-up)."""
    from sme_guard.services import home, overview, setup
    from sme_guard.services.office_catalog import effective_catalog

    today = clock.today()
    items = home.home_list(database, today, lang)
    catalog = effective_catalog(database)
    charts = (
        overview.score_series(database, catalog),
        overview.incidents_by_month(database, today),
        overview.assets_by_status(database),
    )
    return HomeData(items, home.counts(items), charts, setup.next_steps(database))


def _step_target(key: str) -> Target:
    """The screen a next step is done on."""
    return Target("contacts") if key == "contacts" else Target("tab", key)


class HomeTab(QWidget):
    open_requested = Signal(object)  # the Target of the line to open
    overdue_changed = Signal(int)  # the list was shown; how many lines are overdue
    loaded = Signal()

    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.lang = lang
        self.runner = runner
        self.database: Database | None = None
        self.data: HomeData | None = None
        self.open_dialog: QDialog | None = None
        self._stale = False

        self.headline = QLabel()
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        # What a new office does first, until each register has its first record.
        self.steps_box = QGroupBox(self.tr("Next steps"))
        self.steps_label = QLabel()
        self.steps_label.setWordWrap(True)
        self.steps_label.linkActivated.connect(lambda key: self.open_requested.emit(_step_target(key)))
        QVBoxLayout(self.steps_box).addWidget(self.steps_label)
        self.steps_box.hide()
        self.count_labels: dict[Area, QLabel] = {}
        counts = QGridLayout()
        for index, area in enumerate(AREA_LABELS):
            count = QLabel()
            self.count_labels[area] = count
            counts.addWidget(count, index // 5, index % 5)
        self.model = DueModel(
            (self.tr("Due"), self.tr("Area"), self.tr("What"), self.tr("Details")), lang, self.tr("now"), self
        )
        self.view = full_names(QTableView())
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("0") * 36)
        header.setStretchLastSection(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.checks_button = QPushButton(self.tr("Recurring checks…"))
        self.reload_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.scores = BarChart(
            self.tr("Self-assessment score per control item"), horizontal=True, maximum=100
        )
        self.incidents = BarChart(
            self.tr("Incidents per month (last 12 months)"), horizontal=False, stacked=True
        )
        self.assets = BarChart(self.tr("Assets by status"), horizontal=True, stacked=True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.checks_button)
        buttons.addWidget(self.reload_button)
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.steps_box)
        due_layout.addWidget(self.headline)
        due_layout.addLayout(counts)
        due_layout.addWidget(self.view, 1)
        due_layout.addLayout(buttons)
        charts = QGroupBox(self.tr("Overview"))
        charts_layout = QVBoxLayout(charts)
        for chart in (self.scores, self.incidents, self.assets):
            charts_layout.addWidget(chart, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(due_box)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.view.activated.connect(self._open_index)
        self.view.doubleClicked.connect(self._open_index)
        self.open_button.clicked.connect(self._open_selected)
        self.checks_button.clicked.connect(self.edit_checks)
        self.reload_button.clicked.connect(self.reload)
        self.headline.setText(self.tr("Loading…"))

    # ------------------------------------------------------------------ loading

    def set_database(self, database: Database) -> None:
        self.database = database
        self.reload()  # the first tab: loaded at once, so start-up can show what is overdue

    def refresh(self) -> None:
        # Reloaded even when hidden: the tab's count must match the list at all times.
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # Answers, drills and checks change elsewhere without telling: reload whenever shown.
        super().showEvent(event)
        if self.data is not None or self._stale:
            self.reload()

    def reload(self) -> None:
        database, lang = self.database, self.lang
        if database is None:
            return
        self._stale = False
        self.runner.submit(
            lambda: load_home(database, lang), self._show, lambda e: report_error(e, self.lang)
        )

    def _show(self, data: HomeData) -> None:
        self.data = data
        self.model.set_items(data.items)
        overdue = sum(1 for item in data.items if item.overdue)
        if not data.items:
            self.headline.setText(self.tr("Everything is in order."))
            self.headline.setStyleSheet("color: #2e7d32;")
        else:
            self.headline.setText(
                self.tr("{overdue} overdue, {due} due within 30 days").format(
                    overdue=overdue, due=len(data.items) - overdue
                )
            )
            self.headline.setStyleSheet(f"color: {ALERT_COLOR.name()};" if overdue else "")
        for area, count_label in self.count_labels.items():
            count = data.counts.get(area, 0)
            count_label.setText(f"{area_label(area, self.lang)}: {count}")
            count_label.setStyleSheet("font-weight: bold;" if count else "color: #777777;")
        self._show_steps(data.next_steps)
        self._show_charts(data.overview)
        self.overdue_changed.emit(overdue)
        self.loaded.emit()

    def _show_steps(self, steps: list[Any]) -> None:
        self.steps_box.setVisible(bool(steps))
        lines = [
            f"✓ <s>{escape(step.text(self.lang))}</s>"
            if step.done
            else f'☐ <a href="{step.key}">{escape(step.text(self.lang))}</a>'
            for step in steps
        ]
        self.steps_label.setText("<br>".join(lines))

    def _show_charts(self, overview: Any) -> None:
        from sme_guard.services.overview import INCIDENT_TYPE_COLOURS, LATEST_COLOUR, PREVIOUS_COLOUR

        scores, incidents, assets = overview
        lang, none_yet = self.lang, self.tr("No data yet")
        series = []
        if scores.previous is not None:
            series.append(Series(scores.previous.name, scores.previous_percent, PREVIOUS_COLOUR))
        if scores.latest is not None:
            series.append(Series(scores.latest.name, scores.latest_percent, LATEST_COLOUR))
        self.scores.set_data([item.label(lang) for item in scores.items], series, none_yet)
        self.incidents.set_data(
            [
                f"{year}/{month}" if month == 1 or index == 0 else str(month)
                for index, (year, month) in enumerate(incidents.months)
            ],
            [
                Series(label(kind, lang), incidents.counts[kind], INCIDENT_TYPE_COLOURS[kind])
                for kind in incidents.used_types
            ],
            none_yet,
        )
        # One bar per register, split by status; a status several registers share is one series.
        by_label: dict[str, tuple[str, list[float | None]]] = {}
        for row, counts in enumerate(assets):
            for code, name, count in zip(counts.codes, counts.labels(lang), counts.counts, strict=True):
                values = by_label.setdefault(name, (counts.colour(code), [None] * len(assets)))[1]
                values[row] = count
        self.assets.set_data(
            [counts.title(lang) for counts in assets],
            [Series(name, values, colour) for name, (colour, values) in by_label.items()],
            none_yet,
        )

    # ------------------------------------------------------------------ opening

    def _open_index(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.open_target(item.target)

    def _open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def open_target(self, target: Target) -> None:
        if target.screen == "check":
            self.edit_checks(target.record_id)
        else:
            self.open_requested.emit(target)

    def edit_checks(self, check_id: int | None = None) -> None:
        from sme_guard.ui.home.checks_dialog import ChecksDialog

        database = self.database
        if database is None:
            return
        dialog = ChecksDialog(database, self.runner, self.lang, check_id, self)
        dialog.finished.connect(lambda _code: self.reload())
        self.open_dialog = dialog
        dialog.open()
