"""Incident printouts from the database: the report of one incident, and the contact tree."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, circled
from sme_guard.exchange.pdf.incident import build_contact_tree, build_incident_report
from sme_guard.services import incidents
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.settings import office_name


def measure_texts(catalog: Catalog, measure_ids: Iterable[str], lang: str) -> dict[str, str]:
    """Each known measure id as the report names it: "9.記憶媒体の管理 ②: …" (in ``lang``).

    An id the catalog no longer has is left out (the report then prints the bare id).
    """
    wanted = set(measure_ids)
    separator = "." if lang != "en" else ". "
    return {
        measure.id: f"{item.number}{separator}{item.title.get(lang)} {circled(measure.no)}: {measure.text.get(lang)}"
        for item, measure in catalog.measures()
        if measure.id in wanted
    }


def print_incident(database: Database, incident_id: int, path: Path, lang: str) -> None:
    """The 障害・事故報告書 of one incident, with its measures named from the bundled catalog."""
    detail = incidents.detail(database, incident_id)
    texts = measure_texts(bundled_catalog(), detail.measures, lang) if detail.measures else {}
    build_incident_report(path, detail, lang=lang, measure_texts=texts, office=office_name(database))


def print_contact_tree(database: Database, path: Path, lang: str, today: date) -> None:
    """The 緊急連絡網 for the wall, with when it was last checked against the office."""
    build_contact_tree(
        path,
        incidents.contacts(database),
        incidents.confirmation(database, today),
        lang=lang,
        printed_on=today,
        office=office_name(database),
    )
