"""棚卸 (9 運用①, 10 運用②, sheet No.1): a dated count of one register, kept with its result."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record


class StockTake(Record, table=True):
    __tablename__ = "stock_take"

    register_key: str = Field(index=True)  # media / devices / badges
    started_on: date
    started_by: str | None = None
    finished_on: date | None = None
    found_count: int = 0
    missing_count: int = 0
    unchecked_count: int = 0
    note: str | None = None


class StockTakeItem(Record, table=True):
    __tablename__ = "stock_take_item"
    __table_args__ = (UniqueConstraint("stock_take_id", "asset_id"),)

    stock_take_id: int = Field(foreign_key="stock_take.id", index=True, ondelete="CASCADE")
    asset_id: int  # id in the register's table (kept even if the asset is deleted later)
    asset_number: str  # as it was at the start, for the kept result
    expected_location: str | None = None
    result: str | None = None  # "found" / "missing"; None = not checked yet
    found_location: str | None = None
