"""The registers as data: their columns, how each is typed, labelled and coded.

One definition serves the table view, the record form, validation, the Excel export and
import, and the stock-take sheet, so a column is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from sme_guard.domain.codes import (
    AccountPrivilege,
    AccountStatus,
    AuthMethod,
    BadgeMedium,
    BadgeStatus,
    CloudServiceStatus,
    DeviceKind,
    DeviceOwnership,
    DeviceStatus,
    DisposalMethod,
    EmploymentType,
    Importance,
    IncidentStatus,
    IncidentType,
    MediumKind,
    MediumStatus,
    PersonRole,
    Severity,
    ThreatSource,
)

# "links": names of records of another register, kept in a link table (see ``Link``).
Kind = Literal["text", "int", "number", "bool", "date", "datetime", "code", "person", "links"]
# The form a text column's value must have (services/values.py checks and normalises it):
# kana is stored as full-width katakana, e-mail and phone and postcode must look like one.
TextForm = Literal["kana", "email", "phone", "postcode"]
RegisterKey = Literal[
    "media", "devices", "badges", "people", "incidents", "plans", "cloud_services", "accounts"
]


@dataclass(frozen=True)
class Link:
    """A "links" column: the rows of ``target`` (a register named by ``name``) that a record
    is linked to through ``table`` (``own`` = this record, ``other`` = the linked one). Forms,
    exports and imports show and take the linked records' names."""

    table: str
    own: str
    other: str
    target: str  # table name of the linked register
    name: str = "name"


# The longest text a field takes, in characters (a column's ``max_length``): what an office
# writes, with room to spare, and what every printout can hold (an asset number in a label's
# QR code and on the label, a note on an A4 page).
LABEL_NUMBER_LENGTH = 20  # asset and badge numbers: printed whole on the smallest label
ID_LENGTH = 32  # other numbers and codes: accounts, incidents, serials, certificates, phones
NAME_LENGTH = 100  # names of people, departments, services, systems, models
TEXT_LENGTH = 200  # one line of text: a place, a purpose, an e-mail address
NOTE_LENGTH = 4000  # several lines: notes, how an incident happened, a backup procedure


@dataclass(frozen=True)
class Column:
    key: str  # attribute name; for disposal columns "disposal_<attribute of MediumDisposal>"
    ja: str
    en: str
    kind: Kind = "text"
    codes: type[StrEnum] | None = None
    required: bool = False
    unique: bool = False
    minimum: int | None = None  # for "int" and "number"
    width: int = 14  # characters, for the table and the Excel sheet
    in_table: bool = True  # shown in the register table by default
    multiline: bool = False
    editable: bool = True  # False: set by the app (a number, a status changed by a workflow)
    # What a new record's form starts with. A required code without one starts blank: the
    # person chooses (a kind, an incident's type and severity); no default claims a fact.
    default: object = None
    link: Link | None = None  # for "links" columns
    # Names offered while typing (free text stays allowed): the table and column they come from.
    suggest: tuple[str, str] | None = None
    max_length: int = TEXT_LENGTH  # for "text": the longest value, in characters
    text_form: TextForm | None = None  # for "text" columns

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(frozen=True)
class Grid:
    """Columns the form shows as a table: a row per item, a column per part; each cell is
    the register column ``<row key>_<part key>``."""

    ja: str
    en: str
    rows: tuple[tuple[str, str, str], ...]  # (key, ja, en)
    parts: tuple[tuple[str, str, str, Kind], ...]  # (key, ja, en, kind)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja

    def columns(self) -> tuple[Column, ...]:
        return tuple(
            Column(
                f"{row}_{part}",
                f"{row_ja}: {part_ja}",
                f"{row_en}: {part_en}",
                kind,
                width=8 if kind == "bool" else 20,
                in_table=False,
            )
            for row, row_ja, row_en in self.rows
            for part, part_ja, part_en, kind in self.parts
        )


@dataclass(frozen=True)
class Register:
    key: RegisterKey
    ja: str
    en: str
    table_name: str
    columns: tuple[Column, ...] = field(repr=False)
    number_key: str | None  # the asset/badge number that identifies a row in Excel files
    status_key: str | None
    status_codes: type[StrEnum] | None
    # Statuses that take an item out of the active list (it stays in the register and exports).
    closed_statuses: frozenset[str] = field(default_factory=frozenset)
    stocktake: bool = False
    filters: tuple[str, ...] = ()  # coded columns the table can be filtered by, besides status
    year_key: str | None = None  # a date column the table can be filtered by year
    holder_key: str | None = None  # the employee who holds an item (leavers return it, 5 運用①)
    location_key: str | None = None  # where an item is kept (a stock-take may correct it)
    # Columns that name an item in lists (a leaver's holdings); the number when not given.
    describe_keys: tuple[str, ...] = ()
    grids: tuple[Grid, ...] = ()  # groups of columns the form lays out as a table

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


