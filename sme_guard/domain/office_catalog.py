"""The office's own control items and task sheets (独自の管理項目・業務シート).

Each row keeps one catalog entry as JSON, exactly as the pydantic model dumps it
(``ControlItem`` / ``TaskSheet`` with origin "office"), so it is validated by the same schema
as the bundled catalog whenever it is read. ``entry_id`` and ``number`` repeat the entry's id
and number for lookups and ordering.
"""

from __future__ import annotations

from sqlmodel import Field

from sme_guard.domain.base import Record

ITEM = "item"
SHEET = "sheet"


class OfficeCatalogEntry(Record, table=True):
    __tablename__ = "office_catalog_entry"

    kind: str  # ITEM or SHEET
    entry_id: str = Field(unique=True)  # own-101, own-sheet-101
    number: int
    data: str  # the entry as JSON: model_dump(mode="json")
