"""Office-wide settings kept in the database (the exports and the command line use them too)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from sme_guard.db.database import Database
from sme_guard.services import settings as office_settings
from sme_guard.ui.errors import report_error
from sme_guard.ui.tasks import Runner


class OfficeSettingsDialog(QDialog):
    def __init__(self, database: Database, runner: Runner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.setWindowTitle(self.tr("Office settings"))
        self.patch_days = QSpinBox()
        self.patch_days.setRange(1, 3650)
        self.patch_days.setSuffix(self.tr(" days"))
        self.patch_days.setEnabled(False)
        hint = QLabel(
            self.tr(
                "A smart device whose last security patch is older than this is flagged "
                "(control 10⑥: apply released security patches without fail)."
            )
        )
        hint.setWordWrap(True)
        self.contact_days = QSpinBox()
        self.contact_days.setRange(7, 3650)
        self.contact_days.setSuffix(self.tr(" days"))
        self.contact_days.setEnabled(False)
        contact_hint = QLabel(
            self.tr("How often the emergency contact tree is to be confirmed (control 3, point ①).")
        )
        contact_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Patches older than"), self.patch_days)
        form.addRow(hint)
        form.addRow(self.tr("Confirm the contact tree every"), self.contact_days)
        form.addRow(contact_hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        key = office_settings.PATCH_MAX_AGE_DAYS
        runner.submit(lambda: office_settings.get_int(database, key), self._shown, self._failed)

    def _shown(self, days: int) -> None:
        self.patch_days.setValue(days)
        self.patch_days.setEnabled(True)

    def _save(self) -> None:
        database, days = self.database, self.patch_days.value()
        key = office_settings.PATCH_MAX_AGE_DAYS
        self.runner.submit(
            lambda: office_settings.set_int(database, key, days), lambda _r: self.accept(), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.lang)
