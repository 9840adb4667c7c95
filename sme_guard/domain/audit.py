"""変更履歴: one row per changed field, chained by hash so tampering is detectable."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from sme_guard.domain.base import Record


class AuditEntry(Record, table=True):
    __tablename__ = "audit_entry"

    at: datetime = Field(index=True)
    os_user: str
    table_name: str = Field(index=True)
    record_id: int = Field(index=True)
    action: str  # AuditAction code
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    previous_hash: str
    entry_hash: str = Field(unique=True)
