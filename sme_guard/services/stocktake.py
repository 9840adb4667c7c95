"""棚卸: count a register (9 運用①, 10 運用②, sheet No.1) and keep the result.

Start one per register (every item not disposed/returned is expected), mark each item found
(optionally where it really was) or missing, finish: found items get the finishing day as
their last stock-take and the corrected location; the counts and lines are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import Connection, Table, func, literal, select

from sme_guard.db.database import Database
from sme_guard.domain.registers import REGISTERS, Register
from sme_guard.errors import UserError
from sme_guard.services.registers import table_of
from sme_guard.services.values import ValueProblemError, parse_text

Result = Literal["found", "missing"]


def _tables() -> tuple[Table, Table]:
    from sme_guard.domain.stocktake import StockTake, StockTakeItem

    return StockTake.__table__, StockTakeItem.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class StockTakeInfo:
    id: int
    register: Register
    started_on: date
    started_by: str | None
    finished_on: date | None
    found: int
    missing: int
    unchecked: int


@dataclass(frozen=True)
class StockTakeLine:
    item_id: int
    asset_id: int
    number: str
    expected_location: str | None
    result: Result | None
    found_location: str | None


def open_stocktake(database: Database, register: Register) -> int | None:
    """The running (unfinished) stock-take of a register, if any."""
    takes, _items = _tables()
    query = (
        select(takes.c.id)
        .where(takes.c.register_key == register.key, takes.c.finished_on.is_(None))
        .order_by(takes.c.id.desc())
    )
    with database.engine.connect() as connection:
        return connection.execute(query).scalar()


def start_stocktake(database: Database, register: Register, started_by: str | None, today: date) -> int:
    """A new stock-take expecting every open item of the register."""
    if not register.stocktake or register.number_key is None or register.status_key is None:
        raise ValueError(f"{register.key} has no stock-take")
    if open_stocktake(database, register) is not None:
        raise UserError(
            "この台帳の棚卸はすでに実施中です。続けるか終了してください。",
            "A stock-take of this register is already running; continue or finish it.",
        )
    takes, items = _tables()
    assets = table_of(register)
    location_key = register.location_key
    location = assets.c[location_key] if location_key else literal(None)
    query = (
        select(assets.c.id, assets.c[register.number_key], location)
        .where(assets.c[register.status_key].not_in(register.closed_statuses))
        .order_by(assets.c[register.number_key])
    )
    with database.engine.begin() as connection:
        take_id = connection.execute(
            takes.insert().values(register_key=register.key, started_on=today, started_by=started_by)
        ).inserted_primary_key
        assert take_id is not None
        lines = [
            {
                "stock_take_id": take_id[0],
                "asset_id": row[0],
                "asset_number": row[1],
                "expected_location": row[2],
            }
            for row in connection.execute(query)
        ]
        if not lines:
            raise UserError("棚卸の対象がありません。", "There is nothing to count in this register.")
        connection.execute(items.insert(), lines)
    return int(take_id[0])


def lines(database: Database, stocktake_id: int) -> list[StockTakeLine]:
    _takes, items = _tables()
    query = (
        select(
            items.c.id,
            items.c.asset_id,
            items.c.asset_number,
            items.c.expected_location,
            items.c.result,
            items.c.found_location,
        )
        .where(items.c.stock_take_id == stocktake_id)
        .order_by(items.c.asset_number)
    )
    with database.engine.connect() as connection:
        return [StockTakeLine(*row) for row in connection.execute(query)]


def _found_location(register: Register, typed: str | None) -> str | None:
    """Where an item was found, as the register's location column takes it (its length)."""
    if register.location_key is None:
        return parse_text(typed)
    column = register.column(register.location_key)
    try:
        return parse_text(typed, column.max_length)
    except ValueProblemError as exc:
        raise UserError(f"{column.ja}: {exc.problem.ja}", f"{column.en}: {exc.problem.en}") from exc


