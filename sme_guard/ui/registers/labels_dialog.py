"""Print asset labels: which items, which label sheet, from which position on it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sme_guard.exchange.pdf.labels import SHEETS, LabelSheet


class LabelsDialog(QDialog):
    def __init__(self, lang: str, selected: int, parent: QWidget | None = None) -> None:
        """``selected``: how many rows are selected in the register (0: none)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print labels"))
        self.sheet_box = QComboBox()
        for key, sheet in SHEETS.items():
            self.sheet_box.addItem(sheet.name(lang), key)
        self.sheet_box.setCurrentIndex(self.sheet_box.findData("24"))
        self.start_box = QSpinBox()
        self.all_items = QRadioButton(self.tr("Every item in use (not disposed or returned)"))
        self.selected_items = QRadioButton(self.tr("Only the selected rows ({count})").format(count=selected))
        self.selected_items.setEnabled(selected > 0)
        (self.selected_items if selected else self.all_items).setChecked(True)
        self.outlines = QCheckBox(self.tr("Draw the label edges (a test print on plain paper)"))
        form = QFormLayout()
        form.addRow(self.tr("Label sheet"), self.sheet_box)
        form.addRow(self.tr("Start at position"), self.start_box)
        form.addRow(self.all_items)
        form.addRow(self.selected_items)
        form.addRow(self.outlines)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        self._sheet_changed()

    def _sheet_changed(self) -> None:
        # A half-used sheet is fed again from its first free position.
        self.start_box.setRange(1, self.sheet.per_page)

    @property
    def sheet(self) -> LabelSheet:
        return SHEETS[self.sheet_box.currentData()]
