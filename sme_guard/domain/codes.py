"""Coded values stored in the database and their labels.

Codes are stable ASCII strings (the database and the exchange files keep them); labels are
Japanese and English. The labels live here, not in Qt translations, because Excel exports
and PDF reports need them without Qt.
"""

from __future__ import annotations

from enum import StrEnum


class EmploymentType(StrEnum):
    # The guideline counts all of these as employees (sheet No.1, 備考).
    REGULAR = "regular"
    CONTRACT = "contract"
    DISPATCHED = "dispatched"
    PART_TIME = "part_time"


class PersonRole(StrEnum):
    # 実施責任 of the task-sheet legend.
    SYSTEM_ADMIN = "system_admin"
    BUSINESS_MANAGER = "business_manager"
    EMPLOYEE = "employee"


class MediumKind(StrEnum):
    USB_MEMORY = "usb_memory"
    EXTERNAL_HDD = "external_hdd"
    INTERNAL_HDD = "internal_hdd"
    SSD = "ssd"
    SD_CARD = "sd_card"
    OPTICAL = "optical"
    TAPE = "tape"
    SMART_CARD = "smart_card"
    OTHER = "other"


class MediumStatus(StrEnum):
    IN_USE = "in_use"
    STORED = "stored"
    LENT = "lent"
    LOST = "lost"
    DISPOSED = "disposed"


class DisposalMethod(StrEnum):
    # 9② / 運用②: physical destruction, magnetic erase or overwrite (and their modern kin).
    PHYSICAL_DESTRUCTION = "physical_destruction"
    MAGNETIC_ERASE = "magnetic_erase"
    OVERWRITE = "overwrite"
    CRYPTO_ERASE = "crypto_erase"
    CONTRACTOR = "contractor"


class DeviceKind(StrEnum):
    SMARTPHONE = "smartphone"
    TABLET = "tablet"
    MOBILE_PHONE = "mobile_phone"
    OTHER = "other"


class DeviceOwnership(StrEnum):
    COMPANY = "company"
    BYOD = "byod"


class DeviceStatus(StrEnum):
    IN_USE = "in_use"
    STORED = "stored"
    LOST = "lost"
    DISPOSED = "disposed"


class BadgeMedium(StrEnum):
    ID_CARD = "id_card"
    IC_CARD = "ic_card"


class BadgeStatus(StrEnum):
    ACTIVE = "active"
    RETURNED = "returned"
    LOST = "lost"
    REVOKED = "revoked"


class IncidentCategory(StrEnum):
    SYSTEM_FAILURE = "system_failure"
    SECURITY_INCIDENT = "security_incident"


class IncidentType(StrEnum):
    # 3 管理目的: システム障害 (停止, 誤動作, 破損) and セキュリティ事故 (...).
    OUTAGE = "outage"
    MALFUNCTION = "malfunction"
    DAMAGE = "damage"
    LEAK = "leak"
    TAMPERING = "tampering"
    ACCESS_VIOLATION = "access_violation"
    MALWARE = "malware"
    EXTERNAL_ATTACK = "external_attack"
    LOSS_THEFT = "loss_theft"  # a PC, phone, USB memory or papers lost or stolen
    OTHER = "other"


INCIDENT_CATEGORY_OF_TYPE: dict[IncidentType, IncidentCategory] = {
    IncidentType.OUTAGE: IncidentCategory.SYSTEM_FAILURE,
    IncidentType.MALFUNCTION: IncidentCategory.SYSTEM_FAILURE,
    IncidentType.DAMAGE: IncidentCategory.SYSTEM_FAILURE,
    IncidentType.LEAK: IncidentCategory.SECURITY_INCIDENT,
    IncidentType.TAMPERING: IncidentCategory.SECURITY_INCIDENT,
    IncidentType.ACCESS_VIOLATION: IncidentCategory.SECURITY_INCIDENT,
    IncidentType.MALWARE: IncidentCategory.SECURITY_INCIDENT,
    IncidentType.EXTERNAL_ATTACK: IncidentCategory.SECURITY_INCIDENT,
    IncidentType.LOSS_THEFT: IncidentCategory.SECURITY_INCIDENT,
}

