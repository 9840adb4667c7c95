"""Consistent copies of the database with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

DEFAULT_KEEP = 10


def backup_to(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` as one consistent snapshot, even while it is in use."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    # Only a complete copy gets the final name.
    partial.replace(target)
    return target


def backup_with_reason(source: Path, folder: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A timestamped backup in ``folder``; keeps the newest ``keep`` with the same reason."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_to(source, folder / f"{source.stem}-{stamp}-{reason}.sqlite3")
    for old in sorted(folder.glob(f"{source.stem}-*-{reason}.sqlite3"))[:-keep]:
        old.unlink()
    return target
