"""Loading, searching and exporting the guideline catalog, and loading SME Guard's own files beside
it (plan and policy templates, the recurring checks' schedule, the SECURITY ACTION map)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sme_guard import paths
from sme_guard.domain.catalog import Catalog, ControlItem, Legend, ReferenceItem, TaskSheet, circled
from sme_guard.domain.plan_templates import PlanTemplate, PlanTemplates
from sme_guard.domain.policies import PolicyTemplates
from sme_guard.domain.recurring import CheckSchedule, ScheduledCheck
from sme_guard.domain.security_action import DiagnosisMap
from sme_guard.domain.text import matches
from sme_guard.errors import CatalogError

try:  # the C loader is several times faster where PyYAML was built with it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Model = TypeVar("Model", bound=BaseModel)

LEGEND_FILE = "legend.yaml"
PLAN_TEMPLATES_FILE = "plan_templates.yaml"
POLICY_TEMPLATES_FILE = "policy_templates.yaml"
DIAGNOSIS_MAP_FILE = "security_action.yaml"
SCHEDULE_FILE = "recurring_checks.yaml"
# file name -> (top-level key, entry model)
LIST_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "items.yaml": ("items", ControlItem),
    "sheets.yaml": ("sheets", TaskSheet),
    "references.yaml": ("references", ReferenceItem),
}


def read_yaml(path: Path) -> Any:
    """A YAML file of ours; a ``CatalogError`` says why it cannot be read."""
    try:
        with path.open(encoding="utf-8") as file:
            return yaml.load(file, Loader=_Loader)
    except FileNotFoundError as exc:
        raise CatalogError(f"{path.name}: ファイルがありません", f"{path.name}: file is missing") from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"{path.name}: UTF-8 のテキストではありません", f"{path.name}: not UTF-8 text"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogError(
            f"{path.name}{where}: YAML として読めません ({problem})",
            f"{path.name}{where}: not valid YAML ({problem})",
        ) from exc


def describe_error(error: ValidationError) -> str:
    """A pydantic error as one line: each field's path and what is wrong with it."""
    parts = []
    for detail in error.errors():
        field = ".".join(str(p) for p in detail["loc"]) or "(entry)"
        parts.append(f"{field}: {str(detail['msg']).removeprefix('Value error, ')}")
    return "; ".join(parts)


def validated(model: type[Model], data: Any, file: str, entry: str) -> Model:
    """``data`` as ``model``; a ``CatalogError`` names the file, the entry and the fields."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        detail = describe_error(exc)
        raise CatalogError(f"{file}: {entry}: {detail}", f"{file}: {entry}: {detail}") from exc


def entry_name(data: Any, index: int, key: str = "id") -> str:
    """How a message names an entry of a list file: by its ``key`` (id, code, kind), else by place."""
    if isinstance(data, dict) and isinstance(data.get(key), str):
        return str(data[key])
    return f"entry {index + 1}"


def list_entries(path: Path, key: str, model: type[Model], name_key: str) -> list[Model]:
    """The entries of a file's top-level list ``key``, each validated as ``model`` (a message
    names an entry by its ``name_key``)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogError(
            f"{path.name}: 先頭に「{key}:」の一覧が必要です",
            f"{path.name}: needs a top-level list '{key}:'",
        )
    return [
        validated(model, entry, path.name, entry_name(entry, index, key=name_key))
        for index, entry in enumerate(data[key])
    ]


def load_catalog(folder: Path | None = None) -> Catalog:
    """Read and validate the catalog; a ``CatalogError`` names file, entry and field."""
    folder = folder or paths.catalog_dir()
    legend = validated(Legend, read_yaml(folder / LEGEND_FILE), LEGEND_FILE, "legend")
    parts: dict[str, list[Any]] = {}
    for file, (key, model) in LIST_FILES.items():
        data = read_yaml(folder / file)
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise CatalogError(
                f"{file}: 先頭に「{key}:」の一覧が必要です", f"{file}: needs a top-level list '{key}:'"
            )
        parts[key] = [
            validated(model, entry, file, entry_name(entry, index)) for index, entry in enumerate(data[key])
        ]
    try:
        return Catalog(legend=legend, **parts)
    except ValidationError as exc:
        # The rules across the files say "entry: field: problem"; each is named with its file.
        files = {entry.id: file for file, (key, _) in LIST_FILES.items() for entry in parts[key]}
        problems = [p for d in exc.errors() for p in str(d["msg"]).removeprefix("Value error, ").split("; ")]
        detail = "; ".join(f"{files.get(p.split(':', 1)[0], 'catalog')}: {p}" for p in problems)
        raise CatalogError(detail, detail) from exc


