"""障害・事故 (control 3): the incident log and the contact tree (緊急連絡網, 3①)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import IncidentStatus, Severity


class Incident(Record, table=True):
    __table_args__ = (UniqueConstraint("year", "sequence"),)

    number: str = Field(unique=True)  # e.g. 2026-001
    year: int
    sequence: int
    incident_type: str = Field(index=True)
    # 3②: いつ, 誰が, 何を, どのようにして, その結果どうなったのか
    occurred_at: datetime | None = None
    discovered_at: datetime | None = None
    reported_at: datetime | None = None
    who: str | None = None
    what: str | None = None
    how: str | None = None
    result: str | None = None
    # Impact, as the Part 2 legend's 影響.
    impact_confidentiality: bool = False
    impact_integrity: bool = False
    impact_availability: bool = False
    impact_legality: bool = False
    threat_source: str | None = None  # a legend "threats" code
    severity: str = Field(default=Severity.MEDIUM.value)
    status: str = Field(default=IncidentStatus.RECEIVED.value, index=True)
    root_cause: str | None = None  # 3③
    recovery_method: str | None = None  # 12 運用②
    timeline: str | None = None
    closed_on: date | None = None


class IncidentCounter(Record, table=True):
    """The last number handed out per year, so that a deleted incident's number is never reused."""

    __tablename__ = "incident_counter"

    year: int = Field(unique=True)
    last_sequence: int = 0


class IncidentStatusChange(Record, table=True):
    __tablename__ = "incident_status_change"

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    status: str
    changed_at: datetime
    note: str | None = None


class IncidentAction(Record, table=True):
    """A recurrence-prevention action (3③)."""

    __tablename__ = "incident_action"

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    description: str
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = None
    done_on: date | None = None


class IncidentNotification(Record, table=True):
    """A report made through the contact tree (3①)."""

    __tablename__ = "incident_notification"

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    contact_entry_id: int | None = Field(default=None, foreign_key="contact_entry.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    notified_at: datetime
    channel: str | None = None
    note: str | None = None


class IncidentExternalReport(Record, table=True):
    """届け出 to an outside body (12 運用②)."""

    __tablename__ = "incident_external_report"

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    reported_to: str
    reported_on: date | None = None
    reference: str | None = None
    note: str | None = None


class IncidentAsset(Record, table=True):
    """An asset the incident concerns: exactly one of medium, device or badge."""

    __tablename__ = "incident_asset"
    __table_args__ = (
        CheckConstraint(
            "(medium_id IS NOT NULL) + (device_id IS NOT NULL) + (badge_id IS NOT NULL) = 1",
            name="one_asset",
        ),
    )

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    medium_id: int | None = Field(default=None, foreign_key="storage_medium.id")
    device_id: int | None = Field(default=None, foreign_key="smart_device.id")
    badge_id: int | None = Field(default=None, foreign_key="id_badge.id")


class IncidentMeasure(Record, table=True):
    """A catalog measure the incident relates to (stable catalog id, e.g. ctl-09-m2)."""

    __tablename__ = "incident_measure"
    __table_args__ = (UniqueConstraint("incident_id", "measure_id"),)

    incident_id: int = Field(foreign_key="incident.id", index=True, ondelete="CASCADE")
    measure_id: str


class ContactEntry(Record, table=True):
    """One rung of the escalation list (緊急連絡網)."""

    __tablename__ = "contact_entry"

    position: int = Field(index=True)
    role: str
    person_id: int | None = Field(default=None, foreign_key="person.id")
    alternate_person_id: int | None = Field(default=None, foreign_key="person.id")
    phone: str | None = None
    email: str | None = None
    notes: str | None = None


class ContactTreeConfirmation(Record, table=True):
    """3 運用①: the tree was confirmed to reflect the office as it is."""

    __tablename__ = "contact_tree_confirmation"

    confirmed_on: date = Field(index=True)
    confirmed_by_id: int | None = Field(default=None, foreign_key="person.id")
    note: str | None = None
