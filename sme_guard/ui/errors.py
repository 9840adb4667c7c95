"""What the user sees when something goes wrong.

A ``UserError`` (database locked, unreadable, disk full, bad input) is shown as a plain
message; damage found in the open database comes with the offer of a good backup. Anything
else is a bug: logged in full to the data folder and shown as a readable apology naming the
log file, never as a traceback.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from sme_guard.errors import DatabaseDamagedError, UserError
from sme_guard.logs import configure_logging
from sme_guard.ui import dialogs

log = logging.getLogger(__name__)


def _offer_restore(error: DatabaseDamagedError) -> bool:
    """Damage found while working: the main window (a top-level widget with
    ``offer_restore``) offers the newest backup that passes the checks; True when it does."""
    for widget in QApplication.topLevelWidgets():
        offer = getattr(widget, "offer_restore", None)
        if widget.isVisible() and callable(offer) and offer(error):
            return True
    return False


def report_error(error: BaseException, lang: str) -> None:
    parent = QApplication.activeWindow()
    if isinstance(error, DatabaseDamagedError) and _offer_restore(error):
        return
    if isinstance(error, UserError):
        dialogs.show_error(
            parent, QCoreApplication.translate("ErrorDialog", "SME Guard"), error.message(lang)
        )
        return
    log_file = configure_logging()
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    dialogs.show_error(
        parent,
        QCoreApplication.translate("ErrorDialog", "Unexpected error"),
        QCoreApplication.translate(
            "ErrorDialog",
            "Something went wrong that SME Guard did not expect. Your saved data is safe; "
            "the last action may not have been completed.\n\nThe details were written to:\n{log}",
        ).format(log=log_file),
    )


def install_excepthook(lang: str) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report_error(error.with_traceback(tb), lang)

    sys.excepthook = hook
