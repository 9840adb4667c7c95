"""IT継続計画 (control 4): what hangs off a plan, one function per user action.

The plan's own fields are a register (``PLANS``) saved through ``services.registers``; its
protection measures, ordered recovery steps, disaster scenarios (4③, (参考)), dependencies,
reviews (4②) and drills (4 運用①) are managed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, select

from sme_guard.db.database import Database
from sme_guard.domain.codes import DisasterScenario, ProtectionMeasure, label
from sme_guard.domain.plan_templates import PlanTemplate
from sme_guard.domain.registers import PLANS
from sme_guard.errors import UserError
from sme_guard.services.details import DetailInvalidError, day_field, int_field, person_field, required_text
from sme_guard.services.flags import review_due_on, review_is_due
from sme_guard.services.registers import get_record, people_index, table_named
from sme_guard.services.values import Problem, parse_text

MINUTES_PER_HOUR = 60


class PlanRuleError(UserError):
    """A change the plan's structure does not allow (e.g. a circular dependency)."""


@dataclass(frozen=True)
class ProtectionLine:
    measure: str  # ProtectionMeasure code
    name: str | None  # for OTHER: what it is
    in_place: bool
    note: str | None

    def title(self, lang: str) -> str:
        if self.measure == ProtectionMeasure.OTHER and self.name:
            return self.name
        return label(ProtectionMeasure(self.measure), lang)


@dataclass(frozen=True)
class StepLine:
    id: int
    position: int
    who: str | None
    what: str
    location: str | None
    duration_minutes: int | None


@dataclass(frozen=True)
class ScenarioLine:
    id: int
    scenario: str  # DisasterScenario code
    name: str | None  # for CUSTOM
    response: str | None

    def title(self, lang: str) -> str:
        if self.scenario == DisasterScenario.CUSTOM and self.name:
            return self.name
        return label(DisasterScenario(self.scenario), lang)


@dataclass(frozen=True)
class ReviewLine:
    id: int
    reviewed_on: date
    note: str | None
    after_drill_on: date | None = None  # the review records a change a drill led to


@dataclass(frozen=True)
class DrillLine:
    id: int
    held_on: date
    scenario: str | None
    participant_ids: tuple[int, ...]
    participants: tuple[str, ...]
    steps_exercised: str | None
    minutes_achieved: int | None
    objective_minutes: int | None
    result: str | None
    findings: str | None
    plan_changed: bool
    change_note: str | None
    change_review_id: int | None

    @property
    def over_objective(self) -> bool:
        """4 運用①: the drill took longer than the recovery time objective it was held to."""
        return (
            self.minutes_achieved is not None
            and self.objective_minutes is not None
            and self.minutes_achieved > self.objective_minutes
        )


@dataclass(frozen=True)
class PlanDetail:
    id: int
    values: dict[str, Any]  # the register's fields (owner as id)
    owner: str | None
    protections: tuple[ProtectionLine, ...]
    steps: tuple[StepLine, ...]
    scenarios: tuple[ScenarioLine, ...]
    depends_on: tuple[tuple[int, str], ...]  # other plans that must be back first
    needed_by: tuple[tuple[int, str], ...]  # plans that wait for this one
    reviews: tuple[ReviewLine, ...]  # newest first
    drills: tuple[DrillLine, ...]  # newest first
    next_review_on: date | None  # None: never reviewed
    review_due: bool

    @property
    def name(self) -> str:
        return str(self.values["name"])

    @property
    def objective_minutes(self) -> int | None:
        return objective_minutes(self.values.get("rto_hours"))

    @property
    def steps_minutes(self) -> int | None:
        """The recovery steps' total duration, where every step has one."""
        durations = [s.duration_minutes for s in self.steps]
        return sum(d for d in durations if d is not None) if durations and None not in durations else None


def objective_minutes(rto_hours: float | None) -> int | None:
    return None if rto_hours is None else round(rto_hours * MINUTES_PER_HOUR)


# ---------------------------------------------------------------- reading