def _stocktake() -> Column:
    return Column("last_stocktake_on", "最終棚卸日", "Last stock-take", "date", width=12)


def _asset_number() -> Column:
    return Column(
        "asset_number",
        "資産番号",
        "Asset no.",
        required=True,
        unique=True,
        width=12,
        max_length=LABEL_NUMBER_LENGTH,
    )


def _notes() -> Column:
    return Column("notes", "備考", "Notes", width=30, in_table=False, multiline=True, max_length=NOTE_LENGTH)


MEDIA = Register(
    key="media",
    ja="記憶媒体",
    en="Storage media",
    table_name="storage_medium",
    number_key="asset_number",
    status_key="status",
    status_codes=MediumStatus,
    closed_statuses=frozenset({MediumStatus.DISPOSED.value}),
    holder_key="custodian_id",
    location_key="location",
    stocktake=True,
    columns=(
        _asset_number(),
        Column("kind", "種類", "Kind", "code", MediumKind, required=True, width=12),
        Column("nand_flash", "NAND型フラッシュ", "NAND flash", "bool", width=8, in_table=False),
        Column("quantity", "数量", "Quantity", "int", required=True, minimum=0, width=6, default=1),
        Column("location", "所在", "Location", width=16),
        Column("custodian_id", "管理者", "Custodian", "person", width=12),
        Column("holds_important_info", "重要情報", "Important information", "bool", width=8),
        Column("storage_place", "保管場所", "Storage place", width=14, in_table=False),
        Column("storage_environment", "保管環境", "Storage environment", width=14, in_table=False),
        Column("authorised", "使用許可", "Authorised", "bool", width=8, in_table=False, default=True),
        Column("long_term_backup", "長期保管", "Long-term backup", "bool", width=8, in_table=False),
        Column("lifetime_until", "寿命(目安)", "Lifetime until", "date", width=12, in_table=False),
        Column("next_migration_on", "次回移行日", "Next migration", "date", width=12),
        Column("status", "状態", "Status", "code", MediumStatus, required=True, width=10, default="in_use"),
        _stocktake(),
        _notes(),
        Column("disposal_disposed_on", "廃棄日", "Disposed on", "date", width=12, in_table=False),
        Column(
            "disposal_method", "廃棄方法", "Disposal method", "code", DisposalMethod, width=14, in_table=False
        ),
        Column(
            "disposal_performed_by",
            "廃棄実施者",
            "Disposed by",
            width=12,
            in_table=False,
            max_length=NAME_LENGTH,
        ),
        Column(
            "disposal_verified_by",
            "消去確認者",
            "Erasure verified by",
            width=12,
            in_table=False,
            max_length=NAME_LENGTH,
        ),
        Column("disposal_verified_on", "消去確認日", "Erasure verified on", "date", width=12, in_table=False),
        Column(
            "disposal_certificate_no",
            "証明書番号",
            "Certificate no.",
            width=14,
            in_table=False,
            max_length=ID_LENGTH,
        ),
    ),
)

# The 10③ functions that must be on, plus device management and the 10④⑤ restrictions.
DEVICE_SECURITY_SETTINGS = (
    "passcode_lock",
    "auto_lock",
    "wipe_after_failed_passcodes",
    "remote_wipe",
    "encryption",
    "anti_malware",
    "allowed_apps_only",
    "allowed_cloud_only",
)

