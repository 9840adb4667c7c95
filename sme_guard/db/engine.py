"""The SQLAlchemy engine for one SQLite file, with the pragmas the reliability rules ask for.

SQLite-specific SQL stays in ``sme_guard/db``; the rest of the app speaks portable SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from sme_guard.db.audit_triggers import register_functions
from sme_guard.errors import (
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnreadableError,
    ReadOnlyError,
    StorageFullError,
)

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
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


def make_engine(path: Path) -> Engine:
    # isolation_level=None stops the sqlite3 module from managing transactions itself (it
    # does not wrap DDL), and the "begin" hook lets SQLAlchemy start every transaction, so a
    # failing migration or import rolls back completely.
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "isolation_level": None}
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    # Every service gets the plain message for a known failure (read-only, disk full, ...)
    # without catching it itself: the GUI shows it, the form keeps what was typed.
    event.listen(engine, "handle_error", lambda context: user_error_for(context.original_exception, path))
    return engine


def user_error_for(exc: BaseException, path: Path) -> DatabaseError | None:
    """The plain message for a known SQLite failure, or None when it is a bug."""
    original = getattr(exc, "orig", exc)
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
    if "not a database" in text or "malformed" in text or "unable to open" in text:
        return DatabaseUnreadableError(
            f"{path} はこのアプリのデータベースとして読み込めません(破損しているか、別の種類のファイルです)。",
            f"{path} cannot be read as this app's database (it is damaged or a different kind of file).",
        )
    return None
