"""What the home list is made of: the areas of the app, a due line and what it opens.

Plain data, so the home screen can be built at start-up without loading the services that
compute the list (``sme_guard.services.home``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Area(StrEnum):
    CHECKS = "checks"  # recurring checks (定期点検)
    STOCKTAKE = "stocktake"  # stock-takes of media, devices, badges
    MEDIA = "media"  # backup media to migrate (9⑤)
    DEVICES = "devices"  # settings off, patches old (10③⑥)
    BADGES = "badges"  # ID badges past their validity (sheet No.1)
    LEAVERS = "leavers"  # badges/devices/media held by people who left (5 運用①)
    INCIDENTS = "incidents"  # open incidents and overdue prevention actions (3③)
    CONTINUITY = "continuity"  # plan reviews and drills due (4②, 運用①)
    CONTACTS = "contacts"  # contact tree confirmation (3 運用①)
    ASSESSMENT = "assessment"  # target dates of the latest self-assessment passed
    GUIDELINES = "guidelines"  # staff who have not acknowledged a current guideline (10⑨, 18①)
    SECURITY_ACTION = "security_action"  # what SECURITY ACTION ★★ still needs, while aimed at


AREA_LABELS: dict[Area, tuple[str, str]] = {
    Area.CHECKS: ("定期点検", "Recurring checks"),
    Area.STOCKTAKE: ("棚卸", "Stock-takes"),
    Area.MEDIA: ("記憶媒体", "Storage media"),
    Area.DEVICES: ("スマートデバイス", "Smart devices"),
    Area.BADGES: ("社員証", "ID badges"),
    Area.LEAVERS: ("退職者の保有物", "Held by leavers"),
    Area.INCIDENTS: ("障害・事故", "Incidents"),
    Area.CONTINUITY: ("IT継続計画", "IT continuity"),
    Area.CONTACTS: ("緊急連絡網", "Contact tree"),
    Area.ASSESSMENT: ("自己点検", "Self-assessment"),
    Area.GUIDELINES: ("ガイドラインの確認", "Guideline acknowledgments"),
    Area.SECURITY_ACTION: ("SECURITY ACTION ★★", "SECURITY ACTION ★★"),
}


def area_label(area: Area, lang: str) -> str:
    ja, en = AREA_LABELS[area]
    return en if lang == "en" else ja


@dataclass(frozen=True)
class Target:
    """What a due line opens.

    ``screen`` is one of: "register" (``key`` = register key such as "media", "devices",
    "badges", "people", "incidents", "plans", "cloud_services", "accounts"; ``record_id`` the
    row), "check" (``record_id`` the recurring check), "stocktake" (``key`` = register key),
    "contacts", "assessment" (``record_id`` = run id, ``key`` = catalog measure or sheet id),
    "guidelines" (``key`` = the guideline's kind: its acknowledgments), "policy" (``key`` =
    "policy", "rules" or "security_action": that page of the policy screen), "tab" (``key`` = a
    main tab: people, assets, access, continuity, assessment; a next step on ホーム).
    """

    screen: str
    key: str | None = None
    record_id: int | None = None


@dataclass(frozen=True)
class DueItem:
    area: Area
    due_on: date | None  # None: due now (never done, or no date to wait for)
    title: str  # in the requested language, e.g. "記憶媒体の棚卸"
    detail: str  # one line: what and why, e.g. "前回 2025-10-01、間隔 365 日"
    overdue: bool  # due_on passed (or None)
    target: Target
