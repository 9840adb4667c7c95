"""A staff guideline (10⑨ smart devices, 18① SNS) from the database, with its acknowledgment slip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.exchange.pdf.staff_guideline import build_guideline
from sme_guard.services import staff_guidelines
from sme_guard.services.settings import office_name


def print_guideline(database: Database, guideline_id: int, path: Path, lang: str, today: date) -> None:
    """One version (a draft is marked as such) with the slip staff sign and hand back."""
    doc = staff_guidelines.document(database, guideline_id, lang)
    build_guideline(path, doc, office=office_name(database), lang=lang, printed_on=today)
