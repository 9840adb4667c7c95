"""What a register row needs attention for: the guideline's conditions as flags.

- media: long-term backup past its migration date (9⑤); lost; held by a leaver
- devices: a 10③④⑤ setting off; patches older than the office's limit (10⑥); held by a leaver
- badges: not returned although the holder left (sheet No.1); past its validity
- people: left but still holding badges, devices or media (5 運用①)
- cloud services: a security area the office requires not confirmed (2②); no multi-factor
  login (運用②: use what strengthens authentication)
- accounts: a shared or anonymous ID, or none named (5③); an administrator's privilege for
  someone whose role does not need it (5⑤); still active although the user left (5 運用①)
- plans: review due (4②: the interval has passed since the last review, or since the plan
  was made when it was never reviewed); the latest drill took longer than the recovery time
  objective (4 運用①); the owner has left
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sme_guard.domain.codes import AccountPrivilege, PersonRole
from sme_guard.domain.registers import CLOUD_SECURITY, DEVICE_SECURITY_SETTINGS, Column, Register

DEFAULT_PATCH_MAX_AGE_DAYS = 90


class Flag(StrEnum):
    MIGRATION_DUE = "migration_due"
    LOST = "lost"
    SETTINGS_OFF = "settings_off"
    PATCH_OLD = "patch_old"
    HELD_BY_LEAVER = "held_by_leaver"
    EXPIRED = "expired"
    LEFT_WITH_ITEMS = "left_with_items"
    REVIEW_DUE = "review_due"
    DRILL_OVER_OBJECTIVE = "drill_over_objective"
    OWNER_LEFT = "owner_left"
    UNCONFIRMED = "unconfirmed"
    NO_MFA = "no_mfa"
    SHARED_ID = "shared_id"
    NEEDLESS_ADMIN = "needless_admin"


FLAG_LABELS: dict[Flag, tuple[str, str]] = {
    Flag.MIGRATION_DUE: ("移行期限", "Migration due"),
    Flag.LOST: ("紛失", "Lost"),
    Flag.SETTINGS_OFF: ("設定不備", "Settings off"),
    Flag.PATCH_OLD: ("パッチ未適用", "Patches outdated"),
    Flag.HELD_BY_LEAVER: ("退職者が保有", "Held by a leaver"),
    Flag.EXPIRED: ("有効期限切れ", "Expired"),
    Flag.LEFT_WITH_ITEMS: ("未返却あり", "Still holds items"),
    Flag.REVIEW_DUE: ("見直し期限", "Review due"),
    Flag.DRILL_OVER_OBJECTIVE: ("訓練で目標超過", "Drill over objective"),
    Flag.OWNER_LEFT: ("責任者が退職", "Owner has left"),
    Flag.UNCONFIRMED: ("セキュリティ未確認", "Security not confirmed"),
    Flag.NO_MFA: ("多要素認証なし", "No multi-factor login"),
    Flag.SHARED_ID: ("共用・匿名ID", "Shared or anonymous ID"),
    Flag.NEEDLESS_ADMIN: ("不要な管理者権限", "Needless administrator privilege"),
}


def flag_label(flag: Flag, lang: str) -> str:
    ja, en = FLAG_LABELS[flag]
    return en if lang == "en" else ja


@dataclass(frozen=True)
class FlagContext:
    today: date
    patch_max_age_days: int = DEFAULT_PATCH_MAX_AGE_DAYS


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else day


# Registers whose rows can carry flags (the table shows them second, beside the number).
FLAGGED_REGISTERS = frozenset({"media", "devices", "badges", "people", "plans", "cloud_services", "accounts"})

# The columns each register's flags are computed from (besides person columns).
FLAG_INPUTS: dict[str, frozenset[str]] = {
    "media": frozenset({"status", "long_term_backup", "next_migration_on"}),
    "devices": frozenset({"status", "last_patch_on", *DEVICE_SECURITY_SETTINGS}),
    "badges": frozenset({"status", "valid_until"}),
    "people": frozenset({"left_on"}),
    "incidents": frozenset({"status"}),
    "plans": frozenset({"last_reviewed_on", "review_interval_days"}),
    "cloud_services": frozenset(
        {
            "status",
            "mfa_enabled",
            *(f"{row}_{part}" for row, *_ in CLOUD_SECURITY.rows for part in ("required", "confirmed")),
        }
    ),
    "accounts": frozenset({"status", "shared", "privilege"}),
}

# 5⑤: the roles whose duties may need an administrator's privilege.
PRIVILEGED_ROLES = frozenset({PersonRole.SYSTEM_ADMIN.value, PersonRole.BUSINESS_MANAGER.value})


def as_date(value: date | str | None) -> date | None:
    """A date from a stored value: a date, a datetime (local day) or ISO text (its date part)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def review_due_on(
    last_reviewed_on: date | str | None, interval_days: int, made_on: date | str | None = None
) -> date | None:
    """When a plan is next due for review (4②): one interval after its last review or, never
    reviewed, after it was made (a plan made today cannot be overdue). None: neither known."""
    basis = as_date(last_reviewed_on) or as_date(made_on)
    return None if basis is None else basis + timedelta(days=interval_days)


