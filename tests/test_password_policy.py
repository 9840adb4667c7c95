"""The password policy (5⑥, sheet No.6): rules on typed passwords, and the policy as settings."""

from __future__ import annotations

import re
import string
from dataclasses import asdict, replace
from datetime import date

import pytest
from sqlalchemy import select

from sme_guard.db.database import Database
from sme_guard.domain.password_policy import (
    GENERAL_ADVICE,
    GUIDELINE_ADVICE,
    GUIDELINE_POLICY,
    PasswordPolicy,
    Rule,
    check_password,
    guideline_quotes,
    meets_policy,
    policy_rules,
    weaker_than_guideline,
)
from sme_guard.services import password_policy as policies
from sme_guard.services import settings
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.password_policy import PasswordPolicyInvalidError
from tests.conftest import EXCERPT

TODAY = date(2026, 11, 27)
ALL = [Rule.LENGTH, Rule.UPPER, Rule.LOWER, Rule.DIGITS, Rule.SYMBOLS, Rule.HALF_WIDTH]


def _met(password: str, policy: PasswordPolicy = GUIDELINE_POLICY) -> set[Rule]:
    return {result.key for result in check_password(password, policy) if result.met}


def _excerpt_measure_6() -> str:
    text = EXCERPT.read_text(encoding="utf-8")
    start = text.index("⑥ パスワード")
    return re.sub(r"\s+", "", text[start : text.index("(3) 運用で心がけるポイント", start)])


# ---------------------------------------------------------------- the guideline's defaults


def test_the_defaults_are_control_5_measure_6() -> None:
    measure = _excerpt_measure_6()
    # 「12 文字以上に設定し、大文字、小文字、数字、特殊文字の 4 つを組み合わせ、3 カ月に 1 度変更する」
    assert "12文字以上に設定し" in measure
    assert "大文字、小文字、数字、特殊文字の4つを組み合わせ" in measure
    assert "3カ月に1度変更する" in measure
    assert PasswordPolicy(12, True, True, True, True, 3) == GUIDELINE_POLICY
    assert PasswordPolicy() == GUIDELINE_POLICY


def test_a_new_office_has_the_guideline_policy(db: Database) -> None:
    assert policies.load_policy(db) == GUIDELINE_POLICY
    assert policies.policy_changed_on(db) is None


# ---------------------------------------------------------------- rules on typed passwords


@pytest.mark.parametrize(
    ("password", "met"),
    [
        ("", {Rule.HALF_WIDTH}),
        ("Abcdefgh12!x", set(ALL)),
        ("Abcdefg12!x", set(ALL) - {Rule.LENGTH}),  # 11 characters
        ("aaaaaaaaaaaa", {Rule.LENGTH, Rule.LOWER, Rule.HALF_WIDTH}),
        ("AAAAAAAAAAAA", {Rule.LENGTH, Rule.UPPER, Rule.HALF_WIDTH}),
        ("1234", {Rule.DIGITS, Rule.HALF_WIDTH}),  # sheet No.6: 数字 4 桁
        ("!!!!", {Rule.SYMBOLS, Rule.HALF_WIDTH}),
        ("Password 12x", set(ALL) - {Rule.SYMBOLS}),  # a space is allowed but is no symbol
        # Full-width letters, digits and symbols count as none of the classes.
        ("ＡＢＣｄｅｆ１２３！＃＄", {Rule.LENGTH}),
        ("Ａbcdefgh12!x", set(ALL) - {Rule.UPPER, Rule.HALF_WIDTH}),
        ("Abcdefgh12!\u3000", set(ALL) - {Rule.HALF_WIDTH}),  # an ideographic space
        ("パスワードは安全ですか", set()),
        ("パスワードAb1!", {Rule.UPPER, Rule.LOWER, Rule.DIGITS, Rule.SYMBOLS}),  # 9 characters
        ("パスワードはこれAb1!", {Rule.LENGTH, Rule.UPPER, Rule.LOWER, Rule.DIGITS, Rule.SYMBOLS}),
        ("ÉmileÜber12!x", set(ALL) - {Rule.UPPER, Rule.HALF_WIDTH}),  # É and Ü are not ASCII
        ("Abcdefgh12!😀", set(ALL) - {Rule.HALF_WIDTH}),
        ("Tab\there12!x", set(ALL) - {Rule.HALF_WIDTH}),  # a control character
    ],
)
def test_rules_on_many_passwords(password: str, met: set[Rule]) -> None:
    assert _met(password) == met


@pytest.mark.parametrize("symbol", list(string.punctuation))
def test_every_printable_ascii_symbol_counts(symbol: str) -> None:
    assert Rule.SYMBOLS in _met(f"Abcdefgh12{symbol}")
    assert Rule.HALF_WIDTH in _met(f"Abcdefgh12{symbol}")


