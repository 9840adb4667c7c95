"""The 情報セキュリティ年次報告 of one year from the database, for the management."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.errors import UserError
from sme_guard.exchange.pdf.annual_report import build_annual_report
from sme_guard.services import overview
from sme_guard.services.office_catalog import effective_catalog
from sme_guard.services.settings import office_name

FIRST_YEAR, LAST_YEAR = 1900, 9998


def print_annual_report(database: Database, year: int, path: Path, lang: str, today: date) -> None:
    """The year's summary and charts: the scores of the latest run held by the end of the year
    beside the run before it, incidents per month from January to December, and the assets by
    status as they are on ``today``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(
            f"年は {FIRST_YEAR}〜{LAST_YEAR} の範囲で指定してください(指定: {year})",
            f"the year must be between {FIRST_YEAR} and {LAST_YEAR} (not {year})",
        )
    catalog = effective_catalog(database)
    summary = overview.year_summary(database, year, catalog)
    build_annual_report(
        path,
        summary,
        overview.score_series(database, catalog, until=date(year, 12, 31)),
        overview.incidents_by_month(database, date(year, 12, 1), 12),
        summary.assets,
        year=year,
        lang=lang,
        office=office_name(database),
        printed_on=today,
    )
