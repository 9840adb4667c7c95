"""Backups and restores in the GUI, the damaged-file offer at start, one window per database,
and a save that fails (read-only, disk full) without losing what was typed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from sme_guard import paths
from sme_guard.db.backup import backup_to, list_backups
from sme_guard.db.database import Database, open_database
from sme_guard.domain.registers import INCIDENTS, PEOPLE
from sme_guard.domain.tables import Person
from sme_guard.errors import StorageFullError
from sme_guard.services import clock, registers
from sme_guard.services import settings as office_settings
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.single_instance import InstanceServer, second_start
from sme_guard.ui.tasks import SynchronousRunner
from tests import damage
from tests.qt_helpers import type_text

PAGE = 4096


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Dialogs answered without a human; what they were asked is kept."""
    seen: dict[str, Any] = {
        "confirm": True,
        "asked": [],
        "errors": [],
        "infos": [],
        "save_to": None,
        "suggested": [],
        "open": None,
        "ask": True,
        "questions": [],
    }

    def confirm(_parent: QWidget | None, _title: str, question: str) -> bool:
        seen["asked"].append(question)
        return bool(seen["confirm"])

    def save_file(_parent: QWidget | None, _title: str, name: str, _filter: str) -> Path | None:
        seen["suggested"].append(name)
        return seen["save_to"]  # type: ignore[no-any-return]

    def ask(_parent: QWidget | None, _title: str, text: str, _yes: str, _no: str) -> bool:
        seen["questions"].append(text)
        return bool(seen["ask"])

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: seen["infos"].append(text))
    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "open_file", lambda _p, _t, _f: seen["open"])
    monkeypatch.setattr(dialogs, "ask", ask)
    return seen


