"""A calendar button on a typed date field: what is typed stays as it is (2026/4/1, 令和8年4月1日
and the other forms services/values.py reads); the calendar opens on the typed date and writes
the picked one in ISO form (a time already typed after it is kept)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from sme_guard.services.values import ValueProblemError, parse_date, parse_datetime
from sme_guard.ui.icons import icon


class CalendarPopup(QWidget):
    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self.pick)
        self.calendar.activated.connect(self.pick)

    def pick(self, picked: QDate) -> None:
        text = self.field.text()
        time = ""
        try:
            moment = parse_datetime(text) if " " in text.strip() else None
        except ValueProblemError:
            moment = None
        if moment is not None and (moment.hour or moment.minute):
            time = moment.astimezone().strftime(" %H:%M")
        self.field.setText(picked.toString("yyyy-MM-dd") + time)
        self.field.textEdited.emit(self.field.text())  # as if typed: the form marks itself changed
        self.hide()


def _typed_date(text: str) -> date | None:
    try:
        return parse_date(text.split(" ")[0]) if text.strip() else None
    except ValueProblemError:
        return None


def add_calendar(field: QLineEdit) -> CalendarPopup:
    """Give ``field`` a calendar button (its tooltip says so) and return the popup."""
    popup = CalendarPopup(field)
    action = field.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("DateField", "Pick from a calendar"))
    action.setObjectName("calendar")

    def show() -> None:
        typed = _typed_date(field.text())
        if typed is not None:
            popup.calendar.setSelectedDate(QDate(typed.year, typed.month, typed.day))
        popup.adjustSize()
        popup.move(field.mapToGlobal(QPoint(0, field.height())))
        popup.show()
        popup.calendar.setFocus()

    action.triggered.connect(show)
    field.setProperty("calendar", True)
    return popup
