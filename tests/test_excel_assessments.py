"""Excel export of self-assessment runs: the runs, every measure's and task sheet's answer with
the catalog's texts, and the scores per item. Runs are made through the services, as the GUI
makes them; the workbook is read back with openpyxl."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Measure, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.domain.registers import PEOPLE, Column
from sme_guard.exchange.assessment_excel import export_assessments
from sme_guard.exchange.excel import ExportCancelledError, RowsSheet, export_sheets
from sme_guard.services import assessments, registers
from sme_guard.services.assessments import (
    RunInvalidError,
    answers,
    item_scores,
    overall,
    save_measure,
    save_sheet,
    start_run,
)
from sme_guard.services.catalog import bundled_catalog

CATALOG = bundled_catalog()
SHEETS = {
    "ja": ["点検一覧", "管理策", "業務シート", "管理項目別の実施率"],
    "en": ["Assessments", "Control measures", "Task sheets", "Scores per item"],
}
EVIDENCE = '=HYPERLINK("https://example.com/規程","規程")'
FIRST, SECOND = "2025年度 自己点検", "2026年度 自己点検"


def _person(db: Database, name: str) -> int:
    return registers.save_record(
        db, PEOPLE, None, {"name": name, "employment_type": "regular", "role": "employee"}
    )


def _later() -> Measure:
    """A measure the first run leaves unanswered and the second answers 一部実施."""
    return CATALOG.items[1].measures[0]


@pytest.fixture
def runs(db: Database) -> tuple[int, int]:
    """Two runs; the second starts from the first's answers and changes some of them."""
    yamada, sato = _person(db, "山田 太郎"), _person(db, "佐藤 花子")
    item = CATALOG.items[0]
    m1, m2 = item.measures[0], item.measures[1]
    reference = next(m for _, m in CATALOG.measures() if m.reference)
    sheet1, sheet2 = CATALOG.sheets[0], CATALOG.sheets[1]

    first = start_run(db, {"name": FIRST, "held_on": "2025-06-01", "assessor": "山田 太郎"})
    save_measure(
        db,
        first,
        m1.id,
        {"status": "done", "evidence": EVIDENCE, "owner_id": yamada, "due_on": "2025-12-31"},
    )
    save_measure(db, first, m2.id, {"status": "partial", "owner_id": sato})
    save_measure(db, first, reference.id, {"status": "not_applicable"})
    save_sheet(
        db,
        first,
        sheet1.id,
        {
            "applies": True,
            "technical_status": "done",
            "human_status": "partial",
            "responsibility": ["system_admin", "employee"],
            "owner_id": sato,
            "due_on": "2026-03-31",
            "notes": "一行目\n二行目",
        },
    )
    save_sheet(
        db,
        first,
        sheet2.id,
        {"applies": False, "technical_status": "not_done", "human_status": "not_done"},
    )

    second = start_run(db, {"name": SECOND, "held_on": "2026-06-01", "notes": "前回から"}, from_run=first)
    save_measure(db, second, m2.id, {"status": "done", "owner_id": sato, "due_on": "2026-09-30"})
    save_measure(db, second, _later().id, {"status": "partial"})
    return first, second


@pytest.fixture
def exported(db: Database, runs: tuple[int, int], tmp_path: Path) -> Iterator[Any]:
    path = tmp_path / "assessments.xlsx"
    export_assessments(db, path, "ja")
    workbook = load_workbook(path)
    yield workbook
    workbook.close()


def _records(sheet: Any) -> list[dict[str, Any]]:
    """Data rows as {header: cell}."""
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _values(sheet: Any) -> list[dict[str, Any]]:
    return [{k: c.value for k, c in record.items()} for record in _records(sheet)]


