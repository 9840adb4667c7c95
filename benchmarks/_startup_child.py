"""Child process for the start-up figure: prints "ready" once the window has painted.

``app DB`` starts SME Guard on DB (ready = painted and the database open);
``floor`` imports sqlmodel and shows a bare PySide6 window (ready = painted).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject


class _Ready(QObject):
    def __init__(self, needed: set[str]) -> None:
        super().__init__()
        self.needed = needed

    def done(self, what: str) -> None:
        self.needed.discard(what)
        if not self.needed:
            print("ready", flush=True)
            sys.exit(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.done("painted")
        return False


def floor() -> None:
    import sqlmodel  # noqa: F401  (the data layer's import cost belongs to the floor)
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    ready = _Ready({"painted"})
    window.installEventFilter(ready)
    window.resize(1200, 780)
    window.show()
    app.exec()


def app(database: str) -> None:
    from pathlib import Path

    from sme_guard.ui.app import create_application
    from sme_guard.ui.main_window import MainWindow

    application = create_application("ja")
    window = MainWindow("ja")
    ready = _Ready({"painted", "database"})
    window.installEventFilter(ready)
    window.database_opened.connect(lambda _db: ready.done("database"))
    window.show()
    window.open_database(Path(database))
    application.exec()


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        floor()
    else:
        app(sys.argv[2])
