"""はじめに: the first start of a new office, and the next steps ホーム shows until the
registers have their first records.

The set-up asks the office's name, its representative (代表者) and who runs the app, adds
employees (typed through the register's own save, or from their Excel list through the
import), lets the office choose which recurring checks apply and when each is first due
(``recurring_checks.plan_first_checks``) and offers the first training checklist. It is
offered on an empty database until finished or skipped (``SET_UP_ON``), and can be run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from sme_guard.db.database import Database
from sme_guard.domain.registers import REGISTERS
from sme_guard.services import settings as office_settings
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.registers import table_named, table_of
from sme_guard.services.values import Problem, parse_text


@dataclass(frozen=True)
class Office:
    name: str
    representative: str
    manager: str  # who runs SME Guard


def office(database: Database) -> Office:
    return Office(
        office_settings.get_text(database, office_settings.OFFICE_NAME),
        office_settings.get_text(database, office_settings.OFFICE_REPRESENTATIVE),
        office_settings.get_text(database, office_settings.OFFICE_MANAGER),
    )


def save_office(database: Database, raw: dict[str, Any]) -> None:
    """The office's name (required: every printout carries it), its representative and who
    runs the app, in one transaction."""
    name = parse_text(raw.get("name"))
    if name is None:
        raise DetailInvalidError({"name": Problem("入力してください", "required")})
    office_settings.set_texts(
        database,
        {
            office_settings.OFFICE_NAME: name,
            office_settings.OFFICE_REPRESENTATIVE: parse_text(raw.get("representative")) or "",
            office_settings.OFFICE_MANAGER: parse_text(raw.get("manager")) or "",
        },
    )


def finish(database: Database, today: date) -> None:
    """Set-up finished (or skipped): not offered again at start; the menu still opens it."""
    office_settings.set_text(database, office_settings.SET_UP_ON, today.isoformat())


def needs_setup(database: Database) -> bool:
    """An office that has not been set up and has nothing in its registers yet."""
    if office_settings.get_text(database, office_settings.SET_UP_ON):
        return False
    return not any(_count(database, key) for key in REGISTERS)


def _count(database: Database, key: str) -> int:
    table = table_of(REGISTERS[key])
    with database.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


# The first records a new office enters, in the order they build on each other: who works
# here, what they use, where the office's data lives, who to call, how to recover, and how
# the office stands against the guideline.
STEPS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("people", ("person",), "従業員を登録する", "Register the employees"),
    (
        "assets",
        ("storage_medium", "smart_device", "id_badge"),
        "記憶媒体・スマートデバイス・社員証を登録する",
        "Register storage media, smart devices and ID badges",
    ),
    (
        "access",
        ("cloud_service", "user_account"),
        "クラウドサービスとアカウントを登録する",
        "Register cloud services and user accounts",
    ),
    ("contacts", ("contact_entry",), "緊急連絡網を作る", "Set up the emergency contact tree"),
    (
        "continuity",
        ("continuity_plan",),
        "IT継続計画を作る(例から作成できます)",
        "Make an IT continuity plan (from an example)",
    ),
    ("assessment", ("assessment",), "最初の自己点検を始める", "Start the first self-assessment"),
)


@dataclass(frozen=True)
class NextStep:
    key: str  # the screen that does it: people, assets, access, contacts, continuity, assessment
    ja: str
    en: str
    done: bool

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


def next_steps(database: Database) -> list[NextStep]:
    """What a new office does first, each done once its register has a record; empty once
    every step is done (ホーム then shows only what is due)."""
    with database.engine.connect() as connection:
        steps = [
            NextStep(
                key,
                ja,
                en,
                any(
                    connection.execute(select(func.count()).select_from(table_named(name))).scalar_one()
                    for name in tables
                ),
            )
            for key, tables, ja, en in STEPS
        ]
    return [] if all(step.done for step in steps) else steps
