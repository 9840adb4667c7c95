"""The password policy's actions on a register tab: checker, policy, printed notice (5⑥, No.6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from sme_guard.domain.password_policy import PasswordPolicy
from sme_guard.services import clock
from sme_guard.services.password_policy import load_policy
from sme_guard.ui.accounts.password_checker import PasswordCheckerDialog
from sme_guard.ui.accounts.password_policy_dialog import PasswordPolicyDialog
from sme_guard.ui.registers.register_tab import RegisterTab


def add_password_actions(tab: RegisterTab) -> None:
    """Add "Password checker…", "Password policy…" and "Print password policy…" to the toolbar."""

    def open_checker() -> None:
        database = tab.require_database()

        def opened(policy: PasswordPolicy) -> None:
            # The checker gets the policy only: no database or runner it could hand the text to.
            dialog = PasswordCheckerDialog(policy, tab.lang, tab)
            tab.open_dialog = dialog
            dialog.open()

        tab.run(lambda: load_policy(database), opened)

    def open_policy() -> None:
        dialog = PasswordPolicyDialog(tab.require_database(), tab.runner, tab.lang, tab)
        tab.open_dialog = dialog
        dialog.accepted.connect(
            lambda: tab.status_message(
                QCoreApplication.translate("PasswordActions", "Password policy saved.")
            )
        )
        dialog.open()

    def print_notice() -> None:
        database, lang, today = tab.require_database(), tab.lang, clock.today()

        def build(path: Path) -> None:
            from sme_guard.exchange.password_print import print_password_notice

            print_password_notice(database, path, lang, today)

        tab.save_printout(
            QCoreApplication.translate("PasswordActions", "Save the password policy notice"),
            QCoreApplication.translate("PasswordActions", "password-policy-{date}.pdf").format(
                date=today.isoformat()
            ),
            build,
            lambda _result, path: QCoreApplication.translate(
                "PasswordActions", "Password policy notice saved to {path}."
            ).format(path=path),
        )

    tab.toolbar.addSeparator()
    tab.toolbar_actions["password_checker"] = tab.add_action(
        QCoreApplication.translate("PasswordActions", "Password checker…"),
        open_checker,
        needs_record=False,
        writes=False,
        icon_name="key",
    )
    tab.toolbar_actions["password_policy"] = tab.add_action(
        QCoreApplication.translate("PasswordActions", "Password policy…"),
        open_policy,
        needs_record=False,
        icon_name="shield-lock",
    )
    tab.toolbar_actions["password_notice"] = tab.add_action(
        QCoreApplication.translate("PasswordActions", "Print password policy…"),
        print_notice,
        needs_record=False,
        writes=False,
        icon_name="printer",
    )
