"""変更履歴: written by database triggers (sme_guard.db.audit_triggers), chained by hash so
that editing or deleting an entry outside the app is detectable (``sme-guard check``).

An INSERT or DELETE is one entry holding the whole record as a JSON object (new_value or
old_value); an UPDATE is one entry per changed field. Values are SQLite's text form of the
stored value. The entries' order (id) is the chain's order.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field

from sme_guard.domain.base import Record


class AuditEntry(Record, table=True):
    __tablename__ = "audit_entry"
    # One record's history; entries of a record are listed in id (= chain) order.
    __table_args__ = (Index("ix_audit_entry_table_name_record_id", "table_name", "record_id"),)

    at: datetime = Field(index=True)  # UTC
    os_user: str
    table_name: str
    record_id: int
    action: str  # AuditAction code
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    previous_hash: str
    # Not unique: a unique index costs a third of the time of every audited insert, and the
    # chain check finds a copied or forged hash without it.
    entry_hash: str
