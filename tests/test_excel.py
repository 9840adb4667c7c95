"""Excel export and import: lossless round trips, the sheet's formatting, messy user sheets,
and no partial writes. Files are checked by reading them back with openpyxl."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import Table, select

import sme_guard.exchange.excel as excel
from sme_guard.db.database import Database, open_database
from sme_guard.domain.codes import label
from sme_guard.domain.registers import (
    ACCOUNTS,
    BADGES,
    CLOUD_SECURITY,
    CLOUD_SERVICES,
    DEVICES,
    MEDIA,
    PEOPLE,
    REGISTERS,
    Register,
)
from sme_guard.exchange.excel import (
    ExportCancelledError,
    ExportFailedError,
    HeaderNotFoundError,
    ImportCancelledError,
    ImportReport,
    MissingColumnsError,
    UnreadableWorkbookError,
    export_registers,
    import_register,
)
from sme_guard.services.flags import FlagContext
from sme_guard.services.registers import DISPOSAL_PREFIX, get_record, load_rows, save_record, table_of
from sme_guard.services.values import Problem
from tests.conftest import REPO

ALL = [MEDIA, DEVICES, BADGES, PEOPLE, CLOUD_SERVICES, ACCOUNTS]
TRICKY = ["=SUM(A1:A2)", "+81 3 1234 5678", "-書庫", "@倉庫", "#N/A", "=", "=1+1\n二行目"]


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second, empty database to import into."""
    opened = open_database(tmp_path / "other.sqlite3")
    yield opened
    opened.close()


