"""Office-wide settings kept in the database (the exports and the command line use them too)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sme_guard import paths
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
        self.office_name = QLineEdit()
        self.office_name.setPlaceholderText(self.tr("Printed on labels, stock-take sheets and reports"))
        self.office_name.setEnabled(False)
        self.representative = QLineEdit()  # 代表者 (office.representative)
        self.representative.setEnabled(False)
        self.backups_keep = QSpinBox()
        self.backups_keep.setRange(1, 365)
        self.backups_keep.setEnabled(False)
        backup_hint = QLabel(
            self.tr(
                "The database is backed up once a day when SME Guard starts, and before every "
                "update of its format; this many of each kind are kept in {folder}"
            ).format(folder=paths.backup_dir(database.path))
        )
        backup_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.office_name)
        form.addRow(self.tr("Representative"), self.representative)
        form.addRow(self.tr("Patches older than"), self.patch_days)
        form.addRow(hint)
        form.addRow(self.tr("Confirm the contact tree every"), self.contact_days)
        form.addRow(contact_hint)
        form.addRow(self.tr("Backups to keep"), self.backups_keep)
        form.addRow(backup_hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.numbers = {
            office_settings.PATCH_MAX_AGE_DAYS: self.patch_days,
            office_settings.CONTACTS_CONFIRM_DAYS: self.contact_days,
            office_settings.BACKUPS_KEEP: self.backups_keep,
        }
        keys = list(self.numbers)

        def load() -> tuple[dict[str, int], str, str]:
            return (
                {key: office_settings.get_int(database, key) for key in keys},
                office_settings.office_name(database),
                office_settings.get_text(database, office_settings.OFFICE_REPRESENTATIVE),
            )

        runner.submit(load, self._shown, self._failed)

    def _shown(self, values: tuple[dict[str, int], str, str]) -> None:
        numbers, name, representative = values
        self.representative.setText(representative)
        self.representative.setEnabled(True)
        for key, box in self.numbers.items():
            box.setValue(numbers[key])
            box.setEnabled(True)
        self.office_name.setText(name)
        self.office_name.setEnabled(True)

    def _save(self) -> None:
        database = self.database
        numbers = {key: box.value() for key, box in self.numbers.items()}
        name = self.office_name.text().strip()
        representative = self.representative.text().strip()

        def work() -> None:
            office_settings.set_texts(
                database,
                {
                    **{key: str(value) for key, value in numbers.items()},
                    office_settings.OFFICE_NAME: name,
                    office_settings.OFFICE_REPRESENTATIVE: representative,
                },
            )

        self.runner.submit(work, lambda _r: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.lang)