# The impacts (3②, the legend's 影響) a kind of incident has by its nature; the form ticks
# them when the kind is chosen (more can be ticked). Keys are the register's impact columns.
INCIDENT_TYPE_IMPACTS: dict[IncidentType, tuple[str, ...]] = {
    IncidentType.OUTAGE: ("impact_availability",),
    IncidentType.LEAK: ("impact_confidentiality",),
    IncidentType.TAMPERING: ("impact_integrity",),
    IncidentType.LOSS_THEFT: ("impact_confidentiality", "impact_availability"),
}


class ThreatSource(StrEnum):
    # 脅威の要因 of the Part 2 legend (the catalog's legend has the same codes; a test keeps
    # the labels equal).
    SYSADMIN_SELF = "sysadmin_self"
    SYSADMIN_OTHER = "sysadmin_other"
    EMPLOYEE_SELF = "employee_self"
    EMPLOYEE_OTHER = "employee_other"
    VISITOR = "visitor"
    EXTERNAL = "external"
    ACCIDENTAL = "accidental"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IncidentStatus(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    PREVENTION = "prevention"
    CLOSED = "closed"


class ProtectionMeasure(StrEnum):
    # 4①: バックアップ, リプリケーション, 冗長化 等.
    BACKUP = "backup"
    REPLICATION = "replication"
    REDUNDANCY = "redundancy"
    UPS = "ups"
    CLOUD_SLA = "cloud_sla"
    OTHER = "other"


class DisasterScenario(StrEnum):
    # 4③: 地震, 火災, 水害, 大規模停電 (user-added scenarios use CUSTOM with a name).
    EARTHQUAKE = "earthquake"
    FIRE = "fire"
    FLOOD = "flood"
    BLACKOUT = "blackout"
    CUSTOM = "custom"


class MeasureStatus(StrEnum):
    DONE = "done"
    PARTIAL = "partial"
    NOT_DONE = "not_done"
    NOT_APPLICABLE = "not_applicable"


class Importance(StrEnum):
    # How much the information a cloud service holds matters (2①: the level the office requires).
    CONFIDENTIAL = "confidential"
    INTERNAL = "internal"
    PUBLIC = "public"


class CloudServiceStatus(StrEnum):
    IN_USE = "in_use"
    STOPPED = "stopped"


class AccountPrivilege(StrEnum):
    # 5⑤: privileges only for those whose duties need them.
    USER = "user"
    ADMIN = "admin"


class AuthMethod(StrEnum):
    # 5②: the ways of authenticating a third party cannot easily misuse.
    PASSWORD = "password"
    TWO_STEP = "two_step"
    ONE_TIME_PASSWORD = "one_time_password"
    CARD_OR_TOKEN = "card_or_token"  # IC card, hardware token, USB key
    BIOMETRICS = "biometrics"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"


class GuidelineKind(StrEnum):
    # 10⑨ and 18①: the staff guidelines the office issues.
    DEVICES = "devices"
    SNS = "sns"


class GuidelineDecision(StrEnum):
    ALLOWED = "allowed"
    NOT_ALLOWED = "not_allowed"
    CONDITIONAL = "conditional"


class PolicyKind(StrEnum):
    # The office's own security policy documents, each kept as numbered versions.
    POLICY = "policy"  # 情報セキュリティ基本方針
    RULES = "rules"  # 情報セキュリティ対策基準


class SecurityActionLevel(StrEnum):
    # IPA's SECURITY ACTION self-declaration.
    ONE_STAR = "one_star"
    TWO_STARS = "two_stars"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    # A record as it was when the trail began (written once, for the data already there).
    BASELINE = "baseline"


# Keyed by member, which hashes as its value: two codes sharing a value share one label
# (tests/test_codes.py fails when they would need two).
LABELS: dict[StrEnum, tuple[str, str]] = {
    EmploymentType.REGULAR: ("正社員", "Regular employee"),
    EmploymentType.CONTRACT: ("契約社員", "Contract employee"),
    EmploymentType.DISPATCHED: ("派遣社員", "Temporary (agency) staff"),
    EmploymentType.PART_TIME: ("パート・アルバイト", "Part-time"),
    PersonRole.SYSTEM_ADMIN: ("システム管理者", "System administrator"),
    PersonRole.BUSINESS_MANAGER: ("業務・人事管理者", "Business/HR manager"),
    PersonRole.EMPLOYEE: ("従業員", "Employee"),
    MediumKind.USB_MEMORY: ("USBメモリー", "USB memory"),
    MediumKind.EXTERNAL_HDD: ("外付けHDD", "External HDD"),
    MediumKind.INTERNAL_HDD: ("内蔵HDD", "Internal HDD"),
    MediumKind.SSD: ("SSD", "SSD"),
    MediumKind.SD_CARD: ("SDカード", "SD card"),
    MediumKind.OPTICAL: ("CD/DVD/BD", "CD/DVD/BD"),
    MediumKind.TAPE: ("テープ", "Tape"),
    MediumKind.SMART_CARD: ("スマートカード", "Smart card"),
    MediumKind.OTHER: ("その他", "Other"),
    MediumStatus.IN_USE: ("使用中", "In use"),
    MediumStatus.STORED: ("保管中", "Stored"),
    MediumStatus.LENT: ("貸出中", "Lent out"),
    MediumStatus.LOST: ("紛失", "Lost"),
    MediumStatus.DISPOSED: ("廃棄済", "Disposed"),
    DisposalMethod.PHYSICAL_DESTRUCTION: ("物理的破壊", "Physical destruction"),
    DisposalMethod.MAGNETIC_ERASE: ("磁気的消去", "Magnetic erasure"),
    DisposalMethod.OVERWRITE: ("上書き消去", "Overwrite erasure"),
    DisposalMethod.CRYPTO_ERASE: ("暗号化消去", "Cryptographic erasure"),
    DisposalMethod.CONTRACTOR: ("業者委託", "Disposal contractor"),
    DeviceKind.SMARTPHONE: ("スマートフォン", "Smartphone"),
    DeviceKind.TABLET: ("タブレット", "Tablet"),
    DeviceKind.MOBILE_PHONE: ("携帯電話", "Mobile phone"),
    DeviceKind.OTHER: ("その他", "Other"),
    DeviceOwnership.COMPANY: ("会社支給", "Company-issued"),
    DeviceOwnership.BYOD: ("BYOD(私物)", "BYOD (personal)"),
    DeviceStatus.IN_USE: ("使用中", "In use"),
    DeviceStatus.STORED: ("保管中", "Stored"),
    DeviceStatus.LOST: ("紛失", "Lost"),
    DeviceStatus.DISPOSED: ("廃棄済", "Disposed"),
    BadgeMedium.ID_CARD: ("IDカード", "ID card"),
    BadgeMedium.IC_CARD: ("ICカード", "IC card"),
    BadgeStatus.ACTIVE: ("有効", "Active"),
    BadgeStatus.RETURNED: ("返却済", "Returned"),
    BadgeStatus.LOST: ("紛失", "Lost"),
    BadgeStatus.REVOKED: ("失効", "Revoked"),
    IncidentCategory.SYSTEM_FAILURE: ("システム障害", "System failure"),
    IncidentCategory.SECURITY_INCIDENT: ("セキュリティ事故", "Security incident"),
    IncidentType.OUTAGE: ("停止", "Outage"),
    IncidentType.MALFUNCTION: ("誤動作", "Malfunction"),
    IncidentType.DAMAGE: ("破損", "Damage"),
    IncidentType.LEAK: ("情報漏えい", "Information leak"),
    IncidentType.TAMPERING: ("改ざん", "Tampering"),
    IncidentType.ACCESS_VIOLATION: ("アクセス違反", "Access violation"),
    IncidentType.MALWARE: ("ウイルス感染", "Malware infection"),
    IncidentType.EXTERNAL_ATTACK: ("外部からの攻撃", "External attack"),
    IncidentType.LOSS_THEFT: ("紛失・盗難", "Loss or theft"),
    IncidentType.OTHER: ("その他", "Other"),
    ThreatSource.SYSADMIN_SELF: ("システム管理者(本人)", "System administrator (self)"),
    ThreatSource.SYSADMIN_OTHER: ("システム管理者(本人外)", "System administrator (other than self)"),
    ThreatSource.EMPLOYEE_SELF: ("従業員(本人)", "Employee (self)"),
    ThreatSource.EMPLOYEE_OTHER: ("従業員(本人外)", "Employee (other than self)"),
    ThreatSource.VISITOR: ("訪問者", "Visitor"),
    ThreatSource.EXTERNAL: ("外部", "External"),
    ThreatSource.ACCIDENTAL: ("偶発的要因", "Accidental factors"),
    Severity.LOW: ("低", "Low"),
    Severity.MEDIUM: ("中", "Medium"),
    Severity.HIGH: ("高", "High"),
    Severity.CRITICAL: ("重大", "Critical"),
    IncidentStatus.RECEIVED: ("受付", "Received"),
    IncidentStatus.IN_PROGRESS: ("対応中", "In progress"),
    IncidentStatus.PREVENTION: ("再発防止策実施中", "Preventive actions under way"),
    IncidentStatus.CLOSED: ("完了", "Closed"),
    ProtectionMeasure.BACKUP: ("バックアップ", "Backup"),
    ProtectionMeasure.REPLICATION: ("レプリケーション", "Replication"),
    ProtectionMeasure.REDUNDANCY: ("冗長化", "Redundancy"),
    ProtectionMeasure.UPS: ("無停電電源", "Uninterruptible power supply"),
    ProtectionMeasure.CLOUD_SLA: ("クラウドのSLA", "Cloud service SLA"),
    ProtectionMeasure.OTHER: ("その他", "Other"),
    DisasterScenario.EARTHQUAKE: ("地震", "Earthquake"),
    DisasterScenario.FIRE: ("火災", "Fire"),
    DisasterScenario.FLOOD: ("水害", "Flood"),
    DisasterScenario.BLACKOUT: ("大規模停電", "Large-scale power outage"),
    DisasterScenario.CUSTOM: ("その他の災害", "Other disaster"),
    MeasureStatus.DONE: ("実施済", "Done"),
    MeasureStatus.PARTIAL: ("一部実施", "Partly done"),
    MeasureStatus.NOT_DONE: ("未実施", "Not done"),
    MeasureStatus.NOT_APPLICABLE: ("対象外", "Not applicable"),
    Importance.CONFIDENTIAL: ("高(機密・個人情報)", "High (confidential or personal data)"),
    Importance.INTERNAL: ("中(社内情報)", "Medium (internal)"),
    Importance.PUBLIC: ("低(公開情報)", "Low (public)"),
    CloudServiceStatus.IN_USE: ("使用中", "In use"),
    CloudServiceStatus.STOPPED: ("利用停止", "No longer used"),
    AccountPrivilege.USER: ("一般", "Standard"),
    AccountPrivilege.ADMIN: ("管理者", "Administrator"),
    AuthMethod.PASSWORD: ("パスワード", "Password"),
    AuthMethod.TWO_STEP: ("二段階認証", "Two-step verification"),
    AuthMethod.ONE_TIME_PASSWORD: ("ワンタイムパスワード", "One-time password"),
    AuthMethod.CARD_OR_TOKEN: ("ICカード・デバイス", "IC card or device"),
    AuthMethod.BIOMETRICS: ("生体認証", "Biometrics"),
    AccountStatus.ACTIVE: ("有効", "Active"),
    AccountStatus.DISABLED: ("無効化済", "Disabled"),
    GuidelineKind.DEVICES: ("スマートデバイス使用ガイドライン", "Smart-device guideline"),
    GuidelineKind.SNS: ("SNS使用ガイドライン", "Social media guideline"),
    GuidelineDecision.ALLOWED: ("可", "Allowed"),
    GuidelineDecision.NOT_ALLOWED: ("不可", "Not allowed"),
    GuidelineDecision.CONDITIONAL: ("条件付きで可", "Allowed with conditions"),
    PolicyKind.POLICY: ("情報セキュリティ基本方針", "Information security policy"),
    PolicyKind.RULES: ("情報セキュリティ対策基準", "Information security rules"),
    SecurityActionLevel.ONE_STAR: ("一つ星(★)", "One star (★)"),
    SecurityActionLevel.TWO_STARS: ("二つ星(★★)", "Two stars (★★)"),
    AuditAction.INSERT: ("追加", "Added"),
    AuditAction.UPDATE: ("変更", "Changed"),
    AuditAction.DELETE: ("削除", "Deleted"),
    AuditAction.BASELINE: ("記録開始時の内容", "Contents when the history began"),
}


def label(code: StrEnum, lang: str) -> str:
    """The label of a code in ``ja`` or ``en``."""
    ja, en = LABELS[code]
    return en if lang == "en" else ja
