"""Office-wide settings kept in the database (the command line and exports need them too)."""

from __future__ import annotations

from sqlalchemy import Table, select

from sme_guard.db.database import Database
from sme_guard.services.flags import DEFAULT_PATCH_MAX_AGE_DAYS

PATCH_MAX_AGE_DAYS = "devices.patch_max_age_days"
CONTACTS_CONFIRM_DAYS = "contacts.confirm_interval_days"  # 3 運用①: how often to re-check the tree
DEFAULTS = {PATCH_MAX_AGE_DAYS: str(DEFAULT_PATCH_MAX_AGE_DAYS), CONTACTS_CONFIRM_DAYS: "180"}


def _table() -> Table:
    from sme_guard.domain.stocktake import AppSetting

    table: Table = AppSetting.__table__  # type: ignore[attr-defined]
    return table


def get_int(database: Database, key: str) -> int:
    table = _table()
    with database.engine.connect() as connection:
        value = connection.execute(select(table.c.value).where(table.c.key == key)).scalar()
    return int(value if value is not None else DEFAULTS[key])


def set_int(database: Database, key: str, value: int) -> None:
    table = _table()
    with database.engine.begin() as connection:
        updated = connection.execute(
            table.update().where(table.c.key == key).values(value=str(value))
        ).rowcount
        if not updated:
            connection.execute(table.insert().values(key=key, value=str(value)))
