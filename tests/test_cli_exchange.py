"""`sme-guard export` and `sme-guard import`: files, printed lines and exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from sme_guard.cli import main
from sme_guard.db.database import open_database
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.services.registers import save_record, table_of


def _fill(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        person = save_record(
            database, PEOPLE, None, {"name": "山田 太郎", "employment_type": "regular", "role": "employee"}
        )
        save_record(
            database,
            MEDIA,
            None,
            {"asset_number": "M-1", "kind": "ssd", "quantity": 1, "status": "in_use", "custodian_id": person},
        )
    finally:
        database.close()


def _count(db_path: Path, register: Any = MEDIA) -> int:
    database = open_database(db_path)
    try:
        with database.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table_of(register))).scalar_one())
    finally:
        database.close()


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_export_all_writes_a_sheet_per_register_and_prints_the_path(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path)
    target = tmp_path / "台帳.xlsx"
    assert main(["export", "all", "--db", str(db_path), "--out", str(target), "--lang", "ja"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert load_workbook(target).sheetnames == [
        "記憶媒体",
        "スマートデバイス",
        "社員証",
        "従業員",
        "障害・事故",
        "IT継続計画",
        "保護対策",
        "復旧手順",
        "災害シナリオ(参考)",
        "依存関係",
        "見直し履歴",
        "訓練",
        "クラウドサービス",
        "アカウント",
    ]


def test_export_one_register_in_english(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path)
    target = tmp_path / "media.xlsx"
    assert main(["--lang", "en", "export", "media", "--db", str(db_path), "--out", str(target)]) == 0
    sheet = load_workbook(target)["Storage media"]
    assert [c.value for c in sheet[1]][:4] == ["Asset no.", "Kind", "NAND flash", "Quantity"]
    assert [c.value for c in sheet[2]][:6] == ["M-1", "SSD", "no", 1, None, "山田 太郎"]


def test_export_to_a_missing_folder_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "out.xlsx"
    assert main(["--lang", "en", "export", "media", "--db", str(db_path), "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{target} cannot be written") and "Traceback" not in err


def test_import_of_an_export_takes_every_row(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path)
    target = tmp_path / "all.xlsx"
    assert main(["export", "all", "--db", str(db_path), "--out", str(target)]) == 0
    fresh = tmp_path / "fresh.sqlite3"
    capsys.readouterr()
    assert main(["--lang", "en", "import", "people", "--db", str(fresh), "--file", str(target)]) == 0
    assert capsys.readouterr().out == "1 row read: 1 added, 0 updated, 0 rejected\n"
    assert main(["--lang", "en", "import", "media", "--db", str(fresh), "--file", str(target)]) == 0
    assert capsys.readouterr().out == "1 row read: 1 added, 0 updated, 0 rejected\n"
    assert main(["--lang", "ja", "import", "media", "--db", str(fresh), "--file", str(target)]) == 0
    assert capsys.readouterr().out == "1行を読み込みました: 追加 0、更新 1、不可 0\n"


def _bad_rows(tmp_path: Path) -> Path:
    return _sheet(
        tmp_path / "bad.xlsx",
        [
            ["記憶媒体台帳"],
            ["資産番号", "種類", "数量", "状態", "管理者", "色"],
            ["M-2", "SSD", 1, "使用中", "山田太郎", "赤"],
            ["M-3", "SSD", -1, "使用中", None, None],
            ["M-4", "SSD", 1, "どこか", "鈴木", None],
        ],
    )


def test_import_prints_each_rejected_row_and_exits_1(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path)
    path = _bad_rows(tmp_path)
    assert main(["--lang", "en", "import", "media", "--db", str(db_path), "--file", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "ignored columns: 色",
        "row 4: Quantity: must be 0 or more (-1)",
        "row 5: Status: 'どこか' is not one of: In use, Stored, Lent out, Lost, Disposed",
        "row 5: Custodian: no employee named '鈴木'",
        "3 rows read: 1 added, 0 updated, 2 rejected",
    ]
    assert _count(db_path) == 2


def test_import_speaks_japanese(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    _fill(db_path)
    path = _bad_rows(tmp_path)
    assert (
        main(["--lang", "ja", "import", "media", "--db", str(db_path), "--file", str(path), "--dry-run"]) == 1
    )
    assert capsys.readouterr().out.splitlines() == [
        "無視した列: 色",
        "4行目: 数量: 0 以上にしてください(-1)",
        "5行目: 状態: 「どこか」は選べません(使用中、保管中、貸出中、紛失、廃棄済 のいずれか)",
        "5行目: 管理者: 従業員「鈴木」が見つかりません",
        "3行を読み込みました: 追加予定 1、更新予定 0、不可 2(試行のため保存していません)",
    ]
    assert _count(db_path) == 1  # a dry run saves nothing


def test_dry_run_in_english_saves_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path)
    path = _sheet(
        tmp_path / "ok.xlsx", [["Asset no.", "Kind", "Quantity", "Status"], ["M-9", "SSD", 1, "In use"]]
    )
    assert (
        main(["--lang", "en", "import", "media", "--db", str(db_path), "--file", str(path), "--dry-run"]) == 0
    )
    assert capsys.readouterr().out == (
        "1 row read: 1 to add, 0 to update, 0 rejected (dry run: nothing was saved)\n"
    )
    assert _count(db_path) == 1


@pytest.mark.parametrize(
    ("rows", "content", "message"),
    [
        (None, b"not a workbook", "cannot be read: it is not an Excel workbook (.xlsx) or it is damaged."),
        ([["メモ"], ["M-1", "SSD"]], None, "No header row of storage media in the first 10 rows"),
        ([["資産番号", "種類"], ["M-1", "SSD"]], None, "lacks required columns: Quantity, Status"),
    ],
)
def test_import_that_reads_nothing_exits_2(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    rows: list[list[Any]] | None,
    content: bytes | None,
    message: str,
) -> None:
    _fill(db_path)
    path = tmp_path / "file.xlsx"
    if rows is None:
        path.write_bytes(content or b"")
    else:
        _sheet(path, rows)
    assert main(["--lang", "en", "import", "media", "--db", str(db_path), "--file", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and "Traceback" not in captured.err
    assert _count(db_path) == 1


def test_a_missing_file_exits_2_with_its_name(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "nope.xlsx"
    assert main(["--lang", "ja", "import", "people", "--db", str(db_path), "--file", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"{path} を読み込めません: ファイルが見つかりません。"


def test_registers_are_checked_by_argparse(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["import", "all", "--db", str(db_path), "--file", "x.xlsx"])
    assert raised.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_pdf_stocktake_sheet_and_result(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    from datetime import date

    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import BADGES
    from sme_guard.services import registers, stocktake

    database = open_database(db_path)
    for number in ("B-0002", "B-0001"):
        registers.save_record(
            database, BADGES, None, {"badge_number": number, "medium": "ic_card", "status": "active"}
        )
    take = stocktake.start_stocktake(database, BADGES, "総務", date(2026, 11, 27))
    first, second = stocktake.lines(database, take)
    stocktake.mark(database, first.item_id, "found")
    stocktake.finish_stocktake(database, take, date(2026, 11, 27))
    database.close()

    sheet = tmp_path / "sheet.pdf"
    assert (
        main(["pdf", "stocktake", "badges", "--out", str(sheet), "--db", str(db_path), "--lang", "en"]) == 0
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Stock-take sheet" in text and text.index("B-0001") < text.index("B-0002")

    result = tmp_path / "result.pdf"
    assert (
        main(
            ["pdf", "stocktake-result", "badges", "--out", str(result), "--db", str(db_path), "--lang", "ja"]
        )
        == 0
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(result), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "棚卸結果" in text and second.number in text

    capsys.readouterr()
    assert (
        main(["pdf", "stocktake", "people", "--out", str(sheet), "--db", str(db_path), "--lang", "en"]) == 1
    )
    assert "stock-takes are of media, devices or badges" in capsys.readouterr().err
