"""Checking an office's own control item or task sheet (独自の管理項目・業務シート) before it is
stored: a form's entry (``check_item``, ``check_sheet``: what the app decides is filled in, each
problem reported under its field path in Japanese and English) and the catalog with the
office's entries as a whole (``merged_catalog``: numbers in the own range and not taken, the
catalog schema's cross-checks). ``services.office_catalog`` stores what passes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeGuard, TypeVar

from pydantic import ValidationError

from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet, Text, circled
from sme_guard.errors import CatalogError, UserError
from sme_guard.services.values import Problem, ValueProblemError, parse_int

OWN_FIRST_NUMBER = 101


OWN_LAST_NUMBER = 999


ITEM_PREFIX = "own-"


SHEET_PREFIX = "own-sheet-"


# Problems that belong to the entry as a whole rather than to one field.
ENTRY_PROBLEM = "(entry)"


# Where damaged rows are said to be.
STORED_JA = "データベースの独自カタログ"


STORED_EN = "office catalog in the database"


# legend vocabulary of each coded field of a task sheet
SHEET_VOCABULARIES = {
    "entities": "entities",
    "impacts": "impacts",
    "threats": "threats",
    "responsibility": "responsibilities",
}


ITEM_TEXTS = ("title", "objective")


SHEET_TEXTS = ("title", "objective", "weakness", "risk_scenario")


SHEET_TEXT_LISTS = ("technical_measures", "human_measures", "points")


Entry = TypeVar("Entry", ControlItem, TaskSheet)


class OfficeEntryInvalidError(UserError):
    """An own item or sheet was not saved; ``problems`` maps each field path to what is wrong."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        ja = "; ".join(f"{key}: {p.ja}" for key, p in self.problems.items())
        en = "; ".join(f"{key}: {p.en}" for key, p in self.problems.items())
        super().__init__(f"入力内容を確認してください: {ja}", f"Please check: {en}")


def merged_catalog(
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    where: tuple[str, str] = (STORED_JA, STORED_EN),
) -> Catalog:
    """The base catalog with the office's entries after its own, validated as one catalog.

    A ``CatalogError`` names ``where`` the entries come from (ja, en), the entry and the field.
    """
    if not items and not sheets:
        return base
    where_ja, where_en = where
    errors = _number_clashes(base, items, sheets)
    if errors:
        detail = "; ".join(errors)
        raise CatalogError(f"{where_ja}: {detail}", f"{where_en}: {detail}")
    try:
        return Catalog(
            legend=base.legend,
            items=[*base.items, *items],
            sheets=[*base.sheets, *sheets],
            references=base.references,
        )
    except ValidationError as exc:
        detail = "; ".join(str(d["msg"]).removeprefix("Value error, ") for d in exc.errors())
        raise CatalogError(f"{where_ja}: {detail}", f"{where_en}: {detail}") from exc


def _number_clashes(base: Catalog, items: Sequence[ControlItem], sheets: Sequence[TaskSheet]) -> list[str]:
    # Items are referred to by number (related items, related measures), sheets are linked
    # by number: within each kind a number must name one entry.
    errors = []
    item_owner = {i.number: i.id for i in base.items}
    item_owner.update({r.number: r.id for r in base.references if r.number is not None})
    sheet_owner = {s.number: s.id for s in base.sheets}
    for entries, owner in ((items, item_owner), (sheets, sheet_owner)):
        for entry in entries:
            if not OWN_FIRST_NUMBER <= entry.number <= OWN_LAST_NUMBER:
                errors.append(
                    f"{entry.id}: number: own entries are numbered {OWN_FIRST_NUMBER}-{OWN_LAST_NUMBER}"
                )
            elif entry.number in owner:
                errors.append(f"{entry.id}: number: {entry.number} is already {owner[entry.number]}")
            owner.setdefault(entry.number, entry.id)
    return errors


