"""The office's own control items and task sheets (独自の管理項目・業務シート).

The bundled catalog (``catalog/*.yaml``) is read-only. An office adds its own entries with
the same schema: they are stored in the ``office_catalog_entry`` table as the pydantic
model's JSON, validated by the same models whenever they are read, assessed together with
the guideline's (``effective_catalog``) and shared with another office as a catalog file
(``export_office_catalog`` / ``import_office_catalog``).

Numbering rule: own items and own sheets are numbered from 101 (``OWN_FIRST_NUMBER``) to 999,
each kind on its own. A new entry takes the number after the highest one of its kind among
the bundled catalog (references included), the office's entries and the numbers given
before (kept in the office settings, so a deleted entry's number, and the ids its assessment
answers are stored under, is not given to a different entry). The guideline has 18 control
items and the excerpt's task sheets run to No.53, so an own number never is a guideline
number; should a later transcription reach 101, the clash is refused by name
(``effective_catalog``), never mixed up. The ids follow the numbers (``own-101``,
``own-sheet-101``), as the schema requires; 999 is the largest number the ids allow.

Entries in forms use the catalog schema's field names. ``save_item`` and ``save_sheet`` fill
in what the app decides (origin, id, measure and point numbers) and a text given in only one
language is used for both; a problem is reported under its field path (0-based list indices,
e.g. ``measures.1.text``), in Japanese and English, and nothing is written.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

import yaml
from pydantic import ValidationError
from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import DBAPIError

from sme_guard.db.database import Database
from sme_guard.db.engine import user_error_for
from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet, Text, circled
from sme_guard.domain.office_catalog import ITEM, SHEET, OfficeCatalogEntry
from sme_guard.domain.stocktake import AppSetting
from sme_guard.errors import CatalogError, UserError
from sme_guard.services.catalog import bundled_catalog, describe_error, entry_name, read_yaml, validated
from sme_guard.services.settings import OWN_ITEM_LAST_NUMBER, OWN_SHEET_LAST_NUMBER
from sme_guard.services.values import Problem, ValueProblemError, parse_int

OWN_FIRST_NUMBER = 101
OWN_LAST_NUMBER = 999
# Office settings keeping the highest number ever given, so that a deleted entry's number
# (and with it the ids its assessment answers are stored under) is not given again.
ISSUED_KEYS = {ITEM: OWN_ITEM_LAST_NUMBER, SHEET: OWN_SHEET_LAST_NUMBER}
ITEM_PREFIX = "own-"
SHEET_PREFIX = "own-sheet-"
# Problems that belong to the entry as a whole rather than to one field.
ENTRY_PROBLEM = "(entry)"
# Added to the title of a copied sheet, so that it is told apart from the original.
COPY_MARK = {"ja": "（写）", "en": " (copy)"}
FILE_HEADER = (
    "# SMEガード独自カタログ (office catalog file): an office's own control items and task sheets.\n"
    "# Same fields as the app's catalog/items.yaml and catalog/sheets.yaml; every entry has origin: office.\n"
)
# Where damaged rows are said to be.
_STORED_JA = "データベースの独自カタログ"
_STORED_EN = "office catalog in the database"
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


# ---------------------------------------------------------------- errors and results


class OfficeEntryInvalidError(UserError):
    """An own item or sheet was not saved; ``problems`` maps each field path to what is wrong."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        ja = "; ".join(f"{key}: {p.ja}" for key, p in self.problems.items())
        en = "; ".join(f"{key}: {p.en}" for key, p in self.problems.items())
        super().__init__(f"入力内容を確認してください: {ja}", f"Please check: {en}")


class OfficeEntryNotFoundError(UserError):
    def __init__(self, entry_id: str) -> None:
        super().__init__(
            f"{entry_id} は独自の管理項目・業務シートにありません(ガイドラインの項目は削除できません)。",
            f"{entry_id} is not one of the office's own items or sheets (guideline entries cannot be deleted).",
        )


class OfficeEntryInUseError(UserError):
    """An own item that other own entries relate to cannot be deleted."""


class OfficeNumbersExhaustedError(UserError):
    pass


class OfficeCatalogWriteError(UserError):
    """The catalog file could not be written (folder missing or read-only)."""


@dataclass(frozen=True)
class ImportSummary:
    items_added: int = 0
    items_updated: int = 0
    sheets_added: int = 0
    sheets_updated: int = 0


