"""The office's own control items and task sheets (独自の管理項目・業務シート).

The bundled catalog (``catalog/*.yaml``) is read-only. An office adds its own entries with
the same schema: they are stored in the ``office_catalog_entry`` table as the pydantic
model's JSON, validated by the same models whenever they are read, assessed together with
the guideline's (``effective_catalog``) and shared with another office as a catalog file
(``services.office_catalog_files``). This module stores and reads them and holds the user
actions; what an entry must satisfy is checked in ``services.office_catalog_checks``.

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
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import DBAPIError

from sme_guard.db.database import Database
from sme_guard.db.engine import user_error_for
from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet
from sme_guard.domain.office_catalog import ITEM, SHEET, OfficeCatalogEntry
from sme_guard.domain.settings import AppSetting
from sme_guard.errors import CatalogError, UserError
from sme_guard.services.catalog import bundled_catalog, describe_error
from sme_guard.services.office_catalog_checks import (
    ITEM_TEXTS,
    OWN_FIRST_NUMBER,
    OWN_LAST_NUMBER,
    SHEET_TEXT_LISTS,
    SHEET_TEXTS,
    SHEET_VOCABULARIES,
    STORED_EN,
    STORED_JA,
    check_item,
    check_sheet,
    merged_catalog,
)
from sme_guard.services.settings import OWN_ITEM_LAST_NUMBER, OWN_SHEET_LAST_NUMBER

# Office settings keeping the highest number ever given, so that a deleted entry's number
# (and with it the ids its assessment answers are stored under) is not given again.
ISSUED_KEYS = {ITEM: OWN_ITEM_LAST_NUMBER, SHEET: OWN_SHEET_LAST_NUMBER}
# Added to the title of a copied sheet, so that it is told apart from the original.
COPY_MARK = {"ja": "（写）", "en": " (copy)"}


# ---------------------------------------------------------------- errors and results


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


# ---------------------------------------------------------------- storage


def _table() -> Table:
    table: Table = OfficeCatalogEntry.__table__  # type: ignore[attr-defined]
    return table


def _settings() -> Table:
    table: Table = AppSetting.__table__  # type: ignore[attr-defined]
    return table


@contextmanager
def transaction(database: Database) -> Iterator[Connection]:
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
class StoredRow:
    kind: str
    entry_id: str
    number: int
    data: str


def stored_rows(connection: Connection) -> list[StoredRow]:
    table = _table()
    query = select(table.c.kind, table.c.entry_id, table.c.number, table.c.data).order_by(
        table.c.kind, table.c.number, table.c.entry_id
    )
    return [StoredRow(*row) for row in connection.execute(query)]


def _damaged(entry_id: str, ja: str, en: str) -> CatalogError:
    return CatalogError(f"{STORED_JA}: {entry_id}: {ja}", f"{STORED_EN}: {entry_id}: {en}")


def _parse_row(row: StoredRow) -> ControlItem | TaskSheet:
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


def parse_rows(rows: Sequence[StoredRow]) -> tuple[list[ControlItem], list[TaskSheet]]:
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


def write_entry(connection: Connection, entry: ControlItem | TaskSheet, existing: set[str]) -> None:
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
        rows = stored_rows(connection)
    return parse_rows(rows)


def effective_catalog(database: Database, base: Catalog | None = None) -> Catalog:
    """The catalog an office assesses against: the bundled one (or ``base``) and its own entries."""
    items, sheets = office_entries(database)
    return merged_catalog(base or bundled_catalog(), items, sheets)


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


# ---------------------------------------------------------------- user actions


def save_item(database: Database, data: Mapping[str, Any], base: Catalog | None = None) -> ControlItem:
    """Add or change (by number) an own control item; ``OfficeEntryInvalidError`` saves nothing.

    ``data`` has the fields of ``catalog/items.yaml``; origin, id and the measures' and
    points' ids and numbers are set here (measures and points in the order given). Without
    a number the item gets the next free one.
    """
    base = base or bundled_catalog()
    with transaction(database) as connection:
        rows = stored_rows(connection)
        items, sheets = parse_rows(rows)
        item = check_item(data, base, items, sheets, lambda: _next_free(connection, base, ITEM))
        write_entry(connection, item, {r.entry_id for r in rows})
    return item


def save_sheet(database: Database, data: Mapping[str, Any], base: Catalog | None = None) -> TaskSheet:
    """Add or change (by number) an own task sheet; ``OfficeEntryInvalidError`` saves nothing.

    ``data`` has the fields of ``catalog/sheets.yaml`` (see ``blank_sheet_template``);
    origin and id are set here. Without a number the sheet gets the next free one.
    """
    base = base or bundled_catalog()
    with transaction(database) as connection:
        rows = stored_rows(connection)
        items, sheets = parse_rows(rows)
        sheet = check_sheet(data, base, items, sheets, lambda: _next_free(connection, base, SHEET))
        write_entry(connection, sheet, {r.entry_id for r in rows})
    return sheet


def delete_entry(database: Database, entry_id: str) -> None:
    """Delete an own item or sheet; an item other own entries relate to is kept.

    A damaged row can be deleted too (that is how it is got rid of).
    """
    table = _table()
    with transaction(database) as connection:
        rows = stored_rows(connection)
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
