"""緊急連絡網 (3①): the ordered escalation list, and its dated confirmation (3 運用①)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.services import clock, incidents, registers
from sme_guard.services.incidents import Confirmation, ContactLine
from sme_guard.ui import dialogs
from sme_guard.ui.errors import report_error
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import show_problems
from sme_guard.ui.registers.record_form import ERROR_STYLE
from sme_guard.ui.tasks import Runner

OVERDUE_STYLE = "color: #b00020; font-weight: bold;"


class ContactTreeTab(QWidget):
    changed = Signal(object)  # the tree, after every change (the incident pages list it)

    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang, self.runner = lang, runner
        self.database: Database | None = None
        self.lines: list[ContactLine] = []
        self.current_id: int | None = None
        self._loaded_once = False
        self.confirmation_label = QLabel()
        self.confirm_button = QPushButton(self.tr("Confirmed today: it reflects the office"))
        self.print_button = QPushButton(self.tr("Print for the wall…"))
        self.model = PlainTableModel(
            [
                self.tr("Order"),
                self.tr("Role"),
                self.tr("Person"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("Alternate"),
            ],
            self,
        )
        self.table = plain_table_view(self.model)
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.new_button = QPushButton(self.tr("New"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.role = QLineEdit()
        self.person = QComboBox()
        self.alternate = QComboBox()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        for box in (self.phone, self.email):
            box.setPlaceholderText(self.tr("(the employee's, if left empty)"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save"))
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Alternate"), self.alternate)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.error)
        form.addRow(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.confirmation_label, 1)
        top.addWidget(self.confirm_button)
        top.addWidget(self.print_button)
        order = QHBoxLayout()
        for button in (self.new_button, self.up_button, self.down_button, self.delete_button):
            order.addWidget(button)
        order.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(order)
        left.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.confirm_button.clicked.connect(self._confirm)
        self.print_button.clicked.connect(self._print)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.delete_button.clicked.connect(self._delete)
        self.save_button.clicked.connect(self._save)
        self.setEnabled(False)

    def set_database(self, database: Database) -> None:
        """Loads when first needed (shown, or an incident lists the tree): start-up stays fast."""
        self.database = database
        self.setEnabled(True)
        self._loaded_once = False
        if self.isVisible():
            self.reload()

    def refresh(self) -> None:
        """Another screen changed something it shows (an employee's name): reload when seen."""
        self._loaded_once = False
        if self.isVisible():
            self.reload()

    def ensure_loaded(self) -> None:
        if self.database is not None and not self._loaded_once:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def reload(self) -> None:
        database = self.database
        if database is None:
            return
        self._loaded_once = True
        today = clock.today()

        def work() -> tuple[list[ContactLine], Confirmation, list[tuple[int, str]]]:
            people = registers.person_choices(database, active_only=True)
            return incidents.contacts(database), incidents.confirmation(database, today), people

        self.runner.submit(work, lambda result: self._loaded(*result), self._failed)

    def _loaded(
        self, lines: list[ContactLine], confirmation: Confirmation, people: list[tuple[int, str]]
    ) -> None:
        self.lines = lines
        self.model.set_rows(
            [(str(c.position), c.role, c.person, c.phone or "", c.email or "", c.alternate) for c in lines]
        )
        for box in (self.person, self.alternate):
            box.clear()
            box.addItem("", None)
            for person_id, name in people:
                box.addItem(name, person_id)
        if confirmation.confirmed_on is None:
            text = self.tr("Never confirmed: check that the tree reflects the office (point ①).")
        else:
            text = self.tr("Last confirmed {date} by {who}; to be confirmed every {days} days.").format(
                date=confirmation.confirmed_on.isoformat(),
                who=confirmation.confirmed_by or "-",
                days=confirmation.interval_days,
            )
        self.confirmation_label.setText(text)
        self.confirmation_label.setStyleSheet(OVERDUE_STYLE if confirmation.overdue else "")
        row = next((i for i, c in enumerate(lines) if c.id == self.current_id), None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._edit(None)
        self.changed.emit(lines)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._edit(self.lines[rows[0].row()])

    def _edit(self, line: ContactLine | None) -> None:
        self.current_id = line.id if line else None
        self.role.setText(line.role if line else "")
        self.person.setCurrentIndex(max(0, self.person.findData(line.person_id if line else None)))
        self.alternate.setCurrentIndex(max(0, self.alternate.findData(line.alternate_id if line else None)))
        self.phone.setText(line.phone or "" if line else "")
        self.email.setText(line.email or "" if line else "")
        self.error.hide()
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(line is not None)

    def _save(self) -> None:
        database, contact_id = self.database, self.current_id
        assert database is not None
        raw: dict[str, Any] = {
            "role": self.role.text(),
            "person_id": self.person.currentData(),
            "alternate_person_id": self.alternate.currentData(),
            "phone": self.phone.text(),
            "email": self.email.text(),
        }

        def done(saved_id: int) -> None:
            self.current_id = saved_id
            self.reload()

        self.runner.submit(lambda: incidents.save_contact(database, contact_id, raw), done, self._failed)

    def _move(self, offset: int) -> None:
        database, contact_id = self.database, self.current_id
        if database is None or contact_id is None:
            return
        self.runner.submit(
            lambda: incidents.move_contact(database, contact_id, offset),
            lambda _r: self.reload(),
            self._failed,
        )

    def _delete(self) -> None:
        database, contact_id = self.database, self.current_id
        if database is None or contact_id is None:
            return
        if not dialogs.confirm(
            self, self.tr("Contact tree"), self.tr("Remove this person from the contact tree?")
        ):
            return
        self.current_id = None
        self.runner.submit(
            lambda: incidents.delete_contact(database, contact_id), lambda _r: self.reload(), self._failed
        )

    def _confirm(self) -> None:
        database = self.database
        assert database is not None
        today = clock.today()
        self.runner.submit(
            lambda: incidents.confirm_tree(database, today, None), lambda _r: self.reload(), self._failed
        )

    def _print(self) -> None:
        database, lang, today = self.database, self.lang, clock.today()
        assert database is not None
        path = dialogs.save_file(
            self, self.tr("Save the contact tree"), self.tr("contact-tree.pdf"), "PDF (*.pdf)"
        )
        if path is None:
            return

        def work() -> None:
            from sme_guard.exchange.incident_print import print_contact_tree

            print_contact_tree(database, path, lang, today)

        self.runner.submit(work, lambda _r: dialogs.file_written(self, path), self._failed)

    def _failed(self, error: BaseException) -> None:
        names = {
            "role": self.tr("Role"),
            "person_id": self.tr("Person"),
            "alternate_person_id": self.tr("Alternate"),
        }
        if not show_problems(self.error, error, names, self.lang):
            report_error(error, self.lang)
