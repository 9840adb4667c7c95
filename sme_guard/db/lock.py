"""One running SME Guard per database file.

The lock is an operating-system lock on a file beside the database (``office.sqlite3.lock``):
``flock`` on POSIX, ``msvcrt.locking`` on Windows. The operating system drops it when the
process ends, however it ends, so a lock file left behind by a crash never blocks: only a
live process holding the lock does. The GUI holds it for its whole run; commands that write
(import, restore) hold it while they work; commands that only read do not take it.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from sme_guard.errors import DatabaseInUseError

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


def lock_path(database: Path) -> Path:
    database = database.expanduser().resolve()
    return database.with_name(database.name + LOCK_SUFFIX)


def _in_use(database: Path) -> DatabaseInUseError:
    return DatabaseInUseError(
        f"{database} は SMEガード(アプリまたは別のコマンド)で使用中です。閉じてから、もう一度実行してください。",
        f"{database} is in use by SME Guard (the app or another command). Close it, then try again.",
    )


if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _open(path: Path) -> int | None:
    """The lock file, created if needed; None when the folder cannot hold one (read-only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        log.warning("cannot create the lock file %s: %s", path, exc)
    try:
        return os.open(path, os.O_RDONLY)  # an existing lock file can still be locked
    except OSError:
        return None


class InstanceLock:
    """The database's instance lock; ``acquire`` raises ``DatabaseInUseError`` when another
    process (or another ``InstanceLock`` in this one) holds it."""

    def __init__(self, database: Path) -> None:
        self.database = database.expanduser().resolve()
        self.path = lock_path(self.database)
        self._fd: int | None = None
        self.held = False

    def acquire(self) -> InstanceLock:
        if self.held:
            return self
        while True:
            fd = _open(self.path)
            if fd is None:
                # A read-only folder: the database cannot be written there by anyone, so two
                # instances cannot spoil it; opening it is allowed (saving will say why not).
                log.warning("no lock file possible beside %s (read-only folder)", self.database)
                self.held = True
                return self
            if not _try_lock(fd):
                os.close(fd)
                raise _in_use(self.database)
            if self._still_the_lock_file(fd):
                break
            os.close(fd)  # a releasing holder removed the file we locked: lock the new one
        self._fd = fd
        self.held = True
        return self

    def _still_the_lock_file(self, fd: int) -> bool:
        if sys.platform == "win32":  # pragma: no cover - the file is never removed there
            return True
        try:
            current = self.path.stat()
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            if sys.platform != "win32":
                # Removed while still locked; acquire checks it locked the file on disk.
                with suppress(OSError):
                    self.path.unlink(missing_ok=True)
            try:
                _unlock(fd)
            finally:
                os.close(fd)
        self.held = False

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def acquire_lock(database: Path) -> InstanceLock:
    """The instance lock of ``database``, held until ``release`` (or the process ends)."""
    return InstanceLock(database).acquire()


def is_locked(database: Path) -> bool:
    """Whether another process (or lock) holds the database's instance lock right now."""
    probe = InstanceLock(database)
    try:
        probe.acquire()
    except DatabaseInUseError:
        return True
    probe.release()
    return False
