"""The log file in the data folder: where unexpected errors are written down in full."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sme_guard import paths

_handler: RotatingFileHandler | None = None


def configure_logging() -> Path:
    """Log to the data folder (rotated, so it never fills the disk); returns the file.

    Called again after the data folder changed (tests), it moves the log there.
    """
    global _handler
    file = paths.log_file()
    root = logging.getLogger()
    if _handler is not None and Path(_handler.baseFilename) == file:
        return file
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    root.setLevel(logging.INFO)
    return file
