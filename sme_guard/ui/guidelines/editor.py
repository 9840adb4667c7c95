"""The form of one guideline version: its title, and per point the guideline's requirement, the
office's decision (可 / 不可 / 条件付きで可) and conditions. Read-only once issued."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.codes import GuidelineDecision, label
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.staff_guidelines import GuidelineDocument, PointChoice
from sme_guard.ui.registers.detail_page import error_label

MUTED_STYLE = "color: palette(placeholder-text);"


def plain_label(text: str = "", *, muted: bool = False, bold: bool = False) -> QLabel:
    """A wrapping label that shows text as typed (a title like "<b>" is not markup)."""
    label_ = QLabel(text)
    label_.setTextFormat(Qt.TextFormat.PlainText)
    label_.setWordWrap(True)
    label_.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label_.setStyleSheet(MUTED_STYLE)
    if bold:
        font = label_.font()
        font.setBold(True)
        label_.setFont(font)
    return label_


def show_error(label_: QLabel, text: str | None) -> None:
    label_.setText(text or "")
    label_.setVisible(bool(text))


class PointEditor(QFrame):
    """One point: what the guideline requires, the decision and its conditions."""

    changed = Signal()

    def __init__(self, number: int, point: PointChoice, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = point.key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = plain_label(f"{number}. {point.question.get(lang)}", bold=True)
        reference = point.ref_label(lang)
        if point.sheets:
            sheets = ", ".join(f"No.{n}" for n in point.sheets)
            reference = self.tr("{reference} (task sheets {sheets})").format(
                reference=reference, sheets=sheets
            )
        self.requirement = plain_label(
            self.tr("Guideline {reference}: {text}").format(
                reference=reference, text=point.requirement.get(lang)
            ),
            muted=True,
        )
        self.buttons: dict[GuidelineDecision, QRadioButton] = {}
        self.group = QButtonGroup(self)
        decisions = QHBoxLayout()
        for decision in GuidelineDecision:
            button = QRadioButton(label(decision, lang))
            self.buttons[decision] = button
            self.group.addButton(button)
            decisions.addWidget(button)
            button.toggled.connect(self._decision_toggled)
        decisions.addStretch(1)
        suggestion = ""
        if point.suggested_decision is not None:
            suggestion = self.tr("SME Guard's suggestion: {decision}").format(
                decision=label(point.suggested_decision, lang)
            )
        self.suggestion = plain_label(suggestion, muted=True)
        self.suggestion.setWordWrap(False)
        decisions.addWidget(self.suggestion)
        self.conditions = QPlainTextEdit()
        self.conditions.setFixedHeight(58)
        self.conditions.setTabChangesFocus(True)
        self.conditions.textChanged.connect(self.changed)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.requirement)
        layout.addLayout(decisions)
        layout.addWidget(self.conditions)
        layout.addWidget(self.error)
        self.set_choice(point.decision, point.conditions)

    def _decision_toggled(self, checked: bool) -> None:
        if checked:
            self._placeholder()
            self.changed.emit()

    def _placeholder(self) -> None:
        if self.decision() == GuidelineDecision.CONDITIONAL:
            self.conditions.setPlaceholderText(self.tr("The conditions (required)"))
        else:
            self.conditions.setPlaceholderText(self.tr("A note for staff (optional)"))

    def set_choice(self, decision: GuidelineDecision | None, conditions: str | None) -> None:
        self.group.setExclusive(False)  # so that "no decision" can be shown too
        for code, button in self.buttons.items():
            button.setChecked(code == decision)
        self.group.setExclusive(True)
        self.conditions.setPlainText(conditions or "")
        self._placeholder()

    def decision(self) -> GuidelineDecision | None:
        return next((code for code, button in self.buttons.items() if button.isChecked()), None)

    def value(self) -> dict[str, Any]:
        return {"decision": self.decision(), "conditions": self.conditions.toPlainText()}

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        self.conditions.setReadOnly(read_only)


class GuidelineEditor(QWidget):
    """The version shown: a draft to edit, or an issued version to read."""

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.document: GuidelineDocument | None = None
        self.points: dict[str, PointEditor] = {}
        self.dirty = False
        self._filling = False

        self.state = plain_label()
        self.errors = error_label()
        self.title = QLineEdit()
        self.title_error = error_label()
        self.title.textEdited.connect(self._edited)
        form = QFormLayout()
        form.addRow(self.tr("Title *"), self.title)
        form.addRow("", self.title_error)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(58)
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._edited)

        self.point_list = QWidget()
        self.point_layout = QVBoxLayout(self.point_list)
        self.point_layout.setContentsMargins(0, 0, 6, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.point_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.errors)
        layout.addLayout(form)
        layout.addWidget(self.scroller, 1)
        self.show_document(None)

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True
            self.changed.emit()

    def show_document(self, document: GuidelineDocument | None) -> None:
        """Show a version (None: nothing to show) and forget unsaved edits."""
        self._filling = True
        self.document = document
        self.points = {}
        while self.point_layout.count():
            item = self.point_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.notes:
                widget.deleteLater()
        show_error(self.errors, None)
        show_error(self.title_error, None)
        if document is None:
            self.state.setText(self.tr("No version yet. Start one with “New version”."))
            self.title.clear()
            self.notes.clear()
            self.title.setEnabled(False)
            self.notes.setEnabled(False)
        else:
            info = document.info
            if info.issued_on is None:
                self.state.setText(
                    self.tr(
                        "Version {number} — draft. Decide each point, save, then issue it; "
                        "staff acknowledge issued versions only."
                    ).format(number=info.version)
                )
            else:
                self.state.setText(
                    self.tr(
                        "Version {number} — issued on {date}. An issued version is not changed: "
                        "make a new version to change it."
                    ).format(number=info.version, date=info.issued_on.isoformat())
                )
            self.title.setText(info.title)
            self.notes.setPlainText(info.notes or "")
            self.title.setEnabled(True)
            self.notes.setEnabled(True)
            for number, point in enumerate(document.points, start=1):
                editor = PointEditor(number, point, self.lang)
                editor.changed.connect(self._edited)
                self.points[point.key] = editor
                self.point_layout.addWidget(editor)
        self.point_layout.addWidget(QLabel(self.tr("Notes")))
        self.point_layout.addWidget(self.notes)
        self.point_layout.addStretch(1)
        read_only = document is None or document.info.issued_on is not None
        self.title.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        for editor in self.points.values():
            editor.set_read_only(read_only)
        self.dirty = False
        self._filling = False

    def values(self) -> dict[str, Any]:
        """The form's content as ``staff_guidelines.save_draft`` takes it."""
        return {
            "title": self.title.text(),
            "notes": self.notes.toPlainText(),
            "choices": {key: editor.value() for key, editor in self.points.items()},
        }

    def show_problems(self, error: BaseException) -> bool:
        """Each problem under its field (the title, a point); False when ``error`` is not one."""
        if not isinstance(error, DetailInvalidError):
            return False
        problems = error.problems
        title = problems.get("title")
        show_error(self.title_error, title.message(self.lang) if title else None)
        first: QWidget | None = None
        for key, editor in self.points.items():
            problem = problems.get(key)
            show_error(editor.error, problem.message(self.lang) if problem else None)
            if problem is not None and first is None:
                first = editor
        other = [p.message(self.lang) for k, p in problems.items() if k != "title" and k not in self.points]
        show_error(self.errors, "\n".join(other) or self.tr("Please check the points marked in red."))
        if first is not None:
            self.scroller.ensureWidgetVisible(first)
        return True

    def clear_problems(self) -> None:
        show_error(self.errors, None)
        show_error(self.title_error, None)
        for editor in self.points.values():
            show_error(editor.error, None)
