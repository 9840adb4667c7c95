"""Dialogs for the guideline's workflows: disposal, settings check, an employee leaving or
moving to another department."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import label
from sme_guard.domain.registers import ACCOUNTS, DEVICE_SECURITY_SETTINGS, DEVICES, MEDIA, PEOPLE, Register
from sme_guard.services import registers, workflows
from sme_guard.services.registers import Holding, RecordInvalidError
from sme_guard.services.values import Problem, ValueProblemError, parse_date
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.errors import report_error
from sme_guard.ui.registers.record_form import ERROR_STYLE, RecordForm
from sme_guard.ui.tasks import Runner

DISPOSAL_KEYS = [c.key for c in MEDIA.columns if c.key.startswith("disposal_")]


class DisposeDialog(QDialog):
    """9② / 運用②③: how the medium was made unreadable; warns on NAND flash."""

    def __init__(
        self,
        database: Database,
        runner: Runner,
        medium_id: int,
        record: dict[str, Any],
        lang: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        """``record`` is the medium as the register tab has loaded it."""
        super().__init__(parent)
        self.database, self.runner, self.medium_id, self.lang = database, runner, medium_id, lang
        self.setWindowTitle(self.tr("Dispose of a storage medium"))
        self.nand_flash = bool(record["nand_flash"])
        intro = QLabel(
            self.tr(
                "Medium {number}: record how the stored information was made unreadable (control 9②). "
                "After magnetic erasure, check that the data is gone before disposal (point ②)."
            ).format(number=record["asset_number"])
        )
        intro.setWordWrap(True)
        self.form = RecordForm(MEDIA, lang, keys=DISPOSAL_KEYS)
        self.form.set_values(
            {k: v for k, v in record.items() if k in DISPOSAL_KEYS} | {"disposal_disposed_on": today}
        )
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record disposal"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._update_warning)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._update_warning()

    def _update_warning(self) -> None:
        method = self.form.values().get("disposal_method")
        warning = workflows.disposal_warning(self.nand_flash, method)
        self.warning.setVisible(warning is not None)
        self.warning.setText(warning.message(self.lang) if warning else "")

    def _save(self) -> None:
        values = self.form.values()
        database, medium_id = self.database, self.medium_id
        self.runner.submit(
            lambda: workflows.dispose_medium(database, medium_id, values), self._done, self._failed
        )

    def _done(self, _result: object) -> None:
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RecordInvalidError):
            self.form.show_problems(error.problems)
        else:
            report_error(error, self.lang)


SETTING_KEYS = [*DEVICE_SECURITY_SETTINGS, "jailbreak", "autolink"]


class SettingsCheckDialog(QDialog):
    """10 運用②: tick each setting confirmed on the device; each gets today's date."""

    def __init__(self, device_number: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings check"))
        intro = QLabel(
            self.tr(
                "Device {number}: tick what you confirmed on the device today (control 10②③④⑤, "
                "point ①). Unticked items keep their previous state."
            ).format(number=device_number)
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        extra = {
            "jailbreak": self.tr("Not jailbroken or rooted (10②)"),
            "autolink": self.tr("Automatic links to location, SNS and address book checked (point ①)"),
        }
        for key in SETTING_KEYS:
            text = extra.get(key) or DEVICES.column(key).label(lang)
            box = QCheckBox(text)
            box.setObjectName(key)
            self.boxes[key] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def confirmed(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]


def describe(holding: Holding, lang: str) -> str:
    """ "アカウント 会計システム yamada (有効)": what is held, by register, name and status."""
    status = holding.register.status_codes
    status_text = label(status(holding.status), lang) if status else holding.status
    return f"{holding.register.label(lang)} {holding.name} ({status_text})"


class _PersonDialog(QDialog):
    """What leaving and a transfer share: an employee's items listed, read again after each
    action on one of them."""

    def __init__(
        self,
        database: Database,
        runner: Runner,
        person_id: int,
        person: dict[str, Any],
        lang: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        """``person`` is the employee as the register tab has loaded them."""
        super().__init__(parent)
        self.database, self.runner, self.person_id, self.lang, self.today = (
            database,
            runner,
            person_id,
            lang,
            today,
        )
        self._build(person)

    def _build(self, person: dict[str, Any]) -> None:
        """The dialog's widgets (``_frame``), then the first load."""
        raise NotImplementedError

    def _frame(self, field: str, editor: QLineEdit, button: QPushButton, title: str) -> QGridLayout:
        """The person's field with its button (and an error line under it) above a box listing
        their items; returns the box's grid."""
        self.field_error = QLabel()
        self.field_error.setStyleSheet(ERROR_STYLE)
        self.field_error.hide()
        top = QGridLayout()
        top.addWidget(QLabel(PEOPLE.column(field).label(self.lang)), 0, 0)
        top.addWidget(editor, 0, 1)
        top.addWidget(button, 0, 2)
        top.addWidget(self.field_error, 1, 1, 1, 2)
        box = QGroupBox(title)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(box)
        layout.addWidget(close)
        return QGridLayout(box)

    def _items(self) -> list[Holding]:
        """What the dialog lists (run off the GUI thread)."""
        raise NotImplementedError

    def _show(self, items: list[Holding]) -> None:
        raise NotImplementedError

    @staticmethod
    def _clear(layout: QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()

    def _then_refresh(self, work: Any) -> None:
        self.runner.submit(
            work, lambda _result: self.runner.submit(self._items, self._show, self._failed), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.lang)


class LeaverDialog(_PersonDialog):
    """5 運用①: record the leaving date, then return or hand over each item still held."""

    def _build(self, person: dict[str, Any]) -> None:
        database, person_id = self.database, self.person_id
        self.setWindowTitle(self.tr("Employee leaving: {name}").format(name=person["name"]))
        self.date_edit = QLineEdit((person["left_on"] or self.today).isoformat())
        add_calendar(self.date_edit)
        self.leave_button = QPushButton(self.tr("Record leaving date"))
        self.holdings_layout = self._frame(
            "left_on",
            self.date_edit,
            self.leave_button,
            self.tr("Still held (return it, or hand it over to a colleague)"),
        )
        self.date_error = self.field_error
        self.leave_button.clicked.connect(self._record_leaving)
        self.colleagues: list[tuple[int, str]] = []

        def load() -> tuple[list[tuple[int, str]], list[Holding]]:
            colleagues = registers.person_choices(database, active_only=True)
            return [c for c in colleagues if c[0] != person_id], workflows.holdings(database, person_id)

        self.runner.submit(load, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[tuple[int, str]], list[Holding]]) -> None:
        self.colleagues, held = result
        self._show(held)

    def _record_leaving(self) -> None:
        try:
            left_on = parse_date(self.date_edit.text())
        except ValueProblemError as exc:
            self._date_problem(exc.problem)
            return
        if left_on is None:
            self._date_problem(Problem("入力してください", "required"))
            return
        self.date_error.hide()
        database, person_id = self.database, self.person_id
        self.runner.submit(
            lambda: workflows.mark_left(database, person_id, left_on), self._show, self._failed
        )

    def _date_problem(self, problem: Problem) -> None:
        self.date_error.setText(problem.message(self.lang))
        self.date_error.show()

    def _items(self) -> list[Holding]:
        return workflows.holdings(self.database, self.person_id)

    def _show(self, held: list[Holding]) -> None:
        self._clear(self.holdings_layout)
        self.rows: dict[str, tuple[QPushButton, QComboBox, QPushButton]] = {}
        self.account_buttons: dict[str, QPushButton] = {}  # "system login" -> Disable
        if not held:
            self.holdings_layout.addWidget(QLabel(self.tr("Nothing is held any more.")), 0, 0)
            return
        for row, holding in enumerate(held):
            self.holdings_layout.addWidget(QLabel(describe(holding, self.lang)), row, 0)
            if holding.register is ACCOUNTS:
                # An ID is one person's (5③): it is disabled, never handed over.
                disable = QPushButton(self.tr("Disable"))
                disable.clicked.connect(partial(self._return, holding.register, holding.record_id))
                self.holdings_layout.addWidget(disable, row, 1)
                self.account_buttons[holding.name] = disable
                continue
            give_back = QPushButton(self.tr("Returned"))
            colleague = QComboBox()
            for pid, name in self.colleagues:
                colleague.addItem(name, pid)
            hand_over = QPushButton(self.tr("Hand over"))
            hand_over.setEnabled(bool(self.colleagues))
            give_back.clicked.connect(partial(self._return, holding.register, holding.record_id))
            hand_over.clicked.connect(
                partial(self._hand_over, holding.register, holding.record_id, colleague)
            )
            self.holdings_layout.addWidget(give_back, row, 1)
            self.holdings_layout.addWidget(colleague, row, 2)
            self.holdings_layout.addWidget(hand_over, row, 3)
            self.rows[holding.name] = (give_back, colleague, hand_over)

    def _return(self, register: Register, record_id: int) -> None:
        database, today = self.database, self.today
        self._then_refresh(lambda: workflows.return_item(database, register, record_id, today))

    def _hand_over(self, register: Register, record_id: int, colleague: QComboBox) -> None:
        database, person = self.database, colleague.currentData()
        self._then_refresh(lambda: workflows.reassign_item(database, register, record_id, person))


class TransferDialog(_PersonDialog):
    """5 運用①: a move to another department; each of the person's accounts is reviewed —
    disabled, or kept as it is (its review date becomes today)."""

    def _build(self, person: dict[str, Any]) -> None:
        self.setWindowTitle(self.tr("Transfer: {name}").format(name=person["name"]))
        self.department_edit = QLineEdit(person.get("department") or "")
        self.transfer_button = QPushButton(self.tr("Record new department"))
        self.accounts_layout = self._frame(
            "department",
            self.department_edit,
            self.transfer_button,
            self.tr("Accounts to review (disable, or keep as they are)"),
        )
        self.transfer_button.clicked.connect(self._record_transfer)
        self.kept: set[int] = set()  # reviewed in this dialog and kept
        self.rows: dict[str, tuple[QPushButton, QPushButton]] = {}  # "system login" -> (Disable, Keep)
        self.runner.submit(self._items, self._show, self._failed)

    def _items(self) -> list[Holding]:
        return workflows.accounts(self.database, self.person_id)

    def _record_transfer(self) -> None:
        database, person_id, department = self.database, self.person_id, self.department_edit.text().strip()
        self.runner.submit(
            lambda: workflows.record_transfer(database, person_id, department), self._show, self._failed
        )

    def _show(self, accounts: list[Holding]) -> None:
        self._clear(self.accounts_layout)
        self.rows = {}
        if not accounts:
            self.accounts_layout.addWidget(QLabel(self.tr("No active accounts.")), 0, 0)
            return
        for row, account in enumerate(accounts):
            self.accounts_layout.addWidget(QLabel(describe(account, self.lang)), row, 0)
            if account.record_id in self.kept:
                self.accounts_layout.addWidget(QLabel(self.tr("Kept (reviewed today)")), row, 1, 1, 2)
                continue
            disable, keep = QPushButton(self.tr("Disable")), QPushButton(self.tr("Keep"))
            disable.clicked.connect(partial(self._disable, account.record_id))
            keep.clicked.connect(partial(self._keep, account.record_id))
            self.accounts_layout.addWidget(disable, row, 1)
            self.accounts_layout.addWidget(keep, row, 2)
            self.rows[account.name] = (disable, keep)

    def _disable(self, account_id: int) -> None:
        database, today = self.database, self.today
        self._then_refresh(lambda: workflows.return_item(database, ACCOUNTS, account_id, today))

    def _keep(self, account_id: int) -> None:
        database, today = self.database, self.today

        def kept(_result: object) -> None:  # marked kept only once the review is saved
            self.kept.add(account_id)
            self.runner.submit(self._items, self._show, self._failed)

        self.runner.submit(
            lambda: workflows.mark_reviewed(database, ACCOUNTS, account_id, today), kept, self._failed
        )
