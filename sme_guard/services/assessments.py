"""自己点検: dated runs over the catalog's control measures (Part 1) and task sheets (Part 2).

Scores follow the issue's rule: 実施済 = 1, 一部実施 = 0.5, 未実施 = 0, 対象外 left out; a
measure not yet answered counts as 未実施. (参考) measures are scored on their own and never
counted against the baseline. The catalog is passed in (bundled plus the office's own
entries), so these functions work on whatever catalog the office assesses against.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, ControlItem, Measure, TaskSheet
from sme_guard.domain.codes import MeasureStatus
from sme_guard.errors import UserError
from sme_guard.services.details import DetailInvalidError, day_field, person_field, required_text
from sme_guard.services.registers import people_index, table_named
from sme_guard.services.values import Problem, parse_text

WEIGHT: dict[str, float] = {
    MeasureStatus.DONE.value: 1.0,
    MeasureStatus.PARTIAL.value: 0.5,
    MeasureStatus.NOT_DONE.value: 0.0,
}
# A task sheet's technical and human measures are each 実施済 / 一部実施 / 未実施.
SHEET_STATUSES = (MeasureStatus.DONE, MeasureStatus.PARTIAL, MeasureStatus.NOT_DONE)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class RunInfo:
    id: int
    name: str
    held_on: date
    assessor: str | None
    notes: str | None


@dataclass(frozen=True)
class MeasureAnswer:
    measure_id: str
    status: str
    evidence: str | None = None
    owner_id: int | None = None
    owner: str | None = None
    due_on: date | None = None
    reason: str | None = None  # why it does not apply (対象外 only)


@dataclass(frozen=True)
class SheetAnswer:
    sheet_id: str
    applies: bool | None  # 該当 / 非該当; None: not answered yet
    technical_status: str
    human_status: str
    responsibility: tuple[str, ...]  # legend codes of 実施責任
    owner_id: int | None = None
    owner: str | None = None
    due_on: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class RunAnswers:
    run: RunInfo
    measures: dict[str, MeasureAnswer] = field(default_factory=dict)
    sheets: dict[str, SheetAnswer] = field(default_factory=dict)

    def measure(self, measure_id: str) -> MeasureAnswer:
        """The answer for a measure; one not answered yet is 未実施."""
        return self.measures.get(measure_id) or MeasureAnswer(measure_id, MeasureStatus.NOT_DONE.value)

    def sheet(self, sheet: TaskSheet) -> SheetAnswer:
        """The answer for a sheet; one not answered yet has the sheet's 実施責任 preselected."""
        return self.sheets.get(sheet.id) or SheetAnswer(
            sheet.id,
            None,
            MeasureStatus.NOT_DONE.value,
            MeasureStatus.NOT_DONE.value,
            tuple(sheet.responsibility),
        )


@dataclass(frozen=True)
class Score:
    done: int = 0
    partial: int = 0
    not_done: int = 0
    not_applicable: int = 0

    @property
    def counted(self) -> int:
        return self.done + self.partial + self.not_done

    @property
    def points(self) -> float:
        return self.done + 0.5 * self.partial

    @property
    def percent(self) -> float | None:
        """None when nothing counts (every measure 対象外)."""
        return 100 * self.points / self.counted if self.counted else None

    def __add__(self, other: Score) -> Score:
        return Score(
            self.done + other.done,
            self.partial + other.partial,
            self.not_done + other.not_done,
            self.not_applicable + other.not_applicable,
        )


def score_of(statuses: Sequence[str]) -> Score:
    return Score(
        done=statuses.count(MeasureStatus.DONE.value),
        partial=statuses.count(MeasureStatus.PARTIAL.value),
        not_done=statuses.count(MeasureStatus.NOT_DONE.value),
        not_applicable=statuses.count(MeasureStatus.NOT_APPLICABLE.value),
    )


@dataclass(frozen=True)
class ItemScore:
    item: ControlItem
    baseline: Score  # the measures without (参考)
    reference: Score  # the (参考) measures, scored on their own


@dataclass(frozen=True)
class OpenRisk:
    """A task sheet whose weakness exists in the office and whose measures are not all in place."""

    sheet: TaskSheet
    answer: SheetAnswer
    impacts: int  # how many of C, I, A, 適法性 are ticked
    gap: float  # how far the measures are from 実施済 (0 = in place; 1 per missing measure kind)


class Direction(StrEnum):
    IMPROVED = "improved"
    FELL_BACK = "fell_back"
    SCOPE = "scope"  # became or stopped being 対象外


@dataclass(frozen=True)
class MeasureChange:
    item: ControlItem
    measure: Measure
    before: str
    after: str
    direction: Direction


@dataclass(frozen=True)
class Comparison:
    before: RunInfo
    after: RunInfo
    items: list[tuple[ControlItem, Score, Score]]  # baseline score before and after
    overall: tuple[Score, Score]
    changes: list[MeasureChange]

    def changed(self, direction: Direction) -> list[MeasureChange]:
        return [c for c in self.changes if c.direction == direction]


