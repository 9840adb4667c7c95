"""Where things are: bundled data (catalog/, i18n/, resources/) and the user data folder.

Bundled data is found in three layouts:

* frozen PyInstaller build: ``sys._MEIPASS/<name>``
* installed wheel: ``sme_guard/_data/<name>`` (pyproject maps the top-level folders there)
* source checkout or editable install: ``<repo>/<name>``

The database, backups and logs live in the user data folder (``%LOCALAPPDATA%\\SMEGuard``
on Windows) unless the user names a database with ``--db``; its backups then sit beside it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

import platformdirs

APP_NAME = "SMEGuard"
DATA_DIR_ENV = "SME_GUARD_DATA_DIR"  # overrides the data folder (tests, portable installs)
DATABASE_FILENAME = "sme_guard.sqlite3"

BundledDir = Literal["catalog", "i18n", "resources"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    found = [Path(frozen_root) / name] if frozen_root else []
    return [*found, _PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name]


def bundled_dir(name: BundledDir) -> Path:
    """The folder of bundled data, whichever way the app was installed."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"The application's {name}/ folder is missing (searched {searched}).")


def catalog_dir() -> Path:
    return bundled_dir("catalog")


def i18n_dir() -> Path:
    return bundled_dir("i18n")


def resources_dir() -> Path:
    return bundled_dir("resources")


def data_dir() -> Path:
    """The user data folder; created on first use."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / DATABASE_FILENAME


def backup_dir(database: Path) -> Path:
    """Backups of the default database go to the data folder; of any other, beside it."""
    database = database.resolve()
    if database.parent == data_dir().resolve():
        return data_dir() / "backups"
    return database.parent / f"{database.stem}-backups"


def log_file() -> Path:
    path = data_dir() / "logs"
    path.mkdir(exist_ok=True)
    return path / "sme_guard.log"
