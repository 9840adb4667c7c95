"""The staff guideline printout: the points with the office's decisions and conditions, the
acknowledgment slip, a clear draft mark, the embedded font, literal user text, and the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sme_guard.cli import main
from sme_guard.db.database import Database
from sme_guard.domain.codes import GuidelineKind
from sme_guard.exchange.guideline_print import print_guideline
from sme_guard.services import clock, settings
from sme_guard.services import staff_guidelines as sg
from tests.factories import guideline_content
from tests.pdf_reading import fonts, page_count, pages, text

TODAY = date(2026, 11, 27)
MARKUP = "<b>太字</b> & <i>"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _flat(value: str) -> str:
    """pdftotext breaks lines and pads with spaces: compare without any white space."""
    return "".join(value.split())


def _issued(db: Database, kind: GuidelineKind, **changes: Any) -> int:
    guideline_id = sg.new_draft(db, kind, "ja")
    raw = guideline_content(sg.document(db, guideline_id), **changes.pop("points", {})) | changes
    sg.issue(db, guideline_id, date(2026, 10, 1), raw)
    return guideline_id


def test_the_guideline_prints_every_point_with_the_decision_and_the_slip(
    db: Database, tmp_path: Path
) -> None:
    settings.set_text(db, settings.OFFICE_NAME, "株式会社サンプル")
    guideline_id = _issued(
        db,
        GuidelineKind.DEVICES,
        title="スマホ利用ルール",
        notes="質問は総務へ",
        points={
            "networks": ("conditional", "自宅の Wi-Fi と会社のモバイルルーターのみ"),
            "applications": ("allowed", None),
        },
    )
    pdf = tmp_path / "devices.pdf"
    print_guideline(db, guideline_id, pdf, "ja", TODAY)
    printed = _flat(text(pdf))
    doc = sg.document(db, guideline_id)
    for point in doc.points:
        assert _flat(point.question.ja) in printed, point.key
        assert _flat(point.requirement.ja) in printed, point.key
        assert _flat(f"ガイドライン{point.ref_label('ja')}") in printed
    assert _flat("当事業所の判断:条件付きで可条件:自宅の Wi-Fi と会社のモバイルルーターのみ") in printed
    assert (
        _flat("アプリケーション(有償・無償を問わない)をインストールして使うこと当事業所の判断:可") in printed
    )
    assert _flat("ジェイルブレイク・ルート化した端末を使うこと当事業所の判断:不可") in printed
    assert "質問は総務へ" in printed and "株式会社サンプル" in printed
    assert _flat(doc.purpose.ja) in printed
    assert "下書き" not in printed
    # The slip is a page of its own, naming the version and its issue date.
    slip = _flat(pages(pdf)[-1])
    assert "確認書" in slip and "株式会社サンプル御中" in slip
    assert "私は「スマホ利用ルール」第1版(発行日2026-10-01)を読み、内容を理解し、遵守します。" in slip
    for field in ("確認日", "所属", "氏名", "署名", "受付日"):
        assert field in slip
    assert "当事業所の判断" not in slip
    assert fonts(pdf) and all(embedded == "yes" for _name, embedded in fonts(pdf))
    assert all("BIZUDGothic" in name for name, _embedded in fonts(pdf))


def test_a_draft_is_marked_and_english_reads_in_english(db: Database, tmp_path: Path) -> None:
    draft = sg.new_draft(db, GuidelineKind.SNS, "en")
    pdf = tmp_path / "sns-draft.pdf"
    print_guideline(db, draft, pdf, "en", TODAY)
    printed = _flat(text(pdf))
    assert _flat("DRAFT (not issued)") in printed
    doc = sg.document(db, draft)
    for point in doc.points:
        assert _flat(point.question.en) in printed and _flat(point.requirement.en) in printed
    assert _flat("Stating the name of your employer in an SNS profile or post") in printed
    assert _flat("The office's decision: Allowed with conditions") in printed
    slip = _flat(pages(pdf)[-1])
    assert "DRAFT" in slip
    assert (
        _flat('I have read "Guideline for the use of social media (SNS)", version 1 (draft, not issued)')
        in slip
    )

    ja = tmp_path / "sns-draft-ja.pdf"
    print_guideline(db, draft, ja, "ja", TODAY)
    flat = _flat(text(ja))
    assert "下書き(未発行)" in flat and "第1版(下書き・未発行)を読み" in flat
    assert all(embedded == "yes" for _name, embedded in fonts(ja))


def test_typed_text_prints_literally_and_long_conditions_flow_over_pages(
    db: Database, tmp_path: Path
) -> None:
    settings.set_text(db, settings.OFFICE_NAME, MARKUP)
    long = "。".join(f"条件{n}: 会社が許可した場合に限る" for n in range(400))
    guideline_id = _issued(
        db,
        GuidelineKind.SNS,
        title=MARKUP,
        notes=MARKUP,
        points={"employer_name": ("conditional", MARKUP), "public_information": ("conditional", long)},
    )
    pdf = tmp_path / "markup.pdf"
    print_guideline(db, guideline_id, pdf, "ja", TODAY)
    printed = text(pdf)
    assert printed.count(MARKUP) >= 4  # title, office, condition, notes (and the slip)
    assert _flat(f"私は「{MARKUP}」第1版") in _flat(pages(pdf)[-1])
    assert page_count(pdf) > 3 and "条件399" in _flat(printed)


def test_the_command_line_prints_the_current_or_a_named_version(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _issued(db, GuidelineKind.DEVICES, title="第一版のルール")
    sg.new_draft(db, GuidelineKind.DEVICES, "ja")
    common = ["--db", str(db.path), "--lang", "ja"]
    current = tmp_path / "current.pdf"
    assert main(["pdf", "guideline", "devices", "--out", str(current), *common]) == 0
    assert capsys.readouterr().out.strip() == str(current)
    assert "第一版のルール" in text(current) and "下書き" not in text(current)
    draft = tmp_path / "draft.pdf"
    assert main(["pdf", "guideline", "devices", "--version", "2", "--out", str(draft), *common]) == 0
    assert "下書き" in text(draft)
    assert sg.find_version(db, "devices", 1) == first

    assert main(["pdf", "guideline", "sns", "--out", str(tmp_path / "x.pdf"), *common]) == 1
    assert "まだ発行されていません" in capsys.readouterr().err
    assert main(["pdf", "guideline", "phones", "--out", str(tmp_path / "x.pdf"), "--db", str(db.path)]) == 1
    assert "devices" in capsys.readouterr().err
    assert (
        main(["pdf", "guideline", "devices", "--version", "9", "--out", str(tmp_path / "x.pdf"), *common])
        == 1
    )
    assert "第9版はありません" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
