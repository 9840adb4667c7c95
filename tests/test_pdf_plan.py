"""The IT継続計画書 PDF, from a plan made through the services.

Read back with poppler's pdftotext (-layout), pdffonts and pdfinfo, like the incident PDFs.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.registers import PLANS
from sme_guard.exchange.pdf.plan import build_plan
from sme_guard.exchange.plan_print import print_plan
from sme_guard.services import continuity, incidents, registers, settings
from sme_guard.services.continuity import ProtectionLine
from tests import factories
from tests.backdating import made_on
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

STEPS = [
    ("山田 太郎", "障害の範囲を確認し、責任者に報告する", "事務所", 10),
    ("山田 太郎", "予備機を倉庫から出して電源を入れる", "倉庫", 20),
    ("佐藤 花子", "バックアップから最新のメールデータを復元する", "サーバー室", 30),
    ("山田 太郎", "取引先に一時的な連絡先を案内する", None, 15),
]


def _plan(db: Database, name: str, **extra: object) -> int:
    return registers.save_record(
        db, PLANS, None, {"name": name, "rto_hours": "4", "review_interval_days": "365", **extra}
    )


@pytest.fixture
def full_plan(db: Database) -> int:
    """A plan with every part filled in, relying on a two-rung contact tree."""
    settings.set_text(db, settings.OFFICE_NAME, "株式会社サンプル 本社")
    yamada = factories.person(db, "山田 太郎", phone="03-1234-5678")
    sato = factories.person(db, "佐藤 花子", phone="080-3333-4444")
    incidents.save_contact(
        db, None, {"role": "情報セキュリティ責任者", "person_id": yamada, "alternate_person_id": sato}
    )
    incidents.save_contact(db, None, {"role": "経営者", "person_id": sato})
    network = _plan(db, "社内ネットワーク")
    plan = _plan(
        db,
        "メールサーバー",
        owner_id=yamada,
        rto_hours="1",
        rpo_hours="0.5",
        depends_on_contact_tree=True,
        business_impact="顧客との連絡がすべて止まる",
        damage_and_risk="受注機会の損失、取引先の信用低下",
    )
    downstream = _plan(db, "受注システム")
    continuity.set_dependencies(db, plan, [network])
    continuity.set_dependencies(db, downstream, [plan])
    continuity.set_protections(
        db,
        plan,
        [
            ProtectionLine("backup", None, True, "毎晩 NAS へ"),
            ProtectionLine("ups", None, False, None),
            ProtectionLine("other", "予備機", True, "倉庫に1台"),
        ],
    )
    for who, what, where, minutes in STEPS:
        continuity.save_step(
            db, plan, None, {"who": who, "what": what, "location": where, "duration_minutes": minutes}
        )
    continuity.save_scenario(db, plan, None, {"scenario": "earthquake", "response": "建物の安全を確認する"})
    continuity.save_scenario(
        db,
        plan,
        None,
        {"scenario": "custom", "name": "ランサムウェア", "response": "ネットワークから切り離す"},
    )
    continuity.mark_reviewed(db, plan, date(2026, 4, 1), "年次見直し")
    continuity.save_drill(
        db,
        plan,
        None,
        {
            "held_on": "2026/10/01",
            "scenario": "サーバー故障",
            "minutes_achieved": "90",
            "findings": "予備機のパスワードが分からなかった",
            "plan_changed": True,
            "change_note": "パスワードを金庫に保管",
        },
        [yamada, sato],
    )
    continuity.save_drill(
        db, plan, None, {"held_on": "2025/10/01", "scenario": "停電", "minutes_achieved": "45"}, [sato]
    )
    return plan


def test_japanese_plan_holds_every_section_in_order(db: Database, full_plan: int, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    print_plan(db, full_plan, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "IT継続計画書: メールサーバー" in text
    assert "株式会社サンプル 本社" in text
    assert re.search(r"責任者\s+山田 太郎", text)
    assert re.search(r"最終見直し日\s+2026-10-01\s+次回見直し期限\s+2027-10-01", text)
    assert "期限切れ" not in text
    assert re.search(r"印刷日\s+2026-11-27", text)
    headings = [
        "1. 概要",
        "2. 保護対策",
        "3. 復旧手順",
        "4. 災害シナリオ(参考)",
        "5. 緊急連絡網",
        "6. 訓練の記録",
        "7. 見直し履歴",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    # Overview: impact, risk, the objectives as hours people write, the plans around it.
    assert re.search(r"業務への影響範囲\s+顧客との連絡がすべて止まる", text)
    assert re.search(r"被害及びリスク\s+受注機会の損失、取引先の信用低下", text)
    assert re.search(r"目標復旧時間\(時間\)\s+1\n", text)
    assert re.search(r"目標復旧時点\(時間\)\s+0\.5\n", text)
    assert re.search(r"先に復旧が必要な計画\s+社内ネットワーク", text)
    assert re.search(r"この計画の復旧を待つ計画\s+受注システム", text)
    # Protections: the box ticked when in place, the notes.
    assert re.search(r"■ バックアップ\s+実施済み\s+毎晩 NAS へ", text)
    assert re.search(r"□ 無停電電源\s+未実施", text)
    assert re.search(r"■ 予備機\s+実施済み\s+倉庫に1台", text)
    # The steps, numbered and in order, with the columns to fill in by hand.
    assert re.search(r"済\s+No\.\s+担当\s+作業内容\s+場所\s+予定\(分\)\s+完了時刻\s+実施者", text)
    numbered = [
        re.search(rf"^\s*{n}\s+{re.escape(who)}\s", text, re.MULTILINE)
        for n, (who, _what, _where, _minutes) in enumerate(STEPS, start=1)
    ]
    assert all(numbered), numbered
    starts = [match.start() for match in numbered if match]
    assert starts == sorted(starts)
    whats = [text.index(what[:15]) for _who, what, _where, _minutes in STEPS]
    assert whats == sorted(whats)
    assert re.search(r"バックアップから最新のメールデータを復元.*\n.*3\s+佐藤 花子\s+サーバー室\s+30", text)
    assert re.search(r"1\s+山田 太郎\s+障害の範囲を確認し、責任者に報告する\s+事務所\s+10", text)
    assert re.search(r"4\s+山田 太郎\s+取引先に一時的な連絡先を案内する\s+—\s+15", text)
    # The total against the objective, with a warning: 75 minutes is more than the hour allowed.
    assert "予定時間の合計: 75分" in text
    assert "目標復旧時間: 60分(1時間)" in text
    assert "目標復旧時間(60分)を超えています" in text
    assert re.search(r"復旧開始.*復旧完了", text)
    # Scenarios (参考).
    assert re.search(r"地震\s+建物の安全を確認する", text)
    assert re.search(r"ランサムウェア\s+ネットワークから切り離す", text)
    # The contact tree: order, role, person, alternate, phone.
    assert re.search(r"1\s+情報セキュリティ責任者\s+山田 太郎\s+佐藤 花子\s+03-1234-5678", text)
    assert re.search(r"2\s+経営者\s+佐藤 花子\s+—\s+080-3333-4444", text)
    # Drills, newest first; the one over the objective is marked, the other is not.
    assert re.search(r"2026-10-01\s+サーバー故障\s+山田 太郎、.*90分 / 60分", text)
    assert text.count("【目標超過】") == 1
    assert re.search(r"2025-10-01\s+停電\s+佐藤 花子\s+45分 / 60分\s+—\s+変更なし", text)
    assert "予備機のパスワードが分から" in text
    assert "変更あり: パスワードを" in text
    # Reviews, the one a drill led to marked as such.
    assert re.search(r"2026-10-01\s+パスワードを金庫に保管\s+訓練を受けて変更", text)
    assert re.search(r"2026-04-01\s+年次見直し", text)
    assert "1 / 2 ページ" in text or "1 / 1 ページ" in text


def test_only_the_embedded_japanese_font_is_used(db: Database, full_plan: int, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    print_plan(db, full_plan, pdf, "ja", TODAY)
    fonts = _fonts(pdf)
    assert {name.split("+")[-1] for name, _embedded in fonts} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in fonts)
    assert "595.276 x 841.89" in _run("pdfinfo", pdf)  # A4 portrait


def test_english_plan_has_english_labels(db: Database, full_plan: int, tmp_path: Path) -> None:
    pdf = tmp_path / "plan-en.pdf"
    print_plan(db, full_plan, pdf, "en", TODAY)
    text = _text(pdf)
    for words in [
        "IT continuity plan: メールサーバー",
        "Owner",
        "Last reviewed",
        "Next review due",
        "Printed",
        "1. Overview (control 4①)",
        "Business impact",
        "Damage and risk",
        "Must be back first",
        "Waiting for this plan",
        "2. Protection measures",
        "■ Backup",
        "□ Uninterruptible power supply",
        "In place",
        "Not in place",
        "3. Recovery steps",
        "What to do",
        "Done at",
        "Done by",
        "Planned time in total: 75 min",
        "Recovery time objective: 60 min (1 h)",
        "longer than the recovery time objective",
        "4. Disaster scenarios (reference)",
        "Earthquake",
        "5. Emergency contact tree",
        "Alternate",
        "6. Drills",
        "90 min / 60 min",
        "[Over objective]",
        "No change",
        "7. Reviews",
        "Changed after the drill of",
        "Page 1 / ",
    ]:
        assert words in text, words
    for label in (
        "概要",
        "保護対策",
        "復旧手順",
        "参考",
        "訓練の記録",
        "見直し履歴",
        "実施済み",
        "ページ",
        "合計",
    ):
        assert label not in text, label


def test_contact_tree_only_when_the_plan_uses_it(db: Database, tmp_path: Path) -> None:
    person = factories.person(db, "山田 太郎", phone="03-1234-5678")
    incidents.save_contact(db, None, {"role": "情報セキュリティ責任者", "person_id": person})
    plan = _plan(db, "会計ソフト")
    pdf = tmp_path / "no-tree.pdf"
    print_plan(db, plan, pdf, "ja", TODAY)
    text = _text(pdf)
    assert re.search(r"緊急連絡網を使う\s+いいえ", text)
    assert not re.search(r"\d\. 緊急連絡網", text)
    assert "03-1234-5678" not in text
    assert "5. 訓練の記録" in text  # the sections after it move up

    registers.save_record(db, PLANS, plan, {"depends_on_contact_tree": True})
    print_plan(db, plan, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "5. 緊急連絡網" in text
    assert re.search(r"1\s+情報セキュリティ責任者\s+山田 太郎\s+—\s+03-1234-5678", text)


def test_an_empty_plan_says_none_and_is_due_for_review(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, "会計ソフト", depends_on_contact_tree=True)
    made_on(db, "continuity_plan", plan, date(2025, 6, 1))  # made long ago, never reviewed
    pdf = tmp_path / "empty.pdf"
    print_plan(db, plan, pdf, "ja", TODAY)
    text = _text(pdf)
    # Protections, steps, scenarios, drills, reviews; depends on / needed by in the overview.
    assert len(re.findall(r"^\s*なし\s*$", text, re.MULTILINE)) == 5
    assert re.search(r"先に復旧が必要な計画\s+なし", text)
    assert "連絡網が登録されていません" in text
    assert re.search(r"最終見直し日\s+未実施", text)
    assert "【見直し期限切れ】" in text
    assert "まだ一度も見直されていません" in text
    assert re.search(r"目標復旧時点\(時間\)\s+未記入", text)
    pdf_en = tmp_path / "empty-en.pdf"
    print_plan(db, plan, pdf_en, "en", TODAY)
    text_en = _text(pdf_en)
    assert len(re.findall(r"^\s*None\s*$", text_en, re.MULTILINE)) == 5
    assert "[Review overdue]" in text_en
    assert "never been reviewed" in text_en


def test_an_overdue_review_is_marked(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, "会計ソフト")
    continuity.mark_reviewed(db, plan, date(2025, 6, 1), None)
    pdf = tmp_path / "overdue.pdf"
    print_plan(db, plan, pdf, "ja", TODAY)
    text = _text(pdf)
    assert re.search(r"次回見直し期限\s+2026-06-01\s+【見直し期限切れ】", text)
    assert "見直し期限(2026-06-01)を過ぎています" in text


def test_steps_within_the_objective_carry_no_warning(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, "会計ソフト")
    continuity.save_step(db, plan, None, {"what": "再起動する", "duration_minutes": 30})
    continuity.save_step(db, plan, None, {"what": "動作を確かめる"})
    pdf = tmp_path / "ok.pdf"
    print_plan(db, plan, pdf, "ja", TODAY)
    text = _text(pdf)
    assert "所要時間が未記入の手順があります" in text
    assert "目標復旧時間: 240分(4時間)" in text
    assert "超えています" not in text


def test_hostile_user_text_prints_literally(db: Database, tmp_path: Path) -> None:
    owner = factories.person(db, "<i>owner</i> & co")
    plan = _plan(db, "<b>&", owner_id=owner, business_impact="A & B <font size=40>")
    continuity.save_step(db, plan, None, {"who": "<u>x</u>", "what": "run <cmd> & wait", "location": "R&D"})
    continuity.save_scenario(db, plan, None, {"scenario": "custom", "name": "<br/>", "response": "a&amp;b"})
    continuity.mark_reviewed(db, plan, TODAY, "<para>note</para>")
    pdf = tmp_path / "hostile.pdf"
    build_plan(
        pdf,
        continuity.detail(db, plan, TODAY),
        contacts=[],
        lang="ja",
        printed_on=TODAY,
        office="<b>&Co</b>",
    )
    text = _text(pdf)
    for literal in [
        "IT継続計画書: <b>&",
        "<i>owner</i> & co",
        "A & B <font size=40>",
        "<u>x</u>",
        "run <cmd> & wait",
        "R&D",
        "<br/>",
        "a&amp;b",
        "<para>note</para>",
        "<b>&Co</b>",
    ]:
        assert literal in text, literal


def test_forty_steps_run_over_pages_with_their_numbers(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, "基幹システム")
    for i in range(1, 41):
        continuity.save_step(
            db,
            plan,
            None,
            {"who": "担当者", "what": f"手順{i:02d} の作業を実施して結果を確認する", "duration_minutes": 5},
        )
    pdf = tmp_path / "long.pdf"
    print_plan(db, plan, pdf, "ja", TODAY)
    pages = _pages(pdf)
    total = len(pages)
    assert total >= 3
    assert _page_count(pdf) == total
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {total} ページ" in page
        assert "IT継続計画書: 基幹システム" in page  # the header line on every page
    text = "\n".join(pages)
    found = [re.search(rf"^\s*{i}\s+担当者\s+手順{i:02d} ", text, re.MULTILINE) for i in range(1, 41)]
    assert all(found)
    starts = [match.start() for match in found if match]
    assert starts == sorted(starts)
    step_pages = {i for i, page in enumerate(pages) for n in range(1, 41) if f"手順{n:02d} " in page}
    assert len(step_pages) >= 2
    for i in sorted(step_pages)[1:]:
        assert "完了時刻" in pages[i]  # the table's header repeats on every page it runs onto
    assert "予定時間の合計: 200分" in text
    assert "目標復旧時間(240分)" not in text  # 200 minutes fit in the 4 hours


def test_the_cli_prints_a_plan_by_its_name(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sme_guard.cli import main

    plan_id = registers.save_record(db, PLANS, None, {"name": "会計システム", "review_interval_days": "365"})
    continuity.save_step(db, plan_id, None, {"what": "会計ソフトを再インストールする"})
    target = tmp_path / "plan.pdf"
    assert (
        main(["pdf", "plan", "会計システム", "--db", str(db.path), "--out", str(target), "--lang", "ja"]) == 0
    )
    assert capsys.readouterr().out.strip() == str(target)
    assert "会計ソフトを再インストールする" in _text(target)
    assert main(["pdf", "plan", "存在しない", "--db", str(db.path), "--out", str(target)]) == 1
    assert "存在しない" in capsys.readouterr().err
