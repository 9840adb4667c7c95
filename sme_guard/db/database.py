"""Opening the database: check it, back it up, migrate it, hand out sessions."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from sme_guard import paths
from sme_guard.db import migrate
from sme_guard.db.backup import backup_with_reason
from sme_guard.db.engine import make_engine, user_error_for
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.errors import DatabaseTooNewError, DatabaseUnreadableError, ReadOnlyError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    path: Path
    engine: Engine

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


def _check_file(path: Path) -> bool:
    """True when the file exists with content; refuses what is plainly not SQLite."""
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
    with a ``DatabaseError``; it is never replaced or downgraded. Before any migration the
    file is backed up with SQLite's backup API.
    """
    path = path.expanduser().resolve()
    existed = _check_file(path)
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            if existed:
                result = connection.execute(text("PRAGMA quick_check")).scalar()
                if result != "ok":
                    raise _unreadable(
                        path,
                        f"整合性チェックに失敗しました ({result})。",
                        f"integrity check failed ({result}).",
                    )
            revision = migrate.current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
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
    return Database(path=path, engine=engine)
