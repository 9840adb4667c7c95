"""The basic policy and the security rules on paper and as files: the A4 PDF with the
representative's signature line, the .docx with the same text as the PDF, plain text and HTML
for the web page, a draft marked as one, literal user text, and the command line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest

from sme_guard.cli import main
from sme_guard.db.database import Database
from sme_guard.domain.codes import PolicyKind
from sme_guard.errors import UserError
from sme_guard.exchange import policy_export
from sme_guard.exchange.policy_print import export_policy_file, print_policy
from sme_guard.services import clock, policies
from tests.factories import issued_policy, office_identity, seeded_assessment
from tests.pdf_reading import fonts, page_count, pages

TODAY = date(2026, 11, 27)
MARKUP = "<b>太字</b> & <i>"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _flat(value: str) -> str:
    """pdftotext breaks lines and pads with spaces: compare without any white space."""
    return "".join(value.split())


def pdf_body(pdf: Path) -> str:
    """The PDF's text without each page's header line (title, office) and footer (page X / Y)."""
    body = []
    for page in pages(pdf):
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[-1].strip().startswith(("SMEガード", "SME Guard")) and "/" in lines[-1]
        body += lines[1:-1]
    return _flat("\n".join(body))


def docx_text(path: Path) -> str:
    return _flat("\n".join(p.text for p in docx.Document(str(path)).paragraphs))


def _rules(db: Database) -> int:
    seeded_assessment(db)
    return policies.new_draft(db, PolicyKind.RULES, "ja")


def test_the_policy_prints_on_one_page_with_date_office_and_signature_line(
    db: Database, tmp_path: Path
) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    pdf = tmp_path / "基本方針.pdf"
    print_policy(db, policy_id, pdf)
    assert page_count(pdf) == 1
    text = pdf_body(pdf)
    doc = policies.document(db, policy_id)
    for number, section in enumerate(doc.sections, start=1):
        assert _flat(f"{number}. {section.heading}") in text and _flat(section.body) in text
    assert text.endswith(_flat("2026年4月1日 制定 株式会社サンプル 代表取締役 山田 太郎 署名 (印)"))
    assert "下書き" not in text
    header = pages(pdf)[0].splitlines()[0]
    assert "情報セキュリティ基本方針 第1版" in header and "株式会社サンプル" in header
    found = fonts(pdf)
    assert found and all(name.endswith(("BIZUDGothic-Regular", "BIZUDGothic-Bold")) for name, _ in found)
    assert {embedded for _name, embedded in found} == {"yes"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_docx_has_the_same_text_as_the_pdf(db: Database, tmp_path: Path, lang: str) -> None:
    office_identity(db)
    seeded_assessment(db)
    policy_id = policies.new_draft(db, PolicyKind.POLICY, lang)
    policies.issue(db, policy_id, date(2026, 4, 1))
    revised = policies.new_draft(db, PolicyKind.POLICY, lang)
    policies.issue(db, revised, TODAY)
    rules_id = policies.new_draft(db, PolicyKind.RULES, lang)
    for name, version in (("policy", revised), ("rules", rules_id)):
        pdf, word = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
        print_policy(db, version, pdf)
        export_policy_file(db, version, word, "docx")
        document = docx.Document(str(word))  # opens with python-docx
        assert document.core_properties.title == policies.document(db, version).info.title
        assert docx_text(word) == pdf_body(pdf), name
    if lang == "ja":
        assert _flat("2026年4月1日 制定 2026年11月27日 改定(第2版)") in docx_text(tmp_path / "policy.docx")
    else:
        assert _flat("Established on 1 April 2026 Revised on 27 November 2026 (version 2)") in docx_text(
            tmp_path / "policy.docx"
        )


def test_the_rules_print_adopted_planned_and_not_applicable_and_no_unplanned_rule(
    db: Database, tmp_path: Path
) -> None:
    office_identity(db)
    rules_id = _rules(db)
    pdf = tmp_path / "対策基準.pdf"
    print_policy(db, rules_id, pdf)
    text = pdf_body(pdf)
    item_9 = text[text.index(_flat("9 記憶媒体の管理")) : text.index(_flat("10 スマートデバイスの利用"))]
    order = [
        "採用している対策",
        "9① 記憶媒体の数量、所在を管理する",
        "実施済、担当: 山田 太郎、方法: 記憶媒体台帳で管理",
        "9②",
        "一部実施、担当: 佐藤 花子、完了目標日: 2026年12月31日",
        "実施を計画している対策",
        "9④",
        "目標日: 2027年3月31日、担当: 山田 太郎",
        "当社に当てはまらない対策(対象外)",
        "9⑤",
        "理由: 長期保管するバックアップはない",
        "未実施で計画のない対策(当社のルールではありません)",
        "9③",
    ]
    positions = [item_9.index(_flat(part)) for part in order]
    assert positions == sorted(positions)
    assert item_9.count("9③") == 1  # listed once, as not done and not planned
    assert _flat("12③") in text and _flat("理由: (記入されていません)") in text
    assert _flat("自己点検「2026年度 自己点検」(2026年4月1日)の回答から作成") in text
    assert _flat("下書き(未発行): この版はまだ発行されていません。") in text  # a draft says so
    assert "下書き(未発行)" in pages(pdf)[0].splitlines()[0]


def test_user_text_prints_literally_everywhere(db: Database, tmp_path: Path) -> None:
    office_identity(db, f"株式会社{MARKUP}", "代表 <script>")
    rules_id = _rules(db)
    policies.save_draft(db, rules_id, {"title": f"対策基準 {MARKUP}", "intro": f"前文 {MARKUP}"})
    pdf, page, text = tmp_path / "r.pdf", tmp_path / "r.html", tmp_path / "r.txt"
    print_policy(db, rules_id, pdf)
    export_policy_file(db, rules_id, page, "html")
    export_policy_file(db, rules_id, text, "txt")
    assert _flat(f"前文 {MARKUP}") in pdf_body(pdf) and _flat(f"株式会社{MARKUP}") in pdf_body(pdf)
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;b&gt;太字&lt;/b&gt; &amp; &lt;i&gt;" in html
    assert f"前文 {MARKUP}" in text.read_text(encoding="utf-8")


def test_the_web_text_and_page_leave_out_the_signature_line(db: Database, tmp_path: Path) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    text, page = tmp_path / "policy.txt", tmp_path / "policy.html"
    export_policy_file(db, policy_id, text, "txt")
    export_policy_file(db, policy_id, page, "html")
    written = text.read_text(encoding="utf-8")
    assert written.startswith(
        "情報セキュリティ基本方針\n\n1. 目的\n\n株式会社サンプル(以下「当社」といいます)は"
    )
    assert written.endswith("2026年4月1日 制定\n株式会社サンプル\n代表取締役 山田 太郎\n")
    assert "署名" not in written and "(印)" not in written
    html = page.read_text(encoding="utf-8")
    assert (
        html.startswith('<!DOCTYPE html>\n<html lang="ja">') and "<h1>情報セキュリティ基本方針</h1>" in html
    )
    assert "<h2>7. 継続的改善</h2>" in html and "署名" not in html
    assert re.search(r"<script|src=|href=", html) is None  # a page of its own, nothing fetched


def test_a_file_that_cannot_be_written_leaves_nothing_behind(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    with pytest.raises(UserError, match="Could not save the file"):
        export_policy_file(db, policy_id, tmp_path / "missing" / "policy.docx", "docx")
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "policy.txt"
    existing.write_text("old", encoding="utf-8")

    def broken(_doc: object) -> str:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(policy_export, "web_text", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        export_policy_file(db, policy_id, existing, "txt")
    assert existing.read_text(encoding="utf-8") == "old" and list(out.iterdir()) == [existing]


# ---------------------------------------------------------------- command line


def test_the_command_line_prints_and_exports_the_version_in_force_or_a_numbered_one(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office_identity(db)
    rules_id = _rules(db)
    common = ["--db", str(db.path), "--lang", "ja"]
    assert main([*common, "pdf", "rules", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "情報セキュリティ対策基準はまだ発行されていません" in capsys.readouterr().err
    assert main([*common, "pdf", "rules", "--version", "1", "--out", str(tmp_path / "draft.pdf")]) == 0
    assert _flat("下書き(未発行)") in pdf_body(tmp_path / "draft.pdf")

    policies.issue(db, rules_id, TODAY)
    issued_policy(db)
    capsys.readouterr()
    for name in ("policy", "rules"):
        pdf = tmp_path / f"{name}.pdf"
        assert main([*common, "pdf", name, "--out", str(pdf)]) == 0
        assert capsys.readouterr().out.strip() == str(pdf)
        for file_format in ("docx", "txt", "html"):
            out = tmp_path / f"{name}.{file_format}"
            assert main([*common, "export", name, "--format", file_format, "--out", str(out)]) == 0
            assert capsys.readouterr().out.strip() == str(out)
        assert docx_text(tmp_path / f"{name}.docx") == pdf_body(pdf)
        assert "下書き" not in pdf_body(pdf)
    assert main([*common, "export", "policy", "--out", str(tmp_path / "default.docx")]) == 0
    assert docx.Document(str(tmp_path / "default.docx")).paragraphs[0].text == "情報セキュリティ基本方針"
    capsys.readouterr()
    media = [
        "--db",
        str(db.path),
        "--lang",
        "en",
        "export",
        "media",
        "--format",
        "txt",
        "--out",
        str(tmp_path / "m.xlsx"),
    ]
    assert main(media) == 1
    assert "--format and --version apply to policy and rules only" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*common, "export", "policy", "--format", "pdf", "--out", str(tmp_path / "p.pdf")])
