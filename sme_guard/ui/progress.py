"""Long work (import, export) off the GUI thread with a progress dialog and a cancel button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from sme_guard.ui.tasks import Progress, Runner

T = TypeVar("T")


def run_with_progress(
    parent: QWidget,
    runner: Runner,
    title: str,
    work: Callable[[Progress], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run ``work(progress)``; the dialog follows ``progress.report`` and Cancel sets
    ``progress.cancelled()``, which the work checks between chunks."""
    progress = Progress()
    dialog = QProgressDialog(parent)  # its Cancel button comes translated with Qt
    dialog.setLabelText(title)
    dialog.setRange(0, 0)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)  # quick jobs finish without a flash of a dialog
    dialog.canceled.connect(progress.cancel)

    def update(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    progress.changed.connect(update)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            dialog.reset()
            dialog.close()
            callback(value)

        return call

    runner.submit(lambda: work(progress), finish(on_done), finish(on_error))
    return dialog