def _plain(value: Any) -> Any:
    """A deep copy as plain dicts and lists, so the caller's data is never changed."""
    if isinstance(value, Mapping):
        return {key: _plain(v) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fill_text(value: Any) -> Any:
    """A text given in one language is used for the other too; a plain string for both."""
    if value is None:
        return {"ja": "", "en": ""}  # reported as "required" under the text's own key
    if isinstance(value, str):
        return {"ja": value, "en": value}
    if isinstance(value, dict):
        ja, en = value.get("ja"), value.get("en")
        if _blank(ja) and isinstance(en, str) and not _blank(en):
            value["ja"] = en
        elif _blank(en) and isinstance(ja, str) and not _blank(ja):
            value["en"] = ja
    return value


def _fill_texts(values: Any) -> Any:
    return [_fill_text(v) for v in values] if isinstance(values, list) else values


def _numbered(values: Any, entry_id: str, suffix: str) -> Any:
    """Measures or points numbered ①, ②, ... in the order given, with the ids that follow."""
    if not isinstance(values, list):
        return values
    result = []
    for no, value in enumerate(values, start=1):
        entry = {"text": value} if isinstance(value, str) else value
        if isinstance(entry, dict):
            entry["no"] = no
            entry["id"] = f"{entry_id}-{suffix}{no}"
            entry["text"] = _fill_text(entry.get("text"))
        result.append(entry)
    return result


def _item_names(catalog: Catalog, own_items: Sequence[ControlItem]) -> dict[int, Text]:
    names = {r.number: r.name for r in catalog.references if r.number is not None}
    names.update({i.number: i.title for i in [*catalog.items, *own_items]})
    return names


def _named(values: Any, names: Mapping[int, Text]) -> Any:
    """Related items named as the catalog names them where the form gives only the number."""
    if not isinstance(values, list):
        return values
    for value in values:
        if not isinstance(value, dict):
            continue
        name = value.get("name")
        empty = name is None or (
            isinstance(name, Mapping) and _blank(name.get("ja")) and _blank(name.get("en"))
        )
        number = value.get("item")
        if empty and isinstance(number, int) and number in names:
            value["name"] = names[number].model_dump()
        else:
            value["name"] = _fill_text(name)
    return values


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("入力してください", "required"),
    "string_too_short": ("入力してください", "required"),
    "too_short": ("1つ以上入力・選択してください", "give at least one"),
    "string_pattern_mismatch": ("形式が正しくありません", "not in the expected form"),
    "int_parsing": ("整数を入力してください", "must be a whole number"),
    "int_type": ("整数を入力してください", "must be a whole number"),
    "int_from_float": ("整数を入力してください", "must be a whole number"),
    "bool_parsing": ("はい・いいえで指定してください", "must be yes or no"),
    "bool_type": ("はい・いいえで指定してください", "must be yes or no"),
    "string_type": ("文字で入力してください", "must be text"),
    "list_type": ("一覧で指定してください", "must be a list"),
    "model_type": ("項目の形が正しくありません", "must be a set of fields"),
    "model_attributes_type": ("項目の形が正しくありません", "must be a set of fields"),
    "extra_forbidden": ("この項目はありません", "there is no such field"),
}


_VALUE_ERRORS: dict[str, tuple[str, str]] = {
    "a box is ticked twice": ("同じ項目が2回選ばれています", "a box is ticked twice"),
}


def _problem_key(loc: Sequence[int | str]) -> str:
    parts = [str(p) for p in loc]
    if len(parts) > 1 and parts[-1] in ("ja", "en"):
        parts.pop()  # a text is one field in the form, whichever language is missing
    return ".".join(parts) or ENTRY_PROBLEM


def _problem(detail: Mapping[str, Any]) -> Problem:
    kind = str(detail["type"])
    message = str(detail["msg"]).removeprefix("Value error, ")
    if kind == "greater_than_equal":
        limit = detail.get("ctx", {}).get("ge")
        return Problem(f"{limit} 以上にしてください", f"must be {limit} or more")
    if kind in _MESSAGES:
        return Problem(*_MESSAGES[kind])
    if kind == "value_error" and message in _VALUE_ERRORS:
        return Problem(*_VALUE_ERRORS[message])
    return Problem(f"正しくありません ({message})", message)


def _model_problems(model: type[Entry], data: dict[str, Any], problems: dict[str, Problem]) -> Entry | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for detail in exc.errors():
            key = _problem_key(detail["loc"])
            if key == ENTRY_PROBLEM and problems:
                continue  # the model's own checks repeat what is reported by field already
            problems.setdefault(key, _problem(detail))
        return None


