"""Text folding for search: the office types in any width and either kana."""

from __future__ import annotations

import unicodedata

_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}


def fold(text: str) -> str:
    """Fold width (ＡＢＣ１ → abc1, ｶﾅ → かな), case, and katakana to hiragana.

    NFKC also unifies compatibility forms such as ① → 1, which is what a user typing "1"
    expects to find.
    """
    if text.isascii():  # the common case (asset numbers, dates) costs a tenth
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_KATAKANA_TO_HIRAGANA)


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the query is found in one of the fields (folded)."""
    words = fold(query).split()
    if not words:
        return True
    haystack = "\n".join(fold(f) for f in fields if f)
    return all(word in haystack for word in words)
