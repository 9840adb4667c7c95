"""SECURITY ACTION (IPA): the office's self-declarations, its self-diagnosis results, and how
ready it is to declare two stars (★★). One function per user action.

★★ asks for two things besides the declaration itself: the 5-minute self-diagnosis done, and an
information security policy (基本方針) issued and published. ``readiness`` says which of them
the office has, with dates; while the office aims at ★★ (its newest declaration record is ★★)
and something is missing, the home list shows it.

A self-diagnosis keeps the answer to each of the 25 questions (4 / 2 / 0 / -1 points, as IPA's
sheet scores them), dated; results are compared with the one before. For each answer below
4 points, ``suggestions`` names the catalog entries SME Guard reads as addressing the question
(``catalog/security_action.yaml``, the app's own reading).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, select

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.codes import PolicyKind, SecurityActionLevel
from sme_guard.domain.security_action import QUESTIONS, SCORES, DiagnosisMap
from sme_guard.errors import UserError
from sme_guard.services import clock, policies
from sme_guard.services.catalog import bundled_diagnosis_map, entry_reference
from sme_guard.services.details import DetailInvalidError, day_field
from sme_guard.services.registers import table_named
from sme_guard.services.values import Problem, parse_text

# ---------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Declaration:
    id: int
    level: SecurityActionLevel
    declared_on: date | None  # None: being prepared
    declaration_id: str | None  # 自己宣言ID
    notes: str | None


def _declarations() -> Table:
    return table_named("security_action")


def declarations(database: Database) -> list[Declaration]:
    """Every declaration record, newest first (the newest says what the office aims at)."""
    table = _declarations()
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(
                table.c.id, table.c.level, table.c.declared_on, table.c.declaration_id, table.c.notes
            ).order_by(table.c.id.desc())
        ).all()
    return [Declaration(r[0], SecurityActionLevel(r[1]), r[2], r[3], r[4]) for r in rows]


def save_declaration(database: Database, record_id: int | None, raw: Mapping[str, Any]) -> int:
    """A declaration (``{"level", "declared_on", "declaration_id", "notes"}``); without a date it
    is one being prepared. The 自己宣言ID comes with a declaration, so it needs the date."""
    problems: dict[str, Problem] = {}
    try:
        level = SecurityActionLevel(str(raw.get("level")))
    except ValueError:
        problems["level"] = Problem("一覧から選んでください", "choose from the list")
    declared_on = day_field(raw.get("declared_on"), "declared_on", problems)
    if declared_on is not None and declared_on > clock.today():
        problems["declared_on"] = Problem("今日より後の日付は指定できません", "cannot be later than today")
    number = parse_text(raw.get("declaration_id"))
    if number is not None and declared_on is None and "declared_on" not in problems:
        problems["declared_on"] = Problem(
            "自己宣言IDがあるときは宣言日を入力してください", "enter the date the ID was given for"
        )
    if problems:
        raise DetailInvalidError(problems)
    values = {
        "level": level.value,
        "declared_on": declared_on,
        "declaration_id": number,
        "notes": parse_text(raw.get("notes")),
    }
    table = _declarations()
    with database.engine.begin() as connection:
        if record_id is None:
            inserted = connection.execute(table.insert().values(**values)).inserted_primary_key
            assert inserted is not None
            return int(inserted[0])
        if not connection.execute(table.update().where(table.c.id == record_id).values(**values)).rowcount:
            raise UserError("この宣言の記録は削除されています。", "This declaration record has been deleted.")
        return record_id


def delete_declaration(database: Database, record_id: int) -> None:
    table = _declarations()
    with database.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.id == record_id))


# ---------------------------------------------------------------- self-diagnosis


@dataclass(frozen=True)
class Diagnosis:
    id: int
    held_on: date
    notes: str | None
    answers: dict[int, int]  # question number -> points
    part_scores: tuple[int, ...]  # per part of the sheet, in order
    total: int  # out of 100
    previous: Diagnosis | None  # the one before it (by date), for the change

    @property
    def total_change(self) -> int | None:
        return None if self.previous is None else self.total - self.previous.total

    def part_changes(self) -> tuple[int, ...] | None:
        if self.previous is None:
            return None
        return tuple(a - b for a, b in zip(self.part_scores, self.previous.part_scores, strict=True))

    def changed_questions(self) -> list[tuple[int, int, int]]:
        """(question, points before, points now) for each answer that changed."""
        if self.previous is None:
            return []
        before = self.previous.answers
        return [(n, before[n], now) for n, now in sorted(self.answers.items()) if before.get(n, now) != now]


def part_scores(answers: Mapping[int, int], mapping: DiagnosisMap) -> tuple[int, ...]:
    return tuple(sum(answers.get(n, 0) for n in part.questions) for part in mapping.parts)


def diagnoses(database: Database, *, mapping: DiagnosisMap | None = None) -> list[Diagnosis]:
    """Every self-diagnosis, newest first, each with its scores and the one before it."""
    mapping = mapping or bundled_diagnosis_map()
    runs, answers = table_named("self_diagnosis"), table_named("self_diagnosis_answer")
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(runs.c.id, runs.c.held_on, runs.c.notes).order_by(runs.c.held_on, runs.c.id)
        ).all()
        given: dict[int, dict[int, int]] = {row.id: {} for row in rows}
        for diagnosis_id, question, score in connection.execute(
            select(answers.c.diagnosis_id, answers.c.question, answers.c.score)
        ):
            given[diagnosis_id][question] = score
    found: list[Diagnosis] = []
    for row in rows:
        scores = part_scores(given[row.id], mapping)
        found.append(
            Diagnosis(
                row.id,
                row.held_on,
                row.notes,
                given[row.id],
                scores,
                sum(scores),
                found[-1] if found else None,
            )
        )
    return found[::-1]


def save_diagnosis(database: Database, diagnosis_id: int | None, raw: Mapping[str, Any]) -> int:
    """A self-diagnosis (``{"held_on", "notes", "answers": {1: 4, ..., 25: -1}}``): the date and
    all 25 answers on the sheet's scale, or nothing is saved (problems by ``held_on`` and
    ``q<number>``)."""
    problems: dict[str, Problem] = {}
    held_on = day_field(raw.get("held_on"), "held_on", problems)
    if held_on is None and "held_on" not in problems:
        problems["held_on"] = Problem("入力してください", "required")
    elif held_on is not None and held_on > clock.today():
        problems["held_on"] = Problem("今日より後の日付は指定できません", "cannot be later than today")
    given = raw.get("answers") or {}
    answers: dict[int, int] = {}
    for number in range(1, QUESTIONS + 1):
        value = given.get(number, given.get(str(number)))
        try:
            score: int | None = int(str(value)) if not isinstance(value, bool) else None
        except ValueError:
            score = None
        if score is None or score not in SCORES:
            problems[f"q{number}"] = Problem(
                "4・2・0・-1 のいずれかで回答してください", "answer 4, 2, 0 or -1"
            )
        else:
            answers[number] = score
    if problems:
        raise DetailInvalidError(problems)
    runs, table = table_named("self_diagnosis"), table_named("self_diagnosis_answer")
    values = {"held_on": held_on, "notes": parse_text(raw.get("notes"))}
    with database.engine.begin() as connection:
        if diagnosis_id is None:
            inserted = connection.execute(runs.insert().values(**values)).inserted_primary_key
            assert inserted is not None
            diagnosis_id = int(inserted[0])
        else:
            if not connection.execute(
                runs.update().where(runs.c.id == diagnosis_id).values(**values)
            ).rowcount:
                raise UserError("この自社診断は削除されています。", "This self-diagnosis has been deleted.")
        stored = dict(
            connection.execute(
                select(table.c.question, table.c.score).where(table.c.diagnosis_id == diagnosis_id)
            ).all()
        )
        for number, score in answers.items():
            if number not in stored:
                connection.execute(
                    table.insert().values(diagnosis_id=diagnosis_id, question=number, score=score)
                )
            elif stored[number] != score:  # only real changes: each update is an audit entry
                connection.execute(
                    table.update()
                    .where(table.c.diagnosis_id == diagnosis_id, table.c.question == number)
                    .values(score=score)
                )
    return diagnosis_id


def delete_diagnosis(database: Database, diagnosis_id: int) -> None:
    runs = table_named("self_diagnosis")
    with database.engine.begin() as connection:
        connection.execute(delete(runs).where(runs.c.id == diagnosis_id))


@dataclass(frozen=True)
class Suggestion:
    """An answer below full points and what in the catalog addresses its question."""

    question: int
    topic: str
    score: int
    entries: tuple[tuple[str, str], ...]  # (reference as printed, text) per catalog entry


def suggestions(
    diagnosis: Diagnosis, catalog: Catalog, lang: str, *, mapping: DiagnosisMap | None = None
) -> list[Suggestion]:
    """Each answer below 4 points, lowest first, with the catalog entries SME Guard reads as
    addressing its question."""
    mapping = mapping or bundled_diagnosis_map()
    low = sorted((score, number) for number, score in diagnosis.answers.items() if score < max(SCORES))
    found = []
    for score, number in low:
        question = mapping.question(number)
        entries = tuple(entry_reference(catalog, entry, lang) for entry in question.addressed_by)
        found.append(Suggestion(number, question.topic.get(lang), score, entries))
    return found


# ---------------------------------------------------------------- ★★ readiness


@dataclass(frozen=True)
class ReadinessStep:
    key: str  # diagnosis, policy_issued, policy_published
    done: bool
    title_ja: str
    title_en: str
    detail_ja: str  # when and where it was done, or what to do
    detail_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja

    def detail(self, lang: str) -> str:
        return self.detail_en if lang == "en" else self.detail_ja


@dataclass(frozen=True)
class Readiness:
    aiming_at_two_stars: bool  # the newest declaration record is ★★
    steps: tuple[ReadinessStep, ...]

    @property
    def complete(self) -> bool:
        return all(step.done for step in self.steps)

    @property
    def missing(self) -> list[ReadinessStep]:
        return [step for step in self.steps if not step.done]


def readiness(database: Database) -> Readiness:
    """What ★★ asks for besides the declaration, and how far the office is."""
    records = declarations(database)
    runs = table_named("self_diagnosis")
    with database.engine.connect() as connection:
        diagnosed = connection.execute(
            select(runs.c.held_on).order_by(runs.c.held_on.desc()).limit(1)
        ).scalar()
    policy = policies.current_version(database, PolicyKind.POLICY)
    steps: list[ReadinessStep] = []
    steps.append(
        ReadinessStep(
            "diagnosis",
            diagnosed is not None,
            "5分でできる自社診断の実施",
            "Carry out the 5-minute self-diagnosis",
            f"{diagnosed} に実施" if diagnosed else "IPA の診断シートで 25 問に答え、結果を記録してください",
            f"Done on {diagnosed}"
            if diagnosed
            else "Answer the 25 questions on IPA's sheet and record the result",
        )
    )
    issued = policy.issued_on if policy else None
    steps.append(
        ReadinessStep(
            "policy_issued",
            issued is not None,
            "情報セキュリティ基本方針の発行",
            "Issue the information security policy",
            f"第{policy.version}版を {issued} に発行" if policy else "基本方針を作成して発行してください",
            f"Version {policy.version} issued on {issued}" if policy else "Draft the policy and issue it",
        )
    )
    published = policy.published_on if policy else None
    where = policy.published_where if policy else None
    steps.append(
        ReadinessStep(
            "policy_published",
            published is not None,
            "基本方針の公表",
            "Publish the policy",
            f"{published} に公表({where})"
            if published
            else "発行した版を事業所のウェブページなどで公表し、記録してください",
            f"Published on {published} ({where})"
            if published
            else "Publish the issued version (the office's web page, a notice board) and record it",
        )
    )
    aiming = bool(records) and records[0].level is SecurityActionLevel.TWO_STARS
    return Readiness(aiming, tuple(steps))


def checklist_on_home(database: Database) -> list[ReadinessStep]:
    """The ★★ steps the home list shows: the missing ones while the office aims at ★★."""
    ready = readiness(database)
    return ready.missing if ready.aiming_at_two_stars else []
