"""Hostile and broken input, fuzzed with Hypothesis: every Excel importer and the catalog
loaders take whatever they are given without crashing and without writing half of it.

Excel: random cells of wrong types, 100k-character strings, formulas, merged cells, headers
shuffled, repeated or missing, title rows; files cut short, bytes flipped, the sheet's XML
mangled inside an intact zip, random bytes, a CSV renamed .xlsx, an empty file, a sheet whose
last row is Excel's 1,048,576th. An import either refuses the file with a ``WorkbookError``
(a ``UserError``: a message, no traceback) and writes nothing, or writes exactly the rows it
accepted, naming the row and the column of every one it rejected.

Catalog: the bundled catalog's files, the plan templates, the recurring-check schedule and an
office catalog file, with lines deleted, repeated, swapped or given values of the wrong type:
a ``CatalogError`` naming the file, never another exception, and an office catalog import
writes nothing when it fails.

Examples are derandomized (the same files on every run) and bounded; ``pytest -s`` prints how
many files of each kind were tried.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from sqlalchemy import text

import sme_guard.exchange.excel as excel
from sme_guard.cli import IMPORTS
from sme_guard.db.database import Database, open_database
from sme_guard.domain.codes import label
from sme_guard.domain.registers import REGISTERS, Column, Register
from sme_guard.errors import CatalogError, UserError
from sme_guard.exchange.excel import ImportReport, WorkbookError, import_register
from sme_guard.services import office_catalog, office_catalog_files
from sme_guard.services.catalog import (
    LEGEND_FILE,
    LIST_FILES,
    PLAN_TEMPLATES_FILE,
    SCHEDULE_FILE,
    bundled_catalog,
    load_catalog,
    load_check_schedule,
    load_plan_templates,
)
from sme_guard.services.registers import save_record
from tests.conftest import REPO, fresh_database

# openpyxl warns of a date cell it cannot read (then hands it over as #VALUE!, rejected) and
# of relationships it cannot follow (then reads on, or the file is refused).
pytestmark = [
    pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning"),
    pytest.mark.filterwarnings("ignore:.* contains invalid dependency definitions:UserWarning"),
]

IMPORTABLE: list[Register] = [REGISTERS[key] for key in IMPORTS.values()]
NAMES = ["山田 太郎", "佐藤 花子"]
SERVICES = ["会計クラウド", "Box"]
HUGE = 100_000  # characters in a huge cell
FORMULAS = ["=SUM(A1:A3)", "=1/0", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", '=HYPERLINK("x","y")', "="]
# How many files of each kind were fuzzed (asserted > 0, printed at the end of the module),
# and what became of them.
FUZZED: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@pytest.fixture(scope="module", autouse=True)
def fuzz_summary() -> Iterator[None]:
    yield
    total = sum(FUZZED.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(FUZZED.items()))
    outcomes = ", ".join(f"{outcome} {count}" for outcome, count in sorted(OUTCOMES.items()))
    print(f"\nfuzzed files: {total} ({kinds})\noutcomes: {outcomes}")


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A database with two employees and two cloud services, so person and linked columns
    can name something."""
    opened = fresh_database(migrated_template, tmp_path / "fuzz.sqlite3")
    for name in NAMES:
        save_record(
            opened,
            REGISTERS["people"],
            None,
            {"name": name, "employment_type": "regular", "role": "employee"},
        )
    for name in SERVICES:
        save_record(opened, REGISTERS["cloud_services"], None, {"name": name, "status": "in_use"})
    yield opened
    opened.close()


# --- what an import may do -------------------------------------------------------------------


def _counts(database: Database) -> dict[str, int]:
    """Rows of every table (the audit trail too, where there is one)."""
    with database.engine.connect() as connection:
        names = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: int(connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
            for name in names
        }


