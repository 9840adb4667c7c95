"""The points of the staff guidelines (``catalog/staff_guidelines.yaml``): read, validated and
checked against the guideline's own text, so that each point quotes what the excerpt says."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sme_guard import paths
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.guideline_points import GuidelineTemplate, GuidelineTemplates, entry_id
from sme_guard.errors import CatalogError
from sme_guard.services.catalog import bundled_catalog, list_entries, validated

GUIDELINES_FILE = "staff_guidelines.yaml"


def _entry_text(catalog: Catalog, ref: str) -> str | None:
    """The Japanese text of the catalog entry a reference names, or None."""
    wanted = entry_id(ref)
    for item in catalog.items:
        for measure in item.measures:
            if measure.id == wanted:
                return measure.text.ja
        for point in item.points:
            if point.id == wanted:
                return point.text.ja
    return None


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check_against_catalog(templates: GuidelineTemplates, catalog: Catalog, file: str) -> None:
    sheets = {s.number for s in catalog.sheets}
    for template in templates.guidelines:
        for point in template.points:
            where = f"{file}: {template.kind.value}.{point.key}"
            text = _entry_text(catalog, point.ref)
            if text is None:
                raise CatalogError(
                    f"{where}: ref: {point.ref} はカタログにありません",
                    f"{where}: ref: {point.ref} is not in the catalog",
                )
            if _squeezed(point.requirement.ja) not in _squeezed(text):
                raise CatalogError(
                    f"{where}: requirement: {point.ref} の本文にない文です",
                    f"{where}: requirement: not words of {point.ref}",
                )
            unknown = [str(n) for n in point.sheets if n not in sheets]
            if unknown:
                raise CatalogError(
                    f"{where}: sheets: 業務No.{', '.join(unknown)} はカタログにありません",
                    f"{where}: sheets: task sheet No.{', '.join(unknown)} is not in the catalog",
                )


def load_guideline_points(path: Path | None = None, *, catalog: Catalog | None = None) -> GuidelineTemplates:
    """Read and validate ``staff_guidelines.yaml``; a ``CatalogError`` names the file, the
    guideline (and point) and the field. References and requirements are checked against
    ``catalog`` (the bundled one by default)."""
    path = path or paths.catalog_dir() / GUIDELINES_FILE
    entries = list_entries(path, "guidelines", GuidelineTemplate, "kind")
    templates: GuidelineTemplates = validated(
        GuidelineTemplates, {"guidelines": entries}, path.name, "guidelines"
    )
    _check_against_catalog(templates, catalog or bundled_catalog(), path.name)
    return templates


@cache
def bundled_guideline_points() -> GuidelineTemplates:
    """The points shipped with the app, loaded once per process."""
    return load_guideline_points()
