"""Plain data: SQLModel tables, codes and the catalog schema. No Qt, no I/O.

Importing this package registers every table in ``SQLModel.metadata``.
"""

from sme_guard.domain.assessments import Assessment, MeasureResult, SheetResult
from sme_guard.domain.assets import IdBadge, MediumDisposal, SmartDevice, StorageMedium
from sme_guard.domain.audit import AuditEntry
from sme_guard.domain.checks import CheckCompletion, RecurringCheck
from sme_guard.domain.continuity import (
    ContinuityPlan,
    Drill,
    DrillParticipant,
    PlanDependency,
    PlanProtection,
    PlanReview,
    PlanScenario,
    PlanStep,
)
from sme_guard.domain.incidents import (
    ContactEntry,
    ContactTreeConfirmation,
    Incident,
    IncidentAction,
    IncidentAsset,
    IncidentCounter,
    IncidentExternalReport,
    IncidentMeasure,
    IncidentNotification,
    IncidentStatusChange,
)
from sme_guard.domain.people import Person

__all__ = [
    "Assessment",
    "AuditEntry",
    "CheckCompletion",
    "ContactEntry",
    "ContactTreeConfirmation",
    "ContinuityPlan",
    "Drill",
    "DrillParticipant",
    "IdBadge",
    "Incident",
    "IncidentAction",
    "IncidentAsset",
    "IncidentCounter",
    "IncidentExternalReport",
    "IncidentMeasure",
    "IncidentNotification",
    "IncidentStatusChange",
    "MeasureResult",
    "MediumDisposal",
    "Person",
    "PlanDependency",
    "PlanProtection",
    "PlanReview",
    "PlanScenario",
    "PlanStep",
    "RecurringCheck",
    "SheetResult",
    "SmartDevice",
    "StorageMedium",
]