def load_plan_templates(path: Path | None = None) -> tuple[PlanTemplate, ...]:
    """The example plans of ``catalog/plan_templates.yaml``, validated like the catalog."""
    path = path or paths.catalog_dir() / PLAN_TEMPLATES_FILE
    templates = list_entries(path, "templates", PlanTemplate, "code")
    return validated(PlanTemplates, {"templates": templates}, path.name, "templates").templates


@cache
def bundled_plan_templates() -> tuple[PlanTemplate, ...]:
    return load_plan_templates()


def load_policy_templates(path: Path | None = None) -> PolicyTemplates:
    """SME Guard's template of the basic policy and of the rules' introduction
    (``catalog/policy_templates.yaml``), validated like the catalog."""
    path = path or paths.catalog_dir() / POLICY_TEMPLATES_FILE
    return validated(PolicyTemplates, read_yaml(path), path.name, "templates")


@cache
def bundled_policy_templates() -> PolicyTemplates:
    return load_policy_templates()


def catalog_entry_ids(catalog: Catalog) -> set[str]:
    """Every id a file may point at: measures, operational points, task sheets, references."""
    ids = {measure.id for item in catalog.items for measure in item.measures}
    ids |= {point.id for item in catalog.items for point in item.points}
    return ids | {sheet.id for sheet in catalog.sheets} | {ref.id for ref in catalog.references}


def entry_reference(catalog: Catalog, entry_id: str, lang: str) -> tuple[str, str]:
    """How a printout names a catalog entry, and its text: ("9②", measure text), ("9 運用①",
    point text), ("業務 No.1", sheet title), ("参照: バックアップ", "") for an item the excerpt
    does not contain (it has no text here). An id the catalog lacks is returned as it is, with no text."""
    for item in catalog.items:
        for measure in item.measures:
            if measure.id == entry_id:
                return f"{item.number}{circled(measure.no)}", measure.text.get(lang)
        for point in item.points:
            if point.id == entry_id:
                point_word = "point " if lang == "en" else "運用"
                return f"{item.number} {point_word}{circled(point.no)}", point.text.get(lang)
    for sheet in catalog.sheets:
        if sheet.id == entry_id:
            return ("Task sheet" if lang == "en" else "業務") + f" No.{sheet.number}", sheet.title.get(lang)
    for reference in catalog.references:
        if reference.id == entry_id:
            number = f"{reference.number} " if reference.number is not None else ""
            return ("See: " if lang == "en" else "参照: ") + number + reference.name.get(lang), ""
    return entry_id, ""


def load_diagnosis_map(path: Path | None = None, *, catalog: Catalog | None = None) -> DiagnosisMap:
    """SME Guard's reading of which catalog entries address each question of IPA's
    self-diagnosis (``catalog/security_action.yaml``); every id is checked against ``catalog``
    (the bundled one by default), naming the question."""
    path = path or paths.catalog_dir() / DIAGNOSIS_MAP_FILE
    mapping: DiagnosisMap = validated(DiagnosisMap, read_yaml(path), path.name, "security_action")
    known = catalog_entry_ids(catalog or bundled_catalog())
    for question in mapping.questions:
        unknown = [entry for entry in question.addressed_by if entry not in known]
        if unknown:
            where = f"{path.name}: questions.{question.number}: addressed_by"
            raise CatalogError(
                f"{where}: {', '.join(unknown)} はカタログにありません",
                f"{where}: {', '.join(unknown)} is not in the catalog",
            )
    return mapping


@cache
def bundled_diagnosis_map() -> DiagnosisMap:
    return load_diagnosis_map()


