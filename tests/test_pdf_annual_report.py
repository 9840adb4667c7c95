"""The annual report for the management: title, summary, the three charts, fonts, CLI.

Read back with poppler's pdftotext (-layout for rows, raw order for chart labels) and pdffonts.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sme_guard.cli import main
from sme_guard.db.database import Database, open_database
from sme_guard.domain.codes import IncidentStatus
from sme_guard.domain.registers import BADGES, DEVICES, INCIDENTS, MEDIA, PLANS
from sme_guard.exchange.pdf.annual_report import build_annual_report, month_chart
from sme_guard.exchange.report_print import print_annual_report
from sme_guard.services import assessments, clock, continuity, incidents, overview, registers, settings
from tests.pdf_reading import fonts as _fonts
from tests.pdf_reading import run as _run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _text(pdf: Path) -> str:
    return _run("pdftotext", "-layout", pdf, "-")


def _flat(pdf: Path) -> str:
    """The text in reading order without any whitespace (Japanese wraps anywhere)."""
    return re.sub(r"\s+", "", _run("pdftotext", pdf, "-"))


def _flat_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_fonts_embedded(pdf: Path) -> None:
    fonts = _fonts(pdf)
    assert fonts, "no fonts at all"
    assert all(embedded == "yes" for _name, embedded in fonts), fonts
    assert all("BIZUDGothic" in name for name, _embedded in fonts), fonts  # no Helvetica


def _incident(db: Database, when: str, kind: str, severity: str = "中") -> int:
    values = {"incident_type": kind, "severity": severity, "occurred_at": when, "what": "<b>&</b>"}
    return registers.save_record(db, INCIDENTS, None, values)


@pytest.fixture
def office(db: Database) -> Database:
    settings.set_text(db, settings.OFFICE_NAME, "株式会社<サンプル> & 本社")
    leak = _incident(db, "2026/11/20 12:00", "情報漏えい", "高")
    _incident(db, "2026/11/21 12:00", "停止")
    closed = _incident(db, "2026/03/10 12:00", "ウイルス感染")
    _incident(db, "2025/10/15 12:00", "改ざん")  # last year: not in the 2026 report
    registers.save_record(db, INCIDENTS, closed, {"root_cause": "設定誤り"})
    incidents.change_status(db, closed, IncidentStatus.CLOSED, NOW)
    incidents.save_action(db, leak, None, {"description": "研修"})
    for number, status in [("U-1", "使用中"), ("U-2", "貸出中"), ("U-3", "紛失")]:
        registers.save_record(
            db, MEDIA, None, {"asset_number": number, "kind": "USBメモリー", "quantity": 1, "status": status}
        )
    registers.save_record(
        db,
        DEVICES,
        None,
        {"asset_number": "D-1", "kind": "タブレット", "ownership": "会社支給", "status": "使用中"},
    )
    registers.save_record(db, BADGES, None, {"badge_number": "B-1", "medium": "ICカード", "status": "失効"})
    older = assessments.start_run(db, {"name": "2025年度 点検", "held_on": "2025-11-01"})
    assessments.save_measure(db, older, "ctl-02-m1", {"status": "partial"})
    newer = assessments.start_run(db, {"name": "2026年度 点検", "held_on": "2026-11-01"}, from_run=older)
    assessments.save_measure(db, newer, "ctl-02-m1", {"status": "done"})
    plan = registers.save_record(
        db, PLANS, None, {"name": "会計<システム>", "rto_hours": "1", "review_interval_days": "365"}
    )
    continuity.mark_reviewed(db, plan, date(2026, 4, 1), "連絡先 <更新> & 手順確認")
    continuity.save_drill(db, plan, None, {"held_on": "2026-05-10", "minutes_achieved": "90"}, [])
    return db


def test_report_in_japanese(office: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    print_annual_report(office, 2026, pdf, "ja", TODAY)
    text, flat = _text(pdf), _flat(pdf)
    assert "情報セキュリティ年次報告 2026年" in text
    assert "2026-01-01 〜 2026-12-31" in text
    assert "株式会社<サンプル> & 本社" in text  # escaped, printed as typed
    # The summary.
    assert "3件(完了 1件、未完了 2件)" in text
    assert "システム障害 1件、セキュリティ事故 2件、その他 0件" in text
    assert "完了 0件、未完了 1件" in text  # prevention actions
    assert "1回(目標復旧時間の超過 1回)" in text
    assert _flat_text("2026年度 点検(2026-11-01) 基本の管理策の実施率") in flat
    assert "記憶媒体 3件(うち紛失 1件)" in text
    # Chart 1: the control items with both runs in the legend.
    assert "2. クラウドサービスの利用" in text
    assert _flat_text("前回: 2025年度 点検(2025-11-01)") in flat
    assert _flat_text("今回: 2026年度 点検(2026-11-01)") in flat
    # Chart 2: months of the year and the types in the legend.
    for month in ("1月", "6月", "12月"):
        assert month in text
    for kind in ("停止", "情報漏えい", "ウイルス感染"):
        assert kind in text
    assert "改ざん" not in text  # 2025: not in this year's chart nor list
    # Chart 3: every status of every register.
    for status in ("使用中", "保管中", "貸出中", "紛失", "廃棄済", "有効", "返却済", "失効"):
        assert status in text
    # The lists: incidents, drills, reviews; user text escaped.
    assert "2026-003" in text and "2026-03-10" in text and "2026-11-27" in text
    assert "会計<システム>" in text and "連絡先 <更新> & 手順確認" in text
    assert "【目標超過】" in text
    assert "確認・承認" in text
    _assert_fonts_embedded(pdf)


def test_report_in_english(office: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "report-en.pdf"
    print_annual_report(office, 2026, pdf, "en", TODAY)
    text = _text(pdf)
    assert "Information security annual report 2026" in text
    assert "3 (1 closed, 2 open)" in text
    assert "System failure 1, Security incident 2, Other 0" in text
    for label in ("Jan", "Nov", "Dec", "Information leak", "Malware infection", "Lent out", "Revoked"):
        assert label in text
    assert "Use of cloud services" in text
    assert "Page 1 /" in text
    _assert_fonts_embedded(pdf)


def test_a_year_without_records_still_prints(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    print_annual_report(db, 2024, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "情報セキュリティ年次報告 2024年" in text
    assert "0件(完了 0件、未完了 0件)" in text
    assert "この期間の障害・事故の記録はありません" in text
    assert "2024年までの自己点検の記録がありません" in text
    _assert_fonts_embedded(pdf)


def test_month_chart_scales_to_the_busiest_month(office: Database) -> None:
    series = overview.incidents_by_month(office, TODAY)
    drawing = month_chart(series, font="Helvetica", lang="en", width=400)
    labels = [s.text for s in drawing.contents if hasattr(s, "text")]
    assert labels.count("Nov") == 1 and "Information leak" in labels and "2" in labels


def test_builder_takes_plain_data(tmp_path: Path, db: Database) -> None:
    pdf = tmp_path / "plain.pdf"
    build_annual_report(
        pdf,
        overview.year_summary(db, 2026),
        overview.score_series(db),
        overview.incidents_by_month(db, TODAY),
        overview.assets_by_status(db),
        year=2026,
        lang="en",
        office="",
        printed_on=TODAY,
    )
    assert "No incidents were recorded in this period" in _text(pdf)


def test_cli_writes_the_report(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path).close()
    common = ["--db", str(db_path), "--lang", "ja"]
    out = tmp_path / "annual.pdf"
    assert main(["pdf", "report", "--year", "2025", "--out", str(out), *common]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "情報セキュリティ年次報告 2025年" in _text(out)
    default = tmp_path / "this-year.pdf"
    assert main(["pdf", "report", "--out", str(default), *common]) == 0  # this year by default
    assert "情報セキュリティ年次報告 2026年" in _text(default)
    capsys.readouterr()
    bad = tmp_path / "bad.pdf"
    assert (
        main(["pdf", "report", "--year", "99999", "--out", str(bad), "--db", str(db_path), "--lang", "en"])
        == 1
    )
    assert "the year must be between" in capsys.readouterr().err
    assert not bad.exists()