def _import(
    database: Database, register: Register, path: Path, kind: str, *, dry_run: bool = False
) -> ImportReport | None:
    """Import ``path`` and check the contract; returns the report (None: refused)."""
    FUZZED[kind] += 1
    before = _counts(database)
    lang = "en" if FUZZED[kind] % 2 else "ja"
    try:
        report = import_register(database, register, path, dry_run=dry_run, lang=lang)
    except WorkbookError as exc:
        assert exc.ja and exc.en and exc.message(lang)
        assert _counts(database) == before, "a refused file wrote something"
        OUTCOMES["excel: refused whole"] += 1
        return None
    after = _counts(database)
    table = register.table_name
    if dry_run:
        assert after == before
    else:
        # Exactly the accepted new rows: never a part of them, never a rejected one.
        assert after[table] - before[table] == report.rows_inserted
    assert report.rows_inserted + report.rows_updated + report.rows_rejected == report.rows_read
    for rejection in report.rejections:
        assert rejection.row >= 1
        assert rejection.column is not None, f"row {rejection.row}: {rejection.problem} names no column"
        assert rejection.column_label(lang)
        assert rejection.problem.message(lang)
    for line, (row, column, reason) in zip(report.lines(), report.rejected, strict=True):
        assert str(row) in line and column in line and reason in line
    OUTCOMES["excel: read, some rows rejected" if report.rejections else "excel: read whole"] += 1
    OUTCOMES["excel: rows written"] += 0 if dry_run else report.rows_inserted + report.rows_updated
    OUTCOMES["excel: rejections naming row and column"] += len(report.rejections)
    return report


# --- workbooks -------------------------------------------------------------------------------


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _good_value(column: Column, n: int) -> Any:
    """A value the column takes, so some rows of a fuzzed sheet get in."""
    if column.kind == "code" and column.codes is not None:
        members = list(column.codes)
        return label(members[n % len(members)], "ja" if n % 2 else "en")
    if column.kind == "person":
        return NAMES[n % len(NAMES)]
    if column.kind == "links":
        return ["、".join(SERVICES), None, SERVICES[1]][n % 3]
    if column.kind == "bool":
        return ["はい", "いいえ", "yes", True][n % 4]
    if column.kind == "date":
        return ["2024/4/1", date(2025, 1, 31), "令和6年4月1日"][n % 3]
    if column.kind == "datetime":
        return ["2026-11-27 14:30", datetime(2025, 5, 1, 9, 0)][n % 2]
    if column.kind in ("int", "number"):
        return 1 + n % 5
    if column.key == "number":  # an incident's
        return f"2024-{n % 900 + 1:03d}"
    forms = {  # a text that must look like one (services/values: text_form)
        "email": f"f{n}@example.jp",
        "phone": f"03-1234-{n % 10000:04d}",
        "postcode": f"100-{n % 10000:04d}",
        "kana": ["ヤマダ", "ﾔﾏﾀﾞ", "やまだ"][n % 3],
    }
    return forms.get(column.text_form or "", f"F-{n}")


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(_clean)
_huge = st.builds(lambda ch, n: ch * n, st.sampled_from(["あ", "x", "9", "=", "\n", "漢字 "]), st.just(HUGE))
# Values that sit at the edge of what a column, SQLite or Python's dates can hold.
EDGES: list[Any] = [
    0,
    -1,
    2**63 - 1,
    2**63,
    -(2**63) - 1,
    10**30,
    1e300,
    -1e300,
    1e-300,
    0.5,
    "99999999999999999999",
    "１２３",
    "1,000",
    "-0",
    True,
    False,
    "",
    " ",
    "\n",
    "#N/A",
    "令和99年13月40日",
    "0000-00-00",
    "9999-12-31 23:59",
    date(1900, 2, 28),
    date(9999, 12, 31),
    datetime(1900, 1, 1, 0, 0),
    "25:61",
    "2024/2/30 10:00",
    "9" * 5000,
]
_numbers = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
)
_moments = st.one_of(
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
)
_wrong = st.one_of(
    st.sampled_from(EDGES), st.none(), _numbers, _moments, _text, st.sampled_from(FORMULAS), _huge
)


