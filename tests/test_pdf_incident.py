"""The incident report and the contact tree PDFs, from data made through the services.

Read back with poppler's pdftotext (-layout), pdffonts and pdfinfo, like the stock-take PDFs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import IncidentStatus
from sme_guard.domain.registers import BADGES, INCIDENTS, MEDIA, PEOPLE
from sme_guard.exchange.incident_print import measure_texts, print_contact_tree, print_incident
from sme_guard.exchange.pdf.incident import build_contact_tree, build_incident_report
from sme_guard.services import clock, incidents, registers
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.incidents import Confirmation, ContactLine
from sme_guard.services.values import format_datetime
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
NOW = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _local(*args: int) -> datetime:
    """A wall-clock time on this PC (what the report prints back)."""
    return datetime(*args).astimezone()  # type: ignore[arg-type]


def _incident(db: Database, **extra: object) -> int:
    values = {"incident_type": "情報漏えい", "severity": "高", "occurred_at": "2026/11/20 9:30", **extra}
    return registers.save_record(db, INCIDENTS, None, values)


@pytest.fixture
def full_incident(db: Database) -> int:
    """An incident with every field and every kind of line filled in."""
    yamada = factories.person(db, "山田 太郎", phone="03-1234-5678")
    sato = factories.person(db, "佐藤 花子", phone="080-3333-4444")
    first = incidents.save_contact(db, None, {"role": "情報セキュリティ責任者", "person_id": yamada})
    second = incidents.save_contact(db, None, {"role": "経営者", "person_id": sato})
    incident = _incident(
        db,
        discovered_at="2026/11/20 11:05",
        reported_at="2026/11/20 11:40",
        who="営業部 佐藤",
        what="顧客名簿を含むファイル",
        how="宛先の自動補完で誤送信\n添付にパスワードなし",
        result="取引先A社に届いた",
        impact_confidentiality=True,
        impact_legality=True,
        threat_source="employee_self",
        root_cause="送信前の宛先確認の手順がなかった",
        recovery_method="先方に削除を依頼し確認書を受領",
        timeline="11/20 佐藤が山田へ報告\n11/21 削除確認書を受領",
    )
    incidents.change_status(db, incident, IncidentStatus.IN_PROGRESS, _local(2026, 11, 20, 12, 0), "調査開始")
    incidents.save_action(
        db,
        incident,
        None,
        {
            "description": "自動補完を無効にする",
            "owner_id": yamada,
            "due_on": "2026/11/30",
            "done_on": "2026/11/25",
        },
    )
    incidents.save_action(
        db, incident, None, {"description": "宛先を二人で確認する", "owner_id": sato, "due_on": "2026/12/15"}
    )
    incidents.record_notification(db, incident, first, _local(2026, 11, 20, 11, 10), "電話")
    incidents.record_notification(db, incident, second, _local(2026, 11, 20, 11, 40), "対面")
    incidents.save_report(
        db,
        incident,
        {
            "reported_to": "個人情報保護委員会",
            "reported_on": "2026/11/22",
            "reference": "R-2026-0456",
            "note": "速報",
        },
    )
    badge = registers.save_record(
        db, BADGES, None, {"badge_number": "B-0007", "medium": "ic_card", "status": "lost"}
    )
    incidents.link_asset(db, incident, BADGES, badge)
    incidents.link_measure(db, incident, "ctl-09-m2")
    return incident


def test_japanese_report_holds_the_whole_record(db: Database, full_incident: int, tmp_path: Path) -> None:
    pdf = tmp_path / "incident.pdf"
    print_incident(db, full_incident, pdf, "ja")
    text = _text(pdf)
    assert "障害・事故報告書 2026-001" in text
    assert re.search(r"番号\s+2026-001\s+状態\s+対応中", text)
    assert re.search(r"重大度\s+高", text)
    assert re.search(r"完了日\s+未完了\s+未完了の再発防止策\s+1件", text)
    for words in [
        "情報漏えい(セキュリティ事故)",
        "2026-11-20 09:30",  # いつ: occurred, discovered, reported, in local time
        "2026-11-20 11:05",
        "2026-11-20 11:40",
        "営業部 佐藤",
        "顧客名簿を含むファイル",
        "宛先の自動補完で誤送信",
        "添付にパスワードなし",
        "取引先A社に届いた",
        "送信前の宛先確認の手順がなかった",
        "先方に削除を依頼し確認書を受領",
        "11/20 佐藤が山田へ報告",
        "11/21 削除確認書を受領",
        "個人情報保護委員会",
        "R-2026-0456",
        "速報",
        "B-0007",
        "社員証",
        "9.記憶媒体の管理 ②:",
        "発生の記録 (管理策3②)",
        "根本原因と再発防止策 (管理策3③)",
        "連絡網による報告 (管理策3①)",
    ]:
        assert words in text, words
    # The prevention actions with their owners; the done one dated, the open one marked.
    assert re.search(r"1\s+自動補完を無効にする\s+山田 太郎\s+2026-11-30\s+2026-11-25", text)
    assert re.search(r"2\s+宛先を二人で確認する\s+佐藤 花子\s+2026-12-15\s+未完了", text)
    # Who was told along the contact tree, when and how.
    assert re.search(r"2026-11-20 11:10\s+情報セキュリティ責任者\s+山田 太郎\s+電話", text)
    assert re.search(r"2026-11-20 11:40\s+経営者\s+佐藤 花子\s+対面", text)
    # The status changes, dated.
    assert re.search(rf"{format_datetime(NOW)}\s+受付", text)
    assert re.search(r"2026-11-20 12:00\s+対応中\s+調査開始", text)
    # Impacts and the threat source as the legend's boxes, the chosen ones filled.
    assert re.search(r"■ 機密性\s+□ 完全性\s+□ 可用性\s+■ 適法性", text)
    assert "■ 従業員(本人)" in text
    assert "□ 訪問者" in text
    assert re.search(r"記録者.*\(印\).*記録日.*年.*月.*日", text)
    assert re.search(r"承認者.*\(印\).*承認日", text)
    assert not re.search(r"^\s*なし\s*$", text, re.MULTILINE)  # every section has something


def test_only_the_embedded_japanese_font_is_used(db: Database, full_incident: int, tmp_path: Path) -> None:
    pdf = tmp_path / "incident.pdf"
    print_incident(db, full_incident, pdf, "ja")
    fonts = _fonts(pdf)
    assert {name.split("+")[-1] for name, _embedded in fonts} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in fonts)


def test_english_report_has_english_labels(db: Database, full_incident: int, tmp_path: Path) -> None:
    pdf = tmp_path / "incident-en.pdf"
    print_incident(db, full_incident, pdf, "en")
    text = _text(pdf)
    for words in [
        "Incident report 2026-001",
        "Information leak (Security incident)",
        "In progress",
        "Occurred (when)",
        "Who",
        "What happened as a result",
        "■ Confidentiality",
        "□ Integrity",
        "■ Employee (self)",
        "Root cause and prevention (control 3③)",
        "Prevention actions",
        "Owner",
        "open",
        "Reporting along the contact tree (control 3①)",
        "Reported to",
        "Reference",
        "Recovery method",
        "Assets concerned",
        "Measures concerned",
        "9. Management of storage media ②:",
    ]:
        assert words in text, words
    assert re.search(r"Recorded by.*\(signature\)", text)
    assert "Page 1 / " in text
    for label in ("発生の記録", "根本原因", "未完了", "記録者", "届け出", "ページ"):
        assert label not in text


def test_an_empty_incident_says_none(db: Database, tmp_path: Path) -> None:
    incident = _incident(db)
    pdf = tmp_path / "empty.pdf"
    build_incident_report(pdf, incidents.detail(db, incident), lang="ja", measure_texts={})
    text = _text(pdf)
    assert text.count("なし") == 5  # actions, notifications, reports, assets, measures
    assert "未記入" in text  # who, what, ... not yet written down
    assert re.search(r"完了日\s+未完了", text)
    pdf_en = tmp_path / "empty-en.pdf"
    build_incident_report(pdf_en, incidents.detail(db, incident), lang="en", measure_texts={})
    assert _text(pdf_en).count("None") == 5


def test_hostile_user_text_prints_literally(db: Database, tmp_path: Path) -> None:
    owner = factories.person(db, "<b>&</b> 太郎")
    incident = _incident(
        db,
        who="<b>&</b>",
        what="A & B <font size=40>",
        how="first line\n<br/>second & line",
        root_cause="<para>&amp;</para>",
    )
    incidents.save_action(db, incident, None, {"description": "<i>fix</i> & check", "owner_id": owner})
    incidents.save_report(db, incident, {"reported_to": "R&D <dept>", "reference": "<ref>"})
    incidents.link_measure(db, incident, "no-such-measure")
    pdf = tmp_path / "hostile.pdf"
    build_incident_report(
        pdf,
        incidents.detail(db, incident),
        lang="ja",
        measure_texts={"no-such-measure": "x <b>y</b> & z"},
        office="<b>&Co</b>",
    )
    text = _text(pdf)
    for literal in [
        "<b>&</b>",
        "A & B <font size=40>",
        "first line",
        "<br/>second & line",
        "<para>&amp;</para>",
        "<i>fix</i> & check",
        "<b>&</b> 太郎",
        "R&D <dept>",
        "<ref>",
        "x <b>y</b> & z",
        "<b>&Co</b>",
    ]:
        assert literal in text, literal


def test_a_measure_missing_from_the_texts_prints_its_id(db: Database, tmp_path: Path) -> None:
    incident = _incident(db)
    incidents.link_measure(db, incident, "ctl-99-m9")
    pdf = tmp_path / "unknown.pdf"
    print_incident(db, incident, pdf, "ja")
    assert "ctl-99-m9" in _text(pdf)


def test_measure_texts_name_the_item_and_the_measure() -> None:
    texts = measure_texts(bundled_catalog(), ["ctl-03-m2", "ctl-99-m9"], "ja")
    assert set(texts) == {"ctl-03-m2"}
    assert texts["ctl-03-m2"].startswith("3.障害・事故管理 ②: 障害・事故が発生した場合は、いつ、誰が")
    english = measure_texts(bundled_catalog(), ["ctl-03-m2"], "en")
    assert english["ctl-03-m2"].startswith("3. Failure and incident management ②: When a failure")


def test_a_long_timeline_spans_pages_with_the_right_count(db: Database, tmp_path: Path) -> None:
    entries = [f"経過{i:03d} 担当者が状況を確認し関係者へ連絡した。" for i in range(1, 121)]
    timeline = "\n".join(entries)[:3000]
    assert len(timeline) == 3000
    incident = _incident(db, timeline=timeline, how="長い説明" * 400)
    pdf = tmp_path / "long.pdf"
    print_incident(db, incident, pdf, "ja")
    pages = _pages(pdf)
    total = len(pages)
    assert total >= 2
    assert _page_count(pdf) == total
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {total} ページ" in page
        assert "障害・事故報告書 2026-001" in page  # the header line on every page
    text = "".join(pages)
    last = timeline.splitlines()[-1]
    for entry in [*entries[:5], last.split()[0]]:
        assert entry.split()[0] in text
    first_page = next(i for i, page in enumerate(pages) if "経過001" in page)
    last_page = next(i for i, page in enumerate(pages) if last.split()[0] in page)
    assert last_page > first_page  # the timeline itself runs over a page break
    assert "経過の記録" in pages[last_page]  # its label repeats on the next page
    assert "承認者" in pages[-1]


def _tree(db: Database, count: int) -> list[tuple[str, str]]:
    people = []
    roles = ["情報セキュリティ責任者", "経営者", "システム管理者", "総務部長", "営業部長"]
    for i in range(count):
        name, phone = f"社員{i + 1:02d} 太郎", f"090-1234-{i + 1:04d}"
        person = factories.person(db, name, phone=phone, email=f"staff{i + 1:02d}@example.co.jp")
        incidents.save_contact(
            db,
            None,
            {"role": roles[i % len(roles)], "person_id": person, "notes": "夜間は携帯へ" if i == 1 else None},
        )
        people.append((name, phone))
    return people


def test_contact_tree_fits_twenty_rungs_on_one_page(db: Database, tmp_path: Path) -> None:
    people = _tree(db, 20)
    pdf = tmp_path / "tree.pdf"
    print_contact_tree(db, pdf, "ja", TODAY)
    assert _page_count(pdf) == 1
    text = _text(pdf)
    assert "緊急連絡網" in text
    assert "障害・事故を発見したら、上から順に連絡してください" in text
    for order, (name, phone) in enumerate(people, start=1):
        line = next(line for line in text.splitlines() if name in line)
        assert phone in line
        assert line.split()[0] == str(order)
    assert "夜間は携帯へ" in text
    assert "最終確認日: 未確認" in text
    assert "1 / 1 ページ" in text
    fonts = {name.split("+")[-1] for name, _embedded in _fonts(pdf)}
    assert fonts == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    size = _run("pdfinfo", pdf)
    assert "841.89 x 595.276" in size  # A4 landscape


def test_contact_tree_marks_an_overdue_confirmation(db: Database, tmp_path: Path) -> None:
    people = _tree(db, 3)
    boss = registers.save_record(
        db, PEOPLE, None, {"name": "社長 一郎", "employment_type": "regular", "role": "employee"}
    )
    incidents.confirm_tree(db, date(2026, 4, 1), boss)  # 240 days ago; the interval is 180
    pdf = tmp_path / "overdue.pdf"
    print_contact_tree(db, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "最終確認日: 2026-04-01(次回確認: 2026-09-28)" in text
    assert "確認者: 社長 一郎" in text
    assert "【確認期限切れ】" in text
    assert "次回確認日(2026-09-28)を過ぎています" in text
    assert all(name in text for name, _phone in people)

    incidents.confirm_tree(db, date(2026, 11, 1), boss)
    print_contact_tree(db, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "最終確認日: 2026-11-01(次回確認: 2027-04-30)" in text
    assert "期限切れ" not in text
    assert "未確認" not in text


def test_english_contact_tree_and_hostile_names(tmp_path: Path) -> None:
    lines = [
        ContactLine(1, 1, "<b>Boss</b>", 1, "A & B", 2, "C <i>", "090-1 & 2", "a@b.c", "line\nbreak"),
        ContactLine(2, 2, "IT", 2, "Taro Yamada", None, "", None, None, None),
    ]
    pdf = tmp_path / "tree-en.pdf"
    build_contact_tree(
        pdf,
        lines,
        Confirmation(None, "", 180, True),
        lang="en",
        office="Sample & Co <Osaka>",
        printed_on=TODAY,
    )
    text = _text(pdf)
    for words in [
        "Emergency contact tree",
        "Sample & Co <Osaka>",
        "Last checked: never",
        "call the people below in order",
        "<b>Boss</b>",
        "A & B",
        "C <i>",
        "090-1 & 2",
        "Taro Yamada",
        "Alternate",
        "Page 1 / 1",
    ]:
        assert words in text, words
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)


def test_an_empty_contact_tree_still_prints(tmp_path: Path) -> None:
    pdf = tmp_path / "none.pdf"
    build_contact_tree(pdf, [], Confirmation(None, "", 180, True), lang="ja", printed_on=TODAY)
    text = _text(pdf)
    assert "連絡網が登録されていません" in text
    assert "未確認" in text


def test_a_very_long_tree_runs_on_with_its_header(tmp_path: Path) -> None:
    lines = [
        ContactLine(i, i, "部門責任者", i, f"社員{i:03d}", None, "", f"090-{i:04d}", None, None)
        for i in range(1, 61)
    ]
    pdf = tmp_path / "long-tree.pdf"
    build_contact_tree(pdf, lines, Confirmation(TODAY, "", 180, False), lang="ja", printed_on=TODAY)
    pages = _pages(pdf)
    assert len(pages) >= 2
    assert all("電話" in page for page in pages)  # the column header repeats
    assert "社員060" in pages[-1]
    assert "期限切れ" not in "".join(pages)


def test_the_media_register_can_be_linked_too(db: Database, tmp_path: Path) -> None:
    medium = registers.save_record(
        db, MEDIA, None, {"asset_number": "MED-0042", "kind": "usb_memory", "quantity": 1, "status": "in_use"}
    )
    incident = _incident(db)
    incidents.link_asset(db, incident, MEDIA, medium)
    pdf = tmp_path / "media.pdf"
    print_incident(db, incident, pdf, "ja")
    assert re.search(r"1\s+記憶媒体\s+MED-0042", _text(pdf))


def test_command_line_prints_an_incident_and_the_contact_tree(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sme_guard.cli import main

    registers.save_record(
        db,
        INCIDENTS,
        None,
        {
            "incident_type": "停止",
            "severity": "中",
            "occurred_at": "2026/11/20 9:00",
            "what": "ファイルサーバー",
        },
    )
    out = tmp_path / "incident.pdf"
    assert main(["pdf", "incident", "2026-001", "--out", str(out), "--db", str(db_path), "--lang", "ja"]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026-001" in text and "ファイルサーバー" in text
    tree = tmp_path / "tree.pdf"
    assert main(["pdf", "contacts", "--out", str(tree), "--db", str(db_path), "--lang", "en"]) == 0
    assert (
        "Emergency contact tree"
        in subprocess.run(["pdftotext", str(tree), "-"], capture_output=True, text=True, check=True).stdout
    )
    capsys.readouterr()
    assert main(["pdf", "incident", "2026-999", "--out", str(out), "--db", str(db_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == "there is no incident 2026-999"
