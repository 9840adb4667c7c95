"""Choosing an example plan to start from, so a non-specialist does not face an empty form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.plan_templates import PlanTemplate


class TemplateDialog(QDialog):
    def __init__(self, templates: tuple[PlanTemplate, ...], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.lang = lang
        self.setWindowTitle(self.tr("New plan from an example"))
        self.resize(560, 420)
        intro = QLabel(
            self.tr(
                "These examples are written by SME Guard, not taken from the guideline. Start from "
                "the one closest to your system and rewrite every part for your office."
            )
        )
        intro.setWordWrap(True)
        self.choices = QListWidget()
        self.choices.setWordWrap(True)
        self.choices.setSpacing(3)
        example = self.tr("(example)")
        for template in templates:
            content = template.content(lang)
            item = QListWidgetItem(f"{content.name} {example}\n    {content.summary}")
            item.setData(Qt.ItemDataRole.UserRole, template.code)
            self.choices.addItem(item)
        self.name = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Name of the new plan"), self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.choices.currentRowChanged.connect(self._chosen)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choices.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(row >= 0)
        if row >= 0:
            self.name.setText(self.templates[row].content(self.lang).name)

    def chosen_name(self) -> str | None:
        """The name typed, or None when it is the example's own (numbered if taken)."""
        template, text = self.template(), self.name.text().strip()
        return None if template is None or text == template.content(self.lang).name else text

    def template(self) -> PlanTemplate | None:
        row = self.choices.currentRow()
        return self.templates[row] if row >= 0 else None
