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
    def __init__(self, lang: str, current_number: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print labels"))
        self.sheet_box = QComboBox()
        for key, sheet in SHEETS.items():
            self.sheet_box.addItem(sheet.name(lang), key)
        self.sheet_box.setCurrentIndex(self.sheet_box.findData("24"))
        self.start_box = QSpinBox()
        self.all_items = QRadioButton(self.tr("Every item in use (not disposed or returned)"))
        self.current_item = QRadioButton(self.tr("Only {number}").format(number=current_number or ""))
        self.current_item.setEnabled(current_number is not None)
        (self.current_item if current_number else self.all_items).setChecked(True)
        self.outlines = QCheckBox(self.tr("Draw the label edges (a test print on plain paper)"))
        form = QFormLayout()
        form.addRow(self.tr("Label sheet"), self.sheet_box)
        form.addRow(self.tr("Start at position"), self.start_box)
        form.addRow(self.all_items)
        form.addRow(self.current_item)
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
