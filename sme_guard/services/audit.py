"""変更履歴: read the audit trail for people, and check it.

The trail is written by the database itself (``sme_guard.db.audit_triggers``); this module
lists it — one record's history, or the whole trail filtered — with stored values turned
into what the screens show (labels of codes, はい/いいえ, local times, employees' names,
records as "field: value" lists), and runs ``sme-guard check`` (``verify``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, and_, func, or_, select

from sme_guard.db.audit_check import CheckReport
from sme_guard.db.database import Database
from sme_guard.domain.catalog import entry_label
from sme_guard.domain.codes import (
    AuditAction,
    DisasterScenario,
    GuidelineKind,
    IncidentStatus,
    MeasureStatus,
    PolicyKind,
    ProtectionMeasure,
    SecurityActionLevel,
    label,
)
from sme_guard.domain.registers import REGISTERS, Kind
from sme_guard.services import settings as office_settings
from sme_guard.services.audit_documents import decisions_summary, entry_summary, policy_summary
from sme_guard.services.catalog import bundled_plan_templates

DEFAULT_LIMIT = 1000  # lines a screen lists (newest first); the Excel export has no limit
HISTORY_LIMIT = 5000
RECORD_KEYS = ("id", "created_at", "updated_at")  # not shown in a record's summary
MULTILINE_MARK = " ↵ "

# Every table the trail records, as people know it. A test keeps it complete.
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "app_setting": ("事業所の設定", "Office setting"),
    "cloud_service": ("クラウドサービス", "Cloud service"),
    "assessment": ("自己点検", "Self-assessment"),
    "check_completion": ("定期点検の実施", "Recurring check done"),
    "contact_entry": ("緊急連絡網", "Contact tree"),
    "contact_tree_confirmation": ("緊急連絡網の確認", "Contact tree confirmation"),
    "continuity_plan": ("IT継続計画", "IT continuity plan"),
    "drill": ("訓練", "Drill"),
    "drill_participant": ("訓練の参加者", "Drill participant"),
    "device_cloud_service": ("スマートデバイスの許可クラウド", "Device allowed cloud service"),
    "guideline_acknowledgment": ("ガイドラインの確認", "Guideline acknowledgment"),
    "id_badge": ("社員証・IDカード", "ID badge"),
    "incident": ("障害・事故", "Incident"),
    "incident_action": ("障害・事故の対策", "Incident action"),
    "incident_asset": ("障害・事故の関連資産", "Incident asset"),
    "incident_counter": ("障害・事故の採番", "Incident numbering"),
    "incident_external_report": ("障害・事故の届け出", "Incident external report"),
    "incident_measure": ("障害・事故の関連管理策", "Incident measure"),
    "incident_notification": ("障害・事故の連絡", "Incident notification"),
    "incident_status_change": ("障害・事故の状態変更", "Incident status change"),
    "measure_result": ("自己点検の回答(管理策)", "Self-assessment answer (measure)"),
    "medium_disposal": ("記憶媒体の廃棄記録", "Storage medium disposal"),
    "office_catalog_entry": ("独自の管理策・業務シート", "Own control item or task sheet"),
    "person": ("従業員", "Employee"),
    "plan_dependency": ("IT継続計画の依存関係", "Plan dependency"),
    "plan_protection": ("IT継続計画の保護策", "Plan protection"),
    "plan_review": ("IT継続計画の見直し", "Plan review"),
    "plan_scenario": ("IT継続計画の災害想定", "Plan disaster scenario"),
    "plan_step": ("IT継続計画の復旧手順", "Plan recovery step"),
    "recurring_check": ("定期点検", "Recurring check"),
    "security_action": ("SECURITY ACTION の宣言", "SECURITY ACTION declaration"),
    "security_policy": ("情報セキュリティ方針・対策基準", "Security policy or rules"),
    "self_diagnosis": ("自社診断", "Self-diagnosis"),
    "self_diagnosis_answer": ("自社診断の回答", "Self-diagnosis answer"),
    "sheet_result": ("自己点検の回答(業務シート)", "Self-assessment answer (task sheet)"),
    "smart_device": ("スマートデバイス", "Smart device"),
    "staff_guideline": ("従業員向けガイドライン", "Staff guideline"),
    "stock_take": ("棚卸", "Stock-take"),
    "stock_take_item": ("棚卸の明細", "Stock-take line"),
    "storage_medium": ("記憶媒体", "Storage medium"),
    "user_account": ("アカウント", "User account"),
}

# Labels of the columns of tables that are not registers (the registers' own columns are
# labelled by their register).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "acknowledged_on": ("確認日", "Acknowledged on"),
    "alternate_person_id": ("代理", "Alternate"),
    "applies": ("該当", "Applies"),
    "assessment_id": ("自己点検", "Self-assessment"),
    "assessor": ("点検者", "Assessor"),
    "asset_id": ("資産", "Asset"),
    "asset_number": ("資産番号", "Asset number"),
    "badge_id": ("社員証", "Badge"),
    "catalog_ref": ("ガイドラインの項目", "Guideline point"),
    "certificate_no": ("証明書番号", "Certificate number"),
    "change_note": ("計画の変更内容", "Plan change"),
    "change_review_id": ("計画の見直し", "Plan review"),
    "changed_at": ("変更日時", "Changed at"),
    "channel": ("連絡手段", "Channel"),
    "check_id": ("定期点検", "Recurring check"),
    "choices_json": ("ガイドラインの選択内容", "Guideline choices"),
    "cloud_service_id": ("クラウドサービス", "Cloud service"),
    "code": ("コード", "Code"),
    "confirmed_by_id": ("確認者", "Confirmed by"),
    "confirmed_on": ("確認日", "Confirmed on"),
    "contact_entry_id": ("連絡網の段", "Contact tree entry"),
    "content_json": ("内容", "Contents"),
    "current_state": ("現状", "Current state"),
    "data": ("内容", "Contents"),
    "declaration_id": ("自己宣言ID", "Self-declaration ID"),
    "declared_on": ("宣言日", "Declared on"),
    "depends_on_id": ("依存先の計画", "Depends on"),
    "description": ("内容", "Description"),
    "device_id": ("スマートデバイス", "Device"),
    "diagnosis_id": ("自社診断", "Self-diagnosis"),
    "disposed_on": ("廃棄日", "Disposed on"),
    "done_by": ("実施者", "Done by"),
    "done_on": ("完了日", "Done on"),
    "drill_id": ("訓練", "Drill"),
    "due_on": ("期限", "Due on"),
    "duration_minutes": ("所要時間(分)", "Duration (minutes)"),
    "email": ("メール", "E-mail"),
    "enabled": ("有効", "Enabled"),
    "entry_id": ("ID", "ID"),
    "evidence": ("根拠", "Evidence"),
    "expected_location": ("所在(台帳)", "Expected location"),
    "findings": ("気付いた点", "Findings"),
    "finished_on": ("終了日", "Finished on"),
    "first_due_on": ("初回期限", "First due on"),
    "found_count": ("確認済", "Found"),
    "found_location": ("所在(実際)", "Found at"),
    "guideline_id": ("ガイドライン", "Guideline"),
    "held_on": ("実施日", "Held on"),
    "human_status": ("人的対策", "Human measure"),
    "in_place": ("実施済", "In place"),
    "incident_id": ("障害・事故", "Incident"),
    "interval_days": ("間隔(日)", "Interval (days)"),
    "issued_on": ("発行日", "Issued on"),
    "key": ("項目", "Key"),
    "kind": ("種類", "Kind"),
    "last_done_on": ("前回実施日", "Last done on"),
    "last_sequence": ("最後の番号", "Last number"),
    "level": ("段階", "Level"),
    "location": ("場所", "Location"),
    "measure": ("保護策", "Measure"),
    "measure_id": ("管理策", "Measure"),
    "medium_id": ("記憶媒体", "Storage medium"),
    "method": ("廃棄方法", "Method"),
    "minutes_achieved": ("復旧時間(分)", "Minutes achieved"),
    "missing_count": ("不明", "Missing"),
    "name": ("名称", "Name"),
    "note": ("メモ", "Note"),
    "notes": ("備考", "Notes"),
    "notified_at": ("連絡日時", "Notified at"),
    "number": ("番号", "Number"),
    "objective_minutes": ("目標復旧時間(分)", "Objective (minutes)"),
    "owner_id": ("担当者", "Owner"),
    "performed_by": ("実施者", "Performed by"),
    "person_id": ("従業員", "Employee"),
    "phone": ("電話", "Phone"),
    "plan_changed": ("計画を変更", "Plan changed"),
    "plan_id": ("IT継続計画", "Plan"),
    "position": ("順序", "Position"),
    "published_on": ("公表日", "Published on"),
    "published_where": ("公表先", "Published where"),
    "question": ("設問", "Question"),
    "reason": ("対象外の理由", "Reason (not applicable)"),
    "reference": ("受付番号", "Reference"),
    "register_key": ("台帳", "Register"),
    "reported_on": ("届出日", "Reported on"),
    "reported_to": ("届出先", "Reported to"),
    "response": ("対応", "Response"),
    "responsibility": ("実施責任", "Responsibility"),
    "result": ("結果", "Result"),
    "reviewed_on": ("見直し日", "Reviewed on"),
    "role": ("役割", "Role"),
    "scenario": ("想定", "Scenario"),
    "score": ("点数", "Points"),
    "sequence": ("年内の連番", "Number in the year"),
    "sheet_id": ("業務シート", "Task sheet"),
    "started_by": ("開始者", "Started by"),
    "started_on": ("開始日", "Started on"),
    "status": ("状態", "Status"),
    "steps_exercised": ("訓練した手順", "Steps exercised"),
    "stock_take_id": ("棚卸", "Stock-take"),
    "technical_status": ("技術的対策", "Technical measure"),
    "template_code": ("元にした例", "Made from the example"),
    "title": ("名称", "Title"),
    "unchecked_count": ("未確認", "Not checked"),
    "value": ("値", "Value"),
    "verified_by": ("消去確認者", "Verified by"),
    "verified_on": ("消去確認日", "Verified on"),
    "version": ("版", "Version"),
    "what": ("作業", "What"),
    "who": ("担当", "Who"),
    "year": ("年", "Year"),
}

# Coded columns of tables that are not registers.
CODES: dict[tuple[str, str], type[StrEnum]] = {
    ("incident_status_change", "status"): IncidentStatus,
    ("plan_protection", "measure"): ProtectionMeasure,
    ("plan_scenario", "scenario"): DisasterScenario,
    ("measure_result", "status"): MeasureStatus,
    ("sheet_result", "technical_status"): MeasureStatus,
    ("sheet_result", "human_status"): MeasureStatus,
    ("staff_guideline", "kind"): GuidelineKind,
    ("security_policy", "kind"): PolicyKind,
    ("security_action", "level"): SecurityActionLevel,
}
# Columns holding catalog ids (ctl-09-p1, sheet-001; several comma-separated): shown as 9 運用①.
CATALOG_ID_FIELDS = frozenset({"catalog_ref", "measure_id", "sheet_id", "entry_id"})
# Values of other columns as people know them.
VALUE_LABELS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("stock_take_item", "result"): {"found": ("確認済", "Found"), "missing": ("不明", "Missing")},
    ("office_catalog_entry", "kind"): {
        "item": ("管理項目", "Control item"),
        "sheet": ("業務シート", "Task sheet"),
    },
}
# Internal keys a person never typed nor needs (the check's title says what it is).
HIDDEN_FIELDS = frozenset({("recurring_check", "code")})
# Columns that name a record, for the "record" of a line (besides a register's number).
NAMING_COLUMNS = ("number", "asset_number", "badge_number", "name", "title", "code", "key")
YES_NO = {"ja": ("はい", "いいえ"), "en": ("yes", "no")}


@dataclass(frozen=True)
class AuditFilter:
    """What the trail is narrowed to; ``since``/``until`` are local days, both included."""

    table: str | None = None
    since: date | None = None
    until: date | None = None
    user: str | None = None
    text: str | None = None  # in a field name or an old or new value


@dataclass(frozen=True)
class AuditLine:
    """One entry of the trail, with its values as a screen shows them."""

    id: int
    at: datetime  # UTC, aware
    os_user: str
    table_name: str
    record_id: int
    action: str  # AuditAction code
    field: str | None
    old_value: str | None  # as stored
    new_value: str | None
    entry_hash: str
    table_text: str
    record_text: str  # the record's number or name where it has one, else "#id"
    action_text: str
    field_text: str
    old_text: str  # as shown: labels, local times, a record as "field: value, ..."
    new_text: str

    @property
    def local_at(self) -> datetime:
        return self.at.astimezone()

    @property
    def when_text(self) -> str:
        return self.local_at.strftime("%Y-%m-%d %H:%M:%S")


# ------------------------------------------------------------------ labels


@dataclass(frozen=True)
class _Field:
    ja: str
    en: str
    kind: Kind
    codes: type[StrEnum] | None = None
    refers: str | None = None  # the table a reference column points into


def _kind_of(column: Any) -> Kind:
    from sqlalchemy import Boolean, Date, DateTime, Float, Integer

    if any(fk.column.table.name == "person" for fk in column.foreign_keys):
        return "person"
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):  # UTCDateTime
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer | Float):
        return "number"
    return "text"


@cache
def _fields(table_name: str) -> dict[str, _Field]:
    """The columns of a table with their labels and how their values are shown."""
    from sqlmodel import SQLModel

    import sme_guard.domain.tables  # noqa: F401  (registers the tables)

    fields: dict[str, _Field] = {}
    table = SQLModel.metadata.tables.get(table_name)
    if table is not None:
        for stored in table.columns:
            ja, en = FIELD_LABELS.get(stored.name, (stored.name, stored.name))
            refers = next((key.column.table.name for key in stored.foreign_keys), None)
            codes = CODES.get((table_name, stored.name))
            fields[stored.name] = _Field(ja, en, _kind_of(stored), codes, refers)
    for register in REGISTERS.values():
        for column in register.columns:
            key = column.key
            if register.table_name == table_name and not key.startswith("disposal_"):
                refers = fields[key].refers if key in fields else None
                fields[key] = _Field(column.ja, column.en, column.kind, column.codes, refers)
            elif table_name == "medium_disposal" and key.startswith("disposal_"):
                fields[key.removeprefix("disposal_")] = _Field(
                    column.ja, column.en, column.kind, column.codes
                )
    fields["id"] = _Field("ID", "ID", "number")
    fields["created_at"] = _Field("作成日時", "Created at", "datetime")
    fields["updated_at"] = _Field("更新日時", "Updated at", "datetime")
    return fields


def table_label(table_name: str, lang: str) -> str:
    ja, en = TABLE_LABELS.get(table_name, (table_name, table_name))
    return en if lang == "en" else ja


def field_label(table_name: str, field: str | None, lang: str) -> str:
    if field is None:
        return ""
    known = _fields(table_name).get(field)
    if known is None:
        return field
    return known.en if lang == "en" else known.ja


def audited_table_names() -> list[str]:
    """Every table the trail records, in the order of their labels' keys."""
    return sorted(TABLE_LABELS)


