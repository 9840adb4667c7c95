"""The office's password policy (パスワードポリシー) and the rules a typed password meets.

Control 5 (認証と権限) measure ⑥ gives the policy as an example: "12 文字以上に設定し、大文字、
小文字、数字、特殊文字の 4 つを組み合わせ、3 カ月に 1 度変更する". Task sheet No.6
(【パスワードポリシーの使用】) asks for it to be set in the authentication systems and made a
rule every user knows. The defaults below are that example; the office may set its own.

Character classes are those of the half-width (ASCII) keyboard, because that is what the
authentication systems the policy is for (Windows, web services) count: 大文字 A–Z, 小文字
a–z, 数字 0–9 and 特殊文字 the printable ASCII symbols (a space is allowed but is not a symbol).
A full-width letter (Ａ) or Japanese text counts as none of them; a separate, advisory result
tells the person, because many systems refuse such characters or treat them differently.

Everything here is pure: a password is looked at and forgotten, nothing is kept.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sme_guard.domain.catalog import Catalog, circled


@dataclass(frozen=True)
class PasswordPolicy:
    """The office's password policy; the defaults are control 5⑥'s example."""

    min_length: int = 12
    require_upper: bool = True
    require_lower: bool = True
    require_digits: bool = True
    require_symbols: bool = True
    change_interval_months: int = 3  # 0: no scheduled change


GUIDELINE_POLICY = PasswordPolicy()

UPPER = frozenset(string.ascii_uppercase)
LOWER = frozenset(string.ascii_lowercase)
DIGITS = frozenset(string.digits)
SYMBOLS = frozenset(string.punctuation)  # ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
HALF_WIDTH = UPPER | LOWER | DIGITS | SYMBOLS | {" "}


class Rule(StrEnum):
    LENGTH = "length"
    UPPER = "upper"
    LOWER = "lower"
    DIGITS = "digits"
    SYMBOLS = "symbols"
    HALF_WIDTH = "half_width"  # advisory: not part of the policy, but a common reason for refusal


@dataclass(frozen=True)
class RuleResult:
    """Whether a password meets one rule; ``advisory`` results are SME Guard's own hint."""

    key: Rule
    ja: str
    en: str
    met: bool
    advisory: bool = False

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


def _class_rules(policy: PasswordPolicy) -> list[tuple[Rule, frozenset[str], str, str]]:
    rules = [
        (policy.require_upper, Rule.UPPER, UPPER, "英大文字(A〜Z)を含む", "an uppercase letter (A–Z)"),
        (policy.require_lower, Rule.LOWER, LOWER, "英小文字(a〜z)を含む", "a lowercase letter (a–z)"),
        (policy.require_digits, Rule.DIGITS, DIGITS, "数字(0〜9)を含む", "a digit (0–9)"),
        (
            policy.require_symbols,
            Rule.SYMBOLS,
            SYMBOLS,
            "記号(! # $ % & など)を含む",
            "a symbol (! # $ % & …)",
        ),
    ]
    return [(key, chars, ja, en) for wanted, key, chars, ja, en in rules if wanted]


def check_password(password: str, policy: PasswordPolicy) -> list[RuleResult]:
    """Each rule of ``policy`` with whether ``password`` meets it, then the advisory half-width check.

    Length counts characters as typed (a full-width character is one).
    """
    present = set(password)
    results = [
        RuleResult(
            Rule.LENGTH,
            f"{policy.min_length}文字以上",
            f"at least {policy.min_length} characters",
            len(password) >= policy.min_length,
        )
    ]
    results += [
        RuleResult(key, ja, en, not present.isdisjoint(chars)) for key, chars, ja, en in _class_rules(policy)
    ]
    results.append(
        RuleResult(
            Rule.HALF_WIDTH,
            "半角の英数字・記号だけ(全角文字・日本語は使えないシステムが多い)",
            "half-width letters, digits and symbols only (many systems refuse full-width or Japanese characters)",
            present <= HALF_WIDTH,
            advisory=True,
        )
    )
    return results


def meets_policy(results: Sequence[RuleResult]) -> bool:
    """Every rule of the policy is met (advisory results aside)."""
    return all(result.met for result in results if not result.advisory)


def change_rule(policy: PasswordPolicy) -> tuple[str, str]:
    """How often the password is changed, as the notice and the checker say it."""
    months = policy.change_interval_months
    if months == 0:
        return "定期的な変更は求めない", "No scheduled change is required"
    if months == 1:
        return "1か月に1度変更する", "Change it every month"
    return f"{months}か月に1度変更する", f"Change it every {months} months"


def policy_rules(policy: PasswordPolicy) -> list[tuple[str, str]]:
    """The policy as sentences for staff (ja, en), in the order of control 5⑥."""
    rules = [(f"{policy.min_length}文字以上にする", f"Use at least {policy.min_length} characters")]
    rules += [
        (ja.removesuffix("を含む") + "を入れる", "Include " + en)
        for _key, _chars, ja, en in _class_rules(policy)
    ]
    rules.append(change_rule(policy))
    return rules


