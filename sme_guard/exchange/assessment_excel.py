"""Self-assessment runs to Excel: the runs with their scores, every measure's and task
sheet's answer, and the scores per item. The texts come from the catalog (answers are keyed
by catalog ids), so these sheets' rows come from Python through the shared sheet writer.

Import this module lazily, like ``sme_guard.exchange.excel``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.domain.registers import Column
from sme_guard.exchange.excel import Cancelled, Progress, RowsSheet, export_sheets
from sme_guard.services import assessments
from sme_guard.services.assessments import RunAnswers, Score, overall
from sme_guard.services.catalog import bundled_catalog

PERCENT_FORMAT = "0.0"  # a score shows one decimal; the cell keeps the exact value
# 該当 / 非該当 of a task sheet, and a sheet not yet answered
APPLIES = {True: ("該当", "Applies"), False: ("非該当", "Does not apply"), None: ("未回答", "Not answered")}


def _run_columns() -> tuple[Column, ...]:
    return (
        Column("run", "点検名", "Assessment", width=20),
        Column("held_on", "実施日", "Date", "date", width=12),
    )


def _score_columns() -> tuple[Column, ...]:
    """The baseline score, its measures counted by status, and the (参考) measures' score."""
    return (
        Column("score", "実施率(%)", "Score (%)", "number", width=10),
        *(Column(s.value, label(s, "ja"), label(s, "en"), "int", width=8) for s in MeasureStatus),
        Column("reference_score", "(参考)実施率(%)", "Reference measures (%)", "number", width=12),
    )


def _score_values(baseline: Score, reference: Score) -> tuple[Any, ...]:
    return (
        baseline.percent,
        baseline.done,
        baseline.partial,
        baseline.not_done,
        baseline.not_applicable,
        reference.percent,
    )


PERCENTS = {"score": PERCENT_FORMAT, "reference_score": PERCENT_FORMAT}
RUN_COLUMNS = (
    # The number `sme-guard pdf assessment --run` and `pdf checklist --run` take.
    Column("run_id", "点検番号", "Run No.", "int", width=6),
    *_run_columns(),
    Column("assessor", "点検者", "Assessor", width=14),
    Column("notes", "備考", "Notes", width=30, multiline=True),
    *_score_columns(),
)
MEASURE_COLUMNS = (
    *_run_columns(),
    Column("item", "項目番号", "Item No.", "int", width=6),
    Column("item_title", "管理項目", "Control item", width=24),
    Column("measure_no", "管理策番号", "Measure No.", width=6),
    Column("measure", "管理策", "Measure", width=50, multiline=True),
    Column("reference", "参考", "Reference", "bool", width=8),
    Column("status", "実施状況", "Status", "code", MeasureStatus, width=10),
    Column("evidence", "実施内容・根拠", "Evidence", width=30, multiline=True),
    Column("reason", "対象外の理由", "Reason (not applicable)", width=30, multiline=True),
    Column("owner", "担当者", "Owner", width=14),
    Column("due_on", "期限", "Target date", "date", width=12),
)
TASK_SHEET_COLUMNS = (
    *_run_columns(),
    Column("sheet", "シート番号", "Sheet No.", "int", width=6),
    Column("title", "業務シート", "Task sheet", width=30),
    Column("applies", "該当", "Applies", width=10),
    # Left empty where the sheet has no measure of the kind; never 対象外, so no drop-down.
    Column("technical_status", "技術的対策", "Technical measures", width=10),
    Column("human_status", "人的対策", "Human measures", width=10),
    Column("responsibility", "実施責任", "Responsibility", width=24),
    Column("owner", "担当者", "Owner", width=14),
    Column("due_on", "期限", "Target date", "date", width=12),
    Column("notes", "備考", "Notes", width=30, multiline=True),
)
ITEM_SCORE_COLUMNS = (
    *_run_columns(),
    Column("item", "項目番号", "Item No.", "int", width=6),
    Column("item_title", "管理項目", "Control item", width=24),
    *_score_columns(),
)


