"""Registers to and from Excel (.xlsx), streaming both ways so 100k rows keep memory flat.

Export writes one sheet per register with openpyxl's write-only workbook (and, for the IT
continuity plans, export-only detail sheets of their lines, and for the self-assessment runs
sheets of their answers with the catalog's texts, all written the same way): header
labels in the chosen language, real date and date-time cells (local time), wrapped
multi-line text, widths, frozen header, auto-filter, drop-downs on coded columns and an A4
landscape print setup. Import reads the app's own export or a user's sheet (headers by Japanese or English
name, a title row above them tolerated), validates every row with the shared parsers and
writes all valid rows in one transaction. Incidents are numbered as the app numbers them.

Import this module lazily (CLI sub-commands, GUI actions): openpyxl costs start-up time.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Connection, Select, case, func, select
from sqlalchemy.exc import DBAPIError

from sme_guard.db.database import Database
from sme_guard.db.engine import user_error_for
from sme_guard.domain.codes import (
    DisasterScenario,
    IncidentStatus,
    ProtectionMeasure,
    label,
)
from sme_guard.domain.registers import ACCOUNTS, DEVICES, INCIDENTS, PEOPLE, PLANS, Column, Register
from sme_guard.errors import UserError
from sme_guard.services import clock, incidents
from sme_guard.services.registers import (
    DISPOSAL_PREFIX,
    account_problems,
    check_record,
    disposal_problems,
    people_index,
    register_query,
    table_named,
    table_of,
    write_record,
)
from sme_guard.services.values import (
    PeopleIndex,
    Problem,
    ValueProblemError,
    normalize,
    parse_int,
    parse_text,
    parse_value,
    sql_lower,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

STEP = 1000  # rows between progress reports and cancel checks
INSERT_CHUNK = 5000  # rows per Core executemany
MEMO_LIMIT = 4096  # distinct cell values remembered per column (codes, names; dates mostly differ)
HEADER_SEARCH_ROWS = 10
HEADER_LIMIT = 16_384  # Excel's last column
DATE_FORMAT = "yyyy/mm/dd"
DATETIME_FORMAT = "yyyy/mm/dd hh:mm"
DATETIME_WIDTH = 17  # "2026/11/27 14:30" plus a margin, or Excel shows ####
LIST_LIMIT = 255  # characters Excel allows in a drop-down's list; a longer one breaks the file
LAST_EXCEL_ROW = 1_048_576
# Excel turns these into formulas (or errors) when typed; such text is kept as text.
FORMULA_STARTS = ("=", "+", "-", "@")
YES_NO = {"ja": ("はい", "いいえ"), "en": ("yes", "no")}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
# What openpyxl raises on a file that is not a readable workbook (also while streaming rows).
READ_ERRORS: tuple[type[BaseException], ...] = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,  # a cell pointing at a shared string the file does not have
    ValueError,
    TypeError,
    SyntaxError,  # xml.etree.ElementTree.ParseError
)
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx


# --- errors -------------------------------------------------------------------------------


class ExportCancelledError(UserError):
    def __init__(self) -> None:
        super().__init__(
            "Excel への出力を中止しました。ファイルは作成されていません。",
            "The Excel export was cancelled; no file was written.",
        )


class ExportFailedError(UserError):
    """The target file could not be written (folder missing or read-only, file open in Excel)."""


class ImportCancelledError(UserError):
    def __init__(self) -> None:
        super().__init__(
            "Excel からの取込を中止しました。何も保存されていません。",
            "The Excel import was cancelled; nothing was saved.",
        )


class WorkbookError(UserError):
    """Nothing could be read from the file; nothing was written."""


class UnreadableWorkbookError(WorkbookError):
    pass


class HeaderNotFoundError(WorkbookError):
    pass


class MissingColumnsError(WorkbookError):
    def __init__(self, ja: str, en: str, columns: Sequence[Column]) -> None:
        super().__init__(ja, en)
        self.columns = list(columns)


# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetailSheet:
    """An export-only sheet of the lines that hang off a register's records (a plan's
    recovery steps, its drills): written as a register's sheet is, read from its own SELECT."""

    ja: str
    en: str
    columns: tuple[Column, ...]
    # lang -> one row per line: the columns' values in order, sorted as the sheet lists them.
    query: Callable[[str], Select[Any]] = field(repr=False)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(frozen=True)
class RowsSheet:
    """An export-only sheet whose rows Python makes (values that live outside the database,
    such as the catalog's texts of assessment answers): written as a register's sheet is.

    ``rows(connection, lang)`` gives the columns' values in order, stored values as a SELECT
    gives them (codes, dates, booleans: the writer labels and formats them). The rows are
    listed before the sheet is written, since its size goes ahead of them in the file;
    unless ``count(connection)`` says how many there will be: then they are streamed.
    """

    ja: str
    en: str
    columns: tuple[Column, ...]
    rows: Callable[[Connection, str], Iterable[Sequence[Any]]] = field(repr=False)
    # column key -> Excel number format of its cells (e.g. "0.0" for a percentage)
    number_formats: Mapping[str, str] = field(default_factory=dict, hash=False)
    count: Callable[[Connection], int] | None = field(default=None, repr=False)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


Sheet = Register | DetailSheet | RowsSheet


