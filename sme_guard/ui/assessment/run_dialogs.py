"""Starting a run, and choosing what a training checklist covers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.catalog import Catalog
from sme_guard.services.assessments import RunInfo
from sme_guard.ui.registers.detail_page import error_label


class NewRunDialog(QDialog):
    def __init__(self, last: RunInfo | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New self-assessment"))
        self.name = QLineEdit(self.tr("Self-assessment {year}").format(year=today.year))
        self.held_on = QLineEdit(today.isoformat())
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


def _checklist(entries: list[tuple[int, str]]) -> QListWidget:
    widget = QListWidget()
    for number, title in entries:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list[int]:
    items = (widget.item(i) for i in range(widget.count()))
    return [
        item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked
    ]


class ChecklistDialog(QDialog):
    """Which items and sheets a training checklist holds, blank or filled from the run."""

    def __init__(
        self, catalog: Catalog, run: RunInfo | None, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Training checklist"))
        self.resize(720, 520)
        self.items = _checklist([(i.number, f"{i.number}. {i.title.get(lang)}") for i in catalog.items])
        self.sheets = _checklist([(s.number, f"No.{s.number} {s.title.get(lang)}") for s in catalog.sheets])
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

    def chosen_items(self) -> list[int]:
        return _checked(self.items)

    def chosen_sheets(self) -> list[int]:
        return _checked(self.sheets)
