"""Excel export of the IT continuity plans and their lines (protection, recovery steps,
disaster scenarios, dependencies, reviews, drills), and `sme-guard export plans`.

Plans are made through the services, as the GUI makes them; the workbook is read back with
openpyxl."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sme_guard.cli import main
from sme_guard.db.database import Database
from sme_guard.domain.codes import DisasterScenario, ProtectionMeasure, label
from sme_guard.domain.registers import PEOPLE, PLANS
from sme_guard.exchange.excel import (
    PLAN_DETAILS,
    ExportCancelledError,
    export_plans,
    export_registers,
    with_details,
)
from sme_guard.services import continuity, registers
from sme_guard.services.continuity import ProtectionLine

SHEETS = {
    "ja": ["IT継続計画", "保護対策", "復旧手順", "災害シナリオ(参考)", "依存関係", "見直し履歴", "訓練"],
    "en": [
        "IT continuity plans",
        "Protection",
        "Recovery steps",
        "Disaster scenarios (reference)",
        "Dependencies",
        "Reviews",
        "Drills",
    ],
}
YES_NO = {"ja": ("はい", "いいえ"), "en": ("yes", "no")}
ROWS = 2 + 3 + 4 + 2 + 1 + 2 + 2  # plans, protections, steps, scenarios, dependency, reviews, drills


def _person(db: Database, name: str) -> int:
    return registers.save_record(
        db, PEOPLE, None, {"name": name, "employment_type": "regular", "role": "employee"}
    )


def _fill(db: Database) -> None:
    """Two plans, made in the order their names do not sort in (会計 before メール)."""
    yamada, sato = _person(db, "山田 太郎"), _person(db, "佐藤 花子")
    accounting = registers.save_record(
        db,
        PLANS,
        None,
        {"name": "会計システム", "owner_id": yamada, "rto_hours": "1", "review_interval_days": "365"},
    )
    mail = registers.save_record(
        db, PLANS, None, {"name": "メール", "rto_hours": "4", "review_interval_days": "180"}
    )
    continuity.set_protections(
        db,
        accounting,
        [
            ProtectionLine(ProtectionMeasure.OTHER, "保守契約", False, None),
            ProtectionLine(ProtectionMeasure.UPS, None, True, None),
            ProtectionLine(ProtectionMeasure.BACKUP, None, True, "毎日 22 時\n外付けディスクへ"),
        ],
    )
    continuity.save_step(
        db,
        accounting,
        None,
        {"who": "山田 太郎", "what": "障害の範囲を確認する", "location": "事務所", "duration_minutes": "10"},
    )
    continuity.save_step(db, accounting, None, {"who": "佐藤 花子", "what": "=1+1", "duration_minutes": "20"})
    restore = continuity.save_step(
        db,
        accounting,
        None,
        {"what": "バックアップから復元する", "location": "サーバー室", "duration_minutes": "30"},
    )
    continuity.move_step(db, accounting, restore, -1)  # now: check, restore, =1+1
    continuity.save_step(db, mail, None, {"what": "予備機を出す"})
    continuity.save_scenario(
        db, accounting, None, {"scenario": "custom", "name": "ランサムウェア", "response": "LAN から切り離す"}
    )
    continuity.save_scenario(
        db, accounting, None, {"scenario": "earthquake", "response": "安全確保の後に再開"}
    )
    continuity.set_dependencies(db, accounting, [mail])
    continuity.mark_reviewed(db, accounting, date(2025, 4, 1), "年次見直し")
    continuity.save_drill(
        db,
        accounting,
        None,
        {
            "held_on": date(2025, 6, 10),
            "scenario": "サーバー故障",
            "steps_exercised": "手順 1〜3",
            "minutes_achieved": "90",  # the objective is 60 minutes
            "result": "復旧できた",
            "findings": "予備機の場所が分からなかった",
            "plan_changed": True,
            "change_note": "予備機の場所を手順に書いた",
        },
        [sato, yamada],  # the order chosen, not the order of the people's ids
    )
    continuity.save_drill(db, mail, None, {"held_on": date(2025, 5, 20), "minutes_achieved": "30"}, [])


def _rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[title].iter_rows(min_row=2, values_only=True))


def _all_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_plans_and_their_lines_are_exported_a_sheet_each(db: Database, tmp_path: Path, lang: str) -> None:
    _fill(db)
    path = tmp_path / "plans.xlsx"
    assert export_plans(db, path, lang) == ROWS
    workbook = load_workbook(path)
    assert workbook.sheetnames == SHEETS[lang]
    plan_title = "対象システム・サービス" if lang == "ja" else "System or service"
    for sheet, columns in zip(
        workbook.worksheets, [PLANS.columns, *(d.columns for d in PLAN_DETAILS)], strict=True
    ):
        assert [c.value for c in sheet[1]] == [c.label(lang) for c in columns]
        assert sheet["A1"].value == plan_title
    yes, no = YES_NO[lang]

    plans = _rows(path, SHEETS[lang][0])  # the register's sheet, in the register's order
    assert [row[0] for row in plans] == ["会計システム", "メール"]
    assert plans[0][1] == "山田 太郎"

    assert _rows(path, SHEETS[lang][1]) == [
        ("会計システム", label(ProtectionMeasure.BACKUP, lang), None, yes, "毎日 22 時\n外付けディスクへ"),
        ("会計システム", label(ProtectionMeasure.UPS, lang), None, yes, None),
        ("会計システム", label(ProtectionMeasure.OTHER, lang), "保守契約", no, None),
    ]
    # By plan name, then the order the steps were moved into.
    assert _rows(path, SHEETS[lang][2]) == [
        ("メール", 1, None, "予備機を出す", None, None),
        ("会計システム", 1, "山田 太郎", "障害の範囲を確認する", "事務所", 10),
        ("会計システム", 2, None, "バックアップから復元する", "サーバー室", 30),
        ("会計システム", 3, "佐藤 花子", "=1+1", None, 20),
    ]
    assert _rows(path, SHEETS[lang][3]) == [
        ("会計システム", label(DisasterScenario.EARTHQUAKE, lang), None, "安全確保の後に再開"),
        ("会計システム", label(DisasterScenario.CUSTOM, lang), "ランサムウェア", "LAN から切り離す"),
    ]
    assert _rows(path, SHEETS[lang][4]) == [("会計システム", "メール")]
    assert _rows(path, SHEETS[lang][5]) == [
        ("会計システム", datetime(2025, 4, 1), "年次見直し"),
        ("会計システム", datetime(2025, 6, 10), "予備機の場所を手順に書いた"),  # the drill's change
    ]
    separator = "、" if lang == "ja" else ", "
    assert _rows(path, SHEETS[lang][6]) == [
        ("メール", datetime(2025, 5, 20), None, None, None, 30, 240, no, None, None, no, None),
        (
            "会計システム",
            datetime(2025, 6, 10),
            "サーバー故障",
            f"佐藤 花子{separator}山田 太郎",
            "手順 1〜3",
            90,
            60,
            yes,
            "復旧できた",
            "予備機の場所が分からなかった",
            yes,
            "予備機の場所を手順に書いた",
        ),
    ]


def test_detail_sheets_are_formatted_as_register_sheets_are(db: Database, tmp_path: Path) -> None:
    _fill(db)
    path = tmp_path / "plans.xlsx"
    export_plans(db, path, "ja")
    workbook = load_workbook(path)
    for detail in PLAN_DETAILS:
        sheet = workbook[detail.ja]
        last = get_column_letter(len(detail.columns))
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert str(sheet.print_title_rows).replace("$", "") == "1:1"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
        for index, column in enumerate(detail.columns, start=1):
            letter = get_column_letter(index)
            assert sheet.column_dimensions[letter].width >= column.width
            for cell in sheet[letter][1:]:
                if column.kind == "date":
                    assert cell.is_date and cell.number_format == "yyyy/mm/dd"
                elif column.kind == "int" and cell.value is not None:
                    assert cell.data_type == "n"
    # Drop-downs on coded and yes/no columns, as on a register's sheet.
    lists = {
        cell_range.min_col: validation.formula1.strip('"').split(",")
        for validation in workbook["保護対策"].data_validations.dataValidation
        for cell_range in validation.sqref.ranges
    }
    assert lists == {2: [label(m, "ja") for m in ProtectionMeasure], 4: ["はい", "いいえ"]}
    # Typed text that Excel would take for a formula stays text, and stays so when edited.
    steps = workbook["復旧手順"]
    cell = steps["D5"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    # Each sheet says its size, so readers need not parse it twice.
    streamed = load_workbook(path, read_only=True)
    assert [(s.max_row, s.max_column) for s in streamed.worksheets] == [
        (workbook[title].max_row, workbook[title].max_column) for title in SHEETS["ja"]
    ]
    streamed.close()


def test_no_plans_gives_the_sheets_with_their_headers(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "plans.xlsx"
    assert export_plans(db, path, "en") == 0
    workbook = load_workbook(path)
    assert workbook.sheetnames == SHEETS["en"]
    assert all(sheet.max_row == 1 for sheet in workbook.worksheets)


def test_the_plans_register_alone_is_still_one_sheet(db: Database, tmp_path: Path) -> None:
    _fill(db)
    path = tmp_path / "plans.xlsx"
    assert export_registers(db, [PLANS], path, "ja") == 2
    assert load_workbook(path).sheetnames == ["IT継続計画"]
    assert with_details([PLANS]) == [PLANS, *PLAN_DETAILS]


@pytest.mark.parametrize("after", [0, 3])  # before the first sheet; after some were written
def test_a_cancelled_export_leaves_no_file(db: Database, tmp_path: Path, after: int) -> None:
    _fill(db)
    path = tmp_path / "plans.xlsx"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > after

    with pytest.raises(ExportCancelledError):
        export_plans(db, path, "ja", cancelled=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".part")) == []


def test_export_reports_progress_over_every_sheet(db: Database, tmp_path: Path) -> None:
    _fill(db)
    calls: list[tuple[int, int]] = []
    export_plans(db, tmp_path / "plans.xlsx", "ja", progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (ROWS, ROWS)


def test_cli_export_plans_writes_the_same_workbook(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, tmp_path: Path
) -> None:
    _fill(db)
    expected = tmp_path / "expected.xlsx"
    export_plans(db, expected, "ja")
    target = tmp_path / "計画.xlsx"
    assert main(["export", "plans", "--db", str(db_path), "--out", str(target), "--lang", "ja"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert load_workbook(target).sheetnames == SHEETS["ja"]
    assert _all_values(target) == _all_values(expected)
