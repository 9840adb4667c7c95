"""Print asset labels: which items, which label sheet (its dimensions as the office measured
them), and from which position on it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sme_guard.ui.registers.record_form import ERROR_STYLE

if TYPE_CHECKING:  # reportlab is imported when printing, not when the window opens
    from sme_guard.exchange.pdf.labels import LabelSheet


class LabelsDialog(QDialog):
    def __init__(
        self, lang: str, sheets: dict[str, LabelSheet], selected: int, parent: QWidget | None = None
    ) -> None:
        """``sheets``: the office's label sheets by key; ``selected``: rows selected (0: none)."""
        super().__init__(parent)
        self.sheets = sheets
        self.setWindowTitle(self.tr("Print labels"))
        self.sheet_box = QComboBox()
        for key, sheet in sheets.items():
            self.sheet_box.addItem(sheet.name(lang), key)
        self.sheet_box.setCurrentIndex(max(0, self.sheet_box.findData("24")))
        self.start_box = QSpinBox()
        self.all_items = QRadioButton(self.tr("Every item in use (not disposed or returned)"))
        self.selected_items = QRadioButton(self.tr("Only the selected rows ({count})").format(count=selected))
        self.selected_items.setEnabled(selected > 0)
        (self.selected_items if selected else self.all_items).setChecked(True)
        self.outlines = QCheckBox(self.tr("Draw the label edges (a test print on plain paper)"))
        captions = {
            "label_width_mm": self.tr("Label width"),
            "label_height_mm": self.tr("Label height"),
            "left_mm": self.tr("Left margin"),
            "top_mm": self.tr("Top margin"),
            "column_gap_mm": self.tr("Gap between columns"),
            "row_gap_mm": self.tr("Gap between rows"),
        }
        self.dimensions: dict[str, QDoubleSpinBox] = {}
        sizes = QGroupBox(self.tr("Sheet dimensions in mm (kept for this sheet)"))
        sizes_form = QFormLayout(sizes)
        for name in captions:
            box = QDoubleSpinBox()
            box.setRange(0, 297)
            box.setDecimals(1)
            box.setSingleStep(0.1)
            self.dimensions[name] = box
            sizes_form.addRow(captions[name], box)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Label sheet"), self.sheet_box)
        form.addRow(self.tr("Start at position"), self.start_box)
        form.addRow(self.all_items)
        form.addRow(self.selected_items)
        form.addRow(self.outlines)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sizes)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        self._sheet_changed()
        self.sheet: LabelSheet = self.sheets[self.sheet_box.currentData()]

    def _sheet_changed(self) -> None:
        sheet = self.sheets[self.sheet_box.currentData()]
        # A half-used sheet is fed again from its first free position.
        self.start_box.setRange(1, sheet.per_page)
        for name, box in self.dimensions.items():
            box.setValue(getattr(sheet, name))

    def _accept(self) -> None:
        base = self.sheets[self.sheet_box.currentData()]
        try:
            measured: dict[str, Any] = {name: box.value() for name, box in self.dimensions.items()}
            self.sheet = replace(base, **measured)
        except ValueError as exc:  # the layout does not fit on A4
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
