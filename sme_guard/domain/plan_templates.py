"""Starting points for IT continuity plans (``catalog/plan_templates.yaml``).

These are SME Guard's own examples for common office systems, not guideline text: a plan
started from one is marked as such and every text is meant to be rewritten for the office.
Each template carries its texts in Japanese and English; the plan takes one language.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from sme_guard.domain.catalog import CODE_PATTERN, StrictModel
from sme_guard.domain.codes import DisasterScenario, ProtectionMeasure


class TemplateProtection(StrictModel):
    measure: ProtectionMeasure
    name: str | None = None  # what an "other" measure is
    note: str | None = None

    @model_validator(mode="after")
    def _named_when_other(self) -> TemplateProtection:
        if (self.measure == ProtectionMeasure.OTHER) != bool(self.name):
            raise ValueError("an 'other' measure needs a name, and only an 'other' one has one")
        return self


class TemplateStep(StrictModel):
    who: str | None = None
    what: str = Field(min_length=1)
    location: str | None = None
    minutes: int | None = Field(default=None, ge=0)


class TemplateScenario(StrictModel):
    scenario: DisasterScenario
    name: str | None = None  # for "custom"
    response: str = Field(min_length=1)

    @model_validator(mode="after")
    def _named_when_custom(self) -> TemplateScenario:
        if (self.scenario == DisasterScenario.CUSTOM) != bool(self.name):
            raise ValueError("a 'custom' scenario needs a name, and only a 'custom' one has one")
        return self


class TemplateContent(StrictModel):
    """A template's texts in one language."""

    name: str = Field(min_length=1)
    summary: str = Field(min_length=1)  # one line shown when choosing a template
    business_impact: str = Field(min_length=1)
    damage_and_risk: str = Field(min_length=1)
    protections: tuple[TemplateProtection, ...] = ()
    steps: tuple[TemplateStep, ...] = Field(min_length=1)
    scenarios: tuple[TemplateScenario, ...] = ()

    @model_validator(mode="after")
    def _each_once(self) -> TemplateContent:
        # A plan keeps one line per measure and per disaster; a repeat would be lost on save.
        lines: tuple[tuple[str, list[tuple[str, str | None]]], ...] = (
            ("protection", [(p.measure.value, p.name) for p in self.protections]),
            ("scenario", [(s.scenario.value, s.name) for s in self.scenarios]),
        )
        for kind, keys in lines:
            repeated = sorted(
                {f"{code}{' ' + name if name else ''}" for code, name in keys if keys.count((code, name)) > 1}
            )
            if repeated:
                raise ValueError(f"each {kind} once: {', '.join(repeated)} repeated")
        return self


class PlanTemplate(StrictModel):
    code: str = Field(pattern=CODE_PATTERN)
    example: bool  # must be true: templates are examples, never guideline content
    rto_hours: float = Field(ge=0)
    rpo_hours: float = Field(ge=0)
    review_interval_days: int = Field(default=365, ge=1)
    uses_contact_tree: bool = True
    ja: TemplateContent
    en: TemplateContent

    @model_validator(mode="after")
    def _is_an_example(self) -> PlanTemplate:
        if not self.example:
            raise ValueError("templates are examples: set 'example: true'")
        return self

    def content(self, lang: str) -> TemplateContent:
        return self.en if lang == "en" else self.ja


class PlanTemplates(StrictModel):
    templates: tuple[PlanTemplate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> PlanTemplates:
        codes = [t.code for t in self.templates]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise ValueError(f"template codes must be unique: {', '.join(duplicates)}")
        return self