# ---------------------------------------------------------------- storage


def _table() -> Table:
    table: Table = OfficeCatalogEntry.__table__  # type: ignore[attr-defined]
    return table


def _settings() -> Table:
    table: Table = AppSetting.__table__  # type: ignore[attr-defined]
    return table


@contextmanager
def _transaction(database: Database) -> Iterator[Connection]:
    """One transaction; known SQLite failures become plain ``DatabaseError``s."""
    try:
        with database.engine.begin() as connection:
            yield connection
    except DBAPIError as exc:
        raise (user_error_for(exc, database.path) or exc) from exc


@contextmanager
def _reading(database: Database) -> Iterator[Connection]:
    try:
        with database.engine.connect() as connection:
            yield connection
    except DBAPIError as exc:
        raise (user_error_for(exc, database.path) or exc) from exc


@dataclass(frozen=True)
class _Row:
    kind: str
    entry_id: str
    number: int
    data: str


def _rows(connection: Connection) -> list[_Row]:
    table = _table()
    query = select(table.c.kind, table.c.entry_id, table.c.number, table.c.data).order_by(
        table.c.kind, table.c.number, table.c.entry_id
    )
    return [_Row(*row) for row in connection.execute(query)]


def _damaged(entry_id: str, ja: str, en: str) -> CatalogError:
    return CatalogError(f"{_STORED_JA}: {entry_id}: {ja}", f"{_STORED_EN}: {entry_id}: {en}")


def _parse_row(row: _Row) -> ControlItem | TaskSheet:
    """The stored entry, validated like a catalog file entry."""
    model: type[ControlItem] | type[TaskSheet]
    if row.kind == ITEM:
        model = ControlItem
    elif row.kind == SHEET:
        model = TaskSheet
    else:
        raise _damaged(row.entry_id, f"kind: 不明な種類 {row.kind!r}", f"kind: unknown kind {row.kind!r}")
    try:
        data = json.loads(row.data)
    except (json.JSONDecodeError, TypeError) as exc:
        raise _damaged(row.entry_id, f"JSON として読めません ({exc})", f"not valid JSON ({exc})") from exc
    try:
        entry = model.model_validate(data)
    except ValidationError as exc:
        detail = describe_error(exc)
        raise _damaged(row.entry_id, detail, detail) from exc
    for field, stored, found in (
        ("id", row.entry_id, entry.id),
        ("number", row.number, entry.number),
        ("origin", "office", entry.origin),
    ):
        if stored != found:
            raise _damaged(
                row.entry_id,
                f"{field}: {found!r} が行の {stored!r} と一致しません",
                f"{field}: {found!r} does not match the row's {stored!r}",
            )
    return entry


def _parse_rows(rows: Sequence[_Row]) -> tuple[list[ControlItem], list[TaskSheet]]:
    items: list[ControlItem] = []
    sheets: list[TaskSheet] = []
    for row in rows:
        entry = _parse_row(row)
        if isinstance(entry, ControlItem):
            items.append(entry)
        else:
            sheets.append(entry)
    return items, sheets


def _dump(entry: ControlItem | TaskSheet) -> str:
    return json.dumps(entry.model_dump(mode="json"), ensure_ascii=False)


def _issued(connection: Connection, kind: str) -> int:
    """The highest own number of ``kind`` ever given in this database."""
    settings = _settings()
    value = connection.execute(select(settings.c.value).where(settings.c.key == ISSUED_KEYS[kind])).scalar()
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0  # a hand-edited setting; the numbers of the stored entries still count


def _write(connection: Connection, entry: ControlItem | TaskSheet, existing: set[str]) -> None:
    """Insert the entry, or update the row with its id when ``existing`` holds it."""
    table = _table()
    kind = ITEM if isinstance(entry, ControlItem) else SHEET
    values = {"kind": kind, "entry_id": entry.id, "number": entry.number, "data": _dump(entry)}
    if entry.id in existing:
        connection.execute(table.update().where(table.c.entry_id == entry.id).values(**values))
        return
    connection.execute(table.insert().values(**values))
    issued = _issued(connection, kind)
    if entry.number > issued:
        settings = _settings()
        key = ISSUED_KEYS[kind]
        update = settings.update().where(settings.c.key == key).values(value=str(entry.number))
        if not connection.execute(update).rowcount:
            connection.execute(settings.insert().values(key=key, value=str(entry.number)))


