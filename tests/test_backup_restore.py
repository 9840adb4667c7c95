"""Backups once a day, checking a backup, restoring it, and the `restore` command."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from sme_guard import paths
from sme_guard.cli import main
from sme_guard.db import backup as backup_module
from sme_guard.db import migrate
from sme_guard.db import restore as restore_module
from sme_guard.db.audit_check import CheckReport
from sme_guard.db.backup import backup_to, backup_with_reason, list_backups
from sme_guard.db.database import open_database
from sme_guard.db.engine import make_engine
from sme_guard.db.lock import InstanceLock
from sme_guard.db.restore import newest_good_backup, restore, verify_backup
from sme_guard.domain.tables import Person, StorageMedium
from sme_guard.errors import BackupError, DatabaseDamagedError, DatabaseUnreadableError, UserError
from sme_guard.services import settings

PAGE = 4096


# ---------------------------------------------------------------- helpers


def _add_people(path: Path, *names: str) -> None:
    database = open_database(path)
    with database.session() as session:
        session.add_all(Person(name=name) for name in names)
    database.close()


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM person ORDER BY id")]


def _database_with(path: Path, *names: str) -> Path:
    open_database(path).close()
    _add_people(path, *names)
    return path


def _clock(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    monkeypatch.setattr(backup_module, "_now", lambda: when)


def _daily(path: Path) -> list[Path]:
    return [b.path for b in list_backups(paths.backup_dir(path)) if b.reason == "daily"]


def _damage(path: Path, pages: range = range(5, 7)) -> bytes:
    """Scribble over some pages of the file (as a failing disk would); returns the new bytes."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for page in pages:
        data[page * PAGE : (page + 1) * PAGE] = b"\xff" * PAGE
    path.write_bytes(bytes(data))
    return bytes(data)


@contextmanager
def _app_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A DB-API connection as the app makes them (its pragmas and SQL functions), in
    autocommit: for changes the services would refuse to make."""
    engine = make_engine(path)
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        yield connection
    finally:
        raw.close()
        engine.dispose()


def _crash_with_a_change_in_the_log(path: Path, name: str) -> Path:
    """Leave a write-ahead log holding a change not yet in the file itself (as a crash does)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    with _app_connection(path) as writer:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE person SET name = ?", (name,))
        wal = path.with_name(path.name + "-wal")
        log = wal.read_bytes()
    # Closing folded the log into the file; undo that, as a crash never got so far.
    path.write_bytes(before)
    wal.write_bytes(log)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    assert log
    return wal


def _many_people(path: Path) -> Path:
    database = open_database(path)
    with database.session() as session:
        session.add_all(Person(name=f"社員{n}", notes="x" * 500) for n in range(300))
    database.close()
    return path


# ---------------------------------------------------------------- daily backups


def test_a_new_database_has_nothing_to_back_up(db_path: Path) -> None:
    open_database(db_path).close()
    assert list_backups(paths.backup_dir(db_path)) == []


