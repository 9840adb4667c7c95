"""The register tabs with each register's own actions (the guideline's workflows)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from sme_guard.domain.codes import AccountStatus, BadgeStatus
from sme_guard.domain.registers import ACCOUNTS, BADGES, CLOUD_SERVICES, DEVICES, MEDIA, PEOPLE, Register
from sme_guard.services import clock, workflows
from sme_guard.ui import dialogs
from sme_guard.ui.accounts.password_actions import add_password_actions
from sme_guard.ui.registers.excel_actions import export_register, import_register
from sme_guard.ui.registers.labels_dialog import LabelsDialog

if TYPE_CHECKING:
    from sme_guard.exchange.pdf.labels import LabelSheet
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.registers.stocktake_dialog import StockTakeDialog, StockTakeHistoryDialog
from sme_guard.ui.registers.workflow_dialogs import (
    DisposeDialog,
    LeaverDialog,
    SettingsCheckDialog,
    TransferDialog,
)
from sme_guard.ui.tasks import Runner


def _add_stocktake(tab: RegisterTab) -> None:
    def open_stocktake() -> None:
        dialog = StockTakeDialog(
            tab.require_database(), tab.runner, tab.register, tab.lang, getpass.getuser(), tab
        )
        dialog.finished.connect(lambda _code: tab.reload())
        dialog.open()
        tab.open_dialog = dialog

    def print_sheet() -> None:
        database, register, lang, today = tab.require_database(), tab.register, tab.lang, clock.today()

        def build(path: Path) -> int:
            from sme_guard.exchange.stocktake_print import print_stocktake_sheet

            return print_stocktake_sheet(database, register, path, lang, today)

        tab.save_printout(
            QCoreApplication.translate("RegisterActions", "Save the stock-take sheet"),
            QCoreApplication.translate("RegisterActions", "stock-take-{register}-{date}.pdf").format(
                register=register.label(lang), date=today.isoformat()
            ),
            build,
            lambda count, path: QCoreApplication.translate(
                "RegisterActions", "Stock-take sheet with {count} items saved to {path}."
            ).format(count=count, path=path),
        )

    tab.toolbar.addSeparator()
    tab.toolbar_actions["stocktake"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Stock-take…"),
        open_stocktake,
        needs_record=False,
        icon_name="clipboard-check",
    )

    def history() -> None:
        dialog = StockTakeHistoryDialog(tab.require_database(), tab.runner, tab.register, tab.lang, tab)
        dialog.open()
        tab.open_dialog = dialog

    tab.toolbar_actions["stocktake_history"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Stock-take history…"),
        history,
        needs_record=False,
        writes=False,
        icon_name="clipboard-list",
    )

    def print_labels() -> None:
        database, selected = tab.require_database(), len(tab.selected_ids())

        def load() -> dict[str, LabelSheet]:
            from sme_guard.exchange.labels_print import office_sheet
            from sme_guard.exchange.pdf.labels import SHEETS

            return {key: office_sheet(database, key) for key in SHEETS}

        def chosen(sheets: dict[str, LabelSheet]) -> None:
            dialog = LabelsDialog(tab.lang, sheets, selected, tab)
            tab.open_dialog = dialog
            dialog.accepted.connect(lambda: _labels_chosen(tab, dialog))
            dialog.open()

        tab.run(load, chosen)

    tab.toolbar_actions["labels"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Print labels…"),
        print_labels,
        needs_record=False,
        writes=False,
        icon_name="qrcode",
    )
    tab.toolbar_actions["stocktake_sheet"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Print stock-take sheet…"),
        print_sheet,
        needs_record=False,
        writes=False,
        icon_name="printer",
    )


def _labels_chosen(tab: RegisterTab, dialog: LabelsDialog) -> None:
    database, register, lang, today = tab.require_database(), tab.register, tab.lang, clock.today()
    ids = tab.selected_ids() if dialog.selected_items.isChecked() else None
    sheet, start, outlines = dialog.sheet, dialog.start_box.value(), dialog.outlines.isChecked()

    def build(path: Path) -> int:
        from sme_guard.exchange.labels_print import print_labels, save_office_sheet

        if not database.read_only:
            save_office_sheet(database, sheet)  # the office's own measurements, for next time
        return print_labels(
            database,
            register,
            path,
            lang=lang,
            sheet=sheet,
            start=start,
            ids=ids,
            today=today,
            outlines=outlines,
        )

    tab.save_printout(
        QCoreApplication.translate("RegisterActions", "Save the labels"),
        QCoreApplication.translate("RegisterActions", "labels-{register}.pdf").format(register=register.key),
        build,
        lambda count, path: QCoreApplication.translate(
            "RegisterActions", "{count} labels saved to {path}."
        ).format(count=count, path=path),
    )


def _add_media_actions(tab: RegisterTab) -> None:
    def dispose() -> None:
        assert tab.current_id is not None
        dialog = DisposeDialog(
            tab.require_database(),
            tab.runner,
            tab.current_id,
            tab.current_values,
            tab.lang,
            clock.today(),
            tab,
        )
        dialog.accepted.connect(
            lambda: tab.run_action(
                lambda: None, QCoreApplication.translate("RegisterActions", "Disposal recorded.")
            )
        )
        dialog.open()
        tab.open_dialog = dialog

    tab.toolbar_actions["dispose"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Dispose…"), dispose, icon_name="shredder"
    )


def _add_device_actions(tab: RegisterTab) -> None:
    def check() -> None:
        database, device_id = tab.require_database(), tab.current_id
        assert device_id is not None
        dialog = SettingsCheckDialog(str(tab.current_values.get("asset_number", "")), tab.lang, tab)

        def accepted() -> None:
            confirmed, today = dialog.confirmed(), clock.today()
            tab.run_action(
                lambda: workflows.record_settings_check(database, device_id, confirmed, today),
                QCoreApplication.translate("RegisterActions", "Settings check recorded."),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        tab.open_dialog = dialog

    tab.toolbar_actions["settings_check"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Settings check…"), check, icon_name="settings-check"
    )


def _add_badge_actions(tab: RegisterTab) -> None:
    def change(status: BadgeStatus, question: str, done: str) -> None:
        database, badge_id = tab.require_database(), tab.current_id
        assert badge_id is not None
        if not dialogs.confirm(tab, BADGES.label(tab.lang), question):
            return
        today = clock.today()
        tab.run_action(lambda: workflows.set_badge_status(database, badge_id, status, today), done)
        if status is BadgeStatus.LOST and dialogs.confirm(
            tab,
            BADGES.label(tab.lang),
            QCoreApplication.translate("RegisterActions", "Record the loss in the incident log as well?"),
        ):
            tab.incident_requested.emit(BADGES, badge_id)

    tab.toolbar_actions["return"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Returned"),
        lambda: change(
            BadgeStatus.RETURNED,
            QCoreApplication.translate("RegisterActions", "Record this badge as returned today?"),
            QCoreApplication.translate("RegisterActions", "Badge returned."),
        ),
        icon_name="arrow-back",
    )
    tab.toolbar_actions["lost"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Lost"),
        lambda: change(
            BadgeStatus.LOST,
            QCoreApplication.translate(
                "RegisterActions", "Record this badge as lost? Remember to stop it in the entry system."
            ),
            QCoreApplication.translate("RegisterActions", "Badge recorded as lost."),
        ),
        icon_name="alert-triangle",
    )
    tab.toolbar_actions["revoke"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Revoke"),
        lambda: change(
            BadgeStatus.REVOKED,
            QCoreApplication.translate("RegisterActions", "Revoke this badge?"),
            QCoreApplication.translate("RegisterActions", "Badge revoked."),
        ),
        icon_name="ban",
    )


def _add_incident_report(tab: RegisterTab) -> None:
    def print_report() -> None:
        database, incident_id, lang = tab.require_database(), tab.current_id, tab.lang
        if incident_id is None:
            return

        def build(path: Path) -> None:
            from sme_guard.exchange.incident_print import print_incident

            print_incident(database, incident_id, path, lang)

        tab.save_printout(
            QCoreApplication.translate("RegisterActions", "Save the incident report"),
            QCoreApplication.translate("RegisterActions", "incident-{number}.pdf").format(
                number=tab.current_values.get("number", "")
            ),
            build,
            lambda _result, path: QCoreApplication.translate(
                "RegisterActions", "Incident report saved to {path}."
            ).format(path=path),
        )

    tab.toolbar_actions["report"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Print report…"),
        print_report,
        writes=False,
        icon_name="printer",
    )


def _add_people_actions(tab: RegisterTab) -> None:
    def open_dialog(kind: type[LeaverDialog | TransferDialog], done: str) -> None:
        assert tab.current_id is not None
        dialog = kind(
            tab.require_database(),
            tab.runner,
            tab.current_id,
            tab.current_values,
            tab.lang,
            clock.today(),
            tab,
        )
        dialog.finished.connect(lambda _code: tab.run_action(lambda: None, done))
        dialog.open()
        tab.open_dialog = dialog

    tab.toolbar_actions["leaving"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Leaving…"),
        lambda: open_dialog(LeaverDialog, QCoreApplication.translate("RegisterActions", "Leaving recorded.")),
        icon_name="user-minus",
    )
    # 5 運用①: a transfer is the other moment to review someone's user IDs and rights.
    tab.toolbar_actions["transfer"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Transfer…"),
        lambda: open_dialog(
            TransferDialog, QCoreApplication.translate("RegisterActions", "Transfer recorded.")
        ),
        icon_name="arrows-exchange",
    )


def _add_reviewed(tab: RegisterTab) -> None:
    """運用①② (cloud services), 5 運用① (accounts): record today's review of the record."""

    def reviewed() -> None:
        database, record_id, register = tab.require_database(), tab.current_id, tab.register
        assert record_id is not None
        today = clock.today()
        tab.run_action(
            lambda: workflows.mark_reviewed(database, register, record_id, today),
            QCoreApplication.translate("RegisterActions", "Review recorded."),
        )

    tab.toolbar_actions["reviewed"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Reviewed today"), reviewed, icon_name="calendar-check"
    )


