"""Checking a backup file and putting it in the database's place.

``verify_backup`` reads a file without changing it (``engine.read_only_uri``: no journal
files appear beside it, e.g. on a USB stick) and names the first reason it cannot be restored:
not SQLite, damaged (``integrity_check``), not this app's data, written by a newer version,
broken references (``foreign_key_check``), or a broken change history (``db.audit_check``:
the hash chain, the triggers, the trail against the tables). A file from an older version is fine: it is
migrated, with a backup first, when it is next opened.

``restore`` copies the backup beside the database, checks that copy (what is checked is what
is installed), keeps the current file in the backups folder (reason ``before-restore``), and
only then moves the copy into place with ``os.replace``. The caller closes its engine and
holds the instance lock (``sme_guard.db.lock``) first.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sme_guard import paths
from sme_guard.db import migrate
from sme_guard.db.audit_check import CheckReport, check_engine
from sme_guard.db.backup import (
    BEFORE_RESTORE,
    DEFAULT_KEEP,
    KEEP_SETTING,
    BackupFile,
    backup_with_reason,
    list_backups,
    raw_copy,
)
from sme_guard.db.engine import connect, make_engine
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.db.probe import file_kind
from sme_guard.errors import BackupError, DatabaseInUseError, UserError

log = logging.getLogger(__name__)

CHAIN_OK, CHAIN_BROKEN, CHAIN_SKIPPED = "ok", "broken", "skipped"


@dataclass(frozen=True)
class BackupReport:
    """What ``verify_backup`` found. ``problem`` is None when the file can be restored."""

    path: Path
    problem: BackupError | None = None
    revision: str | None = None  # the file's schema revision (older ones are migrated on open)
    audit_chain: str = CHAIN_SKIPPED  # "ok", "broken" or "skipped" (not checked; see notes)
    notes: tuple[str, ...] = ()  # English, for the log: what was not checked and why

    @property
    def ok(self) -> bool:
        return self.problem is None

    def raise_if_bad(self) -> None:
        if self.problem is not None:
            raise self.problem


def _refused(shown: Path, why_ja: str, why_en: str) -> BackupError:
    return BackupError(f"{shown} は復元に使えません: {why_ja}", f"{shown} cannot be restored: {why_en}")


def _has_log(path: Path) -> bool:
    """A write-ahead log beside the file: part of its data may be only in there."""
    wal = path.with_name(path.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def _audit_chain(path: Path, shown: Path) -> tuple[str, BackupError | None, str]:
    """Check the change history: its hash chain, its triggers, the trail against the tables."""
    engine = make_engine(path, read_only=True)
    try:
        result = check_engine(engine, HEAD_REVISION)
    except UserError as exc:
        return CHAIN_BROKEN, _refused(shown, exc.ja, exc.en), exc.en
    except Exception as exc:  # a bug in the check must not make a good backup unusable
        log.exception("audit chain check of %s failed", path)
        return CHAIN_SKIPPED, None, f"audit chain not checked: {exc!r}"
    finally:
        engine.dispose()
    if result.ok:
        return CHAIN_OK, None, "audit chain verified"
    ja, en = _trail_problem(result)
    return CHAIN_BROKEN, _refused(shown, ja, en), f"audit check failed: {result!r}"


def _trail_problem(result: CheckReport) -> tuple[str, str]:
    """What the audit check found, in words (it reports the first break and the counts)."""
    found_ja, found_en = [], []
    broken_at = result.chain_broken_at
    if broken_at is not None:
        found_ja.append(f"変更履歴の {broken_at} 番の記録でハッシュの連鎖が途切れています")
        found_en.append(f"the change history's hash chain breaks at entry {broken_at}")
    triggers = result.missing_triggers
    if triggers:
        found_ja.append(f"変更履歴を記録する仕組みがない表があります({', '.join(triggers[:3])})")
        found_en.append(f"tables without the change history's triggers ({', '.join(triggers[:3])})")
    mismatches = result.mismatch_count
    if mismatches:
        found_ja.append(f"変更履歴と一致しない記録が {mismatches} 件あります")
        found_en.append(f"{mismatches} records do not match their change history")
    if not found_en:
        found_ja.append("変更履歴の確認に合格しません")
        found_en.append("the change history does not verify")
    return (
        "、".join(found_ja) + "(改ざんまたは破損の可能性があります)。",
        "; ".join(found_en) + " (it may have been altered or damaged).",
    )


def _check(path: Path, shown: Path) -> BackupReport:
    """Every check on ``path``; messages name ``shown`` (the file the user chose)."""
    if not path.exists():
        return BackupReport(shown, _refused(shown, "ファイルがありません。", "the file does not exist."))
    if not path.is_file():
        return BackupReport(shown, _refused(shown, "ファイルではありません。", "it is not a file."))
    if file_kind(path) != "sqlite":
        return BackupReport(
            shown, _refused(shown, "SQLite のデータベースではありません。", "it is not an SQLite database.")
        )
    try:
        with closing(connect(path, read_only=True)) as connection:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
            if rows != ["ok"]:
                found = "; ".join(str(row) for row in rows[:3])
                return BackupReport(
                    shown,
                    _refused(
                        shown,
                        f"ファイルが破損しています(整合性チェック: {found})。",
                        f"the file is damaged (integrity check: {found}).",
                    ),
                )
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = revision[0] if revision else None
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return BackupReport(
            shown,
            _refused(shown, f"ファイルが破損しています({exc})。", f"the file is damaged ({exc})."),
        )
    if revision is None:
        return BackupReport(
            shown,
            _refused(shown, "このアプリのデータではありません。", "it does not hold this app's data."),
        )
    if revision not in migrate.known_revisions():
        return BackupReport(
            shown,
            _refused(
                shown,
                "新しいバージョンのアプリで作成されています。アプリを更新してから復元してください。",
                "it was written by a newer version of the app. Update the app, then restore it.",
            ),
            revision,
        )
    if broken:
        table = broken[0][0]
        return BackupReport(
            shown,
            _refused(
                shown,
                f"存在しない記録を参照している行があります(表 {table}、{len(broken)} 件)。",
                f"rows refer to records that do not exist (table {table}, {len(broken)} found).",
            ),
            revision,
        )
    chain, problem, note = _audit_chain(path, shown)
    return BackupReport(shown, problem, revision, chain, (note,))


def verify_backup(path: Path) -> BackupReport:
    """Whether ``path`` can be restored, and if not, why (the file is not changed)."""
    path = path.expanduser()
    return _check(path.resolve(), path)


def newest_good_backup(folder: Path) -> BackupFile | None:
    """The newest file in a backups folder that passes ``verify_backup``."""
    for backup in list_backups(folder):
        report = verify_backup(backup.path)
        if report.ok:
            return backup
        log.info("backup %s skipped: %s", backup.path, report.problem and report.problem.en)
    return None


def _write_failed(folder: Path, exc: OSError) -> BackupError:
    why = exc.strerror or str(exc)
    return BackupError(
        f"フォルダ {folder} に書き込めないため復元できません: {why}",
        f"Nothing can be restored into {folder}, as it cannot be written: {why}",
    )


def _copy_synced(source: Path, target: Path) -> None:
    """The file's data in ``target``, on disk: a byte copy, or (when a write-ahead log lies
    beside the file) a snapshot through SQLite that includes what is in the log."""
    if _has_log(source):
        with closing(connect(source, read_only=True)) as src, closing(connect(target)) as dst:
            src.backup(dst)
        with target.open("rb+") as written:
            os.fsync(written.fileno())
        return
    with source.open("rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_setting(database: Path) -> int:
    try:
        with closing(connect(database, timeout=1)) as connection:
            row = connection.execute(
                "SELECT value FROM app_setting WHERE key = ?", (KEEP_SETTING,)
            ).fetchone()
        return max(int(row[0]), 1) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError):
        return DEFAULT_KEEP


def _keep_current(database: Path) -> Path | None:
    """The current file in the backups folder; a damaged one byte for byte."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    folder = paths.backup_dir(database)
    keep = _keep_setting(database)
    try:
        return backup_with_reason(database, folder, BEFORE_RESTORE, keep)
    except BackupError as exc:
        log.warning("backup API could not copy %s (%s); copying its bytes", database, exc.en)
        return raw_copy(database, folder, BEFORE_RESTORE, keep)


