"""Asset labels: every QR code scans back to its number, in its place on the sheet.

The PDFs are rasterised with poppler's pdftoppm and the codes read with zxing-cpp; where
each piece of text sits is read with ``pdftotext -bbox``.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.registers import BADGES, DEVICES, INCIDENTS, MEDIA, PEOPLE, Register
from sme_guard.errors import UserError
from sme_guard.exchange import labels_print
from sme_guard.exchange.labels_print import print_labels
from sme_guard.exchange.pdf import labels as labels_module
from sme_guard.exchange.pdf.labels import SHEETS, Label, LabelSheet, build_labels
from sme_guard.services.registers import save_record

zxingcpp = pytest.importorskip("zxingcpp")
Image = pytest.importorskip("PIL.Image")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils"),
]

TODAY = date(2026, 11, 27)
DPI = 150  # the smallest codes (44 labels a sheet) have ~4 px modules: plenty for zxing
MM_PER_INCH = 25.4
PT_PER_MM = 72 / MM_PER_INCH
OFFICE = "株式会社サンプル 大阪事務所"
DESCRIPTIONS = [
    "USBメモリー 総務部 耐火金庫",
    "外付けHDD 営業部 キャビネットA",
    "スマートフォン iPhone 15",
    "山田 太郎",
]
# Numbers a register may hold: Japanese (UTF-8 bytes or QR kanji mode), markup characters.
ODD_NUMBERS = ["USB-秘-001", "A&B<1>", "機密", "ＵＳＢ１２", "r&d/2024 #7"]
LONG = Label("LONG-ASSET-NUMBER-2024-000000123", "長い事業所名" * 10, "とても長い説明" * 30)


def _labels(count: int) -> list[Label]:
    """``count`` labels: the odd numbers first, then one with overlong text, then plain ones."""
    labels = [Label(number, OFFICE, DESCRIPTIONS[i % 4]) for i, number in enumerate(ODD_NUMBERS)]
    labels.append(LONG)
    labels += [Label(f"MED-{i:04d}", OFFICE, DESCRIPTIONS[i % 4]) for i in range(len(labels) + 1, count + 1)]
    return labels[:count]


def _run(*args: str | int | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=True, encoding="utf-8"
    ).stdout


def _position(sheet: LabelSheet, x_mm: float, y_mm: float) -> int | None:
    """The label position (1-based) under a point given in mm from the sheet's top-left."""
    for position in range(1, sheet.per_page + 1):
        left, top, width, height = sheet.box_mm(position)
        if left <= x_mm <= left + width and top <= y_mm <= top + height:
            return position
    return None


def _decode(pdf: Path, sheet: LabelSheet, page: int = 1) -> dict[int, Any]:
    """Every QR code on ``page``, by the label position its centre lies in."""
    prefix = pdf.with_name(f"{pdf.stem}-scan")
    _run("pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", page, "-l", page, pdf, prefix)
    with Image.open(prefix.with_suffix(".png")) as image:
        codes = zxingcpp.read_barcodes(image)
    found: dict[int, Any] = {}
    for code in codes:
        corners = [code.position.top_left, code.position.top_right]
        corners += [code.position.bottom_right, code.position.bottom_left]
        x = sum(p.x for p in corners) / 4 / DPI * MM_PER_INCH
        y = sum(p.y for p in corners) / 4 / DPI * MM_PER_INCH
        position = _position(sheet, x, y)
        assert position is not None, f"{code.text!r} is not on a label"
        assert position not in found, f"two codes on label {position}"
        found[position] = code
    return found


@dataclasses.dataclass(frozen=True)
class Word:
    page: int
    text: str
    left: float  # mm from the top-left of the sheet
    top: float
    right: float
    bottom: float


