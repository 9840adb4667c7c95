"""ホームの概要グラフと年次報告: the numbers behind the charts, without Qt.

- :func:`score_series`: the baseline score of every control item in the latest assessment run
  and in the run before it;
- :func:`incidents_by_month`: incidents per local month and type over the last 12 months;
- :func:`assets_by_status`: media, devices and badges per status, every status listed;
- :func:`year_summary`: what the management's annual report sums up for one year.

The home screen draws the first three with Qt, the annual report (``exchange.pdf.
annual_report``) with reportlab; both take these plain dataclasses. Incidents are counted by
when they occurred, in this PC's local time (the database keeps UTC), so an incident at
00:30 on 1 November in Tokyo counts for November.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, func, or_, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, Text
from sme_guard.domain.codes import (
    INCIDENT_CATEGORY_OF_TYPE,
    IncidentCategory,
    IncidentStatus,
    IncidentType,
    label,
)
from sme_guard.domain.registers import BADGES, DEVICES, MEDIA, REGISTERS, Register
from sme_guard.services import assessments
from sme_guard.services.assessments import RunInfo
from sme_guard.services.registers import table_named, table_of

# The registers whose items are counted by status, in the order the charts show them.
ASSET_REGISTERS: tuple[Register, ...] = (MEDIA, DEVICES, BADGES)
# One colour per incident type (hex), shared by the home screen and the annual report: system
# failures in warm shades, security incidents in cool ones, other in grey.
INCIDENT_TYPE_COLOURS: dict[IncidentType, str] = {
    IncidentType.OUTAGE: "#C0504D",
    IncidentType.MALFUNCTION: "#E48A3C",
    IncidentType.DAMAGE: "#D9B43B",
    IncidentType.LEAK: "#1F4E79",
    IncidentType.TAMPERING: "#4F81BD",
    IncidentType.ACCESS_VIOLATION: "#8064A2",
    IncidentType.MALWARE: "#2E8B74",
    IncidentType.EXTERNAL_ATTACK: "#9BBB59",
    IncidentType.LOSS_THEFT: "#B565A7",
    IncidentType.OTHER: "#9A9A9A",
}
# The two runs of the score chart (the assessment report uses the same).
LATEST_COLOUR = "#2F5D8C"
PREVIOUS_COLOUR = "#B4B4B4"
# Asset statuses: the first (使用中, 有効) dark blue, other open ones light blue, lost red,
# closed ones (廃棄済, 返却済, 失効) grey.
STATUS_IN_USE_COLOUR = "#2F5D8C"
STATUS_OPEN_COLOUR = "#7FA7D0"
STATUS_LOST_COLOUR = "#B00000"
STATUS_CLOSED_COLOUR = "#B4B4B4"


# ---------------------------------------------------------------- local time


def _utc(value: datetime | str) -> datetime:
    """A stored moment (naive UTC, or an ISO string of one) as an aware UTC datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def local_moment(value: datetime | str) -> datetime:
    """A stored moment as this PC's local time (aware)."""
    return _utc(value).astimezone()


def _local_midnight(day: date) -> datetime:
    """Local midnight starting ``day`` (aware), to compare stored moments with."""
    return datetime(day.year, day.month, day.day).astimezone()


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _incident_type(code: str | None) -> IncidentType:
    try:
        return IncidentType(code or "")
    except ValueError:
        return IncidentType.OTHER


# ---------------------------------------------------------------- scores per item


class ScoreItem(NamedTuple):
    """A control item of the chart: its number and title (Japanese and English)."""

    number: int
    title: Text

    def label(self, lang: str) -> str:
        return f"{self.number}. {self.title.get(lang)}"


@dataclass(frozen=True)
class ScoreSeries:
    """The baseline score (%) per control item of the latest run and of the run before it.

    ``latest_percent`` and ``previous_percent`` run parallel to ``items``; an entry is None when
    nothing of the item counts (every measure 対象外) or when there is no such run.
    """

    items: list[ScoreItem]
    latest: RunInfo | None
    latest_percent: list[float | None]
    previous: RunInfo | None
    previous_percent: list[float | None]
    latest_overall: float | None = None  # the run's baseline over every item
    previous_overall: float | None = None


