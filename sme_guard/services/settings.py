"""Office-wide settings kept in the database (the command line and exports need them too)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table, select

from sme_guard.db.backup import DEFAULT_KEEP, KEEP_SETTING
from sme_guard.db.database import Database
from sme_guard.domain.password_policy import GUIDELINE_POLICY
from sme_guard.services.flags import DEFAULT_PATCH_MAX_AGE_DAYS

PATCH_MAX_AGE_DAYS = "devices.patch_max_age_days"
CONTACTS_CONFIRM_DAYS = "contacts.confirm_interval_days"  # 3 運用①: how often to re-check the tree
OFFICE_NAME = "office.name"  # printed on labels, sheets and reports
OFFICE_REPRESENTATIVE = "office.representative"  # 代表者: who answers for the office (reports)
OFFICE_MANAGER = "office.manager"  # who runs SME Guard (総務担当), asked at set-up
SET_UP_ON = "office.set_up_on"  # ISO date the first-start set-up was finished or skipped; "" before
BACKUPS_KEEP = KEEP_SETTING  # how many automatic backups of each kind the backups folder keeps
# The password policy (5⑥, sheet No.6; services/password_policy.py); booleans as "1"/"0".
PASSWORD_MIN_LENGTH = "password.min_length"
PASSWORD_REQUIRE_UPPER = "password.require_upper"
PASSWORD_REQUIRE_LOWER = "password.require_lower"
PASSWORD_REQUIRE_DIGITS = "password.require_digits"
PASSWORD_REQUIRE_SYMBOLS = "password.require_symbols"
PASSWORD_CHANGE_MONTHS = "password.change_interval_months"
PASSWORD_POLICY_CHANGED_ON = "password.policy_changed_on"  # ISO date, "" until first changed
DEFAULTS = {
    PATCH_MAX_AGE_DAYS: str(DEFAULT_PATCH_MAX_AGE_DAYS),
    CONTACTS_CONFIRM_DAYS: "180",
    OFFICE_NAME: "",
    OFFICE_REPRESENTATIVE: "",
    OFFICE_MANAGER: "",
    SET_UP_ON: "",
    BACKUPS_KEEP: str(DEFAULT_KEEP),
    PASSWORD_MIN_LENGTH: str(GUIDELINE_POLICY.min_length),
    PASSWORD_REQUIRE_UPPER: str(int(GUIDELINE_POLICY.require_upper)),
    PASSWORD_REQUIRE_LOWER: str(int(GUIDELINE_POLICY.require_lower)),
    PASSWORD_REQUIRE_DIGITS: str(int(GUIDELINE_POLICY.require_digits)),
    PASSWORD_REQUIRE_SYMBOLS: str(int(GUIDELINE_POLICY.require_symbols)),
    PASSWORD_CHANGE_MONTHS: str(GUIDELINE_POLICY.change_interval_months),
    PASSWORD_POLICY_CHANGED_ON: "",
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
    set_texts(database, {key: value})


def set_texts(database: Database, values: Mapping[str, str]) -> None:
    """Several settings in one transaction: all are saved or none."""
    table = _table()
    with database.engine.begin() as connection:
        for key, value in values.items():
            updated = connection.execute(
                table.update().where(table.c.key == key).values(value=value)
            ).rowcount
            if not updated:
                connection.execute(table.insert().values(key=key, value=value))


def get_int(database: Database, key: str) -> int:
    return int(get_text(database, key))


def set_int(database: Database, key: str, value: int) -> None:
    set_text(database, key, str(value))


def office_name(database: Database) -> str:
    """The office's name as printed on labels, sheets and reports ("" when not set)."""
    return get_text(database, OFFICE_NAME)
