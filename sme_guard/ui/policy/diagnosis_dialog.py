"""Entering one result of IPA's 5-minute self-diagnosis: the date, and for each of the 25
questions (by number, with SME Guard's short topic; the question itself is on IPA's sheet)
the answer on the sheet's scale, with the part and total scores as they are chosen."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.security_action import SCORES, DiagnosisMap, score_label
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.security_action import Diagnosis, part_scores
from sme_guard.ui import dialogs
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.guidelines.editor import plain_label, show_error
from sme_guard.ui.registers.detail_page import error_label


class DiagnosisDialog(QDialog):
    save_requested = Signal()

    def __init__(
        self,
        mapping: DiagnosisMap,
        lang: str,
        today: date,
        diagnosis: Diagnosis | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mapping, self.lang = mapping, lang
        self.diagnosis_id = diagnosis.id if diagnosis else None
        self.dirty = False
        self.setWindowTitle(self.tr("Self-diagnosis result"))
        self.resize(760, 640)
        self.held_on = QLineEdit((diagnosis.held_on if diagnosis else today).isoformat())
        add_calendar(self.held_on)
        self.notes = QLineEdit(diagnosis.notes or "" if diagnosis else "")
        self.held_on_error = error_label()
        hint = plain_label(
            self.tr(
                "Answer each question on IPA's self-diagnosis sheet, then choose the same answer here. "
                "The topics are SME Guard's short labels; the questions are on the sheet."
            ),
            muted=True,
        )
        self.answers: dict[int, QComboBox] = {}
        self.errors: dict[int, QLabel] = {}
        self.part_labels: list[QLabel] = []
        grid = QGridLayout()
        row = 0
        for part in mapping.parts:
            part_label = QLabel()
            font = part_label.font()
            font.setBold(True)
            part_label.setFont(font)
            self.part_labels.append(part_label)
            grid.addWidget(part_label, row, 0, 1, 3)
            row += 1
            for number in part.questions:
                box = QComboBox()
                box.addItem(self.tr("(choose)"), None)
                for score in SCORES:
                    box.addItem(f"{score_label(score, lang)} ({score})", score)
                if diagnosis is not None and number in diagnosis.answers:
                    box.setCurrentIndex(box.findData(diagnosis.answers[number]))
                box.currentIndexChanged.connect(self._changed)
                self.answers[number] = box
                topic = plain_label(mapping.question(number).topic.get(lang))
                error = error_label()
                self.errors[number] = error
                grid.addWidget(QLabel(f"No.{number}"), row, 0)
                grid.addWidget(topic, row, 1)
                grid.addWidget(box, row, 2)
                grid.addWidget(error, row + 1, 1, 1, 2)
                row += 2
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(inner)
        self.total = QLabel()
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save_requested)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Date *"), self.held_on)
        form.addRow("", self.held_on_error)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.held_on.textEdited.connect(self._changed)
        self.notes.textEdited.connect(self._changed)
        self._show_scores()
        self.dirty = False

    def _chosen(self) -> dict[int, int]:
        return {n: box.currentData() for n, box in self.answers.items() if box.currentData() is not None}

    def _changed(self) -> None:
        self.dirty = True
        self._show_scores()

    def _show_scores(self) -> None:
        chosen = self._chosen()
        scores = part_scores(chosen, self.mapping)
        for part, part_label, score in zip(self.mapping.parts, self.part_labels, scores, strict=True):
            part_label.setText(
                self.tr("Part {number}: {title} — {points} points").format(
                    number=part.number, title=part.title.get(self.lang), points=score
                )
            )
        self.total.setText(
            self.tr("Total: {points} of 100 points ({answered} of 25 answered)").format(
                points=sum(scores), answered=len(chosen)
            )
        )

    def values(self) -> dict[str, Any]:
        return {"held_on": self.held_on.text(), "notes": self.notes.text(), "answers": self._chosen()}

    def show_problems(self, error: BaseException) -> bool:
        if not isinstance(error, DetailInvalidError):
            return False
        problems = error.problems
        held = problems.get("held_on")
        show_error(self.held_on_error, held.message(self.lang) if held else None)
        for number, label in self.errors.items():
            problem = problems.get(f"q{number}")
            show_error(label, problem.message(self.lang) if problem else None)
        missing = sorted(int(key[1:]) for key in problems if key.startswith("q"))
        text = self.tr("Please check the fields marked in red.")
        if missing:
            text = self.tr("Not answered yet: {numbers}").format(
                numbers=", ".join(f"No.{n}" for n in missing)
            )
        show_error(self.message, text)
        return True

    def reject(self) -> None:
        # Esc and Cancel ask before throwing answers away.
        if self.dirty and not dialogs.confirm(
            self, self.tr("Unsaved changes"), self.tr("The answers have not been saved. Discard them?")
        ):
            return
        super().reject()
