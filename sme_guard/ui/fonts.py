"""The bundled Japanese font, so Japanese renders on a PC without a CJK font."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

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


def _covers_japanese(family: str) -> bool:
    # QRawFont is the one physical font the family resolves to; QFontMetrics would also
    # count glyphs that fontconfig's fallback fonts provide.
    raw = QRawFont.fromFont(QFont(family))
    return all(raw.supportsCharacter(ord(char)) for char in "あア漢")


def register_bundled_font(app: QGuiApplication) -> str | None:
    """Register the bundled font; make it the UI font where the platform font lacks Japanese.

    A platform font with Japanese (Yu Gothic UI, Meiryo on Windows) stays in charge, with the
    bundled font as a fallback. Without one, the bundled font leads: as a mere fallback its
    taller glyphs would be squeezed into the Latin font's line height.
    """
    family = _bundled_family()
    font = app.font()
    if family and family not in font.families():
        platform = font.families()
        font.setFamilies([*platform, family] if _covers_japanese(platform[0]) else [family, *platform])
        app.setFont(font)
    return family
