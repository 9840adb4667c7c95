"""自己点検の印刷物 from the database: the training checklist, the report of a run, task sheets.

The catalog is the office's effective one (the bundled guideline plus its own items and sheets),
so a checklist or a report covers whatever the office assesses against.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet
from sme_guard.errors import UserError
from sme_guard.exchange.pdf.assessment import build_checklist, build_report, build_task_sheets
from sme_guard.services import assessments
from sme_guard.services.assessments import RunAnswers
from sme_guard.services.office_catalog import effective_catalog
from sme_guard.services.settings import office_name


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def chosen_items(catalog: Catalog, numbers: Sequence[int] | None) -> list[ControlItem]:
    """The items of ``numbers`` in catalog order (every item for None); unknown ones raise."""
    if numbers is None:
        return list(catalog.items)
    unknown = [n for n in dict.fromkeys(numbers) if catalog.item(n) is None]
    if unknown:
        raise UserError(
            f"管理項目 {_numbers(unknown)} はカタログにありません",
            f"the catalog has no control item {_numbers(unknown)}",
        )
    wanted = set(numbers)
    return [item for item in catalog.items if item.number in wanted]


def chosen_sheets(catalog: Catalog, numbers: Sequence[int] | None) -> list[TaskSheet]:
    """The task sheets of ``numbers`` in catalog order (every sheet for None); unknown ones raise."""
    if numbers is None:
        return list(catalog.sheets)
    unknown = [n for n in dict.fromkeys(numbers) if catalog.sheet(n) is None]
    if unknown:
        raise UserError(
            f"業務シート No.{_numbers(unknown)} はカタログにありません",
            f"the catalog has no task sheet No.{_numbers(unknown)}",
        )
    wanted = set(numbers)
    return [sheet for sheet in catalog.sheets if sheet.number in wanted]


def _answers(database: Database, run_id: int) -> RunAnswers:
    if all(run.id != run_id for run in assessments.runs(database)):
        raise UserError(f"自己点検 {run_id} はありません", f"there is no assessment {run_id}")
    return assessments.answers(database, run_id)


def previous_run(database: Database, run_id: int) -> int | None:
    """The run held before ``run_id`` (by date, then by when it was started), if any."""
    ids = [run.id for run in assessments.runs(database)]  # newest first
    position = ids.index(run_id) if run_id in ids else -1
    return ids[position + 1] if 0 <= position < len(ids) - 1 else None


def print_checklist(
    database: Database,
    path: Path,
    lang: str,
    today: date,
    item_numbers: Sequence[int] | None = None,
    sheet_numbers: Sequence[int] | None = None,
    run_id: int | None = None,
) -> None:
    """The training checklist, blank or filled from ``run_id``.

    With no numbers at all it covers the whole catalog; with only item numbers, only those
    items (and no sheets), and the other way round.
    """
    catalog = effective_catalog(database)
    whole = item_numbers is None and sheet_numbers is None
    items = chosen_items(catalog, item_numbers if item_numbers is not None or whole else [])
    sheets = chosen_sheets(catalog, sheet_numbers if sheet_numbers is not None or whole else [])
    build_checklist(
        path,
        catalog,
        items=items,
        sheets=sheets,
        run=_answers(database, run_id) if run_id is not None else None,
        lang=lang,
        office=office_name(database),
        printed_on=today,
    )


def print_report(database: Database, run_id: int, path: Path, lang: str, today: date) -> None:
    """The report of one run, beside the run before it when there is one."""
    run = _answers(database, run_id)
    before = previous_run(database, run_id)
    build_report(
        path,
        effective_catalog(database),
        run,
        assessments.answers(database, before) if before is not None else None,
        lang=lang,
        office=office_name(database),
        printed_on=today,
    )


def print_task_sheets(
    database: Database, path: Path, lang: str, today: date, sheet_numbers: Sequence[int] | None = None
) -> None:
    """Task sheets one per page for a training session (every sheet when no numbers are given)."""
    catalog = effective_catalog(database)
    build_task_sheets(
        path,
        catalog,
        chosen_sheets(catalog, sheet_numbers),
        lang=lang,
        office=office_name(database),
        printed_on=today,
    )
