"""The password policy notice for staff, from the office's settings in the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sme_guard import __version__
from sme_guard.db.database import Database
from sme_guard.domain.password_policy import guideline_quotes
from sme_guard.exchange.pdf.password_notice import build_password_notice
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.password_policy import load_policy, policy_changed_on
from sme_guard.services.settings import office_name


def print_password_notice(database: Database, path: Path, lang: str, today: date) -> None:
    """The office's policy on one A4 page, quoting the bundled guideline (not the office's own entries)."""
    build_password_notice(
        path,
        load_policy(database),
        quotes=guideline_quotes(bundled_catalog(), lang),
        lang=lang,
        office=office_name(database),
        printed_on=today,
        changed_on=policy_changed_on(database),
        version=__version__,
    )