def _add_account_actions(tab: RegisterTab) -> None:
    _add_reviewed(tab)

    def active(values: dict[str, Any]) -> bool:
        return values.get("status") == AccountStatus.ACTIVE.value

    def disable() -> None:
        database, account_id = tab.require_database(), tab.current_id
        assert account_id is not None
        if not active(tab.current_values):  # disabled already: its date stays
            return
        if not dialogs.confirm(
            tab,
            ACCOUNTS.label(tab.lang),
            QCoreApplication.translate(
                "RegisterActions",
                "Record this account as disabled today? Disable it in the system itself too.",
            ),
        ):
            return
        today = clock.today()
        tab.run_action(
            lambda: workflows.return_item(database, ACCOUNTS, account_id, today),
            QCoreApplication.translate("RegisterActions", "Account disabled."),
        )

    tab.toolbar_actions["disable"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Disable"),
        disable,
        applies=active,
        icon_name="user-off",
    )
    add_password_actions(tab)  # 5⑥: the office's password policy, its checker and notice


ACTIONS = {
    "media": _add_media_actions,
    "devices": _add_device_actions,
    "badges": _add_badge_actions,
    "people": _add_people_actions,
    "incidents": lambda tab: _add_incident_report(tab),  # the workflow lives in the pages beside the form
    "cloud_services": _add_reviewed,
    "accounts": _add_account_actions,
}


