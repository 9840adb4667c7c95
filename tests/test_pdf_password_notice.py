"""The password policy notice for staff (5⑥, sheet No.6): one A4 page, the office's numbers,
the guideline's words, the font embedded; and `sme-guard pdf password-policy`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sme_guard import __version__
from sme_guard.cli import main
from sme_guard.db.database import Database, open_database
from sme_guard.exchange.password_print import print_password_notice
from sme_guard.services import clock, settings
from sme_guard.services import password_policy as policies
from tests.pdf_reading import fonts, page_count, run, text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _flat(pdf: Path) -> str:
    """The text with every run of white space removed (Japanese lines wrap anywhere)."""
    return re.sub(r"\s+", "", text(pdf))


def _words(pdf: Path) -> str:
    return re.sub(r"\s+", " ", text(pdf))


def _policy(db: Database, **changes: object) -> None:
    policies.save_policy(db, {**policies.guideline_values(), **changes}, TODAY)


def test_the_guideline_policy_in_japanese(db: Database, tmp_path: Path) -> None:
    settings.set_text(db, settings.OFFICE_NAME, "株式会社サンプル商事")
    pdf = tmp_path / "notice.pdf"
    print_password_notice(db, pdf, "ja", TODAY)
    flat = _flat(pdf)
    for rule in [
        "パスワードのルール",
        "株式会社サンプル商事",
        "①12文字以上にする",
        "②英大文字(A〜Z)を入れる",
        "③英小文字(a〜z)を入れる",
        "④数字(0〜9)を入れる",
        "⑤記号(!#$%&など)を入れる",
        "⑥3か月に1度変更する",
        "ガイドラインの例のまま(改定なし)",
        "印刷日2026-11-27",
        f"SMEガード{__version__}",
        # The guideline's points, each with its place, and its words as written.
        "数字4桁のような簡単なパスワードは使わない。",
        "(業務No.6リスクシナリオ)",
        "管理策5.認証と権限⑥",
        "パスワード(9)は例えば「12文字以上に設定し、大文字、小文字、数字、特殊文字の4つを組み合わせ、3カ月に1度変更する」",
        "簡単なパスワードを使用しているためログオン時の覗き見によりパスワードが漏えいし、情報にアクセスされる",
        # SME Guard's general advice, marked as not the guideline's.
        "ほかのサービスと同じパスワードを使い回さない。",
        "ガイドラインの抜粋には書かれていません",
    ]:
        assert rule in flat, rule
    assert page_count(pdf) == 1


def test_the_configured_numbers_are_printed(db: Database, tmp_path: Path) -> None:
    _policy(db, min_length=16, require_symbols=False, change_interval_months=6)
    pdf = tmp_path / "notice.pdf"
    print_password_notice(db, pdf, "ja", TODAY)
    flat = _flat(pdf)
    assert "①16文字以上にする" in flat
    assert "12文字以上にする" not in flat
    assert "記号(!#$%&など)を入れる" not in flat
    assert "⑤6か月に1度変更する" in flat  # the symbols rule is gone, so it moves up
    assert "改定日2026-11-27" in flat
    # The guideline's own example is still quoted as written, whatever the office chose.
    assert "「12文字以上に設定し" in flat


def test_no_scheduled_change(db: Database, tmp_path: Path) -> None:
    _policy(db, change_interval_months=0)
    pdf = tmp_path / "notice.pdf"
    print_password_notice(db, pdf, "en", TODAY)
    words = _words(pdf)
    assert "No scheduled change is required" in words
    assert "Change it every" not in words


def test_english_with_every_rule_and_a_long_office_name_fits_one_page(db: Database, tmp_path: Path) -> None:
    settings.set_text(db, settings.OFFICE_NAME, "Very Long Office Name Trading Company Limited " * 4)
    pdf = tmp_path / "notice-en.pdf"
    print_password_notice(db, pdf, "en", TODAY)
    words = _words(pdf)
    for phrase in [
        "Password rules",
        "Use at least 12 characters",
        "Include an uppercase letter (A–Z)",
        "Include a symbol (! # $ % & …)",
        "Change it every 3 months",
        "Do not use a simple password such as four digits.",
        "Do not reuse a password across services.",
        "Page 1 / 1",
    ]:
        assert phrase in words, phrase
    assert page_count(pdf) == 1
    assert "841.89" in run("pdfinfo", pdf)  # A4 portrait: 595.276 x 841.89


def test_the_font_is_embedded(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    print_password_notice(db, pdf, "ja", TODAY)
    used = fonts(pdf)
    assert {name.split("+")[-1] for name, _embedded in used} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    assert all(embedded == "yes" for _name, embedded in used)


def test_the_office_name_prints_literally(db: Database, tmp_path: Path) -> None:
    settings.set_text(db, settings.OFFICE_NAME, "<b>太字</b> & <i>商会")
    pdf = tmp_path / "notice.pdf"
    print_password_notice(db, pdf, "ja", TODAY)
    assert "<b>太字</b>&<i>商会" in _flat(pdf)


def test_command_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(db_path)
    try:
        _policy(database, min_length=20)
    finally:
        database.close()
    out = tmp_path / "policy.pdf"
    code = main(["pdf", "password-policy", "--db", str(db_path), "--out", str(out), "--lang", "en"])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Use at least 20 characters" in _words(out)
    assert page_count(out) == 1