def assessment_sheets(catalog: Catalog, runs: Sequence[RunAnswers]) -> list[RowsSheet]:
    """The sheets of ``export_assessments`` for runs already read (``read_runs``): the runs
    with their overall scores, every measure's answer, every task sheet's answer, the scores
    per item. The rows come from those answers, not from the export's connection.

    Answers are keyed by catalog ids; the texts come from ``catalog``. A measure not answered
    is 未実施 and a sheet not answered 未回答, as ``RunAnswers`` reads them."""

    def run_rows(connection: Connection, lang: str) -> Iterator[tuple[Any, ...]]:
        for answers in runs:
            run = answers.run
            scores = overall(assessments.item_scores(catalog, answers))
            yield (run.id, run.name, run.held_on, run.assessor, run.notes, *_score_values(*scores))

    def measure_rows(connection: Connection, lang: str) -> Iterator[tuple[Any, ...]]:
        measures = catalog.measures()
        for answers in runs:
            run = answers.run
            for item, measure in measures:
                answer = answers.measure(measure.id)
                yield (
                    run.name,
                    run.held_on,
                    item.number,
                    item.title.get(lang),
                    circled(measure.no),
                    measure.text.get(lang),
                    measure.reference,
                    answer.status,
                    answer.evidence,
                    answer.reason,
                    answer.owner,
                    answer.due_on,
                )

    def sheet_rows(connection: Connection, lang: str) -> Iterator[tuple[Any, ...]]:
        en = lang == "en"
        separator = ", " if en else "、"
        for answers in runs:
            run = answers.run
            for sheet in catalog.sheets:
                answer = answers.sheet(sheet)
                responsibility = separator.join(
                    catalog.term_label("responsibilities", code, lang) for code in answer.responsibility
                )
                yield (
                    run.name,
                    run.held_on,
                    sheet.number,
                    sheet.title.get(lang),
                    APPLIES[answer.applies][1 if en else 0],
                    _status_label(answer.technical_status, lang) if sheet.technical_measures else None,
                    _status_label(answer.human_status, lang) if sheet.human_measures else None,
                    responsibility or None,
                    answer.owner,
                    answer.due_on,
                    answer.notes,
                )

    def item_rows(connection: Connection, lang: str) -> Iterator[tuple[Any, ...]]:
        for answers in runs:
            run = answers.run
            for score in assessments.item_scores(catalog, answers):
                item = score.item
                yield (
                    run.name,
                    run.held_on,
                    item.number,
                    item.title.get(lang),
                    *_score_values(score.baseline, score.reference),
                )

    return [
        RowsSheet("点検一覧", "Assessments", RUN_COLUMNS, run_rows, PERCENTS),
        RowsSheet("管理策", "Control measures", MEASURE_COLUMNS, measure_rows),
        RowsSheet("業務シート", "Task sheets", TASK_SHEET_COLUMNS, sheet_rows),
        RowsSheet("管理項目別の実施率", "Scores per item", ITEM_SCORE_COLUMNS, item_rows, PERCENTS),
    ]


def _status_label(code: str, lang: str) -> str:
    try:
        return label(MeasureStatus(code), lang)
    except ValueError:  # a code this version does not know: shown as stored
        return code


def read_runs(database: Database, run_ids: Sequence[int] | None = None) -> list[RunAnswers]:
    """The answers of the runs ``run_ids`` (every run when None), oldest first.

    Raises ``RunInvalidError`` for a run that no longer exists."""
    if run_ids is None:
        run_ids = [run.id for run in assessments.runs(database)]
    read = [assessments.answers(database, run_id) for run_id in dict.fromkeys(run_ids)]
    return sorted(read, key=lambda answers: (answers.run.held_on, answers.run.id))


def export_assessments(
    database: Database,
    path: Path,
    lang: str,
    catalog: Catalog | None = None,
    runs: Sequence[int] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The self-assessment runs ``runs`` (every run when None), oldest first, against
    ``catalog`` (the bundled one when None): a sheet of the runs, one of every control
    measure's answer, one of every task sheet's answer and one of the scores per item.

    Returns the number of data rows written. Written as ``export_sheets`` writes, so a
    cancelled or failed export leaves no file."""
    chosen = read_runs(database, runs)  # a deleted run fails here, before any file is made
    sheets = assessment_sheets(catalog or bundled_catalog(), chosen)
    return export_sheets(database, sheets, path, lang, progress, cancelled)
