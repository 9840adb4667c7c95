"""The app shell: tabs, language, the database it opens, errors, kept geometry."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.errors import DatabaseLockedError
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.errors import install_excepthook, report_error
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.tasks import Runner, SynchronousRunner

JA_TABS = [
    "ホーム",
    "資産台帳",
    "従業員",
    "クラウド・アカウント",
    "障害・事故",
    "IT継続計画",
    "自己点検",
    "従業員向けガイドライン",
    "方針・SECURITY ACTION",
    "カタログ",
]
EN_TABS = [
    "Home",
    "Asset registers",
    "Employees",
    "Cloud and accounts",
    "Incidents",
    "IT continuity",
    "Self-assessment",
    "Staff guidelines",
    "Policy and SECURITY ACTION",
    "Catalog",
]


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def make_window(qapp: QApplication, qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(lang: str, runner: Runner | None = None) -> MainWindow:
        configure_application(qapp, lang)
        window = MainWindow(lang, runner)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.wait()


def _tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_japanese_ui_has_the_tabs_of_the_design(make_window: Callable[..., MainWindow]) -> None:
    window = make_window("ja")
    assert _tab_titles(window) == JA_TABS
    assert window.windowTitle() == "SMEガード 情報セキュリティ管理台帳"


def test_english_ui(make_window: Callable[..., MainWindow]) -> None:
    window = make_window("en")
    assert _tab_titles(window) == EN_TABS


def test_bundled_font_renders_japanese(qapp: QApplication) -> None:
    configure_application(qapp, "ja")
    families = qapp.font().families()
    assert "BIZ UDGothic" in families
    raw = QRawFont.fromFont(QFont("BIZ UDGothic"))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "記憶媒体の管理ガード")
    # The application font (platform font first, bundled one as fallback) covers Japanese.
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "記憶媒体の管理ガード")


def test_database_is_opened_off_the_gui_thread_and_shown(
    make_window: Callable[..., MainWindow], qtbot: QtBot, db_path: Path
) -> None:
    import sqlite3

    window = make_window("en")
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_database(db_path)
    assert window.database is not None and window.database.path == db_path
    assert window.database_label.text() == f"Database: {db_path}"
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)


def test_an_unusable_database_gets_a_plain_message(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    bad = tmp_path / "台帳.xlsx"
    bad.write_bytes(b"PK\x03\x04 an Excel file, not a database")
    window = make_window("ja", SynchronousRunner())
    with qtbot.waitSignal(window.database_failed, timeout=1_000):
        window.open_database(bad)
    assert window.database is None
    assert window.database_label.text() == "データベースが開かれていません"
    assert shown_errors == [("SMEガード", f"{bad} を開けません: SQLite のデータベースではありません。")]
    assert bad.read_bytes().startswith(b"PK")


def test_an_unexpected_error_is_logged_and_explained_without_traceback(
    qapp: QApplication, shown_errors: list[tuple[str, str]], data_dir: Path
) -> None:
    configure_application(qapp, "en")
    try:
        _ = 1 / 0
    except ZeroDivisionError as exc:
        report_error(exc, "en")
    ((title, text),) = shown_errors
    assert title == "Unexpected error"
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    log_file = data_dir / "logs" / "sme_guard.log"
    assert str(log_file) in text
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError" in log


def test_excepthook_shows_known_errors_plainly(
    qapp: QApplication, shown_errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    configure_application(qapp, "ja")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook("ja")
    error = DatabaseLockedError("使用中です。", "in use.")
    sys.excepthook(type(error), error, None)
    assert shown_errors == [("SMEガード", "使用中です。")]


def test_window_geometry_and_tab_are_kept_between_runs(make_window: Callable[..., MainWindow]) -> None:
    first = make_window("en")
    first.show()
    first.resize(QSize(760, 530))
    first.tabs.setCurrentIndex(6)
    first.close()

    second = make_window("en")
    second.show()
    assert second.size() == QSize(760, 530)
    assert second.tabs.currentIndex() == 6


def test_standard_dialogs_speak_japanese(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    configure_application(qapp, "ja")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    configure_application(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