def _own_number(
    raw: dict[str, Any],
    prefix: str,
    taken: Mapping[int, str],
    next_free: Callable[[], int],
    problems: dict[str, Problem],
) -> int:
    """The entry's number: given, read from its own id, or the next free one."""
    given = raw.get("number")
    entry_id = raw.get("id")
    if _blank(given) and isinstance(entry_id, str) and entry_id.startswith(prefix):
        given = entry_id.removeprefix(prefix)
    try:
        number = parse_int(given)
    except ValueProblemError as exc:
        problems["number"] = exc.problem
        return OWN_FIRST_NUMBER
    if number is None:
        return next_free()
    if not OWN_FIRST_NUMBER <= number <= OWN_LAST_NUMBER:
        problems["number"] = Problem(
            f"独自の番号は {OWN_FIRST_NUMBER}〜{OWN_LAST_NUMBER} です",
            f"own numbers are {OWN_FIRST_NUMBER} to {OWN_LAST_NUMBER}",
        )
        return OWN_FIRST_NUMBER
    if number in taken:
        problems["number"] = Problem(
            f"{number} はガイドラインの {taken[number]} の番号です",
            f"{number} is the number of the guideline's {taken[number]}",
        )
        return OWN_FIRST_NUMBER
    expected = f"{prefix}{number:02d}" if prefix == ITEM_PREFIX else f"{prefix}{number:03d}"
    if not _blank(entry_id) and entry_id != expected:
        problems["id"] = Problem(
            f"id {entry_id} が番号 {number} と一致しません", f"id {entry_id} does not match number {number}"
        )
    return number


def _codes_problems(raw: dict[str, Any], catalog: Catalog, problems: dict[str, Problem]) -> None:
    phase = raw.get("phase")
    phases = catalog.legend.codes("phases")
    if _blank(phase):
        problems["phase"] = Problem("区分を選んでください", "choose a phase")
    elif isinstance(phase, str) and phase not in phases:
        problems["phase"] = Problem(f"凡例にない区分です: {phase}", f"not a phase of the legend: {phase}")
    for field, vocabulary in SHEET_VOCABULARIES.items():
        codes = raw.get(field)
        if not isinstance(codes, list):
            continue
        if not codes:
            problems[field] = Problem("1つ以上選んでください", "tick at least one box")
            continue
        known = catalog.legend.codes(vocabulary)
        unknown = [c for c in codes if isinstance(c, str) and c not in known]  # others: the schema
        if unknown:
            problems[field] = Problem(
                f"凡例にない項目です: {', '.join(unknown)}", f"not in the legend: {', '.join(unknown)}"
            )


def _measure_numbers(catalog: Catalog, items: Sequence[ControlItem]) -> dict[int, set[int] | None]:
    """Every item number one may relate to, with its measure numbers (None: a reference)."""
    known: dict[int, set[int] | None] = {r.number: None for r in catalog.references if r.number is not None}
    known.update({i.number: {m.no for m in i.measures} for i in [*catalog.items, *items]})
    return known


