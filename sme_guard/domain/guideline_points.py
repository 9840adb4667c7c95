"""The points of the staff guidelines (``catalog/staff_guidelines.yaml``): smart devices (10⑨)
and SNS (18①).

Each point names the guideline entry it comes from (``10④``, ``18運用①``), what the guideline
requires (its own words), the question the office decides (may staff do this? 可 / 不可 /
条件付きで可) and SME Guard's suggested decision, which is not guideline text. The loader
(``services.guideline_points``) also checks every reference and requirement against the
catalog, so a point cannot claim words the guideline does not have.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from sme_guard.domain.catalog import CIRCLED, CODE_PATTERN, StrictModel, Text
from sme_guard.domain.codes import GuidelineDecision, GuidelineKind

# "10④" is measure ④ of control 10; "18運用①" is operational point ① of control 18.
REF_PATTERN = rf"^(\d{{1,3}})(運用)?([{CIRCLED}])$"


def entry_id(ref: str) -> str:
    """The catalog id a reference names: 10④ -> ctl-10-m4, 18運用① -> ctl-18-p1."""
    match = re.match(REF_PATTERN, ref)
    if match is None:
        raise ValueError(f"not a guideline reference: {ref!r}")
    kind = "p" if match[2] else "m"
    return f"ctl-{int(match[1]):02d}-{kind}{CIRCLED.index(match[3]) + 1}"


def ref_label(ref: str, lang: str) -> str:
    """A reference as people read it: 10④ and 18 運用① (en: 18 point ①)."""
    match = re.match(REF_PATTERN, ref)
    if match is None or not match[2]:
        return ref
    return f"{match[1]} point {match[3]}" if lang == "en" else f"{match[1]} 運用{match[3]}"


class GuidelinePoint(StrictModel):
    key: str = Field(pattern=CODE_PATTERN)  # stable: a version's choices are keyed by it
    ref: str = Field(pattern=REF_PATTERN)
    sheets: tuple[int, ...] = ()  # task sheets (業務 No.) that touch the point
    requirement: Text  # the guideline's words
    question: Text  # what the office decides
    suggested_decision: GuidelineDecision  # SME Guard's suggestion, not guideline text
    suggested_conditions: Text | None = None

    @model_validator(mode="after")
    def _conditions_when_conditional(self) -> GuidelinePoint:
        if self.suggested_decision == GuidelineDecision.CONDITIONAL and self.suggested_conditions is None:
            raise ValueError("a conditional suggestion needs suggested_conditions")
        if len(set(self.sheets)) != len(self.sheets):
            raise ValueError("sheets: a sheet is listed twice")
        return self


class GuidelineTemplate(StrictModel):
    """The points one kind of guideline is built from."""

    kind: GuidelineKind
    control: int = Field(ge=1)  # the control item that asks for the guideline (10, 18)
    title: Text  # the title a first version starts with
    purpose: Text  # the control's 管理目的, printed at the top
    points: tuple[GuidelinePoint, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> GuidelineTemplate:
        keys = [p.key for p in self.points]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise ValueError(f"points: key used twice: {', '.join(repeated)}")
        return self

    def point(self, key: str) -> GuidelinePoint | None:
        return next((p for p in self.points if p.key == key), None)


class GuidelineTemplates(StrictModel):
    guidelines: tuple[GuidelineTemplate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_kind_once(self) -> GuidelineTemplates:
        kinds = [g.kind for g in self.guidelines]
        missing = sorted(k.value for k in GuidelineKind if k not in kinds)
        twice = sorted({k.value for k in kinds if kinds.count(k) > 1})
        if missing or twice:
            problems = [f"missing: {', '.join(missing)}"] if missing else []
            problems += [f"listed twice: {', '.join(twice)}"] if twice else []
            raise ValueError("each kind of guideline once; " + "; ".join(problems))
        return self

    def of(self, kind: GuidelineKind | str) -> GuidelineTemplate:
        return next(g for g in self.guidelines if g.kind == kind)