def detail(database: Database, plan_id: int, today: date) -> PlanDetail:
    values = get_record(database, PLANS, plan_id)
    plans = table_named("continuity_plan")
    with database.engine.connect() as connection:
        names = dict(people_index(connection).names)
        protections = table_named("plan_protection")
        protection_rows = connection.execute(
            select(protections).where(protections.c.plan_id == plan_id).order_by(protections.c.id)
        ).mappings()
        order = {m.value: i for i, m in enumerate(ProtectionMeasure)}
        protection_lines = sorted(
            (
                ProtectionLine(r["measure"], r["name"], bool(r["in_place"]), r["note"])
                for r in protection_rows
            ),
            key=lambda line: order.get(line.measure, len(order)),
        )
        steps = table_named("plan_step")
        step_lines = tuple(
            StepLine(r["id"], r["position"], r["who"], r["what"], r["location"], r["duration_minutes"])
            for r in connection.execute(
                select(steps).where(steps.c.plan_id == plan_id).order_by(steps.c.position, steps.c.id)
            ).mappings()
        )
        scenarios = table_named("plan_scenario")
        scenario_order = {m.value: i for i, m in enumerate(DisasterScenario)}
        scenario_lines = sorted(
            (
                ScenarioLine(r["id"], r["scenario"], r["name"], r["response"])
                for r in connection.execute(
                    select(scenarios).where(scenarios.c.plan_id == plan_id)
                ).mappings()
            ),
            key=lambda line: (scenario_order.get(line.scenario, len(scenario_order)), line.id),
        )
        dependencies = table_named("plan_dependency")
        depends_on = _pairs(
            connection.execute(
                select(plans.c.id, plans.c.name)
                .join(dependencies, dependencies.c.depends_on_id == plans.c.id)
                .where(dependencies.c.plan_id == plan_id)
                .order_by(plans.c.name)
            ).all()
        )
        needed_by = _pairs(
            connection.execute(
                select(plans.c.id, plans.c.name)
                .join(dependencies, dependencies.c.plan_id == plans.c.id)
                .where(dependencies.c.depends_on_id == plan_id)
                .order_by(plans.c.name)
            ).all()
        )
        reviews = table_named("plan_review")
        drill_lines = tuple(_drills(connection, [plan_id], names))
        drill_of_review = {
            d.change_review_id: d.held_on for d in drill_lines if d.change_review_id is not None
        }
        review_lines = tuple(
            ReviewLine(r["id"], r["reviewed_on"], r["note"], drill_of_review.get(r["id"]))
            for r in connection.execute(
                select(reviews)
                .where(reviews.c.plan_id == plan_id)
                .order_by(reviews.c.reviewed_on.desc(), reviews.c.id.desc())
            ).mappings()
        )
        made_at = connection.execute(select(plans.c.created_at).where(plans.c.id == plan_id)).scalar()
    last, interval = values["last_reviewed_on"], values["review_interval_days"]
    return PlanDetail(
        id=plan_id,
        values=values,
        owner=names.get(values["owner_id"]) if values["owner_id"] is not None else None,
        protections=tuple(protection_lines),
        steps=step_lines,
        scenarios=tuple(scenario_lines),
        depends_on=depends_on,
        needed_by=needed_by,
        reviews=review_lines,
        drills=drill_lines,
        next_review_on=review_due_on(last, interval, made_at),
        review_due=review_is_due(last, interval, today, made_at),
    )


def _pairs(rows: Iterable[Any]) -> tuple[tuple[int, str], ...]:
    return tuple((int(row[0]), str(row[1])) for row in rows)