@st.composite
def _sheets(draw: st.DrawFn, register: Register) -> tuple[str, list[list[Any]], list[str]]:
    """A sheet title, its rows (title rows, the header, data) and ranges to merge."""
    columns = list(register.columns)
    chosen = draw(st.lists(st.sampled_from(columns), min_size=0, max_size=len(columns) + 2))
    if draw(st.booleans()):  # most sheets carry every required column
        chosen = [c for c in columns if c.required and c.editable] + chosen
    chosen = draw(st.permutations(chosen))
    header: list[Any] = [draw(st.sampled_from([c.ja, c.en, c.key, f" {c.ja.upper()} "])) for c in chosen]
    if draw(st.integers(0, 4)) == 0:
        header.insert(draw(st.integers(0, len(header))), draw(st.one_of(_text, st.sampled_from(FORMULAS))))
    rows: list[list[Any]] = [[draw(_text)] for _ in range(draw(st.integers(0, 2)))]  # title rows
    rows.append(header)
    for n in range(draw(st.integers(0, 6))):
        row = [_good_value(column, n) for column in chosen]
        for _ in range(draw(st.integers(0, 2)) if row else 0):  # a wrong value or two
            row[draw(st.integers(0, len(row) - 1))] = draw(_wrong)
        if draw(st.integers(0, 5)) == 0:
            row += [draw(_wrong)]  # a note beside the table
        rows.append(row)
    width = max(len(row) for row in rows)
    merges = []
    for _ in range(draw(st.integers(0, 2))):
        top = draw(st.integers(1, len(rows)))
        left = draw(st.integers(1, max(width, 1)))
        bottom = draw(st.integers(top, len(rows) + 1))
        right = draw(st.integers(left, max(width, 1) + 1))
        if (bottom, right) != (top, left):
            merges.append(f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}")
    title = draw(st.sampled_from([register.ja, register.en, "Sheet1", "メモ"]))
    return title, rows, merges