def _words(pdf: Path) -> list[Word]:
    """Every word of the PDF with its box (pdftotext -bbox, in points)."""
    html = _run("pdftotext", "-bbox", pdf, "-")
    words = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
        ):
            left, top, right, bottom = (float(v) / PT_PER_MM for v in match.groups()[:4])
            words.append(Word(number, unescape(match.group(5)), left, top, right, bottom))
    return words


def _text_by_label(pdf: Path, sheet: LabelSheet) -> dict[tuple[int, int], list[str]]:
    """The words on each (page, position), asserting that every word lies wholly in one label."""
    tolerance = 0.05  # mm of rounding in the reported boxes
    by_label: dict[tuple[int, int], list[str]] = {}
    for word in _words(pdf):
        position = _position(sheet, (word.left + word.right) / 2, (word.top + word.bottom) / 2)
        assert position is not None, f"{word} is outside every label"
        left, top, width, height = sheet.box_mm(position)
        assert left - tolerance <= word.left and word.right <= left + width + tolerance, word
        assert top - tolerance <= word.top and word.bottom <= top + height + tolerance, word
        by_label.setdefault((word.page, position), []).append(word.text)
    return by_label


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    rows = _run("pdffonts", pdf).splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def _info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


COUNT = 30


@pytest.fixture(scope="module", params=sorted(SHEETS))
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[LabelSheet, Path, int]:
    """30 labels on each kind of sheet: (sheet, pdf, pages written)."""
    sheet = SHEETS[request.param]
    pdf = tmp_path_factory.mktemp(f"labels{sheet.key}") / "labels.pdf"
    pages = build_labels(pdf, _labels(COUNT), sheet, lang="ja")
    return sheet, pdf, pages


def test_sheets_fill_a4_exactly() -> None:
    assert sorted(SHEETS) == ["12", "24", "44"]
    sizes = {key: (s.columns, s.rows, s.label_width_mm, s.label_height_mm) for key, s in SHEETS.items()}
    assert sizes == {"12": (2, 6, 86.4, 42.3), "24": (3, 8, 66.0, 33.9), "44": (4, 11, 48.3, 25.4)}
    for key, sheet in SHEETS.items():
        assert sheet.key == key
        assert sheet.per_page == int(key)
        last_left, last_top, width, height = sheet.box_mm(sheet.per_page)
        # Centred: the margin on the right and at the bottom equals the one on the left and top.
        assert last_left + width + sheet.left_mm == pytest.approx(210.0)
        assert last_top + height + sheet.top_mm == pytest.approx(297.0)
        assert f"{key}面" in sheet.name("ja")
        assert f"{key} labels" in sheet.name("en")


def test_a_sheet_is_adjusted_with_replace_and_must_fit_a4() -> None:
    moved = dataclasses.replace(SHEETS["24"], left_mm=5.0, top_mm=12.0)
    assert moved.box_mm(1)[:2] == (5.0, 12.0)
    with pytest.raises(ValueError, match="does not fit on A4"):
        dataclasses.replace(SHEETS["24"], left_mm=10.0)
    with pytest.raises(ValueError, match="does not fit on A4"):
        dataclasses.replace(SHEETS["44"], rows=12)
    with pytest.raises(ValueError, match="negative"):
        dataclasses.replace(SHEETS["12"], row_gap_mm=-1.0)
    with pytest.raises(ValueError, match="at least one"):
        dataclasses.replace(SHEETS["12"], columns=0)
    with pytest.raises(ValueError, match="not on the sheet"):
        SHEETS["12"].box_mm(13)


def test_every_code_scans_back_to_its_number_in_its_place(printed: tuple[LabelSheet, Path, int]) -> None:
    sheet, pdf, _pages = printed
    expected = {i: label.number for i, label in enumerate(_labels(COUNT)[: sheet.per_page], start=1)}
    codes = _decode(pdf, sheet)
    assert {position: code.text for position, code in codes.items()} == expected
    assert {str(code.format) for code in codes.values()} == {"QR Code"}
    assert {code.ec_level for code in codes.values()} == {"M"}


