"""Turning what a person typed (in a form or an Excel cell) into a register value.

Forms and the Excel import share these parsers, so "2024/4/1", "令和6年4月1日", "１２" or
"はい" mean the same wherever they are typed. A value that cannot be read gives a ``Problem``
naming what was expected, in Japanese and English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sme_guard.domain.codes import label
from sme_guard.domain.registers import Column
from sme_guard.domain.text import fold


@dataclass(frozen=True)
class Problem:
    ja: str
    en: str

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class ValueProblemError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.en)
        self.problem = problem


def _problem(ja: str, en: str) -> ValueProblemError:
    return ValueProblemError(Problem(ja, en))


# Japanese eras by their first day; 元年 is year 1.
ERAS = {
    "令和": date(2019, 5, 1),
    "平成": date(1989, 1, 8),
    "昭和": date(1926, 12, 25),
    "r": date(2019, 5, 1),
    "h": date(1989, 1, 8),
    "s": date(1926, 12, 25),
}
_ERA_PATTERN = re.compile(
    r"^(令和|平成|昭和|[rhs])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$"
)
_DATE_PATTERN = re.compile(
    r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$"
)
EXCEL_EPOCH = date(1899, 12, 30)
TRUE_WORDS = {"はい", "○", "〇", "◯", "✓", "✔", "有", "あり", "済", "yes", "y", "true", "1", "on", "x"}
FALSE_WORDS = {"いいえ", "×", "✕", "無", "なし", "未", "no", "n", "false", "0", "off", "-"}


def normalize(text: str) -> str:
    """Full-width digits and letters to half-width, trimmed (what a user means)."""
    return unicodedata.normalize("NFKC", text).strip()


def _impossible(text: str) -> ValueProblemError:
    return _problem(f"「{text}」は存在しない日付です", f"'{text}' is not a real date")


def parse_date(raw: Any) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 1 <= raw < 2_958_466:  # an Excel serial day number (1900-01-01 .. 9999-12-31)
            return EXCEL_EPOCH + timedelta(days=int(raw))
        raise _problem(f"{raw} は日付として読めません", f"{raw} cannot be read as a date")
    text = normalize(str(raw)).lower()
    if not text:
        return None
    try:
        if match := _DATE_PATTERN.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _ERA_PATTERN.match(text):
            year = 1 if match[2] == "元" else int(match[2])
            result = date(ERAS[match[1]].year + year - 1, int(match[3]), int(match[4]))
            if result < ERAS[match[1]]:
                raise _impossible(str(raw))
            return result
    except ValueError as exc:
        if isinstance(exc, ValueProblemError):
            raise
        raise _impossible(str(raw)) from exc
    raise _problem(
        f"「{raw}」は日付として読めません(例: 2024/4/1、令和6年4月1日)",
        f"'{raw}' cannot be read as a date (e.g. 2024-04-01, 2024/4/1)",
    )


# 14:30, 14:30:15, 14時30分, 14時30分15秒 after the date.
_TIME_PATTERN = re.compile(r"^(.*?)[\st]+(\d{1,2})[:時](\d{2})(?::(\d{2})|分(?:(\d{2})秒)?)?$")


def parse_datetime(raw: Any) -> datetime | None:
    """A local wall-clock time as typed or as Excel stores it; returned time-zone aware.

    The date may be written any way ``parse_date`` reads; the time (14:30, 14時30分) is
    optional and means midnight when left out.
    """
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else _local(raw, raw)  # naive = this PC's local time
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        day = parse_date(raw)  # an Excel serial day; refuses infinity and NaN, too
        assert day is not None
        seconds = round((raw - int(raw)) * 86400)
        return _local(datetime.combine(day, datetime.min.time()) + timedelta(seconds=seconds), raw)
    text = normalize(str(raw)).lower()  # "2026-11-27T14:30" as ISO writes it
    match = _TIME_PATTERN.match(text)
    day = parse_date(match[1] if match else text)
    if day is None:
        return None
    hour, minute, second = (
        (int(match[2]), int(match[3]), int(match[4] or match[5] or 0)) if match else (0, 0, 0)
    )
    try:
        moment = datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError as exc:
        raise _problem(f"「{raw}」の時刻は存在しません", f"'{raw}' has no such time of day") from exc
    return _local(moment, raw)


def _local(moment: datetime, raw: Any) -> datetime:
    """A wall-clock time on this PC, made aware; Python cannot place year 1 on the clock."""
    try:
        return moment.astimezone()
    except (ValueError, OverflowError) as exc:
        raise _impossible(str(raw)) from exc


def format_datetime(value: datetime | str) -> str:
    """Local "2026-11-27 14:30"; a string is a UTC time as the database stores it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


