"""Starting a run, and choosing what a training checklist covers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.catalog import Catalog
from sme_guard.services.assessments import RunInfo
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.registers.detail_page import error_label


class NewRunDialog(QDialog):
    def __init__(self, last: RunInfo | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New self-assessment"))
        self.name = QLineEdit(self.tr("Self-assessment {year}").format(year=today.year))
        self.held_on = QLineEdit(today.isoformat())
        add_calendar(self.held_on)
        self.assessor = QLineEdit()
        self.from_last = QCheckBox(
            self.tr("Start from the answers of {run}").format(run=f"{last.held_on.isoformat()} {last.name}")
            if last
            else self.tr("Start from the last run's answers")
        )
        self.from_last.setChecked(last is not None)
        self.from_last.setEnabled(last is not None)
        self.last = last
        self.errors = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Date *"), self.held_on)
        form.addRow(self.tr("Assessed by"), self.assessor)
        form.addRow("", self.from_last)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "held_on": self.held_on.text(), "assessor": self.assessor.text()}

    def source_run(self) -> int | None:
        return self.last.id if self.last is not None and self.from_last.isChecked() else None

    def field_names(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "held_on": self.tr("Date")}


class ChecklistBox(QGroupBox):
    """A heading, the entries to tick (all ticked at first), 「すべて選択」/「すべて解除」 and how
    many are ticked."""

    changed = Signal()

    def __init__(self, heading: str, entries: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(heading, parent)
        self.list = QListWidget()
        for number, title in entries:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.all_button = QPushButton(self.tr("Select all"))
        self.none_button = QPushButton(self.tr("Clear all"))
        self.count = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        self.list.itemChanged.connect(self._update)
        self._update()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _tick_all(self, state: Qt.CheckState) -> None:
        for item in self._items():
            item.setCheckState(state)

    def _update(self) -> None:
        self.count.setText(
            self.tr("{chosen} of {total} chosen").format(chosen=len(self.chosen()), total=self.list.count())
        )
        self.changed.emit()

    def chosen(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]


class ChecklistDialog(QDialog):
    """Which items and sheets a training checklist holds, blank or filled from the run."""

    def __init__(
        self, catalog: Catalog, run: RunInfo | None, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Training checklist"))
        self.resize(720, 520)
        self.items = ChecklistBox(
            self.tr("Control items (part 1)"),
            [(i.number, f"{i.number}. {i.title.get(lang)}") for i in catalog.items],
        )
        self.sheets = ChecklistBox(
            self.tr("Task sheets (part 2)"),
            [(s.number, f"No.{s.number} {s.title.get(lang)}") for s in catalog.sheets],
        )
        self.blank = QRadioButton(self.tr("Blank, for staff to fill in"))
        self.filled = QRadioButton(
            self.tr("Filled from {run}").format(run=f"{run.held_on.isoformat()} {run.name}")
            if run
            else self.tr("Filled from the chosen run")
        )
        self.blank.setChecked(True)
        self.filled.setEnabled(run is not None)
        lists = QHBoxLayout()
        lists.addWidget(self.items)
        lists.addWidget(self.sheets)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addWidget(self.blank)
        layout.addWidget(self.filled)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in (self.items, self.sheets):
            box.changed.connect(self._update_ok)

    def _update_ok(self) -> None:
        """A checklist of nothing is not printed."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_items() or self.chosen_sheets()))

    def chosen_items(self) -> list[int]:
        return self.items.chosen()

    def chosen_sheets(self) -> list[int]:
        return self.sheets.chosen()