def weaker_than_guideline(policy: PasswordPolicy) -> list[tuple[str, str]]:
    """Where ``policy`` asks less than control 5⑥'s example (ja, en); empty when it does not."""
    example = GUIDELINE_POLICY
    weaker: list[tuple[str, str]] = []
    if policy.min_length < example.min_length:
        weaker.append((f"{example.min_length}文字未満", f"fewer than {example.min_length} characters"))
    for wanted, ja, en in (
        (policy.require_upper, "英大文字なし", "no uppercase letter"),
        (policy.require_lower, "英小文字なし", "no lowercase letter"),
        (policy.require_digits, "数字なし", "no digit"),
        (policy.require_symbols, "記号なし", "no symbol"),
    ):
        if not wanted:
            weaker.append((ja, en))
    months = policy.change_interval_months
    if months == 0 or months > example.change_interval_months:
        weaker.append(
            (
                f"変更の間隔が{example.change_interval_months}か月より長い",
                f"changed less often than every {example.change_interval_months} months",
            )
        )
    return weaker


@dataclass(frozen=True)
class Advice:
    """A point of the staff notice; ``source`` names where in the guideline it comes from,
    ``None`` for SME Guard's own general advice (which the excerpt does not contain)."""

    ja: str
    en: str
    source_ja: str | None = None
    source_en: str | None = None

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja

    def source(self, lang: str) -> str | None:
        return self.source_en if lang == "en" else self.source_ja


# Derived from task sheet No.6 (the excerpt's only other words on passwords besides 5⑥).
GUIDELINE_ADVICE = (
    Advice(
        "数字4桁のような簡単なパスワードは使わない。",
        "Do not use a simple password such as four digits.",
        "業務 No.6 現状のセキュリティレベル",
        "Task sheet No.6, current security level",
    ),
    Advice(
        "ログオンするときは、入力を人に覗き見されないようにする。",
        "When you log on, make sure nobody can watch you type the password.",
        "業務 No.6 リスクシナリオ",
        "Task sheet No.6, risk scenario",
    ),
    Advice(
        "システムがパスワードの変更を求めたら、このルールに沿ったパスワードに変更する。",
        "When a system asks you to change your password, choose one that follows these rules.",
        "業務 No.6 技術的対策",
        "Task sheet No.6, technical measure",
    ),
    Advice(
        "このルールは全員が守る。分からないことはシステム管理者に確認する。",
        "Everyone follows these rules. Ask the system administrator about anything unclear.",
        "業務 No.6 人的対策・運用で心がけるポイント",
        "Task sheet No.6, human measure and operational points",
    ),
)

# Common advice the guideline excerpt does not contain; the notice prints it apart, as SME Guard's.
GENERAL_ADVICE = (
    Advice("パスワードを人に教えない・共有しない。", "Do not tell your password to anyone or share it."),
    Advice(
        "人から見える所にパスワードを書いて置かない・貼らない。",
        "Do not write your password down where others can see it.",
    ),
    Advice(
        "ほかのサービスと同じパスワードを使い回さない。",
        "Do not reuse a password across services.",
    ),
    Advice(
        "漏れたおそれがあるときは、すぐに変更して、システム管理者に報告する。",
        "If your password may have leaked, change it at once and tell the system administrator.",
    ),
)


@dataclass(frozen=True)
class Quote:
    """A passage of the guideline printed as written (``text``), with where it is."""

    source: str
    text: str


def guideline_quotes(catalog: Catalog, lang: str) -> list[Quote]:
    """Control 5⑥ and task sheet No.6's risk scenario and human measure, from the catalog.

    A passage the catalog lacks (an edited catalog) is left out rather than invented.
    """
    quotes: list[Quote] = []
    item = catalog.item(5)
    if item is not None:
        for measure in item.measures:
            if measure.no == 6:
                title = item.title.get(lang)
                source = (
                    f"Control {item.number}. {title} {circled(6)}"
                    if lang == "en"
                    else f"管理策 {item.number}.{title} {circled(6)}"
                )
                quotes.append(Quote(source, measure.text.get(lang)))
    sheet = catalog.sheet(6)
    if sheet is not None:
        name = f"Task sheet No.{sheet.number}" if lang == "en" else f"業務 No.{sheet.number}"
        risk = "risk scenario" if lang == "en" else "リスクシナリオ"
        quotes.append(Quote(f"{name} {risk}", sheet.risk_scenario.get(lang)))
        human = "human measure" if lang == "en" else "人的対策"
        quotes += [Quote(f"{name} {human}", text.get(lang)) for text in sheet.human_measures]
    return quotes
