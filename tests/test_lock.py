"""One running SME Guard per database: the instance lock, across processes and after a crash."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sme_guard.db.lock import InstanceLock, acquire_lock, is_locked, lock_path
from sme_guard.errors import DatabaseInUseError
from tests.conftest import REPO

HOLDER = """
import sys
from pathlib import Path
from sme_guard.db.lock import acquire_lock
from sme_guard.errors import DatabaseInUseError

try:
    lock = acquire_lock(Path(sys.argv[1]))
except DatabaseInUseError as exc:
    print("refused:", exc.en, flush=True)
    sys.exit(3)
print("held", flush=True)
sys.stdin.read()  # until the test closes stdin, or kills the process
lock.release()
"""


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's lock."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def test_the_lock_file_lies_beside_the_database(db_path: Path) -> None:
    assert lock_path(db_path) == db_path.with_name("office.sqlite3.lock")
    with InstanceLock(db_path) as lock:
        assert lock.held and lock_path(db_path).exists()
    assert not lock.held


def test_a_second_lock_in_the_same_process_is_refused(db_path: Path) -> None:
    first = acquire_lock(db_path)
    with pytest.raises(DatabaseInUseError, match="in use by SME Guard"):
        acquire_lock(db_path)
    assert is_locked(db_path)
    first.release()
    assert not is_locked(db_path)
    acquire_lock(db_path).release()


def test_another_process_cannot_take_a_held_lock(holder: subprocess.Popen[str], db_path: Path) -> None:
    with pytest.raises(DatabaseInUseError) as refused:
        acquire_lock(db_path)
    assert str(db_path) in refused.value.en and str(db_path) in refused.value.ja
    assert is_locked(db_path)


def test_the_lock_is_free_once_the_holder_ends(holder: subprocess.Popen[str], db_path: Path) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=10) == 0
    acquire_lock(db_path).release()


def test_a_killed_holder_leaves_no_lock_behind(holder: subprocess.Popen[str], db_path: Path) -> None:
    holder.kill()  # a crash: no release, the lock file stays
    holder.wait(timeout=10)
    assert lock_path(db_path).exists()
    lock = acquire_lock(db_path)  # the stale file does not block
    assert lock.held
    lock.release()


def test_a_stale_lock_file_does_not_block(db_path: Path) -> None:
    lock_path(db_path).write_text("12345\n", encoding="utf-8")  # left by some earlier run
    acquire_lock(db_path).release()


def test_another_process_is_refused_while_this_one_holds_it(db_path: Path) -> None:
    with InstanceLock(db_path):
        result = subprocess.run(
            [sys.executable, "-c", HOLDER, str(db_path)],
            cwd=REPO,
            input="",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 3
    assert result.stdout.startswith("refused:") and "in use by SME Guard" in result.stdout


def test_locks_of_different_databases_do_not_meet(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a.sqlite3"), InstanceLock(tmp_path / "b.sqlite3") as second:
        assert second.held
