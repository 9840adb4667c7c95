"""The registers' workflows from the guideline, one function per user action.

- media disposal (9②, 運用②③), with the NAND-flash warning
- smart-device settings check (10②③⑥, 運用①②)
- badge return / lost / revoke (sheet No.1)
- an employee leaving, and returning or reassigning what they hold, disabling their
  accounts (5 運用①); a transfer, with a review of their accounts
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from sme_guard.db.database import Database
from sme_guard.domain.codes import AccountStatus, BadgeStatus, DeviceStatus, DisposalMethod, MediumStatus
from sme_guard.domain.registers import (
    ACCOUNTS,
    BADGES,
    CLOUD_SERVICES,
    DEVICE_SECURITY_SETTINGS,
    DEVICES,
    MEDIA,
    PEOPLE,
    Register,
)
from sme_guard.errors import UserError
from sme_guard.services.registers import (
    Holding,
    RecordInvalidError,
    check_record,
    holdings_of,
    parse_record,
    people_index,
    table_of,
    write_record,
)
from sme_guard.services.values import Problem

# 9 運用③: on NAND flash, magnetic erasure and overwriting may leave data readable.
UNRELIABLE_ON_NAND = frozenset({DisposalMethod.MAGNETIC_ERASE.value, DisposalMethod.OVERWRITE.value})


def disposal_warning(nand_flash: bool, method: str | None) -> Problem | None:
    """The guideline's caution when a NAND-flash medium is to be erased magnetically or by overwrite."""
    if nand_flash and method in UNRELIABLE_ON_NAND:
        return Problem(
            "NAND型フラッシュメモリ(USBメモリー、SSD、SDカード等)は、磁気的な消去や上書き消去では"
            "情報を消去できないことがあります(9 運用③)。物理的破壊や暗号化消去を検討してください。",
            "NAND flash memory (USB sticks, SSDs, SD cards, ...) may keep data after magnetic erasure "
            "or overwriting (9, point ③). Consider physical destruction or cryptographic erasure.",
        )
    return None


def dispose_medium(database: Database, medium_id: int, raw: dict[str, Any]) -> None:
    """Record how a medium was made unreadable and mark it disposed (it stays in the register).

    ``raw`` holds the disposal fields by their register keys (``disposal_method``, ...).
    """
    with database.engine.begin() as connection:
        values, problems = parse_record(MEDIA, raw, people_index(connection))
        for key in ("disposal_disposed_on", "disposal_method"):
            if values.get(key) is None and key not in problems:
                problems[key] = Problem("入力してください", "required")
        problems.update(
            {k: v for k, v in check_record(connection, MEDIA, medium_id, values).items() if k not in problems}
        )
        if problems:
            raise RecordInvalidError(problems, MEDIA)
        values["status"] = MediumStatus.DISPOSED.value
        write_record(connection, MEDIA, medium_id, values)


def record_settings_check(database: Database, device_id: int, confirmed: Iterable[str], today: date) -> None:
    """Confirmed settings are recorded as on, with today as the date of the check (10 運用②).

    ``confirmed`` may hold the security settings plus ``jailbreak`` (10②) and ``autolink``
    (10 運用①), whose dates are set to today.
    """
    confirmed = set(confirmed)
    unknown = confirmed - set(DEVICE_SECURITY_SETTINGS) - {"jailbreak", "autolink"}
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    values: dict[str, Any] = {key: True for key in confirmed if key in DEVICE_SECURITY_SETTINGS}
    values["settings_checked_on"] = today
    if "jailbreak" in confirmed:
        values["jailbreak_checked_on"] = today
    if "autolink" in confirmed:
        values["autolink_checked_on"] = today
    with database.engine.begin() as connection:
        write_record(connection, DEVICES, device_id, values)


def set_badge_status(database: Database, badge_id: int, status: BadgeStatus, today: date) -> None:
    """Return, report lost, or revoke a badge; returning records the date."""
    values: dict[str, Any] = {"status": status.value}
    if status is BadgeStatus.RETURNED:
        values["returned_on"] = today
    with database.engine.begin() as connection:
        write_record(connection, BADGES, badge_id, values)


def mark_left(database: Database, person_id: int, left_on: date) -> list[Holding]:
    """Record that an employee left; returns what they still hold, to return or reassign."""
    with database.engine.begin() as connection:
        write_record(connection, PEOPLE, person_id, {"left_on": left_on})
        return holdings_of(connection, person_id)


def holdings(database: Database, person_id: int) -> list[Holding]:
    with database.engine.connect() as connection:
        return holdings_of(connection, person_id)


def return_item(database: Database, register: Register, record_id: int, today: date) -> None:
    """The leaver hands the item back: badges are returned, devices and media go to storage,
    accounts are disabled."""
    values: dict[str, Any]
    if register is BADGES:
        values = {"status": BadgeStatus.RETURNED.value, "returned_on": today}
    elif register is DEVICES:
        values = {"status": DeviceStatus.STORED.value, "user_id": None}
    elif register is MEDIA:
        values = {"status": MediumStatus.STORED.value, "custodian_id": None}
    elif register is ACCOUNTS:
        values = {"status": AccountStatus.DISABLED.value, "disabled_on": today}
    else:
        raise ValueError(register.key)
    with database.engine.begin() as connection:
        write_record(connection, register, record_id, values)


def reassign_item(database: Database, register: Register, record_id: int, person_id: int) -> None:
    """Hand the item over to another employee (who must not have left)."""
    if register is ACCOUNTS:
        raise UserError(
            "ユーザーIDは個人を特定できるよう一人ずつ付与します(5③)。引き継ぐ人には新しいIDを発行してください。",
            "A user ID identifies one person (5③): issue the colleague an ID of their own instead.",
        )
    person = table_of(PEOPLE)
    with database.engine.begin() as connection:
        left_on = connection.execute(select(person.c.left_on).where(person.c.id == person_id)).first()
        if left_on is None:
            raise UserError("その従業員は登録されていません。", "That employee is not registered.")
        if left_on[0] is not None:
            raise UserError(
                "退職した従業員には引き継げません。",
                "Items cannot be handed over to an employee who has left.",
            )
        assert register.holder_key
        write_record(connection, register, record_id, {register.holder_key: person_id})


def record_transfer(database: Database, person_id: int, department: str | None) -> list[Holding]:
    """An employee moved to another department (人事異動): their accounts, to review (5 運用①)."""
    with database.engine.begin() as connection:
        write_record(connection, PEOPLE, person_id, {"department": department or None})
        return accounts_of(connection, person_id)


def accounts(database: Database, person_id: int) -> list[Holding]:
    with database.engine.connect() as connection:
        return accounts_of(connection, person_id)


def accounts_of(connection: Connection, person_id: int) -> list[Holding]:
    return [h for h in holdings_of(connection, person_id) if h.register is ACCOUNTS]


def mark_reviewed(database: Database, register: Register, record_id: int, today: date) -> None:
    """A cloud service's levels or an account's rights were reviewed today."""
    if register not in (ACCOUNTS, CLOUD_SERVICES):
        raise ValueError(register.key)
    with database.engine.begin() as connection:
        write_record(connection, register, record_id, {"last_reviewed_on": today})