def test_codes_are_big_enough_to_scan(printed: tuple[LabelSheet, Path, int]) -> None:
    sheet, pdf, _pages = printed
    code = _decode(pdf, sheet)[7]  # a plain MED-0007 (QR version 1)
    side_mm = (code.position.top_right.x - code.position.top_left.x) / DPI * MM_PER_INCH
    # The symbol without its quiet zone; the label height less padding and the quiet zone.
    assert side_mm >= 15.0
    assert side_mm >= sheet.label_height_mm * 0.6


def test_pages_fill_left_to_right_top_to_bottom(printed: tuple[LabelSheet, Path, int]) -> None:
    sheet, pdf, pages = printed
    assert pages == -(-COUNT // sheet.per_page)
    info = _info(pdf)
    assert info["Pages"] == str(pages)
    assert info["Page size"].endswith("(A4)")
    assert info["Author"] == "SME Guard"
    assert info["Title"] == f"資産ラベル — {sheet.name('ja')}"

    by_label = _text_by_label(pdf, sheet)  # every word inside one label
    expected = {divmod(i, sheet.per_page): label for i, label in enumerate(_labels(COUNT))}
    assert set(by_label) == {(page + 1, index + 1) for page, index in expected}
    for (page, index), label in expected.items():
        if label is not LONG:  # (its number is cut: see below)
            assert label.number.replace(" ", "") in "".join(by_label[page + 1, index + 1])


def test_text_is_printed_literally_and_long_text_is_cut(printed: tuple[LabelSheet, Path, int]) -> None:
    sheet, pdf, _pages = printed
    by_label = _text_by_label(pdf, sheet)
    for index, number in enumerate(ODD_NUMBERS, start=1):
        text = "".join(by_label[1, index])
        assert number.replace(" ", "") in text
        assert "株式会社サンプル" in text
    # Title, number and description of the overlong label are cut, never spilling over (and
    # every word was inside its label); its QR code still holds the whole number.
    long_text = "".join(by_label[1, len(ODD_NUMBERS) + 1])
    assert long_text.count("…") == 3
    assert long_text.startswith("長い事業所名")
    assert "LONG-ASSET" in long_text


def test_only_the_embedded_japanese_font_is_used(printed: tuple[LabelSheet, Path, int]) -> None:
    _sheet, pdf, _pages = printed
    fonts = _fonts(pdf)
    assert {name.split("+")[-1] for name, _embedded in fonts} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in fonts)


def test_start_leaves_the_used_positions_empty(tmp_path: Path) -> None:
    sheet = SHEETS["24"]
    pdf = tmp_path / "half-used.pdf"
    labels = _labels(25)
    assert build_labels(pdf, labels, sheet, start=5, lang="en") == 2
    codes = _decode(pdf, sheet)
    assert {position: code.text for position, code in codes.items()} == {
        position: label.number for position, label in zip(range(5, 25), labels, strict=False)
    }
    # The rest continue on the next sheet from its first position.
    positions = {key for key in _text_by_label(pdf, sheet) if key[0] == 2}
    assert positions == {(2, p) for p in range(1, 6)}
    assert _info(pdf)["Title"] == "Asset labels — A4, 24 labels (66 × 33.9 mm)"


@pytest.mark.parametrize("start", [0, -1, 25])
def test_start_must_be_on_the_sheet(tmp_path: Path, start: int) -> None:
    with pytest.raises(ValueError, match="start"):
        build_labels(tmp_path / "x.pdf", _labels(1), SHEETS["24"], start=start, lang="ja")
    assert list(tmp_path.iterdir()) == []


def test_no_labels_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no labels"):
        build_labels(tmp_path / "x.pdf", [], SHEETS["24"], lang="ja")


