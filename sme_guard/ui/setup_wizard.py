"""はじめに: the first-start set-up (services/setup.py) as a wizard: the office, its employees,
the recurring checks that apply and when each is first due, the first training checklist.

Each page saves what it asks when the user goes on (one service call each); Cancel skips the
rest, and the set-up is not offered at start again (File → はじめに… opens it any time).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import EmploymentType, PersonRole, label
from sme_guard.domain.registers import PEOPLE
from sme_guard.services import clock, recurring_checks, registers, setup
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.recurring_checks import CheckLine
from sme_guard.services.registers import RecordInvalidError
from sme_guard.ui import dialogs
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.errors import report_error
from sme_guard.ui.icons import icon
from sme_guard.ui.registers.detail_page import error_label
from sme_guard.ui.tasks import Runner


class SetupWizard(QWizard):
    """``import_people`` runs the employees register's Excel import (with its preview); call
    ``people_page.refresh`` when it has written, so the list here shows who was added."""

    set_up = Signal()  # finished or skipped, and recorded

    def __init__(
        self,
        database: Database,
        runner: Runner,
        lang: str,
        import_people: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.setWindowTitle(self.tr("Getting started"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip for now"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.office_page = OfficePage(self)
        self.people_page = PeoplePage(self, import_people)
        self.checks_page = ChecksPage(self)
        self.checklist_page = ChecklistPage(self)
        for page in (self.office_page, self.people_page, self.checks_page, self.checklist_page):
            self.addPage(page)
        self.resize(760, 560)
        self.finished.connect(lambda _code: self._finish())

    def _finish(self) -> None:
        database, lang = self.database, self.lang
        self.runner.submit(
            lambda: setup.finish(database, clock.today()), self.done_, lambda e: report_error(e, lang)
        )

    def done_(self, _result: object = None) -> None:
        """Set-up finished or skipped (the main window refreshes ホーム)."""
        self.set_up.emit()

    def save_then_next(self, page: QWizardPage, work: Callable[[], Any], errors: QLabel) -> bool:
        """``validatePage`` of a page that saves: False until the save succeeded, then the
        wizard moves on by itself (the save runs off the GUI thread)."""
        if page.property("saved"):
            page.setProperty("saved", False)
            return True

        def done(_result: object) -> None:
            page.setProperty("saved", True)
            QTimer.singleShot(0, self.next)

        self.call(work, done, errors)
        return False

    def call(self, work: Callable[[], Any], done: Callable[[Any], None], errors: QLabel) -> None:
        """A service call; its problems listed in ``errors`` (by field), others reported."""

        def failed(error: BaseException) -> None:
            if isinstance(error, DetailInvalidError | RecordInvalidError):
                errors.setText(error.message(self.lang))
                problems = getattr(error, "problems", {})
                if problems:
                    errors.setText(
                        "\n".join(
                            f"{self._field_name(k)}: {p.message(self.lang)}" for k, p in problems.items()
                        )
                    )
                errors.show()
                return
            report_error(error, self.lang)

        def succeeded(result: Any) -> None:
            errors.hide()
            done(result)

        self.runner.submit(work, succeeded, failed)

    def _field_name(self, key: str) -> str:
        names = {"name": self.tr("Name")}
        if key.startswith("first_due_on."):
            check_id = int(key.split(".", 1)[1])
            line = next((line for line in self.checks_page.lines if line.id == check_id), None)
            return line.title(self.lang) if line else key
        try:
            return PEOPLE.column(key).label(self.lang)
        except KeyError:
            return names.get(key, key)


class OfficePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(
            self.tr("SME Guard prints these on labels, checklists and reports. You can change them later.")
        )
        self.name = QLineEdit()
        self.representative = QLineEdit()
        self.manager = QLineEdit()
        self.name.setAccessibleName(self.tr("Office name"))
        self.errors = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Office name *"), self.name)
        form.addRow(self.tr("Representative"), self.representative)
        form.addRow(self.tr("Who runs SME Guard"), self.manager)
        form.addRow(self.errors)
        database = wizard.database
        wizard.runner.submit(
            lambda: setup.office(database), self._shown, lambda e: report_error(e, wizard.lang)
        )

    def _shown(self, office: setup.Office) -> None:
        self.name.setText(office.name)
        self.representative.setText(office.representative)
        self.manager.setText(office.manager)

    def validatePage(self) -> bool:
        database = self.wizard_.database
        raw = {
            "name": self.name.text(),
            "representative": self.representative.text(),
            "manager": self.manager.text(),
        }
        return self.wizard_.save_then_next(self, lambda: setup.save_office(database, raw), self.errors)


class PeoplePage(QWizardPage):
    def __init__(self, wizard: SetupWizard, import_people: Callable[[], None] | None) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Employees"))
        self.setSubTitle(
            self.tr(
                "Everyone who works here, including part-time and dispatched staff. Type them one by "
                "one, or take them from your Excel list (a sheet with the columns 氏名, 雇用形態, 役割)."
            )
        )
        self.name = QLineEdit()
        self.kana = QLineEdit()
        self.department = QLineEdit()
        self.employment = QComboBox()
        self.employment.addItem(self.tr("(choose)"), None)
        for member in EmploymentType:
            self.employment.addItem(label(member, wizard.lang), member.value)
        self.role = QComboBox()
        for role in PersonRole:
            self.role.addItem(label(role, wizard.lang), role.value)
        self.role.setCurrentIndex(self.role.findData(PersonRole.EMPLOYEE.value))
        self.add_button = QPushButton(icon("user-plus"), self.tr("Add"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setEnabled(import_people is not None)
        self.people = QListWidget()
        self.errors = error_label()
        form = QFormLayout()
        form.addRow(PEOPLE.column("name").label(wizard.lang) + " *", self.name)
        form.addRow(PEOPLE.column("kana").label(wizard.lang), self.kana)
        form.addRow(PEOPLE.column("department").label(wizard.lang), self.department)
        form.addRow(PEOPLE.column("employment_type").label(wizard.lang) + " *", self.employment)
        form.addRow(PEOPLE.column("role").label(wizard.lang) + " *", self.role)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Registered so far:")))
        layout.addWidget(self.people, 1)
        self.add_button.clicked.connect(self.add_person)
        self.name.returnPressed.connect(self.add_person)
        if import_people is not None:
            self.import_button.clicked.connect(import_people)

    def initializePage(self) -> None:
        self.refresh()
        manager = self.wizard_.office_page.manager.text().strip()
        if manager and not self.name.text():
            self.name.setText(manager)  # the first employee is often the one setting up

    def refresh(self) -> None:
        database = self.wizard_.database
        self.wizard_.runner.submit(
            lambda: registers.person_choices(database),
            self._listed,
            lambda e: report_error(e, self.wizard_.lang),
        )

    def _listed(self, people: list[tuple[int, str]]) -> None:
        self.people.clear()
        self.people.addItems([name for _id, name in people])

    def add_person(self) -> None:
        database = self.wizard_.database
        raw = {
            "name": self.name.text(),
            "kana": self.kana.text(),
            "department": self.department.text(),
            "employment_type": self.employment.currentData(),
            "role": self.role.currentData(),
        }

        def done(_id: int) -> None:
            for field in (self.name, self.kana):
                field.clear()
            self.name.setFocus()
            self.refresh()

        self.wizard_.call(lambda: registers.save_record(database, PEOPLE, None, raw), done, self.errors)


class ChecksPage(QWizardPage):
    """Which recurring checks apply, and when each falls due the first time."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.lines: list[CheckLine] = []
        self.rows: dict[int, tuple[QCheckBox, QLineEdit]] = {}
        self.setTitle(self.tr("Recurring checks"))
        self.setSubTitle(
            self.tr(
                "The guideline asks for these regularly. Untick what does not apply to your office, "
                "and choose when each is due the first time (spread out from today; nothing is "
                "overdue on the first day)."
            )
        )
        self.grid = QGridLayout()
        headers = (self.tr("Check"), self.tr("Every"), self.tr("First due"))
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.errors = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)

    def initializePage(self) -> None:
        database = self.wizard_.database
        today = clock.today()

        def work() -> list[CheckLine]:
            recurring_checks.ensure_defaults(database, today=today)
            return recurring_checks.checks(database, today)

        self.wizard_.runner.submit(work, self._shown, lambda e: report_error(e, self.wizard_.lang))

    def _shown(self, lines: list[CheckLine]) -> None:
        self.lines = lines
        for row, line in enumerate(lines, 1):
            if line.id in self.rows:
                continue
            box = QCheckBox(line.title(self.wizard_.lang))
            box.setChecked(line.enabled)
            first = QLineEdit(line.first_due_on.isoformat() if line.first_due_on else "")
            first.setAccessibleName(self.tr("First due"))
            add_calendar(first)
            if line.last_done_on is not None:  # done already: it is due from that
                first.setEnabled(False)
            self.grid.addWidget(box, row, 0)
            self.grid.addWidget(QLabel(self.tr("{days} days").format(days=line.interval_days)), row, 1)
            self.grid.addWidget(first, row, 2)
            self.rows[line.id] = (box, first)
        self.grid.setRowStretch(len(lines) + 1, 1)  # the rows stay together at the top

    def validatePage(self) -> bool:
        database = self.wizard_.database
        choices = {check_id: (box.isChecked(), first.text()) for check_id, (box, first) in self.rows.items()}
        return self.wizard_.save_then_next(
            self, lambda: recurring_checks.plan_first_checks(database, choices), self.errors
        )


class ChecklistPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("First training"))
        self.setSubTitle(
            self.tr(
                "Go through the guideline with your staff: print the training checklist (every "
                "control item and task sheet, blank to fill in by hand)."
            )
        )
        self.print_button = QPushButton(self.tr("Save the training checklist as PDF…"))
        self.print_button.clicked.connect(self.save_checklist)
        after = QLabel(
            self.tr(
                "After Finish, ホーム lists the next steps (employees, assets, cloud services and "
                "accounts, the contact tree, an IT continuity plan, the first self-assessment) until "
                "each has its first record. File → Getting started… opens this again."
            )
        )
        after.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.print_button)
        layout.addWidget(after)
        layout.addStretch(1)

    def save_checklist(self) -> None:
        path = dialogs.save_file(self, self.tr("Save the checklist"), self.tr("checklist.pdf"), "PDF (*.pdf)")
        if path is None:
            return
        database, lang = self.wizard_.database, self.wizard_.lang

        def build() -> Path:
            from sme_guard.exchange.assessment_print import print_checklist

            print_checklist(database, path, lang, clock.today())
            return path

        self.wizard_.runner.submit(
            build, lambda written: dialogs.file_written(self, written), lambda e: report_error(e, lang)
        )
