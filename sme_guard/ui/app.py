"""Starting the GUI: application, language, font, error handling, main window."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sme_guard import __version__, paths
from sme_guard.db.lock import acquire_lock
from sme_guard.errors import DatabaseInUseError
from sme_guard.paths import APP_NAME, resources_dir
from sme_guard.ui import translations
from sme_guard.ui.errors import install_excepthook
from sme_guard.ui.fonts import register_bundled_font
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.single_instance import InstanceServer, second_start
from sme_guard.ui.translations import install_translators

# A file path: the GUI quits once its window is shown and the database is open, and writes to
# that file what it found (folders, translations, font). The frozen build's test starts the
# real program this way (tests/test_frozen_build.py); a file, because a Windows GUI program
# has no console to print to.
STARTUP_CHECK_ENV = "SME_GUARD_STARTUP_CHECK"
# A string of Qt's own translations (qtbase_*.qm), which the check reports; not a literal in
# the call, so that lupdate does not take it into the app's own .ts file.
QT_OWN_STRING = ("QPlatformTheme", "Cancel")


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
        check = os.environ.get(STARTUP_CHECK_ENV)
        if check:
            window.database_opened.connect(lambda _db: _report_start_and_quit(app, window, Path(check)))
        window.open_database(database)
        return app.exec()
    finally:
        lock.release()


def _report_start_and_quit(app: QApplication, window: MainWindow, report: Path) -> None:
    """The startup check (STARTUP_CHECK_ENV): what a started GUI found, then a normal close."""
    facts = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "window_visible": window.isVisible(),
        "window_title": window.windowTitle(),
        "database": str(window.database.path) if window.database else None,
        "catalog_loaded": window.catalog_tab is not None,
        "folders": {name: str(paths.bundled_dir(name)) for name in ("catalog", "i18n", "resources")},
        "translators": [translator.filePath() for translator in translations.installed()],
        "qt_cancel": QCoreApplication.translate(*QT_OWN_STRING),
        "font_families": app.font().families(),
        # The toolbar icons as the build bundled them: each must draw (no image plug-in missing).
        "icons": {
            path.stem: not QIcon(str(path)).pixmap(16, 16).isNull()
            for path in sorted((resources_dir() / "icons" / "tabler").glob("*.png"))
        },
    }
    report.write_text(json.dumps(facts, ensure_ascii=False, indent=2), encoding="utf-8")
    window.close()  # the real close: settings saved, database closed
    QTimer.singleShot(0, app.quit)
