"""HTML for the detail pane: a control item or a task sheet laid out as the guideline does.

Everything from the catalog is escaped. Headings come from the legend itself, so they follow
the catalog language chosen in the tab, not the UI language.
"""

from __future__ import annotations

from html import escape

from sme_guard.domain.catalog import Catalog, ControlItem, FieldHelp, ReferenceItem, TaskSheet, Text, circled

# Words the legend does not provide, in the catalog's two languages.
WORDS = {
    "reference": {"ja": "(参考)", "en": "(reference)"},
    "reference_note": {
        "ja": "(参考): 大きな投資及び技術的・運用的に難しいもの。任意の対策として扱います。",
        "en": "(reference): a large investment, or technically or operationally hard; optional.",
    },
    "not_in_excerpt": {
        "ja": "この項目は本アプリに収録した抜粋には含まれていません。",
        "en": "This item is not part of the excerpt shipped with the app.",
    },
    "task": {"ja": "業務", "en": "Task"},
    "phase": {"ja": "業務の区分", "en": "Phase"},
    "superscript": {
        "ja": "本文中の (N) は参考資料の番号を示します。",
        "en": "A number in parentheses (N) in the text refers to the guideline's reference material.",
    },
    "referenced_by": {"ja": "この項目を参照する業務シート", "en": "Task sheets referring to this item"},
}

STYLE = """
<style>
 h2 { margin-bottom: 4px; }
 h3 { margin-top: 14px; margin-bottom: 4px; color: #1f4e79; }
 p, td { line-height: 140%; }
 td { padding: 4px 6px; vertical-align: top; }
 td.head { background: #e8eef5; font-weight: bold; white-space: nowrap; }
 .ref { color: #8a5a00; }
 .muted { color: #666666; }
 .on { font-weight: bold; }
</style>
"""


def _t(text: Text | None, lang: str) -> str:
    return escape(text.get(lang)) if text else ""


def _field(fields: list[FieldHelp], code: str, lang: str) -> str:
    for field in fields:
        if field.code == code:
            return escape(field.label.get(lang))
    return escape(code)


def numbered(number: int | None, name: str, lang: str) -> str:
    """ "9.記憶媒体の管理" as the guideline writes it; "9. Management ..." in English."""
    if number is None:
        return name
    return f"{number}.{name}" if lang == "ja" else f"{number}. {name}"


def _item_link(catalog: Catalog, number: int | None, name: str, lang: str) -> str:
    if number is not None and catalog.item(number) is not None:
        return f'<a href="item:{number}">{numbered(number, name, lang)}</a>'
    return numbered(number, name, lang)


def render_item(catalog: Catalog, item: ControlItem, lang: str) -> str:
    fields = catalog.legend.item_fields
    parts = [STYLE, f"<h2>{numbered(item.number, _t(item.title, lang), lang)}</h2>"]
    parts.append(f"<h3>{_field(fields, 'objective', lang)}</h3><p>{_t(item.objective, lang)}</p>")
    parts.append(f"<h3>{_field(fields, 'measures', lang)}</h3><table>")
    for measure in item.measures:
        note = f' <span class="ref">{WORDS["reference"][lang]}</span>' if measure.reference else ""
        parts.append(f"<tr><td>{circled(measure.no)}</td><td>{_t(measure.text, lang)}{note}</td></tr>")
    parts.append("</table>")
    if any(m.reference for m in item.measures):
        parts.append(f'<p class="muted">{WORDS["reference_note"][lang]}</p>')
    if item.points:
        parts.append(f"<h3>{_field(fields, 'points', lang)}</h3><table>")
        for point in item.points:
            parts.append(f"<tr><td>{circled(point.no)}</td><td>{_t(point.text, lang)}</td></tr>")
        parts.append("</table>")
    if item.related:
        links = [_item_link(catalog, r.item, _t(r.name, lang), lang) for r in item.related]
        separator = "、" if lang == "ja" else ", "
        parts.append(f"<h3>{_field(fields, 'related', lang)}</h3><p>{separator.join(links)}</p>")
    sheets = [s for s in catalog.sheets if any(r.item == item.number for r in s.related_measures)]
    if sheets:
        links = [f'<a href="sheet:{s.number}">No.{s.number} {_t(s.title, lang)}</a>' for s in sheets]
        parts.append(f"<h3>{WORDS['referenced_by'][lang]}</h3><p>{'<br>'.join(links)}</p>")
    parts.append(f'<p class="muted">{WORDS["superscript"][lang]}</p>')
    return "".join(parts)


def _boxes(catalog: Catalog, vocabulary: str, ticked: list[str], lang: str) -> str:
    boxes = []
    for term in getattr(catalog.legend, vocabulary):
        label = escape(term.label.get(lang))
        boxes.append(f'<span class="on">■{label}</span>' if term.code in ticked else f"□{label}")
    return " ".join(boxes)


def _lines(texts: list[Text], lang: str) -> str:
    if len(texts) == 1:
        return _t(texts[0], lang)
    return "<br>".join(f"・{_t(t, lang)}" for t in texts)


def render_sheet(catalog: Catalog, sheet: TaskSheet, lang: str) -> str:
    fields = catalog.legend.sheet_fields
    phase = next((p for p in catalog.legend.phases if p.code == sheet.phase), None)
    phase_label = numbered(phase.number, _t(phase.label, lang), lang) if phase else escape(sheet.phase)
    rows = [
        (WORDS["phase"][lang], phase_label),
        (_field(fields, "entities", lang), _boxes(catalog, "entities", sheet.entities, lang)),
        (_field(fields, "impacts", lang), _boxes(catalog, "impacts", sheet.impacts, lang)),
        (_field(fields, "threats", lang), _boxes(catalog, "threats", sheet.threats, lang)),
        (
            _field(fields, "responsibility", lang),
            _boxes(catalog, "responsibilities", sheet.responsibility, lang),
        ),
        (_field(fields, "objective", lang), _t(sheet.objective, lang)),
        (_field(fields, "weakness", lang), _t(sheet.weakness, lang)),
        (_field(fields, "risk_scenario", lang), _t(sheet.risk_scenario, lang)),
        (_field(fields, "technical_measures", lang), _lines(sheet.technical_measures, lang)),
        (_field(fields, "human_measures", lang), _lines(sheet.human_measures, lang)),
        (_field(fields, "points", lang), _lines(sheet.points, lang)),
        (_field(fields, "notes", lang), _t(sheet.notes, lang)),
    ]
    related = [
        _item_link(catalog, r.item, _t(r.name, lang), lang) + " " + ",".join(circled(n) for n in r.measures)
        for r in sheet.related_measures
    ]
    rows.append((_field(fields, "related_measures", lang), "<br>".join(related)))
    table = "".join(f'<tr><td class="head">{head}</td><td>{body}</td></tr>' for head, body in rows)
    title = f"{WORDS['task'][lang]} No.{sheet.number} {_t(sheet.title, lang)}"
    return f'{STYLE}<h2>{title}</h2><table border="1" cellspacing="0" width="100%">{table}</table>'


def render_reference(reference: ReferenceItem, lang: str) -> str:
    title = numbered(reference.number, _t(reference.name, lang), lang)
    return f"{STYLE}<h2>{title}</h2><p>{WORDS['not_in_excerpt'][lang]}</p>"
