"""Stock-take printouts from the database: the sheet to walk around with, and a kept result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.domain.registers import Register
from sme_guard.exchange.pdf.stocktake import (
    SheetRow,
    StockTakeSummary,
    build_stocktake_result,
    build_stocktake_sheet,
)
from sme_guard.services import stocktake
from sme_guard.services.flags import FlagContext
from sme_guard.services.registers import RegisterRows, load_rows
from sme_guard.services.settings import office_name
from sme_guard.services.values import display

# What identifies an item to the person counting, besides its number.
DESCRIPTION = {"media": ("kind",), "devices": ("kind", "model"), "badges": ("medium", "areas")}


def _sheet_rows(rows: RegisterRows, lang: str, ids: list[int] | None = None) -> list[SheetRow]:
    register = rows.register
    position = {c.key: i for i, c in enumerate(rows.columns)}
    by_id = dict(zip(rows.ids, rows.rows, strict=True))

    def text(values: tuple[object, ...], key: str | None) -> str:
        if key is None:
            return ""
        return display(rows.columns[position[key]], values[position[key]], lang)

    result = []
    for record_id in ids if ids is not None else rows.ids:
        values = by_id.get(record_id)
        if values is None:  # deleted since the stock-take began
            continue
        assert register.number_key and register.status_key
        result.append(
            SheetRow(
                number=text(values, register.number_key),
                description=" ".join(t for t in (text(values, k) for k in DESCRIPTION[register.key]) if t),
                location=text(values, register.location_key),
                holder=text(values, register.holder_key),
                status=text(values, register.status_key),
                last_stocktake=text(values, "last_stocktake_on"),
            )
        )
    return result


def print_stocktake_sheet(database: Database, register: Register, path: Path, lang: str, today: date) -> int:
    """The sheet of every open item of the register, sorted by number; returns the item count."""
    rows = load_rows(database, register, FlagContext(today))
    assert register.status_key and register.number_key
    status, number = rows.index(register.status_key), rows.index(register.number_key)
    open_ids = [
        record_id
        for record_id, values in sorted(
            zip(rows.ids, rows.rows, strict=True), key=lambda pair: str(pair[1][number])
        )
        if values[status] not in register.closed_statuses
    ]
    sheet = _sheet_rows(rows, lang, open_ids)
    build_stocktake_sheet(path, register, sheet, lang=lang, printed_on=today, office=office_name(database))
    return len(sheet)


def print_stocktake_result(database: Database, stocktake_id: int, path: Path, lang: str) -> None:
    """The kept result of a stock-take: counts, then what was missing or not checked."""
    info = stocktake.info(database, stocktake_id)
    lines = stocktake.lines(database, stocktake_id)
    rows = load_rows(database, info.register, FlagContext(info.finished_on or info.started_on))

    def subset(result: str | None) -> list[SheetRow]:
        return _sheet_rows(rows, lang, [line.asset_id for line in lines if line.result == result])

    summary = StockTakeSummary(
        register_label=info.register.label(lang),
        started_on=info.started_on,
        finished_on=info.finished_on,
        started_by=info.started_by or "",
        found=subset("found"),
        missing=subset("missing"),
        unchecked=subset(None),
        register_key=info.register.key,
    )
    build_stocktake_result(path, summary, lang=lang, office=office_name(database))
