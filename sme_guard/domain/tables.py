"""Every table of the data model, registered in ``SQLModel.metadata`` on import."""

from sme_guard.domain.accounts import UserAccount
from sme_guard.domain.assessments import Assessment, MeasureResult, SheetResult
from sme_guard.domain.assets import IdBadge, MediumDisposal, SmartDevice, StorageMedium
from sme_guard.domain.audit import AuditEntry
from sme_guard.domain.checks import CheckCompletion, RecurringCheck
from sme_guard.domain.cloud_services import CloudService, DeviceCloudService
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
from sme_guard.domain.office_catalog import OfficeCatalogEntry
from sme_guard.domain.people import Person
from sme_guard.domain.policies import SecurityPolicy
from sme_guard.domain.security_action import SecurityAction, SelfDiagnosis, SelfDiagnosisAnswer
from sme_guard.domain.settings import AppSetting
from sme_guard.domain.staff_guidelines import GuidelineAcknowledgment, StaffGuideline
from sme_guard.domain.stocktake import StockTake, StockTakeItem

__all__ = [
    "AppSetting",
    "Assessment",
    "AuditEntry",
    "CheckCompletion",
    "CloudService",
    "ContactEntry",
    "ContactTreeConfirmation",
    "ContinuityPlan",
    "DeviceCloudService",
    "Drill",
    "DrillParticipant",
    "GuidelineAcknowledgment",
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
    "OfficeCatalogEntry",
    "Person",
    "PlanDependency",
    "PlanProtection",
    "PlanReview",
    "PlanScenario",
    "PlanStep",
    "RecurringCheck",
    "SecurityAction",
    "SecurityPolicy",
    "SelfDiagnosis",
    "SelfDiagnosisAnswer",
    "SheetResult",
    "SmartDevice",
    "StaffGuideline",
    "StockTake",
    "StockTakeItem",
    "StorageMedium",
    "UserAccount",
]
