"""Office-wide settings kept in the database (the command line and exports need them too)."""

from __future__ import annotations

from sqlalchemy import Table, select

from sme_guard.db.backup import DEFAULT_KEEP, KEEP_SETTING
from sme_guard.db.database import Database
from sme_guard.services.flags import DEFAULT_PATCH_MAX_AGE_DAYS

PATCH_MAX_AGE_DAYS = "devices.patch_max_age_days"
CONTACTS_CONFIRM_DAYS = "contacts.confirm_interval_days"  # 3 運用①: how often to re-check the tree
OFFICE_NAME = "office.name"  # printed on labels, sheets and reports
BACKUPS_KEEP = KEEP_SETTING  # how many automatic backups of each kind the backups folder keeps
DEFAULTS = {
    PATCH_MAX_AGE_DAYS: str(DEFAULT_PATCH_MAX_AGE_DAYS),
    CONTACTS_CONFIRM_DAYS: "180",
    OFFICE_NAME: "",
    BACKUPS_KEEP: str(DEFAULT_KEEP),
}


def _table() -> Table:
    from sme_guard.domain.stocktake import AppSetting

    table: Table = AppSetting.__table__  # type: ignore[attr-defined]
    return table


def get_text(database: Database, key: str, default: str | None = None) -> str:
    """The setting, or its default (``default`` for keys without one in ``DEFAULTS``)."""
    table = _table()
    with database.engine.connect() as connection:
        value = connection.execute(select(table.c.value).where(table.c.key == key)).scalar()
    if value is not None:
        return str(value)
    return default if default is not None else DEFAULTS[key]


def set_text(database: Database, key: str, value: str) -> None:
    table = _table()
    with database.engine.begin() as connection:
        updated = connection.execute(table.update().where(table.c.key == key).values(value=value)).rowcount
        if not updated:
            connection.execute(table.insert().values(key=key, value=value))


def get_int(database: Database, key: str) -> int:
    return int(get_text(database, key))


def set_int(database: Database, key: str, value: int) -> None:
    set_text(database, key, str(value))


def office_name(database: Database) -> str:
    """The office's name as printed on labels, sheets and reports ("" when not set)."""
    return get_text(database, OFFICE_NAME)
