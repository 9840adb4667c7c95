"""One word per concept: the glossary in DESIGN.md is the list, and what the app shows or writes
(UI translations, the texts in the code that reach PDFs, Excel and messages, SME Guard's own
YAML, the README) uses its words and none of the ones it rules out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest

from tests.conftest import REPO

# SME Guard's own texts; the guideline's (items, sheets, legend, references) stay as written.
OWN_YAML = ("recurring_checks.yaml", "plan_templates.yaml")


def _glossary() -> list[tuple[str, str, list[str]]]:
    """(concept, 日本語, ruled-out words) per row of DESIGN.md's glossary table."""
    text = (REPO / "DESIGN.md").read_text(encoding="utf-8")
    section = text.split("## Glossary", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("Concept", "---"):
            rows.append((cells[0], cells[1], [w.strip() for w in cells[3].split(",") if w.strip()]))
    return rows


@cache
def _shown_texts() -> dict[str, str]:
    """Everything the app shows or writes, by where it comes from."""
    texts = {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
        for path in sorted((REPO / "sme_guard").rglob("*.py"))
    }
    translations = ET.parse(REPO / "i18n" / "sme_guard_ja.ts").getroot().iter("translation")
    texts["i18n/sme_guard_ja.ts"] = "\n".join(t.text or "" for t in translations)
    for name in OWN_YAML:
        texts[f"catalog/{name}"] = (REPO / "catalog" / name).read_text(encoding="utf-8")
    texts["README.md"] = (REPO / "README.md").read_text(encoding="utf-8")
    return texts


def test_the_glossary_lists_the_key_terms() -> None:
    concepts = {japanese for _concept, japanese, _not in _glossary()}
    assert {"Excel に出力", "Excel から取込", "実施率", "基本の管理策", "障害・事故", "変更履歴"} <= concepts


@pytest.mark.parametrize(("concept", "japanese", "ruled_out"), _glossary(), ids=lambda v: str(v)[:20])
def test_one_word_per_concept(concept: str, japanese: str, ruled_out: list[str]) -> None:
    texts = _shown_texts()
    assert any(japanese in text for text in texts.values()), f"{japanese!r} ({concept}) is not used"
    found = [
        f"{where}: {word!r} in …{text[max(0, m.start() - 20) : m.end() + 20]}…"
        for where, text in texts.items()
        for word in ruled_out
        for m in re.finditer(re.escape(word), text)
    ]
    assert found == [], f"say {japanese!r} for {concept}"
