"""The stock-take sheet and result PDFs, read back with poppler's pdftotext/pdffonts/pdfinfo."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sme_guard.domain.registers import BADGES, DEVICES, MEDIA, PEOPLE, Register
from sme_guard.errors import UserError
from sme_guard.exchange.pdf import layout
from sme_guard.exchange.pdf.fonts import BOLD, REGULAR, register_fonts
from sme_guard.exchange.pdf.layout import escape_text
from sme_guard.exchange.pdf.stocktake import (
    SheetRow,
    StockTakeSummary,
    build_stocktake_result,
    build_stocktake_sheet,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]

PRINTED = date(2025, 6, 2)
KINDS = ["USBメモリー", "外付けHDD", "SDカード", "CD/DVD/BD"]
PLACES = ["総務部 耐火金庫", "営業部 キャビネットA", "社長室", "会議室B"]
PEOPLE_NAMES = ["山田 太郎", "佐藤 花子", "鈴木 一郎", ""]
STATUSES = ["使用中", "保管中", "貸出中", "紛失"]


def _rows(count: int, prefix: str = "MED") -> list[SheetRow]:
    return [
        SheetRow(
            number=f"{prefix}-{i:04d}",
            description=KINDS[i % 4],
            location=PLACES[i % 4],
            holder=PEOPLE_NAMES[i % 4],
            status=STATUSES[i % 4],
            last_stocktake="2024-04-01" if i % 3 else "",
        )
        for i in range(1, count + 1)
    ]


def _run(*args: str | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=True, encoding="utf-8"
    ).stdout


def _pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    pages = _run("pdftotext", "-layout", pdf, "-").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def _info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, embedded) for each font; the last two columns are the object id."""
    rows = _run("pdffonts", pdf).splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def _sheet(
    tmp_path: Path,
    register: Register = MEDIA,
    rows: list[SheetRow] | None = None,
    *,
    lang: str = "ja",
    office: str = "",
) -> Path:
    path = tmp_path / f"sheet-{register.key}-{lang}.pdf"
    rows = _rows(120) if rows is None else rows
    build_stocktake_sheet(path, register, rows, lang=lang, office=office, printed_on=PRINTED)
    return path


@pytest.fixture(scope="module")
def japanese_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _sheet(tmp_path_factory.mktemp("ja"), office="株式会社サンプル 大阪事務所")


def test_fonts_are_registered_once_as_a_family() -> None:
    from reportlab.lib.fonts import tt2ps  # type: ignore[import-untyped]

    assert register_fonts() == (REGULAR, BOLD) == ("BIZUDGothic", "BIZUDGothic-Bold")
    assert register_fonts() is register_fonts()
    assert tt2ps(REGULAR, 1, 0) == BOLD  # <b> switches to the bold face


def test_escape_text_escapes_markup_and_keeps_line_breaks() -> None:
    assert escape_text("<b>A & B</b>\r\nnext\x00") == "&lt;b&gt;A &amp; B&lt;/b&gt;<br/>next"


def test_japanese_sheet_spans_pages_with_numbered_footers(japanese_sheet: Path) -> None:
    pages = _pages(japanese_sheet)
    total = len(pages)
    assert total >= 2
    assert _info(japanese_sheet)["Pages"] == str(total)
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {total} ページ" in text
        assert "棚卸表 — 記憶媒体" in text  # the header line on every page


def test_japanese_sheet_lists_every_item_and_repeats_the_header(japanese_sheet: Path) -> None:
    pages = _pages(japanese_sheet)
    text = "\n".join(pages)
    assert "株式会社サンプル 大阪事務所" in pages[0]
    assert "2025-06-02" in pages[0]
    assert "120件" in pages[0]
    for number in range(1, 121):
        assert f"MED-{number:04d}" in text
    headers = [
        "No.",
        "資産番号",
        "品名・種類",
        "所在",
        "管理者",
        "状態",
        "前回棚卸",
        "確認",
        "所在(実際)",
        "備考",
    ]
    for page in pages[:2]:
        header_line = next(line for line in page.splitlines() if "資産番号" in line)
        assert [h for h in headers if h in header_line] == headers
    assert "MED-0001" not in pages[1]


def test_japanese_sheet_ends_with_the_signature_block(japanese_sheet: Path) -> None:
    last = _pages(japanese_sheet)[-1]
    signature = next(line for line in last.splitlines() if "実施日" in line)
    assert re.search(r"実施日.*年.*月.*日.*実施者.*\(印\).*確認者.*\(印\)", signature)


def test_only_the_embedded_japanese_font_is_used(japanese_sheet: Path) -> None:
    fonts = _fonts(japanese_sheet)
    names = {name.split("+")[-1] for name, _embedded in fonts}
    assert names == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in fonts)


def test_pdf_metadata(japanese_sheet: Path) -> None:
    info = _info(japanese_sheet)
    assert info["Title"] == "棚卸表 — 記憶媒体"
    assert info["Author"] == "SME Guard"
    assert info["Page size"].endswith("(A4)")


def test_english_sheet_uses_english_labels(tmp_path: Path) -> None:
    rows = [SheetRow(f"DEV-{i:03d}", "Tablet", "Office 2F", "Taro Yamada", "In use", "") for i in range(5)]
    pdf = _sheet(tmp_path, DEVICES, rows, lang="en", office="Sample Ltd.")
    text = "\n".join(_pages(pdf))
    for words in [
        "Stock-take sheet — Smart devices",
        "Asset no.",
        "Description",
        "User",
        "Actual location",
        "Remarks",
        "Counted by",
        "Checked by",
        "(signature)",
        "Page 1 / 1",
        "Items: 5",
    ]:
        assert words in text
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)  # no Japanese label left