@pytest.fixture
def make_window(qapp: QApplication, qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(lang: str = "en") -> MainWindow:
        configure_application(qapp, lang)
        window = MainWindow(lang, SynchronousRunner())
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.database is not None:
            window.database.close()


def _with_people(path: Path, *names: str) -> Path:
    database = open_database(path)
    with database.session() as session:
        session.add_all(Person(name=name, notes="x" * 400) for name in names)
    database.close()
    return path


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM person ORDER BY id")]


def _backup_at(path: Path, stamp: str, reason: str) -> Path:
    """A backup in the backups folder as if made at ``stamp`` (YYYYmmdd-HHMMSS)."""
    folder = paths.backup_dir(path)
    return backup_to(path, folder / f"{path.stem}-{stamp}-000000-{reason}.sqlite3")


def _damage(path: Path) -> bytes:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[PAGE * 5 : PAGE * 7] = b"\xff" * (PAGE * 2)
    path.write_bytes(bytes(data))
    return bytes(data)


def _open(window: MainWindow, path: Path) -> None:
    window.open_database(path)


# ---------------------------------------------------------------- backup to a file


def test_back_up_to_a_chosen_file(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    _with_people(db_path, "山田 太郎")
    window = make_window()
    _open(window, db_path)
    assert window.data_safety.backup_action.isEnabled()
    target = tmp_path / "USB メモリー" / "控え.sqlite3"
    answers["save_to"] = target
    window.data_safety.backup_action.trigger()
    assert answers["suggested"] == [f"office-{clock.today():%Y-%m-%d}.sqlite3"]
    assert answers["infos"] == [f"The backup was written to:\n{target}"]
    assert _names(target) == ["山田 太郎"]


def test_a_cancelled_backup_writes_nothing(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path
) -> None:
    window = make_window()
    _open(window, db_path)
    window.data_safety.backup_action.trigger()
    assert answers["infos"] == [] and answers["errors"] == []


def test_a_failed_backup_says_why(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    window = make_window()
    _open(window, db_path)
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    answers["save_to"] = blocked / "backup.sqlite3"
    window.data_safety.backup_action.trigger()
    (error,) = answers["errors"]
    assert error.startswith(f"The backup could not be written to {blocked / 'backup.sqlite3'}")


# ---------------------------------------------------------------- restore from the menu


def test_the_restore_dialog_lists_the_backups_and_restores_the_chosen_one(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, "山田 太郎")
    _backup_at(db_path, "20261120-090000", "manual")
    _with_people(db_path, "佐藤 花子")
    _backup_at(db_path, "20261121-090000", "before-0005")
    window = make_window()
    _open(window, db_path)
    window.data_safety.restore_action.trigger()
    dialog = window.data_safety.restore_dialog
    assert dialog is not None
    rows = dialog.rows()
    assert [row[0] for row in rows[-2:]] == ["2026-11-21 09:00", "2026-11-20 09:00"]  # newest first
    assert [row[1] for row in rows[-2:]] == ["Before a format update", "Manual"]
    assert rows[0][1] == "Daily (automatic)"  # made when the window opened the database

    oldest = dialog.list.topLevelItem(len(rows) - 1)
    assert oldest is not None
    dialog.list.setCurrentItem(oldest)
    with qtbot.waitSignal(window.database_opened, timeout=5_000):
        dialog.restore_button.click()

    (question,) = answers["asked"]
    assert "2026-11-20 09:00" in question and "backed up first" in question
    assert window.database is not None
    assert _names(db_path) == ["山田 太郎"]
    assert "before-restore" in answers["infos"][0]
    before = [b for b in list_backups(paths.backup_dir(db_path)) if b.reason == "before-restore"]
    assert len(before) == 1 and _names(before[0].path) == ["山田 太郎", "佐藤 花子"]


def test_another_file_can_be_chosen(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    _with_people(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "USB" / "控え.sqlite3")
    _with_people(db_path, "佐藤 花子")
    window = make_window()
    _open(window, db_path)
    window.data_safety.restore_action.trigger()
    dialog = window.data_safety.restore_dialog
    assert dialog is not None
    answers["open"] = copy
    dialog.other_button.click()
    assert _names(db_path) == ["山田 太郎"]
    assert window.database is not None and window.database.path == db_path.resolve()


def test_a_file_that_fails_the_checks_is_refused_and_nothing_changes(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    _with_people(db_path, "山田 太郎")
    window = make_window()
    _open(window, db_path)
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database", encoding="utf-8")
    window.data_safety.restore_file(notes)
    assert answers["errors"] == [f"{notes} cannot be restored: it is not an SQLite database."]
    assert answers["asked"] == []
    assert window.database is not None and _names(db_path) == ["山田 太郎"]


def test_a_restore_the_user_declines_changes_nothing(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    _with_people(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    _with_people(db_path, "佐藤 花子")
    window = make_window()
    _open(window, db_path)
    answers["confirm"] = False
    window.data_safety.restore_file(copy)
    assert len(answers["asked"]) == 1
    assert window.database is not None and _names(db_path) == ["山田 太郎", "佐藤 花子"]


# ---------------------------------------------------------------- a damaged file at start


def test_a_damaged_database_is_offered_the_newest_good_backup(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, *(f"社員{n}" for n in range(300)))
    for backup in list_backups(paths.backup_dir(db_path)):
        backup.path.unlink()
    _backup_at(db_path, "20261120-090000", "daily")
    _damage(_backup_at(db_path, "20261121-090000", "daily"))  # the newest one is damaged too
    damaged = _damage(db_path)
    window = make_window("en")
    with qtbot.waitSignal(window.database_opened, timeout=5_000):
        _open(window, db_path)

    (question,) = answers["asked"]
    assert "the file is damaged" in question
    assert "2026-11-20 09:00" in question and "2026-11-21" not in question
    assert window.database is not None and _names(db_path)[:2] == ["社員0", "社員1"]
    kept = [b for b in list_backups(paths.backup_dir(db_path)) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].path.read_bytes()[PAGE:] == damaged[PAGE:]


def test_a_declined_offer_leaves_the_damaged_file_alone(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, *(f"社員{n}" for n in range(300)))
    _backup_at(db_path, "20261120-090000", "daily")
    damaged = _damage(db_path)
    answers["confirm"] = False
    window = make_window("en")
    with qtbot.waitSignal(window.database_failed, timeout=5_000):
        _open(window, db_path)
    assert len(answers["asked"]) == 1 and answers["errors"] == []
    assert window.database is None and db_path.read_bytes() == damaged


def test_without_a_good_backup_the_app_says_where_the_backups_are(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, *(f"社員{n}" for n in range(300)))
    for backup in list_backups(paths.backup_dir(db_path)):
        _damage(backup.path)
    damaged = _damage(db_path)
    window = make_window("ja")
    with qtbot.waitSignal(window.database_failed, timeout=5_000):
        _open(window, db_path)
    assert answers["asked"] == []
    (error,) = answers["errors"]
    assert "破損" in error and str(paths.backup_dir(db_path)) in error
    assert window.database is None and db_path.read_bytes() == damaged
    assert window.database_label.text() == "データベースが開かれていません"


def test_a_failed_daily_backup_is_reported_at_open(
    make_window: Callable[..., MainWindow],
    answers: dict[str, Any],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_database(db_path).close()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the backups folder should be", encoding="utf-8")
    monkeypatch.setattr(paths, "backup_dir", lambda _database: blocked)
    window = make_window()
    _open(window, db_path)
    assert window.database is not None
    (error,) = answers["errors"]
    assert "could not be written" in error


# ---------------------------------------------------------------- office setting


def test_how_many_backups_to_keep_is_an_office_setting(
    qapp: QApplication, qtbot: QtBot, db: Database
) -> None:
    from sme_guard.ui.office_settings_dialog import OfficeSettingsDialog

    configure_application(qapp, "en")
    dialog = OfficeSettingsDialog(db, SynchronousRunner(), "en")
    qtbot.addWidget(dialog)
    assert dialog.backups_keep.value() == 10
    dialog.backups_keep.setValue(4)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert office_settings.get_int(db, office_settings.BACKUPS_KEEP) == 4


# ---------------------------------------------------------------- one window per database


def test_a_second_start_can_bring_the_first_window_forward(
    qapp: QApplication, qtbot: QtBot, answers: dict[str, Any], db_path: Path
) -> None:
    configure_application(qapp, "en")
    server = InstanceServer(db_path)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.show_requested, timeout=5_000):
            assert second_start(db_path) == 0
        (question,) = answers["questions"]
        assert "already open" in question and str(db_path) in question
    finally:
        server.close()


def test_a_second_start_may_just_quit(
    qapp: QApplication, qtbot: QtBot, answers: dict[str, Any], db_path: Path
) -> None:
    configure_application(qapp, "en")
    server = InstanceServer(db_path)
    assert server.listen()
    answers["ask"] = False
    try:
        with qtbot.assertNotEmitted(server.show_requested, wait=300):
            assert second_start(db_path) == 0
    finally:
        server.close()


def test_a_database_locked_by_a_command_gets_a_plain_message(
    qapp: QApplication, answers: dict[str, Any], db_path: Path
) -> None:
    configure_application(qapp, "ja")
    assert second_start(db_path) == 1  # no window listens: an import or restore holds the lock
    (error,) = answers["errors"]
    assert str(db_path) in error and "コマンド" in error
    assert answers["questions"] == []


def test_the_window_comes_forward_when_asked(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.showMinimized()
    window.bring_to_front()
    assert window.isVisible() and not window.isMinimized()


# ---------------------------------------------------------------- a save that cannot be written


def _people_tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Any:
    configure_application(qapp, "en")
    tab = register_tab(PEOPLE, "en", SynchronousRunner())
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.set_database(db)
    return tab


def _on_every_connection(db: Database, pragma: str) -> None:
    event.listen(db.engine, "connect", lambda connection, _record: connection.execute(pragma))
    db.engine.dispose()  # connections made from now on get the pragma


def _fill_the_disk(db: Database) -> None:
    """No room left: the file may not grow, and every free byte in it is taken."""
    with closing(sqlite3.connect(db.path)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    _on_every_connection(db, f"PRAGMA max_page_count={pages}")
    with pytest.raises(StorageFullError):  # fill until it refuses
        for n in range(10_000):
            values = {"name": f"x{n}", "employment_type": "regular", "role": "employee"}
            registers.save_record(db, PEOPLE, None, values)


@pytest.mark.parametrize(
    ("make_unwritable", "message"),
    [
        (lambda db: _on_every_connection(db, "PRAGMA query_only=ON"), "is in a read-only location"),
        (_fill_the_disk, "The disk is full"),
    ],
    ids=["read-only", "disk-full"],
)
def test_a_save_that_cannot_be_written_keeps_what_was_typed(
    qapp: QApplication,
    qtbot: QtBot,
    db: Database,
    answers: dict[str, Any],
    make_unwritable: Callable[[Database], None],
    message: str,
) -> None:
    tab = _people_tab(qapp, qtbot, db)
    make_unwritable(db)
    tab.new_action.trigger()
    name: QLineEdit = tab.form.editors["name"]
    name.setFocus()
    type_text(name, "山田 太郎")
    employment = tab.form.editors["employment_type"]
    employment.setCurrentIndex(employment.findData("regular"))  # type: ignore[attr-defined]
    tab.save()

    (error,) = answers["errors"]
    assert message in error and str(db.path) in error
    assert "unexpected" not in error.lower() and "Traceback" not in error
    assert name.text() == "山田 太郎"  # nothing typed is lost: it can be saved once there is room
    assert tab.form.editors["name"].isVisible()
    with closing(sqlite3.connect(db.path)) as connection:
        assert connection.execute("SELECT count(*) FROM person WHERE name = '山田 太郎'").fetchone() == (0,)


def _flags() -> Any:
    from sme_guard.services.flags import FlagContext

    return FlagContext(clock.today())


# ---------------------------------------------------------------- hostile files at open


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("damage_file", list(damage.FOUND_AT_OPEN.values()), ids=list(damage.FOUND_AT_OPEN))
def test_every_kind_of_damage_gets_the_offer_and_a_declined_one_changes_nothing(
    make_window: Callable[..., MainWindow],
    answers: dict[str, Any],
    db_path: Path,
    qtbot: QtBot,
    damage_file: Callable[[Path], None],
) -> None:
    _with_people(db_path, *(f"社員{n}" for n in range(300)))
    _backup_at(db_path, "20261120-090000", "daily")
    damage_file(db_path)
    before = _digest(db_path)
    answers["confirm"] = False
    window = make_window("en")
    with qtbot.waitSignal(window.database_failed, timeout=5_000):
        _open(window, db_path)
    (question,) = answers["asked"]
    assert "the file is damaged" in question and "2026-11-20 09:00" in question
    assert answers["errors"] == []  # no "unexpected error" beside it
    assert window.database is None and _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [
        db_path.name
    ]


def test_an_emptied_database_is_restored_from_the_newest_good_backup(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, "山田 太郎", "佐藤 花子")
    _backup_at(db_path, "20261120-090000", "daily")
    damage.emptied(db_path)
    window = make_window("ja")
    with qtbot.waitSignal(window.database_opened, timeout=5_000):
        _open(window, db_path)
    (question,) = answers["asked"]
    assert "ファイルが空です(0 バイト)" in question and "2026-11-20 09:00" in question
    assert window.database is not None and _names(db_path) == ["山田 太郎", "佐藤 花子"]


def test_damage_found_while_working_gets_the_offer_too(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], db_path: Path, qtbot: QtBot
) -> None:
    _with_people(db_path, "山田 太郎", "佐藤 花子")
    _backup_at(db_path, "20261120-090000", "daily")
    damage.text_not_utf8(db_path)  # the quick check at open cannot see it; reading the row does
    window = make_window("en")
    window.show()
    _open(window, db_path)  # it opens; the home screen, reading names, finds the damage
    window.tabs.setCurrentWidget(window.pages["people"])
    qtbot.waitUntil(lambda: bool(answers["asked"]), timeout=5_000)
    (question,) = answers["asked"]
    assert "the file is damaged" in question and "2026-11-20 09:00" in question
    assert answers["errors"] == []
    qtbot.waitUntil(lambda: window.database is not None and window.people_tab.model.rowCount() == 2)
    assert _names(db_path) == ["山田 太郎", "佐藤 花子"]


def test_another_programs_database_is_refused_at_open_and_left_as_it_was(
    make_window: Callable[..., MainWindow], answers: dict[str, Any], tmp_path: Path, qtbot: QtBot
) -> None:
    foreign = tmp_path / "顧客.sqlite3"
    with closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        connection.commit()
    before = _digest(foreign)
    window = make_window("en")
    with qtbot.waitSignal(window.database_failed, timeout=5_000):
        _open(window, foreign)
    (error,) = answers["errors"]
    assert "not this app's database" in error and answers["asked"] == []
    assert _digest(foreign) == before and [p.name for p in tmp_path.iterdir()] == [foreign.name]


@pytest.mark.parametrize("name", ["台帳%20データ", "q?x=1#a&b;c[d]e'f~g"])
def test_the_app_opens_exactly_the_named_file(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot, name: str
) -> None:
    db = tmp_path / f"{name}.sqlite3"
    _with_people(db, "山田 太郎")
    window = make_window("en")
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=5_000):
        _open(window, db)
    assert window.database is not None and window.database.path == db
    window.tabs.setCurrentWidget(window.pages["people"])
    qtbot.waitUntil(lambda: window.people_tab.model.rowCount() == 1)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == [db.name]


def test_a_database_on_read_only_media_opens_read_only_with_saving_off(
    make_window: Callable[..., MainWindow],
    answers: dict[str, Any],
    tmp_path: Path,
    qtbot: QtBot,
    read_only_media: Callable[[Path], None],
) -> None:
    disc = tmp_path / "CD-R"
    disc.mkdir()
    db = _with_people(disc / "2025年度.sqlite3", "山田 太郎")
    archive = open_database(db)
    registers.save_record(
        archive,
        INCIDENTS,
        None,
        {"occurred_at": "2025/6/1 10:00", "incident_type": "malfunction", "severity": "low"},
    )
    archive.close()
    read_only_media(disc)
    before = _digest(db)
    window = make_window("ja")
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=5_000):
        _open(window, db)
    assert window.database is not None and window.database.read_only
    assert window.read_only_badge.isVisible() and "読み取り専用" in window.read_only_badge.text()
    assert "読み取り専用" in window.database_label.text()
    assert not window.settings_action.isEnabled() and not window.data_safety.restore_action.isEnabled()
    assert window.data_safety.backup_action.isEnabled() and window.history_action.isEnabled()

    window.tabs.setCurrentWidget(window.pages["people"])
    tab = window.people_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert tab.current_id is not None
    name = tab.form.editors["name"]
    assert isinstance(name, QLineEdit) and name.text() == "山田 太郎" and name.isReadOnly()
    assert not tab.save_button.isEnabled() and not tab.new_action.isEnabled()
    assert not tab.delete_action.isEnabled() and not tab.toolbar_actions["import"].isEnabled()
    assert not tab.toolbar_actions["leaving"].isEnabled()
    assert tab.toolbar_actions["export"].isEnabled() and tab.history_action.isEnabled()

    window.tabs.setCurrentWidget(window.pages["incidents"])
    log = window.incidents_tab.log
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)
    log.table.selectRow(0)
    workflow = window.incidents_tab.workflow
    qtbot.waitUntil(lambda: workflow.detail is not None)
    assert workflow.isEnabled() and workflow.actions_view.isEnabled()  # the lines can be read
    assert not workflow.add_button.isEnabled()
    assert not any(button.isEnabled() for button in workflow.status_buttons.values())
    for page in window.pages.values():  # every screen loads its data without a write
        window.tabs.setCurrentWidget(page)
        qtbot.wait(50)
    assert answers["errors"] == []
    window.close()
    assert _digest(db) == before
