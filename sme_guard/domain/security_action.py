"""IPA's SECURITY ACTION: the office's self-declarations (★ / ★★) and the results of the
5-minute self-diagnosis (5分でできる！情報セキュリティ自社診断, 25 questions answered 4 / 2 /
0 / -1), and SME Guard's reading of which catalog entries address each question
(``catalog/security_action.yaml``).

The questions themselves stay on IPA's sheet, which the office has: the app keeps the answer
per question number and a short topic label of its own, so a result can be read without the
sheet but never claims to quote it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field as TableField

from sme_guard.domain.base import Record
from sme_guard.domain.catalog import Text

QUESTIONS = 25
# The answers and their points, as IPA's sheet scores them.
SCORES = (4, 2, 0, -1)
SCORE_LABELS: dict[int, tuple[str, str]] = {
    4: ("実施している", "Done"),
    2: ("一部実施している", "Partly done"),
    0: ("実施していない", "Not done"),
    -1: ("わからない", "Don't know"),
}
# A control measure (ctl-09-m2), an operational point (ctl-09-p1), a task sheet (sheet-001) or
# a reference to an item the excerpt does not contain (ref-01, ref-backup).
ADDRESSED_BY_PATTERN = r"^(ctl-\d{2}-[mp]\d+|sheet-\d{3}|ref-[a-z0-9-]+)$"


def score_label(score: int, lang: str) -> str:
    ja, en = SCORE_LABELS[score]
    return en if lang == "en" else ja


class SecurityAction(Record, table=True):
    """One declaration (or one being prepared: no date yet)."""

    __tablename__ = "security_action"

    level: str  # SecurityActionLevel code
    declared_on: date | None = None  # None: being prepared, not declared yet
    declaration_id: str | None = None  # 自己宣言ID, given by IPA when the declaration is made
    notes: str | None = None


class SelfDiagnosis(Record, table=True):
    __tablename__ = "self_diagnosis"

    held_on: date = TableField(index=True)
    notes: str | None = None


class SelfDiagnosisAnswer(Record, table=True):
    __tablename__ = "self_diagnosis_answer"
    __table_args__ = (
        UniqueConstraint("diagnosis_id", "question"),
        CheckConstraint("question BETWEEN 1 AND 25", name="question_number"),
        CheckConstraint("score IN (4, 2, 0, -1)", name="score_value"),
    )

    diagnosis_id: int = TableField(foreign_key="self_diagnosis.id", index=True, ondelete="CASCADE")
    question: int  # 1-25, as numbered on IPA's sheet
    score: int  # 4 / 2 / 0 / -1


# ---------------------------------------------------------------- the mapping file


class _MapModel(BaseModel):
    # A hand-edited file: an unknown key is a typo, refused rather than ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DiagnosisPart(_MapModel):
    number: int = Field(ge=1)
    title: Text
    questions: tuple[int, ...] = Field(min_length=1)


class DiagnosisQuestion(_MapModel):
    number: int = Field(ge=1, le=QUESTIONS)
    topic: Text  # a short label written for this app, not IPA's question
    addressed_by: tuple[str, ...] = ()  # catalog ids (ADDRESSED_BY_PATTERN), most direct first

    @model_validator(mode="after")
    def _ids(self) -> DiagnosisQuestion:
        wrong = [i for i in self.addressed_by if not re.match(ADDRESSED_BY_PATTERN, i)]
        if wrong:
            raise ValueError(f"addressed_by: not a catalog id: {', '.join(wrong)}")
        if len(set(self.addressed_by)) != len(self.addressed_by):
            raise ValueError("addressed_by: an id is listed twice")
        return self


class DiagnosisMap(_MapModel):
    # Required, so that the file never passes for IPA's or JNSA's own mapping.
    own_reading: Literal[True]
    note: Text  # says so, in both languages; shown beside the suggestions
    parts: tuple[DiagnosisPart, ...] = Field(min_length=1)
    questions: tuple[DiagnosisQuestion, ...]

    @model_validator(mode="after")
    def _every_question_once(self) -> DiagnosisMap:
        wanted = list(range(1, QUESTIONS + 1))
        if [q.number for q in self.questions] != wanted:
            raise ValueError(f"questions: each of 1-{QUESTIONS} once, in order")
        in_parts = sorted(n for part in self.parts for n in part.questions)
        if in_parts != wanted:
            raise ValueError(f"parts: together they must hold each of questions 1-{QUESTIONS} once")
        if [p.number for p in self.parts] != list(range(1, len(self.parts) + 1)):
            raise ValueError("parts: numbered 1, 2, ... in order")
        return self

    def question(self, number: int) -> DiagnosisQuestion:
        return self.questions[number - 1]

    def part_of(self, number: int) -> DiagnosisPart:
        return next(p for p in self.parts if number in p.questions)