class _Formatter:
    """Turns stored text into display text; looks names up once per connection."""

    def __init__(self, connection: Connection, lang: str) -> None:
        self.connection = connection
        self.lang = lang
        self._people: dict[str, str] | None = None
        self._names: dict[str, dict[int, str]] = {}

    def people(self) -> dict[str, str]:
        if self._people is None:
            from sme_guard.services.registers import table_named

            person = table_named("person")
            rows = self.connection.execute(select(person.c.id, person.c.name))
            self._people = {str(row_id): name for row_id, name in rows}
        return self._people

    def value(self, table_name: str, field: str, text: str | None) -> str:
        if text is None or text == "":
            return ""
        known = _fields(table_name).get(field)
        kind = known.kind if known else "text"
        if kind == "bool":
            yes, no = YES_NO["en" if self.lang == "en" else "ja"]
            return no if text in ("0", "false", "False") else yes
        if kind == "person":
            name = self.people().get(text)
            return f"{name} (#{text})" if name else f"#{text}"
        if known is not None and known.refers is not None and text.isdigit():
            return self.record_name(known.refers, int(text))
        if kind == "datetime":
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                return text
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.astimezone().strftime("%Y-%m-%d %H:%M")
        if known is not None and known.codes is not None:
            try:
                return label(known.codes(text), self.lang)
            except ValueError:
                return text
        named = self._named(table_name, field, text)
        return (named if named is not None else text).replace("\r\n", "\n").replace("\n", MULTILINE_MARK)

    def _named(self, table_name: str, field: str, text: str) -> str | None:
        """What an internal key or a stored document stands for, in words; None for plain text."""
        lang = self.lang
        labels = VALUE_LABELS.get((table_name, field))
        if labels is not None and text in labels:
            ja, en = labels[text]
            return en if lang == "en" else ja
        if field in CATALOG_ID_FIELDS:
            return ", ".join(entry_label(part, lang) for part in text.split(",") if part)
        if field == "register_key" and text in REGISTERS:
            return REGISTERS[text].label(lang)
        if (table_name, field) == ("app_setting", "key"):
            return office_settings.label_of(text, lang)
        if (table_name, field) == ("continuity_plan", "template_code"):
            return next((t.content(lang).name for t in bundled_plan_templates() if t.code == text), text)
        if (table_name, field) == ("office_catalog_entry", "data"):
            return entry_summary(text, lang)
        if (table_name, field) == ("staff_guideline", "choices_json"):
            return decisions_summary(text, lang)
        if (table_name, field) == ("security_policy", "content_json"):
            return policy_summary(text, lang)
        return None

    def record(self, table_name: str, text: str | None) -> str:
        """A whole record (JSON of the stored values) as "field: value" pairs."""
        if text is None:
            return ""
        try:
            values = json.loads(text)
        except ValueError:
            return text
        if not isinstance(values, dict):
            return text
        separator = "; " if self.lang == "en" else "、"
        return separator.join(
            f"{field_label(table_name, key, self.lang)}: {self.value(table_name, key, value)}"
            for key, value in values.items()
            if key not in RECORD_KEYS and value not in (None, "") and (table_name, key) not in HIDDEN_FIELDS
        )

    def record_name(self, table_name: str, record_id: int) -> str:
        names = self._names.get(table_name)
        if names is None:
            names = self._names[table_name] = self._load_names(table_name)
        name = names.get(record_id)
        return f"{name} (#{record_id})" if name else f"#{record_id}"

    def _load_names(self, table_name: str) -> dict[int, str]:
        from sqlmodel import SQLModel

        table = SQLModel.metadata.tables.get(table_name)
        if table is None:
            return {}
        register = next((r for r in REGISTERS.values() if r.table_name == table_name), None)
        keys = ([register.number_key] if register and register.number_key else []) + list(NAMING_COLUMNS)
        column = next((table.c[key] for key in keys if key in table.c), None)
        if column is None:
            return {}
        rows = self.connection.execute(select(table.c.id, column))
        names = {row_id: str(value) for row_id, value in rows if value not in (None, "")}
        if table_name == "app_setting":  # named by its key: say which setting
            return {row_id: office_settings.label_of(key, self.lang) for row_id, key in names.items()}
        return names

    def line(self, row: Any) -> AuditLine:
        table_name, action, field = row.table_name, row.action, row.field
        if field is None:  # a whole record: inserted, deleted, or as the trail began
            old_text = self.record(table_name, row.old_value)
            new_text = self.record(table_name, row.new_value)
        else:
            old_text = self.value(table_name, field, row.old_value)
            new_text = self.value(table_name, field, row.new_value)
        try:
            action_text = label(AuditAction(action), self.lang)
        except ValueError:
            action_text = action
        return AuditLine(
            id=row.id,
            at=row.at,
            os_user=row.os_user,
            table_name=table_name,
            record_id=row.record_id,
            action=action,
            field=field,
            old_value=row.old_value,
            new_value=row.new_value,
            entry_hash=row.entry_hash,
            table_text=table_label(table_name, self.lang),
            record_text=self.record_name(table_name, row.record_id),
            action_text=action_text,
            field_text=field_label(table_name, field, self.lang),
            old_text=old_text,
            new_text=new_text,
        )