def _expected_rows(runs: int) -> dict[str, int]:
    return {
        "点検一覧": runs,
        "管理策": runs * len(CATALOG.measures()),
        "業務シート": runs * len(CATALOG.sheets),
        "管理項目別の実施率": runs * len(CATALOG.items),
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sheet_names_and_row_counts(db: Database, runs: tuple[int, int], tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"assessments-{lang}.xlsx"
    written = export_assessments(db, path, lang)
    expected = _expected_rows(2)
    assert written == sum(expected.values())
    workbook = load_workbook(path)
    assert workbook.sheetnames == SHEETS[lang]
    for name, count in zip(SHEETS[lang], expected.values(), strict=True):
        sheet = workbook[name]
        assert sheet.max_row == count + 1, name
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{count + 1}"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.page_setup.orientation == "landscape"
    workbook.close()


def test_measures_carry_the_catalog_texts_and_each_runs_answer(exported: Any) -> None:
    rows = _records(exported["管理策"])
    per_run = len(CATALOG.measures())
    assert [r["点検名"].value for r in rows] == [FIRST] * per_run + [SECOND] * per_run  # oldest first
    item = CATALOG.items[0]
    m1, m2 = item.measures[:2]

    first, second = rows[0], rows[per_run]
    assert first["実施日"].value == datetime(2025, 6, 1)
    assert first["実施日"].number_format == "yyyy/mm/dd"
    assert first["項目番号"].value == item.number
    assert first["管理項目"].value == item.title.ja
    assert first["管理策番号"].value == circled(1) == "①"
    assert first["管理策"].value == m1.text.ja
    assert first["参考"].value == "いいえ"
    assert first["実施状況"].value == label(MeasureStatus.DONE, "ja")
    assert first["担当者"].value == "山田 太郎"
    assert first["期限"].value == datetime(2025, 12, 31)
    assert first["期限"].number_format == "yyyy/mm/dd"
    # Copied into the second run as it was; text that looks like a formula stays text.
    for row in (first, second):
        assert row["実施内容・根拠"].value == EVIDENCE
        assert row["実施内容・根拠"].data_type == "s"
        assert row["実施内容・根拠"].quotePrefix

    before, after = rows[1], rows[per_run + 1]
    assert before["管理策"].value == m2.text.ja
    assert (before["実施状況"].value, after["実施状況"].value) == ("一部実施", "実施済")
    assert before["期限"].value is None
    assert after["期限"].value == datetime(2026, 9, 30)
    assert (before["担当者"].value, after["担当者"].value) == ("佐藤 花子", "佐藤 花子")
    # Not answered is 未実施, as the scores count it.
    later = [m.id for _, m in CATALOG.measures()].index(_later().id)
    assert rows[later]["管理策"].value == _later().text.ja
    assert (rows[later]["実施状況"].value, rows[per_run + later]["実施状況"].value) == ("未実施", "一部実施")
    assert rows[later]["担当者"].value is None

    reference = [r for r in rows[:per_run] if r["参考"].value == "はい"]
    assert len(reference) == sum(1 for _, m in CATALOG.measures() if m.reference)
    assert reference[0]["実施状況"].value == "対象外"


def test_measure_status_has_a_drop_down(exported: Any) -> None:
    sheet = exported["管理策"]
    header = [cell.value for cell in sheet[1]]
    letter = get_column_letter(header.index("実施状況") + 1)
    validations = [v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(letter)]
    assert len(validations) == 1
    assert validations[0].formula1 == '"' + ",".join(label(s, "ja") for s in MeasureStatus) + '"'


def test_scores_equal_the_services(db: Database, runs: tuple[int, int], exported: Any) -> None:
    listed = _records(exported["点検一覧"])
    assert [r["点検名"].value for r in listed] == [FIRST, SECOND]
    assert listed[0]["点検者"].value == "山田 太郎"
    assert listed[1]["備考"].value == "前回から"
    for row, run_id in zip(listed, runs, strict=True):
        baseline, reference = overall(item_scores(CATALOG, answers(db, run_id)))
        assert baseline.percent is not None
        assert row["実施率(%)"].value == pytest.approx(baseline.percent)
        assert row["実施率(%)"].number_format == "0.0"
        assert row["実施率(%)"].data_type == "n"
        assert [row[label(s, "ja")].value for s in MeasureStatus] == [
            baseline.done,
            baseline.partial,
            baseline.not_done,
            baseline.not_applicable,
        ]
        if reference.percent is None:
            assert row["(参考)実施率(%)"].value is None
        else:
            assert row["(参考)実施率(%)"].value == pytest.approx(reference.percent)
    assert listed[1]["実施率(%)"].value > listed[0]["実施率(%)"].value

    per_item = _records(exported["管理項目別の実施率"])
    expected = [s for run_id in runs for s in item_scores(CATALOG, answers(db, run_id))]
    assert len(per_item) == len(expected)
    for row, score in zip(per_item, expected, strict=True):
        assert row["項目番号"].value == score.item.number
        assert row["管理項目"].value == score.item.title.ja
        assert row["実施率(%)"].value == pytest.approx(score.baseline.percent)
        assert row["未実施"].value == score.baseline.not_done
        assert row["(参考)実施率(%)"].value == (
            None if score.reference.percent is None else pytest.approx(score.reference.percent)
        )


def test_task_sheets(exported: Any) -> None:
    rows = _values(exported["業務シート"])
    per_run = len(CATALOG.sheets)
    sheet1, sheet2, sheet3 = CATALOG.sheets[:3]
    answered = rows[0]
    assert answered["点検名"] == FIRST
    assert answered["シート番号"] == sheet1.number
    assert answered["業務シート"] == sheet1.title.ja
    assert answered["該当"] == "該当"
    assert answered["技術的対策"] == ("実施済" if sheet1.technical_measures else None)
    assert answered["人的対策"] == ("一部実施" if sheet1.human_measures else None)
    assert answered["実施責任"] == "システム管理者、従業員"
    assert answered["担当者"] == "佐藤 花子"
    assert answered["期限"] == datetime(2026, 3, 31)
    assert answered["備考"] == "一行目\n二行目"
    assert rows[per_run] == {**answered, "点検名": SECOND, "実施日": datetime(2026, 6, 1)}
    assert rows[1]["該当"] == "非該当"
    # Not answered: 未回答, with the sheet's own 実施責任 preselected.
    assert rows[2]["該当"] == "未回答"
    assert rows[2]["実施責任"] == "、".join(
        CATALOG.term_label("responsibilities", code, "ja") for code in sheet3.responsibility
    )
    assert rows[2]["担当者"] is None
    assert rows[1]["シート番号"] == sheet2.number


def test_english(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    export_assessments(db, path, "en")
    workbook = load_workbook(path)
    measure = _values(workbook["Control measures"])[0]
    item, m1 = CATALOG.items[0], CATALOG.items[0].measures[0]
    assert measure["Control item"] == item.title.en
    assert measure["Measure"] == m1.text.en
    assert measure["Status"] == "Done"
    assert measure["Reference"] == "no"
    sheet = _values(workbook["Task sheets"])[0]
    assert sheet["Applies"] == "Applies"
    assert sheet["Responsibility"] == "System administrator, Employee"
    assert sheet["Task sheet"] == CATALOG.sheets[0].title.en
    assert [c.value for c in workbook["Assessments"][1]][5] == "Score (%)"
    workbook.close()


def test_chosen_runs_only(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    path = tmp_path / "second.xlsx"
    first, second = runs
    written = export_assessments(db, path, "ja", runs=[second, second])
    assert written == sum(_expected_rows(1).values())
    workbook = load_workbook(path)
    assert {r["点検名"] for r in _values(workbook["管理策"])} == {SECOND}
    workbook.close()
    # Oldest first, whatever order they were chosen in.
    export_assessments(db, path, "ja", runs=[second, first])
    workbook = load_workbook(path)
    assert [r["点検名"] for r in _values(workbook["点検一覧"])] == [FIRST, SECOND]
    workbook.close()


def test_a_deleted_run_writes_nothing(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    path = tmp_path / "gone.xlsx"
    with pytest.raises(RunInvalidError):
        export_assessments(db, path, "ja", runs=[runs[0], 999])
    assert list(tmp_path.glob("*.xlsx")) == []


def test_no_runs_gives_headers_only(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert export_assessments(db, path, "ja") == 0
    workbook = load_workbook(path)
    assert workbook.sheetnames == SHEETS["ja"]
    assert all(workbook[name].max_row == 1 for name in SHEETS["ja"])
    workbook.close()


def test_cancelled_export_leaves_no_file(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    path = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelledError):
        export_assessments(db, path, "ja", cancelled=lambda: True)
    assert not path.exists()
    assert list(tmp_path.glob(".*.part")) == []

    path.write_bytes(b"earlier export")  # an existing file stays as it was
    with pytest.raises(ExportCancelledError):
        export_assessments(db, path, "ja", cancelled=lambda: True)
    assert path.read_bytes() == b"earlier export"


def test_progress_reaches_the_total(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    written = export_assessments(db, tmp_path / "p.xlsx", "ja", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (written, written)


# --- sheets whose rows come from Python, beside registers -----------------------------------


def _computed_rows(connection: Any, lang: str) -> Iterator[tuple[Any, ...]]:
    yield ("=1+1", date(2026, 4, 1), 12.345, MeasureStatus.PARTIAL.value)
    yield ("二行\n目", None, None, "unknown_code")


ROWS_SHEET = RowsSheet(
    "計算",
    "Computed",
    (
        Column("text", "文字", "Text", multiline=True),
        Column("day", "日付", "Day", "date"),
        Column("ratio", "割合", "Ratio", "number"),
        Column("status", "状況", "Status", "code", MeasureStatus),
    ),
    _computed_rows,
    {"ratio": "0.0"},
)


def test_rows_sheet_is_written_as_registers_are(db: Database, tmp_path: Path) -> None:
    _person(db, "山田 太郎")
    path = tmp_path / "mixed.xlsx"
    assert export_sheets(db, [PEOPLE, ROWS_SHEET], path, "ja") == 1 + 2
    workbook = load_workbook(path)
    assert workbook.sheetnames == [PEOPLE.ja, "計算"]
    sheet = workbook["計算"]
    assert [c.value for c in sheet[1]] == ["文字", "日付", "割合", "状況"]
    text, day, ratio, status = sheet[2]
    assert (text.value, text.data_type, text.quotePrefix) == ("=1+1", "s", True)
    assert (day.value, day.number_format) == (datetime(2026, 4, 1), "yyyy/mm/dd")
    assert (ratio.value, ratio.number_format) == (12.345, "0.0")
    assert status.value == "一部実施"
    assert [c.value for c in sheet[3]] == ["二行\n目", None, None, "unknown_code"]
    assert sheet["A3"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width >= 14
    assert len(sheet.data_validations.dataValidation) == 1  # the coded column's drop-down
    workbook.close()


def test_rows_sheet_with_a_short_row_writes_nothing(db: Database, tmp_path: Path) -> None:
    broken = RowsSheet("壊れた", "Broken", ROWS_SHEET.columns, lambda connection, lang: [("only one",)])
    path = tmp_path / "broken.xlsx"
    with pytest.raises(ValueError, match="4 values"):
        export_sheets(db, [PEOPLE, broken], path, "ja")
    assert not path.exists()
    assert list(tmp_path.glob(".*.part")) == []


def test_cli_exports_assessments_with_the_run_numbers_the_pdf_commands_take(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sme_guard.cli import main

    run_id = assessments.start_run(db, {"name": "2026年度", "held_on": "2026-11-20"})
    target = tmp_path / "点検.xlsx"
    assert main(["export", "assessments", "--db", str(db.path), "--out", str(target), "--lang", "ja"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    sheet = load_workbook(target)["点検一覧"]
    assert [c.value for c in sheet[1]][:2] == ["点検番号", "点検名"]
    assert [c.value for c in sheet[2]][:2] == [run_id, "2026年度"]
    report = tmp_path / "report.pdf"
    assert main(["pdf", "assessment", "--run", str(run_id), "--db", str(db.path), "--out", str(report)]) == 0