DEVICES = Register(
    key="devices",
    ja="スマートデバイス",
    en="Smart devices",
    table_name="smart_device",
    number_key="asset_number",
    status_key="status",
    status_codes=DeviceStatus,
    closed_statuses=frozenset({DeviceStatus.DISPOSED.value}),
    holder_key="user_id",
    stocktake=True,
    columns=(
        _asset_number(),
        Column("kind", "種類", "Kind", "code", DeviceKind, required=True, width=12),
        Column("model", "機種", "Model", width=14, max_length=NAME_LENGTH),
        Column("os_name", "OS", "OS", width=10, max_length=NAME_LENGTH),
        Column("os_version", "OSバージョン", "OS version", width=10, max_length=ID_LENGTH),
        Column(
            "serial_or_imei", "製造番号/IMEI", "Serial/IMEI", width=16, in_table=False, max_length=ID_LENGTH
        ),
        Column("user_id", "利用者", "User", "person", width=12),
        Column("ownership", "所有区分", "Ownership", "code", DeviceOwnership, required=True, width=10),
        Column("mdm_enrolled", "MDM登録", "MDM enrolled", "bool", width=8, in_table=False),
        Column("passcode_lock", "パスコードロック", "Passcode lock", "bool", width=8, in_table=False),
        Column("auto_lock", "自動ロック", "Auto-lock", "bool", width=8, in_table=False),
        Column(
            "wipe_after_failed_passcodes",
            "入力失敗時の消去",
            "Wipe after failed passcodes",
            "bool",
            width=8,
            in_table=False,
        ),
        Column("remote_wipe", "リモートワイプ", "Remote wipe", "bool", width=8, in_table=False),
        Column("encryption", "暗号化", "Encryption", "bool", width=8, in_table=False),
        Column("anti_malware", "マルウェア対策", "Anti-malware", "bool", width=8, in_table=False),
        Column("allowed_apps_only", "許可アプリのみ", "Allowed apps only", "bool", width=8, in_table=False),
        Column(
            "allowed_cloud_only", "許可クラウドのみ", "Allowed cloud only", "bool", width=8, in_table=False
        ),
        Column(
            "allowed_cloud_services",
            "許可クラウドサービス",
            "Allowed cloud services",
            "links",
            width=24,
            in_table=False,
            link=Link("device_cloud_service", "device_id", "cloud_service_id", "cloud_service"),
        ),
        Column(
            "jailbreak_checked_on",
            "脱獄・ルート化確認日",
            "Jailbreak/root checked",
            "date",
            width=12,
            in_table=False,
        ),
        Column("last_patch_on", "最終パッチ適用日", "Last patch", "date", width=12),
        Column(
            "backup_procedure",
            "バックアップ手順",
            "Backup procedure",
            width=20,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column(
            "guideline_acknowledged_on",
            "ガイドライン確認日",
            "Guideline acknowledged",
            "date",
            width=12,
            in_table=False,
            editable=False,  # from the user's acknowledgment of the staff guideline (10⑨)
        ),
        Column(
            "autolink_checked_on",
            "自動連携確認日",
            "Auto-link settings checked",
            "date",
            width=12,
            in_table=False,
        ),
        Column("settings_checked_on", "設定確認日", "Settings checked", "date", width=12),
        _stocktake(),
        Column("status", "状態", "Status", "code", DeviceStatus, required=True, width=10, default="in_use"),
        _notes(),
    ),
)

BADGES = Register(
    key="badges",
    ja="社員証",
    en="ID badges",
    table_name="id_badge",
    number_key="badge_number",
    status_key="status",
    status_codes=BadgeStatus,
    closed_statuses=frozenset({BadgeStatus.RETURNED.value, BadgeStatus.REVOKED.value}),
    holder_key="holder_id",
    stocktake=True,
    columns=(
        Column(
            "badge_number",
            "社員証番号",
            "Badge no.",
            required=True,
            unique=True,
            width=12,
            max_length=LABEL_NUMBER_LENGTH,
        ),
        Column("holder_id", "所持者", "Holder", "person", width=12),
        Column("medium", "媒体", "Medium", "code", BadgeMedium, required=True, width=10),
        Column("areas", "入館可能エリア", "Areas allowed", width=18),
        Column("issued_on", "発行日", "Issued", "date", width=12),
        Column("valid_until", "有効期限", "Valid until", "date", width=12),
        Column("status", "状態", "Status", "code", BadgeStatus, required=True, width=10, default="active"),
        Column("returned_on", "返却日", "Returned", "date", width=12),
        _stocktake(),
        _notes(),
    ),
)

PEOPLE = Register(
    key="people",
    ja="従業員",
    en="Employees",
    table_name="person",
    number_key=None,
    status_key=None,
    status_codes=None,
    columns=(
        Column("name", "氏名", "Name", required=True, width=14, max_length=NAME_LENGTH),
        Column("kana", "フリガナ", "Kana", width=14, max_length=NAME_LENGTH, text_form="kana"),
        Column("department", "部署", "Department", width=12, max_length=NAME_LENGTH),
        Column("employment_type", "雇用形態", "Employment", "code", EmploymentType, required=True, width=14),
        # Most people are 従業員; an administrator's role is chosen, never assumed (5⑤).
        Column("role", "役割", "Role", "code", PersonRole, required=True, width=14, default="employee"),
        Column("phone", "電話", "Phone", width=14, in_table=False, max_length=ID_LENGTH, text_form="phone"),
        Column("email", "メール", "E-mail", width=20, in_table=False, text_form="email"),
        Column("joined_on", "入社日", "Joined", "date", width=12),
        Column("left_on", "退職日", "Left", "date", width=12),
        _notes(),
    ),
)

INCIDENTS = Register(
    key="incidents",
    ja="障害・事故",
    en="Incidents",
    table_name="incident",
    number_key="number",
    status_key="status",
    status_codes=IncidentStatus,
    closed_statuses=frozenset({IncidentStatus.CLOSED.value}),
    filters=("incident_type",),
    year_key="occurred_at",
    # In the order control 3② asks: when, who, what, how, and what came of it; then its kind.
    columns=(
        Column("number", "番号", "No.", unique=True, width=10, editable=False, max_length=ID_LENGTH),
        Column("occurred_at", "発生日時(いつ)", "Occurred (when)", "datetime", required=True, width=16),
        Column("discovered_at", "発見日時", "Discovered", "datetime", width=16, in_table=False),
        Column("reported_at", "報告日時", "Reported", "datetime", width=16, in_table=False),
        Column("who", "誰が", "Who", width=14, max_length=NAME_LENGTH),
        Column("what", "何を", "What", width=24),
        Column(
            "how", "どのようにして", "How", width=24, in_table=False, multiline=True, max_length=NOTE_LENGTH
        ),
        Column(
            "result",
            "その結果どうなったのか",
            "What happened as a result",
            width=24,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column("incident_type", "種類", "Type", "code", IncidentType, required=True, width=14),
        Column(
            "impact_confidentiality",
            "影響: 機密性",
            "Impact: confidentiality",
            "bool",
            width=6,
            in_table=False,
        ),
        Column("impact_integrity", "影響: 完全性", "Impact: integrity", "bool", width=6, in_table=False),
        Column(
            "impact_availability", "影響: 可用性", "Impact: availability", "bool", width=6, in_table=False
        ),
        Column("impact_legality", "影響: 適法性", "Impact: legality", "bool", width=6, in_table=False),
        Column(
            "threat_source", "脅威の要因", "Threat source", "code", ThreatSource, width=14, in_table=False
        ),
        Column("severity", "重大度", "Severity", "code", Severity, required=True, width=8),
        Column("status", "状態", "Status", "code", IncidentStatus, required=True, width=14, editable=False),
        Column(
            "root_cause",
            "根本原因",
            "Root cause",
            width=24,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column(
            "recovery_method",
            "復旧方法",
            "Recovery method",
            width=24,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column(
            "timeline",
            "対応の経過",
            "Handling timeline",
            width=30,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column("closed_on", "完了日", "Closed on", "date", width=12, editable=False),
    ),
)

PLANS = Register(
    key="plans",
    ja="IT継続計画",
    en="IT continuity plans",
    table_name="continuity_plan",
    number_key="name",  # one plan per system or service; Excel rows are matched by it
    status_key=None,
    status_codes=None,
    # 4①: what the outage touches and how quickly it must be back; 4②: reviewed regularly.
    # Protection, recovery steps, scenarios and drills hang off the plan (services.continuity).
    columns=(
        Column(
            "name",
            "対象システム・サービス",
            "System or service",
            required=True,
            unique=True,
            width=20,
            max_length=NAME_LENGTH,
        ),
        Column("owner_id", "責任者", "Owner", "person", width=12),
        Column(
            "business_impact",
            "業務への影響範囲",
            "Business impact",
            width=30,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column(
            "damage_and_risk",
            "被害及びリスク",
            "Damage and risk",
            width=30,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column(
            "rto_hours", "目標復旧時間(時間)", "Recovery time objective (h)", "number", minimum=0, width=16
        ),
        Column(
            "rpo_hours", "目標復旧時点(時間)", "Recovery point objective (h)", "number", minimum=0, width=16
        ),
        Column(
            "depends_on_contact_tree",
            "緊急連絡網を使う",
            "Uses the contact tree",
            "bool",
            width=8,
            in_table=False,
        ),
        Column(
            "review_interval_days",
            "見直し間隔(日)",
            "Review interval (days)",
            "int",
            required=True,
            minimum=1,
            width=12,
            default=365,
        ),
        Column("last_reviewed_on", "最終見直し日", "Last reviewed", "date", width=12, editable=False),
        _notes(),
    ),
)

# 2①: the security level the office requires of a cloud service, area by area; 2②: whether
# it was confirmed.
CLOUD_SECURITY = Grid(
    "セキュリティレベルの確認(2①②)",
    "Security level required and confirmed (2①②)",
    rows=(
        ("facility", "入退館・入退室管理", "Building and room entry"),
        ("leakage", "情報漏えい対策", "Leak prevention"),
        ("authentication", "認証強度", "Authentication strength"),
        ("access_control", "アクセス制御", "Access control"),
        ("antivirus", "ウイルス対策", "Anti-virus"),
        ("failure", "障害・事故対策", "Failure and incident handling"),
        ("disaster", "災害対策", "Disaster recovery"),
    ),
    parts=(
        ("required", "要求", "required", "bool"),
        ("confirmed", "確認済", "confirmed", "bool"),
        ("note", "確認内容", "what was confirmed", "text"),
    ),
)

CLOUD_SERVICES = Register(
    key="cloud_services",
    ja="クラウドサービス",
    en="Cloud services",
    table_name="cloud_service",
    number_key="name",  # Excel rows are matched by the service's name
    status_key="status",
    status_codes=CloudServiceStatus,
    closed_statuses=frozenset({CloudServiceStatus.STOPPED.value}),
    grids=(CLOUD_SECURITY,),
    columns=(
        Column("name", "サービス名", "Service", required=True, unique=True, width=20, max_length=NAME_LENGTH),
        Column("provider", "提供事業者", "Provider", width=16, max_length=NAME_LENGTH),
        Column("purpose", "利用目的", "Purpose", width=20),
        Column(
            "data_held",
            "預ける情報",
            "Information kept there",
            width=20,
            in_table=False,
            multiline=True,
            max_length=NOTE_LENGTH,
        ),
        Column("importance", "情報の重要度", "Importance of the information", "code", Importance, width=14),
        Column("owner_id", "担当者", "Owner", "person", width=12),
        *CLOUD_SECURITY.columns(),
        # 2①: the service level.
        Column("support_hours", "対応時間", "Support hours", width=14, in_table=False),
        Column("service_hours", "サービス可能時間", "Service hours", width=14, in_table=False),
        Column("resource_guarantee", "リソースの使用保証", "Resource guarantee", width=16, in_table=False),
        Column("sla_concluded", "契約・SLA締結(参考)", "Contract/SLA concluded (optional)", "bool", width=8),
        Column("datacentre_location", "データセンターの所在地", "Data-centre location", width=14),
        Column("applicable_law", "適用される法律", "Applicable law", width=14, in_table=False),
        Column("mfa_enabled", "多要素認証", "Multi-factor login", "bool", width=8),
        Column("last_reviewed_on", "最終確認日", "Last reviewed", "date", width=12),
        Column(
            "status", "状態", "Status", "code", CloudServiceStatus, required=True, width=10, default="in_use"
        ),
        _notes(),
    ),
)

ACCOUNTS = Register(
    key="accounts",
    ja="アカウント",
    en="User accounts",
    table_name="user_account",
    number_key="account_number",
    status_key="status",
    status_codes=AccountStatus,
    closed_statuses=frozenset({AccountStatus.DISABLED.value}),
    holder_key="person_id",
    describe_keys=("system", "login"),
    filters=("privilege",),
    columns=(
        Column(
            "account_number",
            "管理番号",
            "Account no.",
            required=True,
            unique=True,
            width=10,
            max_length=ID_LENGTH,
        ),
        Column(
            "system",
            "システム・サービス",
            "System or service",
            required=True,
            width=18,
            suggest=("cloud_service", "name"),
            max_length=NAME_LENGTH,
        ),
        Column("login", "ユーザーID", "User ID", required=True, width=16, max_length=NAME_LENGTH),
        Column("person_id", "利用者", "User", "person", width=12),
        Column("shared", "共用・匿名ID", "Shared or anonymous ID", "bool", width=8),
        Column(
            "privilege",
            "権限",
            "Privilege",
            "code",
            AccountPrivilege,
            required=True,
            width=10,
            default="user",
        ),
        Column(
            "auth_method",
            "認証方式",
            "Authentication",
            "code",
            AuthMethod,
            required=True,
            width=14,
            default="password",
        ),
        Column("issued_on", "発行日", "Issued", "date", width=12),
        Column("last_reviewed_on", "最終見直し日", "Last reviewed", "date", width=12),
        Column("disabled_on", "無効化日", "Disabled on", "date", width=12),
        Column("status", "状態", "Status", "code", AccountStatus, required=True, width=10, default="active"),
        _notes(),
    ),
)

REGISTERS: dict[str, Register] = {
    r.key: r for r in (MEDIA, DEVICES, BADGES, PEOPLE, INCIDENTS, PLANS, CLOUD_SERVICES, ACCOUNTS)
}
# The registers whose items an employee holds, in the order a leaver's holdings are listed
# (accounts are disabled, not handed over: 5③ one ID per person).
HELD_REGISTERS: tuple[Register, ...] = (BADGES, DEVICES, MEDIA, ACCOUNTS)