def _integer(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _related_problems(
    raw: dict[str, Any], field: str, known: Mapping[int, set[int] | None], problems: dict[str, Problem]
) -> None:
    """Related items that are not in the catalog, measures those items do not have."""
    related = raw.get(field)
    for index, value in enumerate(related if isinstance(related, list) else []):
        number = value.get("item") if isinstance(value, dict) else None
        if not _integer(number):
            continue  # the schema reports it
        measures = value.get("measures")
        if not isinstance(measures, list) or not all(_integer(n) for n in measures):
            measures = []
        if number not in known:
            problems.setdefault(
                f"{field}.{index}.item",
                Problem(f"管理項目 {number} はカタログにありません", f"there is no control item {number}"),
            )
            problems.pop(f"{field}.{index}.name", None)  # it cannot be named either
            continue
        has = known[number]
        missing = [n for n in measures if has is not None and n not in has]
        if missing:
            marks = "、".join(circled(n) for n in missing)
            problems.setdefault(
                f"{field}.{index}.measures",
                Problem(
                    f"管理項目 {number} に管理策 {marks} はありません",
                    f"control item {number} has no measure {', '.join(circled(n) for n in missing)}",
                ),
            )


def _check_whole(
    base: Catalog, items: Sequence[ControlItem], sheets: Sequence[TaskSheet], problems: dict[str, Problem]
) -> None:
    """The last word: the catalog with the entry must validate as a whole."""
    try:
        merged_catalog(base, items, sheets)
    except CatalogError as exc:
        problems[ENTRY_PROBLEM] = Problem(exc.ja, exc.en)


def _replaced(entries: Sequence[Entry], entry: Entry) -> list[Entry]:
    result = [e for e in entries if e.id != entry.id]
    result.append(entry)
    result.sort(key=lambda e: e.number)
    return result


def check_item(
    data: Mapping[str, Any],
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    next_free: Callable[[], int],
) -> ControlItem:
    """``data`` from a form as a complete own control item, checked against ``base`` and the
    office's ``items`` and ``sheets``; ``next_free`` gives a number when the form has none."""
    problems: dict[str, Problem] = {}
    raw = _plain(data)
    numbers = {i.number: i.id for i in base.items}
    numbers.update({r.number: r.id for r in base.references if r.number is not None})
    number = _own_number(raw, ITEM_PREFIX, numbers, next_free, problems)
    raw.update(origin="office", number=number, id=f"{ITEM_PREFIX}{number:02d}")
    for field in ITEM_TEXTS:
        raw[field] = _fill_text(raw.get(field))
    raw["measures"] = _numbered(raw.get("measures", []), raw["id"], "m")
    raw["points"] = _numbered(raw.get("points", []), raw["id"], "p")
    if "related" in raw:
        raw["related"] = _named(raw["related"], _item_names(base, items))
    if isinstance(raw["measures"], list) and not raw["measures"]:
        problems["measures"] = Problem("管理策を1つ以上入力してください", "give at least one measure")
    item = _model_problems(ControlItem, raw, problems)
    known = _measure_numbers(base, items) | {number: None}
    _related_problems(raw, "related", known, problems)
    if item is None or problems:
        raise OfficeEntryInvalidError(problems)
    # Own sheets relating to measures this change removes.
    has = {m.no for m in item.measures}
    for sheet in sheets:
        for rel in sheet.related_measures:
            missing = [n for n in rel.measures if rel.item == item.number and n not in has]
            if missing:
                marks = "、".join(circled(n) for n in missing)
                problems.setdefault(
                    "measures",
                    Problem(
                        f"業務シート No.{sheet.number} ({sheet.title.ja}) が管理策 {marks} を参照しています",
                        f"task sheet No.{sheet.number} ({sheet.title.en}) relates to measure "
                        + ", ".join(circled(n) for n in missing),
                    ),
                )
    if not problems:
        _check_whole(base, _replaced(items, item), sheets, problems)
    if problems:
        raise OfficeEntryInvalidError(problems)
    return item


def check_sheet(
    data: Mapping[str, Any],
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    next_free: Callable[[], int],
) -> TaskSheet:
    """``data`` from a form as a complete own task sheet (see ``check_item``)."""
    problems: dict[str, Problem] = {}
    raw = _plain(data)
    numbers = {s.number: s.id for s in base.sheets}
    number = _own_number(raw, SHEET_PREFIX, numbers, next_free, problems)
    raw.update(origin="office", number=number, id=f"{SHEET_PREFIX}{number:03d}")
    for field in SHEET_TEXTS:
        raw[field] = _fill_text(raw.get(field))
    for field in SHEET_TEXT_LISTS:
        if field in raw:
            raw[field] = _fill_texts(raw[field])
    notes = raw.get("notes")
    if _blank(notes) or (isinstance(notes, Mapping) and all(_blank(v) for v in notes.values())):
        raw["notes"] = None
    else:
        raw["notes"] = _fill_text(notes)
    if "related_measures" in raw:
        raw["related_measures"] = _named(raw["related_measures"], _item_names(base, items))
    for field in SHEET_VOCABULARIES:
        raw.setdefault(field, [])  # an untouched group of check boxes: "tick at least one"
    _codes_problems(raw, base, problems)
    if not raw.get("technical_measures") and not raw.get("human_measures"):
        need = Problem("技術的対策か人的対策を1つ以上入力してください", "give a technical or a human measure")
        problems["technical_measures"] = problems["human_measures"] = need
    sheet = _model_problems(TaskSheet, raw, problems)
    _related_problems(raw, "related_measures", _measure_numbers(base, items), problems)
    if sheet is None or problems:
        raise OfficeEntryInvalidError(problems)
    _check_whole(base, items, _replaced(sheets, sheet), problems)
    if problems:
        raise OfficeEntryInvalidError(problems)
    return sheet