def test_a_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(labels_module, "_draw_label", explode)
    path = tmp_path / "labels.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build_labels(path, _labels(3), SHEETS["44"], lang="ja")
    assert list(tmp_path.iterdir()) == []
    path.write_bytes(b"last month's labels")
    with pytest.raises(RuntimeError, match="boom"):
        build_labels(path, _labels(3), SHEETS["44"], lang="ja")
    assert path.read_bytes() == b"last month's labels"
    assert list(tmp_path.iterdir()) == [path]


def test_an_unwritable_target_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        build_labels(tmp_path / "no-such-folder" / "labels.pdf", _labels(1), SHEETS["12"], lang="ja")
    assert "PDFを保存できませんでした" in caught.value.ja
    assert "Could not save the PDF" in caught.value.en


def test_outlines_for_a_test_print_add_no_text(tmp_path: Path) -> None:
    pdf = tmp_path / "test-print.pdf"
    build_labels(pdf, _labels(2), SHEETS["44"], lang="ja", outlines=True)
    assert set(_text_by_label(pdf, SHEETS["44"])) == {(1, 1), (1, 2)}


# --- from the database --------------------------------------------------------------------


def _medium(db: Database, number: str, status: str = "使用中", **extra: object) -> int:
    values = {"asset_number": number, "kind": "USBメモリー", "quantity": 1, "status": status, **extra}
    return save_record(db, MEDIA, None, values)


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[Label], LabelSheet, int]]:
    """What ``print_labels`` hands to the builder (labels, sheet, start), without a PDF."""
    calls: list[tuple[list[Label], LabelSheet, int]] = []

    def fake(
        _path: Path,
        labels: Sequence[Label],
        sheet: LabelSheet,
        *,
        start: int = 1,
        lang: str,
        outlines: bool = False,
    ) -> int:
        calls.append((list(labels), sheet, start))
        return 1

    monkeypatch.setattr(labels_print, "build_labels", fake)
    return calls


def test_print_labels_labels_every_open_item_sorted(db: Database, tmp_path: Path) -> None:
    _medium(db, "M-003", location="総務部 耐火金庫")
    _medium(db, "M-001", "保管中", kind="SDカード")
    _medium(db, "M-002", "廃棄済", disposal_disposed_on="2026/1/5", disposal_method="物理的破壊")
    _medium(db, "USB-秘-004", "貸出中")
    pdf = tmp_path / "labels.pdf"
    sheet = SHEETS["12"]
    count = print_labels(db, MEDIA, pdf, lang="ja", sheet=sheet, start=3, office=OFFICE, today=TODAY)
    assert count == 3
    codes = _decode(pdf, sheet)
    assert {p: c.text for p, c in codes.items()} == {3: "M-001", 4: "M-003", 5: "USB-秘-004"}
    text = _text_by_label(pdf, sheet)
    assert set(text) == {(1, 3), (1, 4), (1, 5)}
    assert "".join(text[1, 4]) == "株式会社サンプル大阪事務所M-003USBメモリー総務部耐火金庫"


def test_print_labels_describes_each_register(
    db: Database, tmp_path: Path, captured: list[tuple[list[Label], LabelSheet, int]]
) -> None:
    holder = save_record(
        db, PEOPLE, None, {"name": "山田 太郎", "employment_type": "正社員", "role": "従業員"}
    )
    _medium(db, "M-1", location="総務部 棚B")
    _medium(db, "M-2", kind="SDカード")
    save_record(
        db,
        DEVICES,
        None,
        {
            "asset_number": "D-1",
            "kind": "スマートフォン",
            "model": "iPhone 15",
            "ownership": "会社支給",
            "status": "使用中",
        },
    )
    save_record(
        db, BADGES, None, {"badge_number": "B-2", "medium": "ICカード", "status": "有効", "holder_id": holder}
    )
    save_record(db, BADGES, None, {"badge_number": "B-1", "medium": "ICカード", "status": "返却済"})
    save_record(db, BADGES, None, {"badge_number": "B-3", "medium": "ICカード", "status": "有効"})

    def run(register: Register, **options: Any) -> list[Label]:
        options.setdefault("sheet", SHEETS["24"])
        print_labels(db, register, tmp_path / "x.pdf", today=TODAY, **options)
        return captured[-1][0]

    assert run(MEDIA, lang="ja") == [
        Label("M-1", "記憶媒体", "USBメモリー 総務部 棚B"),
        Label("M-2", "記憶媒体", "SDカード"),
    ]
    assert run(DEVICES, lang="en", office="  Sample Ltd. ") == [
        Label("D-1", "Sample Ltd.", "Smartphone iPhone 15")
    ]
    assert run(BADGES, lang="ja") == [Label("B-2", "社員証", "山田 太郎"), Label("B-3", "社員証", "")]
    assert captured[-1][1:] == (SHEETS["24"], 1)


