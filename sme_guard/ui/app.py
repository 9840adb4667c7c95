"""Starting the GUI: application, language, font, error handling, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sme_guard import __version__
from sme_guard.db.lock import acquire_lock
from sme_guard.errors import DatabaseInUseError
from sme_guard.paths import APP_NAME, resources_dir
from sme_guard.ui.errors import install_excepthook
from sme_guard.ui.fonts import register_bundled_font
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.single_instance import InstanceServer, second_start
from sme_guard.ui.translations import install_translators


def create_application(lang: str, argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    configure_application(app, lang)
    return app


def configure_application(app: QApplication, lang: str) -> None:
    """Names (for settings), icon, bundled font and translations."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sme_guard.png")))
    register_bundled_font(app)
    install_translators(app, lang)


def run(database: Path, lang: str) -> int:
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = create_application(lang)
    install_excepthook(lang)
    try:
        lock = acquire_lock(database)  # one running SME Guard per database, for the whole run
    except DatabaseInUseError:
        return second_start(database)
    try:
        window = MainWindow(lang)
        server = InstanceServer(database, window)
        server.show_requested.connect(window.bring_to_front)
        server.listen()
        window.database_failed.connect(lambda _error: (window.close(), app.exit(1)))
        window.show()
        window.open_database(database)
        return app.exec()
    finally:
        lock.release()