INT_LIMIT = 2**63  # SQLite stores 64-bit integers; a larger one cannot be saved
INT_DIGITS = len(str(INT_LIMIT))


def _out_of_range(raw: Any) -> ValueProblemError:
    return _problem(f"「{raw}」は扱える範囲を超えています", f"'{raw}' is out of range")


def parse_int(raw: Any, minimum: int | None = None) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise _problem(f"{raw} は数値ではありません", f"{raw} is not a number")
    if isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, int):
        value = raw
    else:
        text = normalize(str(raw)).replace(",", "")
        if not text:
            return None
        if not re.fullmatch(r"[+-]?\d+", text):
            raise _problem(f"「{raw}」は整数ではありません", f"'{raw}' is not a whole number")
        if len(text.lstrip("+-").lstrip("0")) > INT_DIGITS:  # int() refuses 4,300 digits
            raise _out_of_range(raw)
        value = int(text)
    if not -INT_LIMIT <= value < INT_LIMIT:
        raise _out_of_range(raw)
    if minimum is not None and value < minimum:
        raise _problem(f"{minimum} 以上にしてください({value})", f"must be {minimum} or more ({value})")
    return value


def parse_number(raw: Any, minimum: int | None = None) -> float | None:
    """A decimal number such as 0.5 or ４; commas as thousands separators."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise _problem(f"{raw} は数値ではありません", f"{raw} is not a number")
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = normalize(str(raw)).replace(",", "")
        if not text:
            return None
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise _problem(f"「{raw}」は数値ではありません", f"'{raw}' is not a number")
        value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise _problem(f"「{raw}」は数値ではありません", f"'{raw}' is not a number")
    if minimum is not None and value < minimum:
        raise _problem(f"{minimum} 以上にしてください({raw})", f"must be {minimum} or more ({raw})")
    return value


def format_decimal(value: float | int) -> str:
    """4.0 as "4", 0.5 as "0.5": hours read as people write them."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def parse_bool(raw: Any) -> bool:
    if raw is None or raw == "":
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return raw != 0
    text = fold(normalize(str(raw)))
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS or not text:
        return False
    raise _problem(f"「{raw}」ははい/いいえとして読めません", f"'{raw}' is not yes or no")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def sql_lower(text: str) -> str:
    """Lower case as SQLite's lower() does (ASCII letters only), so that a name compared in
    Python matches the same names as one compared in SQL (Ｇｍａｉｌ and ｇｍａｉｌ stay two)."""
    return text.translate(_ASCII_LOWER)