def schedule_point_ids(catalog: Catalog) -> set[str]:
    """Every id a check may serve: measures, points and task sheets."""
    ids = {s.id for s in catalog.sheets}
    for item in catalog.items:
        ids.update(m.id for m in item.measures)
        ids.update(p.id for p in item.points)
    return ids


def load_check_schedule(path: Path | None = None, *, catalog: Catalog | None = None) -> CheckSchedule:
    """Read and validate the schedule; a ``CatalogError`` names the file, the check and the
    field. Every point must exist in ``catalog`` (the bundled catalog by default)."""
    path = path or paths.catalog_dir() / SCHEDULE_FILE
    entries = list_entries(path, "checks", ScheduledCheck, "code")
    schedule: CheckSchedule = validated(CheckSchedule, {"checks": entries}, path.name, "checks")
    known = schedule_point_ids(catalog or bundled_catalog())
    for check in schedule.checks:
        unknown = [p for p in check.points if p not in known]
        if unknown:
            names = ", ".join(unknown)
            raise CatalogError(
                f"{path.name}: {check.code}: points: {names} はカタログにありません",
                f"{path.name}: {check.code}: points: {names} is not in the catalog",
            )
    return schedule


@cache
def bundled_check_schedule() -> CheckSchedule:
    """The schedule shipped with the app, loaded once per process."""
    return load_check_schedule()


@cache
def bundled_catalog() -> Catalog:
    """The catalog shipped with the app, loaded once per process."""
    return load_catalog()


def catalog_as_json(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain JSON data (the format of ``sme-guard catalog --json``)."""
    return catalog.model_dump(mode="json")


def item_texts(item: ControlItem) -> Iterable[str]:
    yield str(item.number)
    for text in (item.title, item.objective):
        yield from (text.ja, text.en)
    for measure in item.measures:
        yield from (measure.text.ja, measure.text.en)
    for point in item.points:
        yield from (point.text.ja, point.text.en)
    for related in item.related:
        yield from (related.name.ja, related.name.en)


def sheet_texts(catalog: Catalog, sheet: TaskSheet) -> Iterable[str]:
    yield f"No.{sheet.number}"
    for text in (sheet.title, sheet.objective, sheet.weakness, sheet.risk_scenario, sheet.notes):
        if text is not None:
            yield from (text.ja, text.en)
    for texts in (sheet.technical_measures, sheet.human_measures, sheet.points):
        for text in texts:
            yield from (text.ja, text.en)
    vocabularies = ("entities", "impacts", "threats", "responsibilities")
    for vocabulary, codes in zip(
        vocabularies, (sheet.entities, sheet.impacts, sheet.threats, sheet.responsibility), strict=True
    ):
        for code in codes:
            yield from (
                catalog.term_label(vocabulary, code, "ja"),
                catalog.term_label(vocabulary, code, "en"),
            )
    for related in sheet.related_measures:
        yield from (related.name.ja, related.name.en)


def search(catalog: Catalog, query: str) -> tuple[list[ControlItem], list[TaskSheet]]:
    """Items and sheets that contain every word of the query in any field, in either language."""
    items = [item for item in catalog.items if matches(query, *item_texts(item))]
    sheets = [sheet for sheet in catalog.sheets if matches(query, *sheet_texts(catalog, sheet))]
    return items, sheets


def catalog_as_text(catalog: Catalog, lang: str) -> str:
    """A readable listing for the command line."""
    reference = "(参考)" if lang == "ja" else " (reference)"
    lines = ["第1部 情報セキュリティ管理策" if lang == "ja" else "Part 1: Information security controls"]
    for item in catalog.items:
        lines.append(f"{item.number}. {item.title.get(lang)}")
        for measure in item.measures:
            note = reference if measure.reference else ""
            lines.append(f"  {circled(measure.no)} {measure.text.get(lang)}{note}")
    lines.append("")
    lines.append("第2部 業務に基づく情報セキュリティ対策" if lang == "ja" else "Part 2: Task-based measures")
    for sheet in catalog.sheets:
        lines.append(f"No.{sheet.number} {sheet.title.get(lang)}")
    return "\n".join(lines) + "\n"
