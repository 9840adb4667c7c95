"""The self-assessment printouts: training checklist (blank and filled), report, task sheets.

Read back with poppler's pdftotext (raw reading order to compare long texts, -layout for rows),
pdffonts and pdfinfo, like the other PDFs.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sme_guard.cli import main
from sme_guard.db.database import Database, open_database
from sme_guard.domain.catalog import circled
from sme_guard.errors import UserError
from sme_guard.exchange.assessment_print import (
    previous_run,
    print_checklist,
    print_report,
    print_task_sheets,
)
from sme_guard.services import assessments, settings
from sme_guard.services.assessments import item_scores, overall
from sme_guard.services.catalog import bundled_catalog
from tests import factories
from tests.pdf_reading import fonts as _fonts
from tests.pdf_reading import page_count as _page_count
from tests.pdf_reading import pages as _pages
from tests.pdf_reading import run as _run
from tests.pdf_reading import text as _text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]

TODAY = date(2026, 11, 27)


def _flat(text: str) -> str:
    """Without any whitespace: a long text wraps over lines (and Japanese has no spaces)."""
    return re.sub(r"\s+", "", text)


def _reading(pdf: Path) -> str:
    """The text in reading order (each table cell's lines together), whitespace removed."""
    return _flat(_run("pdftotext", pdf, "-"))


def _reading_pages(pdf: Path) -> list[str]:
    pages = [_flat(page) for page in _run("pdftotext", pdf, "-").split("\f")]
    return pages[:-1] if pages and not pages[-1] else pages


@pytest.fixture
def runs(db: Database) -> tuple[int, int]:
    """Two runs a year apart; the newer one answered in part, with owners and dates."""
    settings.set_text(db, settings.OFFICE_NAME, "株式会社サンプル 本社")
    yamada = factories.person(db, "山田 太郎")
    older = assessments.start_run(db, {"name": "2025年度 点検", "held_on": "2025-11-01", "assessor": "佐藤"})
    assessments.save_measure(db, older, "ctl-02-m1", {"status": "partial"})
    newer = assessments.start_run(
        db, {"name": "2026年度 点検", "held_on": "2026-11-01", "assessor": "山田 太郎"}, from_run=older
    )
    answers: dict[str, dict[str, Any]] = {
        "ctl-02-m1": {"status": "done", "evidence": "クラウド利用規程 第3条", "owner_id": yamada},
        "ctl-02-m2": {"status": "partial", "owner_id": yamada, "due_on": "2026-12-20"},
        "ctl-02-m3": {"status": "done"},
        "ctl-09-m1": {"status": "done"},
        "ctl-09-m2": {"status": "not_applicable"},
        "ctl-09-m3": {"status": "not_done", "owner_id": yamada, "due_on": "2026-12-10"},
    }
    for measure_id, raw in answers.items():
        assessments.save_measure(db, newer, measure_id, raw)
    assessments.save_sheet(
        db,
        newer,
        "sheet-001",
        {
            "applies": True,
            "technical_status": "partial",
            "human_status": "done",
            "responsibility": ["business_manager"],
            "owner_id": yamada,
            "due_on": "2027-01-15",
        },
    )
    assessments.save_sheet(
        db, newer, "sheet-049", {"applies": False, "technical_status": "not_done", "human_status": "not_done"}
    )
    return older, newer


# ---------------------------------------------------------------- the checklist


def test_blank_checklist_holds_every_measure_of_the_chosen_items(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "checklist.pdf"
    print_checklist(db, pdf, "ja", TODAY, [2, 9], [1])
    catalog = bundled_catalog()
    reading = _reading(pdf)
    for number in (2, 9):
        item = catalog.item(number)
        assert item is not None
        assert _flat(f"{number}. {item.title.ja}") in reading
        for measure in item.measures:
            line = _flat(f"{circled(measure.no)} {measure.text.ja}")
            assert line in reading, measure.id
            # (参考) marks exactly the reference measures.
            assert (line + "(参考)" in reading) == measure.reference, measure.id
    sheet = catalog.sheet(1)
    assert sheet is not None
    assert _flat(f"No.1 {sheet.title.ja}") in reading
    for measure_text in [*sheet.technical_measures, *sheet.human_measures]:
        assert _flat(measure_text.ja) in reading
    assert _flat(sheet.weakness.ja) in reading
    # Nothing that was not chosen.
    assert "3.障害・事故管理" not in reading
    assert "No.49" not in reading
    text = _text(pdf)
    # Each measure a line with a box to tick, and the sheet's 該当 / 非該当.
    assert re.search(r"^\s*□\s+施する$", text, re.MULTILINE)  # ② of item 2, box beside its text
    assert len(re.findall(r"^\s*□\s", text, re.MULTILINE)) == 3 + 5 + 2  # and sheet 1's two measures
    assert re.search(r"□ 該当\s+□ 非該当", text)
    assert "技術的対策" in text and "人的対策" in text
    assert re.search(r"氏名.*記入日.*年.*月.*日", text)
    assert re.search(r"署名.*\(印\).*確認者", text)
    assert "株式会社" not in text  # no office name set
    pages = _pages(pdf)
    assert all(f"{n} / {len(pages)} ページ" in page for n, page in enumerate(pages, start=1))


def test_english_checklist_of_the_whole_catalog(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "checklist-en.pdf"
    print_checklist(db, pdf, "en", TODAY)
    catalog = bundled_catalog()
    reading = _reading(pdf)
    for item in catalog.items:
        assert _flat(f"{item.number}. {item.title.en}") in reading
        for measure in item.measures:
            line = _flat(f"{circled(measure.no)} {measure.text.en}")
            assert line in reading, measure.id
            assert (line + "(reference)" in reading) == measure.reference, measure.id
    for sheet in catalog.sheets:
        assert _flat(f"No.{sheet.number} {sheet.title.en}") in reading
    text = _text(pdf)
    assert "Information security checklist" in text
    assert "Page 1 / " in text
    for japanese in ("管理策", "実施済", "ページ", "氏名"):
        assert japanese not in text


def test_filled_checklist_shows_the_run_answers(db: Database, runs: tuple[int, int], tmp_path: Path) -> None:
    _older, newer = runs
    pdf = tmp_path / "filled.pdf"
    print_checklist(db, pdf, "ja", TODAY, [2, 9], [1, 49], newer)
    text = _text(pdf)
    assert "情報セキュリティ チェックリスト(記入済み: 2026年度 点検)" in text
    assert re.search(r"点検者\s+山田 太郎", text)
    # The status in words, then what the person entered.
    reading = _reading(pdf)
    assert _flat("実施済 証跡: クラウド利用規程 第3条 担当: 山田 太郎") in reading
    assert _flat("一部実施 担当: 山田 太郎") in reading
    assert re.search(r"施する\s+担当: 山田 太郎\s+期限: 2026-12-20", text)  # ② of item 2
    assert re.search(r"担当: 山田 太郎\s+期限: 2026-12-10", text)
    # 対象外 is written in the box; an unanswered measure is 未実施.
    assert re.search(r"^\s*対象外\s+ド等\)を廃棄する.*\s対象外$", text, re.MULTILINE)
    assert re.search(r"① 記憶媒体の数量、所在を管理する\s+実施済", text)
    assert re.search(r"を行う\(参考\)", text)
    assert len(re.findall(r"^\s+未実施$", text, re.MULTILINE)) == 2  # ④ ⑤ of item 9, not answered
    # The sheets: 該当 / 非該当 ticked, the measure kinds' status, owner and date.
    assert re.search(r"■ 該当\s+□ 非該当", text)
    assert re.search(r"□ 該当\s+■ 非該当", text)
    assert "技術的対策: 一部実施" in text
    assert "人的対策: 実施済" in text
    assert re.search(r"実施責任: 業務・人事管理者\s+担当: 山田 太郎\s+期限: 2027-01-15", text)
    assert "■ 実施済" not in text  # the boxes are drawn, not written


def test_unknown_numbers_are_named(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        print_checklist(db, tmp_path / "x.pdf", "ja", TODAY, [2, 7, 8], None)
    assert "7, 8" in caught.value.message("ja")
    with pytest.raises(UserError) as caught:
        print_task_sheets(db, tmp_path / "x.pdf", "en", TODAY, [1, 999])
    assert "999" in caught.value.message("en")
    with pytest.raises(UserError):
        print_checklist(db, tmp_path / "x.pdf", "ja", TODAY, None, None, 42)
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- the report


def test_report_shows_scores_chart_risks_and_open_measures(
    db: Database, runs: tuple[int, int], tmp_path: Path
) -> None:
    older, newer = runs
    assert previous_run(db, newer) == older
    assert previous_run(db, older) is None
    pdf = tmp_path / "report.pdf"
    print_report(db, newer, pdf, "ja", TODAY)
    catalog = bundled_catalog()
    now = overall(item_scores(catalog, assessments.answers(db, newer)))
    before = overall(item_scores(catalog, assessments.answers(db, older)))[0]
    baseline, reference = now
    assert baseline.percent is not None and reference.percent is not None and before.percent is not None
    text = _text(pdf)
    assert "自己点検結果報告書: 2026年度 点検" in text
    assert re.search(r"前回の点検\s+2025年度 点検\(2025-11-01\)", text)
    assert f"基本の管理策の実施率 {baseline.percent:.0f}%" in text
    assert f"前回 {before.percent:.0f}%" in text
    assert (baseline.done, baseline.partial, baseline.not_applicable) == (2, 1, 1)
    counts = rf"{baseline.done}\s+{baseline.partial}\s+{baseline.not_done}\s+{baseline.not_applicable}"
    assert re.search(rf"基本の管理策\s+{baseline.percent:.0f}%\s+{counts}", text)
    assert re.search(rf"\(参考\)管理策\s+{reference.percent:.0f}%\s+1\s+0", text)
    # The chart and the table name every item in Japanese (the chart's labels are drawn text).
    for item in catalog.items:
        assert text.count(f"{item.number}. {item.title.ja}") >= 2, item.id
    assert "前回: 2025年度 点検(2025-11-01)" in text
    assert "今回: 2026年度 点検(2026-11-01)" in text
    # Item 2: ① done, ② partly → 75%; last time ① partly → 25%.
    assert re.search(r"2\. クラウドサービスの利用\s+75%\s+25%", text)
    # Open risks: sheet 1 applies and is not in place; sheet 49 does not apply.
    risks = text.split("残っているリスク")[1].split("未実施・一部実施の管理策")[0]
    assert re.search(r"1\s+入館\s+機密性、完全性、可用性\s+一部実施\s+実施済\s+山田 太郎\s+2027-01-15", risks)
    assert "ルート化" not in risks
    # The measures still to do, soonest due first, those without a date after.
    todo = text.split("未実施・一部実施の管理策")[1]
    first, second = todo.index("9. 記憶媒体の管理 ③"), todo.index("2. クラウドサービスの利用 ②")
    assert first < second < todo.index("3. 障害・事故管理 ①")
    assert re.search(r"一部実施\s+山田 太郎\s+2026-12-20", todo)
    assert "2. クラウドサービスの利用 ①" not in todo  # done
    assert "9. 記憶媒体の管理 ②" not in todo  # not applicable
    assert re.search(r"報告者.*\(印\).*報告日", text)
    pages = _pages(pdf)
    assert all(f"{n} / {len(pages)} ページ" in page for n, page in enumerate(pages, start=1))
    fonts = _fonts(pdf)
    assert {name.split("+")[-1] for name, _embedded in fonts} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in fonts)


def test_first_report_has_no_previous_run_and_english_labels(db: Database, tmp_path: Path) -> None:
    run = assessments.start_run(db, {"name": "First", "held_on": "2026-04-01"})
    pdf = tmp_path / "report-en.pdf"
    print_report(db, run, pdf, "en", TODAY)
    text = _text(pdf)
    assert "Self-assessment report: First" in text
    assert re.search(r"Previous\s+none", text)
    assert "Baseline score 0%" in text
    assert "last time" not in text and "Last time" not in text
    assert "2. Use of cloud services" in text
    # Nothing answered: reported as such, never as "all done".
    assert "None (every task sheet" not in text
    assert "5 of 5 task sheets are not answered yet" in " ".join(text.split())
    assert "Page 1 / " in text


def test_unanswered_task_sheets_are_reported_as_unanswered_not_as_done(db: Database, tmp_path: Path) -> None:
    run = assessments.start_run(db, {"name": "初回", "held_on": "2026-04-01"})
    pdf = tmp_path / "report.pdf"
    print_report(db, run, pdf, "ja", TODAY)
    text = "".join(_text(pdf).split())
    assert "すべて実施済み" not in text
    assert "未回答の業務シートが5件あります(全5件中)" in text
    for sheet in bundled_catalog().sheets:
        assessments.save_sheet(
            db, run, sheet.id, {"applies": False, "technical_status": "not_done", "human_status": "not_done"}
        )
    print_report(db, run, pdf, "ja", TODAY)
    text = "".join(_text(pdf).split())
    assert "未回答" not in text and "なし(該当する業務シートの対策はすべて実施済みです)" in text


# ---------------------------------------------------------------- the task sheets


def test_task_sheets_one_per_page_in_the_legend_layout(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "sheets.pdf"
    print_task_sheets(db, pdf, "ja", TODAY, [49, 1])
    catalog = bundled_catalog()
    assert _page_count(pdf) == 2
    pages = _pages(pdf)
    assert "No.1 入館" in pages[0] and "No.49" not in pages[0]
    assert "No.49 スマートデバイスを利用した業務" in pages[1]
    vocabularies = ("entities", "impacts", "threats", "responsibilities")
    terms = sum(len(getattr(catalog.legend, v)) for v in vocabularies)
    for number, flat in zip((1, 49), _reading_pages(pdf), strict=True):
        for field in catalog.legend.sheet_fields:
            assert _flat(field.label.ja) in flat, field.code
        # Every legend term is a box, the sheet's own ones ticked (a long label may wrap).
        for vocabulary in vocabularies:
            for term in getattr(catalog.legend, vocabulary):
                assert _flat(term.label.ja).split("(")[0] in flat, term.code
        sheet = catalog.sheet(number)
        assert sheet is not None
        ticked = sum(len(getattr(sheet, f)) for f in ("entities", "impacts", "threats", "responsibility"))
        assert flat.count("■") == ticked
        assert flat.count("□") == terms - ticked + len(sheet.technical_measures) + len(sheet.human_measures)
    assert re.search(r"■ 機密性\s+■ 完全性\s+■ 可用性\s+□ 適法性", pages[0])
    assert re.search(r"■ 機密性\s+■ 完全性\s+■ 可用性\s+■ 適法性", pages[1])
    assert "■ 建物・部屋・エリア" in pages[0] and "□ PC" in pages[0]
    assert "■ 業務・人事管理者" in pages[0] and "□ システム管理者" in pages[0]
    assert "1. セキュリティ境界と入退室管理 ①②" in pages[0]
    assert "5. 認証と権限 ①③④" in pages[0]
    assert "10. スマートデバイスの利用 ②③④⑤⑨" in pages[1]
    assert "業務の流れ: 3. 社外業務" in pages[1]


def test_every_bundled_sheet_fits_its_page_in_both_languages(db: Database, tmp_path: Path) -> None:
    for lang in ("ja", "en"):
        pdf = tmp_path / f"all-{lang}.pdf"
        print_task_sheets(db, pdf, lang, TODAY)
        assert _page_count(pdf) == len(bundled_catalog().sheets)


# ---------------------------------------------------------------- user text


def test_hostile_user_text_prints_literally(db: Database, tmp_path: Path) -> None:
    owner = factories.person(db, "<b>&</b> 太郎")
    run = assessments.start_run(db, {"name": "<i>点検</i> & 2026", "held_on": "2026-11-01"})
    assessments.save_measure(
        db, run, "ctl-02-m1", {"status": "done", "evidence": "<b>& <font size=40>", "owner_id": owner}
    )
    assessments.save_measure(db, run, "ctl-02-m2", {"status": "not_done", "owner_id": owner})
    assessments.save_sheet(
        db,
        run,
        "sheet-001",
        {"applies": True, "technical_status": "not_done", "human_status": "done", "notes": "<br/>&amp;"},
    )
    checklist = tmp_path / "checklist.pdf"
    print_checklist(db, checklist, "ja", TODAY, [2], [1], run)
    text = _text(checklist)
    assert "証跡: <b>& <font size=40>" in text
    assert "担当: <b>&</b> 太郎" in text
    assert "メモ: <br/>&amp;" in text
    assert "(記入済み: <i>点検</i> & 2026)" in text
    report = tmp_path / "report.pdf"
    print_report(db, run, report, "ja", TODAY)
    text = _text(report)
    assert "自己点検結果報告書: <i>点検</i> & 2026" in text
    assert "<b>&</b> 太郎" in text


# ---------------------------------------------------------------- the command line


def test_cli_prints_checklist_report_and_sheets(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(db_path)
    try:
        run = assessments.start_run(database, {"name": "2026年度", "held_on": "2026-11-01"})
        assessments.save_measure(database, run, "ctl-09-m1", {"status": "done"})
    finally:
        database.close()
    common = ["--db", str(db_path), "--lang", "ja"]
    blank = tmp_path / "blank.pdf"
    assert (
        main(
            [
                "pdf",
                "checklist",
                "--out",
                str(blank),
                "--items",
                "2,9",
                "--sheets",
                "1,49",
                "--blank",
                *common,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(blank)
    assert "No.49" in _text(blank) and "3. 障害・事故管理" not in _text(blank)
    filled = tmp_path / "filled.pdf"
    assert main(["pdf", "checklist", "--out", str(filled), "--items", "9", "--run", str(run), *common]) == 0
    assert "(記入済み: 2026年度)" in _text(filled)
    report = tmp_path / "report.pdf"
    assert main(["pdf", "assessment", "--run", str(run), "--out", str(report), *common]) == 0
    assert "自己点検結果報告書: 2026年度" in _text(report)
    sheets = tmp_path / "sheets.pdf"
    assert main(["pdf", "sheets", "--sheets", "1,49", "--out", str(sheets), *common]) == 0
    assert _page_count(sheets) == 2
    capsys.readouterr()


def test_cli_unknown_run_item_or_sheet_exits_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    common = ["--db", str(db_path), "--lang", "en"]
    assert main(["pdf", "assessment", "--run", "42", "--out", str(out), *common]) == 1
    assert "there is no assessment 42" in capsys.readouterr().err
    assert main(["pdf", "assessment", "--out", str(out), *common]) == 1
    assert "--run" in capsys.readouterr().err
    assert main(["pdf", "checklist", "--run", "42", "--out", str(out), *common]) == 1
    assert main(["pdf", "checklist", "--items", "2,77", "--out", str(out), *common]) == 1
    assert "77" in capsys.readouterr().err
    assert main(["pdf", "sheets", "--sheets", "1,x", "--out", str(out), *common]) == 1
    assert "--sheets" in capsys.readouterr().err
    assert not out.exists()
