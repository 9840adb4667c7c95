"""The training checklist PDF of the whole bundled catalog, beside raw reportlab of the same texts.

Figures (each against an absolute limit of 1 s; the floor is shown for the ratio):
- warm: ``build_checklist`` (blank, every item and sheet) in a process that has printed
  before (fonts registered, modules imported), median of several runs;
- cold: a fresh process from importing the builder to the file written (reportlab and the
  embedded font loaded on the way), as the first print from the command line or the GUI is.

The floor is reportlab's ``SimpleDocTemplate`` with one ``Paragraph`` per text of the same
content (title, item and sheet headings, objectives, every measure as "□ ① text", the
signature labels) in the same embedded font, so the ratio is what the tables, boxes, header
and footer cost.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RUNS = 7
LIMIT_SECONDS = 1.0
PRINTED_ON = date(2026, 11, 27)


def _texts(catalog: Any) -> list[tuple[str, str]]:
    """(kind, text) of everything the checklist prints from the catalog, in order."""
    from sme_guard.domain.catalog import circled

    texts = [("title", "情報セキュリティ チェックリスト")]
    for item in catalog.items:
        texts += [("heading", f"{item.number}. {item.title.ja}"), ("note", f"管理目的: {item.objective.ja}")]
        texts += [
            ("line", f"□ {circled(m.no)} {m.text.ja}{'(参考)' if m.reference else ''}") for m in item.measures
        ]
    for sheet in catalog.sheets:
        texts += [
            ("heading", f"No.{sheet.number} {sheet.title.ja}"),
            ("line", f"現状のセキュリティレベル: {sheet.weakness.ja}　□ 該当　□ 非該当"),
        ]
        texts += [("line", f"□ {t.ja}") for t in [*sheet.technical_measures, *sheet.human_measures]]
    texts += [("heading", "記入者"), ("line", "氏名　記入日　署名　確認者")]
    return texts


def _ours(catalog: Any, out: Path) -> None:
    from sme_guard.exchange.pdf.assessment import build_checklist

    build_checklist(
        out,
        catalog,
        items=catalog.items,
        sheets=catalog.sheets,
        run=None,
        lang="ja",
        office="株式会社サンプル",
        printed_on=PRINTED_ON,
    )


def _raw(texts: list[tuple[str, str]], out: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
    from reportlab.platypus import Paragraph, SimpleDocTemplate  # type: ignore[import-untyped]

    from sme_guard.exchange.pdf.fonts import _FILES, REGULAR
    from sme_guard.paths import resources_dir

    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resources_dir() / "fonts" / filename)))
    sizes = {"title": 16, "heading": 11, "note": 8, "line": 8}
    styles = {
        kind: ParagraphStyle(kind, fontName=REGULAR, fontSize=size, leading=size * 1.35, wordWrap="CJK")
        for kind, size in sizes.items()
    }
    doc = SimpleDocTemplate(str(out), pagesize=A4, initialFontName=REGULAR)
    doc.build([Paragraph(escape(text), styles[kind]) for kind, text in texts])


def _child(argv: list[str]) -> None:
    """``ours OUT`` or ``raw OUT``: the seconds of a first print in a fresh process, as JSON."""
    which, out = argv
    from sme_guard.services.catalog import bundled_catalog

    catalog = bundled_catalog()
    texts = _texts(catalog)
    start = time.perf_counter()
    if which == "ours":
        _ours(catalog, Path(out))
    else:
        _raw(texts, Path(out))
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _cold(which: str, out: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.checklist", which, str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child {which} failed:\n{result.stderr}")
    seconds: float = json.loads(result.stdout.strip().splitlines()[-1])["seconds"]
    return seconds


def measure() -> list[dict[str, object]]:
    from sme_guard.services.catalog import bundled_catalog

    catalog = bundled_catalog()
    texts = _texts(catalog)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ours_pdf, raw_pdf = folder / "ours.pdf", folder / "raw.pdf"
        _ours(catalog, ours_pdf)  # warm up: imports, fonts
        _raw(texts, raw_pdf)
        ours, floor = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            start = time.perf_counter()
            _raw(texts, raw_pdf)
            floor.append(time.perf_counter() - start)
            start = time.perf_counter()
            _ours(catalog, ours_pdf)
            ours.append(time.perf_counter() - start)
        cold_ours = statistics.median(_cold("ours", ours_pdf) for _ in range(3))
        cold_floor = statistics.median(_cold("raw", raw_pdf) for _ in range(3))
    return [
        {
            "figure": "checklist PDF (catalog)",
            "ours": statistics.median(ours),
            "floor": statistics.median(floor),
            "unit": "s",
            "limit": LIMIT_SECONDS,
        },
        {
            "figure": "checklist PDF, cold process",
            "ours": cold_ours,
            "floor": cold_floor,
            "unit": "s",
            "limit": LIMIT_SECONDS,
        },
    ]


if __name__ == "__main__":
    _child(sys.argv[1:])
