"""The IT継続計画書 of one plan from the database, for use on paper during an outage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.exchange.pdf.plan import build_plan
from sme_guard.services import continuity, incidents
from sme_guard.services.settings import office_name


def print_plan(database: Database, plan_id: int, path: Path, lang: str, today: date) -> None:
    """The plan with its steps to tick, and the contact tree when the plan relies on it."""
    detail = continuity.detail(database, plan_id, today)
    uses_tree = bool(detail.values.get("depends_on_contact_tree"))
    build_plan(
        path,
        detail,
        contacts=incidents.contacts(database) if uses_tree else (),
        lang=lang,
        printed_on=today,
        office=office_name(database),
    )
