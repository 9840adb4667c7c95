"""Ways a database file gets damaged (a failing disk, a crashed sync tool, a hand edit), for
the tests that check every one of them is reported as damage, never as a bug."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

PAGE = 4096


def _settled(path: Path) -> bytearray:
    """The file's bytes with everything in it (no write-ahead log beside it)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return bytearray(path.read_bytes())


def _root_page(path: Path, name: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return int(row[0])


def scribbled_pages(path: Path) -> None:
    data = _settled(path)
    data[PAGE * 5 : PAGE * 7] = b"\xff" * (PAGE * 2)
    path.write_bytes(bytes(data))


def wrecked_index_page(path: Path) -> None:
    """The root page of the audit trail's date index overwritten: a leaf-index type byte
    followed by nonsense."""
    page = _root_page(path, "ix_audit_entry_at")
    data = _settled(path)
    data[(page - 1) * PAGE : page * PAGE] = b"\x0a" + b"\xee" * (PAGE - 1)
    path.write_bytes(bytes(data))


def _schema_edit(path: Path, sql: str) -> None:
    _settled(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute(sql)


def trigger_not_utf8(path: Path) -> None:
    """Bytes that are not UTF-8 inside a trigger's stored SQL."""
    _schema_edit(
        path,
        "UPDATE sqlite_master SET sql = CAST(sql || X'fffe80' AS TEXT) WHERE name = 'audit_person_insert'",
    )


def trigger_not_sql(path: Path) -> None:
    """A stored definition that is not SQL any more."""
    _schema_edit(path, "UPDATE sqlite_master SET sql = 'CREATE TRIGGER (' WHERE name = 'audit_person_insert'")


def truncated(path: Path) -> None:
    """The second half of the file lost (a copy cut short)."""
    data = _settled(path)
    path.write_bytes(bytes(data[: len(data) // 2]))


def header_page_size(path: Path) -> None:
    """The header's page size overwritten (not a power of two)."""
    data = _settled(path)
    data[16:18] = b"\x12\x34"
    path.write_bytes(bytes(data))


def emptied(path: Path) -> None:
    """0 bytes where the database was (a crashed sync tool, a full disk)."""
    _settled(path)
    path.write_bytes(b"")


# Damage that SQLite's quick check or the first read finds, so opening refuses the file.
FOUND_AT_OPEN: dict[str, Callable[[Path], None]] = {
    "scribbled pages": scribbled_pages,
    "wrecked index page": wrecked_index_page,
    "trigger SQL not UTF-8": trigger_not_utf8,
    "trigger SQL not SQL": trigger_not_sql,
    "truncated": truncated,
    "header page size": header_page_size,
    "emptied": emptied,
}


def text_not_utf8(path: Path) -> None:
    """A stored name whose bytes are not UTF-8 (written by another tool): only reading that
    row finds it."""
    _settled(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("DROP TRIGGER audit_person_update")  # (the app's triggers need its functions)
        connection.execute("UPDATE person SET name = CAST(X'e5b1b1ff' AS TEXT) WHERE id = 1")
