"""The log file in the data folder: where unexpected errors are written down in full."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sme_guard import paths


def configure_logging() -> Path:
    """Log to the data folder (rotated, so it never fills the disk); returns the file."""
    file = paths.log_file()
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == file for h in root.handlers):
        handler = RotatingFileHandler(file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return file
