"""The bundled Japanese font, so Japanese renders on a PC without a CJK font."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFontDatabase, QGuiApplication

from sme_guard.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FILES = ("BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf")


@cache
def _bundled_family() -> str | None:
    """Add the font files to Qt's font database once per process; their family name."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
        else:
            log.warning("could not register the bundled font %s", name)
    return family


def register_bundled_font(app: QGuiApplication) -> str | None:
    """Register the font and add it as the fallback for glyphs the system font lacks."""
    family = _bundled_family()
    font = app.font()
    if family and family not in font.families():
        # Latin stays in the platform font; kana and kanji fall back to the bundled one.
        font.setFamilies([*font.families(), family])
        app.setFont(font)
    return family