def _save(
    path: Path, title: str, rows: list[list[Any]], merges: Sequence[str] = (), extra_sheet: bool = False
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    if extra_sheet:
        workbook.create_sheet("メモ").append(["ただのメモ"])
    workbook.save(path)
    return path


def _valid_file(path: Path, register: Register, count: int = 30) -> Path:
    """A sheet every row of which gets in (given the employees of ``database``)."""
    columns = [
        c
        for c in register.columns
        if (c.editable or c.key == register.number_key) and not c.key.startswith("disposal_")
    ]
    rows: list[list[Any]] = [[c.ja for c in columns]]
    rows += [[_good_value(c, n) for c in columns] for n in range(count)]
    if register.number_key:
        index = columns.index(register.column(register.number_key))
        for n, row in enumerate(rows[1:]):
            row[index] = f"2023-{n + 1:03d}" if register.key == "incidents" else f"V-{n:03d}"
    if register.key == "people":
        for n, row in enumerate(rows[1:]):
            row[0] = f"社員 {n}"
    return _save(path, register.ja, rows)


# --- Excel: cells, headers, merges -----------------------------------------------------------


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_random_cells_never_crash_and_never_write_part_of_an_import(
    database: Database, tmp_path: Path, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(excel, "INSERT_CHUNK", 2)  # rows reach the database early

    @_settings(40)
    @given(sheet=_sheets(register), dry_run=st.booleans(), extra=st.booleans())
    def fuzz(sheet: tuple[str, list[list[Any]], list[str]], dry_run: bool, extra: bool) -> None:
        title, rows, merges = sheet
        path = _save(tmp_path / "cells.xlsx", title, rows, merges, extra)
        _import(database, register, path, "cells, headers, merges", dry_run=dry_run)

    fuzz()
    assert FUZZED["cells, headers, merges"] > 0


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_huge_and_formula_cells_are_read_as_text_or_rejected(
    database: Database, tmp_path: Path, register: Register
) -> None:
    columns = [c for c in register.columns if c.editable]
    header = [c.ja for c in columns]
    rows: list[list[Any]] = [header]
    for n, value in enumerate(["あ" * HUGE, "=" + "1+" * 1000 + "1", *FORMULAS]):
        row = [_good_value(c, n) for c in columns]
        for index, column in enumerate(columns):
            if column.key != register.number_key and (column.kind == "text" or n % 2):
                row[index] = value
        rows.append(row)
    report = _import(
        database, register, _save(tmp_path / "huge.xlsx", register.en, rows), "huge strings and formulas"
    )
    assert report is not None and report.rows_read >= 1


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_edge_values_in_every_column_are_taken_or_rejected_by_row_and_column(
    database: Database, tmp_path: Path, register: Register
) -> None:
    """Every edge value in every column, one per row: the file is read, and each value is
    either stored or named in a rejection (its row and its column)."""
    columns = [c for c in register.columns if c.editable or c.key == register.number_key]
    rows: list[list[Any]] = [[c.ja for c in columns]]
    for index in range(len(columns)):
        for edge in EDGES:
            row = [_good_value(c, len(rows)) for c in columns]
            row[index] = edge
            rows.append(row)
    report = _import(database, register, _save(tmp_path / "edges.xlsx", register.ja, rows), "edge values")
    assert report is not None and report.rows_read == len(rows) - 1
    assert report.rejections and report.rows_inserted


# --- Excel: broken files ---------------------------------------------------------------------


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_damaged_files_are_refused_whole(database: Database, tmp_path: Path, register: Register) -> None:
    valid = _valid_file(tmp_path / "valid.xlsx", register).read_bytes()
    path = tmp_path / "damaged.xlsx"

    @_settings(15)
    @given(cut=st.integers(0, len(valid) - 1))
    def truncated(cut: int) -> None:
        path.write_bytes(valid[:cut])
        assert _import(database, register, path, "truncated zip") is None

    @_settings(15)
    @given(
        flips=st.lists(st.tuples(st.integers(0, len(valid) - 1), st.integers(0, 255)), min_size=1, max_size=8)
    )
    def flipped(flips: list[tuple[int, int]]) -> None:
        damaged = bytearray(valid)
        for position, byte in flips:
            damaged[position] = byte
        path.write_bytes(bytes(damaged))
        _import(database, register, path, "flipped bytes")

    @_settings(10)
    @given(content=st.binary(max_size=4096))
    def random_bytes(content: bytes) -> None:
        path.write_bytes(content)
        assert _import(database, register, path, "random bytes") is None

    truncated()
    flipped()
    random_bytes()
    for name, content in [
        ("empty", b""),
        ("csv renamed .xlsx", "資産番号,種類,数量,状態\nM-1,SSD,1,使用中\n".encode()),
        ("csv renamed .xlsx", "\ufeff氏名,雇用形態\n山田,正社員\n".encode()),
        ("ole (.xls, encrypted)", excel.OLE_SIGNATURE + b"\0" * 1024),
        ("zip without a workbook", _zip({"hello.txt": b"hi"})),
    ]:
        path.write_bytes(content)
        assert _import(database, register, path, name) is None
    # The valid file itself gets in whole.
    path.write_bytes(valid)
    report = _import(database, register, path, "valid")
    assert report is not None and report.rejections == []
    assert report.rows_inserted + report.rows_updated == 30  # a harmless flip may have let it in


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# Pieces of SpreadsheetML that readers trip over: cells pointing at shared strings that do
# not exist, numbers that overflow, coordinates out of range, bad booleans and dates.
XML_PIECES = [
    b'<c r="A2" t="s"><v>99999</v></c>',
    b'<c r="B2" t="s"><v>-1</v></c>',
    b'<c r="C2"><v>1E400</v></c>',
    b'<c r="C2"><v>-1E400</v></c>',
    b'<c r="C2"><v>99999999999999999999999</v></c>',
    b'<c r="C2"><v>NaN</v></c>',
    b'<c r="A2" t="b"><v>2</v></c>',
    b'<c r="A2" t="b"><v>x</v></c>',
    b'<c r="A2" t="d"><v>0000-13-45T99:99</v></c>',
    b'<c r="A2" t="d"><v>0001-01-01T00:00:00</v></c>',
    b'<c r="A2" t="e"><v>#REF!</v></c>',
    b'<c r="ZZZZ2"><v>1</v></c>',
    b'<c r="A0"><v>1</v></c>',
    b'<c r="A1048577"><v>1</v></c>',
    b'<c r="A99999999999"><v>1</v></c>',
    b'<c r="1A"><v>1</v></c>',
    b'<c r="A2" s="999"><v>1</v></c>',
    b'<c r="A2" s="x"><v>1</v></c>',
    b'<c r="A2" t="inlineStr"><is><t>inline</t></is></c>',
    b'<c r="A2" t="inlineStr"></c>',
    b'<row r="0"><c><v>1</v></c></row>',
    b'<row r="-5"><c><v>1</v></c></row>',
    b'<row r="x"/>',
    b"<c><f>SUM(A1:A2)</f><v>3</v></c>",
    b'<dimension ref="A1:XFD1048576"/>',
    b'<dimension ref="nonsense"/>',
    b'<mergeCells><mergeCell ref="A1:B2"/></mergeCells>',
    b"&bogus;",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b"\xff\xfe",
    b"",
]
XML_MEMBERS = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
]


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_mangled_xml_inside_an_intact_zip_never_crashes(
    database: Database, tmp_path: Path, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(excel, "INSERT_CHUNK", 2)
    valid = _valid_file(tmp_path / "valid.xlsx", register)
    with zipfile.ZipFile(valid) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    path = tmp_path / "mangled.xlsx"

    @_settings(30)
    @given(
        member=st.sampled_from([m for m in XML_MEMBERS if m in members]),
        edits=st.lists(
            st.tuples(st.floats(0, 1), st.integers(0, 400), st.sampled_from(XML_PIECES)),
            min_size=1,
            max_size=4,
        ),
    )
    def fuzz(member: str, edits: list[tuple[float, int, bytes]]) -> None:
        content = members[member]
        for where, length, piece in edits:
            start = int(where * len(content))
            content = content[:start] + piece + content[start + length :]
        path.write_bytes(_zip({**members, member: content}))
        _import(database, register, path, "mangled xml")

    fuzz()


# Cells as other programs (or a damaged file) write them, for a cell reference {ref}.
ODD_CELLS = [
    '<c r="{ref}" t="s"><v>99999</v></c>',
    '<c r="{ref}" t="s"><v>-1</v></c>',
    '<c r="{ref}"><v>1E400</v></c>',
    '<c r="{ref}"><v>-1E400</v></c>',
    '<c r="{ref}"><v>99999999999999999999999</v></c>',
    '<c r="{ref}"><v>1e308</v></c>',
    '<c r="{ref}"><v>1e-308</v></c>',
    '<c r="{ref}"><v>NaN</v></c>',
    '<c r="{ref}"><v></v></c>',
    '<c r="{ref}" s="1"><v>1E400</v></c>',
    '<c r="{ref}" s="1"><v>-5</v></c>',
    '<c r="{ref}" s="999"><v>1</v></c>',
    '<c r="{ref}" s="x"><v>1</v></c>',
    '<c r="{ref}" t="b"><v>2</v></c>',
    '<c r="{ref}" t="b"><v>x</v></c>',
    '<c r="{ref}" t="d"><v>0001-01-01T00:00:00</v></c>',
    '<c r="{ref}" t="d"><v>9999-12-31T23:59:59</v></c>',
    '<c r="{ref}" t="d"><v>0000-13-45T99:99</v></c>',
    '<c r="{ref}" t="e"><v>#DIV/0!</v></c>',
    '<c r="{ref}" t="str"><f>A1</f><v>=cmd</v></c>',
    '<c r="{ref}"><f>SUM(1,2)</f><v>3</v></c>',
    '<c r="{ref}"><f>SUM(1,2)</f></c>',
    '<c r="{ref}" t="inlineStr"></c>',
    '<c r="{ref}" t="inlineStr"><is><t>' + "9" * 5000 + "</t></is></c>",
    '<c r="{ref}" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c>',
    '<c r="{ref}" t="unknown"><v>1</v></c>',
    '<c r="1{ref}"><v>1</v></c>',
    '<c r="A0"><v>1</v></c>',
    '<c r="XFE2"><v>1</v></c>',
]


@pytest.mark.parametrize("register", IMPORTABLE, ids=lambda r: r.key)
def test_odd_cells_written_by_other_programs_never_crash(
    database: Database, tmp_path: Path, register: Register
) -> None:
    """One file per odd cell, put in every column of its own row: each file is read (its bad
    cells named by row and column) or refused whole."""
    valid = _valid_file(tmp_path / "valid.xlsx", register)
    with zipfile.ZipFile(valid) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    width = len(re.findall(r'<c r="[A-Z]+1"', sheet))
    path = tmp_path / "odd.xlsx"
    for cell in ODD_CELLS:
        mangled = sheet
        for index in range(min(width, 29)):
            ref = f"{get_column_letter(index + 1)}{index + 2}"
            odd = cell.format(ref=ref)
            mangled = re.sub(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', lambda _, odd=odd: odd, mangled, count=1)
        assert mangled != sheet
        path.write_bytes(_zip({**members, "xl/worksheets/sheet1.xml": mangled.encode()}))
        _import(database, register, path, "odd cells")


def test_a_sheet_reaching_excels_last_row_imports_in_bounded_time(database: Database, tmp_path: Path) -> None:
    register = REGISTERS["media"]
    rows: list[list[Any]] = [["資産番号", "種類", "数量", "状態"], ["M-1", "SSD", 1, "使用中"]]
    path = _save(tmp_path / "last-row.xlsx", register.ja, rows)
    workbook_rows = [["M-2", "SSD", "many", "使用中"]]
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    for column, value in enumerate(workbook_rows[0], start=1):
        sheet.cell(row=excel.LAST_EXCEL_ROW, column=column, value=value)
    workbook.save(path)
    assert workbook.active.max_row == 1_048_576
    started = time.perf_counter()
    report = _import(database, register, path, "1,048,576 rows")
    assert time.perf_counter() - started < 30
    assert report is not None
    assert report.rows_inserted == 1
    assert [(r.row, r.column.key if r.column else None) for r in report.rejections] == [
        (1_048_576, "quantity")
    ]


def test_a_row_beyond_excels_last_one_is_refused_not_walked_to(database: Database, tmp_path: Path) -> None:
    """A damaged file whose row number is past 1,048,576 is refused at that row: openpyxl fills
    every missing row before it, and two billion of them would never end."""
    path = _valid_file(tmp_path / "far.xlsx", REGISTERS["media"], count=3)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    far = b'<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>M-9</t></is></c></row></sheetData>'
    members["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", far)
    path.write_bytes(_zip(members))
    started = time.perf_counter()
    assert _import(database, REGISTERS["media"], path, "row past 1,048,576") is None
    assert time.perf_counter() - started < 30


# --- catalog files ---------------------------------------------------------------------------


WRONG_VALUES = [
    "[1, 2]",
    "{a: b}",
    "123",
    "-1",
    "true",
    "null",
    "''",
    '"' + "長" * 5000 + '"',
    "0x1F",
    "2024-01-01",
    "*x",
    "!!python/object:os.system ls",
    "&a x",
]


@st.composite
def _mutated(draw: st.DrawFn, lines: list[str]) -> str:
    """The lines of a YAML file with a few deleted, repeated, swapped, cut or retyped."""
    lines = list(lines)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "swap", "retype", "indent", "cut", "tab"]))
        if action == "delete":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "retype":
            line = lines[index]
            key, colon, _ = line.partition(": ")
            new = draw(st.sampled_from(WRONG_VALUES))
            lines[index] = f"{key}: {new}" if colon else f"{line.rstrip()} {new}"
        elif action == "indent":
            lines[index] = " " * draw(st.integers(1, 3)) + lines[index]
        elif action == "cut":
            lines = lines[:index]
        else:
            lines[index] = "\t" + lines[index]
    return "\n".join(lines) + "\n"