class RunInvalidError(UserError):
    pass


# ---------------------------------------------------------------- runs


def runs(database: Database) -> list[RunInfo]:
    """Every run, newest first."""
    table = table_named("assessment")
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(table).order_by(table.c.held_on.desc(), table.c.id.desc())
        ).mappings()
        return [RunInfo(r["id"], r["name"], r["held_on"], r["assessor"], r["notes"]) for r in rows]


def start_run(
    database: Database,
    raw: Mapping[str, Any],
    from_run: int | None = None,
) -> int:
    """A new dated run (name, date, who); with ``from_run`` it starts from that run's answers."""
    problems: dict[str, Problem] = {}
    name = required_text(raw.get("name"), "name", problems)
    held_on = day_field(raw.get("held_on"), "held_on", problems)
    if held_on is None and "held_on" not in problems:
        problems["held_on"] = Problem("入力してください", "required")
    if problems:
        raise DetailInvalidError(problems)
    assessments = table_named("assessment")
    measures, sheets = table_named("measure_result"), table_named("sheet_result")
    with database.engine.begin() as connection:
        inserted = connection.execute(
            assessments.insert().values(
                name=name,
                held_on=held_on,
                assessor=parse_text(raw.get("assessor")),
                notes=parse_text(raw.get("notes")),
            )
        ).inserted_primary_key
        assert inserted is not None
        run_id = int(inserted[0])
        if from_run is not None:
            for table in (measures, sheets):
                copied = [
                    c.name
                    for c in table.columns
                    if c.name not in ("id", "created_at", "updated_at", "assessment_id")
                ]
                rows = connection.execute(
                    select(*(table.c[c] for c in copied)).where(table.c.assessment_id == from_run)
                )
                values = [{**dict(zip(copied, row, strict=True)), "assessment_id": run_id} for row in rows]
                if values:
                    connection.execute(table.insert(), values)
    return run_id


def rename_run(database: Database, run_id: int, raw: Mapping[str, Any]) -> None:
    problems: dict[str, Problem] = {}
    name = required_text(raw.get("name"), "name", problems)
    held_on = day_field(raw.get("held_on"), "held_on", problems)
    if problems:
        raise DetailInvalidError(problems)
    table = table_named("assessment")
    values: dict[str, Any] = {"name": name, "assessor": parse_text(raw.get("assessor"))}
    if held_on is not None:
        values["held_on"] = held_on
    with database.engine.begin() as connection:
        connection.execute(table.update().where(table.c.id == run_id).values(**values))


def delete_run(database: Database, run_id: int) -> None:
    table = table_named("assessment")
    with database.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.id == run_id))


def answers(database: Database, run_id: int) -> RunAnswers:
    assessments = table_named("assessment")
    measures, sheets = table_named("measure_result"), table_named("sheet_result")
    with database.engine.connect() as connection:
        found = connection.execute(select(assessments).where(assessments.c.id == run_id)).mappings().first()
        if found is None:
            raise RunInvalidError("この点検は削除されています。", "This assessment has been deleted.")
        names = people_index(connection).names
        run = RunInfo(found["id"], found["name"], found["held_on"], found["assessor"], found["notes"])
        measure_answers = {
            r["measure_id"]: MeasureAnswer(
                r["measure_id"],
                r["status"],
                r["evidence"],
                r["owner_id"],
                names.get(r["owner_id"]) if r["owner_id"] is not None else None,
                r["due_on"],
                r["reason"],
            )
            for r in connection.execute(select(measures).where(measures.c.assessment_id == run_id)).mappings()
        }
        sheet_answers = {
            r["sheet_id"]: SheetAnswer(
                r["sheet_id"],
                r["applies"],
                r["technical_status"],
                r["human_status"],
                tuple(code for code in (r["responsibility"] or "").split(",") if code),
                r["owner_id"],
                names.get(r["owner_id"]) if r["owner_id"] is not None else None,
                r["due_on"],
                r["notes"],
            )
            for r in connection.execute(select(sheets).where(sheets.c.assessment_id == run_id)).mappings()
        }
    return RunAnswers(run, measure_answers, sheet_answers)


# ---------------------------------------------------------------- answering


def _status(raw: Any, key: str, allowed: Sequence[MeasureStatus], problems: dict[str, Problem]) -> str:
    try:
        status = MeasureStatus(raw)
    except ValueError:
        status = None
    if status is None or status not in allowed:
        problems[key] = Problem("一覧から選んでください", "choose from the list")
        return MeasureStatus.NOT_DONE.value
    return status.value