def test_print_labels_honours_the_chosen_ids(
    db: Database, tmp_path: Path, captured: list[tuple[list[Label], LabelSheet, int]]
) -> None:
    first = _medium(db, "M-001")
    _medium(db, "M-002")
    third = _medium(db, "M-003")
    disposed = _medium(db, "M-000", "廃棄済", disposal_disposed_on="2026/1/5", disposal_method="物理的破壊")
    ids = [third, first, disposed, third, 9999]  # any order, repeated, deleted meanwhile
    count = print_labels(
        db, MEDIA, tmp_path / "x.pdf", lang="ja", sheet=SHEETS["12"], start=12, ids=ids, today=TODAY
    )
    assert count == 3
    labels, sheet, start = captured[-1]
    assert [label.number for label in labels] == ["M-000", "M-001", "M-003"]
    assert (sheet, start) == (SHEETS["12"], 12)


@pytest.mark.parametrize("register", [PEOPLE, INCIDENTS])
def test_registers_without_labels_are_refused(db: Database, tmp_path: Path, register: Register) -> None:
    with pytest.raises(UserError) as caught:
        print_labels(db, register, tmp_path / "x.pdf", lang="ja", sheet=SHEETS["24"], today=TODAY)
    assert "ラベル" in caught.value.ja
    assert "labels" in caught.value.en.lower()
    assert not (tmp_path / "x.pdf").exists()


def test_nothing_to_label_is_a_user_error(db: Database, tmp_path: Path) -> None:
    _medium(db, "M-000", "廃棄済", disposal_disposed_on="2026/1/5", disposal_method="物理的破壊")
    pdf = tmp_path / "x.pdf"
    with pytest.raises(UserError, match="no open items"):
        print_labels(db, MEDIA, pdf, lang="ja", sheet=SHEETS["24"], today=TODAY)
    with pytest.raises(UserError, match="No items were chosen"):
        print_labels(db, MEDIA, pdf, lang="ja", sheet=SHEETS["24"], ids=[], today=TODAY)
    with pytest.raises(UserError) as caught:
        print_labels(db, MEDIA, pdf, lang="ja", sheet=SHEETS["24"], start=25, today=TODAY)
    assert "1から24" in caught.value.ja
    assert not pdf.exists()


def test_command_line_prints_labels_from_a_position(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sme_guard.cli import main

    for number in ("USB-002", "USB-001"):
        save_record(
            db, MEDIA, None, {"asset_number": number, "kind": "usb_memory", "quantity": 1, "status": "in_use"}
        )
    out = tmp_path / "labels.pdf"
    argv = [
        "pdf",
        "labels",
        "media",
        "--out",
        str(out),
        "--sheet",
        "44",
        "--start",
        "3",
        "--db",
        str(db_path),
    ]
    assert main([*argv, "--lang", "ja"]) == 0
    assert capsys.readouterr().out.strip() == f"{out} (2)"
    found = _decode(out, SHEETS["44"])
    assert {position: code.text for position, code in found.items()} == {3: "USB-001", 4: "USB-002"}
    assert main([*argv, "--ids", "x,y", "--lang", "en"]) == 1
    assert "--ids takes numbers separated by commas" in capsys.readouterr().err
