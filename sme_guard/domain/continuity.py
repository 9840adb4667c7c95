"""IT継続計画 (control 4): plans per system, recovery steps, disaster scenarios and drills."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record


class ContinuityPlan(Record, table=True):
    __tablename__ = "continuity_plan"

    name: str = Field(unique=True)  # the system or service, e.g. 会計システム
    business_impact: str | None = None  # 4①: 業務への影響範囲
    damage_and_risk: str | None = None  # 4①: 被害及びリスク
    rto_hours: float | None = None
    rpo_hours: float | None = None
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    depends_on_contact_tree: bool = False
    last_reviewed_on: date | None = None  # 4②
    review_interval_days: int = 365
    template_code: str | None = None  # the catalog template it started from, if any
    notes: str | None = None


class PlanProtection(Record, table=True):
    __tablename__ = "plan_protection"
    __table_args__ = (UniqueConstraint("plan_id", "measure", "name"),)

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    measure: str  # ProtectionMeasure code
    name: str | None = None  # for OTHER
    in_place: bool = False
    note: str | None = None


class PlanStep(Record, table=True):
    __tablename__ = "plan_step"

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    position: int
    who: str | None = None
    what: str
    location: str | None = None
    duration_minutes: int | None = None


class PlanScenario(Record, table=True):
    """4③ (参考): the plan's response to a disaster."""

    __tablename__ = "plan_scenario"

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    scenario: str  # DisasterScenario code
    name: str | None = None  # for CUSTOM
    response: str | None = None


class PlanDependency(Record, table=True):
    __tablename__ = "plan_dependency"
    __table_args__ = (
        UniqueConstraint("plan_id", "depends_on_id"),
        CheckConstraint("plan_id <> depends_on_id", name="not_self"),
    )

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    depends_on_id: int = Field(foreign_key="continuity_plan.id", ondelete="CASCADE")


class PlanReview(Record, table=True):
    __tablename__ = "plan_review"

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    reviewed_on: date
    note: str | None = None


class Drill(Record, table=True):
    """訓練 (4 運用①)."""

    plan_id: int = Field(foreign_key="continuity_plan.id", index=True, ondelete="CASCADE")
    held_on: date
    scenario: str | None = None
    steps_exercised: str | None = None
    minutes_achieved: int | None = None
    # The plan's recovery time objective when the drill was held: a later change of the
    # objective does not rewrite whether this drill met it.
    objective_minutes: int | None = None
    result: str | None = None
    findings: str | None = None
    plan_changed: bool = False
    change_note: str | None = None
    # The review entry that records how the plan was changed after this drill.
    change_review_id: int | None = Field(default=None, foreign_key="plan_review.id", ondelete="SET NULL")


class DrillParticipant(Record, table=True):
    __tablename__ = "drill_participant"
    __table_args__ = (UniqueConstraint("drill_id", "person_id"),)

    drill_id: int = Field(foreign_key="drill.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id")
