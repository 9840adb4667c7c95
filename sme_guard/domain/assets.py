"""資産台帳: storage media (control 9), smart devices (control 10, sheets 48/49/53) and
ID badges (sheet No.1, control 5)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import (
    BadgeMedium,
    BadgeStatus,
    DeviceKind,
    DeviceOwnership,
    DeviceStatus,
    MediumKind,
    MediumStatus,
)


class StorageMedium(Record, table=True):
    __tablename__ = "storage_medium"

    asset_number: str = Field(unique=True)
    kind: str = Field(default=MediumKind.USB_MEMORY.value)
    # 9 運用③: magnetic erasure or overwrite may not work on NAND flash.
    nand_flash: bool = False
    quantity: int = 1  # 9①: 数量
    location: str | None = None  # 9①: 所在
    custodian_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    holds_important_info: bool = False
    storage_place: str | None = None  # 9③: 耐火金庫, 施錠 ...
    storage_environment: str | None = None  # 9③: 磁気, 湿度, 温度
    authorised: bool = True  # 9④
    long_term_backup: bool = False  # 9⑤
    lifetime_until: date | None = None
    next_migration_on: date | None = None
    status: str = Field(default=MediumStatus.IN_USE.value, index=True)
    last_stocktake_on: date | None = None  # 9 運用①
    notes: str | None = None


class MediumDisposal(Record, table=True):
    """9② / 運用②: how a medium was made unreadable, and who verified it."""

    __tablename__ = "medium_disposal"

    medium_id: int = Field(foreign_key="storage_medium.id", unique=True)
    disposed_on: date
    method: str
    performed_by: str | None = None
    verified_by: str | None = None
    verified_on: date | None = None
    certificate_no: str | None = None
    notes: str | None = None


class SmartDevice(Record, table=True):
    __tablename__ = "smart_device"

    asset_number: str = Field(unique=True)
    kind: str = Field(default=DeviceKind.SMARTPHONE.value)
    model: str | None = None
    os_name: str | None = None
    os_version: str | None = None
    serial_or_imei: str | None = None
    user_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    ownership: str = Field(default=DeviceOwnership.COMPANY.value)
    mdm_enrolled: bool = False  # sheets 48/49: デバイス管理ツール
    # 10③: functions the maker and carrier provide, to be switched on.
    passcode_lock: bool = False
    auto_lock: bool = False
    wipe_after_failed_passcodes: bool = False
    remote_wipe: bool = False
    encryption: bool = False
    anti_malware: bool = False
    jailbreak_checked_on: date | None = None  # 10②
    allowed_apps_only: bool = False  # 10④
    allowed_cloud_only: bool = False  # 10⑤
    last_patch_on: date | None = None  # 10⑥
    backup_procedure: str | None = None  # 10⑧
    guideline_acknowledged_on: date | None = None  # 10⑨
    autolink_checked_on: date | None = None  # 10 運用①: location/SNS/address-book links
    settings_checked_on: date | None = None  # 10 運用②
    last_stocktake_on: date | None = None  # 10 運用②
    status: str = Field(default=DeviceStatus.IN_USE.value, index=True)
    notes: str | None = None


class IdBadge(Record, table=True):
    __tablename__ = "id_badge"

    badge_number: str = Field(unique=True)
    holder_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    medium: str = Field(default=BadgeMedium.ID_CARD.value)
    areas: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    status: str = Field(default=BadgeStatus.ACTIVE.value, index=True)
    returned_on: date | None = None
    last_stocktake_on: date | None = None  # sheet No.1 運用
    notes: str | None = None