def _add_incident(tab: RegisterTab) -> None:
    def record() -> None:
        if tab.current_id is not None:
            tab.incident_requested.emit(tab.register, tab.current_id)

    tab.toolbar_actions["incident"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Record incident…"), record, icon_name="alert-octagon"
    )


def _add_excel(tab: RegisterTab) -> None:
    tab.toolbar.addSeparator()
    tab.toolbar_actions["export"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Export to Excel…"),
        lambda: export_register(tab),
        needs_record=False,
        writes=False,
        icon_name="file-export",
    )
    tab.file_dropped.connect(lambda path: import_register(tab, path))
    tab.toolbar_actions["import"] = tab.add_action(
        QCoreApplication.translate("RegisterActions", "Import from Excel…"),
        lambda: import_register(tab),
        needs_record=False,
        icon_name="file-import",
    )


def register_tab(register: Register, lang: str, runner: Runner) -> RegisterTab:
    tab = RegisterTab(register, lang, runner)
    tab.setObjectName(f"register-{register.key}")
    ACTIONS[register.key](tab)
    if register.stocktake:
        _add_incident(tab)
        _add_stocktake(tab)
    _add_excel(tab)
    return tab


class RegisterGroup(QTabWidget):
    """Registers shown under one main tab, one sub-tab each."""

    def __init__(
        self, registers: tuple[Register, ...], lang: str, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.registers: dict[str, RegisterTab] = {r.key: register_tab(r, lang, runner) for r in registers}
        for register in registers:
            self.addTab(self.registers[register.key], register.label(lang))


# The main tab each grouped register sits under.
GROUPS: dict[str, tuple[Register, ...]] = {
    "assets": (MEDIA, DEVICES, BADGES),  # 資産台帳
    "access": (CLOUD_SERVICES, ACCOUNTS),  # クラウド・アカウント (controls 2 and 5)
}


def register_group(name: str, lang: str, runner: Runner) -> RegisterGroup:
    group = RegisterGroup(GROUPS[name], lang, runner)
    group.setObjectName(name)
    return group


def people_tab(lang: str, runner: Runner) -> RegisterTab:
    return register_tab(PEOPLE, lang, runner)