@pytest.mark.parametrize(
    ("minimum", "password", "met"),
    [
        (12, "x" * 11, False),
        (12, "x" * 12, True),
        (12, "x" * 13, True),
        (4, "Ab1", False),
        (4, "Ab1!", True),
        (128, "a" * 127, False),
        (128, "a" * 128, True),
        (12, "ａ" * 12, True),  # a full-width character is one character
    ],
)
def test_length_boundaries(minimum: int, password: str, met: bool) -> None:
    policy = replace(GUIDELINE_POLICY, min_length=minimum)
    assert (Rule.LENGTH in _met(password, policy)) is met


def test_rules_are_listed_in_the_policy_order_with_both_languages() -> None:
    results = check_password("Abcdefgh12!x", GUIDELINE_POLICY)
    assert [r.key for r in results] == ALL
    assert [r.text("ja") for r in results][:2] == ["12文字以上", "英大文字(A〜Z)を含む"]
    assert [r.text("en") for r in results][:2] == ["at least 12 characters", "an uppercase letter (A–Z)"]
    assert [r.advisory for r in results] == [False] * 5 + [True]


def test_rules_the_office_switched_off_are_not_listed() -> None:
    policy = PasswordPolicy(min_length=8, require_upper=False, require_symbols=False)
    results = check_password("abcdefg1", policy)
    assert [r.key for r in results] == [Rule.LENGTH, Rule.LOWER, Rule.DIGITS, Rule.HALF_WIDTH]
    assert results[0].text("ja") == "8文字以上"
    assert meets_policy(results)


def test_the_half_width_hint_does_not_decide_the_policy() -> None:
    results = check_password("Abcdefgh12!ｘ", GUIDELINE_POLICY)
    assert meets_policy(results)
    assert not all(r.met for r in results)
    assert not meets_policy(check_password("Abcdefgh12x", GUIDELINE_POLICY))


def test_the_policy_as_sentences_for_staff() -> None:
    assert policy_rules(GUIDELINE_POLICY) == [
        ("12文字以上にする", "Use at least 12 characters"),
        ("英大文字(A〜Z)を入れる", "Include an uppercase letter (A–Z)"),
        ("英小文字(a〜z)を入れる", "Include a lowercase letter (a–z)"),
        ("数字(0〜9)を入れる", "Include a digit (0–9)"),
        ("記号(! # $ % & など)を入れる", "Include a symbol (! # $ % & …)"),
        ("3か月に1度変更する", "Change it every 3 months"),
    ]
    assert policy_rules(PasswordPolicy(require_lower=False, change_interval_months=1))[-1] == (
        "1か月に1度変更する",
        "Change it every month",
    )
    assert policy_rules(PasswordPolicy(change_interval_months=0))[-1][0] == "定期的な変更は求めない"


def test_what_is_weaker_than_the_guideline_is_named() -> None:
    assert weaker_than_guideline(GUIDELINE_POLICY) == []
    assert weaker_than_guideline(PasswordPolicy(min_length=16, change_interval_months=1)) == []
    weaker = weaker_than_guideline(
        PasswordPolicy(min_length=8, require_symbols=False, change_interval_months=0)
    )
    assert [en for _ja, en in weaker] == [
        "fewer than 12 characters",
        "no symbol",
        "changed less often than every 3 months",
    ]


def test_the_notice_quotes_the_guideline_as_written() -> None:
    quotes = guideline_quotes(bundled_catalog(), "ja")
    assert [q.source for q in quotes] == [
        "管理策 5.認証と権限 ⑥",
        "業務 No.6 リスクシナリオ",
        "業務 No.6 人的対策",
    ]
    # Measure ⑥ word for word as the excerpt prints it (line breaks and spaces aside).
    assert re.sub(r"\s+", "", quotes[0].text) == _excerpt_measure_6().removeprefix("⑥")
    excerpt = re.sub(r"\s+", "", EXCERPT.read_text(encoding="utf-8"))
    for quote in quotes[1:]:
        assert re.sub(r"\s+", "", quote.text) in excerpt
    assert (
        guideline_quotes(bundled_catalog(), "en")[0].source == "Control 5. Authentication and authorization ⑥"
    )


def test_the_advice_from_the_guideline_names_its_source_and_the_rest_is_marked_as_our_own() -> None:
    assert all((a.source("ja") or "").startswith("業務 No.6") for a in GUIDELINE_ADVICE)
    assert all((a.source("en") or "").startswith("Task sheet No.6") for a in GUIDELINE_ADVICE)
    assert all(a.source("ja") is None for a in GENERAL_ADVICE)