def _drills(connection: Connection, plan_ids: Sequence[int], names: Mapping[int, str]) -> list[DrillLine]:
    drills, participants = table_named("drill"), table_named("drill_participant")
    who: dict[int, list[int]] = {}
    for drill_id, person_id in connection.execute(
        select(participants.c.drill_id, participants.c.person_id)
        .join(drills, drills.c.id == participants.c.drill_id)
        .where(drills.c.plan_id.in_(plan_ids))
        .order_by(participants.c.id)
    ).all():
        who.setdefault(drill_id, []).append(person_id)
    lines = []
    for r in connection.execute(
        select(drills)
        .where(drills.c.plan_id.in_(plan_ids))
        .order_by(drills.c.held_on.desc(), drills.c.id.desc())
    ).mappings():
        ids = tuple(who.get(r["id"], ()))
        lines.append(
            DrillLine(
                id=r["id"],
                held_on=r["held_on"],
                scenario=r["scenario"],
                participant_ids=ids,
                participants=tuple(names.get(i, "") for i in ids),
                steps_exercised=r["steps_exercised"],
                minutes_achieved=r["minutes_achieved"],
                objective_minutes=r["objective_minutes"],
                result=r["result"],
                findings=r["findings"],
                plan_changed=bool(r["plan_changed"]),
                change_note=r["change_note"],
                change_review_id=r["change_review_id"],
            )
        )
    return lines


def plan_choices(database: Database) -> list[tuple[int, str]]:
    plans = table_named("continuity_plan")
    with database.engine.connect() as connection:
        return list(_pairs(connection.execute(select(plans.c.id, plans.c.name).order_by(plans.c.name))))


def find_plan(database: Database, name_or_number: str) -> int | None:
    """A plan by its name (or its database id, for scripts)."""
    plans = table_named("continuity_plan")
    text = name_or_number.strip()
    with database.engine.connect() as connection:
        found = connection.execute(select(plans.c.id).where(plans.c.name == text)).scalar()
        if found is None and text.isdigit():
            found = connection.execute(select(plans.c.id).where(plans.c.id == int(text))).scalar()
    return None if found is None else int(found)


# ---------------------------------------------------------------- protection (4①)


def set_protections(database: Database, plan_id: int, lines: Iterable[ProtectionLine]) -> None:
    """Replace the plan's protection checklist: one line per standard measure, any others."""
    protections = table_named("plan_protection")
    rows = []
    seen: set[tuple[str, str | None]] = set()
    for index, line in enumerate(lines):
        name = parse_text(line.name) if line.measure == ProtectionMeasure.OTHER else None
        if line.measure == ProtectionMeasure.OTHER and name is None:
            raise DetailInvalidError({f"name.{index}": Problem("名称を入力してください", "name it")})
        key = (ProtectionMeasure(line.measure).value, name)
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "plan_id": plan_id,
                "measure": key[0],
                "name": name,
                "in_place": line.in_place,
                "note": parse_text(line.note),
            }
        )
    with database.engine.begin() as connection:
        connection.execute(delete(protections).where(protections.c.plan_id == plan_id))
        if rows:
            connection.execute(protections.insert(), rows)


# ---------------------------------------------------------------- recovery steps


