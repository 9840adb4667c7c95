"""Opening the database: check it, back it up, migrate it, hand out sessions."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from sme_guard import paths
from sme_guard.db import migrate
from sme_guard.db.backup import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    backup_with_reason,
    daily_backup,
)
from sme_guard.db.engine import damaged, make_engine, unreadable, user_error_for
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.db.probe import file_kind, schema_revision
from sme_guard.errors import (
    DatabaseTooNewError,
    DatabaseUnreadableError,
    ReadOnlyError,
    UserError,
)

log = logging.getLogger(__name__)


@dataclass
class Database:
    path: Path
    engine: Engine
    # A problem worth telling the user that did not stop the opening (today's backup failed).
    notice: UserError | None = None
    # On media that cannot be written (a CD-R, a write-protected USB stick): read, export,
    # print and check only; the app says so and offers no saving.
    read_only: bool = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with Session(self.engine) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise (user_error_for(exc, self.path) or exc) from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def _backup_keep(engine: Engine) -> int:
    """The office setting ``backups.keep`` (how many backups of each kind are kept)."""
    try:
        with engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM app_setting WHERE key = :key"), {"key": KEEP_SETTING}
            ).scalar()
        return max(int(value), 1) if value is not None else DEFAULT_KEEP
    except (DBAPIError, UserError, ValueError):
        return DEFAULT_KEEP


def _daily_backup(database: Database) -> UserError | None:
    """Today's backup, once a day; a failure is reported, it does not stop the opening."""
    try:
        saved = daily_backup(database.path, paths.backup_dir(database.path), _backup_keep(database.engine))
    except UserError as exc:
        log.warning("daily backup of %s failed: %s", database.path, exc.en)
        return exc
    if saved is not None:
        log.info("daily backup of %s written to %s", database.path, saved)
    return None


# SQLite's longest file name, in bytes of UTF-8 (its unix and Windows VFS limits): beyond it a
# database cannot be opened, and SQLite's own error would read like a damaged file.
MAX_PATH_BYTES = 1040 if sys.platform == "win32" else 512


def _check_path_length(path: Path) -> None:
    length = len(str(path).encode("utf-8"))
    if length > MAX_PATH_BYTES:
        raise DatabaseUnreadableError(
            f"{path} はパスが長すぎて開けません(UTF-8 で {length} バイト、上限 {MAX_PATH_BYTES} バイト)。"
            "短い名前のフォルダにデータベースを置いてください。",
            f"The path {path} is too long to open ({length} bytes of UTF-8; the limit is "
            f"{MAX_PATH_BYTES}). Keep the database in a folder with a shorter name.",
        )


def _check_file(path: Path) -> bool:
    """True when the file exists; refuses what is plainly not SQLite. Only a path where no
    file is creates a new database: an emptied one (a failed copy or sync) is damage."""
    _check_path_length(path)
    if not path.exists():
        folder = path.parent
        folder_exists = folder.exists()
        if folder_exists and not os.access(folder, os.W_OK):
            raise ReadOnlyError(
                f"フォルダ {folder} に書き込めないため、データベースを作成できません。",
                f"The folder {folder} is not writable, so the database cannot be created there.",
            )
        folder.mkdir(parents=True, exist_ok=True)
        return False
    if path.is_dir():
        raise unreadable(path, "フォルダです。", "it is a folder.")
    kind = file_kind(path)
    if kind == "empty":
        raise damaged(
            path,
            "ファイルが空です(0 バイト)。新しく始める場合は、このファイルを削除してから開いてください",
            "the file is empty (0 bytes). To start afresh instead, delete this file, then open it again",
        )
    if kind == "not-sqlite":
        raise unreadable(path, "SQLite のデータベースではありません。", "it is not an SQLite database.")
    return True


def _writable(path: Path) -> bool:
    """Whether the file and its folder (the journal files go there) can be written: not on a
    CD-R, a write-protected USB stick or a read-only share."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(path: Path, revision: str | None) -> Database:
    """A database on media that cannot be written, opened to read, export, print and check."""
    if revision != HEAD_REVISION:
        raise ReadOnlyError(
            f"{path} は読み取り専用の場所にあり、このバージョンのアプリ用に更新できないため開けません。"
            "書き込める場所にコピーしてから開いてください。",
            f"{path} is on read-only media and cannot be brought up to this version of the app, so "
            "it cannot be opened. Copy it to a folder that can be written, then open it there.",
        )
    log.info("%s is on read-only media: opened read-only", path)
    return Database(path=path, engine=make_engine(path, read_only=True), read_only=True)


def open_database(path: Path) -> Database:
    """Open (or create) the database at ``path`` and bring it to the current schema.

    An existing file is first read without writing (``probe.schema_revision``): one that is
    damaged (``DatabaseDamagedError``, an empty file too), not ours, or from a newer version of
    the app is refused with a ``DatabaseError`` and stays byte for byte as it was; it is never
    replaced or downgraded. One on media that cannot be written opens read-only
    (``Database.read_only``). Before any migration the file is backed up with SQLite's
    backup API, and once a day (reason ``daily``, the newest ``backups.keep`` kept).
    """
    path = path.expanduser().resolve()
    existed = _check_file(path)
    revision = schema_revision(path) if existed else None
    if revision is not None and revision != HEAD_REVISION and revision not in migrate.known_revisions():
        raise DatabaseTooNewError(
            f"{path} は新しいバージョンのアプリで作成されています。アプリを更新してから開いてください。",
            f"{path} was written by a newer version of the app. Update the app to open it.",
        )
    if existed and not _writable(path):
        return _open_read_only(path, revision)
    engine = make_engine(path)
    try:
        if revision != HEAD_REVISION:
            if revision is not None:
                saved = backup_with_reason(path, paths.backup_dir(path), f"before-{HEAD_REVISION}")
                log.info("backed up %s to %s before migrating from %s", path, saved, revision)
            migrate.upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise (user_error_for(exc, path) or exc) from exc
    except BaseException:
        engine.dispose()
        raise
    database = Database(path=path, engine=engine)
    if existed:  # a file just created holds nothing to keep
        database.notice = _daily_backup(database)
    return database
