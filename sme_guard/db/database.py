"""Opening the database: check it, back it up, migrate it, hand out sessions."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from sme_guard import paths
from sme_guard.db import migrate
from sme_guard.db.backup import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    backup_with_reason,
    daily_backup,
    list_backups,
)
from sme_guard.db.engine import make_engine, user_error_for
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.errors import (
    DatabaseDamagedError,
    DatabaseTooNewError,
    DatabaseUnreadableError,
    ReadOnlyError,
    UserError,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    path: Path
    engine: Engine
    # A problem worth telling the user that did not stop the opening (today's backup failed).
    notice: UserError | None = None

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


def _unreadable(path: Path, why_ja: str, why_en: str) -> DatabaseUnreadableError:
    return DatabaseUnreadableError(f"{path} を開けません: {why_ja}", f"{path} cannot be opened: {why_en}")


def _damaged(path: Path, why_ja: str, why_en: str) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        f"{path} を開けません: ファイルが破損しています({why_ja})。",
        f"{path} cannot be opened: the file is damaged ({why_en}).",
    )


def _sqlite_message(exc: BaseException) -> str:
    """The SQLite error text behind ``exc`` (SQLAlchemy wraps it, the engine maps it)."""
    seen: BaseException | None = exc
    while seen is not None:
        original = getattr(seen, "orig", None) or seen
        if isinstance(original, sqlite3.Error):
            return str(original)
        seen = seen.__cause__
    return ""


def _inspect(engine: Engine, path: Path, existed: bool) -> tuple[str | None, bool]:
    """The schema revision and whether there are tables. An existing file must pass SQLite's
    quick check; one that fails it, or that SQLite calls malformed, is ``DatabaseDamagedError``."""
    try:
        with engine.connect() as connection:
            if existed:
                result = connection.execute(text("PRAGMA quick_check")).scalar()
                if result != "ok":
                    raise _damaged(path, f"整合性チェックの結果: {result}", f"integrity check: {result}")
            return migrate.current_revision(connection), bool(inspect(connection).get_table_names())
    except (DBAPIError, DatabaseUnreadableError) as exc:
        message = _sqlite_message(exc)
        damage = "malformed" in message or "not a database" in message
        if existed and damage and not isinstance(exc, DatabaseDamagedError):
            raise _damaged(path, message, message) from exc
        raise


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
    """True when the file exists with content; refuses what is plainly not SQLite."""
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
        raise _unreadable(path, "フォルダです。", "it is a folder.")
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise _unreadable(path, "SQLite のデータベースではありません。", "it is not an SQLite database.")
    return True


def open_database(path: Path) -> Database:
    """Open (or create) the database at ``path`` and bring it to the current schema.

    A database that is damaged, not ours, or from a newer version of the app is refused
    with a ``DatabaseError`` (``DatabaseDamagedError`` when it fails the integrity check); it
    is never replaced or downgraded. Before any migration the file is backed up with SQLite's
    backup API, and once a day (reason ``daily``, the newest ``backups.keep`` kept).
    """
    path = path.expanduser().resolve()
    existed = _check_file(path)
    if not existed and path.exists() and list_backups(paths.backup_dir(path), path.stem):
        # An emptied file (a failed copy or sync) of a database that had data: a backup, not a
        # fresh start, is what the user needs.
        raise _damaged(path, "ファイルが空です(0 バイト)", "the file is empty (0 bytes)")
    engine = make_engine(path)
    try:
        revision, has_tables = _inspect(engine, path, existed)
        if revision != HEAD_REVISION:
            if revision is None and has_tables:
                raise _unreadable(
                    path, "このアプリのデータベースではありません。", "it is not this app's database."
                )
            if revision is not None and revision not in migrate.known_revisions():
                raise DatabaseTooNewError(
                    f"{path} は新しいバージョンのアプリで作成されています。アプリを更新してから開いてください。",
                    f"{path} was written by a newer version of the app. Update the app to open it.",
                )
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
