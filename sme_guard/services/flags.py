"""What a register row needs attention for: the guideline's conditions as flags.

- media: long-term backup past its migration date (9⑤); lost; held by a leaver
- devices: a 10③④⑤ setting off; patches older than the office's limit (10⑥); held by a leaver
- badges: not returned although the holder left (sheet No.1); past its validity
- people: left but still holding badges, devices or media (5 運用①)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sme_guard.domain.registers import DEVICE_SECURITY_SETTINGS, Column, Register

DEFAULT_PATCH_MAX_AGE_DAYS = 90


class Flag(StrEnum):
    MIGRATION_DUE = "migration_due"
    LOST = "lost"
    SETTINGS_OFF = "settings_off"
    PATCH_OLD = "patch_old"
    HELD_BY_LEAVER = "held_by_leaver"
    EXPIRED = "expired"
    LEFT_WITH_ITEMS = "left_with_items"


FLAG_LABELS: dict[Flag, tuple[str, str]] = {
    Flag.MIGRATION_DUE: ("移行期限", "Migration due"),
    Flag.LOST: ("紛失", "Lost"),
    Flag.SETTINGS_OFF: ("設定不備", "Settings off"),
    Flag.PATCH_OLD: ("パッチ未適用", "Patches outdated"),
    Flag.HELD_BY_LEAVER: ("退職者が保有", "Held by a leaver"),
    Flag.EXPIRED: ("有効期限切れ", "Expired"),
    Flag.LEFT_WITH_ITEMS: ("未返却あり", "Still holds items"),
}


def flag_label(flag: Flag, lang: str) -> str:
    ja, en = FLAG_LABELS[flag]
    return en if lang == "en" else ja


@dataclass(frozen=True)
class FlagContext:
    today: date
    patch_max_age_days: int = DEFAULT_PATCH_MAX_AGE_DAYS


def flags_for(
    register: Register,
    columns: Sequence[Column],
    values: Sequence[Any],
    extra: Sequence[Any],
    context: FlagContext,
) -> tuple[Flag, ...]:
    """``extra`` holds, per person column in order, the person's leaving date; for people,
    the number of items still held."""
    row = {c.key: v for c, v in zip(columns, values, strict=True)}
    status = row.get(register.status_key) if register.status_key else None
    if status in register.closed_statuses:
        return ()
    flags: list[Flag] = []
    if register.key == "people":
        if row.get("left_on") is not None and extra and extra[0]:
            flags.append(Flag.LEFT_WITH_ITEMS)
        return tuple(flags)
    if status == "lost":
        flags.append(Flag.LOST)
    if any(left is not None and left <= context.today for left in extra):
        flags.append(Flag.HELD_BY_LEAVER)
    if register.key == "media":
        due = row.get("next_migration_on")
        if row.get("long_term_backup") and due is not None and due <= context.today:
            flags.append(Flag.MIGRATION_DUE)
    elif register.key == "devices":
        if not all(row.get(key) for key in DEVICE_SECURITY_SETTINGS):
            flags.append(Flag.SETTINGS_OFF)
        patched = row.get("last_patch_on")
        if patched is None or patched < context.today - timedelta(days=context.patch_max_age_days):
            flags.append(Flag.PATCH_OLD)
    elif register.key == "badges":
        valid_until = row.get("valid_until")
        if valid_until is not None and valid_until < context.today:
            flags.append(Flag.EXPIRED)
    return tuple(flags)
