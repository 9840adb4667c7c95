"""Where the main window meets はじめに: offered at start on an empty database (once), opened
from File → Getting started… at any time (kept apart from main_window.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sme_guard.db.database import Database
from sme_guard.ui.errors import report_error

if TYPE_CHECKING:
    from sme_guard.ui.main_window import MainWindow
    from sme_guard.ui.setup_wizard import SetupWizard


def offer_at_start(window: MainWindow, database: Database) -> None:
    """Open the set-up when the office has not been set up and its registers are empty."""
    from sme_guard.services import setup

    def answered(needed: bool) -> None:
        if needed:
            open_setup(window)

    window.runner.submit(
        lambda: setup.needs_setup(database), answered, lambda error: report_error(error, window.lang)
    )


def open_setup(window: MainWindow) -> SetupWizard | None:
    from sme_guard.ui.registers.excel_actions import import_register
    from sme_guard.ui.setup_wizard import SetupWizard

    database = window.database
    if database is None:
        return None

    def import_people() -> None:
        tab = window.people_tab  # the employees register: its own import, with its preview
        import_register(tab)

    wizard = SetupWizard(database, window.runner, window.lang, import_people, window)
    window.people_tab.changed.connect(wizard.people_page.refresh)
    wizard.set_up.connect(window.home.reload)
    wizard.set_up.connect(window.refresh_register_tabs)
    window.setup_wizard = wizard
    wizard.open()
    return wizard
