"""Office catalog files: an office's own items and sheets written to a YAML file in the
catalog's schema (``export_office_catalog``) and read back by another office
(``import_office_catalog``: every entry validated, then the catalog with them; all or nothing).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet
from sme_guard.errors import CatalogError, UserError
from sme_guard.services.catalog import bundled_catalog, entry_name, read_yaml, validated
from sme_guard.services.office_catalog import (
    office_entries,
    parse_rows,
    stored_rows,
    transaction,
    write_entry,
)
from sme_guard.services.office_catalog_checks import (
    ITEM_PREFIX,
    OWN_FIRST_NUMBER,
    OWN_LAST_NUMBER,
    SHEET_PREFIX,
    merged_catalog,
)

FILE_HEADER = (
    "# SMEガード独自カタログ (office catalog file): an office's own control items and task sheets.\n"
    "# Same fields as the app's catalog/items.yaml and catalog/sheets.yaml; every entry has origin: office.\n"
)


class OfficeCatalogWriteError(UserError):
    """The catalog file could not be written (folder missing or read-only)."""


@dataclass(frozen=True)
class ImportSummary:
    items_added: int = 0
    items_updated: int = 0
    sheets_added: int = 0
    sheets_updated: int = 0


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
    with transaction(database) as connection:
        rows = stored_rows(connection)
        items, sheets = parse_rows(rows)
        existing = {r.entry_id for r in rows}
        merged_items = {i.id: i for i in items} | {i.id: i for i in new_items}
        merged_sheets = {s.id: s for s in sheets} | {s.id: s for s in new_sheets}
        merged_catalog(
            base,
            sorted(merged_items.values(), key=lambda e: e.number),
            sorted(merged_sheets.values(), key=lambda e: e.number),
            (path.name, path.name),
        )
        written: list[ControlItem | TaskSheet] = [*new_items, *new_sheets]
        for entry in written:
            write_entry(connection, entry, existing)
    return ImportSummary(
        items_added=sum(i.id not in existing for i in new_items),
        items_updated=sum(i.id in existing for i in new_items),
        sheets_added=sum(s.id not in existing for s in new_sheets),
        sheets_updated=sum(s.id in existing for s in new_sheets),
    )