def _run_percents(
    database: Database, catalog: Catalog, run: RunInfo | None
) -> tuple[list[float | None], float | None]:
    if run is None:
        return [None] * len(catalog.items), None
    scores = assessments.item_scores(catalog, assessments.answers(database, run.id))
    return [s.baseline.percent for s in scores], assessments.overall(scores)[0].percent


def score_series(
    database: Database, catalog: Catalog | None = None, *, until: date | None = None
) -> ScoreSeries:
    """The latest run (held on or before ``until``, when given) beside the one before it."""
    if catalog is None:
        from sme_guard.services.office_catalog import effective_catalog

        catalog = effective_catalog(database)
    held = [r for r in assessments.runs(database) if until is None or r.held_on <= until]  # newest first
    latest = held[0] if held else None
    previous = held[1] if len(held) > 1 else None
    latest_percent, latest_overall = _run_percents(database, catalog, latest)
    previous_percent, previous_overall = _run_percents(database, catalog, previous)
    return ScoreSeries(
        items=[ScoreItem(item.number, item.title) for item in catalog.items],
        latest=latest,
        latest_percent=latest_percent,
        previous=previous,
        previous_percent=previous_percent,
        latest_overall=latest_overall,
        previous_overall=previous_overall,
    )


# ---------------------------------------------------------------- incidents per month


@dataclass(frozen=True)
class MonthSeries:
    """Incidents per local month (oldest first) and type.

    ``types`` is every incident type in definition order (so a type keeps its colour);
    ``counts[type][i]`` is the number of that type in ``months[i]``.
    """

    months: list[tuple[int, int]]  # (year, month)
    types: list[IncidentType]
    counts: dict[IncidentType, list[int]]

    @property
    def totals(self) -> list[int]:
        """Incidents per month, every type together."""
        return [sum(self.counts[t][i] for t in self.types) for i in range(len(self.months))]

    @property
    def used_types(self) -> list[IncidentType]:
        """The types with at least one incident in the period (for a legend)."""
        return [t for t in self.types if any(self.counts[t])]

    @property
    def total(self) -> int:
        return sum(self.totals)


def incidents_by_month(database: Database, today: date, months: int = 12) -> MonthSeries:
    """Incidents per type in each of the ``months`` local months ending with ``today``'s month,
    counted by when they occurred."""
    year, month = today.year, today.month
    periods: list[tuple[int, int]] = []
    for _ in range(months):
        periods.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    periods.reverse()
    types = list(IncidentType)
    counts = {t: [0] * len(periods) for t in types}
    if not periods:
        return MonthSeries(periods, types, counts)
    position = {period: index for index, period in enumerate(periods)}
    first = date(*periods[0], 1)
    end = date(*_month_after(*periods[-1]), 1)
    incidents = table_named("incident")
    query = select(incidents.c.occurred_at, incidents.c.incident_type).where(
        incidents.c.occurred_at >= _local_midnight(first), incidents.c.occurred_at < _local_midnight(end)
    )
    with database.engine.connect() as connection:
        for occurred_at, code in connection.execute(query):
            local = local_moment(occurred_at)
            index = position.get((local.year, local.month))
            if index is not None:
                counts[_incident_type(code)][index] += 1
    return MonthSeries(periods, types, counts)


# ---------------------------------------------------------------- assets per status


@dataclass(frozen=True)
class StatusCounts:
    """How many items of a register are in each status (every status, 0 when none)."""

    register_key: str  # media / devices / badges
    codes: list[str]  # the register's status codes, in definition order
    counts: list[int]  # parallel to ``codes``

    @property
    def register(self) -> Register:
        return REGISTERS[self.register_key]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def title(self, lang: str) -> str:
        return self.register.label(lang)

    def labels(self, lang: str) -> list[str]:
        """The status labels, parallel to ``codes``."""
        codes = self.register.status_codes
        assert codes is not None
        return [label(codes(code), lang) for code in self.codes]

    def count(self, code: str) -> int:
        return self.counts[self.codes.index(code)] if code in self.codes else 0

    def colour(self, code: str) -> str:
        """The bar colour (hex) of a status, the same on the home screen and in the report."""
        if code == "lost":
            return STATUS_LOST_COLOUR
        if code in self.register.closed_statuses:
            return STATUS_CLOSED_COLOUR
        return STATUS_IN_USE_COLOUR if self.codes and code == self.codes[0] else STATUS_OPEN_COLOUR


