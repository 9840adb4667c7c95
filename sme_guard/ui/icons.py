"""Toolbar and field icons: Tabler Icons (MIT licence, resources/icons/tabler/LICENSE), bundled
as PNGs rendered from the SVGs, so no SVG plug-in is needed in the frozen build."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from sme_guard.paths import resources_dir


@cache
def icon(name: str) -> QIcon:
    """A bundled icon by its Tabler name (e.g. "calendar"); an empty icon if it is missing."""
    path = resources_dir() / "icons" / "tabler" / f"{name}.png"
    return QIcon(str(path)) if path.is_file() else QIcon()
