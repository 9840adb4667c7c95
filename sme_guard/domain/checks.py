"""定期点検: the recurring checks that the guideline's operational points ask for."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from sme_guard.domain.base import Record


class RecurringCheck(Record, table=True):
    __tablename__ = "recurring_check"

    code: str = Field(unique=True)  # stable: shipped defaults keep their code, own checks get own-N
    title: str
    catalog_ref: str | None = None  # the point it serves, e.g. ctl-09-p1
    interval_days: int
    enabled: bool = True
    last_done_on: date | None = None
    # When a check never done falls due: set when it is added (spread from that day) or at
    # set-up, so nothing is overdue before it could have been done.
    first_due_on: date | None = None


class CheckCompletion(Record, table=True):
    __tablename__ = "check_completion"

    check_id: int = Field(foreign_key="recurring_check.id", index=True, ondelete="CASCADE")
    done_on: date
    done_by: str | None = None
    note: str | None = None