def _fill(database: Database) -> None:
    """Every kind of value in every register: codes, yes/no, dates, people, disposal, text
    that Excel would take for a formula."""
    yamada = save_record(
        database,
        PEOPLE,
        None,
        {
            "name": "山田 太郎",
            "kana": "ヤマダ タロウ",
            "department": "総務部",
            "employment_type": "regular",
            "role": "system_admin",
            "phone": "+81 3 1234 5678",
            "email": "yamada@example.jp",
            "joined_on": date(2015, 4, 1),
            "notes": '=HYPERLINK("x")',
        },
    )
    sato = save_record(
        database,
        PEOPLE,
        None,
        {
            "name": "佐藤 花子",
            "employment_type": "part_time",
            "role": "employee",
            "joined_on": date(2020, 10, 1),
            "left_on": date(2024, 3, 31),
        },
    )
    save_record(
        database,
        MEDIA,
        None,
        {
            "asset_number": "M-001",
            "kind": "usb_memory",
            "nand_flash": True,
            "quantity": 2,
            "location": "-書庫",
            "custodian_id": yamada,
            "holds_important_info": True,
            "storage_place": "@耐火金庫",
            "storage_environment": "施錠",
            "authorised": False,
            "long_term_backup": True,
            "lifetime_until": date(2030, 12, 31),
            "next_migration_on": date(2027, 1, 15),
            "status": "disposed",
            "last_stocktake_on": date(2024, 4, 1),
            "notes": "=SUM(A1:A2)\n二行目",
            "disposal_disposed_on": date(2024, 5, 1),
            "disposal_method": "overwrite",
            "disposal_performed_by": "業者A",
            "disposal_verified_by": "山田",
            "disposal_verified_on": date(2024, 5, 2),
            "disposal_certificate_no": "C-77",
        },
    )
    save_record(
        database,
        MEDIA,
        None,
        {"asset_number": "00123", "kind": "ssd", "quantity": 0, "custodian_id": sato, "status": "in_use"},
    )
    save_record(
        database,
        CLOUD_SERVICES,
        None,
        {
            "name": "会計クラウド",
            "provider": "株式会社サンプル",
            "purpose": "経理",
            "data_held": "仕訳、給与",
            "importance": "confidential",
            "owner_id": yamada,
            **{c.key: f"確認: {c.key}" if c.kind == "text" else True for c in CLOUD_SECURITY.columns()},
            "support_hours": "平日9-18時",
            "service_hours": "24時間365日",
            "resource_guarantee": "100GB",
            "sla_concluded": True,
            "datacentre_location": "東京",
            "applicable_law": "日本法",
            "mfa_enabled": True,
            "last_reviewed_on": date(2024, 5, 1),
            "status": "in_use",
            "notes": "=契約書は金庫",
        },
    )
    save_record(database, CLOUD_SERVICES, None, {"name": "Box", "status": "stopped"})
    save_record(
        database,
        ACCOUNTS,
        None,
        {
            "account_number": "A-001",
            "system": "会計クラウド",
            "login": "yamada@example.jp",
            "person_id": yamada,
            "shared": False,
            "privilege": "admin",
            "auth_method": "two_step",
            "issued_on": date(2020, 4, 1),
            "last_reviewed_on": date(2024, 4, 1),
            "status": "active",
        },
    )
    save_record(
        database,
        ACCOUNTS,
        None,
        {
            "account_number": "A-002",
            "system": "複合機",
            "login": "admin",
            "shared": True,
            "privilege": "user",
            "auth_method": "card_or_token",
            "disabled_on": date(2024, 3, 31),
            "status": "disabled",
            "notes": "+共用",
        },
    )
    save_record(
        database,
        DEVICES,
        None,
        {
            "asset_number": "D-001",
            "allowed_cloud_services": ["会計クラウド", "Box"],
            "kind": "smartphone",
            "model": "iPhone 15",
            "os_name": "iOS",
            "os_version": "17.5",
            "serial_or_imei": "353456789012345",
            "user_id": yamada,
            "ownership": "byod",
            "mdm_enrolled": True,
            "passcode_lock": True,
            "auto_lock": True,
            "wipe_after_failed_passcodes": False,
            "remote_wipe": True,
            "encryption": True,
            "anti_malware": False,
            "allowed_apps_only": True,
            "allowed_cloud_only": True,
            "jailbreak_checked_on": date(2024, 6, 1),
            "last_patch_on": date(2024, 6, 2),
            "backup_procedure": "iCloud に毎晩",
            "guideline_acknowledged_on": date(2024, 4, 2),
            "autolink_checked_on": date(2024, 6, 3),
            "settings_checked_on": date(2024, 6, 4),
            "last_stocktake_on": date(2024, 6, 5),
            "status": "lost",
            "notes": "@紛失届",
        },
    )
    save_record(
        database,
        BADGES,
        None,
        {
            "badge_number": "B-0001",
            "holder_id": sato,
            "medium": "ic_card",
            "areas": "1F, 2F",
            "issued_on": date(2020, 10, 1),
            "valid_until": date(2025, 9, 30),
            "status": "returned",
            "returned_on": date(2024, 3, 31),
            "last_stocktake_on": date(2024, 4, 1),
            "notes": "-",
        },
    )


