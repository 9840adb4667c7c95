"""Which language to speak: ``--lang`` wins, else Japanese on a Japanese system."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("ja", "en")


def system_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    name = locale.getlocale()[0] or ""
    # Windows names the locale "Japanese_Japan"; POSIX "ja_JP".
    return "ja" if name.lower().startswith(("ja", "japanese")) else "en"
