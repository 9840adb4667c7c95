"""What an existing database file is, found without changing a byte of it.

Opening reads a file through a read-only connection first (``engine.read_only_uri``): only
once it is known to be sound and this app's does anything write to it (the journal mode,
a migration, a backup). So a file that is refused — damaged, another program's, from a newer
version of the app — is left exactly as it was, with nothing created beside it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Literal

from sme_guard.db.engine import connect, damaged, unreadable, user_error_for

SQLITE_HEADER = b"SQLite format 3\x00"
FileKind = Literal["sqlite", "empty", "not-sqlite"]


def file_kind(path: Path) -> FileKind:
    """What the existing file ``path`` holds, by its first bytes: an SQLite file, nothing at
    all (0 bytes: emptied by a failed copy or sync, a full disk), or something else."""
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if not header:
        return "empty"
    return "sqlite" if header == SQLITE_HEADER else "not-sqlite"


def schema_revision(path: Path) -> str | None:
    """The schema revision of the SQLite file ``path`` (None: a file without any table yet).

    Raises ``DatabaseDamagedError`` when SQLite's quick check fails or the file cannot be read
    as a database (whatever the damage: pages, indexes, a stored definition that is not
    text), and ``DatabaseUnreadableError`` for another program's database.
    """
    try:
        with closing(connect(path, read_only=True)) as connection:
            result = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            if result != ["ok"]:
                found = "; ".join(str(line) for line in result)
                raise damaged(path, f"整合性チェックの結果: {found}", f"integrity check: {found}")
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            row = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        known = user_error_for(exc, path)
        # Whatever else stops these plain reads, the file cannot be read as a database.
        raise (known or damaged(path, str(exc), str(exc))) from exc
    if row is None and tables:
        raise unreadable(path, "このアプリのデータベースではありません。", "it is not this app's database.")
    return None if row is None else str(row[0])