def review_is_due(
    last_reviewed_on: date | str | None, interval_days: int, today: date, made_on: date | str | None = None
) -> bool:
    due = review_due_on(last_reviewed_on, interval_days, made_on)
    return due is None or due <= today


class FlagChecker:
    """The flags of one register's rows; column positions are looked up once, not per row."""

    def __init__(self, register: Register, columns: Sequence[Column], context: FlagContext) -> None:
        position = {c.key: i for i, c in enumerate(columns)}
        self.key = register.key
        self.closed = register.closed_statuses
        self.status = position.get(register.status_key or "")
        # Dates compare as ISO strings: table rows are read raw, exports as dates.
        self.today = context.today.isoformat()
        self.patch_limit = (context.today - timedelta(days=context.patch_max_age_days)).isoformat()
        self.left_on = position.get("left_on")
        self.long_term = position.get("long_term_backup")
        self.migration = position.get("next_migration_on")
        self.settings = [position[k] for k in DEVICE_SECURITY_SETTINGS if k in position]
        self.patched = position.get("last_patch_on")
        self.valid_until = position.get("valid_until")
        self.reviewed = position.get("last_reviewed_on")
        self.interval = position.get("review_interval_days")
        self.security = [
            (position[f"{row}_required"], position[f"{row}_confirmed"])
            for row, *_ in CLOUD_SECURITY.rows
            if f"{row}_required" in position
        ]
        self.mfa = position.get("mfa_enabled")
        self.shared = position.get("shared")
        self.privilege = position.get("privilege")
        self.today_date = context.today

    def __call__(self, values: Sequence[Any], extra: Sequence[Any]) -> tuple[Flag, ...]:
        """``extra`` holds, per person column in order, the person's leaving date; for
        people, the number of items they still hold; for plans, then whether the latest
        drill took longer than its objective and when the plan was made."""
        status = values[self.status] if self.status is not None else None
        if status in self.closed:
            return ()
        if self.key == "people":
            assert self.left_on is not None
            return (Flag.LEFT_WITH_ITEMS,) if values[self.left_on] is not None and extra and extra[0] else ()
        if self.key == "plans":
            return self._plan(values, extra)
        if self.key == "cloud_services":
            return self._cloud(values)
        if self.key == "accounts":
            return self._account(values, extra)
        flags: list[Flag] = []
        if status == "lost":
            flags.append(Flag.LOST)
        if any(left is not None and _iso(left) <= self.today for left in extra):
            flags.append(Flag.HELD_BY_LEAVER)
        if self.key == "media":
            assert self.long_term is not None and self.migration is not None
            due = values[self.migration]
            if values[self.long_term] and due is not None and _iso(due) <= self.today:
                flags.append(Flag.MIGRATION_DUE)
        elif self.key == "devices":
            assert self.patched is not None
            if not all(values[i] for i in self.settings):
                flags.append(Flag.SETTINGS_OFF)
            patched = values[self.patched]
            if patched is None or _iso(patched) < self.patch_limit:
                flags.append(Flag.PATCH_OLD)
        elif self.key == "badges":
            assert self.valid_until is not None
            valid_until = values[self.valid_until]
            if valid_until is not None and _iso(valid_until) < self.today:
                flags.append(Flag.EXPIRED)
        return tuple(flags)

    def _cloud(self, values: Sequence[Any]) -> tuple[Flag, ...]:
        assert self.mfa is not None
        flags: list[Flag] = []
        if any(values[required] and not values[confirmed] for required, confirmed in self.security):
            flags.append(Flag.UNCONFIRMED)
        if not values[self.mfa]:
            flags.append(Flag.NO_MFA)
        return tuple(flags)

    def _account(self, values: Sequence[Any], extra: Sequence[Any]) -> tuple[Flag, ...]:
        """``extra``: the user's leaving date and role."""
        assert self.shared is not None and self.privilege is not None
        left_on, role = extra
        flags: list[Flag] = []
        if left_on is not None and _iso(left_on) <= self.today:
            flags.append(Flag.HELD_BY_LEAVER)
        # No user named: nobody answers for what the ID does (5③).
        if values[self.shared] or (left_on is None and role is None):
            flags.append(Flag.SHARED_ID)
        if values[self.privilege] == AccountPrivilege.ADMIN.value and role not in PRIVILEGED_ROLES:
            flags.append(Flag.NEEDLESS_ADMIN)
        return tuple(flags)

    def _plan(self, values: Sequence[Any], extra: Sequence[Any]) -> tuple[Flag, ...]:
        assert self.reviewed is not None and self.interval is not None
        *left_on, drill_over, made_at = extra
        flags: list[Flag] = []
        if review_is_due(values[self.reviewed], values[self.interval] or 0, self.today_date, made_at):
            flags.append(Flag.REVIEW_DUE)
        if drill_over:
            flags.append(Flag.DRILL_OVER_OBJECTIVE)
        if any(left is not None and _iso(left) <= self.today for left in left_on):
            flags.append(Flag.OWNER_LEFT)
        return tuple(flags)
