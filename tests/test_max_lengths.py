"""Every text field has a maximum length: stated in the form, enforced the same way in the
form, the Excel import and the command line, and every printout holds a value that long (or
says which record it cannot print, and why)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sme_guard.cli import main
from sme_guard.db.database import Database
from sme_guard.domain.registers import (
    LABEL_NUMBER_LENGTH,
    MEDIA,
    PEOPLE,
    REGISTERS,
    Column,
    Register,
)
from sme_guard.errors import UserError
from sme_guard.services import registers, stocktake
from sme_guard.services.flags import FlagContext
from sme_guard.services.registers import RecordInvalidError
from sme_guard.ui.app import configure_application
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.tasks import SynchronousRunner
from tests import pdf_reading

TODAY = date(2026, 11, 27)


def _text_columns() -> Iterator[tuple[Register, Column]]:
    for register in REGISTERS.values():
        for column in register.columns:
            if column.kind == "text" and column.editable:
                yield register, column


def _filled(database: Database, register: Register, **values: Any) -> dict[str, Any]:
    """What a record of ``register`` needs besides ``values`` (its required codes, numbers,
    times, a disposal's date and method)."""
    needed: dict[str, Any] = {}
    for column in register.columns:
        if not column.required or not column.editable:
            continue
        if column.kind == "code" and column.codes is not None:
            needed[column.key] = column.default or next(iter(column.codes)).value
        elif column.kind == "int":
            needed[column.key] = column.default or 1
        elif column.kind == "datetime":
            needed[column.key] = "2026/11/27 14:30"
        elif column.kind == "text":
            needed[column.key] = f"{register.key}-{len(values)}"
    if any(key.startswith("disposal_") for key in values):
        needed.update(disposal_disposed_on="2026/11/01", disposal_method="physical_destruction")
    return {**needed, **values}


def _longest(register: Register, column: Column) -> tuple[str, str]:
    """A value of ``column`` exactly at its maximum length as typed, and as it is kept (a phone
    number's spaces read as one hyphen; an e-mail address must look like one)."""
    n = column.max_length
    if column.text_form == "phone":
        return "03" + " " * (n - 11) + "1234-5678", "03-1234-5678"
    if column.text_form == "email":
        address = "a" * (n - len("@example.co.jp")) + "@example.co.jp"
        return address, address
    longest = "A" * n if column.key == register.number_key else "資" * n
    return longest, longest


@pytest.mark.parametrize(
    ("register", "column"), list(_text_columns()), ids=[f"{r.key}.{c.key}" for r, c in _text_columns()]
)
def test_a_value_at_the_maximum_is_kept_one_more_character_is_refused(
    db: Database, register: Register, column: Column
) -> None:
    longest, kept = _longest(register, column)
    record = registers.save_record(db, register, None, _filled(db, register, **{column.key: longest}))
    assert registers.get_record(db, register, record)[column.key] == kept
    with pytest.raises(RecordInvalidError) as refused:
        registers.save_record(db, register, record, _filled(db, register, **{column.key: longest + "X"}))
    problem = refused.value.problems[column.key]
    assert (
        problem.ja == f"{column.max_length:,} 文字以内にしてください({column.max_length + 1:,} 文字あります)"
    )
    assert problem.en == f"at most {column.max_length:,} characters, please ({column.max_length + 1:,} given)"
    assert registers.get_record(db, register, record)[column.key] == kept


def test_the_import_names_the_row_and_column_of_a_value_too_long(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["資産番号", "種類", "数量", "状態", "備考"])
    sheet.append(["X" * 3002, "USBメモリー", 1, "使用中", None])  # the asset number
    sheet.append(["USB-2", "USBメモリー", 1, "使用中", "メモ" * 2001])
    sheet.append(["USB-3", "USBメモリー", 1, "使用中", "金庫"])
    workbook.save(tmp_path / "in.xlsx")
    db.close()
    assert (
        main(["--lang", "ja", "--db", str(db.path), "import", "media", "--file", str(tmp_path / "in.xlsx")])
        == 1
    )
    out = capsys.readouterr().out
    assert "2行目: 資産番号: 20 文字以内にしてください(3,002 文字あります)" in out
    assert "3行目: 備考: 4,000 文字以内にしてください(4,002 文字あります)" in out
    rows = registers.load_rows(db, MEDIA, FlagContext(TODAY))
    assert [row[rows.index("asset_number")] for row in rows.rows] == ["USB-3"]


def test_the_form_states_the_maximum_and_keeps_what_was_pasted(
    qapp: QApplication, qtbot: QtBot, db: Database
) -> None:
    configure_application(qapp, "ja")
    tab = register_tab(MEDIA, "ja", SynchronousRunner())
    qtbot.addWidget(tab)
    tab.show()
    tab.set_database(db)
    number, notes = tab.form.editors["asset_number"], tab.form.editors["notes"]
    assert isinstance(number, QLineEdit) and isinstance(notes, QPlainTextEdit)
    assert number.placeholderText() == "20 文字以内" == number.toolTip()
    assert notes.placeholderText() == "4,000 文字以内"
    assert tab.form.editors["location"].placeholderText() == "200 文字以内"

    tab.new_action.trigger()
    QApplication.clipboard().setText("X" * 3002)
    number.setFocus()
    number.paste()
    assert number.text() == "X" * 3002  # not cut off without a word
    tab.save_button.click()
    error = tab.form.errors["asset_number"]
    assert not error.isHidden() and error.text() == "20 文字以内にしてください(3,002 文字あります)"
    assert number.text() == "X" * 3002
    assert registers.load_rows(db, MEDIA, FlagContext(TODAY)).ids == []


def test_a_record_with_every_field_at_its_maximum_prints_and_exports(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = {c.key: _longest(PEOPLE, c)[0] for c in PEOPLE.columns if c.kind == "text"}
    holder = registers.save_record(
        db, PEOPLE, None, {**person, "employment_type": "regular", "role": "employee"}
    )
    numbers: dict[str, str] = {}
    for register in REGISTERS.values():
        if register is PEOPLE:
            continue
        values: dict[str, Any] = {
            c.key: _longest(register, c)[0] for r, c in _text_columns() if r is register
        }
        values.update({c.key: holder for c in register.columns if c.kind == "person"})
        registers.save_record(db, register, None, _filled(db, register, **values))
        numbers[register.key] = values.get(register.number_key or "", "")
    db.close()
    run = ["--lang", "ja", "--db", str(db.path), "pdf"]
    kinds = [
        ["stocktake", "media"],
        ["stocktake", "devices"],
        ["stocktake", "badges"],
        ["labels", "media", "--sheet", "44"],
        ["labels", "devices", "--sheet", "44"],
        ["labels", "badges", "--sheet", "44"],
        ["incident", "2026-001"],
        ["contacts"],
        ["plan", numbers["plans"]],
        ["report", "--year", "2026"],
    ]
    for n, kind in enumerate(kinds):
        out = tmp_path / f"{n}.pdf"
        assert main([*run, *kind, "--out", str(out)]) == 0, capsys.readouterr().err
        assert pdf_reading.pages(out)
    assert "A" * LABEL_NUMBER_LENGTH in pdf_reading.text(tmp_path / "3.pdf")  # the number whole on the label
    assert main(["--db", str(db.path), "export", "all", "--out", str(tmp_path / "all.xlsx")]) == 0


def test_labels_name_the_records_whose_numbers_they_cannot_hold(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in ("USB-1", "記憶媒体総務部金庫保管分第一号"):  # 15 wide characters: a valid number
        registers.save_record(db, MEDIA, None, _filled(db, MEDIA, asset_number=number))
    db.close()
    with closing(sqlite3.connect(db.path)) as connection:  # written before numbers had a maximum
        connection.execute("DROP TRIGGER audit_storage_medium_insert")
        connection.execute(
            "INSERT INTO storage_medium (asset_number, kind, quantity, status, nand_flash, "
            "holds_important_info, authorised, long_term_backup, created_at, updated_at) "
            "VALUES (?, 'usb_memory', 1, 'in_use', 0, 0, 1, 0, '2026-01-01', '2026-01-01')",
            ("Y" * 3002,),
        )
        connection.commit()
    out = tmp_path / "labels.pdf"
    assert (
        main(
            [
                "--lang",
                "en",
                "--db",
                str(db.path),
                "pdf",
                "labels",
                "media",
                "--sheet",
                "44",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "is too long to print whole, as a QR code and as text, on a label of 'A4, 44 labels" in err
    assert "'記憶媒体総務部金庫保管分第一号' (ID 2, 15 characters)" in err
    assert "'YYYYYYYYYYYYYYYYYYYY…' (ID 3, 3,002 characters)" in err
    assert "USB-1" not in err and "unexpected" not in err.lower() and not out.exists()
    assert (
        main(
            ["--lang", "en", "--db", str(db.path), "pdf", "labels", "media", "--ids", "1", "--out", str(out)]
        )
        == 0
    )


def test_a_found_location_too_long_is_refused_by_name(db: Database) -> None:
    registers.save_record(db, MEDIA, None, _filled(db, MEDIA, asset_number="USB-1"))
    take = stocktake.start_stocktake(db, MEDIA, "総務", TODAY)
    (line,) = stocktake.lines(db, take)
    with pytest.raises(UserError) as refused:
        stocktake.mark(db, line.item_id, "found", "倉" * 201)
    assert refused.value.ja == "所在: 200 文字以内にしてください(201 文字あります)"
    stocktake.mark(db, line.item_id, "found", "倉" * 200)
    assert stocktake.lines(db, take)[0].found_location == "倉" * 200