# ---------------------------------------------------------------- reading


def office_entries(database: Database) -> tuple[list[ControlItem], list[TaskSheet]]:
    """The office's own items and sheets by number; a damaged row raises ``CatalogError``."""
    with _reading(database) as connection:
        rows = _rows(connection)
    return _parse_rows(rows)


def _merge(
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    where: tuple[str, str] = (_STORED_JA, _STORED_EN),
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


def effective_catalog(database: Database, base: Catalog | None = None) -> Catalog:
    """The catalog an office assesses against: the bundled one (or ``base``) and its own entries."""
    items, sheets = office_entries(database)
    return _merge(base or bundled_catalog(), items, sheets)


def _next_number(numbers: Sequence[int]) -> int:
    number = max([OWN_FIRST_NUMBER - 1, *numbers]) + 1
    if number > OWN_LAST_NUMBER:
        raise OfficeNumbersExhaustedError(
            f"独自の番号は {OWN_LAST_NUMBER} までです。使っていない項目を削除してください。",
            f"Own numbers end at {OWN_LAST_NUMBER}. Delete entries that are no longer used.",
        )
    return number


def _base_numbers(base: Catalog, kind: str) -> list[int]:
    if kind == SHEET:
        return [s.number for s in base.sheets]
    return [i.number for i in base.items] + [r.number for r in base.references if r.number is not None]


def _next_free(connection: Connection, base: Catalog, kind: str) -> int:
    table = _table()
    stored = connection.execute(select(table.c.number).where(table.c.kind == kind)).scalars()
    return _next_number([*_base_numbers(base, kind), *stored, _issued(connection, kind)])


def next_item_number(database: Database, base: Catalog | None = None) -> int:
    """The number a new own control item gets (see the numbering rule above)."""
    with _reading(database) as connection:
        return _next_free(connection, base or bundled_catalog(), ITEM)


def next_sheet_number(database: Database, base: Catalog | None = None) -> int:
    """The number a new own task sheet gets (see the numbering rule above)."""
    with _reading(database) as connection:
        return _next_free(connection, base or bundled_catalog(), SHEET)


# ---------------------------------------------------------------- checking a form's entry


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
        _merge(base, items, sheets)
    except CatalogError as exc:
        problems[ENTRY_PROBLEM] = Problem(exc.ja, exc.en)


def _replaced(entries: Sequence[Entry], entry: Entry) -> list[Entry]:
    result = [e for e in entries if e.id != entry.id]
    result.append(entry)
    result.sort(key=lambda e: e.number)
    return result


def _check_item(
    data: Mapping[str, Any],
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    next_free: Callable[[], int],
) -> ControlItem:
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


def _check_sheet(
    data: Mapping[str, Any],
    base: Catalog,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    next_free: Callable[[], int],
) -> TaskSheet:
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


# ---------------------------------------------------------------- user actions


def save_item(database: Database, data: Mapping[str, Any], base: Catalog | None = None) -> ControlItem:
    """Add or change (by number) an own control item; ``OfficeEntryInvalidError`` saves nothing.

    ``data`` has the fields of ``catalog/items.yaml``; origin, id and the measures' and
    points' ids and numbers are set here (measures and points in the order given). Without
    a number the item gets the next free one.
    """
    base = base or bundled_catalog()
    with _transaction(database) as connection:
        rows = _rows(connection)
        items, sheets = _parse_rows(rows)
        item = _check_item(data, base, items, sheets, lambda: _next_free(connection, base, ITEM))
        _write(connection, item, {r.entry_id for r in rows})
    return item


def save_sheet(database: Database, data: Mapping[str, Any], base: Catalog | None = None) -> TaskSheet:
    """Add or change (by number) an own task sheet; ``OfficeEntryInvalidError`` saves nothing.

    ``data`` has the fields of ``catalog/sheets.yaml`` (see ``blank_sheet_template``);
    origin and id are set here. Without a number the sheet gets the next free one.
    """
    base = base or bundled_catalog()
    with _transaction(database) as connection:
        rows = _rows(connection)
        items, sheets = _parse_rows(rows)
        sheet = _check_sheet(data, base, items, sheets, lambda: _next_free(connection, base, SHEET))
        _write(connection, sheet, {r.entry_id for r in rows})
    return sheet


def delete_entry(database: Database, entry_id: str) -> None:
    """Delete an own item or sheet; an item other own entries relate to is kept.

    A damaged row can be deleted too (that is how it is got rid of).
    """
    table = _table()
    with _transaction(database) as connection:
        rows = _rows(connection)
        target = next((r for r in rows if r.entry_id == entry_id), None)
        if target is None:
            raise OfficeEntryNotFoundError(entry_id)
        if target.kind == ITEM:
            users_ja, users_en = [], []
            for row in rows:
                if row.entry_id == entry_id:
                    continue
                try:
                    entry = _parse_row(row)
                except CatalogError:
                    continue  # a damaged row relates to nothing that can be shown
                if isinstance(entry, TaskSheet) and any(
                    r.item == target.number for r in entry.related_measures
                ):
                    users_ja.append(f"業務シート No.{entry.number} {entry.title.ja}")
                    users_en.append(f"task sheet No.{entry.number} {entry.title.en}")
                elif isinstance(entry, ControlItem) and any(r.item == target.number for r in entry.related):
                    users_ja.append(f"管理項目 {entry.number} {entry.title.ja}")
                    users_en.append(f"control item {entry.number} {entry.title.en}")
            if users_ja:
                raise OfficeEntryInUseError(
                    f"{entry_id} は次の項目から参照されているため削除できません: {'、'.join(users_ja)}",
                    f"{entry_id} cannot be deleted: it is referred to by {', '.join(users_en)}",
                )
        connection.execute(table.delete().where(table.c.entry_id == entry_id))


def copy_sheet(database: Database, sheet: TaskSheet, base: Catalog | None = None) -> TaskSheet:
    """A new own task sheet with every field of ``sheet`` (bundled or own) and a new number."""
    data = sheet.model_dump(mode="json")
    del data["id"], data["number"], data["origin"]
    data["title"] = {lang: data["title"][lang] + mark for lang, mark in COPY_MARK.items()}
    return save_sheet(database, data, base)


def blank_sheet_template(catalog: Catalog) -> dict[str, Any]:
    """A new sheet for the form: every field of the legend's template (0.凡例), empty.

    The number is None (``save_sheet`` gives the next free one) and no phase is chosen; the
    check boxes' choices are the legend's vocabularies (``catalog.legend``).
    """
    template: dict[str, Any] = {"number": None, "origin": "office", "phase": "", "title": _empty_text()}
    for field in catalog.legend.sheet_fields:
        if field.code in SHEET_VOCABULARIES or field.code in (*SHEET_TEXT_LISTS, "related_measures"):
            template[field.code] = []
        elif field.code in SHEET_TEXTS:
            template[field.code] = _empty_text()
        elif field.code == "notes":
            template[field.code] = None
    return template


def blank_item_template(catalog: Catalog) -> dict[str, Any]:
    """A new control item for the form: every field of the legend's template (0.2), empty."""
    template: dict[str, Any] = {"number": None, "origin": "office", "title": _empty_text()}
    for field in catalog.legend.item_fields:
        template[field.code] = _empty_text() if field.code in ITEM_TEXTS else []
    return template


def _empty_text() -> dict[str, str]:
    return {"ja": "", "en": ""}


# ---------------------------------------------------------------- catalog files


def _yaml_dump(data: Any) -> str:
    try:
        from yaml import CSafeDumper as Dumper
    except ImportError:  # pragma: no cover - depends on the PyYAML build
        from yaml import SafeDumper as Dumper  # type: ignore[assignment]
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _cannot_write(path: Path, exc: OSError) -> OfficeCatalogWriteError:
    why = exc.strerror or str(exc)
    return OfficeCatalogWriteError(
        f"{path} に書き込めません({why})。フォルダがあるか確認してください。",
        f"{path} cannot be written ({why}). Check that the folder exists.",
    )


def export_office_catalog(database: Database, path: Path) -> tuple[int, int]:
    """Write the office's own items and sheets to a catalog file; returns (items, sheets).

    The file has ``items:`` and ``sheets:`` in the schema of ``catalog/items.yaml`` and
    ``catalog/sheets.yaml``; it replaces ``path`` only when complete.
    """
    path = Path(path)
    items, sheets = office_entries(database)
    text = FILE_HEADER + _yaml_dump(
        {
            "items": [i.model_dump(mode="json") for i in items],
            "sheets": [s.model_dump(mode="json") for s in sheets],
        }
    )
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    return len(items), len(sheets)


def _file_error(file: str, entry: str, ja: str, en: str) -> CatalogError:
    return CatalogError(f"{file}: {entry}: {ja}", f"{file}: {entry}: {en}")


def _read_entries(path: Path) -> tuple[list[ControlItem], list[TaskSheet]]:
    file = path.name
    data = read_yaml(path)
    if not isinstance(data, dict) or not ({"items", "sheets"} & set(data)):
        raise CatalogError(
            f"{file}: 「items:」「sheets:」の一覧がありません。独自カタログのファイルではありません。",
            f"{file}: has no 'items:' or 'sheets:' list; it is not an office catalog file.",
        )
    unknown = sorted(str(k) for k in data if k not in ("items", "sheets"))
    if unknown:
        raise CatalogError(
            f"{file}: 不明な項目 {', '.join(unknown)}", f"{file}: unknown key {', '.join(unknown)}"
        )
    parsed: dict[str, list[Any]] = {}
    seen: set[str] = set()
    kinds: tuple[tuple[str, type[ControlItem | TaskSheet], str], ...] = (
        ("items", ControlItem, ITEM_PREFIX),
        ("sheets", TaskSheet, SHEET_PREFIX),
    )
    for key, model, prefix in kinds:
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise CatalogError(f"{file}: 「{key}:」は一覧にしてください", f"{file}: '{key}:' must be a list")
        parsed[key] = []
        for index, raw in enumerate(entries):
            name = entry_name(raw, index)
            if isinstance(raw, dict):
                if raw.get("origin") != "office":
                    raise _file_error(
                        file,
                        name,
                        f"origin: 独自の項目 (office) ではありません ({raw.get('origin', 'guideline')})。ガイドラインの項目は取り込めません",
                        f"origin: not an office entry ({raw.get('origin', 'guideline')}); guideline entries cannot be imported",
                    )
                if not str(raw.get("id", "")).startswith(prefix):
                    raise _file_error(
                        file,
                        name,
                        f"id: 独自の id は {prefix}... です",
                        f"id: an office entry's id is {prefix}...",
                    )
            entry = validated(model, raw, file, name)
            if not OWN_FIRST_NUMBER <= entry.number <= OWN_LAST_NUMBER:
                raise _file_error(
                    file,
                    name,
                    f"number: 独自の番号は {OWN_FIRST_NUMBER}〜{OWN_LAST_NUMBER} です",
                    f"number: own numbers are {OWN_FIRST_NUMBER} to {OWN_LAST_NUMBER}",
                )
            if entry.id in seen:
                raise _file_error(file, name, "ファイル内で2回出てきます", "appears twice in the file")
            seen.add(entry.id)
            parsed[key].append(entry)
    return parsed["items"], parsed["sheets"]


def import_office_catalog(database: Database, path: Path, base: Catalog | None = None) -> ImportSummary:
    """Add or update (by id) the own items and sheets of a catalog file: all of them or none.

    Every entry is validated like the bundled catalog, then the catalog with them; a
    ``CatalogError`` names the file, the entry and the field.
    """
    path = Path(path)
    base = base or bundled_catalog()
    new_items, new_sheets = _read_entries(path)
    with _transaction(database) as connection:
        rows = _rows(connection)
        items, sheets = _parse_rows(rows)
        existing = {r.entry_id for r in rows}
        merged_items = {i.id: i for i in items} | {i.id: i for i in new_items}
        merged_sheets = {s.id: s for s in sheets} | {s.id: s for s in new_sheets}
        _merge(
            base,
            sorted(merged_items.values(), key=lambda e: e.number),
            sorted(merged_sheets.values(), key=lambda e: e.number),
            (path.name, path.name),
        )
        written: list[ControlItem | TaskSheet] = [*new_items, *new_sheets]
        for entry in written:
            _write(connection, entry, existing)
    return ImportSummary(
        items_added=sum(i.id not in existing for i in new_items),
        items_updated=sum(i.id in existing for i in new_items),
        sheets_added=sum(s.id not in existing for s in new_sheets),
        sheets_updated=sum(s.id in existing for s in new_sheets),
    )
