"""Help → About: version, the database and data folder (which opens), the bundled licences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from sme_guard import __version__, paths
from sme_guard.ui.about_dialog import NOTICE_FILES, AboutDialog
from sme_guard.ui.app import configure_application
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.tasks import SynchronousRunner


def _open_about(
    qapp: QApplication, qtbot: QtBot, lang: str, database: Path | None = None
) -> tuple[MainWindow, AboutDialog]:
    """The dialog as Help → About opens it; the caller keeps the window (its parent) alive."""
    configure_application(qapp, lang)
    window = MainWindow(lang, SynchronousRunner())
    qtbot.addWidget(window)
    if database is not None:
        window.open_database(database)
        assert window.database is not None
    wanted = QCoreApplication.translate("MainWindow", "&About SME Guard")
    menus = [action.menu() for action in window.menuBar().actions()]
    (about,) = [a for menu in menus if isinstance(menu, QMenu) for a in menu.actions() if a.text() == wanted]
    about.trigger()  # the menu item, as the user picks it
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    return window, dialog


def test_the_help_menu_opens_about_with_version_and_database(
    qapp: QApplication, qtbot: QtBot, db_path: Path
) -> None:
    _window, dialog = _open_about(qapp, qtbot, "en", db_path)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "About SME Guard"
    assert dialog.version_label.text() == __version__
    assert dialog.database_label.text() == str(db_path)
    assert "Qt 6." in dialog.components_label.text() and "PySide6 6." in dialog.components_label.text()


def test_the_data_folder_link_opens_the_folder(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _window, dialog = _open_about(qapp, qtbot, "ja")
    label = dialog.folder_label
    assert str(data_dir) in label.text() and "<a href=" in label.text()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(4, label.height() // 2))  # on the link
    assert [url.toLocalFile() for url in opened] == [str(paths.data_dir())]
    assert opened[0].isLocalFile()


def test_a_folder_with_japanese_characters_spaces_and_a_hash_opens(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "事務所 データ #2 (100%)"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    dialog.folder_label.linkActivated.emit(dialog.folder_label.text().split('"')[1])
    assert [Path(url.toLocalFile()) for url in opened] == [folder]
    assert str(folder) in dialog.folder_label.text()  # shown as the user would type it


def test_the_notices_name_qt_lgpl_the_font_ofl_and_every_bundled_package(
    qapp: QApplication, qtbot: QtBot
) -> None:
    _window, dialog = _open_about(qapp, qtbot, "en")
    shown: dict[str, str] = {}
    for index in range(dialog.notice_choice.count()):
        dialog.notice_choice.setCurrentIndex(index)
        shown[dialog.notice_choice.itemData(index)] = dialog.notices.toPlainText()
    assert set(shown) == {key for key, _file in NOTICE_FILES}
    assert dialog.notices.isReadOnly()
    notices = shown["notices"]
    assert "PySide6" in notices and "GNU Lesser General Public License v3" in notices
    assert "https://download.qt.io/official_releases/QtForPython/" in notices  # where the source is
    assert "BIZ UDGothic" in notices and "SIL Open Font License 1.1" in notices
    assert "SIL OPEN FONT LICENSE Version 1.1" in shown["ofl"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown["lgpl"]
    assert "GNU GENERAL PUBLIC LICENSE" in shown["gpl"]
    for package in (
        "Python Software Foundation License",
        "SQLAlchemy",
        "SQLModel",
        "Alembic",
        "pydantic",
        "reportlab",
        "openpyxl",
        "platformdirs",
        "PyYAML",
    ):
        assert f"\n{package}" in notices, package


def test_every_runtime_dependency_has_a_notice() -> None:
    """A new dependency is bundled by the build: its licence must join the notices."""
    from importlib import metadata

    from packaging.requirements import Requirement

    notices = (paths.resources_dir() / "licenses" / "THIRD_PARTY_NOTICES.txt").read_text(encoding="utf-8")
    named = {line.split(" — ")[0].strip().lower().replace("_", "-") for line in notices.splitlines()}
    wanted: set[str] = set()
    todo = ["sme-guard"]
    while todo:
        distribution = metadata.distribution(todo.pop())
        for requirement in map(Requirement, distribution.requires or []):
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = requirement.name.lower().replace("_", "-")
            if name not in wanted:
                wanted.add(name)
                todo.append(name)
    # Qt for Python's wheels are covered by the Qt/PySide6 section.
    qt = {"pyside6-essentials", "shiboken6", "pyside6"}
    missing = sorted(name for name in wanted - qt if name not in named)
    assert missing == [], "add each to resources/licenses/THIRD_PARTY_NOTICES.txt with its licence text"
