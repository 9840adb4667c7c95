"""Logging a drill (訓練, 4 運用①): when, which scenario, who took part, what was exercised,
how long recovery took against the objective, what was found, and how the plan changed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sme_guard.services.continuity import DrillLine, PlanDetail
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.registers.detail_page import error_label


def _text_box(text: str | None, height: int = 56) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setFixedHeight(height)
    return box


class DrillDialog(QDialog):
    save_requested = Signal()  # the page saves off the GUI thread and closes the dialog when done

    def __init__(
        self,
        plan: PlanDetail,
        drill: DrillLine | None,
        people: list[tuple[int, str]],
        today: date,
        objective_hours: str | None,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Drill: {plan}").format(plan=plan.name))
        self.resize(560, 640)
        self.held_on = QLineEdit((drill.held_on if drill else today).isoformat())
        add_calendar(self.held_on)
        self.scenario = QComboBox()
        self.scenario.setEditable(True)
        self.scenario.addItem("")
        for scenario in plan.scenarios:
            self.scenario.addItem(scenario.title(lang))
        self.scenario.setCurrentText(drill.scenario or "" if drill else "")
        self.participants = QListWidget()
        chosen = set(drill.participant_ids) if drill else set()
        for person_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in chosen else Qt.CheckState.Unchecked)
            self.participants.addItem(item)
        self.participants.setFixedHeight(110)
        self.steps_exercised = _text_box(drill.steps_exercised if drill else None)
        self.minutes = QLineEdit(
            "" if drill is None or drill.minutes_achieved is None else str(drill.minutes_achieved)
        )
        if objective_hours is not None:
            self.minutes.setPlaceholderText(self.tr("Objective: {hours} hours").format(hours=objective_hours))
        self.result_edit = QLineEdit(drill.result or "" if drill else "")
        self.findings = _text_box(drill.findings if drill else None)
        self.plan_changed = QCheckBox(self.tr("The plan was changed after this drill"))
        self.plan_changed.setChecked(bool(drill and drill.plan_changed))
        self.change_note = _text_box(drill.change_note if drill else None)
        self.errors = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Held on *"), self.held_on)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Steps exercised"), self.steps_exercised)
        form.addRow(self.tr("Minutes to recover"), self.minutes)
        form.addRow(self.tr("Result"), self.result_edit)
        form.addRow(self.tr("Findings"), self.findings)
        form.addRow("", self.plan_changed)
        form.addRow(self.tr("How the plan was changed"), self.change_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save_requested)
        self.buttons.rejected.connect(self.reject)
        self.plan_changed.toggled.connect(self.change_note.setEnabled)
        self.change_note.setEnabled(self.plan_changed.isChecked())

    def values(self) -> dict[str, Any]:
        return {
            "held_on": self.held_on.text(),
            "scenario": self.scenario.currentText(),
            "steps_exercised": self.steps_exercised.toPlainText(),
            "minutes_achieved": self.minutes.text(),
            "result": self.result_edit.text(),
            "findings": self.findings.toPlainText(),
            "plan_changed": self.plan_changed.isChecked(),
            "change_note": self.change_note.toPlainText(),
        }

    def participant_ids(self) -> list[int]:
        items = (self.participants.item(i) for i in range(self.participants.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def field_names(self) -> dict[str, str]:
        return {
            "held_on": self.tr("Held on"),
            "minutes_achieved": self.tr("Minutes to recover"),
            "change_note": self.tr("How the plan was changed"),
            "participants": self.tr("Participants"),
        }