def _status_counts(connection: Connection, register: Register) -> StatusCounts:
    assert register.status_key is not None and register.status_codes is not None
    table = table_of(register)
    status = table.c[register.status_key]
    found: dict[str, int] = {
        row[0]: int(row[1]) for row in connection.execute(select(status, func.count()).group_by(status))
    }
    codes = [member.value for member in register.status_codes]
    return StatusCounts(register.key, codes, [int(found.get(code, 0)) for code in codes])


def assets_by_status(database: Database) -> list[StatusCounts]:
    """Media, devices and badges counted by status (records, not the media's quantity)."""
    with database.engine.connect() as connection:
        return [_status_counts(connection, register) for register in ASSET_REGISTERS]


# ---------------------------------------------------------------- the year in numbers


@dataclass(frozen=True)
class IncidentLine:
    id: int
    number: str
    occurred_at: datetime | None  # local time (aware)
    incident_type: str  # IncidentType code
    severity: str  # Severity code
    status: str  # IncidentStatus code
    closed_on: date | None

    @property
    def closed(self) -> bool:
        return self.status == IncidentStatus.CLOSED.value


@dataclass(frozen=True)
class DrillSummary:
    plan: str  # the plan's name
    held_on: date
    scenario: str | None
    minutes_achieved: int | None
    objective_minutes: int | None

    @property
    def over_objective(self) -> bool:
        return (
            self.minutes_achieved is not None
            and self.objective_minutes is not None
            and self.minutes_achieved > self.objective_minutes
        )


@dataclass(frozen=True)
class ReviewSummary:
    plan: str
    reviewed_on: date
    note: str | None
    after_drill: bool  # the review records a change a drill led to


@dataclass(frozen=True)
class StockTakeSummary:
    register_key: str  # media / devices / badges
    finished: int  # stock-takes finished in the year
    missing: int  # items found missing in them, all together
    last_finished_on: date | None

    def title(self, lang: str) -> str:
        return REGISTERS[self.register_key].label(lang)


@dataclass(frozen=True)
class AssessmentSummary:
    run: RunInfo
    baseline_percent: float | None


@dataclass(frozen=True)
class YearSummary:
    """One year for the management: what happened, what was done, where things stand now."""

    year: int
    incidents: list[IncidentLine]  # occurred in the year (local time), oldest first
    by_type: dict[IncidentType, int]  # every type, 0 when none
    by_category: dict[IncidentCategory, int]  # both categories (その他 belongs to neither)
    actions_done: int  # prevention actions of the year's incidents: done
    actions_open: int  # and not done yet
    drills: list[DrillSummary]  # held in the year, oldest first
    reviews: list[ReviewSummary]  # plan reviews in the year, oldest first
    stocktakes: list[StockTakeSummary]  # media, devices, badges
    assessments: list[AssessmentSummary]  # runs held in the year, oldest first
    assets: list[StatusCounts] = field(default_factory=list)  # at print time

    @property
    def incidents_closed(self) -> int:
        return sum(line.closed for line in self.incidents)

    @property
    def incidents_open(self) -> int:
        return len(self.incidents) - self.incidents_closed

    @property
    def drills_over_objective(self) -> int:
        return sum(d.over_objective for d in self.drills)


def _year_incidents(connection: Connection, year: int) -> list[IncidentLine]:
    incidents = table_named("incident")
    start, end = _local_midnight(date(year, 1, 1)), _local_midnight(date(year + 1, 1, 1))
    query = (
        select(
            incidents.c.id,
            incidents.c.number,
            incidents.c.occurred_at,
            incidents.c.incident_type,
            incidents.c.severity,
            incidents.c.status,
            incidents.c.closed_on,
        )
        .where(
            or_(
                and_(incidents.c.occurred_at >= start, incidents.c.occurred_at < end),
                and_(incidents.c.occurred_at.is_(None), incidents.c.year == year),
            )
        )
        .order_by(incidents.c.occurred_at, incidents.c.number)
    )
    lines = []
    for row in connection.execute(query):
        occurred = local_moment(row[2]) if row[2] is not None else None
        lines.append(IncidentLine(row[0], row[1], occurred, row[3], row[4], row[5], row[6]))
    return lines


