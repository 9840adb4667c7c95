"""The guideline catalog as validated data.

The catalog files in ``catalog/`` are transcribed from the JNSA guideline. These pydantic
models are their schema: a file that does not fit is rejected at load time with the file,
the entry and the field named (see ``sme_guard.services.catalog``).

Ids are stable strings (``ctl-09``, ``ctl-09-m2``, ``ctl-09-p1``, ``sheet-049``) so that
assessments stored in the database survive catalog updates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CODE_PATTERN = r"^[a-z][a-z0-9_]*$"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

Origin = Literal["guideline", "office"]


def circled(no: int) -> str:
    """①, ②, ... as the guideline numbers measures and points."""
    return CIRCLED[no - 1] if 1 <= no <= len(CIRCLED) else f"({no})"


_ENTRY_ID = re.compile(r"^(?:ctl|own)-(\d{2,3})(?:-([mp])(\d+))?$|^(?:sheet|own-sheet)-(\d{3})$")


def entry_label(entry_id: str, lang: str) -> str:
    """A catalog id as people write it: ctl-09 -> 管理項目 9, ctl-09-m2 -> 9②, ctl-09-p1 ->
    9 運用① (en: 9 point ①), sheet-049 -> 業務シート No.49; an id of another form as it is."""
    match = _ENTRY_ID.match(entry_id)
    if match is None:
        return entry_id
    item, kind, no, sheet = match.groups()
    if sheet is not None:
        return f"{'Task sheet' if lang == 'en' else '業務シート'} No.{int(sheet)}"
    if kind is None:
        return f"{'Control' if lang == 'en' else '管理項目'} {int(item)}"
    if kind == "m":
        return f"{int(item)}{circled(int(no))}"
    return f"{int(item)} point {circled(int(no))}" if lang == "en" else f"{int(item)} 運用{circled(int(no))}"


class StrictModel(BaseModel):
    # Unknown keys are typos in a hand-edited file: reject them instead of ignoring them.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(StrictModel):
    """A text in Japanese (as the guideline writes it) and its English translation."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class Term(StrictModel):
    """One entry of a legend vocabulary (a checkbox of the task-sheet template)."""

    code: str = Field(pattern=CODE_PATTERN)
    label: Text
    # Other wordings the excerpt uses for the same box on individual sheets.
    aliases: list[str] = []


class Phase(StrictModel):
    number: int = Field(ge=1)
    code: str = Field(pattern=CODE_PATTERN)
    label: Text


class FieldHelp(StrictModel):
    """A field of the template and the legend's explanation of it."""

    code: str = Field(pattern=CODE_PATTERN)
    label: Text
    description: Text


class Legend(StrictModel):
    """Part 1 legend (0.2) and Part 2 legend (0.凡例)."""

    item_fields: list[FieldHelp]
    sheet_fields: list[FieldHelp]
    entities: list[Term]
    impacts: list[Term]
    threats: list[Term]
    responsibilities: list[Term]
    phases: list[Phase]

    @model_validator(mode="after")
    def _unique_codes(self) -> Legend:
        for name in ("entities", "impacts", "threats", "responsibilities", "phases"):
            codes = [t.code for t in getattr(self, name)]
            dupes = sorted({c for c in codes if codes.count(c) > 1})
            if dupes:
                raise ValueError(f"{name}: duplicate code {', '.join(dupes)}")
        return self

    def codes(self, vocabulary: str) -> set[str]:
        return {t.code for t in getattr(self, vocabulary)}


