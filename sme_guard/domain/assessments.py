"""自己点検: dated runs over the catalog's control measures and task sheets."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import MeasureStatus


class Assessment(Record, table=True):
    name: str
    held_on: date = Field(index=True)
    assessor: str | None = None
    notes: str | None = None


class MeasureResult(Record, table=True):
    __tablename__ = "measure_result"
    __table_args__ = (UniqueConstraint("assessment_id", "measure_id"),)

    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    measure_id: str  # stable catalog id, e.g. ctl-09-m2
    status: str = Field(default=MeasureStatus.NOT_DONE.value)
    evidence: str | None = None
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = None
    # Why the measure does not apply to the office (対象外); kept only with that status. The
    # security rules (対策基準) print it.
    reason: str | None = None


class SheetResult(Record, table=True):
    __tablename__ = "sheet_result"
    __table_args__ = (UniqueConstraint("assessment_id", "sheet_id"),)

    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    sheet_id: str  # stable catalog id, e.g. sheet-049
    applies: bool | None = None  # 該当 / 非該当; None = not yet answered
    current_state: str | None = None
    technical_status: str = Field(default=MeasureStatus.NOT_DONE.value)
    human_status: str = Field(default=MeasureStatus.NOT_DONE.value)
    responsibility: str | None = None  # comma-separated legend codes
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = None
    notes: str | None = None