def _expect_catalog_error(load: Callable[[], Any], file: str, kind: str) -> None:
    FUZZED[kind] += 1
    try:
        load()
    except CatalogError as exc:
        for message in (exc.ja, exc.en):
            assert message.startswith(file), message
        OUTCOMES["catalog: refused, naming the file"] += 1
    else:
        OUTCOMES["catalog: loaded (a harmless change)"] += 1


@pytest.mark.parametrize("file", [LEGEND_FILE, *LIST_FILES])
def test_a_mutated_catalog_file_is_a_catalog_error_naming_it(tmp_path: Path, file: str) -> None:
    source = REPO / "catalog"
    lines = (source / file).read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "catalog"
    shutil.copytree(source, folder)

    @_settings(20)
    @given(content=_mutated(lines))
    def fuzz(content: str) -> None:
        (folder / file).write_text(content, encoding="utf-8")
        _expect_catalog_error(lambda: load_catalog(folder), file, "catalog files")

    fuzz()
    for name, content in [("empty", b""), ("not utf-8", b"\xff\xfe\x00x"), ("binary", bytes(range(256)))]:
        (folder / file).write_bytes(content)
        FUZZED[f"catalog {name}"] += 1
        with pytest.raises(CatalogError) as caught:
            load_catalog(folder)
        assert caught.value.en.startswith(file), caught.value.en
    (folder / file).unlink()
    with pytest.raises(CatalogError, match=f"^{file}: file is missing"):
        load_catalog(folder)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "sheets.yaml",
            "phase: arrival",
            "phase: nowhere",
            "sheets.yaml: sheet-001: phase: unknown code 'nowhere'",
        ),
        ("items.yaml", "  - item: 5\n", "  - item: 77\n", "items.yaml: ctl-"),
        ("references.yaml", "- id: ref-malware", "- id: ref-01", "references.yaml: ref-01: id used twice"),
    ],
    ids=["phase", "related item", "id twice"],
)
def test_a_rule_across_the_catalog_files_names_the_file_too(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(REPO / "catalog", folder)
    content = (folder / file).read_text(encoding="utf-8")
    assert old in content
    (folder / file).write_text(content.replace(old, new, 1), encoding="utf-8")
    FUZZED["catalog cross-file rules"] += 1
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert caught.value.en.startswith(expected) and caught.value.ja.startswith(expected), caught.value.en


@pytest.mark.parametrize(
    ("file", "load"),
    [
        (PLAN_TEMPLATES_FILE, lambda path: load_plan_templates(path)),
        (SCHEDULE_FILE, lambda path: load_check_schedule(path, catalog=bundled_catalog())),
    ],
    ids=["plan templates", "recurring checks"],
)
def test_mutated_templates_and_schedules_are_catalog_errors(
    tmp_path: Path, file: str, load: Callable[[Path], Any]
) -> None:
    lines = (REPO / "catalog" / file).read_text(encoding="utf-8").splitlines()
    path = tmp_path / file

    @_settings(20)
    @given(content=_mutated(lines))
    def fuzz(content: str) -> None:
        path.write_text(content, encoding="utf-8")
        _expect_catalog_error(lambda: load(path), file, "templates and schedules")

    fuzz()


def test_a_mutated_office_catalog_file_is_refused_whole(database: Database, tmp_path: Path) -> None:
    office_catalog.save_item(
        database,
        {
            "title": {"ja": "テレワーク", "en": "Telework"},
            "objective": {"ja": "自宅での作業の情報を守るため", "en": "To protect information at home"},
            "measures": [{"text": {"ja": "VPN で接続する", "en": "Use a VPN"}}],
            "points": [{"text": {"ja": "家族と共用しない", "en": "Do not share the PC"}}],
        },
    )
    office_catalog.copy_sheet(database, bundled_catalog().sheets[0])
    path = tmp_path / "office-catalog.yaml"
    office_catalog_files.export_office_catalog(database, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["items"]) == 1
    other = open_database(tmp_path / "other.sqlite3")
    try:

        @_settings(25)
        @given(content=_mutated(lines))
        def fuzz(content: str) -> None:
            path.write_text(content, encoding="utf-8")
            before = _counts(other)
            FUZZED["office catalog files"] += 1
            try:
                office_catalog_files.import_office_catalog(other, path)
            except CatalogError as exc:
                assert exc.en.startswith(path.name) and exc.ja.startswith(path.name), exc.en
                assert _counts(other) == before, "a refused file wrote something"
                OUTCOMES["office catalog: refused whole, naming the file"] += 1
            except UserError as exc:  # pragma: no cover - reported with the message
                raise AssertionError(f"not a CatalogError: {type(exc).__name__}: {exc.en}") from exc
            else:
                OUTCOMES["office catalog: imported (a harmless change)"] += 1

        fuzz()
    finally:
        other.close()
    assert FUZZED["office catalog files"] > 0
