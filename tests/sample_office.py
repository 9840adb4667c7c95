"""A small office with a record in every register and every list hanging off them, filled in
Japanese through the services the screens use: the screens then show what a real office sees
(for the walk in Japanese and for screenshots)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sme_guard.db.database import Database
from sme_guard.domain.registers import ACCOUNTS, BADGES, CLOUD_SERVICES, DEVICES, INCIDENTS, MEDIA, PEOPLE
from sme_guard.services import (
    assessments,
    continuity,
    incidents,
    policies,
    setup,
    staff_guidelines,
    stocktake,
)
from sme_guard.services.catalog import bundled_plan_templates
from sme_guard.services.continuity import ProtectionLine
from sme_guard.services.registers import save_record


@dataclass(frozen=True)
class SampleOffice:
    person: int
    leaver: int
    medium: int
    device: int
    badge: int
    cloud_service: int
    account: int
    incident: int
    plan: int
    run: int


def fill_sample_office(database: Database, today: date) -> SampleOffice:
    """サンプル商事: two employees (one has left), an asset of each kind, a cloud service and its
    account, an incident with an action and a report, a plan from a template with a step, a
    scenario, a review and a drill, a self-assessment with a few answers, an issued devices
    guideline with an acknowledgment, an issued basic policy, a finished stock-take."""
    setup.save_office(
        database, {"name": "株式会社サンプル商事", "representative": "山田 太郎", "manager": "佐藤 花子"}
    )
    setup.finish(database, today)
    person = save_record(
        database,
        PEOPLE,
        None,
        {
            "name": "佐藤 花子",
            "kana": "サトウ ハナコ",
            "department": "総務部",
            "employment_type": "regular",
            "role": "system_admin",
            "email": "sato@example.co.jp",
            "joined_on": date(2020, 4, 1),
        },
    )
    leaver = save_record(
        database,
        PEOPLE,
        None,
        {
            "name": "鈴木 一郎",
            "kana": "スズキ イチロウ",
            "department": "営業部",
            "employment_type": "contract",
            "role": "employee",
            "joined_on": date(2021, 4, 1),
            "left_on": date(today.year, today.month, 1),
        },
    )
    medium = save_record(
        database,
        MEDIA,
        None,
        {
            "asset_number": "M-001",
            "kind": "usb_memory",
            "quantity": 1,
            "location": "総務部 キャビネット",
            "custodian_id": leaver,
            "status": "in_use",
        },
    )
    service = save_record(
        database,
        CLOUD_SERVICES,
        None,
        {"name": "クラウド会計", "provider": "会計サービス株式会社", "status": "in_use", "owner_id": person},
    )
    device = save_record(
        database,
        DEVICES,
        None,
        {
            "asset_number": "D-001",
            "kind": "smartphone",
            "model": "スマートフォン 15",
            "ownership": "company",
            "status": "in_use",
            "user_id": person,
            "allowed_cloud_services": ["クラウド会計"],
        },
    )
    badge = save_record(
        database,
        BADGES,
        None,
        {
            "badge_number": "B-001",
            "medium": "ic_card",
            "status": "active",
            "holder_id": person,
            "valid_until": date(today.year - 1, 3, 31),
        },
    )
    account = save_record(
        database,
        ACCOUNTS,
        None,
        {
            "system": "クラウド会計",
            "account_number": "A-001",
            "login": "sato",
            "privilege": "admin",
            "auth_method": "password",
            "status": "active",
            "person_id": person,
        },
    )
    incident = save_record(
        database,
        INCIDENTS,
        None,
        {
            "occurred_at": datetime(today.year, today.month, 1, 9, 30).astimezone(),
            "who": "鈴木 一郎",
            "what": "USBメモリー",
            "how": "外出先で紛失",
            "result": "顧客名簿の写しが所在不明",
            "incident_type": "loss_theft",
            "severity": "high",
        },
    )
    incidents.save_action(
        database, incident, None, {"description": "持ち出し手順の見直し", "owner_id": person}
    )
    incidents.save_report(database, incident, {"reported_to": "警察署", "reference": "受理番号 123"})
    incidents.link_asset(database, incident, MEDIA, medium)
    incidents.link_measure(database, incident, "ctl-09-m2")
    incidents.save_contact(
        database,
        None,
        {"role": "責任者", "person_id": person, "phone": "03-1234-5678", "email": "sato@example.co.jp"},
    )
    plan = continuity.create_from_template(database, bundled_plan_templates()[0], "ja")
    continuity.set_protections(database, plan, [ProtectionLine("backup", None, True, "毎晩")])
    continuity.save_scenario(
        database,
        plan,
        None,
        {"scenario": "custom", "name": "事務所への立ち入り不可", "response": "別の PC で再開"},
    )
    continuity.mark_reviewed(database, plan, today, "担当者を更新")
    continuity.save_drill(
        database,
        plan,
        None,
        {"held_on": today, "scenario": "停電", "minutes_achieved": 50, "result": "復旧できた"},
        [person],
    )
    run = assessments.start_run(
        database, {"name": "自己点検", "held_on": today.isoformat(), "assessor": "佐藤 花子"}
    )
    assessments.save_measure(database, run, "ctl-02-m1", {"status": "partial", "owner_id": person})
    assessments.save_sheet(
        database, run, "sheet-001", {"applies": True, "technical_status": "not_done", "human_status": "done"}
    )
    guideline = staff_guidelines.new_draft(database, "devices", "ja")
    staff_guidelines.issue(database, guideline, today)
    staff_guidelines.record_acknowledgments(database, guideline, [person], today)
    policy = policies.new_draft(database, "policy", "ja")
    policies.issue(database, policy, today)
    take = stocktake.start_stocktake(database, MEDIA, "佐藤 花子", today)
    for line in stocktake.lines(database, take):
        stocktake.mark(database, line.item_id, "found")
    stocktake.finish_stocktake(database, take, today)
    return SampleOffice(person, leaver, medium, device, badge, service, account, incident, plan, run)
