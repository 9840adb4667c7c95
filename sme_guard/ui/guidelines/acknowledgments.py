"""Who acknowledged which version of a guideline when: a table of the employees who have not
left, the list of those who have not acknowledged the current version, and the dialog that
records acknowledgments from the signed slips."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sme_guard.services.details import DetailInvalidError
from sme_guard.services.staff_guidelines import PersonStatus, VersionInfo
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.guidelines.editor import plain_label, show_error
from sme_guard.ui.headers import full_names
from sme_guard.ui.plain_table_model import PlainTableModel
from sme_guard.ui.registers.detail_page import error_label


class AcknowledgmentModel(PlainTableModel):
    """The employees' acknowledgment status (a snapshot), optionally only those who have not
    acknowledged the current version; those are shown in red."""

    def __init__(self, parent: Any = None) -> None:
        translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
        headers = [
            translate("AcknowledgmentModel", "Employee"),
            translate("AcknowledgmentModel", "Department"),
            translate("AcknowledgmentModel", "Version acknowledged"),
            translate("AcknowledgmentModel", "Acknowledged on"),
            translate("AcknowledgmentModel", "Current version"),
        ]
        super().__init__(headers, parent)
        self.all_statuses: list[PersonStatus] = []
        self.statuses: list[PersonStatus] = []  # as shown
        self.only_missing = False

    def set_statuses(self, statuses: Sequence[PersonStatus], only_missing: bool | None = None) -> None:
        self.all_statuses = list(statuses)
        if only_missing is not None:
            self.only_missing = only_missing
        self.statuses = [s for s in self.all_statuses if not (self.only_missing and s.current)]
        self.set_rows(
            [self._texts(s) for s in self.statuses],
            alerts={row for row, status in enumerate(self.statuses) if not status.current},
        )

    def set_only_missing(self, only_missing: bool) -> None:
        self.set_statuses(self.all_statuses, only_missing)

    def status_at(self, row: int) -> PersonStatus | None:
        return self.statuses[row] if 0 <= row < len(self.statuses) else None

    @staticmethod
    def _texts(status: PersonStatus) -> tuple[str, ...]:
        translate = QCoreApplication.translate
        version = (
            ""
            if status.version is None
            else translate("AcknowledgmentModel", "Version {number}").format(number=status.version)
        )
        return (
            status.name,
            status.department or "",
            version,
            status.acknowledged_on.isoformat() if status.acknowledged_on else "",
            translate("AcknowledgmentModel", "Yes")
            if status.current
            else translate("AcknowledgmentModel", "Not yet"),
        )


class AcknowledgmentsPage(QWidget):
    record_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label()
        self.only_missing = QCheckBox(self.tr("Only those who have not acknowledged the current version"))
        self.model = AcknowledgmentModel(self)
        self.view = full_names(QTableView())
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)
        self.record_button = QPushButton(self.tr("Record acknowledgment…"))
        self.remove_button = QPushButton(self.tr("Remove acknowledgment"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected employee's latest acknowledgment, when it was recorded by mistake")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_missing)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.only_missing.toggled.connect(self._filter)
        self.record_button.clicked.connect(self.record_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.current: VersionInfo | None = None
        self._update_buttons()

    def show_status(self, current: VersionInfo | None, statuses: Sequence[PersonStatus]) -> None:
        self.current = current
        missing = sum(1 for s in statuses if not s.current)
        if current is None or current.issued_on is None:
            self.summary.setText(
                self.tr(
                    "No version has been issued yet. Issue one on the Versions page, print it with "
                    "its acknowledgment slip, then record here who signed it."
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Current version: version {number}, issued on {date}. "
                    "{missing} of {total} employees have not acknowledged it yet."
                ).format(
                    number=current.version,
                    date=current.issued_on.isoformat(),
                    missing=missing,
                    total=len(statuses),
                )
            )
        self.model.set_statuses(statuses)
        self._update_buttons()

    def _filter(self, only_missing: bool) -> None:
        self.model.set_only_missing(only_missing)
        self._update_buttons()

    def selected(self) -> PersonStatus | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.status_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(self.current is not None)
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None and chosen.acknowledgment_id is not None)


class RecordAcknowledgmentDialog(QDialog):
    """Who signed the slip of which version, and when. Those who have not acknowledged the
    current version are ticked to start with."""

    save_requested = Signal()  # the tab saves off the GUI thread and closes the dialog when done

    def __init__(
        self,
        issued: Sequence[VersionInfo],
        statuses: Sequence[PersonStatus],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record acknowledgment"))
        self.resize(560, 520)
        self.version = QComboBox()
        for info in issued:  # newest first: the current version is the default
            self.version.addItem(self.version_text(info), info.id)
        self.people = QListWidget()
        for status in statuses:
            item = QListWidgetItem(status.name)
            item.setData(Qt.ItemDataRole.UserRole, status.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if status.current else Qt.CheckState.Checked)
            self.people.addItem(item)
        self.all_button = QPushButton(self.tr("Tick all"))
        self.none_button = QPushButton(self.tr("Tick none"))
        self.all_button.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        self.people_error = error_label()
        self.acknowledged_on = QLineEdit(today.isoformat())
        add_calendar(self.acknowledged_on)
        self.date_error = error_label()
        self.errors = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Version *"), self.version)
        people = QVBoxLayout()
        people.addWidget(self.people)
        people.addLayout(ticks)
        people.addWidget(self.people_error)
        form.addRow(self.tr("Employees *"), people)
        form.addRow(self.tr("Acknowledged on *"), self.acknowledged_on)
        form.addRow("", self.date_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("Tick the employees whose signed acknowledgment slip you have received."))
        )
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save_requested)
        self.buttons.rejected.connect(self.reject)

    def version_text(self, info: VersionInfo) -> str:
        issued = info.issued_on.isoformat() if info.issued_on else ""
        return self.tr("Version {number} (issued on {date}) — {title}").format(
            number=info.version, date=issued, title=info.title
        )

    def _tick(self, state: Qt.CheckState) -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item is not None:
                item.setCheckState(state)

    def guideline_id(self) -> int:
        return int(self.version.currentData())

    def person_ids(self) -> list[int]:
        items = (self.people.item(row) for row in range(self.people.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def show_problems(self, error: BaseException, lang: str) -> bool:
        """Each problem under its field; False when ``error`` is not one."""
        if not isinstance(error, DetailInvalidError):
            return False
        problems = dict(error.problems)
        people, day = problems.pop("people", None), problems.pop("acknowledged_on", None)
        show_error(self.people_error, people.message(lang) if people else None)
        show_error(self.date_error, day.message(lang) if day else None)
        show_error(self.errors, "\n".join(p.message(lang) for p in problems.values()) or None)
        return True