def mark(database: Database, item_id: int, result: Result | None, found_location: str | None = None) -> None:
    """Mark one line found or missing (None clears it); only while the stock-take runs."""
    takes, items = _tables()
    with database.engine.begin() as connection:
        running = connection.execute(
            select(takes.c.finished_on, takes.c.register_key)
            .select_from(items.join(takes, takes.c.id == items.c.stock_take_id))
            .where(items.c.id == item_id)
        ).first()
        if running is None or running[0] is not None:
            raise UserError("この棚卸はすでに終了しています。", "This stock-take has already been finished.")
        location = _found_location(REGISTERS[running[1]], found_location)
        connection.execute(
            items.update()
            .where(items.c.id == item_id)
            .values(result=result, found_location=location if result == "found" else None)
        )


def finish_stocktake(database: Database, stocktake_id: int, today: date) -> StockTakeInfo:
    """Close the count: found items get today's date (and the corrected location)."""
    takes, items = _tables()
    with database.engine.begin() as connection:
        take = connection.execute(select(takes).where(takes.c.id == stocktake_id)).mappings().first()
        if take is None or take["finished_on"] is not None:
            raise UserError("この棚卸はすでに終了しています。", "This stock-take has already been finished.")
        register = REGISTERS[take["register_key"]]
        assets = table_of(register)
        location_key = register.location_key
        found = connection.execute(
            select(items.c.asset_id, items.c.found_location).where(
                items.c.stock_take_id == stocktake_id, items.c.result == "found"
            )
        ).all()
        for asset_id, found_location in found:
            values: dict[str, object] = {"last_stocktake_on": today}
            if location_key and found_location:
                values[location_key] = found_location
            connection.execute(assets.update().where(assets.c.id == asset_id).values(values))
        counts = _counts(connection, stocktake_id)
        connection.execute(
            takes.update()
            .where(takes.c.id == stocktake_id)
            .values(
                finished_on=today,
                found_count=counts.get("found", 0),
                missing_count=counts.get("missing", 0),
                unchecked_count=counts.get(None, 0),
            )
        )
    return info(database, stocktake_id)


def _counts(connection: Connection, stocktake_id: int) -> dict[str | None, int]:
    """How many lines are found, missing and (under None) not checked."""
    _takes, items = _tables()
    query = (
        select(items.c.result, func.count())
        .where(items.c.stock_take_id == stocktake_id)
        .group_by(items.c.result)
    )
    return {result: count for result, count in connection.execute(query)}


def info(database: Database, stocktake_id: int) -> StockTakeInfo:
    takes, _items = _tables()
    with database.engine.connect() as connection:
        take = connection.execute(select(takes).where(takes.c.id == stocktake_id)).mappings().one()
        counts = _counts(connection, stocktake_id)
    return StockTakeInfo(
        id=take["id"],
        register=REGISTERS[take["register_key"]],
        started_on=take["started_on"],
        started_by=take["started_by"],
        finished_on=take["finished_on"],
        found=counts.get("found", 0),
        missing=counts.get("missing", 0),
        unchecked=counts.get(None, 0),
    )


@dataclass(frozen=True)
class Identified:
    """What a number that is not on the running stock-take's list is."""

    register: Register
    record_id: int
    number: str
    status: str
    closed: bool  # disposed, returned or revoked


def identify(database: Database, number: str) -> list[Identified]:
    """Every media, device or badge record with this number (any case), open or closed."""
    found = []
    wanted = number.strip().lower()
    with database.engine.connect() as connection:
        for register in (r for r in REGISTERS.values() if r.stocktake):
            assert register.number_key and register.status_key
            assets = table_of(register)
            query = select(assets.c.id, assets.c[register.number_key], assets.c[register.status_key]).where(
                func.lower(assets.c[register.number_key]) == wanted
            )
            found += [
                Identified(register, row[0], row[1], row[2], row[2] in register.closed_statuses)
                for row in connection.execute(query)
            ]
    return found


def history(database: Database, register: Register) -> list[StockTakeInfo]:
    """Every stock-take of a register, newest first."""
    takes, _items = _tables()
    query = select(takes.c.id).where(takes.c.register_key == register.key).order_by(takes.c.id.desc())
    with database.engine.connect() as connection:
        ids = list(connection.execute(query).scalars())
    return [info(database, take_id) for take_id in ids]
