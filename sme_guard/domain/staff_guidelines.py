"""Staff guidelines for smart devices (10⑨) and SNS (18①), kept as numbered versions, and
who acknowledged which version when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record


class StaffGuideline(Record, table=True):
    __tablename__ = "staff_guideline"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    kind: str  # GuidelineKind code
    version: int
    title: str
    # None while the version is a draft; once issued it is not edited again (a change is a
    # new version, so an acknowledgment always refers to the text the person read).
    issued_on: date | None = None
    choices_json: str = "{}"  # the office's decision and conditions per guideline point
    notes: str | None = None


class GuidelineAcknowledgment(Record, table=True):
    __tablename__ = "guideline_acknowledgment"
    __table_args__ = (UniqueConstraint("guideline_id", "person_id"),)

    guideline_id: int = Field(foreign_key="staff_guideline.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    acknowledged_on: date