def test_the_daily_backup_is_made_once_a_day(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _database_with(db_path, "山田 太郎")  # opened twice: the second opening backed up
    (first,) = _daily(db_path)
    assert _names(first) == []  # as the file was when it was opened
    open_database(db_path).close()
    assert _daily(db_path) == [first]

    _clock(monkeypatch, datetime.now() + timedelta(days=1))
    _add_people(db_path, "佐藤 花子")  # the first opening tomorrow backs up again
    assert len(_daily(db_path)) == 2
    assert _names(_daily(db_path)[0]) == ["山田 太郎"]  # made before 佐藤 was added


def test_daily_backups_are_pruned_to_the_office_setting(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db_path)
    assert settings.get_int(database, settings.BACKUPS_KEEP) == 10
    settings.set_int(database, settings.BACKUPS_KEEP, 3)
    database.close()
    start = datetime(2026, 11, 1, 9, 0)
    for day in range(6):
        _clock(monkeypatch, start + timedelta(days=day))
        open_database(db_path).close()
    kept = list_backups(paths.backup_dir(db_path))
    assert [b.made.day for b in kept] == [6, 5, 4]
    assert {b.reason for b in kept} == {"daily"}


def test_a_failed_daily_backup_does_not_stop_the_opening(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with(db_path, "山田 太郎")
    shutil.rmtree(paths.backup_dir(db_path))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be", encoding="utf-8")
    monkeypatch.setattr(paths, "backup_dir", lambda _database: blocked)
    database = open_database(db_path)
    assert isinstance(database.notice, BackupError)
    assert "could not be written" in database.notice.en
    database.close()


def test_backups_are_listed_newest_first_with_their_reason(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    folder = tmp_path / "backups"
    made = [backup_with_reason(db_path, folder, reason) for reason in ("manual", "before-0005", "daily")]
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    listed = list_backups(folder)
    assert [b.path for b in listed] == made[::-1]
    assert [b.reason for b in listed] == ["daily", "before-0005", "manual"]
    assert all(b.stem == "office" and b.size > 0 for b in listed)


def test_a_backup_onto_the_database_itself_is_refused(db_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    with pytest.raises(BackupError, match="is the database itself"):
        backup_to(db_path, db_path)
    assert _names(db_path) == ["山田 太郎"]


# ---------------------------------------------------------------- checking a backup


def test_a_good_backup_passes_and_nothing_appears_beside_it(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    usb = tmp_path / "USB メモリー"
    copy = backup_to(db_path, usb / "控え #1.sqlite3")
    report = verify_backup(copy)
    assert report.ok and report.problem is None
    assert report.revision == migrate.head_revision()
    assert sorted(p.name for p in usb.iterdir()) == ["控え #1.sqlite3"]  # no -wal, no -shm


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "台帳.xlsx"
    notes.write_bytes(b"PK\x03\x04 an Excel file")
    report = verify_backup(notes)
    assert not report.ok and report.problem is not None
    assert report.problem.en == f"{notes} cannot be restored: it is not an SQLite database."
    assert "SQLite のデータベースではありません" in report.problem.ja
    assert not verify_backup(tmp_path / "missing.sqlite3").ok


def test_a_damaged_copy_is_refused(db_path: Path, tmp_path: Path) -> None:
    _many_people(_database_with(db_path, "山田 太郎"))
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    _damage(copy)
    report = verify_backup(copy)
    assert report.problem is not None and "the file is damaged" in report.problem.en


def test_a_truncated_copy_is_refused(db_path: Path, tmp_path: Path) -> None:
    _many_people(_database_with(db_path, "山田 太郎"))
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])  # a copy cut short (USB stick pulled out)
    report = verify_backup(copy)
    assert report.problem is not None and "the file is damaged" in report.problem.en


def test_a_backup_from_a_newer_app_is_refused(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    with closing(sqlite3.connect(copy)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    report = verify_backup(copy)
    assert report.problem is not None and "newer version of the app" in report.problem.en
    assert report.revision == "f00d"


def test_a_backup_from_an_older_app_is_fine(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    engine = make_engine(old)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    report = verify_backup(old)
    assert report.ok and report.revision == "0001"


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "customers.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    report = verify_backup(other)
    assert report.problem is not None and "does not hold this app's data" in report.problem.en


def test_broken_references_are_refused(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    database = open_database(db_path)
    with database.session() as session:
        session.add(StorageMedium(asset_number="USB-1", custodian_id=1))
    database.close()
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    with _app_connection(copy) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("DELETE FROM person")
    report = verify_backup(copy)
    assert report.problem is not None and "refer to records that do not exist" in report.problem.en
    assert "storage_medium" in report.problem.en


def test_the_change_history_check_decides_whether_a_backup_is_restored(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    seen: list[str] = []

    def check(engine: Engine, expected_revision: str | None = None) -> CheckReport:
        seen.append(str(engine.url))
        return CheckReport() if chain_holds else CheckReport(integrity=["not verified"])

    monkeypatch.setattr(restore_module, "check_engine", check)
    chain_holds = True
    assert verify_backup(copy).audit_chain == "ok" and seen and copy.name in seen[0]
    chain_holds = False
    report = verify_backup(copy)
    assert report.audit_chain == "broken"
    assert report.problem is not None and "the change history does not verify" in report.problem.en
    with pytest.raises(BackupError, match="change history does not verify"):
        restore(db_path, copy)

    def refuses(_engine: Engine, _expected: str | None = None) -> CheckReport:
        raise UserError("変更履歴の 3 行目が一致しません。", "entry 3 of the change history does not match.")

    monkeypatch.setattr(restore_module, "check_engine", refuses)
    report = verify_backup(copy)
    assert report.problem is not None
    assert report.problem.en == f"{copy} cannot be restored: entry 3 of the change history does not match."


def test_a_backup_with_an_altered_change_history_is_refused(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎", "佐藤 花子")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    assert verify_backup(copy).audit_chain == "ok"
    with closing(sqlite3.connect(copy)) as connection, connection:  # someone edits the trail
        connection.execute("UPDATE audit_entry SET os_user = 'someone else' WHERE id = 1")
    report = verify_backup(copy)
    assert report.audit_chain == "broken"
    assert report.problem is not None and "hash chain breaks at entry 1" in report.problem.en
    assert "ハッシュの連鎖が途切れています" in report.problem.ja


def test_the_newest_good_backup_skips_damaged_ones(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _many_people(_database_with(db_path, "山田 太郎"))
    folder = tmp_path / "backups"
    _clock(monkeypatch, datetime(2026, 11, 20, 9, 0))
    good = backup_with_reason(db_path, folder, "daily")
    _clock(monkeypatch, datetime(2026, 11, 21, 9, 0))
    _damage(backup_with_reason(db_path, folder, "daily"))
    found = newest_good_backup(folder)
    assert found is not None and found.path == good and found.made == datetime(2026, 11, 20, 9, 0)


# ---------------------------------------------------------------- restoring


def test_restore_backs_up_the_current_data_then_puts_the_backup_in_place(
    db_path: Path, tmp_path: Path
) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "usb" / "copy.sqlite3")
    _add_people(db_path, "佐藤 花子")

    previous = restore(db_path, copy)

    assert previous is not None and previous.name.endswith("-before-restore.sqlite3")
    assert _names(previous) == ["山田 太郎", "佐藤 花子"]
    assert _names(db_path) == ["山田 太郎"]
    assert not [p for p in db_path.parent.iterdir() if ".restoring" in p.name]
    database = open_database(db_path)  # the restored file opens as it is
    with database.session() as session:
        assert [p.name for p in session.exec(select(Person))] == ["山田 太郎"]
    database.close()


def test_the_old_write_ahead_log_is_kept_in_the_backup_not_replayed(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    wal = _crash_with_a_change_in_the_log(db_path, "鈴木 一郎")

    previous = restore(db_path, copy)

    assert not wal.exists()
    assert previous is not None and _names(previous) == ["鈴木 一郎"]
    assert _names(db_path) == ["山田 太郎"]


def test_a_backup_with_a_log_beside_it_is_restored_with_the_log(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    _crash_with_a_change_in_the_log(copy, "鈴木 一郎")
    assert verify_backup(copy).ok
    restore(db_path, copy)
    assert _names(db_path) == ["鈴木 一郎"]


def test_a_bad_backup_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    content = db_path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    with pytest.raises(BackupError, match="cannot be restored"):
        restore(db_path, bad)
    assert db_path.read_bytes() == content
    assert [b.reason for b in list_backups(paths.backup_dir(db_path))] == ["daily"]


def test_a_damaged_database_is_kept_before_it_is_replaced(db_path: Path) -> None:
    _many_people(_database_with(db_path, "山田 太郎"))
    good = backup_with_reason(db_path, paths.backup_dir(db_path), "manual")
    damaged = _damage(db_path)
    with pytest.raises(DatabaseDamagedError, match="damaged"):
        open_database(db_path)

    previous = restore(db_path, good)

    assert previous is not None and previous.read_bytes()[PAGE:] == damaged[PAGE:]  # as it was
    open_database(db_path).close()
    assert _names(db_path)[0] == "山田 太郎"


def test_an_older_backup_is_migrated_when_opened(db_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    engine = make_engine(old)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    _database_with(db_path, "山田 太郎")
    restore(db_path, old)
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == (migrate.head_revision(),)


def test_a_file_that_is_not_sqlite_is_refused_at_open_but_not_called_damaged(db_path: Path) -> None:
    db_path.write_bytes(b"PK\x03\x04 an Excel file")
    with pytest.raises(DatabaseUnreadableError) as raised:
        open_database(db_path)
    assert not isinstance(raised.value, DatabaseDamagedError)


def test_an_emptied_database_is_not_started_afresh(db_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "new.sqlite3"
    empty.touch()  # without backups too: only a path where no file is makes a new database
    with pytest.raises(DatabaseDamagedError, match="the file is empty"):
        open_database(empty)
    _database_with(db_path, "山田 太郎")
    db_path.write_bytes(b"")  # a failed copy or sync emptied it
    with pytest.raises(DatabaseDamagedError, match="the file is empty"):
        open_database(db_path)
    assert db_path.read_bytes() == b"" and empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("new")) == ["new.sqlite3"]


# ---------------------------------------------------------------- the restore command


def test_restore_command(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    _add_people(db_path, "佐藤 花子")
    assert main(["--lang", "en", "restore", str(copy), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"Restored {db_path} from {copy}." in out and "before-restore" in out
    assert _names(db_path) == ["山田 太郎"]


def test_restore_command_names_the_reason_it_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _database_with(db_path, "山田 太郎")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    assert main(["--lang", "en", "restore", str(notes), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == f"{notes} cannot be restored: it is not an SQLite database."
    assert main(["--lang", "ja", "restore", str(tmp_path / "none.sqlite3"), "--db", str(db_path)]) == 1
    assert "ファイルがありません" in capsys.readouterr().err
    assert _names(db_path) == ["山田 太郎"]


def test_writing_commands_wait_for_the_app_reading_ones_do_not(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _database_with(db_path, "山田 太郎")
    copy = backup_to(db_path, tmp_path / "copy.sqlite3")
    with InstanceLock(db_path):  # as the app holds it
        assert main(["--lang", "en", "restore", str(copy), "--db", str(db_path)]) == 1
        assert "is in use by SME Guard" in capsys.readouterr().err
        sheet = tmp_path / "people.xlsx"
        assert main(["--lang", "en", "export", "people", "--out", str(sheet), "--db", str(db_path)]) == 0
        capsys.readouterr()
        assert main(["--lang", "en", "import", "people", "--file", str(sheet), "--db", str(db_path)]) == 1
        assert "is in use by SME Guard" in capsys.readouterr().err
        dry_run = ["import", "people", "--file", str(sheet), "--dry-run", "--db", str(db_path)]
        assert main(["--lang", "en", *dry_run]) == 0
        assert main(["backup", "--db", str(db_path), "--out", str(tmp_path / "b.sqlite3")]) == 0
    assert main(["--lang", "en", "restore", str(copy), "--db", str(db_path)]) == 0


def test_user_errors_of_restore_speak_both_languages(tmp_path: Path) -> None:
    report = verify_backup(tmp_path / "none.sqlite3")
    assert isinstance(report.problem, UserError)
    assert report.problem.message("ja") != report.problem.message("en")
