"""定期点検: the schedule (interval, on/off), own checks, and recording a check as done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.services import clock, recurring_checks
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.recurring_checks import CheckLine
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.errors import report_error
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import error_label, show_problems
from sme_guard.ui.tasks import Runner


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class ChecksDialog(QDialog):
    def __init__(
        self,
        database: Database,
        runner: Runner,
        lang: str,
        check_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.lines: list[CheckLine] = []
        self.select_id = check_id
        self.setWindowTitle(self.tr("Recurring checks"))
        self.resize(980, 620)
        self.model = PlainTableModel(
            [
                self.tr("Check"),
                self.tr("Every (days)"),
                self.tr("Last done"),
                self.tr("Next due"),
                self.tr("Done by"),
            ],
            self,
        )
        self.view = plain_table_view(self.model)
        header = self.view.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.points = QLabel()
        self.points.setWordWrap(True)
        self.interval = QSpinBox()
        self.interval.setRange(1, 3650)
        self.enabled = QCheckBox(self.tr("Switched on"))
        self.first_due = QLineEdit()  # a check never done: when it first falls due
        add_calendar(self.first_due)
        self.apply_button = QPushButton(self.tr("Save schedule"))
        self.delete_button = QPushButton(self.tr("Delete own check"))
        self.done_on = QLineEdit()
        add_calendar(self.done_on)
        self.done_by = QLineEdit()
        self.note = QLineEdit()
        self.done_button = QPushButton(self.tr("Record as done"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.own_title = QLineEdit()
        self.own_title.setPlaceholderText(self.tr("e.g. Check the office door lock log"))
        self.own_interval = QSpinBox()
        self.own_interval.setRange(1, 3650)
        self.own_interval.setValue(90)
        self.add_button = QPushButton(self.tr("Add own check"))
        self.errors = error_label()

        schedule = QGroupBox(self.tr("Schedule"))
        schedule_layout = QFormLayout(schedule)
        schedule_layout.addRow(self.tr("Serves"), self.points)
        row = QHBoxLayout()
        row.addWidget(self.interval)
        row.addWidget(self.enabled)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.apply_button)
        schedule_layout.addRow(self.tr("Every (days)"), row)
        schedule_layout.addRow(self.tr("First due"), self.first_due)
        done = QGroupBox(self.tr("Done"))
        done_layout = QFormLayout(done)
        done_layout.addRow(self.where)
        done_layout.addRow(self.tr("On"), self.done_on)
        done_layout.addRow(self.tr("By"), self.done_by)
        done_layout.addRow(self.tr("Note"), self.note)
        done_layout.addRow("", self.done_button)
        own = QHBoxLayout()
        own.addWidget(self.own_title, 1)
        own.addWidget(self.own_interval)
        own.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        sides = QHBoxLayout()
        sides.addWidget(schedule, 1)
        sides.addWidget(done, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(sides)
        layout.addWidget(self.errors)
        layout.addLayout(own)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.view.selectionModel().currentRowChanged.connect(lambda current: self._chosen(current.row()))
        self.apply_button.clicked.connect(self._save_schedule)
        self.delete_button.clicked.connect(self._delete)
        self.done_button.clicked.connect(self._done)
        self.add_button.clicked.connect(self._add)
        self.reload()

    def reload(self) -> None:
        database, today = self.database, clock.today()
        self.runner.submit(lambda: recurring_checks.checks(database, today), self._show, self._failed)

    def _show(self, lines: list[CheckLine]) -> None:
        self.lines = lines
        lang = self.lang
        off, never = self.tr("switched off"), self.tr("never")
        self.model.set_rows(
            [
                (
                    line.title(lang),
                    str(line.interval_days),
                    line.last_done_on.isoformat() if line.last_done_on else never,
                    off
                    if not line.enabled
                    else (line.next_due_on.isoformat() if line.next_due_on else self.tr("now")),
                    self._where(line),
                )
                for line in lines
            ],
            alerts={row for row, line in enumerate(lines) if line.enabled and line.overdue},
        )
        row = next((r for r, line in enumerate(lines) if line.id == self.select_id), 0)
        if lines:
            self.view.selectRow(row)
            self._chosen(row)

    def _where(self, line: CheckLine) -> str:
        if line.completed_by is None:
            return self.tr("this list")
        return self.tr("its own screen (stock-take, contact tree, drills or register reviews)")

    def current(self) -> CheckLine | None:
        rows = self.view.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        self.select_id = line.id
        described = [bundled_catalog().describe(p, self.lang) for p in line.points]
        self.points.setText("\n".join(_short(d) for d in described) or "—")
        self.points.setToolTip("\n".join(described))
        self.interval.setValue(line.interval_days)
        self.enabled.setChecked(line.enabled)
        never_done = line.last_done_on is None
        self.first_due.setText(line.first_due_on.isoformat() if never_done and line.first_due_on else "")
        self.first_due.setEnabled(never_done)
        self.first_due.setPlaceholderText(
            "" if never_done else self.tr("done already: due after the last time")
        )
        self.delete_button.setEnabled(line.own)
        linked = line.completed_by is not None
        for widget in (self.done_on, self.done_by, self.note, self.done_button):
            widget.setEnabled(not linked)
        self.where.setText(
            self.tr(
                "Done where it is recorded: finishing a stock-take, confirming the contact tree, logging a drill "
                "or marking each record of the register 'Reviewed today'."
            )
            if linked
            else ""
        )
        self.done_on.setText(clock.today().isoformat())
        self.errors.hide()

    def _failed(self, error: BaseException) -> None:
        names = {
            "done_on": self.tr("On"),
            "interval_days": self.tr("Every (days)"),
            "first_due_on": self.tr("First due"),
            "title": self.tr("Check"),
        }
        if not show_problems(self.errors, error, names, self.lang):
            report_error(error, self.lang)

    def _run(self, work: Callable[[], Any]) -> None:
        self.runner.submit(work, lambda _r: self.reload(), self._failed)

    def _save_schedule(self) -> None:
        line, database = self.current(), self.database
        if line is None:
            return
        raw: dict[str, Any] = {"interval_days": self.interval.value(), "enabled": self.enabled.isChecked()}
        if self.first_due.isEnabled():
            raw["first_due_on"] = self.first_due.text()
        self._run(lambda: recurring_checks.save_schedule(database, line.id, raw))

    def _done(self) -> None:
        line, database = self.current(), self.database
        if line is None:
            return
        raw = {"done_on": self.done_on.text(), "done_by": self.done_by.text(), "note": self.note.text()}
        self.note.clear()
        self._run(lambda: recurring_checks.record_completion(database, line.id, raw))

    def _add(self) -> None:
        database = self.database
        raw = {"title": self.own_title.text(), "interval_days": self.own_interval.value()}

        def added(check_id: int) -> None:
            self.own_title.clear()
            self.select_id = check_id
            self.reload()

        self.runner.submit(lambda: recurring_checks.add_own_check(database, raw), added, self._failed)

    def _delete(self) -> None:
        line, database = self.current(), self.database
        if line is not None and line.own:
            self._run(lambda: recurring_checks.delete_own_check(database, line.id))
