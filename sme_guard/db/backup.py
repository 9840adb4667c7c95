"""Consistent copies of the database with SQLite's online backup API.

Backups in the backups folder are named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite3``
(reasons: ``daily``, ``manual``, ``before-<revision>``, ``before-restore``); the newest
``keep`` of each reason are kept. A copy the user writes elsewhere (a USB stick) keeps the
name the user gave it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sme_guard.db.engine import connect
from sme_guard.errors import BackupError

DEFAULT_KEEP = 10
KEEP_SETTING = "backups.keep"  # office setting (app_setting table): how many of each reason
DAILY = "daily"
BEFORE_RESTORE = "before-restore"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>.+)\.sqlite3")


def _now() -> datetime:
    return datetime.now()  # local time: the user reads these names (tests patch this)


@dataclass(frozen=True)
class BackupFile:
    """A file in a backups folder; ``reason`` is "" for a file not named by the app."""

    path: Path
    stem: str
    made: datetime
    reason: str
    size: int


def parse_backup(path: Path) -> BackupFile:
    stat = path.stat()
    match = _NAME.fullmatch(path.name)
    if match:
        try:
            made = datetime.strptime(match["stamp"], STAMP_FORMAT)
        except ValueError:
            match = None
    if match is None:
        return BackupFile(path, path.stem, datetime.fromtimestamp(stat.st_mtime), "", stat.st_size)
    return BackupFile(path, match["stem"], made, match["reason"], stat.st_size)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """The ``*.sqlite3`` files in ``folder`` (of database ``stem`` if given), newest first."""
    if not folder.is_dir():
        return []
    found = [parse_backup(path) for path in folder.glob("*.sqlite3") if path.is_file()]
    if stem is not None:
        found = [b for b in found if b.stem == stem]
    return sorted(found, key=lambda b: b.made, reverse=True)


def _failed(target: Path, exc: BaseException) -> BackupError:
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(
        f"バックアップを {target} に書き込めませんでした: {why}",
        f"The backup could not be written to {target}: {why}",
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def backup_to(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` as one consistent snapshot, even while it is in use."""
    if target.resolve() == source.resolve() or _same_file(source, target):
        raise BackupError(
            f"バックアップ先 {target} はデータベースそのものです。別のファイルを選んでください。",
            f"The backup target {target} is the database itself. Choose another file.",
        )
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)  # left over from an interrupted backup
        # The source read-only: it may be on media that cannot be written (a CD-R).
        with closing(connect(source, read_only=True)) as src, closing(connect(partial)) as dst:
            src.backup(dst)
        # Only a complete copy gets the final name.
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _failed(target, exc) from exc
    return target


def _prune(folder: Path, stem: str, reason: str, keep: int) -> None:
    same = [b for b in list_backups(folder, stem) if b.reason == reason]
    for old in same[max(keep, 1) :]:
        for suffix in ("", "-wal", "-shm"):
            old.path.with_name(old.path.name + suffix).unlink(missing_ok=True)


def _target(source: Path, folder: Path, reason: str) -> Path:
    return folder / f"{source.stem}-{_now().strftime(STAMP_FORMAT)}-{reason}.sqlite3"


def backup_with_reason(source: Path, folder: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A timestamped backup in ``folder``; keeps the newest ``keep`` with the same reason."""
    target = backup_to(source, _target(source, folder, reason))
    _prune(folder, source.stem, reason, keep)
    return target


def daily_backup(source: Path, folder: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Today's ``daily`` backup, unless one was already made today (then None)."""
    today = _now().date()
    if any(b.reason == DAILY and b.made.date() == today for b in list_backups(folder, source.stem)):
        return None
    return backup_with_reason(source, folder, DAILY, keep)


def raw_copy(source: Path, folder: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A byte copy of ``source`` and its ``-wal`` file, for a file the backup API cannot read
    (a damaged one): nothing the user had is thrown away."""
    target = _target(source, folder, reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        raise _failed(target, exc) from exc
    _prune(folder, source.stem, reason, keep)
    return target