def save_step(database: Database, plan_id: int, step_id: int | None, raw: Mapping[str, Any]) -> int:
    """A recovery step: who does what, where, and how long it takes."""
    steps = table_named("plan_step")
    problems: dict[str, Problem] = {}
    values = {
        "what": required_text(raw.get("what"), "what", problems),
        "who": parse_text(raw.get("who")),
        "location": parse_text(raw.get("location")),
        "duration_minutes": int_field(raw.get("duration_minutes"), "duration_minutes", problems),
    }
    if problems:
        raise DetailInvalidError(problems)
    with database.engine.begin() as connection:
        if step_id is not None:
            connection.execute(steps.update().where(steps.c.id == step_id).values(**values))
            return step_id
        last = connection.execute(
            select(func.max(steps.c.position)).where(steps.c.plan_id == plan_id)
        ).scalar_one()
        inserted = connection.execute(
            steps.insert().values(plan_id=plan_id, position=(last or 0) + 1, **values)
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def move_step(database: Database, plan_id: int, step_id: int, offset: int) -> None:
    """Move a step earlier (-1) or later (+1); positions stay 1, 2, 3, ..."""
    steps = table_named("plan_step")
    with database.engine.begin() as connection:
        ids = list(
            connection.execute(
                select(steps.c.id).where(steps.c.plan_id == plan_id).order_by(steps.c.position, steps.c.id)
            ).scalars()
        )
        index = ids.index(step_id)
        ids.insert(max(0, min(len(ids) - 1, index + offset)), ids.pop(index))
        _renumber(connection, ids)


def delete_step(database: Database, plan_id: int, step_id: int) -> None:
    steps = table_named("plan_step")
    with database.engine.begin() as connection:
        connection.execute(delete(steps).where(steps.c.id == step_id))
        ids = list(
            connection.execute(
                select(steps.c.id).where(steps.c.plan_id == plan_id).order_by(steps.c.position, steps.c.id)
            ).scalars()
        )
        _renumber(connection, ids)


def _renumber(connection: Connection, ids: Sequence[int]) -> None:
    steps = table_named("plan_step")
    for position, step_id in enumerate(ids, start=1):
        connection.execute(steps.update().where(steps.c.id == step_id).values(position=position))


# ---------------------------------------------------------------- disaster scenarios (4③)


def save_scenario(database: Database, plan_id: int, scenario_id: int | None, raw: Mapping[str, Any]) -> int:
    """A disaster and the plan's response to it; own disasters are CUSTOM with a name."""
    scenarios = table_named("plan_scenario")
    problems: dict[str, Problem] = {}
    try:
        scenario = DisasterScenario(raw.get("scenario") or DisasterScenario.CUSTOM)
    except ValueError:
        problems["scenario"] = Problem("一覧から選んでください", "choose from the list")
        scenario = DisasterScenario.CUSTOM
    name = parse_text(raw.get("name")) if scenario == DisasterScenario.CUSTOM else None
    if scenario == DisasterScenario.CUSTOM and name is None:
        problems["name"] = Problem("災害の名称を入力してください", "name the disaster")
    values = {"scenario": scenario.value, "name": name, "response": parse_text(raw.get("response"))}
    if problems:
        raise DetailInvalidError(problems)
    with database.engine.begin() as connection:
        duplicate = select(scenarios.c.id).where(
            scenarios.c.plan_id == plan_id,
            scenarios.c.scenario == scenario.value,
            scenarios.c.name.is_(None) if name is None else scenarios.c.name == name,
        )
        if scenario_id is not None:
            duplicate = duplicate.where(scenarios.c.id != scenario_id)
        if connection.execute(duplicate).first() is not None:
            raise DetailInvalidError(
                {"scenario": Problem("この災害は登録済みです", "this disaster is already in the plan")}
            )
        if scenario_id is not None:
            connection.execute(scenarios.update().where(scenarios.c.id == scenario_id).values(**values))
            return scenario_id
        inserted = connection.execute(
            scenarios.insert().values(plan_id=plan_id, **values)
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def delete_scenario(database: Database, scenario_id: int) -> None:
    scenarios = table_named("plan_scenario")
    with database.engine.begin() as connection:
        connection.execute(delete(scenarios).where(scenarios.c.id == scenario_id))


# ---------------------------------------------------------------- dependencies


def set_dependencies(database: Database, plan_id: int, depends_on: Iterable[int]) -> None:
    """The plans that must be recovered before this one; a circle is refused (nothing could
    be recovered first)."""
    dependencies, plans = table_named("plan_dependency"), table_named("continuity_plan")
    wanted = sorted(set(depends_on) - {plan_id})
    with database.engine.begin() as connection:
        edges: dict[int, set[int]] = {}
        for source, target in connection.execute(
            select(dependencies.c.plan_id, dependencies.c.depends_on_id).where(
                dependencies.c.plan_id != plan_id
            )
        ).all():
            edges.setdefault(source, set()).add(target)
        edges[plan_id] = set(wanted)
        circle = _circle_through(plan_id, edges)
        if circle:
            names = dict(connection.execute(select(plans.c.id, plans.c.name)).all())
            path = " → ".join(names.get(i, str(i)) for i in circle)
            raise PlanRuleError(
                f"依存関係が循環します({path})。どれも先に復旧できなくなります。",
                f"The dependencies go round in a circle ({path}); none of them could be recovered first.",
            )
        connection.execute(delete(dependencies).where(dependencies.c.plan_id == plan_id))
        if wanted:
            connection.execute(
                dependencies.insert(), [{"plan_id": plan_id, "depends_on_id": target} for target in wanted]
            )


def _circle_through(start: int, edges: Mapping[int, set[int]]) -> list[int] | None:
    """A path start → ... → start along the edges, if there is one."""
    stack: list[tuple[int, list[int]]] = [(start, [start])]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        for target in sorted(edges.get(node, ())):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


# ---------------------------------------------------------------- review (4②)


def mark_reviewed(database: Database, plan_id: int, reviewed_on: date, note: str | None) -> int:
    """The plan was reviewed (and, if needed, updated) on ``reviewed_on``."""
    with database.engine.begin() as connection:
        return _record_review(connection, plan_id, reviewed_on, parse_text(note))


def _record_review(connection: Connection, plan_id: int, reviewed_on: date, note: str | None) -> int:
    reviews, plans = table_named("plan_review"), table_named("continuity_plan")
    inserted = connection.execute(
        reviews.insert().values(plan_id=plan_id, reviewed_on=reviewed_on, note=note)
    ).inserted_primary_key
    assert inserted is not None
    latest = connection.execute(
        select(func.max(reviews.c.reviewed_on)).where(reviews.c.plan_id == plan_id)
    ).scalar_one()
    connection.execute(plans.update().where(plans.c.id == plan_id).values(last_reviewed_on=latest))
    return int(inserted[0])


# ---------------------------------------------------------------- drills (4 運用①)


def save_drill(
    database: Database,
    plan_id: int,
    drill_id: int | None,
    raw: Mapping[str, Any],
    participant_ids: Iterable[int],
) -> int:
    """A drill: when, which scenario, who took part, what was exercised, how long recovery
    took against the objective, what was found, and whether the plan was changed. A change
    is recorded as a review of the plan, linked from the drill."""
    drills, participants = table_named("drill"), table_named("drill_participant")
    problems: dict[str, Problem] = {}
    held_on = day_field(raw.get("held_on"), "held_on", problems)
    if held_on is None and "held_on" not in problems:
        problems["held_on"] = Problem("入力してください", "required")
    plan_changed = bool(raw.get("plan_changed"))
    change_note = parse_text(raw.get("change_note"))
    if plan_changed and change_note is None:
        problems["change_note"] = Problem(
            "計画をどう変えたか入力してください", "say how the plan was changed"
        )
    values = {
        "held_on": held_on,
        "scenario": parse_text(raw.get("scenario")),
        "steps_exercised": parse_text(raw.get("steps_exercised")),
        "minutes_achieved": int_field(raw.get("minutes_achieved"), "minutes_achieved", problems),
        "result": parse_text(raw.get("result")),
        "findings": parse_text(raw.get("findings")),
        "plan_changed": plan_changed,
        "change_note": change_note if plan_changed else None,
    }
    with database.engine.begin() as connection:
        people = people_index(connection)
        chosen = [person_field(people, p, "participants", problems) for p in participant_ids]
        if problems:
            raise DetailInvalidError(problems)
        assert held_on is not None
        plans = table_named("continuity_plan")
        previous = (
            connection.execute(select(drills).where(drills.c.id == drill_id)).mappings().first()
            if drill_id is not None
            else None
        )
        if previous is None:
            rto = connection.execute(select(plans.c.rto_hours).where(plans.c.id == plan_id)).scalar_one()
            values["objective_minutes"] = objective_minutes(rto)
        review_id = previous["change_review_id"] if previous is not None else None
        reviews = table_named("plan_review")
        if plan_changed:
            if review_id is None:
                review_id = _record_review(connection, plan_id, held_on, change_note)
            else:
                connection.execute(
                    reviews.update()
                    .where(reviews.c.id == review_id)
                    .values(reviewed_on=held_on, note=change_note)
                )
        elif review_id is not None:
            connection.execute(drills.update().where(drills.c.id == drill_id).values(change_review_id=None))
            connection.execute(delete(reviews).where(reviews.c.id == review_id))
            review_id = None
        values["change_review_id"] = review_id
        if drill_id is None:
            inserted = connection.execute(
                drills.insert().values(plan_id=plan_id, **values)
            ).inserted_primary_key
            assert inserted is not None
            drill_id = int(inserted[0])
        else:
            connection.execute(drills.update().where(drills.c.id == drill_id).values(**values))
            connection.execute(delete(participants).where(participants.c.drill_id == drill_id))
        unique = list(dict.fromkeys(p for p in chosen if p is not None))
        if unique:
            connection.execute(
                participants.insert(), [{"drill_id": drill_id, "person_id": p} for p in unique]
            )
        _refresh_last_review(connection, plan_id)
        return drill_id


def delete_drill(database: Database, plan_id: int, drill_id: int) -> None:
    """Remove a drill and the review entry it created."""
    drills, reviews = table_named("drill"), table_named("plan_review")
    with database.engine.begin() as connection:
        review_id = connection.execute(
            select(drills.c.change_review_id).where(drills.c.id == drill_id)
        ).scalar()
        connection.execute(delete(drills).where(drills.c.id == drill_id))
        if review_id is not None:
            connection.execute(delete(reviews).where(reviews.c.id == review_id))
        _refresh_last_review(connection, plan_id)


def _refresh_last_review(connection: Connection, plan_id: int) -> None:
    reviews, plans = table_named("plan_review"), table_named("continuity_plan")
    latest = connection.execute(
        select(func.max(reviews.c.reviewed_on)).where(reviews.c.plan_id == plan_id)
    ).scalar_one()
    connection.execute(plans.update().where(plans.c.id == plan_id).values(last_reviewed_on=latest))


# ---------------------------------------------------------------- templates


def create_from_template(
    database: Database, template: PlanTemplate, lang: str, name: str | None = None
) -> int:
    """A new plan filled from an example template, so nobody starts from an empty form.

    The name defaults to the template's, numbered when taken ("メール (2)"); a name the user
    gave that is taken is refused, not quietly changed."""
    plans = table_named("continuity_plan")
    content = template.content(lang)
    with database.engine.begin() as connection:
        taken = set(connection.execute(select(plans.c.name)).scalars())
        given = parse_text(name)
        if given is not None and given in taken:
            raise PlanRuleError(
                f"「{given}」という計画は既にあります。別の名前にしてください。",
                f"There is already a plan named '{given}'. Choose another name.",
            )
        base = given or content.name
        chosen, counter = base, 2
        while chosen in taken:
            chosen, counter = f"{base} ({counter})", counter + 1
        inserted = connection.execute(
            plans.insert().values(
                name=chosen,
                business_impact=content.business_impact,
                damage_and_risk=content.damage_and_risk,
                rto_hours=template.rto_hours,
                rpo_hours=template.rpo_hours,
                depends_on_contact_tree=template.uses_contact_tree,
                review_interval_days=template.review_interval_days,
                template_code=template.code,
            )
        ).inserted_primary_key
        assert inserted is not None
        plan_id = int(inserted[0])
        if content.protections:
            connection.execute(
                table_named("plan_protection").insert(),
                [
                    {
                        "plan_id": plan_id,
                        "measure": p.measure,
                        "name": p.name,
                        "in_place": False,
                        "note": p.note,
                    }
                    for p in content.protections
                ],
            )
        if content.steps:
            connection.execute(
                table_named("plan_step").insert(),
                [
                    {
                        "plan_id": plan_id,
                        "position": position,
                        "who": s.who,
                        "what": s.what,
                        "location": s.location,
                        "duration_minutes": s.minutes,
                    }
                    for position, s in enumerate(content.steps, start=1)
                ],
            )
        if content.scenarios:
            connection.execute(
                table_named("plan_scenario").insert(),
                [
                    {"plan_id": plan_id, "scenario": s.scenario, "name": s.name, "response": s.response}
                    for s in content.scenarios
                ],
            )
        return plan_id