def _in_use(database: Path) -> DatabaseInUseError:
    return DatabaseInUseError(
        f"{database} は他のプログラムが使用中のため復元できません。閉じてからやり直してください。",
        f"{database} is in use by another program, so it cannot be restored. Close it and try again.",
    )


def _retire_journal(database: Path) -> None:
    """Fold the old file's write-ahead log into it, then remove ``-wal`` and ``-shm``: left
    beside the restored file, SQLite would replay the old log into it."""
    wal = database.with_name(database.name + "-wal")
    shm = database.with_name(database.name + "-shm")
    if not (wal.exists() or shm.exists()):
        return
    try:
        with closing(connect(database, timeout=1)) as connection:
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(database) from exc
        busy = 0  # damaged: its log went into the before-restore copy
    except sqlite3.DatabaseError:
        busy = 0
    if busy:
        raise _in_use(database)
    for journal in (wal, shm):
        try:
            journal.unlink(missing_ok=True)
        except PermissionError as exc:  # Windows: another program has it open
            raise _in_use(database) from exc


def restore(database_path: Path, backup_path: Path) -> Path | None:
    """Replace the database with a verified copy of ``backup_path``.

    Returns the backup of the data it replaced (None when there was no database yet). Raises
    ``BackupError`` naming the reason when the file cannot be restored; then nothing changed.
    """
    database = database_path.expanduser().resolve()
    shown = backup_path.expanduser()
    backup = shown.resolve()
    if backup == database:
        raise _refused(shown, "データベースそのものです。", "it is the database itself.")
    verify_backup(shown).raise_if_bad()  # a quick refusal before anything is written
    folder = database.parent
    temp = folder / f".{database.name}.restoring-{os.getpid()}"
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _copy_synced(backup, temp)
        except OSError as exc:
            raise _write_failed(folder, exc) from exc
        except sqlite3.Error as exc:
            raise _refused(shown, f"読み込めません({exc})。", f"it cannot be read ({exc}).") from exc
        _check(temp, shown).raise_if_bad()  # the very bytes that will be installed
        previous = _keep_current(database)
        _retire_journal(database)
        try:
            temp.replace(database)
        except PermissionError as exc:  # Windows: the file is open elsewhere
            raise _in_use(database) from exc
        except OSError as exc:
            raise _write_failed(folder, exc) from exc
        _sync_folder(folder)
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            if leftover.exists():  # (unlink(missing_ok) still fails on read-only media)
                leftover.unlink()
    log.info("restored %s from %s (previous data kept in %s)", database, backup, previous)
    return previous