@dataclass(frozen=True)
class _Source:
    """Where a sheet's rows come from: each of ``rows`` holds the columns' values at
    ``start``; ``count`` says how many there will be before they are read."""

    title: str
    columns: Sequence[Column]
    count: Callable[[Connection], int]
    rows: Callable[[Connection], Iterable[Sequence[Any]]]
    start: int
    number_formats: Mapping[str, str] = field(default_factory=dict)


def _source(sheet: Sheet, lang: str) -> _Source:
    if isinstance(sheet, Register):
        # The same query the register table reads, streamed: id first and flag inputs after.
        built = register_query(sheet)
        count = select(func.count()).select_from(table_of(sheet))
        return _selected(sheet.label(lang), built.columns, built.select, count, 1)
    if isinstance(sheet, DetailSheet):
        query = sheet.query(lang)
        count = select(func.count()).select_from(query.subquery())
        return _selected(sheet.label(lang), sheet.columns, query, count, 0)
    if sheet.count is not None:  # long: counted first, then streamed as it is written
        rows = sheet.rows
        return _Source(
            sheet.label(lang),
            sheet.columns,
            sheet.count,
            lambda connection: rows(connection, lang),
            0,
            sheet.number_formats,
        )
    listed: list[Sequence[Any]] = []
    width = len(sheet.columns)

    def count_rows(connection: Connection) -> int:
        listed[:] = sheet.rows(connection, lang)
        if any(len(row) != width for row in listed):
            raise ValueError(f"sheet {sheet.en!r}: every row needs {width} values")
        return len(listed)

    return _Source(sheet.label(lang), sheet.columns, count_rows, lambda _: listed, 0, sheet.number_formats)


def _selected(
    title: str, columns: Sequence[Column], query: Select[Any], count: Select[Any], start: int
) -> _Source:
    return _Source(
        title,
        columns,
        lambda connection: int(connection.execute(count).scalar_one()),
        lambda connection: connection.execute(query.execution_options(yield_per=2000)),
        start,
    )


