"""Stored documents (JSON in one column) summed up in words for the change history: an own
catalog entry, a staff guideline's decisions, a policy version's contents."""

from __future__ import annotations

import json

from sme_guard.domain.catalog import entry_label
from sme_guard.domain.codes import GuidelineDecision, label
from sme_guard.domain.guideline_points import ref_label


def entry_summary(text: str, lang: str) -> str:
    """An own catalog entry (stored as JSON) by its number and title."""
    try:
        data = json.loads(text)
        title = data["title"]["en" if lang == "en" else "ja"]
        return f"{entry_label(data['id'], lang)} {title}"
    except (ValueError, KeyError, TypeError):
        return text


def decisions_summary(text: str, lang: str) -> str:
    """A staff guideline's decisions (stored as JSON): each point and what the office decided."""
    try:
        points = json.loads(text)["points"]
        parts = []
        for point in points:
            decision = point.get("decision")
            said = label(GuidelineDecision(decision), lang) if decision else "—"
            conditions = f" ({point['conditions']})" if point.get("conditions") else ""
            parts.append(f"{ref_label(point['ref'], lang)} {said}{conditions}")
    except (ValueError, KeyError, TypeError):
        return text
    return ("; " if lang == "en" else "、").join(parts)


def policy_summary(text: str, lang: str) -> str:
    """A policy version's contents (stored as JSON): the basic policy's headings, or the rules'
    source self-assessment and how many measures they hold."""
    try:
        content = json.loads(text)
        if content.get("rules"):
            rules = content["rules"]
            count = len(rules.get("items") or ())
            if lang == "en":
                return f"from the self-assessment {rules['source_name']} ({rules['source_held_on']}), {count} items"
            return f"自己点検「{rules['source_name']}」({rules['source_held_on']})から、{count} 項目"
        headings = [section["heading"] for section in content.get("sections") or ()]
    except (ValueError, KeyError, TypeError, AttributeError):
        return text
    return ("; " if lang == "en" else "、").join(headings)