def parse_text(raw: Any, max_length: int | None = None) -> str | None:
    """Text as typed, trimmed; ``max_length`` characters at most (a column's ``max_length``)."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)  # Excel stores 123 typed in a text column as 123.0
    if isinstance(raw, datetime | date):
        raw = raw.isoformat()
    text = str(raw).strip()
    if max_length is not None and len(text) > max_length:
        raise _problem(
            f"{max_length:,} 文字以内にしてください({len(text):,} 文字あります)",
            f"at most {max_length:,} characters, please ({len(text):,} given)",
        )
    return text or None


@cache
def code_labels(column: Column) -> dict[str, str]:
    """Folded code, Japanese label and English label -> code (built once per column)."""
    assert column.codes is not None
    lookup = {}
    for member in column.codes:
        for key in (member.value, label(member, "ja"), label(member, "en")):
            lookup[fold(normalize(key))] = member.value
    return lookup


def parse_code(column: Column, raw: Any) -> str | None:
    text = parse_text(raw)
    if text is None:
        return None
    code = code_labels(column).get(fold(normalize(text)))
    if code is None:
        assert column.codes is not None
        allowed_ja = "、".join(label(m, "ja") for m in column.codes)
        allowed_en = ", ".join(label(m, "en") for m in column.codes)
        raise _problem(
            f"「{text}」は選べません({allowed_ja} のいずれか)", f"'{text}' is not one of: {allowed_en}"
        )
    return code


class PeopleIndex:
    """Employees by folded name, to resolve a name typed in a sheet to one person."""

    def __init__(self, people: Iterable[tuple[int, str]]) -> None:
        self.names: dict[int, str] = {}
        self._by_name: dict[str, list[int]] = {}
        for person_id, name in people:
            self.names[person_id] = name
            self._by_name.setdefault(self.key(name), []).append(person_id)

    @staticmethod
    def key(name: str) -> str:
        return "".join(fold(normalize(name)).split())  # "山田 太郎" == "山田太郎"

    def resolve(self, raw: Any) -> int | None:
        name = parse_text(raw)
        if name is None:
            return None
        matches = self._by_name.get(self.key(name), [])
        if not matches:
            raise _problem(f"従業員「{name}」が見つかりません", f"no employee named '{name}'")
        if len(matches) > 1:
            raise _problem(f"従業員「{name}」が複数います", f"more than one employee is named '{name}'")
        return matches[0]


# How a cell or a field lists several names: Japanese or Western commas, or one per line.
NAME_SEPARATORS = re.compile(r"[、,，\n]")


def parse_names(raw: Any) -> tuple[str, ...]:
    """Names of linked records from a cell ("A、B") or a form (a list), in order, once each."""
    parts = raw if isinstance(raw, (list, tuple)) else NAME_SEPARATORS.split(parse_text(raw) or "")
    names: dict[str, None] = {}
    for part in parts:
        name = parse_text(part)
        if name:
            names.setdefault(name)
    return tuple(names)


# ---------------------------------------------------------------- the form of a text value
#
# Forms and imports alike (a column's ``text_form``): フリガナ is kept as full-width katakana
# whatever was typed (half-width ｽｽﾞｷ, hiragana すずき); an e-mail address, a phone number and
# a postcode must look like one, and are kept in one way of writing.

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(ord("ぁ"), ord("ゖ") + 1)}
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9]+(-[0-9]+)*$")
_POSTCODE = re.compile(r"^〒?\s*(\d{3})-?(\d{4})$")


def parse_kana(raw: Any) -> str | None:
    """Full-width katakana: half-width kana are widened (NFKC), hiragana turned to katakana;
    spaces become one full-width space between names."""
    text = parse_text(raw)
    if text is None:
        return None
    widened = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return "\u3000".join(widened.split())


def parse_email(raw: Any) -> str | None:
    text = parse_text(raw)
    if text is None:
        return None
    address = normalize(text)
    if not _EMAIL.match(address):
        raise _problem(
            f"「{text}」はメールアドレスの形ではありません(例: yamada@example.co.jp)",
            f"'{text}' is not an e-mail address (e.g. yamada@example.co.jp)",
        )
    return address


def parse_phone(raw: Any) -> str | None:
    """Digits with hyphens (03-1234-5678, +81-3-1234-5678); brackets and spaces read as hyphens."""
    text = parse_text(raw)
    if text is None:
        return None
    number = re.sub(r"[\s()（）]+", "-", normalize(text).replace("ー", "-").replace("−", "-")).strip("-")
    number = re.sub(r"-{2,}", "-", number)
    if not _PHONE.match(number) or not 6 <= sum(c.isdigit() for c in number) <= 15:
        raise _problem(
            f"「{text}」は電話番号の形ではありません(例: 03-1234-5678)",
            f"'{text}' is not a phone number (e.g. 03-1234-5678)",
        )
    return number


def parse_postcode(raw: Any) -> str | None:
    """A Japanese postcode, kept as 123-4567 (〒, full-width digits and no hyphen accepted)."""
    text = parse_text(raw)
    if text is None:
        return None
    match = _POSTCODE.match(normalize(text))
    if not match:
        raise _problem(
            f"「{text}」は郵便番号の形ではありません(例: 100-0001)",
            f"'{text}' is not a postcode (e.g. 100-0001)",
        )
    return f"{match[1]}-{match[2]}"


TEXT_FORMS = {"kana": parse_kana, "email": parse_email, "phone": parse_phone, "postcode": parse_postcode}


def parse_value(column: Column, raw: Any, people: PeopleIndex) -> Any:
    """The stored value for ``raw`` in ``column``; raises ``ValueProblemError``."""
    if column.kind == "date":
        return parse_date(raw)
    if column.kind == "datetime":
        return parse_datetime(raw)
    if column.kind == "int":
        return parse_int(raw, column.minimum)
    if column.kind == "number":
        return parse_number(raw, column.minimum)
    if column.kind == "bool":
        return parse_bool(raw)
    if column.kind == "code":
        return parse_code(column, raw)
    if column.kind == "links":
        return parse_names(raw)
    if column.kind == "person":
        if isinstance(raw, int) and not isinstance(raw, bool) and raw in people.names:
            return raw
        return people.resolve(raw)
    text = parse_text(raw, column.max_length)
    if column.text_form is not None:
        return TEXT_FORMS[column.text_form](text)
    return text


def display(column: Column, value: Any, lang: str, people_names: dict[int, str] | None = None) -> str:
    """How a stored value reads in a table cell or a form."""
    if value is None:
        return ""
    if column.kind == "bool":
        return "✓" if value else ""
    if column.kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if column.kind == "datetime":
        return format_datetime(value)
    if column.kind == "code" and column.codes is not None:
        try:
            return label(column.codes(value), lang)
        except ValueError:
            return str(value)
    if column.kind == "person" and people_names is not None:
        return people_names.get(value, "")
    if column.kind == "number":
        return format_decimal(value)
    if column.kind == "links" and isinstance(value, (list, tuple)):
        return "、".join(value)
    return str(value)
