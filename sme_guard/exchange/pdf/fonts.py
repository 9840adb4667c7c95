"""The Japanese TrueType font embedded in every printout (BIZ UDGothic, SIL OFL).

reportlab's ``TTFont`` embeds a subset of the glyphs used, so a printout looks the same on
every PC; CID fonts (which rely on the reader having a Japanese font) are never used.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from sme_guard.paths import resources_dir

REGULAR = "BIZUDGothic"
BOLD = "BIZUDGothic-Bold"
_FILES = {REGULAR: "BIZUDGothic-Regular.ttf", BOLD: "BIZUDGothic-Bold.ttf"}


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces once per process; return their names.

    The two faces form a family, so ``<b>`` in paragraph markup switches to the bold face.
    """
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        path = folder / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as exc:
            raise FileNotFoundError(f"The PDF font {path} is missing or unreadable: {exc}") from exc
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    # The bold face is a family member in its own right too (a style whose font is bold).
    addMapping(BOLD, 0, 0, BOLD)
    addMapping(BOLD, 1, 0, BOLD)
    addMapping(BOLD, 0, 1, BOLD)
    addMapping(BOLD, 1, 1, BOLD)
    return REGULAR, BOLD