# ---------------------------------------------------------------- the policy as office settings


def _raw(policy: PasswordPolicy = GUIDELINE_POLICY, **changes: object) -> dict[str, object]:
    return {**asdict(policy), **changes}


def test_the_policy_is_saved_and_loaded(db: Database) -> None:
    wanted = PasswordPolicy(16, True, True, True, False, 6)
    assert policies.save_policy(db, asdict(wanted), TODAY) == wanted
    assert policies.load_policy(db) == wanted
    assert policies.policy_changed_on(db) == TODAY
    assert settings.get_text(db, settings.PASSWORD_REQUIRE_SYMBOLS) == "0"


def test_saving_the_same_policy_keeps_its_date(db: Database) -> None:
    policies.save_policy(db, _raw(min_length=14), TODAY)
    policies.save_policy(db, _raw(min_length=14), date(2027, 1, 5))
    assert policies.policy_changed_on(db) == TODAY
    policies.save_policy(db, _raw(min_length=15), date(2027, 1, 5))
    assert policies.policy_changed_on(db) == date(2027, 1, 5)


def test_typed_values_are_read_like_everywhere_else(db: Database) -> None:
    policy = policies.save_policy(
        db,
        {
            "min_length": "１６",
            "require_upper": "はい",
            "require_lower": "yes",
            "require_digits": 1,
            "require_symbols": "いいえ",
            "change_interval_months": "0",
        },
        TODAY,
    )
    assert policy == PasswordPolicy(16, True, True, True, False, 0)


@pytest.mark.parametrize(
    ("field", "value", "ja", "en"),
    [
        ("min_length", 3, "最小文字数", "Minimum length"),
        ("min_length", 129, "最小文字数", "Minimum length"),
        ("min_length", "twelve", "最小文字数", "Minimum length"),
        ("min_length", "", "最小文字数", "Minimum length"),
        ("min_length", True, "最小文字数", "Minimum length"),
        ("change_interval_months", -1, "変更の間隔(月)", "Change every (months)"),
        ("change_interval_months", 25, "変更の間隔(月)", "Change every (months)"),
        ("change_interval_months", "3.5", "変更の間隔(月)", "Change every (months)"),
        ("require_symbols", "たぶん", "記号", "Symbols"),
    ],
)
def test_a_bad_value_is_refused_naming_its_field(
    db: Database, field: str, value: object, ja: str, en: str
) -> None:
    before = policies.load_policy(db)
    raw = {**_raw(min_length=20, require_digits=False), field: value}  # the others would change
    with pytest.raises(PasswordPolicyInvalidError) as caught:
        policies.save_policy(db, raw, TODAY)
    assert list(caught.value.problems) == [field]
    assert ja in caught.value.message("ja")
    assert en in caught.value.message("en")
    assert policies.load_policy(db) == before  # nothing half-saved


def test_the_limits_are_accepted(db: Database) -> None:
    for length, months in ((4, 0), (128, 24)):
        assert policies.save_policy(db, _raw(min_length=length, change_interval_months=months), TODAY) == (
            replace(GUIDELINE_POLICY, min_length=length, change_interval_months=months)
        )


def test_two_bad_fields_are_both_named(db: Database) -> None:
    with pytest.raises(PasswordPolicyInvalidError) as caught:
        policies.save_policy(db, _raw(min_length=2, change_interval_months=99), TODAY)
    assert set(caught.value.problems) == {"min_length", "change_interval_months"}
    assert "最小文字数" in caught.value.message("ja") and "変更の間隔(月)" in caught.value.message("ja")
    assert str(caught.value) == caught.value.message("en")


def test_a_stored_value_edited_outside_the_app_is_named(db: Database) -> None:
    settings.set_text(db, settings.PASSWORD_MIN_LENGTH, "x")
    with pytest.raises(PasswordPolicyInvalidError, match="Minimum length"):
        policies.load_policy(db)


def test_saving_mends_a_stored_value_edited_outside_the_app(db: Database) -> None:
    settings.set_text(db, settings.PASSWORD_MIN_LENGTH, "x")
    policies.save_policy(db, policies.guideline_values(), date(2026, 11, 27))
    assert policies.load_policy(db).min_length == 12


def test_saving_is_recorded_in_the_audit_trail(db: Database) -> None:
    from sme_guard.domain.audit import AuditEntry

    policies.save_policy(db, _raw(min_length=14, require_digits=False), TODAY)
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    with db.engine.connect() as connection:
        rows = connection.execute(select(table.c.action).where(table.c.table_name == "app_setting")).all()
    assert len(rows) == 7  # six policy keys and the date, each inserted
