"""The office's password policy (5⑥, sheet No.6), kept as office settings in the database.

Only the policy is stored here. A password typed into the checker never reaches a service:
``domain.password_policy.check_password`` looks at it on the GUI thread and forgets it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sme_guard.db.database import Database
from sme_guard.domain.password_policy import GUIDELINE_POLICY, PasswordPolicy
from sme_guard.services import settings
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.values import Problem, ValueProblemError, parse_bool, parse_date, parse_int

# Fewer than 4 characters is no policy at all; many systems accept no more than 128.
MIN_LENGTH_RANGE = (4, 128)
# 0: no scheduled change (the office may decide so; the checker and notice say it plainly).
CHANGE_MONTHS_RANGE = (0, 24)

# Field keys (those of PasswordPolicy) with their labels, for messages that name the field.
FIELDS: dict[str, tuple[str, str]] = {
    "min_length": ("最小文字数", "Minimum length"),
    "require_upper": ("英大文字", "Uppercase letters"),
    "require_lower": ("英小文字", "Lowercase letters"),
    "require_digits": ("数字", "Digits"),
    "require_symbols": ("記号", "Symbols"),
    "change_interval_months": ("変更の間隔(月)", "Change every (months)"),
}
_KEYS = {
    "min_length": settings.PASSWORD_MIN_LENGTH,
    "require_upper": settings.PASSWORD_REQUIRE_UPPER,
    "require_lower": settings.PASSWORD_REQUIRE_LOWER,
    "require_digits": settings.PASSWORD_REQUIRE_DIGITS,
    "require_symbols": settings.PASSWORD_REQUIRE_SYMBOLS,
    "change_interval_months": settings.PASSWORD_CHANGE_MONTHS,
}
_RANGES = {"min_length": MIN_LENGTH_RANGE, "change_interval_months": CHANGE_MONTHS_RANGE}


class PasswordPolicyInvalidError(DetailInvalidError):
    """The policy was not saved; ``problems`` maps each field key, the message names them."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        super().__init__(problems)
        self.ja = "パスワード方針を確認してください: " + "、".join(
            f"{FIELDS[key][0]}({problem.ja})" for key, problem in self.problems.items()
        )
        self.en = "Please check the password policy: " + "; ".join(
            f"{FIELDS[key][1]} ({problem.en})" for key, problem in self.problems.items()
        )
        self.args = (self.en,)


def _number(key: str, raw: Any, problems: dict[str, Problem]) -> int | None:
    low, high = _RANGES[key]
    wanted = Problem(f"{low}〜{high} の整数にしてください", f"must be a whole number from {low} to {high}")
    try:
        value = parse_int(raw)
    except ValueProblemError:
        problems[key] = wanted
        return None
    if value is None or not low <= value <= high:
        problems[key] = wanted
        return None
    return value


def _flag(key: str, raw: Any, problems: dict[str, Problem]) -> bool | None:
    try:
        return parse_bool(raw)
    except ValueProblemError as exc:
        problems[key] = exc.problem
        return None


def parse_policy(raw: Mapping[str, Any]) -> PasswordPolicy:
    """A policy from typed or stored values (both numbers are needed, a missing switch is off);
    ``PasswordPolicyInvalidError`` names each field that is out of range or unreadable."""
    problems: dict[str, Problem] = {}
    min_length = _number("min_length", raw.get("min_length"), problems)
    months = _number("change_interval_months", raw.get("change_interval_months"), problems)
    flags = {key: _flag(key, raw.get(key), problems) for key in _KEYS if key.startswith("require_")}
    if problems:
        raise PasswordPolicyInvalidError(problems)
    assert min_length is not None and months is not None
    return PasswordPolicy(
        min_length=min_length,
        require_upper=bool(flags["require_upper"]),
        require_lower=bool(flags["require_lower"]),
        require_digits=bool(flags["require_digits"]),
        require_symbols=bool(flags["require_symbols"]),
        change_interval_months=months,
    )


def load_policy(database: Database) -> PasswordPolicy:
    """The office's policy (control 5⑥'s example until the office sets its own)."""
    return parse_policy({field: settings.get_text(database, key) for field, key in _KEYS.items()})


def policy_changed_on(database: Database) -> date | None:
    """When the office last changed its policy (the notice's version); None: never."""
    return parse_date(settings.get_text(database, settings.PASSWORD_POLICY_CHANGED_ON) or None)


def save_policy(database: Database, raw: Mapping[str, Any], today: date) -> PasswordPolicy:
    """Validate and save the policy in one transaction; a real change dates it ``today``."""
    policy = parse_policy(raw)
    values = {
        key: str(int(value)) if isinstance(value, bool) else str(value)
        for key, value in ((_KEYS[field], getattr(policy, field)) for field in _KEYS)
    }
    try:
        changed = policy != load_policy(database)
    except PasswordPolicyInvalidError:  # a stored value damaged outside the app: this mends it
        changed = True
    if changed:
        values[settings.PASSWORD_POLICY_CHANGED_ON] = today.isoformat()
    settings.set_texts(database, values)
    return policy


def guideline_values() -> dict[str, Any]:
    """Control 5⑥'s example as form values (the policy dialog's "restore" button)."""
    return {field: getattr(GUIDELINE_POLICY, field) for field in _KEYS}