def save_measure(database: Database, run_id: int, measure_id: str, raw: Mapping[str, Any]) -> None:
    """The answer for one measure: status, evidence, owner, target date, and for 対象外 the
    reason it does not apply (dropped with any other status, so no stale reason is printed)."""
    table = table_named("measure_result")
    problems: dict[str, Problem] = {}
    with database.engine.begin() as connection:
        status = _status(raw.get("status"), "status", tuple(MeasureStatus), problems)
        values = {
            "status": status,
            "evidence": parse_text(raw.get("evidence")),
            "owner_id": person_field(people_index(connection), raw.get("owner_id"), "owner_id", problems),
            "due_on": day_field(raw.get("due_on"), "due_on", problems),
            "reason": parse_text(raw.get("reason")) if status == MeasureStatus.NOT_APPLICABLE.value else None,
        }
        if problems:
            raise DetailInvalidError(problems)
        _upsert(connection, table, run_id, "measure_id", measure_id, values)


def save_sheet(database: Database, run_id: int, sheet_id: str, raw: Mapping[str, Any]) -> None:
    """The answer for one task sheet: does it apply, are its measures in place, who, when."""
    table = table_named("sheet_result")
    problems: dict[str, Problem] = {}
    applies = raw.get("applies")
    with database.engine.begin() as connection:
        values = {
            "applies": None if applies is None else bool(applies),
            "technical_status": _status(
                raw.get("technical_status"), "technical_status", SHEET_STATUSES, problems
            ),
            "human_status": _status(raw.get("human_status"), "human_status", SHEET_STATUSES, problems),
            "responsibility": ",".join(raw.get("responsibility") or ()),
            "owner_id": person_field(people_index(connection), raw.get("owner_id"), "owner_id", problems),
            "due_on": day_field(raw.get("due_on"), "due_on", problems),
            "notes": parse_text(raw.get("notes")),
        }
        if problems:
            raise DetailInvalidError(problems)
        _upsert(connection, table, run_id, "sheet_id", sheet_id, values)


def _upsert(
    connection: Any, table: Any, run_id: int, key: str, entry_id: str, values: dict[str, Any]
) -> None:
    existing = connection.execute(
        select(table.c.id).where(table.c.assessment_id == run_id, table.c[key] == entry_id)
    ).scalar()
    if existing is None:
        connection.execute(table.insert().values(assessment_id=run_id, **{key: entry_id}, **values))
    else:
        connection.execute(table.update().where(table.c.id == existing).values(**values))


# ---------------------------------------------------------------- scores and risks


def item_score(item: ControlItem, run: RunAnswers) -> ItemScore:
    baseline = [run.measure(m.id).status for m in item.measures if not m.reference]
    reference = [run.measure(m.id).status for m in item.measures if m.reference]
    return ItemScore(item, score_of(baseline), score_of(reference))


def item_scores(catalog: Catalog, run: RunAnswers) -> list[ItemScore]:
    return [item_score(item, run) for item in catalog.items]


def overall(scores: Sequence[ItemScore]) -> tuple[Score, Score]:
    """(baseline, reference) over every item."""
    baseline, reference = Score(), Score()
    for score in scores:
        baseline += score.baseline
        reference += score.reference
    return baseline, reference


def open_risks(catalog: Catalog, run: RunAnswers) -> list[OpenRisk]:
    """Sheets that apply and are not in place, most impacts first, then the widest gap."""
    risks = []
    for sheet in catalog.sheets:
        answer = run.sheet(sheet)
        if not answer.applies:
            continue
        gap = 0.0
        if sheet.technical_measures:
            gap += 1 - WEIGHT[answer.technical_status]
        if sheet.human_measures:
            gap += 1 - WEIGHT[answer.human_status]
        if gap > 0:
            risks.append(OpenRisk(sheet, answer, len(sheet.impacts), gap))
    return sorted(risks, key=lambda r: (-r.impacts, -r.gap, r.sheet.number))


def unanswered_sheets(catalog: Catalog, run: RunAnswers) -> list[TaskSheet]:
    """Sheets not yet answered "applies or not": reports say so, never "all done"."""
    return [sheet for sheet in catalog.sheets if run.sheet(sheet).applies is None]


def compare(catalog: Catalog, before: RunAnswers, after: RunAnswers) -> Comparison:
    """What improved and what fell back between two runs, measure by measure."""
    changes = []
    for item in catalog.items:
        for measure in item.measures:
            old, new = before.measure(measure.id).status, after.measure(measure.id).status
            if old == new:
                continue
            if old in WEIGHT and new in WEIGHT:
                direction = Direction.IMPROVED if WEIGHT[new] > WEIGHT[old] else Direction.FELL_BACK
            else:
                direction = Direction.SCOPE
            changes.append(MeasureChange(item, measure, old, new, direction))
    old_scores, new_scores = item_scores(catalog, before), item_scores(catalog, after)
    return Comparison(
        before.run,
        after.run,
        [(o.item, o.baseline, n.baseline) for o, n in zip(old_scores, new_scores, strict=True)],
        (overall(old_scores)[0], overall(new_scores)[0]),
        changes,
    )