# ------------------------------------------------------------------ queries


def _audit() -> Table:
    from sme_guard.domain.audit import AuditEntry

    return AuditEntry.__table__  # type: ignore[attr-defined,no-any-return]


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _conditions(audit: Table, filters: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.table:
        conditions.append(audit.c.table_name == filters.table)
    if filters.user:
        conditions.append(audit.c.os_user == filters.user)
    if filters.since:
        conditions.append(audit.c.at >= _local_midnight(filters.since))
    if filters.until:
        conditions.append(audit.c.at < _local_midnight(filters.until + timedelta(days=1)))
    if filters.text:
        text = filters.text.strip()
        conditions.append(
            or_(
                audit.c.field.contains(text, autoescape=True),
                audit.c.old_value.contains(text, autoescape=True),
                audit.c.new_value.contains(text, autoescape=True),
            )
        )
    return conditions


def _selected(audit: Table) -> Any:
    return select(
        audit.c.id,
        audit.c.at,
        audit.c.os_user,
        audit.c.table_name,
        audit.c.record_id,
        audit.c.action,
        audit.c.field,
        audit.c.old_value,
        audit.c.new_value,
        audit.c.entry_hash,
    )


def entries(
    database: Database,
    *,
    table: str | None = None,
    since: date | None = None,
    until: date | None = None,
    user: str | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
    lang: str = "ja",
) -> list[AuditLine]:
    """The trail, newest first, narrowed by table, local days, OS user and text."""
    return filtered(database, AuditFilter(table, since, until, user, text), limit=limit, lang=lang)


def filtered(
    database: Database, filters: AuditFilter, *, limit: int = DEFAULT_LIMIT, lang: str = "ja"
) -> list[AuditLine]:
    audit = _audit()
    query = _selected(audit).where(*_conditions(audit, filters)).order_by(audit.c.id.desc()).limit(limit)
    with database.engine.connect() as connection:
        formatter = _Formatter(connection, lang)
        return [formatter.line(row) for row in connection.execute(query)]


def count(database: Database, filters: AuditFilter = AuditFilter()) -> int:
    audit = _audit()
    query = select(func.count()).select_from(audit).where(*_conditions(audit, filters))
    with database.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def users(database: Database) -> list[str]:
    """Every OS user the trail names, for a filter."""
    audit = _audit()
    with database.engine.connect() as connection:
        return list(
            connection.execute(select(audit.c.os_user).distinct().order_by(audit.c.os_user)).scalars()
        )


def history(database: Database, table_name: str, record_id: int, lang: str = "ja") -> list[AuditLine]:
    """One record's history, newest first: its own entries since it was last created (an
    id can be used again after a delete) and those of the lines that belong to it (a
    medium's disposal record, an incident's actions, a plan's steps, ...)."""
    audit = _audit()
    created = (AuditAction.INSERT.value, AuditAction.BASELINE.value)
    with database.engine.connect() as connection:
        since = connection.execute(
            select(func.max(audit.c.id)).where(
                audit.c.table_name == table_name, audit.c.record_id == record_id, audit.c.action.in_(created)
            )
        ).scalar()
        own = and_(
            audit.c.table_name == table_name, audit.c.record_id == record_id, audit.c.id >= (since or 0)
        )
        wanted = [own]
        for child, key in _children(table_name):
            ids = _child_ids(connection, audit, child, key, record_id)
            if ids:
                wanted.append(
                    and_(audit.c.table_name == child, audit.c.record_id.in_(ids), audit.c.id >= (since or 0))
                )
        query = _selected(audit).where(or_(*wanted)).order_by(audit.c.id.desc()).limit(HISTORY_LIMIT)
        formatter = _Formatter(connection, lang)
        return [formatter.line(row) for row in connection.execute(query)]


@cache
def _children(table_name: str) -> tuple[tuple[str, str], ...]:
    """(table, column) of the lines that belong to a record of ``table_name``: rows deleted
    with it (ON DELETE CASCADE), and a medium's disposal record."""
    from sqlmodel import SQLModel

    import sme_guard.domain.tables  # noqa: F401  (registers the tables)

    found = []
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            owned = key.ondelete == "CASCADE" or (table.name, key.parent.name) == (
                "medium_disposal",
                "medium_id",
            )
            if key.column.table.name == table_name and owned:
                found.append((table.name, key.parent.name))
    return tuple(found)


def _child_ids(connection: Connection, audit: Table, child: str, key: str, parent_id: int) -> list[int]:
    """The lines of ``child`` that belong (or belonged) to the parent: those in the table
    now, and those the trail saw created for it (since deleted)."""
    from sme_guard.services.registers import table_named

    table = table_named(child)
    ids = set(connection.execute(select(table.c.id).where(table.c[key] == parent_id)).scalars())
    created = connection.execute(
        select(audit.c.record_id, audit.c.new_value).where(
            audit.c.table_name == child, audit.c.action.in_(("insert", "baseline"))
        )
    )
    wanted = str(parent_id)
    for child_id, text in created:
        try:
            if json.loads(text or "{}").get(key) == wanted:
                ids.add(child_id)
        except (ValueError, AttributeError):
            continue
    return sorted(ids)


def export_rows(connection: Connection, filters: AuditFilter, lang: str) -> Iterator[tuple[Any, ...]]:
    """The filtered trail, oldest first, as the Excel export's rows (see ``EXPORT_COLUMNS``)."""
    audit = _audit()
    query = _selected(audit).where(*_conditions(audit, filters)).order_by(audit.c.id)
    formatter = _Formatter(connection, lang)
    for row in connection.execute(query.execution_options(yield_per=2000)):
        line = formatter.line(row)
        yield (
            line.id,
            line.at,
            line.os_user,
            line.table_text,
            line.record_text,
            line.action_text,
            line.field_text,
            line.old_text,
            line.new_text,
            line.entry_hash,
        )


def export_count(connection: Connection, filters: AuditFilter) -> int:
    audit = _audit()
    query = select(func.count()).select_from(audit).where(*_conditions(audit, filters))
    return int(connection.execute(query).scalar_one())


# ------------------------------------------------------------------ the check


def verify(database: Database) -> CheckReport:
    """Integrity, foreign keys, triggers, the hash chain and the trail against the tables, as
    far as the file can be read (``CheckReport.stopped`` says where a damaged one stopped)."""
    from sme_guard.db.audit_check import check_engine
    from sme_guard.db.migrations import HEAD_REVISION

    return check_engine(database.engine, HEAD_REVISION)
