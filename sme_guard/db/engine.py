"""The one place that connects to an SQLite file: the SQLAlchemy engine with the pragmas the
reliability rules ask for, and plain DB-API connections (backups, checks, restores).

A database path is a file name, never URL syntax: ``%20``, ``?``, ``#``, ``&`` or ``;`` in a
folder name must name exactly that file. So the engine's URL is built with ``URL.create``
(a ``sqlite:///...`` string would be parsed: ``%20`` decoded, ``?`` starting a query), and a
read-only connection, which needs SQLite's URI form, percent-encodes the path.

SQLite-specific SQL stays in ``sme_guard/db``; the rest of the app speaks portable SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from sme_guard.db.audit_triggers import register_functions
from sme_guard.errors import (
    DatabaseDamagedError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnreadableError,
    ReadOnlyError,
    StorageFullError,
)

BUSY_TIMEOUT_MS = 5000


def read_only_uri(path: Path) -> str:
    """SQLite's URI for reading ``path`` without changing anything, percent-encoded.

    With neither a write-ahead log holding data nor a shared-memory file beside it, no
    connection has the file open: ``immutable`` then reads the file alone and leaves nothing
    beside it (a USB stick, a CD-R, another program's file stay exactly as they were).
    Otherwise ``mode=ro`` reads the log too and sees what a running app writes meanwhile.
    """
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    live = (wal.is_file() and wal.stat().st_size > 0) or shm.exists()
    # file:///C:/x, file:////server/share/x (a NAS) and file:///home/x all work with SQLite.
    location = path.resolve().as_posix()
    if not location.startswith("/"):
        location = "/" + location
    return f"file://{quote(location, safe='/:')}?{'mode=ro' if live else 'immutable=1'}"


def connect(
    path: Path, *, read_only: bool = False, timeout: float = BUSY_TIMEOUT_MS / 1000
) -> sqlite3.Connection:
    """A plain DB-API connection to exactly ``path`` (``read_only``: see ``read_only_uri``)."""
    if read_only:
        return sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout, check_same_thread=False)
    return sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)


def _set_pragmas(dbapi_connection: Any, read_only: bool) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if not read_only:  # a read-only connection cannot change the journal, and needs not
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Rows an INSERT OR REPLACE deletes fire the delete trigger, so the audit trail sees them.
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.close()
    # The functions the audit trail's triggers call (without them no audited table changes).
    register_functions(dbapi_connection)


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """The engine of exactly the file ``path``; ``read_only`` never writes to it (nor sets
    its journal mode), for a file not yet known to be ours or on media that cannot be written."""
    url = (
        URL.create("sqlite", database=read_only_uri(path), query={"uri": "true"})
        if read_only
        else URL.create("sqlite", database=str(path))
    )
    # isolation_level=None stops the sqlite3 module from managing transactions itself (it
    # does not wrap DDL), and the "begin" hook lets SQLAlchemy start every transaction, so a
    # failing migration or import rolls back completely.
    engine = create_engine(url, connect_args={"check_same_thread": False, "isolation_level": None})
    event.listen(engine, "connect", lambda connection, _record: _set_pragmas(connection, read_only))
    event.listen(engine, "begin", _begin)
    # Every service gets the plain message for a known failure (read-only, disk full, ...)
    # without catching it itself: the GUI shows it, the form keeps what was typed.
    event.listen(engine, "handle_error", lambda context: user_error_for(context.original_exception, path))
    return engine


def unreadable(path: Path, why_ja: str, why_en: str) -> DatabaseUnreadableError:
    """A file that is not (this app's) database: a different kind of file, a folder."""
    return DatabaseUnreadableError(f"{path} を開けません: {why_ja}", f"{path} cannot be opened: {why_en}")


def damaged(path: Path, why_ja: str, why_en: str) -> DatabaseDamagedError:
    """A database file that is not what it should be: restore a backup (the app offers one)."""
    return DatabaseDamagedError(
        f"{path} を開けません: ファイルが破損しています({why_ja})。",
        f"{path} cannot be opened: the file is damaged ({why_en}).",
    )


# SQLite's words for a file whose pages or stored schema are not what they should be, and
# Python's for stored text that is not UTF-8.
DAMAGE_WORDS = ("malformed", "not a database", "disk image", "could not decode")


def user_error_for(exc: BaseException, path: Path) -> DatabaseError | None:
    """The plain message for a known SQLite failure, or None when it is a bug."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, UnicodeDecodeError):
        # The sqlite3 module could not decode SQLite's own message: it quotes a stored table,
        # index or trigger definition that is not valid text.
        return damaged(
            path,
            "保存されている表やトリガーの定義が読めません",
            "a stored table or trigger definition cannot be read",
        )
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"データベース {path} は他のプログラムが使用中です。しばらく待ってからやり直してください。",
            f"The database {path} is in use by another program. Wait a moment and try again.",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StorageFullError(
            f"ディスクがいっぱいのため {path} に保存できません。空き容量を作ってからやり直してください。",
            f"The disk is full, so {path} cannot be saved. Free some space and try again.",
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            f"{path} は読み取り専用の場所にあるため保存できません。",
            f"{path} is in a read-only location, so nothing can be saved there.",
        )
    if any(word in text for word in DAMAGE_WORDS):
        return damaged(path, str(original), str(original))
    if "unable to open" in text:
        return DatabaseUnreadableError(
            f"{path} を開けません(ファイルやフォルダを読めないか、書き込めない場所にあります)。",
            f"{path} cannot be opened (the file or its folder cannot be read, or it is somewhere that cannot be written).",
        )
    return None