def _snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value of every register, people as names and without ids or times."""
    from sqlmodel import SQLModel

    result: dict[str, list[tuple[Any, ...]]] = {}
    with database.engine.connect() as connection:
        person = table_of(PEOPLE)
        names = {row.id: row.name for row in connection.execute(select(person.c.id, person.c.name))}
        disposals: Table = SQLModel.metadata.tables["medium_disposal"]
        by_medium = {row.medium_id: row for row in connection.execute(select(disposals))}
        for register in ALL:
            table = table_of(register)
            rows = []
            for row in connection.execute(select(table)).mappings():
                values = []
                for column in register.columns:
                    if column.key.startswith(DISPOSAL_PREFIX):
                        found = by_medium.get(row["id"])
                        key = column.key.removeprefix(DISPOSAL_PREFIX)
                        values.append(getattr(found, key) if found else None)
                    elif column.kind == "person":
                        values.append(names.get(row[column.key]))
                    elif column.link is not None:
                        values.append(get_record(database, register, row["id"])[column.key])
                    else:
                        values.append(row[column.key])
                rows.append(tuple(values))
            result[register.key] = sorted(rows, key=repr)
    return result


def _import_all(database: Database, path: Path, lang: str = "ja") -> list[ImportReport]:
    # People first: the other registers name them.
    # People and cloud services first: the other registers name them.
    order = (PEOPLE, CLOUD_SERVICES, MEDIA, DEVICES, BADGES, ACCOUNTS)
    return [import_register(database, r, path, lang=lang) for r in order]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_round_trip_is_lossless_for_every_register(
    database: Database, other: Database, tmp_path: Path, lang: str
) -> None:
    _fill(database)
    path = tmp_path / "台帳.xlsx"
    assert export_registers(database, ALL, path, lang) == 10
    reports = _import_all(other, path, lang)
    assert [(r.rows_read, r.rows_inserted, r.rows_updated, r.rejections) for r in reports] == [
        (2, 2, 0, []),
        (2, 2, 0, []),
        (2, 2, 0, []),
        (1, 1, 0, []),
        (1, 1, 0, []),
        (2, 2, 0, []),
    ]
    assert all(r.ignored_columns == [] for r in reports)
    assert _snapshot(other) == _snapshot(database)
    # Importing the same file again updates every record and changes nothing.
    again = _import_all(other, path, lang)
    assert [(r.rows_inserted, r.rows_updated) for r in again] == [
        (0, 2),
        (0, 2),
        (0, 2),
        (0, 1),
        (0, 1),
        (0, 2),
    ]
    assert _snapshot(other) == _snapshot(database)


def test_formula_like_text_is_stored_as_text(database: Database, other: Database, tmp_path: Path) -> None:
    for number, text in enumerate(TRICKY):
        save_record(
            database,
            MEDIA,
            None,
            {
                "asset_number": f"T-{number}",
                "kind": "other",
                "quantity": 1,
                "status": "stored",
                "notes": text,
            },
        )
    path = tmp_path / "media.xlsx"
    export_registers(database, [MEDIA], path, "ja")
    notes = MEDIA.columns.index(MEDIA.column("notes")) + 1
    for read_only in (False, True):
        sheet = load_workbook(path, read_only=read_only)["記憶媒体"]
        cells = [row[notes - 1] for row in sheet.iter_rows(min_row=2)]
        assert [(c.value, c.data_type) for c in cells] == [(t, "s") for t in TRICKY]
    report = import_register(other, MEDIA, path)
    assert report.rejections == []
    stored = _snapshot(other)["media"]
    notes_index = MEDIA.columns.index(MEDIA.column("notes"))
    assert sorted(row[notes_index] for row in stored) == sorted(TRICKY)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_is_formatted_for_excel_and_printing(database: Database, tmp_path: Path, lang: str) -> None:
    _fill(database)
    path = tmp_path / "out.xlsx"
    export_registers(database, ALL, path, lang)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [r.label(lang) for r in ALL]
    yes_no = ["はい", "いいえ"] if lang == "ja" else ["yes", "no"]
    for register in ALL:
        sheet = workbook[register.label(lang)]
        columns = register.columns
        last = get_column_letter(len(columns))
        assert [c.value for c in sheet[1]] == [c.label(lang) for c in columns]
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert sheet.print_title_rows.replace("$", "") == "1:1"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        validations = {}
        for validation in sheet.data_validations.dataValidation:
            assert validation.type == "list"
            for cell_range in validation.sqref.ranges:
                assert cell_range.min_row == 2
                validations[cell_range.min_col] = validation.formula1.strip('"').split(",")
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            assert sheet.column_dimensions[letter].width >= column.width
            if column.kind == "code":
                assert column.codes is not None
                expected = [label(m, lang) for m in column.codes]
                assert validations.pop(index) == expected
            elif column.kind == "bool":
                assert validations.pop(index) == yes_no
            for cell in sheet[letter][1:]:
                if cell.value is None:
                    continue
                if column.kind == "date":
                    assert cell.is_date and cell.number_format == "yyyy/mm/dd"
                elif column.kind == "int":
                    assert cell.data_type == "n"
                elif column.kind == "bool":
                    assert cell.value in yes_no
                else:
                    assert cell.data_type == "s"
        assert validations == {}
    # The sheets say their size, so readers need not parse a sheet twice to learn it.
    streamed = load_workbook(path, read_only=True)
    assert [(s.max_row, s.max_column) for s in streamed.worksheets] == [
        (workbook[r.label(lang)].max_row, len(r.columns)) for r in ALL
    ]
    streamed.close()
    media = workbook[MEDIA.label(lang)]
    first = {c.key: cell.value for c, cell in zip(MEDIA.columns, media[2], strict=True)}
    assert first["kind"] == ("USBメモリー" if lang == "ja" else "USB memory")
    assert first["custodian_id"] == "山田 太郎"
    assert first["quantity"] == 2
    assert first["disposal_disposed_on"] == datetime(2024, 5, 1)
    assert first["disposal_method"] == ("上書き消去" if lang == "ja" else "Overwrite erasure")
    assert first["nand_flash"] == yes_no[0] and first["authorised"] == yes_no[1]


def test_export_holds_what_the_register_lists(database: Database, tmp_path: Path) -> None:
    """The export streams its own query (for flat memory); it must give load_rows' values."""
    _fill(database)
    path = tmp_path / "out.xlsx"
    export_registers(database, ALL, path, "en")
    workbook = load_workbook(path, read_only=True)
    context = FlagContext(today=date(2024, 7, 1))
    for register in ALL:
        listed = load_rows(database, register, context)
        assert [c.key for c in listed.columns] == [c.key for c in register.columns]
        width = len(register.columns)
        exported = [
            (*row, *[None] * (width - len(row)))  # read-only rows end at their last value
            for row in workbook[register.en].iter_rows(min_row=2, values_only=True)
        ]
        assert len(exported) == len(listed.rows)
        for row, values in zip(exported, listed.rows, strict=True):
            for column, cell, value in zip(register.columns, row, values, strict=True):
                if column.kind == "date" and value is not None:
                    assert cell == datetime.combine(value, datetime.min.time())
                elif column.kind == "bool":
                    assert cell == ("yes" if value else "no")
                elif column.kind == "code" and value is not None:
                    assert column.codes is not None
                    assert cell == label(column.codes(value), "en")
                else:
                    assert cell == value
    workbook.close()


