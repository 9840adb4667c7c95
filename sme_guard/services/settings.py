"""Office-wide settings kept in the database (the command line and exports need them too)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, Table, select

from sme_guard.db.backup import DEFAULT_KEEP, KEEP_SETTING
from sme_guard.db.database import Database
from sme_guard.domain.password_policy import GUIDELINE_POLICY
from sme_guard.services.flags import DEFAULT_PATCH_MAX_AGE_DAYS

PATCH_MAX_AGE_DAYS = "devices.patch_max_age_days"
CONTACTS_CONFIRM_DAYS = "contacts.confirm_interval_days"  # 3 運用①: how often to re-check the tree
OFFICE_NAME = "office.name"  # printed on labels, sheets and reports
OFFICE_REPRESENTATIVE = "office.representative"  # 代表者: who answers for the office (signs the policy)
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
# The highest number given to an own control item / task sheet (services/office_catalog.py).
OWN_ITEM_LAST_NUMBER = "catalog.own_item_last_number"
OWN_SHEET_LAST_NUMBER = "catalog.own_sheet_last_number"
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

# How the change history names each setting (the office settings dialog's words).
LABELS: dict[str, tuple[str, str]] = {
    PATCH_MAX_AGE_DAYS: ("パッチの期限(日)", "Patches older than (days)"),
    CONTACTS_CONFIRM_DAYS: ("緊急連絡網の確認の間隔(日)", "Confirm the contact tree every (days)"),
    OFFICE_NAME: ("事業所名", "Office name"),
    OFFICE_REPRESENTATIVE: ("代表者", "Representative"),
    OFFICE_MANAGER: ("アプリを使う担当者", "Who runs SME Guard"),
    SET_UP_ON: ("はじめにを終えた日", "Set up on"),
    BACKUPS_KEEP: ("残すバックアップの数", "Backups to keep"),
    PASSWORD_MIN_LENGTH: ("パスワードの最小の長さ", "Password minimum length"),
    PASSWORD_REQUIRE_UPPER: ("パスワードに英大文字", "Password needs uppercase letters"),
    PASSWORD_REQUIRE_LOWER: ("パスワードに英小文字", "Password needs lowercase letters"),
    PASSWORD_REQUIRE_DIGITS: ("パスワードに数字", "Password needs digits"),
    PASSWORD_REQUIRE_SYMBOLS: ("パスワードに記号", "Password needs symbols"),
    PASSWORD_CHANGE_MONTHS: ("パスワードの変更の間隔(月)", "Change the password every (months)"),
    PASSWORD_POLICY_CHANGED_ON: ("パスワード方針の変更日", "Password policy changed on"),
    OWN_ITEM_LAST_NUMBER: ("独自の管理項目の最後の番号", "Last number of an own control item"),
    OWN_SHEET_LAST_NUMBER: ("独自の業務シートの最後の番号", "Last number of an own task sheet"),
}
LABEL_SHEET_PREFIX = "labels.sheet."  # + the label sheet's key: its dimensions as the office set them


def label_of(key: str, lang: str) -> str:
    """A setting as people know it (the key itself for one this version does not know)."""
    if key.startswith(LABEL_SHEET_PREFIX):
        sheet = key.removeprefix(LABEL_SHEET_PREFIX)
        return f"Label sheet {sheet}: dimensions" if lang == "en" else f"ラベル用紙 {sheet}: 寸法"
    ja, en = LABELS.get(key, (key, key))
    return en if lang == "en" else ja


def _table() -> Table:
    from sme_guard.domain.settings import AppSetting

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
    with database.engine.begin() as connection:
        write_texts(connection, values)


def write_texts(connection: Connection, values: Mapping[str, str]) -> None:
    """Settings written inside a caller's transaction (a change that also moves a setting)."""
    table = _table()
    for key, value in values.items():
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


def office_representative(database: Database) -> str:
    """The office's representative (代表者) as the security policy names them ("" when not set)."""
    return get_text(database, OFFICE_REPRESENTATIVE)
