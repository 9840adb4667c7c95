"""Every test gets its own data folder, database path and settings file; Qt runs headless."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sme_guard.db.database import Database, open_database
from sme_guard.db.engine import make_engine

REPO = Path(__file__).resolve().parent.parent
EXCERPT = Path(__file__).resolve().parent / "data" / "guideline-excerpt.ja.txt"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (database, backups, logs) lives in the test's temp folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("SME_GUARD_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file path (not yet created) for this test."""
    return tmp_path / "office.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created by the migrations once per test run (migrating costs ~0.3 s a test).

    The migrations write no rows, so a copy of it is what ``open_database`` makes of a path
    where no file is: tests of that path itself (``test_database.py``) still call it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    assert not path.with_name(path.name + "-wal").exists()  # all of it is in the one file
    return path


def fresh_database(template: Path, path: Path) -> Database:
    """A new database at ``path``, as ``open_database`` creates one, from the migrated template."""
    shutil.copyfile(template, path)
    path = path.resolve()
    return Database(path=path, engine=make_engine(path))


@pytest.fixture
def db(db_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A fresh database (a copy of the migrated template), closed after the test."""
    database = fresh_database(migrated_template, db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def qt_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings go to an INI file in the test's temp folder, never to the real registry."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - the suite always has Qt
        yield
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def read_only_media() -> Iterator[Callable[[Path], None]]:
    """Make a folder and its files unwritable by the operating system, for this process too, as
    a CD-R or a write-protected USB stick is: permissions, or for root the immutable flag."""
    if sys.platform == "win32":
        pytest.skip("a read-only folder is made differently on Windows")
    locked: list[Path] = []

    def protect(folder: Path) -> None:
        items = [*folder.iterdir(), folder]
        if os.geteuid() != 0:
            for item in items:
                item.chmod(0o555 if item.is_dir() else 0o444)
        else:
            chattr = shutil.which("chattr")
            done = (
                chattr
                and subprocess.run([chattr, "+i", *map(str, items)], capture_output=True).returncode == 0
            )
            if not done:
                pytest.skip("root cannot be kept from writing here (no chattr +i on this file system)")
        locked.extend(items)
        assert not os.access(folder, os.W_OK)

    yield protect
    if os.geteuid() == 0 and locked:
        subprocess.run([shutil.which("chattr") or "chattr", "-i", *map(str, locked)], check=True)
    for item in reversed(locked):
        item.chmod(0o755 if item.is_dir() else 0o644)


@pytest.fixture(autouse=True)
def files_written(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the app said it wrote: its message (with Open / Open folder) waits for a click,
    so tests record it instead (sme_guard.ui.dialogs is the one place dialogs come from)."""
    written: list[Path] = []
    from sme_guard.ui import dialogs

    monkeypatch.setattr(dialogs, "file_written", lambda _parent, path: written.append(Path(path)))
    return written


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The answers to "save the unsaved changes?" (save / discard / cancel) and "close without
    saving the drafts?" (discard / cancel), one per question;
    a test that leaves a form half-typed is answered "discard" (the window closes at its end)."""
    answers: list[str] = []
    from sme_guard.ui import dialogs

    def answer(_parent: object) -> str:
        answers.append("asked")
        queued = [a for a in answers if a != "asked"]
        if queued:
            answers.remove(queued[0])
            return queued[0]
        return dialogs.DISCARD

    monkeypatch.setattr(dialogs, "ask_unsaved", answer)
    monkeypatch.setattr(dialogs, "ask_drafts", lambda parent, _parts: answer(parent))
    return answers