class Measure(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+-m\d+$")
    no: int = Field(ge=1)
    text: Text
    # "(参考)": a large investment or hard to run; optional, never counted against the baseline.
    reference: bool = False


class Point(StrictModel):
    """運用で心がけるポイント: an operational point."""

    id: str = Field(pattern=r"^[a-z0-9-]+-p\d+$")
    no: int = Field(ge=1)
    text: Text


class RelatedItem(StrictModel):
    """A related control item as the excerpt names it; number only where it is known."""

    item: int | None = None
    name: Text


class RelatedMeasures(StrictModel):
    """関連する管理策 of a task sheet: an item and some of its measure numbers."""

    item: int = Field(ge=1)
    name: Text
    measures: list[int] = Field(min_length=1)


def _check_numbering(kind: str, entries: Sequence[Measure | Point], prefix: str) -> None:
    for expected, entry in enumerate(entries, start=1):
        if entry.no != expected:
            raise ValueError(f"{kind}: numbers must run 1, 2, 3, ...; found {entry.no} at {expected}")
        suffix = "m" if kind == "measures" else "p"
        if entry.id != f"{prefix}-{suffix}{entry.no}":
            raise ValueError(f"{kind}: id {entry.id!r} must be {prefix}-{suffix}{entry.no!r}")


class ControlItem(StrictModel):
    """A control item of Part 1 (管理項目)."""

    id: str = Field(pattern=r"^(ctl|own)-\d{2,3}$")
    number: int = Field(ge=1)
    origin: Origin = "guideline"
    title: Text
    objective: Text
    measures: list[Measure] = Field(min_length=1)
    points: list[Point] = []
    related: list[RelatedItem] = []

    @model_validator(mode="after")
    def _ids_follow_number(self) -> ControlItem:
        prefix = "ctl" if self.origin == "guideline" else "own"
        if self.id != f"{prefix}-{self.number:02d}":
            raise ValueError(f"id {self.id!r} must be {prefix}-{self.number:02d}")
        _check_numbering("measures", self.measures, self.id)
        _check_numbering("points", self.points, self.id)
        return self


class TaskSheet(StrictModel):
    """A task sheet of Part 2 (業務シート), laid out as the legend (0.凡例) defines it."""

    id: str = Field(pattern=r"^(sheet|own-sheet)-\d{3}$")
    number: int = Field(ge=1)
    origin: Origin = "guideline"
    phase: str = Field(pattern=CODE_PATTERN)
    title: Text
    entities: list[str] = Field(min_length=1)
    impacts: list[str] = Field(min_length=1)
    threats: list[str] = Field(min_length=1)
    responsibility: list[str] = Field(min_length=1)
    objective: Text
    weakness: Text  # 現状のセキュリティレベル
    risk_scenario: Text
    technical_measures: list[Text] = []
    human_measures: list[Text] = []
    points: list[Text] = []
    notes: Text | None = None  # 備考
    related_measures: list[RelatedMeasures] = []

    @field_validator("entities", "impacts", "threats", "responsibility")
    @classmethod
    def _no_duplicates(cls, codes: list[str]) -> list[str]:
        if len(set(codes)) != len(codes):
            raise ValueError("a box is ticked twice")
        return codes

    @model_validator(mode="after")
    def _id_follows_number(self) -> TaskSheet:
        prefix = "sheet" if self.origin == "guideline" else "own-sheet"
        if self.id != f"{prefix}-{self.number:03d}":
            raise ValueError(f"id {self.id!r} must be {prefix}-{self.number:03d}")
        if not self.technical_measures and not self.human_measures:
            raise ValueError("a sheet needs a technical or a human measure")
        return self


class ReferenceItem(StrictModel):
    """A control item the excerpt only names (e.g. 1 セキュリティ境界と入退室管理).

    Kept as a reference with its name and, where the excerpt gives it, its number; its
    content is never invented.
    """

    id: str = Field(pattern=r"^ref-[a-z0-9-]+$")
    number: int | None = None
    name: Text
    # Other wordings the excerpt uses for the same item (e.g. 認証 for 認証と権限).
    aliases: list[str] = []


class Catalog(StrictModel):
    legend: Legend
    items: list[ControlItem]
    sheets: list[TaskSheet]
    references: list[ReferenceItem] = []

    @model_validator(mode="after")
    def _cross_references(self) -> Catalog:
        errors: list[str] = []
        seen: set[str] = set()
        for entry_id in (
            [i.id for i in self.items] + [s.id for s in self.sheets] + [r.id for r in self.references]
        ):
            if entry_id in seen:
                errors.append(f"{entry_id}: id used twice")
            seen.add(entry_id)
        numbers = {i.number: i for i in self.items}
        ref_numbers = {r.number for r in self.references if r.number is not None}
        for item in self.items:
            for related in item.related:
                if (
                    related.item is not None
                    and related.item not in numbers
                    and related.item not in ref_numbers
                ):
                    errors.append(
                        f"{item.id}: related: item {related.item} is neither in the catalog nor a reference"
                    )
        phase_codes = self.legend.codes("phases")
        vocab = {
            "entities": self.legend.codes("entities"),
            "impacts": self.legend.codes("impacts"),
            "threats": self.legend.codes("threats"),
            "responsibility": self.legend.codes("responsibilities"),
        }
        for sheet in self.sheets:
            if sheet.phase not in phase_codes:
                errors.append(f"{sheet.id}: phase: unknown code {sheet.phase!r}")
            for field, codes in vocab.items():
                for code in getattr(sheet, field):
                    if code not in codes:
                        errors.append(f"{sheet.id}: {field}: unknown code {code!r}")
            for rel in sheet.related_measures:
                target = numbers.get(rel.item)
                if target is not None:
                    known = {m.no for m in target.measures}
                    missing = [n for n in rel.measures if n not in known]
                    if missing:
                        errors.append(
                            f"{sheet.id}: related_measures: item {rel.item} has no measure "
                            + ", ".join(circled(n) for n in missing)
                        )
                elif rel.item not in ref_numbers:
                    errors.append(
                        f"{sheet.id}: related_measures: item {rel.item} is neither in the catalog nor a reference"
                    )
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def item(self, number: int) -> ControlItem | None:
        return next((i for i in self.items if i.number == number), None)

    def sheet(self, number: int) -> TaskSheet | None:
        return next((s for s in self.sheets if s.number == number), None)

    def measures(self) -> list[tuple[ControlItem, Measure]]:
        return [(item, m) for item in self.items for m in item.measures]

    def describe(self, entry_id: str, lang: str) -> str:
        """An entry by its label and its words: "9 運用① 記憶媒体は…", "業務シート No.1 入館"."""
        found = next((s.title for s in self.sheets if s.id == entry_id), None)
        for item in self.items:
            if found is None and item.id == entry_id:
                found = item.title
            parts: list[Measure | Point] = [*item.measures, *item.points]
            found = found or next((p.text for p in parts if p.id == entry_id), None)
        name = entry_label(entry_id, lang)
        return f"{name} {found.get(lang)}" if found is not None else name

    def term_label(self, vocabulary: str, code: str, lang: str) -> str:
        for term in getattr(self.legend, vocabulary):
            if term.code == code:
                return str(term.label.get(lang))
        return code
