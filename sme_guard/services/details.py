"""Checking the lines that hang off a record (actions, contacts, steps, drills): each field's
problem is collected under its key, so a form can show it under the field."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sme_guard.errors import UserError
from sme_guard.services.values import (
    PeopleIndex,
    Problem,
    ValueProblemError,
    parse_date,
    parse_int,
    parse_text,
)


class DetailInvalidError(UserError):
    """A line was not saved; ``problems`` maps its fields."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        super().__init__("入力内容を確認してください。", "Please check the highlighted fields.")


def required_text(raw: Any, key: str, problems: dict[str, Problem]) -> str | None:
    text = parse_text(raw)
    if text is None:
        problems[key] = Problem("入力してください", "required")
    return text


def person_field(people: PeopleIndex, raw: Any, key: str, problems: dict[str, Problem]) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    try:
        return people.resolve(raw)
    except ValueProblemError as exc:
        problems[key] = exc.problem
        return None


def day_field(raw: Any, key: str, problems: dict[str, Problem]) -> date | None:
    try:
        return parse_date(raw)
    except ValueProblemError as exc:
        problems[key] = exc.problem
        return None


def int_field(raw: Any, key: str, problems: dict[str, Problem], minimum: int | None = 0) -> int | None:
    try:
        return parse_int(raw, minimum)
    except ValueProblemError as exc:
        problems[key] = exc.problem
        return None
