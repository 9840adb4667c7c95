"""クラウドサービス台帳 (control 2): what the office keeps outside, and (10⑤) which services
each smart device may use."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import CloudServiceStatus


class CloudService(Record, table=True):
    __tablename__ = "cloud_service"

    name: str = Field(unique=True)
    provider: str | None = None
    purpose: str | None = None
    data_held: str | None = None  # what the office keeps there
    importance: str | None = None  # Importance code
    owner_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    # 2①②: per security area (registers.CLOUD_SECURITY) required, confirmed and what was seen.
    facility_required: bool = False
    facility_confirmed: bool = False
    facility_note: str | None = None
    leakage_required: bool = False
    leakage_confirmed: bool = False
    leakage_note: str | None = None
    authentication_required: bool = False
    authentication_confirmed: bool = False
    authentication_note: str | None = None
    access_control_required: bool = False
    access_control_confirmed: bool = False
    access_control_note: str | None = None
    antivirus_required: bool = False
    antivirus_confirmed: bool = False
    antivirus_note: str | None = None
    failure_required: bool = False
    failure_confirmed: bool = False
    failure_note: str | None = None
    disaster_required: bool = False
    disaster_confirmed: bool = False
    disaster_note: str | None = None
    # 2①: the service level.
    support_hours: str | None = None  # 対応時間
    service_hours: str | None = None  # サービス可能時間
    resource_guarantee: str | None = None  # リソースの使用保証
    sla_concluded: bool = False  # 2③ (参考)
    datacentre_location: str | None = None  # 運用③: the law that applies depends on it
    applicable_law: str | None = None
    mfa_enabled: bool = False  # 運用②: use the changes that strengthen authentication
    last_reviewed_on: date | None = None  # 運用①②
    status: str = Field(default=CloudServiceStatus.IN_USE.value, index=True)
    notes: str | None = None


class DeviceCloudService(Record, table=True):
    """10⑤: the cloud services a smart device is allowed to use."""

    __tablename__ = "device_cloud_service"
    __table_args__ = (UniqueConstraint("device_id", "cloud_service_id"),)

    device_id: int = Field(foreign_key="smart_device.id", index=True, ondelete="CASCADE")
    cloud_service_id: int = Field(foreign_key="cloud_service.id", index=True, ondelete="CASCADE")
