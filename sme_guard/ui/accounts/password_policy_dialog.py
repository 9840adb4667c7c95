"""パスワード方針: the office's password policy (5⑥; sheet No.6: ルール化), kept in the database."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.password_policy import PasswordPolicy, weaker_than_guideline
from sme_guard.services import clock
from sme_guard.services import password_policy as policies
from sme_guard.services.details import DetailInvalidError
from sme_guard.ui.errors import report_error
from sme_guard.ui.registers.detail_page import error_label
from sme_guard.ui.registers.record_form import ERROR_STYLE
from sme_guard.ui.tasks import Runner

WARNING_STYLE = "color: #8a5a00;"


class PasswordPolicyDialog(QDialog):
    """Loads and saves off the GUI thread; a refused value is named under its field."""

    def __init__(self, database: Database, runner: Runner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.setWindowTitle(self.tr("Password policy"))
        self.min_length = QSpinBox()
        self.min_length.setRange(*policies.MIN_LENGTH_RANGE)
        self.min_length.setSuffix(self.tr(" characters"))
        self.require_upper = QCheckBox(self.tr("Uppercase letters (A–Z)"))
        self.require_lower = QCheckBox(self.tr("Lowercase letters (a–z)"))
        self.require_digits = QCheckBox(self.tr("Digits (0–9)"))
        self.require_symbols = QCheckBox(self.tr("Symbols (! # $ % && …)"))  # "&&" shows one "&"
        self.change_months = QSpinBox()
        self.change_months.setRange(*policies.CHANGE_MONTHS_RANGE)
        self.change_months.setSuffix(self.tr(" months"))
        # 0 reads as words, not as "0 months".
        self.change_months.setSpecialValueText(self.tr("No scheduled change"))
        self.errors = {"min_length": error_label(), "change_interval_months": error_label()}
        self.flags_error = error_label()
        self.guideline_hint = QLabel(
            self.tr(
                "Control 5⑥ gives as an example: at least 12 characters, combining uppercase letters, "
                "lowercase letters, digits and symbols, changed once every 3 months."
            )
        )
        self.guideline_hint.setWordWrap(True)
        self.weaker = QLabel()
        self.weaker.setWordWrap(True)
        self.weaker.setStyleSheet(WARNING_STYLE)
        self.changed_on = QLabel()
        self.changed_on.setStyleSheet("color: palette(placeholder-text);")
        self.restore_button = QPushButton(self.tr("Use the guideline's example"))

        contains = QVBoxLayout()
        for box in self._flag_boxes():
            contains.addWidget(box)
        contains.addWidget(self.flags_error)
        form = QFormLayout()
        form.addRow(self.tr("Minimum length"), self.min_length)
        form.addRow("", self.errors["min_length"])
        form.addRow(self.tr("Must contain"), contains)
        form.addRow(self.tr("Change every"), self.change_months)
        form.addRow("", self.errors["change_interval_months"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self._fill(policies.guideline_values()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.guideline_hint)
        layout.addLayout(form)
        layout.addWidget(self.weaker)
        layout.addWidget(self.changed_on)
        layout.addWidget(self.buttons)
        for box in self._flag_boxes():
            box.toggled.connect(self._update_weaker)
        for spin in (self.min_length, self.change_months):
            spin.valueChanged.connect(self._update_weaker)
        self._set_enabled(False)
        self.resize(520, self.sizeHint().height())

        def load() -> tuple[PasswordPolicy, date | None]:
            return policies.load_policy(database), policies.policy_changed_on(database)

        runner.submit(load, self._loaded, self._load_failed)

    def _flag_boxes(self) -> list[QCheckBox]:
        return [self.require_upper, self.require_lower, self.require_digits, self.require_symbols]

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.min_length, self.change_months, self.restore_button, *self._flag_boxes()):
            widget.setEnabled(enabled)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(enabled)

    def _load_failed(self, error: BaseException) -> None:
        report_error(error, self.lang)
        if isinstance(error, DetailInvalidError):
            # A stored value cannot be read (edited outside the app): offer the example to save.
            self._fill(policies.guideline_values())
            self._set_enabled(True)

    def _loaded(self, loaded: tuple[PasswordPolicy, date | None]) -> None:
        policy, changed_on = loaded
        self._fill({field: getattr(policy, field) for field in policies.FIELDS})
        self.changed_on.setText(
            self.tr("Last changed on {date}.").format(date=changed_on.isoformat())
            if changed_on
            else self.tr("Not changed yet: this is the guideline's example.")
        )
        self._set_enabled(True)

    def _fill(self, values: dict[str, Any]) -> None:
        self.min_length.setValue(int(values["min_length"]))
        self.change_months.setValue(int(values["change_interval_months"]))
        self.require_upper.setChecked(bool(values["require_upper"]))
        self.require_lower.setChecked(bool(values["require_lower"]))
        self.require_digits.setChecked(bool(values["require_digits"]))
        self.require_symbols.setChecked(bool(values["require_symbols"]))

    def values(self) -> dict[str, Any]:
        return {
            "min_length": self.min_length.value(),
            "require_upper": self.require_upper.isChecked(),
            "require_lower": self.require_lower.isChecked(),
            "require_digits": self.require_digits.isChecked(),
            "require_symbols": self.require_symbols.isChecked(),
            "change_interval_months": self.change_months.value(),
        }

    def _update_weaker(self) -> None:
        try:
            policy = policies.parse_policy(self.values())
        except DetailInvalidError:
            self.weaker.hide()  # the save names the problem under its field
            return
        weaker = weaker_than_guideline(policy)
        self.weaker.setText(
            self.tr("Weaker than the guideline's example: {what}.").format(
                what=", ".join(en for _ja, en in weaker)
                if self.lang == "en"
                else "、".join(ja for ja, _en in weaker)
            )
            if weaker
            else ""
        )
        self.weaker.setVisible(bool(weaker))

    def _save(self) -> None:
        database, values, today = self.database, self.values(), clock.today()
        for label in (*self.errors.values(), self.flags_error):
            label.hide()
        self._set_enabled(False)
        self.runner.submit(
            lambda: policies.save_policy(database, values, today), lambda _policy: self.accept(), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._set_enabled(True)
        if not isinstance(error, DetailInvalidError):
            report_error(error, self.lang)
            return
        for key, problem in error.problems.items():
            label = self.errors.get(key, self.flags_error)
            label.setText(problem.message(self.lang))
            label.setStyleSheet(ERROR_STYLE)
            label.show()
