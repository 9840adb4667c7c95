"""Files a hostile (or unlucky) user hands the command line: folder names full of URL syntax,
another program's database, every kind of damage, an emptied file, media that cannot be
written. Each names exactly its file, and a file that is refused stays byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sme_guard import paths
from sme_guard.cli import main
from sme_guard.db.backup import backup_to
from sme_guard.db.database import open_database
from sme_guard.db.lock import InstanceLock, lock_path
from sme_guard.domain.tables import Person
from sme_guard.errors import DatabaseDamagedError, DatabaseUnreadableError
from tests import damage

# Names an office's folders and files really have; "?" is not allowed on Windows.
ODD_NAMES = [
    "台帳%20データ",
    "a#b&c=d;e[f]g'h~i",
    "事務所 データ (100%) ％",
    *([] if sys.platform == "win32" else ["q?x=1#frag"]),
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _media_sheet(path: Path, *numbers: str) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "記憶媒体"
    sheet.append(["資産番号", "種類", "数量", "状態"])
    for number in numbers:
        sheet.append([number, "USBメモリー", 1, "使用中"])
    workbook.save(path)
    return path


def _numbers(database: Path) -> list[str]:
    """The asset numbers in exactly the file ``database`` (read without SQLAlchemy)."""
    with closing(sqlite3.connect(f"{database.as_uri()}?immutable=1", uri=True)) as connection:
        return [row[0] for row in connection.execute("SELECT asset_number FROM storage_medium ORDER BY id")]


def _people(path: Path, count: int = 300) -> Path:
    database = open_database(path)
    with database.session() as session:
        session.add_all(Person(name=f"社員{n}", notes="x" * 400) for n in range(count))
    database.close()
    return path


def _export_people(database: Path, lang: str) -> int:
    return main(
        ["--lang", lang, "--db", str(database), "export", "people", "--out", str(database.parent / "p.xlsx")]
    )


def _good_backup(database: Path) -> Path:
    return backup_to(
        database, paths.backup_dir(database) / f"{database.stem}-20261120-090000-000000-daily.sqlite3"
    )


# ---------------------------------------------------------------- 1. names with URL syntax


@pytest.mark.parametrize("name", ODD_NAMES)
def test_every_command_works_on_exactly_the_named_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / f"共有 {name}"
    folder.mkdir()
    db = folder / f"{name}.sqlite3"
    sheet = _media_sheet(tmp_path / "in.xlsx", "USB-1", "USB-2", "USB-3")
    run = ["--lang", "en", "--db", str(db)]

    assert main([*run, "import", "media", "--file", str(sheet)]) == 0
    assert "3 added" in capsys.readouterr().out
    assert _numbers(db) == ["USB-1", "USB-2", "USB-3"]  # the rows are in the file named

    workbook = folder / f"{name}.xlsx"
    assert main([*run, "export", "media", "--out", str(workbook)]) == 0
    cells = {cell.value for row in load_workbook(workbook).active.iter_rows() for cell in row}
    assert {"USB-1", "USB-3"} <= cells

    copy = folder / f"{name} バックアップ.sqlite3"
    assert main([*run, "backup", "--out", str(copy)]) == 0
    assert _numbers(copy) == ["USB-1", "USB-2", "USB-3"]
    assert main([*run, "backup"]) == 0
    backups = folder / f"{name}-backups"
    assert [_numbers(b) for b in backups.glob("*-manual.sqlite3")] == [["USB-1", "USB-2", "USB-3"]]

    labels = folder / f"{name}.pdf"
    assert main([*run, "pdf", "labels", "media", "--out", str(labels)]) == 0 and labels.stat().st_size
    assert main([*run, "check"]) == 0

    _media_sheet(sheet, "USB-4")
    assert main([*run, "import", "media", "--file", str(sheet)]) == 0
    assert main([*run, "restore", str(copy)]) == 0
    assert _numbers(db) == ["USB-1", "USB-2", "USB-3"]
    before_restore = next(backups.glob("*-before-restore.sqlite3"))
    assert _numbers(before_restore) == ["USB-1", "USB-2", "USB-3", "USB-4"]

    # Nothing went to a file the name's URL syntax would have meant ("台帳 データ", "q").
    assert _listing(folder) == sorted([db.name, f"{name}-backups", copy.name, workbook.name, labels.name])


@pytest.mark.parametrize("name", ODD_NAMES)
def test_the_lock_is_of_exactly_the_named_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / f"{name}.sqlite3"
    open_database(db).close()
    neighbour = tmp_path / "台帳 データ.sqlite3"  # what "%20" would have meant
    open_database(neighbour).close()
    sheet = _media_sheet(tmp_path / "in.xlsx", "USB-1")
    assert lock_path(db) == tmp_path / f"{name}.sqlite3.lock"
    with InstanceLock(db):
        assert main(["--lang", "en", "--db", str(db), "import", "media", "--file", str(sheet)]) == 1
        assert "is in use by SME Guard" in capsys.readouterr().err
        assert main(["--lang", "en", "--db", str(neighbour), "import", "media", "--file", str(sheet)]) == 0
    assert _numbers(db) == [] and _numbers(neighbour) == ["USB-1"]


def test_the_real_command_keeps_a_percent_name(tmp_path: Path) -> None:
    """The installed program, as the issue ran it: the rows land in the file named."""
    db = tmp_path / "台帳%20データ.sqlite3"
    sheet = _media_sheet(tmp_path / "in.xlsx", "USB-1", "USB-2", "USB-3")
    command = [sys.executable, "-m", "sme_guard", "--lang", "en", "--db", str(db)]
    environment = {**os.environ, "SME_GUARD_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [*command, "import", "media", "--file", str(sheet)], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert _numbers(db) == ["USB-1", "USB-2", "USB-3"]
    assert not (tmp_path / "台帳 データ.sqlite3").exists()


# ---------------------------------------------------------------- 2. another program's file


def _foreign(path: Path, journal: str) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA journal_mode={journal}")
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO customers (name) VALUES ('山田商店')")
        connection.commit()
    return path


# Commands on the database, writing what they make into the folder ``out``.
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "export": lambda out: ["export", "media", "--out", str(out / "out.xlsx")],
    "import": lambda out: ["import", "media", "--file", str(_media_sheet(out / "in.xlsx", "U-1"))],
    "pdf": lambda out: ["pdf", "labels", "media", "--out", str(out / "out.pdf")],
    "backup": lambda out: ["backup"],
    "check": lambda out: ["check"],
}


def _out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return out


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_another_programs_database_is_refused_and_left_byte_for_byte(
    command: str, journal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "他社"
    folder.mkdir()
    foreign = _foreign(folder / "顧客.sqlite3", journal)
    before, files = _digest(foreign), _listing(folder)
    assert main(["--lang", "en", "--db", str(foreign), *COMMANDS[command](_out(tmp_path))]) == 1
    captured = capsys.readouterr()
    assert "not this app's database" in captured.err or "this is not SME Guard's database" in captured.out
    assert "unexpected" not in captured.err.lower()
    assert _digest(foreign) == before and _listing(folder) == files  # no -wal, -shm or backups either


def test_another_programs_database_is_refused_unchanged_at_open(tmp_path: Path) -> None:
    foreign = _foreign(tmp_path / "顧客.sqlite3", "delete")
    header = foreign.read_bytes()[:100]
    with pytest.raises(DatabaseUnreadableError, match="not this app's database"):
        open_database(foreign)
    assert foreign.read_bytes()[:100] == header  # bytes 18-19 (journal), 28, 96 as they were
    with closing(sqlite3.connect(foreign)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


@pytest.mark.parametrize("content", [b"PK\x03\x04 an Excel file", b"SQLite format 3\x00" + b"\x00" * 84])
def test_other_refused_files_are_left_byte_for_byte(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_bytes(content)
    for command in COMMANDS.values():
        assert main(["--lang", "en", "--db", str(path), *command(_out(tmp_path))]) == 1
    assert path.read_bytes() == content and not (tmp_path / "x-backups").exists()


# ---------------------------------------------------------------- 3. every kind of damage


@pytest.mark.parametrize("damage_file", list(damage.FOUND_AT_OPEN.values()), ids=list(damage.FOUND_AT_OPEN))
def test_damage_is_reported_as_damage_with_the_backup_to_restore(
    damage_file: Callable[[Path], None], db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db_path)
    backup = _good_backup(db_path)
    damage_file(db_path)
    before = _digest(db_path)

    with pytest.raises(DatabaseDamagedError, match="the file is damaged"):
        open_database(db_path)
    capsys.readouterr()
    for command in ("export", "pdf", "import", "backup"):
        assert main(["--lang", "en", "--db", str(db_path), *COMMANDS[command](_out(tmp_path))]) == 1
        err = capsys.readouterr().err
        assert "the file is damaged" in err and "unexpected" not in err.lower()
        assert f"The newest backup that passes the checks (2026-11-20 09:00): {backup}" in err
        assert f'restore "{backup}"' in err

    assert main(["--lang", "en", "--db", str(db_path), "check"]) == 1
    captured = capsys.readouterr()
    assert "Result: the file is damaged; the check stopped where it could not be read" in captured.out
    assert "PROBLEM" in captured.out and "Traceback" not in captured.out + captured.err
    assert str(backup) in captured.err
    assert _digest(db_path) == before

    assert main(["--lang", "en", "--db", str(db_path), "restore", str(backup)]) == 0
    assert main(["--lang", "en", "--db", str(db_path), "check"]) == 0


def test_check_says_what_it_verified_before_it_stopped(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db_path)
    damage.text_not_utf8(db_path)  # only reading that row finds it
    assert main(["--lang", "en", "--db", str(db_path), "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "Integrity (PRAGMA integrity_check): ok" in lines
    assert "References (PRAGMA foreign_key_check): ok" in lines
    assert any(line.startswith("History hash chain: ok (") for line in lines)
    (stopped,) = [line for line in lines if "reading stopped here" in line]
    assert stopped.startswith("History against the data: PROBLEM") and "UTF-8" in stopped
    assert _export_people(db_path, "en") == 1
    assert "the file is damaged" in capsys.readouterr().err


def test_a_schema_that_is_not_text_stops_check_at_the_start(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db_path, 3)
    damage.trigger_not_utf8(db_path)
    assert main(["--lang", "ja", "--db", str(db_path), "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("ファイルの読み取り: 異常 — SQLite のエラーメッセージも読めません")
    assert "整合性 (PRAGMA integrity_check): 未確認" in lines
    assert lines[-1].startswith("結果: ファイルが破損しているため")


# ---------------------------------------------------------------- 4. an emptied file


def test_an_emptied_file_is_damage_and_the_newest_good_backup_is_named(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db_path, 3)
    backup = _good_backup(db_path)
    damage.emptied(db_path)
    assert _export_people(db_path, "ja") == 1
    err = capsys.readouterr().err
    assert (
        "ファイルが空です(0 バイト)" in err
        and f"確認に合格する最新のバックアップ(2026-11-20 09:00): {backup}" in err
    )
    assert main(["--lang", "en", "--db", str(db_path), "check"]) == 1
    assert "Reading the file: PROBLEM — the file is empty (0 bytes)" in capsys.readouterr().out
    assert db_path.read_bytes() == b""


def test_only_a_path_where_no_file_is_makes_a_new_database(tmp_path: Path) -> None:
    new = tmp_path / "新規" / "office.sqlite3"
    assert _export_people(new, "en") == 0
    assert new.stat().st_size > 0


# ---------------------------------------------------------------- 6. media that cannot be written


def test_a_database_on_read_only_media_can_be_read_exported_printed_and_checked(
    tmp_path: Path, read_only_media: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    disc = tmp_path / "CD-R"
    disc.mkdir()
    db = disc / "2025年度 台帳.sqlite3"
    assert (
        main(["--db", str(db), "import", "media", "--file", str(_media_sheet(tmp_path / "in.xlsx", "USB-1"))])
        == 0
    )
    read_only_media(disc)
    before, files = _digest(db), _listing(disc)
    out = _out(tmp_path)
    run = ["--lang", "en", "--db", str(db)]

    database = open_database(db)
    assert database.read_only
    database.close()
    assert main([*run, "export", "media", "--out", str(out / "媒体.xlsx")]) == 0
    assert main([*run, "pdf", "labels", "media", "--out", str(out / "labels.pdf")]) == 0
    assert main([*run, "pdf", "stocktake", "media", "--out", str(out / "stocktake.pdf")]) == 0
    assert main([*run, "check"]) == 0
    assert main([*run, "backup", "--out", str(out / "copy.sqlite3")]) == 0
    assert _numbers(out / "copy.sqlite3") == ["USB-1"]
    capsys.readouterr()

    assert main([*run, "import", "media", "--file", str(_media_sheet(tmp_path / "in.xlsx", "USB-2"))]) == 1
    assert "read-only location" in capsys.readouterr().err
    assert main([*run, "restore", str(out / "copy.sqlite3")]) == 1
    assert "cannot be written" in capsys.readouterr().err
    assert _digest(db) == before and _listing(disc) == files