def _actions(connection: Connection, incident_ids: Sequence[int]) -> tuple[int, int]:
    if not incident_ids:
        return 0, 0
    actions = table_named("incident_action")
    done = func.count(actions.c.done_on)  # counts the actions with a date done
    row = connection.execute(select(done, func.count()).where(actions.c.incident_id.in_(incident_ids))).one()
    finished, total = int(row[0] or 0), int(row[1] or 0)
    return finished, total - finished


def _between(column: Any, year: int) -> Any:
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


def _drills(connection: Connection, year: int) -> list[DrillSummary]:
    drills, plans = table_named("drill"), table_named("continuity_plan")
    query = (
        select(
            plans.c.name,
            drills.c.held_on,
            drills.c.scenario,
            drills.c.minutes_achieved,
            drills.c.objective_minutes,
        )
        .join(plans, plans.c.id == drills.c.plan_id)
        .where(_between(drills.c.held_on, year))
        .order_by(drills.c.held_on, drills.c.id)
    )
    return [DrillSummary(*row) for row in connection.execute(query)]


def _reviews(connection: Connection, year: int) -> list[ReviewSummary]:
    reviews, plans, drills = (
        table_named("plan_review"),
        table_named("continuity_plan"),
        table_named("drill"),
    )
    after_drill = select(drills.c.id).where(drills.c.change_review_id == reviews.c.id).exists()
    query = (
        select(plans.c.name, reviews.c.reviewed_on, reviews.c.note, after_drill)
        .join(plans, plans.c.id == reviews.c.plan_id)
        .where(_between(reviews.c.reviewed_on, year))
        .order_by(reviews.c.reviewed_on, reviews.c.id)
    )
    return [ReviewSummary(row[0], row[1], row[2], bool(row[3])) for row in connection.execute(query)]


def _stocktakes(connection: Connection, year: int) -> list[StockTakeSummary]:
    takes = table_named("stock_take")
    query = (
        select(
            takes.c.register_key,
            func.count(),
            func.sum(takes.c.missing_count),
            func.max(takes.c.finished_on),
        )
        .where(_between(takes.c.finished_on, year))
        .group_by(takes.c.register_key)
    )
    found = {row[0]: row for row in connection.execute(query)}
    summaries = []
    for register in ASSET_REGISTERS:
        row = found.get(register.key)
        if row is None:
            summaries.append(StockTakeSummary(register.key, 0, 0, None))
            continue
        last = row[3]
        if isinstance(last, str):  # max() over a date column comes back as text
            last = date.fromisoformat(last)
        summaries.append(StockTakeSummary(register.key, int(row[1]), int(row[2] or 0), last))
    return summaries


def year_summary(database: Database, year: int, catalog: Catalog | None = None) -> YearSummary:
    """The year's incidents, prevention actions, drills, reviews, stock-takes and assessment
    runs, and the assets by status as they are now."""
    with database.engine.connect() as connection:
        incidents = _year_incidents(connection, year)
        actions_done, actions_open = _actions(connection, [line.id for line in incidents])
        drills = _drills(connection, year)
        reviews = _reviews(connection, year)
        stocktakes = _stocktakes(connection, year)
        assets = [_status_counts(connection, register) for register in ASSET_REGISTERS]
    by_type = dict.fromkeys(IncidentType, 0)
    for line in incidents:
        by_type[_incident_type(line.incident_type)] += 1
    by_category = dict.fromkeys(IncidentCategory, 0)
    for kind, count in by_type.items():
        category = INCIDENT_CATEGORY_OF_TYPE.get(kind)
        if category is not None:
            by_category[category] += count
    held = sorted(
        (r for r in assessments.runs(database) if r.held_on.year == year), key=lambda r: (r.held_on, r.id)
    )
    runs: list[AssessmentSummary] = []
    if held:
        if catalog is None:
            from sme_guard.services.office_catalog import effective_catalog

            catalog = effective_catalog(database)
        for run in held:
            runs.append(AssessmentSummary(run, _run_percents(database, catalog, run)[1]))
    return YearSummary(
        year=year,
        incidents=incidents,
        by_type=by_type,
        by_category=by_category,
        actions_done=actions_done,
        actions_open=actions_open,
        drills=drills,
        reviews=reviews,
        stocktakes=stocktakes,
        assessments=runs,
        assets=assets,
    )