@pytest.mark.parametrize(
    ("register", "number", "holder"),
    [(MEDIA, "資産番号", "管理者"), (DEVICES, "資産番号", "利用者"), (BADGES, "社員証番号", "所持者")],
)
def test_columns_follow_the_register(tmp_path: Path, register: Register, number: str, holder: str) -> None:
    header = next(
        line for line in _pages(_sheet(tmp_path, register, _rows(3)))[0].splitlines() if "品名・種類" in line
    )
    assert number in header
    assert holder in header


def test_user_text_is_shown_literally(tmp_path: Path) -> None:
    rows = [SheetRow("<b>&1", "<i>A&B\nline two", "R&D <2F>", 'O\'Neil "x"', "使用中", "")]
    pdf = _sheet(tmp_path, rows=rows, office="<font>&Co")
    text = _pages(pdf)[0]
    for literal in ["<b>&1", "<i>A&B", "line two", "R&D <2F>", 'O\'Neil "x"', "<font>&Co"]:
        assert literal in text


def test_huge_fields_are_clipped_rather_than_breaking_the_table(tmp_path: Path) -> None:
    rows = [SheetRow("M-1", "長い説明" * 1000, "\n".join(["棚"] * 500), "x" * 500, "使用中", "")]
    text = "\n".join(_pages(_sheet(tmp_path, rows=rows)))
    assert "M-1" in text
    assert "…" in text


def test_empty_register_still_prints_a_sheet(tmp_path: Path) -> None:
    text = _pages(_sheet(tmp_path, rows=[]))[0]
    assert "対象の資産はありません" in text
    assert "実施者" in text


def test_people_have_no_stocktake_sheet(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no stock-take"):
        _sheet(tmp_path, PEOPLE, _rows(1))


def _summary(**changes: object) -> StockTakeSummary:
    rows = _rows(10)
    values: dict[str, object] = {
        "register_label": "記憶媒体",
        "started_on": date(2025, 6, 2),
        "finished_on": date(2025, 6, 3),
        "started_by": "山田 太郎",
        "found": rows[:5],
        "missing": rows[5:7],
        "unchecked": rows[7:],
        "register_key": "media",
    }
    values.update(changes)
    return StockTakeSummary(**values)  # type: ignore[arg-type]


def test_result_lists_missing_and_unchecked_items_with_counts(tmp_path: Path) -> None:
    pdf = tmp_path / "result.pdf"
    build_stocktake_result(pdf, _summary(), lang="ja", office="株式会社サンプル")
    text = "\n".join(_pages(pdf))
    assert "棚卸結果 — 記憶媒体" in text
    assert "2025-06-02" in text
    assert "2025-06-03" in text
    assert "山田 太郎" in text
    assert re.search(r"確認済\s+所在不明\s+未確認\s+合計\s*\n\s*5\s+2\s+3\s+10\s*\n", text)
    missing = text[text.index("所在不明の資産（2件）") : text.index("未確認の資産（3件）")]
    assert "MED-0006" in missing
    assert "MED-0007" in missing
    unchecked = text[text.index("未確認の資産（3件）") :]
    for number in ("MED-0008", "MED-0009", "MED-0010"):
        assert number in unchecked
    for number in ("MED-0001", "MED-0005"):  # found items are only counted
        assert number not in text
    assert re.search(r"記入日.*実施者.*\(印\).*確認者.*\(印\)", text)
    assert "1 / 1 ページ" in text


def test_english_result_of_an_unfinished_stocktake(tmp_path: Path) -> None:
    pdf = tmp_path / "result-en.pdf"
    summary = _summary(register_label="Storage media", finished_on=None, missing=[], started_by="")
    build_stocktake_result(pdf, summary, lang="en")
    text = "\n".join(_pages(pdf))
    assert "Stock-take result — Storage media" in text
    assert "not finished" in text
    assert re.search(r"Found\s+Missing\s+Not checked\s+Total\s*\n\s*5\s+0\s+3\s+8\s*\n", text)
    assert "Missing items (0)" in text
    assert "None." in text
    assert "Custodian" in text
    assert "Page 1 / 1" in text


def test_a_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(layout.CheckBox, "draw", explode)  # fails while drawing the table
    path = tmp_path / "sheet.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build_stocktake_sheet(path, MEDIA, _rows(120), lang="ja", printed_on=PRINTED)
    assert list(tmp_path.iterdir()) == []

    path.write_bytes(b"the sheet printed last month")
    with pytest.raises(RuntimeError, match="boom"):
        build_stocktake_sheet(path, MEDIA, _rows(120), lang="ja", printed_on=PRINTED)
    assert path.read_bytes() == b"the sheet printed last month"
    assert list(tmp_path.iterdir()) == [path]


def test_shared_page_in_landscape(tmp_path: Path) -> None:
    from reportlab.platypus import PageBreak  # type: ignore[import-untyped]

    styles = layout.make_styles()
    story = [layout.para("first & <only>", styles.body), PageBreak(), layout.para("二ページ目", styles.body)]
    pdf = tmp_path / "plain.pdf"
    layout.build_document(pdf, story, title="Plan", subtitle="Sample Ltd.", lang="en", landscape=True)
    pages = _pages(pdf)
    assert ["Page 1 / 2" in pages[0], "Page 2 / 2" in pages[1]] == [True, True]
    assert "first & <only>" in pages[0]
    assert _info(pdf)["Page size"].startswith("841.89 x 595.276")


def test_an_unwritable_target_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        build_stocktake_sheet(
            tmp_path / "no-such-folder" / "sheet.pdf", MEDIA, _rows(1), lang="ja", printed_on=PRINTED
        )
    assert "PDFを保存できませんでした" in caught.value.ja
    assert "Could not save the PDF" in caught.value.en
