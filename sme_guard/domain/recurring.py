"""定期点検: the default schedule of recurring checks (``catalog/recurring_checks.yaml``).

Many 運用で心がけるポイント say 定期的に (stock-takes, settings and patch checks, the contact
tree, drills, user-ID reviews, the website tamper check ...). The schedule is SME Guard's
suggestion, not guideline text: each check names the catalog entries it serves and a
suggested interval; the office can change the interval or switch a check off.

De-duplication rule: a check with ``completed_by`` is done by a record the app already keeps
(a finished stock-take of a register, a contact-tree confirmation, each plan's drills). Such
a check takes no completions of its own; its last date comes from that record, and the home
list shows its duty once, in that record's area (棚卸, 緊急連絡網, IT継続計画), with the
check's interval and on/off switch. Plan reviews (4②) are not in the schedule: every plan
has its own review interval.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field, model_validator

from sme_guard.domain.catalog import CODE_PATTERN, StrictModel, Text

# A control item's measure or point (ctl-09-p1, ctl-05-m6, own-21-p1) or a task sheet
# (sheet-001, own-sheet-101).
ENTRY_PATTERN = r"^((ctl|own)-\d{2,3}-[mp]\d+|(sheet|own-sheet)-\d{3})$"
# A hint for the screen where the check is done: "stocktake:media", "register:devices", ...
SCREEN_PATTERN = r"^[a-z_]+(:[a-z_]+)?$"


class CompletedBy(StrEnum):
    """The record that completes a check instead of a completion of its own."""

    MEDIA_STOCKTAKE = "stocktake:media"
    DEVICES_STOCKTAKE = "stocktake:devices"
    BADGES_STOCKTAKE = "stocktake:badges"
    CONTACT_TREE = "contacts"  # the interval is the office setting contacts.confirm_interval_days
    DRILLS = "drills"  # per plan: its latest drill; the interval applies to every plan
    # Each active record of the register reviewed within the interval ("Reviewed today").
    CLOUD_REVIEWS = "reviews:cloud_services"  # 2 運用①②
    ACCOUNT_REVIEWS = "reviews:accounts"  # 5 運用①

    @property
    def register_key(self) -> str | None:
        """The register a stock-take check counts (media, devices, badges)."""
        kind, _, key = self.value.partition(":")
        return key if kind == "stocktake" else None

    @property
    def reviewed_register(self) -> str | None:
        """The register whose records' review dates complete the check."""
        kind, _, key = self.value.partition(":")
        return key if kind == "reviews" else None


class ScheduledCheck(StrictModel):
    code: str = Field(pattern=CODE_PATTERN)  # stable; the database row keeps it
    title: Text
    points: list[str] = Field(min_length=1)  # catalog ids it serves (ENTRY_PATTERN)
    interval_days: int = Field(ge=1)
    screen: str | None = Field(default=None, pattern=SCREEN_PATTERN)
    completed_by: CompletedBy | None = None

    @model_validator(mode="after")
    def _points_look_like_ids(self) -> ScheduledCheck:
        wrong = [p for p in self.points if not re.match(ENTRY_PATTERN, p)]
        if wrong:
            raise ValueError(f"points: not a catalog point, measure or sheet id: {', '.join(wrong)}")
        if len(set(self.points)) != len(self.points):
            raise ValueError("points: an id is listed twice")
        return self


class CheckSchedule(StrictModel):
    checks: list[ScheduledCheck] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> CheckSchedule:
        codes = [c.code for c in self.checks]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"code used twice: {', '.join(dupes)}")
        linked = [c.completed_by for c in self.checks if c.completed_by is not None]
        twice = sorted({str(k) for k in linked if linked.count(k) > 1})
        if twice:
            raise ValueError(f"completed_by used twice: {', '.join(twice)}")
        return self

    def check(self, code: str) -> ScheduledCheck | None:
        return next((c for c in self.checks if c.code == code), None)

    def completed_by(self, record: CompletedBy) -> ScheduledCheck | None:
        return next((c for c in self.checks if c.completed_by == record), None)