def test_cancelled_export_leaves_the_old_file_and_no_temporary(database: Database, tmp_path: Path) -> None:
    _fill(database)
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous export")
    calls: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelledError) as raised:
        export_registers(
            database, ALL, path, "ja", progress=lambda d, t: calls.append((d, t)), cancelled=lambda: True
        )
    assert "中止" in raised.value.ja and "cancelled" in raised.value.en
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_failed_export_leaves_no_half_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(database)

    def disk_full(self: Any, filename: Any) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    path = tmp_path / "out.xlsx"
    with pytest.raises(ExportFailedError) as raised:
        export_registers(database, ALL, path, "en")
    assert str(path) in raised.value.en and "No space left" in raised.value.en
    assert str(path) in raised.value.ja
    assert list(tmp_path.glob("*.xlsx*")) == [] and list(tmp_path.glob(".out*")) == []


def test_export_into_a_missing_folder_is_a_plain_error(database: Database, tmp_path: Path) -> None:
    with pytest.raises(ExportFailedError):
        export_registers(database, [MEDIA], tmp_path / "nowhere" / "out.xlsx", "ja")


def test_export_reports_progress(database: Database, tmp_path: Path) -> None:
    _fill(database)
    calls: list[tuple[int, int]] = []
    export_registers(database, ALL, tmp_path / "out.xlsx", "ja", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (10, 10)


# --- import of a user's own sheet ---------------------------------------------------------


def _existing(database: Database) -> None:
    save_record(
        database,
        PEOPLE,
        None,
        {"name": "山田 太郎", "employment_type": "regular", "role": "employee"},
    )
    save_record(
        database,
        MEDIA,
        None,
        {"asset_number": "M-100", "kind": "usb_memory", "quantity": 1, "status": "in_use"},
    )


def _messy_sheet(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(["記憶媒体台帳(2024年度)"])  # 1: a title row
    sheet.append([])  # 2
    # 3: the header, English and Japanese mixed, spaced, with a column the app does not know
    sheet.append(["資産 番号", "Kind", " 数量 ", "status", "管理者", "最終 棚卸日", "メモ欄", "Notes"])
    rows: list[list[Any]] = [
        ["M-001", "USBメモリー", "１２", "使用中", "山田太郎", "2024/4/1", "x", "全角数量"],  # 4
        ["M-002  ", "SSD ", 3, "In use", None, "2024-04-01  ", None, "trailing blanks"],  # 5
        [None, None, "  ", None, None, None, None, None],  # 6: blank
        ["M-003", "sd card", 1, "保管中", "", "令和6年4月1日", None, None],  # 7
        ["M-004", "外付けHDD", 2, "使用中", "", 45383, None, "serial date"],  # 8
        ["M-005", "テープ", 1.0, "使用中", "", datetime(2024, 4, 1), None, None],  # 9
        ["m-001", "SSD", 1, "使用中", "", None, None, "duplicate"],  # 10
        ["M-100", "SSD", 5, "保管中", "山田 太郎", None, None, "updates"],  # 11
        ["M-006", "フロッピー", 1, "使用中", "", None, None, None],  # 12
        ["M-007", "USBメモリー", 1, "使用中", "", "2024/2/30", None, None],  # 13
        ["M-008", "USBメモリー", -1, "使用中", "", None, None, None],  # 14
        ["M-009", "USBメモリー", 1, "使用中", "鈴木 一郎", None, None, None],  # 15
        [None, None, None, None, None, None, "以上 12件", None],  # 16: a note beside the table
    ]
    for row in rows:
        sheet.append(row)
    workbook.save(path)


MESSY_EN = [
    "row 10: Asset no.: 'm-001' repeats row 4 of this file",
    "row 12: Kind: 'フロッピー' is not one of: USB memory, External HDD, Internal HDD, SSD, SD card, "
    "CD/DVD/BD, Tape, Smart card, Other",
    "row 13: Last stock-take: '2024/2/30' is not a real date",
    "row 14: Quantity: must be 0 or more (-1)",
    "row 15: Custodian: no employee named '鈴木 一郎'",
]
MESSY_JA = [
    "10行目: 資産番号: 「m-001」は4行目と重複しています",
    "12行目: 種類: 「フロッピー」は選べません(USBメモリー、外付けHDD、内蔵HDD、SSD、SDカード、CD/DVD/BD、テープ、スマートカード、その他 のいずれか)",
    "13行目: 最終棚卸日: 「2024/2/30」は存在しない日付です",
    "14行目: 数量: 0 以上にしてください(-1)",
    "15行目: 管理者: 従業員「鈴木 一郎」が見つかりません",
]


def _media(database: Database) -> dict[str, dict[str, Any]]:
    table = table_of(MEDIA)
    with database.engine.connect() as connection:
        return {row["asset_number"]: dict(row) for row in connection.execute(select(table)).mappings()}


def test_a_messy_user_sheet_imports_its_good_rows_and_names_the_bad_ones(
    database: Database, tmp_path: Path
) -> None:
    _existing(database)
    path = tmp_path / "user.xlsx"
    _messy_sheet(path)
    report = import_register(database, MEDIA, path, lang="en")
    assert report.sheet == "Sheet1"
    assert report.ignored_columns == ["メモ欄"]
    assert report.lines("en") == MESSY_EN
    assert report.lines("ja") == MESSY_JA
    assert report.rejected[0] == (10, "Asset no.", "'m-001' repeats row 4 of this file")
    assert (report.rows_read, report.rows_inserted, report.rows_updated, report.rows_rejected) == (
        11,
        5,
        1,
        5,
    )
    assert report.summary("en") == "11 rows read: 5 added, 1 updated, 5 rejected"
    assert report.summary("ja") == "11行を読み込みました: 追加 5、更新 1、不可 5"

    media = _media(database)
    assert sorted(media) == ["M-001", "M-002", "M-003", "M-004", "M-005", "M-100"]
    assert media["M-001"]["quantity"] == 12 and media["M-001"]["custodian_id"] == 1
    assert media["M-002"]["kind"] == "ssd" and media["M-002"]["status"] == "in_use"
    assert media["M-003"]["kind"] == "sd_card" and media["M-003"]["status"] == "stored"
    for number in ("M-001", "M-002", "M-003", "M-004", "M-005"):
        assert media[number]["last_stocktake_on"] == date(2024, 4, 1), number
    assert media["M-004"]["notes"] == "serial date"
    updated = media["M-100"]
    assert (updated["kind"], updated["quantity"], updated["status"], updated["custodian_id"]) == (
        "ssd",
        5,
        "stored",
        1,
    )
    # Columns the sheet does not have keep their defaults on insert.
    assert media["M-002"]["authorised"] is True


def test_dry_run_checks_everything_and_writes_nothing(database: Database, tmp_path: Path) -> None:
    _existing(database)
    before = _snapshot(database)
    path = tmp_path / "user.xlsx"
    _messy_sheet(path)
    report = import_register(database, MEDIA, path, dry_run=True, lang="en")
    assert report.lines() == MESSY_EN
    assert (report.rows_inserted, report.rows_updated) == (5, 1)
    assert report.summary().endswith("(dry run: nothing was saved)")
    assert _snapshot(database) == before


def test_a_failing_import_writes_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _existing(database)
    before = _snapshot(database)
    path = tmp_path / "user.xlsx"
    _messy_sheet(path)
    monkeypatch.setattr(excel, "INSERT_CHUNK", 2)  # some inserts reach the database first
    written: list[Any] = []

    def broken(*args: Any) -> int:
        written.append(args)
        raise RuntimeError("disk went away")

    monkeypatch.setattr(excel, "write_record", broken)
    with pytest.raises(RuntimeError, match="disk went away"):
        import_register(database, MEDIA, path)
    assert len(written) == 1  # the update of M-100, after four inserts were flushed
    assert _snapshot(database) == before


def test_a_cancelled_import_writes_nothing(database: Database, tmp_path: Path) -> None:
    _existing(database)
    before = _snapshot(database)
    path = tmp_path / "user.xlsx"
    _messy_sheet(path)
    with pytest.raises(ImportCancelledError) as raised:
        import_register(database, MEDIA, path, cancelled=lambda: True)
    assert "何も保存されていません" in raised.value.ja and "nothing was saved" in raised.value.en
    assert _snapshot(database) == before


def test_import_reports_progress(database: Database, tmp_path: Path) -> None:
    _existing(database)
    path = tmp_path / "user.xlsx"
    _messy_sheet(path)
    calls: list[tuple[int, int]] = []
    import_register(database, MEDIA, path, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (16, 16)


def test_import_of_an_export_knows_its_total(database: Database, other: Database, tmp_path: Path) -> None:
    _fill(database)
    path = tmp_path / "out.xlsx"
    export_registers(database, ALL, path, "ja")
    calls: list[tuple[int, int]] = []
    import_register(other, PEOPLE, path, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(3, 3)]  # the header and two people


def _workbook(path: Path, *sheets: tuple[str, list[list[Any]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


HEADER = ["資産番号", "種類", "数量", "状態"]


def test_the_sheet_named_after_the_register_is_chosen(database: Database, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "book.xlsx",
        ("メモ", [["ただのメモ"]]),
        ("Storage media", [HEADER, ["M-1", "SSD", 1, "使用中"]]),
    )
    report = import_register(database, MEDIA, path)
    assert report.sheet == "Storage media" and report.rows_inserted == 1
    # Without such a sheet the first one is read.
    path = _workbook(tmp_path / "first.xlsx", ("一覧", [HEADER, ["M-2", "SSD", 1, "使用中"]]), ("x", []))
    assert import_register(database, MEDIA, path).sheet == "一覧"
    assert sorted(_media(database)) == ["M-1", "M-2"]


def test_a_sheet_without_a_header_or_required_columns_reads_nothing(
    database: Database, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [[f"メモ {n}"] for n in range(10)] + [HEADER, ["M-1", "SSD", 1, "使用中"]]
    path = _workbook(tmp_path / "late.xlsx", ("記憶媒体", rows))
    with pytest.raises(HeaderNotFoundError) as no_header:
        import_register(database, MEDIA, path)
    assert "見出し行が見つかりません" in no_header.value.ja and "No header row" in no_header.value.en

    path = _workbook(
        tmp_path / "missing.xlsx", ("記憶媒体", [["資産番号", "Kind", "所在"], ["M-1", "SSD", "書庫"]])
    )
    with pytest.raises(MissingColumnsError) as missing:
        import_register(database, MEDIA, path)
    assert [c.key for c in missing.value.columns] == ["quantity", "status"]
    assert missing.value.ja.endswith("必須の列がありません: 数量、状態")
    assert missing.value.en.endswith("lacks required columns: Quantity, Status")
    assert _media(database) == {}


def test_people_are_matched_by_name(database: Database, tmp_path: Path) -> None:
    _existing(database)
    path = _workbook(
        tmp_path / "people.xlsx",
        (
            "従業員",
            [
                ["氏名", "フリガナ", "雇用形態", "役割", "入社日", "退職日"],
                ["山田太郎", "ヤマダ タロウ", "正社員", "システム管理者", "2015/4/1", None],  # updates
                ["田中 一郎", None, "Part-time", "Employee", "2024/4/1", "2024/3/1"],  # left before joining
                ["鈴木 二郎", None, "派遣社員", "従業員", None, None],  # new
                ["すずき じろう", None, "派遣社員", "従業員", None, None],  # a different name
                ["鈴木　二郎", None, "派遣社員", "従業員", None, None],  # the same name again
            ],
        ),
    )
    report = import_register(database, PEOPLE, path, lang="en")
    assert report.lines() == [
        "row 3: Left: is before joined",
        "row 6: Name: '鈴木\u3000二郎' repeats row 4 of this file",
    ]
    assert (report.rows_inserted, report.rows_updated) == (2, 1)
    person = table_of(PEOPLE)
    with database.engine.connect() as connection:
        people = {r.name: r for r in connection.execute(select(person))}
    # The sheet's spelling of the name is what the update stores.
    assert sorted(people) == ["すずき じろう", "山田太郎", "鈴木 二郎"]
    yamada = people["山田太郎"]
    # フリガナ is kept as full-width katakana, one full-width space between the names.
    assert yamada.id == 1 and yamada.kana == "ヤマダ\u3000タロウ" and yamada.role == "system_admin"


def test_disposal_records_need_a_date_and_a_method(database: Database, tmp_path: Path) -> None:
    _existing(database)
    header = [*HEADER, "廃棄日", "廃棄方法", "証明書番号"]
    path = _workbook(
        tmp_path / "disposal.xlsx",
        (
            "記憶媒体",
            [
                header,
                ["M-1", "SSD", 1, "廃棄済", "2024/5/1", "物理的破壊", "C-1"],
                ["M-2", "SSD", 1, "廃棄済", None, "物理的破壊", None],
                ["M-3", "SSD", 1, "廃棄済", "2024/5/1", None, None],
                ["M-4", "SSD", 1, "使用中", None, None, "C-4"],
                ["M-100", "SSD", 1, "廃棄済", "2024/6/1", "業者委託", "C-100"],  # an update
            ],
        ),
    )
    report = import_register(database, MEDIA, path, lang="en")
    assert report.lines() == [
        "row 3: Disposed on: needed for a disposal record",
        "row 4: Disposal method: needed for a disposal record",
        "row 5: Disposed on: needed for a disposal record",
        "row 5: Disposal method: needed for a disposal record",
    ]
    assert (report.rows_inserted, report.rows_updated, report.rows_rejected) == (1, 1, 3)
    stored = _snapshot(database)["media"]
    disposed = {row[0]: row[-6:] for row in stored}
    assert disposed["M-1"] == (date(2024, 5, 1), "physical_destruction", None, None, None, "C-1")
    assert disposed["M-100"] == (date(2024, 6, 1), "contractor", None, None, None, "C-100")


def _some_media(database: Database) -> None:
    save_record(
        database, MEDIA, None, {"asset_number": "M-1", "kind": "ssd", "quantity": 1, "status": "in_use"}
    )


@pytest.mark.parametrize(
    ("name", "content", "why_en", "why_ja"),
    [
        ("text.xlsx", b"just some text", "not an Excel workbook (.xlsx) or it is damaged", "壊れています"),
        (
            "zip.xlsx",
            b"PK\x03\x04broken zip",
            "not an Excel workbook (.xlsx) or it is damaged",
            "壊れています",
        ),
        (
            "locked.xlsx",
            excel.OLE_SIGNATURE + b"\0" * 600,
            "password-protected or in the old Excel format (.xls)",
            "パスワード",
        ),
        ("old.xls", excel.OLE_SIGNATURE + b"\0" * 600, "password-protected", "パスワード"),
        ("list.csv", "資産番号,種類\nM-1,SSD\n".encode(), "not an Excel workbook", "Excel ブック"),
        ("missing.xlsx", None, "the file does not exist", "見つかりません"),
    ],
)
def test_an_unreadable_file_is_refused_with_its_name(
    database: Database, tmp_path: Path, name: str, content: bytes | None, why_en: str, why_ja: str
) -> None:
    _some_media(database)
    before = _snapshot(database)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UnreadableWorkbookError) as raised:
        import_register(database, MEDIA, path)
    assert raised.value.en.startswith(f"{path} cannot be read: ") and why_en in raised.value.en
    assert raised.value.ja.startswith(f"{path} を読み込めません: ") and why_ja in raised.value.ja
    assert _snapshot(database) == before


def test_an_empty_register_exports_a_header_only_sheet(
    database: Database, other: Database, tmp_path: Path
) -> None:
    path = tmp_path / "empty.xlsx"
    assert export_registers(database, [BADGES], path, "ja") == 0
    sheet = load_workbook(path)["社員証"]
    assert sheet.max_row == 1 and sheet.auto_filter.ref == "A1:J1"
    report = import_register(other, BADGES, path)
    assert (report.rows_read, report.rejections) == (0, [])


def test_report_lines_and_summary_read_well() -> None:
    report = ImportReport(
        register=MEDIA, sheet="s", lang="en", rows_read=1234, rows_inserted=1200, rows_updated=30
    )
    report.rejections = [
        excel.Rejection(7, None, Problem("読めません", "cannot be read")),
        excel.Rejection(9, MEDIA.column("kind"), Problem("入力してください", "required")),
    ]
    assert report.summary() == "1,234 rows read: 1,200 added, 30 updated, 2 rejected"
    assert report.lines() == ["row 7: cannot be read", "row 9: Kind: required"]
    assert report.lines("ja") == ["7行目: 読めません", "9行目: 種類: 入力してください"]
    assert report.rejected == [(7, "", "cannot be read"), (9, "Kind", "required")]


def test_header_labels_do_not_collide() -> None:
    for register in REGISTERS.values():
        keys = [excel.header_key(t) for c in register.columns for t in {c.ja, c.en, c.key}]
        owners = {excel.header_key(t): c.key for c in register.columns for t in (c.ja, c.en, c.key)}
        assert len(owners) == len(set(keys))
        for column in register.columns:
            assert owners[excel.header_key(column.ja)] == column.key
            assert owners[excel.header_key(column.en)] == column.key


def test_exchange_never_imports_qt_and_the_cli_imports_openpyxl_lazily() -> None:
    for path in (REPO / "sme_guard" / "exchange").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not [n for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}], path
    code = (
        "import sys, sme_guard.cli\n"
        "print('openpyxl' in sys.modules)\n"
        "import sme_guard.exchange.excel\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["False", "[]"]


def test_a_register_key_is_accepted_as_header(database: Database, tmp_path: Path) -> None:
    register: Register = MEDIA
    path = _workbook(
        tmp_path / "keys.xlsx",
        ("data", [["asset_number", "kind", "quantity", "status"], ["K-1", "usb_memory", 1, "in_use"]]),
    )
    report = import_register(database, register, path)
    assert (report.rows_inserted, report.rejections) == (1, [])
