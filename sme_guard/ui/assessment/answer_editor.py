"""Widgets shared by the measure and sheet answers: a status choice, an owner, a date."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QRadioButton, QWidget

from sme_guard.domain.codes import MeasureStatus, label


class StatusChoice(QWidget):
    """実施済 / 一部実施 / 未実施 (/ 対象外) as radio buttons: one click per answer."""

    def __init__(self, statuses: Sequence[MeasureStatus], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for status in statuses:
            button = QRadioButton(label(status, lang))
            button.setObjectName(status.value)
            self.group.addButton(button)
            self.buttons[status.value] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> str | None:
        checked = self.group.checkedButton()
        return checked.objectName() if checked else None

    def set_value(self, status: str) -> None:
        button = self.buttons.get(status)
        if button is not None:
            button.setChecked(True)


def people_box(people: Sequence[tuple[int, str]], blank: str, current: int | None) -> QComboBox:
    box = QComboBox()
    fill_people(box, people, blank, current)
    return box


def fill_people(box: QComboBox, people: Sequence[tuple[int, str]], blank: str, current: int | None) -> None:
    box.blockSignals(True)
    box.clear()
    box.addItem(blank, None)
    for person_id, name in people:
        box.addItem(name, person_id)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