def export_registers(
    database: Database,
    registers: Sequence[Register],
    path: Path,
    lang: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write one sheet per register to ``path``; returns the number of data rows written."""
    return export_sheets(database, registers, path, lang, progress, cancelled)


def export_plans(
    database: Database,
    path: Path,
    lang: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The IT continuity plans (control 4) and everything that hangs off them, a sheet each:
    protection, recovery steps, disaster scenarios, dependencies, reviews and drills."""
    return export_sheets(database, with_details([PLANS]), path, lang, progress, cancelled)


def export_sheets(
    database: Database,
    sheets: Sequence[Sheet],
    path: Path,
    lang: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write one sheet per register, detail sheet or rows sheet to ``path``; returns the
    number of data rows written.

    The workbook goes to a temporary file beside ``path`` that replaces it only when
    complete, so a cancelled or failed export never leaves half a file.
    """
    if not sheets:
        raise ValueError("an export needs at least one sheet")
    path = Path(path)
    sources = [_source(sheet, lang) for sheet in sheets]
    # Beside the target, so the final rename stays on one file system; "x" mode keeps the
    # user's umask (mkstemp would make the export private).
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        temporary.open("xb").close()
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    workbook = Workbook(write_only=True)
    written = total = 0
    done = False
    try:
        # One read transaction: the counts written into the sheets match the rows streamed.
        with database.engine.connect() as connection, connection.begin():
            counts = [source.count(connection) for source in sources]
            total = sum(counts)
            for source, count in zip(sources, counts, strict=True):
                if cancelled and cancelled():
                    raise ExportCancelledError()
                written = _write_sheet(
                    workbook, connection, source, count, lang, written, total, progress, cancelled
                )
        if cancelled and cancelled():
            raise ExportCancelledError()
        try:
            workbook.save(temporary)
            temporary.replace(path)
        except OSError as exc:
            raise _cannot_write(path, exc) from exc
        done = True
    finally:
        if not done:
            _discard(workbook)
            temporary.unlink(missing_ok=True)
    if progress:
        progress(written, total)
    return written


def _cannot_write(path: Path, exc: OSError) -> ExportFailedError:
    why = exc.strerror or str(exc)
    return ExportFailedError(
        f"{path} に書き込めません({why})。フォルダがあるか、ファイルを Excel で開いていないか確認してください。",
        f"{path} cannot be written ({why}). Check that the folder exists and the file is not open in Excel.",
    )


def _discard(workbook: Any) -> None:
    # openpyxl streams each write-only sheet to its own temporary file and deletes it only
    # on save (or at interpreter exit): a long-running GUI must not collect them.
    for sheet in workbook.worksheets:
        writer = sheet._writer
        if writer is None:
            continue
        if not sheet.closed:
            sheet.close()
        if Path(writer.out).exists():
            writer.cleanup()


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(column: Column, lang: str) -> int:
    """Column.width, widened so the header label (Japanese counts double) and a date-time fit."""
    width = max(column.width, _display_width(column.label(lang)) + 2)
    return max(width, DATETIME_WIDTH) if column.kind == "datetime" else width


def _choices(column: Column, lang: str) -> list[str] | None:
    if column.kind == "bool":
        return list(YES_NO["en" if lang == "en" else "ja"])
    if column.kind == "code" and column.codes is not None:
        return [label(member, lang) for member in column.codes]
    return None


def _write_sheet(
    workbook: Any,
    connection: Connection,
    source: _Source,
    count: int,
    lang: str,
    written: int,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    sheet = workbook.create_sheet(source.title)
    columns = source.columns
    last = get_column_letter(len(columns))
    # A write-only sheet has no <dimension> unless it can say it before the rows. Without
    # one, every read-only reader (ours too) parses the whole sheet once just to size it,
    # and an import cannot tell its progress.
    sheet.calculate_dimension = lambda: f"A1:{last}{count + 1}"
    # Everything before the rows (views, widths, sheet properties) must be set before the
    # first append; the tail (filter, validations, page setup) is written on save.
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(column, lang)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for index, column in enumerate(columns, start=1):
        choices = _choices(column, lang)
        listed = ",".join(c.replace('"', '""') for c in choices) if choices else ""
        if not listed or len(listed) > LIST_LIMIT:
            continue
        validation = DataValidation(
            type="list",
            formula1=f'"{listed}"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",  # a label in the other language still imports
            error="一覧から選んでください" if lang != "en" else "Choose from the list",
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{LAST_EXCEL_ROW}")
        sheet.data_validations.append(validation)
    sheet.append([_header_cell(sheet, column.label(lang)) for column in columns])

    formats = source.number_formats
    converters = [
        (i, convert)
        for i, c in enumerate(columns)
        if (convert := _converter(sheet, c, lang, formats.get(c.key)))
    ]
    rows = 0
    start, stop = source.start, source.start + len(columns)
    for record in source.rows(connection):
        values = list(record[start:stop])
        for index, convert in converters:
            value = values[index]
            if value is not None:
                values[index] = convert(value)
        sheet.append(values)
        rows += 1
        if rows % STEP == 0:
            if cancelled and cancelled():
                raise ExportCancelledError()
            if progress:
                progress(written + rows, total)
    sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
    return written + rows


def _header_cell(sheet: Any, text: str) -> Any:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    return cell


def _converter(
    sheet: Any, column: Column, lang: str, number_format: str | None = None
) -> Callable[[Any], Any] | None:
    """How a stored value becomes a cell value; None where openpyxl takes it as it is."""
    if column.kind in ("int", "number"):
        if number_format is None:
            return None
        number = WriteOnlyCell(sheet)  # reused, as a date cell is
        number.number_format = number_format

        def to_number(value: Any) -> Any:
            number.value = value
            return number

        return to_number
    if column.kind == "date":
        # One styled cell per column, refilled for every row: the writer serialises it at
        # once, and a date cell needs a style anyway (openpyxl would make a new cell each time).
        cell = WriteOnlyCell(sheet)
        cell.number_format = DATE_FORMAT

        def to_date(value: Any) -> Any:
            cell.value = value
            return cell

        return to_date
    if column.kind == "datetime":
        moment = WriteOnlyCell(sheet)
        moment.number_format = DATETIME_FORMAT

        def to_datetime(value: Any) -> Any:
            moment.value = local_datetime(value)
            return moment

        return to_datetime
    if column.kind == "bool":
        yes, no = YES_NO["en" if lang == "en" else "ja"]
        return lambda value: yes if value else no
    if column.kind == "code" and column.codes is not None:
        labels = {member.value: label(member, lang) for member in column.codes}
        return lambda value: labels.get(value) or _text(sheet, str(value))
    if column.multiline:
        # Wrapped, so the line breaks show; two reused cells, as a style is per cell.
        plain, quoted = WriteOnlyCell(sheet), WriteOnlyCell(sheet)
        plain.alignment = quoted.alignment = WRAP
        quoted.quotePrefix = True

        def to_lines(value: Any) -> Any:
            text = _clean(str(value))
            cell = quoted if _formula_like(text) else plain
            cell.value = text
            cell.data_type = "s"  # never a formula or an error value
            return cell

        return to_lines
    return lambda value: _text(sheet, str(value))


def local_datetime(value: datetime | str) -> datetime:
    """A stored moment as this PC's wall-clock time, naive (Excel has no time zones).

    Whole seconds: Excel keeps about a millisecond, and the sheet shows minutes."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:  # the database keeps UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone().replace(tzinfo=None, microsecond=0)


def _clean(value: str) -> str:
    if not value.isprintable():  # cheap test first: control characters are rare
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # XML cannot hold them
    return value


def _formula_like(value: str) -> bool:
    return value.startswith(FORMULA_STARTS) or value in ERROR_CODES


def _text(sheet: Any, value: str) -> Any:
    value = _clean(value)
    formula, lines = _formula_like(value), "\n" in value
    if formula or lines:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # never a formula or an error value
        if formula:
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        if lines:
            cell.alignment = WRAP  # Excel shows a line break only in a wrapped cell
        return cell
    return value


# --- the lines of IT continuity plans (control 4) -----------------------------------------


def _plan_column() -> Column:
    return Column("plan", "対象システム・サービス", "System or service", width=20)


def _code_order(column: Any, codes: type[StrEnum]) -> Any:
    """Codes in the order the app lists them (their enum's), unknown ones last."""
    return case({member.value: i for i, member in enumerate(codes)}, value=column, else_=len(codes))


def _protection_rows(lang: str) -> Select[Any]:
    lines, plans = table_named("plan_protection"), table_named(PLANS.table_name)
    return (
        select(plans.c.name, lines.c.measure, lines.c.name, lines.c.in_place, lines.c.note)
        .join_from(lines, plans, plans.c.id == lines.c.plan_id)
        .order_by(plans.c.name, _code_order(lines.c.measure, ProtectionMeasure), lines.c.id)
    )


def _step_rows(lang: str) -> Select[Any]:
    steps, plans = table_named("plan_step"), table_named(PLANS.table_name)
    return (
        select(
            plans.c.name,
            steps.c.position,
            steps.c.who,
            steps.c.what,
            steps.c.location,
            steps.c.duration_minutes,
        )
        .join_from(steps, plans, plans.c.id == steps.c.plan_id)
        .order_by(plans.c.name, steps.c.position, steps.c.id)
    )


def _scenario_rows(lang: str) -> Select[Any]:
    scenarios, plans = table_named("plan_scenario"), table_named(PLANS.table_name)
    return (
        select(plans.c.name, scenarios.c.scenario, scenarios.c.name, scenarios.c.response)
        .join_from(scenarios, plans, plans.c.id == scenarios.c.plan_id)
        .order_by(plans.c.name, _code_order(scenarios.c.scenario, DisasterScenario), scenarios.c.id)
    )


def _dependency_rows(lang: str) -> Select[Any]:
    dependencies, plans = table_named("plan_dependency"), table_named(PLANS.table_name)
    first = plans.alias("first")
    return (
        select(plans.c.name, first.c.name)
        .select_from(
            dependencies.join(plans, plans.c.id == dependencies.c.plan_id).join(
                first, first.c.id == dependencies.c.depends_on_id
            )
        )
        .order_by(plans.c.name, first.c.name)
    )


def _review_rows(lang: str) -> Select[Any]:
    reviews, plans = table_named("plan_review"), table_named(PLANS.table_name)
    return (
        select(plans.c.name, reviews.c.reviewed_on, reviews.c.note)
        .join_from(reviews, plans, plans.c.id == reviews.c.plan_id)
        .order_by(plans.c.name, reviews.c.reviewed_on, reviews.c.id)
    )


def _drill_rows(lang: str) -> Select[Any]:
    drills, plans = table_named("drill"), table_named(PLANS.table_name)
    participants, people = table_named("drill_participant"), table_named(PEOPLE.table_name)
    # Names in the order they were chosen; SQLite concatenates in the order of an ordered
    # subquery (it never flattens one with ORDER BY into an aggregate).
    names = (
        select(people.c.name)
        .join_from(participants, people, people.c.id == participants.c.person_id)
        .where(participants.c.drill_id == drills.c.id)
        .order_by(participants.c.id)
        .correlate(drills)
        .subquery()
    )
    joined = select(func.group_concat(names.c.name, "、" if lang != "en" else ", ")).scalar_subquery()
    achieved, objective = drills.c.minutes_achieved, drills.c.objective_minutes
    return (
        select(
            plans.c.name,
            drills.c.held_on,
            drills.c.scenario,
            joined,
            drills.c.steps_exercised,
            achieved,
            objective,
            func.coalesce(achieved > objective, False),  # as DrillLine.over_objective
            drills.c.result,
            drills.c.findings,
            drills.c.plan_changed,
            drills.c.change_note,
        )
        .join_from(drills, plans, plans.c.id == drills.c.plan_id)
        .order_by(plans.c.name, drills.c.held_on, drills.c.id)
    )


PLAN_DETAILS: tuple[DetailSheet, ...] = (
    DetailSheet(
        "保護対策",
        "Protection",
        (
            _plan_column(),
            Column("measure", "対策", "Measure", "code", ProtectionMeasure, width=16),
            Column("name", "対策の名称(その他)", "Name (other measure)", width=20),
            Column("in_place", "実施済", "In place", "bool", width=8),
            Column("note", "備考", "Note", width=30, multiline=True),
        ),
        _protection_rows,
    ),
    DetailSheet(
        "復旧手順",
        "Recovery steps",
        (
            _plan_column(),
            Column("position", "No.", "No.", "int", width=5),
            Column("who", "担当", "Who", width=14),
            Column("what", "作業内容", "What", width=36, multiline=True),
            Column("location", "場所", "Where", width=14),
            Column("duration_minutes", "所要時間(分)", "Minutes", "int", width=8),
        ),
        _step_rows,
    ),
    DetailSheet(
        "災害シナリオ(参考)",
        "Disaster scenarios (reference)",
        (
            _plan_column(),
            Column("scenario", "災害", "Disaster", "code", DisasterScenario, width=14),
            Column("name", "災害の名称(その他)", "Name (other disaster)", width=18),
            Column("response", "対応", "Response", width=40, multiline=True),
        ),
        _scenario_rows,
    ),
    DetailSheet(
        "依存関係",
        "Dependencies",
        (_plan_column(), Column("depends_on", "先に復旧が必要な計画", "Must be back first", width=20)),
        _dependency_rows,
    ),
    DetailSheet(
        "見直し履歴",
        "Reviews",
        (
            _plan_column(),
            Column("reviewed_on", "見直し日", "Reviewed on", "date", width=12),
            Column("note", "内容", "What was reviewed or changed", width=40, multiline=True),
        ),
        _review_rows,
    ),
    DetailSheet(
        "訓練",
        "Drills",
        (
            _plan_column(),
            Column("held_on", "実施日", "Held on", "date", width=12),
            Column("scenario", "想定シナリオ", "Scenario", width=20),
            Column("participants", "参加者", "Participants", width=24),
            Column("steps_exercised", "実施した手順", "Steps exercised", width=30, multiline=True),
            Column("minutes_achieved", "復旧にかかった時間(分)", "Minutes to recover", "int", width=10),
            Column("objective_minutes", "目標復旧時間(分)", "Objective (min)", "int", width=10),
            Column("over_objective", "目標超過", "Over the objective", "bool", width=8),
            Column("result", "結果", "Result", width=30, multiline=True),
            Column("findings", "気づいた点", "Findings", width=30, multiline=True),
            Column("plan_changed", "計画の変更", "Plan changed", "bool", width=8),
            Column("change_note", "計画の変更内容", "How the plan was changed", width=30, multiline=True),
        ),
        _drill_rows,
    ),
)
# The detail sheets that follow a register's sheet in a workbook, by register key.
DETAILS: dict[str, tuple[DetailSheet, ...]] = {PLANS.key: PLAN_DETAILS}


def with_details(registers: Iterable[Register]) -> list[Sheet]:
    """Each register's sheet followed by the sheets of the lines its records have."""
    sheets: list[Sheet] = []
    for register in registers:
        sheets.append(register)
        sheets.extend(DETAILS.get(register.key, ()))
    return sheets


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    row: int  # as Excel numbers it
    column: Column | None
    problem: Problem

    def column_label(self, lang: str) -> str:
        return self.column.label(lang) if self.column else ""

    def line(self, lang: str) -> str:
        where = f"{self.row}行目" if lang != "en" else f"row {self.row}"
        name = self.column_label(lang)
        return ": ".join(
            [where, name, self.problem.message(lang)] if name else [where, self.problem.message(lang)]
        )


@dataclass
class ImportReport:
    register: Register
    sheet: str
    lang: str = "ja"
    dry_run: bool = False
    rows_read: int = 0
    rows_inserted: int = 0
    rows_updated: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> list[tuple[int, str, str]]:
        """(Excel row number, column label, reason), in the report's language."""
        return [(r.row, r.column_label(self.lang), r.problem.message(self.lang)) for r in self.rejections]

    @property
    def rows_rejected(self) -> int:
        return len({r.row for r in self.rejections})

    def lines(self, lang: str | None = None) -> list[str]:
        """One "row N: COLUMN: reason" line per problem ("N行目: 列名: 理由" in Japanese)."""
        return [r.line(lang or self.lang) for r in self.rejections]

    def summary(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        read, added = f"{self.rows_read:,}", f"{self.rows_inserted:,}"
        updated, rejected = f"{self.rows_updated:,}", f"{self.rows_rejected:,}"
        if lang == "en":
            rows = "row" if self.rows_read == 1 else "rows"
            if self.dry_run:
                return (
                    f"{read} {rows} read: {added} to add, {updated} to update, {rejected} rejected "
                    "(dry run: nothing was saved)"
                )
            return f"{read} {rows} read: {added} added, {updated} updated, {rejected} rejected"
        if self.dry_run:
            return f"{read}行を読み込みました: 追加予定 {added}、更新予定 {updated}、不可 {rejected}(試行のため保存していません)"
        return f"{read}行を読み込みました: 追加 {added}、更新 {updated}、不可 {rejected}"


def header_key(text: str) -> str:
    """How header cells are compared: width, case and all spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


# A label's explanation in brackets at its end: "発生日時(いつ)", "Occurred (when)".
_EXPLANATION = re.compile(r"\s*\([^()]*\)$")


def _header_labels(register: Register) -> dict[str, Column]:
    labels: dict[str, Column] = {}
    for column in register.columns:
        for text in (column.ja, column.en, column.key):
            labels.setdefault(header_key(text), column)
    # People leave the explanation out ("発生日時"); a full label always wins.
    for column in register.columns:
        for text in (column.ja, column.en):
            short = _EXPLANATION.sub("", unicodedata.normalize("NFKC", text))
            if short:
                labels.setdefault(header_key(short), column)
    return labels


def import_register(
    database: Database,
    register: Register,
    path: Path,
    *,
    dry_run: bool = False,
    lang: str = "ja",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Read a sheet into ``register``: known numbers update, new ones insert, bad rows are
    reported and skipped. All valid rows are written in one transaction, or none at all on
    an error or cancel. ``dry_run`` checks everything and writes nothing.

    Raises ``WorkbookError`` (nothing read), ``ImportCancelledError`` or ``DatabaseError``.
    """
    path = Path(path)
    workbook = _open_workbook(path)
    try:
        sheet = _choose_sheet(workbook, register)
        total = sheet.max_row or 0  # from the file's dimension tag; 0 when it has none
        sheet.reset_dimensions()  # other programs write wrong ones: never let them cut rows
        report = ImportReport(register=register, sheet=sheet.title, lang=lang, dry_run=dry_run)
        rows = _rows(sheet, path)
        last = 0
        try:
            with database.engine.connect() as connection, connection.begin() as transaction:
                importer = _Importer(connection, register, report, dry_run)
                importer.find_header(rows)
                for number, row in rows:
                    importer.take(number, row)
                    last = number
                    if number % STEP == 0:
                        if cancelled and cancelled():
                            raise ImportCancelledError()
                        if progress:
                            progress(number, max(total, number))
                importer.finish()
                if cancelled and cancelled():
                    raise ImportCancelledError()
                if dry_run:
                    transaction.rollback()
        except DBAPIError as exc:
            raise (user_error_for(exc, database.path) or exc) from exc
    finally:
        workbook.close()
    if progress:
        done = max(total, last)
        progress(done, done)
    return report


def _unreadable(path: Path, why_ja: str, why_en: str) -> UnreadableWorkbookError:
    return UnreadableWorkbookError(f"{path} を読み込めません: {why_ja}", f"{path} cannot be read: {why_en}")


def _not_a_workbook(path: Path) -> UnreadableWorkbookError:
    try:
        with path.open("rb") as file:
            ole = file.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE
    except OSError:
        ole = False  # the caller's error already says the file cannot be read
    if ole:
        return _unreadable(
            path,
            "パスワードで保護されているか、古い Excel 形式(.xls)です。パスワードを外し、Excel ブック(.xlsx)として保存してからやり直してください。",
            "it is password-protected or in the old Excel format (.xls). Remove the password and save it as an Excel workbook (.xlsx), then try again.",
        )
    return _unreadable(
        path,
        "Excel ブック(.xlsx)ではないか、壊れています。",
        "it is not an Excel workbook (.xlsx) or it is damaged.",
    )


def _open_workbook(path: Path) -> Any:
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise _unreadable(path, "ファイルが見つかりません。", "the file does not exist.") from exc
    except IsADirectoryError as exc:
        raise _unreadable(path, "フォルダです。", "it is a folder.") from exc
    except PermissionError as exc:
        raise _unreadable(
            path,
            "開く権限がないか、他のプログラムが使用中です。",
            "permission denied, or another program is using it.",
        ) from exc
    except READ_ERRORS as exc:
        raise _not_a_workbook(path) from exc


def _choose_sheet(workbook: Any, register: Register) -> Any:
    """The sheet named after the register (either language), else the first one."""
    wanted = {header_key(register.ja), header_key(register.en)}
    sheets = workbook.worksheets
    if not sheets:
        raise HeaderNotFoundError("ワークシートがありません。", "The workbook has no worksheet.")
    return next((s for s in sheets if header_key(s.title) in wanted), sheets[0])


def _rows(sheet: Any, path: Path) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, values); openpyxl parses lazily, so damage can surface here."""
    iterator = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except READ_ERRORS as exc:
            raise _not_a_workbook(path) from exc
        number += 1
        if number > LAST_EXCEL_ROW:
            # Damaged: openpyxl makes up every missing row before one numbered past Excel's
            # last, and walking to row 2,000,000,000 would never end.
            raise _not_a_workbook(path)
        yield number, row


def _blank(row: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


class _Failed:
    __slots__ = ("problem",)

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _memoized(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Codes, yes/no, names and dates repeat down a column: parse each distinct cell once."""
    cache: dict[tuple[type, Any], Any] = {}

    def convert(raw: Any) -> Any:
        key = (raw.__class__, raw)  # 1 and True are equal keys otherwise
        try:
            hit = cache[key]
        except KeyError:
            try:
                hit = parse(raw)
            except ValueProblemError as exc:
                hit = _Failed(exc.problem)
            if len(cache) < MEMO_LIMIT:
                cache[key] = hit
        if isinstance(hit, _Failed):
            raise ValueProblemError(hit.problem)
        return hit

    return convert


def _cell_parser(column: Column, people: PeopleIndex) -> Callable[[Any], Any]:
    """The shared parser of ``services.values`` for one column, cached where values repeat."""
    if column.kind == "text" and column.text_form is None:  # a form to check: parse_value
        limit = column.max_length
        return lambda raw: parse_text(raw, limit)
    if column.kind == "int":
        minimum = column.minimum
        return lambda raw: parse_int(raw, minimum)
    if column.kind == "person":
        # By name only: a number in a sheet is not an employee id.
        return _memoized(people.resolve)
    return _memoized(lambda raw: parse_value(column, raw, people))


class _Importer:
    """The state of one import: header mapping, numbers seen, rows waiting to be inserted."""

    def __init__(
        self, connection: Connection, register: Register, report: ImportReport, dry_run: bool
    ) -> None:
        self.connection = connection
        self.register = register
        self.report = report
        self.dry_run = dry_run
        self.table = table_of(register)
        self.people = people_index(connection)
        self.cells: list[tuple[int, Column, Callable[[Any], Any]]] = []
        self.own_keys: list[str] = []
        self.disposal_keys: list[str] = []
        self.link_keys: list[str] = []
        self.seen_logins: dict[tuple[str, str], int] = {}  # (system, user ID) -> first row
        self.acknowledged: dict[int | None, date | None] = {}  # user -> guideline acknowledged on
        self.indexes: list[int] = []
        self.seen: dict[str, int] = {}  # folded number (or name) -> first row in the file
        self.incidents = register is INCIDENTS
        self.today, self.now = clock.today(), clock.now()
        self.existing = self._existing()
        self.pending: list[dict[str, Any]] = []
        # New incidents without a number, numbered at the end: a number taken now could be one
        # a later row of the file brings.
        self.unnumbered: list[dict[str, Any]] = []
        # Problems of a row are listed left to right as the sheet has the columns; columns
        # the sheet lacks (a disposal method it needs) after them.
        self.order = {c.key: HEADER_LIMIT + i for i, c in enumerate(register.columns)}

    def _existing(self) -> dict[str, list[int]]:
        """Folded number (or, for people, folded name) -> ids, read once for all rows."""
        key = self.register.number_key
        found: dict[str, list[int]] = {}
        if key is None:
            for person_id, name in self.people.names.items():
                found.setdefault(PeopleIndex.key(name), []).append(person_id)
            return found
        if self.incidents:
            # By year and sequence, as the table keeps them unique: "2025-14" is "2025-014".
            table = self.table
            for record_id, year, sequence in self.connection.execute(
                select(table.c.id, table.c.year, table.c.sequence)
            ):
                found.setdefault(incidents.format_number(year, sequence), []).append(record_id)
            return found
        query = select(self.table.c.id, self.table.c[key])
        for record_id, number in self.connection.execute(query):
            found.setdefault(sql_lower(str(number)), []).append(record_id)
        return found

    def find_header(self, rows: Iterator[tuple[int, tuple[Any, ...]]]) -> None:
        labels = _header_labels(self.register)
        for number, row in rows:
            if number > HEADER_SEARCH_ROWS:
                break
            matched = [(i, labels.get(header_key(str(v)))) for i, v in enumerate(row) if v is not None]
            if sum(1 for _, column in matched if column is not None) >= 2:
                self._map(row, labels)
                return
        register = self.register
        examples = [c for c in register.columns if c.required and c.editable][:3]
        raise HeaderNotFoundError(
            f"シート「{self.report.sheet}」の先頭{HEADER_SEARCH_ROWS}行に{register.ja}の見出し行が見つかりません"
            f"(例: {'、'.join(c.ja for c in examples)})。",
            f"No header row of {register.en.lower()} in the first {HEADER_SEARCH_ROWS} rows of sheet "
            f"'{self.report.sheet}' (e.g. {', '.join(c.en for c in examples)}).",
        )

    def _map(self, header: tuple[Any, ...], labels: dict[str, Column]) -> None:
        taken: list[str] = []
        for index, value in enumerate(header):
            text = parse_text(value)
            if text is None:
                continue
            column = labels.get(header_key(text))
            if column is None or column.key in taken:  # unknown, or a second copy
                self.report.ignored_columns.append(text)
                continue
            taken.append(column.key)
            self.order[column.key] = index
            self.cells.append((index, column, _cell_parser(column, self.people)))
        # Columns the app sets (an incident's status) may be left out: it fills them in.
        missing = [c for c in self.register.columns if c.required and c.editable and c.key not in taken]
        if missing:
            sheet = self.report.sheet
            raise MissingColumnsError(
                f"シート「{sheet}」に必須の列がありません: {'、'.join(c.ja for c in missing)}",
                f"The sheet '{sheet}' lacks required columns: {', '.join(c.en for c in missing)}",
                missing,
            )
        self.disposal_keys = [k for k in taken if k.startswith(DISPOSAL_PREFIX)]
        self.link_keys = [k for k in taken if self.register.column(k).link is not None]
        self.own_keys = [k for k in taken if k not in self.disposal_keys + self.link_keys]
        if self.register is DEVICES and "guideline_acknowledged_on" not in self.own_keys:
            self.own_keys.append("guideline_acknowledged_on")  # set from the user, sheet or not
        self.indexes = [index for index, _, _ in self.cells]

    def take(self, number: int, row: tuple[Any, ...]) -> None:
        """Parse, check and write (or queue) one data row."""
        width = len(row)
        raws = [row[index] if index < width else None for index in self.indexes]
        if _blank(raws):  # blank in this register's columns (a note beside the table is no row)
            return
        self.report.rows_read += 1
        values: dict[str, Any] = {}
        problems: dict[str, Problem] = {}
        for raw, (_, column, parse) in zip(raws, self.cells, strict=True):
            try:
                values[column.key] = parse(raw)
            except ValueProblemError as exc:
                problems[column.key] = exc.problem
        if self.incidents:
            _incident_number(values, problems)
            if values.get("status") is None:
                values.pop("status", None)  # an empty cell: a new incident starts as received
        # No per-row SELECT for numbers: they are checked against ``existing`` below.
        for key, problem in check_record(
            self.connection, self.register, None, values, check_unique=False
        ).items():
            problems.setdefault(key, problem)
        record_id = self._identify(number, values, problems)
        if self.register is ACCOUNTS:
            self._check_account(number, record_id, values, problems)
        before = self._check_incident(record_id, values, problems) if self.incidents else None
        # Disposal records and links (a device's cloud services) need the record's id.
        disposal = any(values.get(k) for k in self.disposal_keys + self.link_keys)
        for key, problem in disposal_problems(self.register, values).items():
            problems.setdefault(key, problem)
        if problems:
            for key in sorted(problems, key=lambda k: self.order.get(k, len(self.order))):
                where = self.register.column(key) if key in self.order else None
                self.report.rejections.append(Rejection(number, where, problems[key]))
            return
        if record_id is None:
            self.report.rows_inserted += 1
        else:
            self.report.rows_updated += 1
        if self.dry_run:
            return
        if self.register is DEVICES:
            self._acknowledgment_of_user(record_id, values)
        if self.incidents:
            self._write_incident(record_id, values, before)
        elif record_id is None and not disposal:
            self.pending.append({key: values[key] for key in self.own_keys})
            if len(self.pending) >= INSERT_CHUNK:
                self.flush()
        else:
            # Updates and disposal records (which need the medium's id) take the form's path.
            write_record(self.connection, self.register, record_id, values)

    def _acknowledgment_of_user(self, record_id: int | None, values: dict[str, Any]) -> None:
        """10⑨: a device's "guideline acknowledged on" comes from its user's acknowledgment,
        never from the sheet; a new device takes its user's (an update: ``write_record`` follows
        a change of user)."""
        values.pop("guideline_acknowledged_on", None)
        if record_id is None:
            from sme_guard.services.staff_guidelines import device_acknowledged_on

            user = values.get("user_id")
            if user not in self.acknowledged:  # once per user, not per device
                self.acknowledged[user] = device_acknowledged_on(self.connection, user)
            values["guideline_acknowledged_on"] = self.acknowledged[user]

    def _check_account(
        self, number: int, record_id: int | None, values: dict[str, Any], problems: dict[str, Problem]
    ) -> None:
        """5③: one user ID per system, in the database and within the file."""
        if "login" in problems or (record_id is None and not values.get("login")):
            return
        for key, problem in account_problems(self.connection, record_id, values).items():
            problems.setdefault(key, problem)
        pair = (sql_lower(str(values.get("system", ""))), sql_lower(str(values.get("login", ""))))
        first = self.seen_logins.setdefault(pair, number)
        if first != number:
            problems.setdefault(
                "login", Problem(f"{first}行目と同じユーザーIDです", f"the same user ID as row {first}")
            )

    def _identify(self, number: int, values: dict[str, Any], problems: dict[str, Problem]) -> int | None:
        """The id a row updates (None: a new record); flags a number repeated in the file."""
        key = self.register.number_key or "name"
        raw = values.get(key)
        if raw is None or key in problems:
            return None
        text = str(raw)
        folded = sql_lower(text) if self.register.number_key else PeopleIndex.key(text)
        first = self.seen.setdefault(folded, number)
        if first != number:
            problems[key] = Problem(
                f"「{text}」は{first}行目と重複しています", f"'{text}' repeats row {first} of this file"
            )
            return None
        ids = self.existing.get(folded, [])
        if len(ids) > 1:
            noun_ja, noun_en = ("従業員", "employee") if self.register is PEOPLE else ("記録", "record")
            problems[key] = Problem(
                f"「{text}」の{noun_ja}が複数あり、どれを更新するか決められません",
                f"more than one {noun_en} is '{text}', so which one to update is unclear",
            )
            return None
        return ids[0] if ids else None

    def flush(self) -> None:
        if self.pending:
            self.connection.execute(self.table.insert(), self.pending)
            self.pending = []

    def finish(self) -> None:
        """Write what waits for the end of the file."""
        self.flush()
        for values in self.unnumbered:
            self._insert_incident(values)
        self.unnumbered = []

    # --- incidents: numbered and moved through their workflow as the app does it

    def _check_incident(
        self, record_id: int | None, values: dict[str, Any], problems: dict[str, Problem]
    ) -> str | None:
        """The workflow's rules for the status a row sets; returns the status stored before.

        Closing needs a root cause and every prevention action done (3③), as in
        ``services.incidents.change_status``; the closed-on date follows the status.
        """
        table = self.table
        stored = None
        if record_id is not None:
            stored = self.connection.execute(
                select(table.c.status, table.c.root_cause, table.c.closed_on).where(table.c.id == record_id)
            ).one()
        before: str | None = stored.status if stored else None
        if "status" in problems or "closed_on" in problems:
            return before
        closed = IncidentStatus.CLOSED.value
        status = values.get("status") or before or IncidentStatus.RECEIVED.value
        if status == closed and before != closed and "root_cause" not in problems:
            root = values.get("root_cause", stored.root_cause if stored else None)
            problem = incidents.closing_problem(self.connection, record_id, root)
            if problem is not None:
                problems["status"] = problem
        if status == closed:
            if values.get("closed_on") is None:
                kept: date | None = stored.closed_on if stored else None
                values["closed_on"] = kept or self.today
        elif before == closed:
            values["closed_on"] = None  # reopened: the workflow clears the date, too
        elif values.get("closed_on") is not None:
            problems["closed_on"] = Problem(
                f"状態が「{label(IncidentStatus.CLOSED, 'ja')}」のときだけ入力できます",
                f"only a {label(IncidentStatus.CLOSED, 'en').lower()} incident has this date",
            )
        return before

    def _write_incident(self, record_id: int | None, values: dict[str, Any], before: str | None) -> None:
        if record_id is None:
            if values.get("number") is None:
                self.unnumbered.append(values)
            else:
                self._insert_incident(values)
            return
        values.pop("number", None)  # the incident's identity stays as stored
        write_record(self.connection, INCIDENTS, record_id, values)
        status = values.get("status")
        if status is not None and status != before:
            self._status_changed(record_id, status)

    def _insert_incident(self, values: dict[str, Any]) -> None:
        # As ``save_record`` does: the number (kept if the row has one; the counter moves past
        # it), then the first status change.
        incidents.prepare_new(self.connection, values, self.today)
        record_id = write_record(self.connection, INCIDENTS, None, values)
        incidents.record_created(self.connection, record_id, self.now)
        if values["status"] != IncidentStatus.RECEIVED.value:
            self._status_changed(record_id, values["status"])

    def _status_changed(self, record_id: int, status: str) -> None:
        """The history says when the status came, and that it came from a file."""
        note = "Excel から取込" if self.report.lang != "en" else "Imported from Excel"
        incidents.record_status_change(self.connection, record_id, status, self.now, note)


def _incident_number(values: dict[str, Any], problems: dict[str, Problem]) -> None:
    """A number must look like 2026-001; kept in that form, so "2026-1" is the same incident."""
    number = values.get("number")
    if number is None or "number" in problems:
        return
    match = incidents.NUMBER_PATTERN.match(normalize(str(number)))
    if match:
        values["number"] = incidents.format_number(int(match[1]), int(match[2]))
        return
    problem = incidents.number_problem(number)
    assert problem is not None  # what fails normalised fails as typed
    problems["number"] = problem
