"""業務シート: one task sheet per page in the legend's layout (0.凡例), every legend term
printed with the sheet's own ones ticked, for a training session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Table

from sme_guard.domain.catalog import Catalog, TaskSheet, circled
from sme_guard.exchange.pdf.assessment.common import header_subtitle, sheet_heading
from sme_guard.exchange.pdf.blocks import (
    TICKED,
    UNTICKED,
    label_columns,
    markup_para,
    splittable,
    story_height,
)
from sme_guard.exchange.pdf.layout import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    Styles,
    build_document,
    content_width,
    escape_text,
    grid_table,
    has_cjk,
    latin,
    make_styles,
    para,
    tr,
)

_SHEET_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # the font shrinks until a long sheet fits its page
_SHEET_LABEL_WIDTH = 46 * mm
_VOCABULARIES = (  # legend field code, sheet attribute, legend vocabulary, columns of boxes
    ("entities", "entities", "entities", 3),
    ("impacts", "impacts", "impacts", 4),
    ("threats", "threats", "threats", 3),
    ("responsibility", "responsibility", "responsibilities", 3),
)


def _related_line(catalog: Catalog, sheet: TaskSheet, lang: str) -> list[str]:
    lines = []
    for related in sheet.related_measures:
        item = catalog.item(related.item)
        name = item.title.get(lang) if item is not None else related.name.get(lang)
        lines.append(f"{related.item}. {name} {''.join(circled(n) for n in related.measures)}")
    return lines


def _sheet_story(catalog: Catalog, sheet: TaskSheet, base: Styles, lang: str, size: float) -> list[Any]:
    def style(name: str, font_size: float, bold: bool = False, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=base.cell,
            fontName=base.bold_font if bold else base.regular_font,
            fontSize=font_size,
            leading=round(font_size * 1.35, 1),
            **extra,
        )

    value = style("SheetValue", size)
    label_style = style("SheetLabel", size - 0.5, bold=True)
    item_style = style(
        "SheetItem", size, leftIndent=size * 1.3, bulletIndent=0, bulletFontName=base.regular_font
    )
    width = content_width()
    box_width = width - _SHEET_LABEL_WIDTH - 10
    term_style = style("SheetTerm", size - 1)

    def boxes(vocabulary: str, ticked: Sequence[str], columns: int) -> Table:
        cells: list[Any] = []
        for term in getattr(catalog.legend, vocabulary):
            text = escape_text(term.label.get(lang))
            on = term.code in ticked
            cells.append(
                markup_para(
                    f"<b>{TICKED}&nbsp;{text}</b>" if on else f"{UNTICKED}&nbsp;{text}", text, term_style
                )
            )
        cells += [""] * (-len(cells) % columns)
        table = Table(
            [cells[i : i + columns] for i in range(0, len(cells), columns)],
            colWidths=[box_width / columns] * columns,
        )
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), base.regular_font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
        table.hAlign = "LEFT"
        return table

    def listed(texts: Sequence[str], bullet: str) -> list[Paragraph] | Paragraph:
        if not texts:
            return para("—", value)
        chosen = item_style if bullet else value
        return [
            Paragraph(escape_text(t), chosen if has_cjk(t) else latin(chosen), bulletText=bullet or None)
            for t in texts
        ]

    content: dict[str, Any] = {
        "number": para(str(sheet.number), style("SheetNo", size + 1, bold=True)),
        "objective": para(sheet.objective.get(lang), value),
        "weakness": para(sheet.weakness.get(lang), value),
        "risk_scenario": para(sheet.risk_scenario.get(lang), value),
        "technical_measures": listed([t.get(lang) for t in sheet.technical_measures], UNTICKED),
        "human_measures": listed([t.get(lang) for t in sheet.human_measures], UNTICKED),
        "points": listed([t.get(lang) for t in sheet.points], "・"),
        "notes": para(sheet.notes.get(lang) if sheet.notes else "—", value),
        "related_measures": listed(_related_line(catalog, sheet, lang), ""),
    }
    for field, attribute, vocabulary, columns in _VOCABULARIES:
        content[field] = boxes(vocabulary, getattr(sheet, attribute), columns)
    rows = [
        [para(f.label.get(lang), label_style), content[f.code]]
        for f in catalog.legend.sheet_fields
        if f.code in content
    ]
    table = grid_table(
        rows,
        [_SHEET_LABEL_WIDTH, width - _SHEET_LABEL_WIDTH],
        styles=base,
        header_rows=0,
        zebra=False,
        extra=[
            *label_columns(0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.45),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("BOX", (0, 0), (-1, -1), 1.0, INK),
        ],
    )
    phase = next((p for p in catalog.legend.phases if p.code == sheet.phase), None)
    phase_text = f"{phase.number}. {phase.label.get(lang)}" if phase else sheet.phase
    title_style = ParagraphStyle(
        "SheetTitle", parent=base.title, fontSize=size + 5, leading=(size + 5) * 1.3, spaceAfter=1 * mm
    )
    return [
        para(sheet_heading(sheet, lang), title_style),
        para(
            tr(lang, f"業務の流れ: {phase_text}", f"Part of the day: {phase_text}"),
            style("SheetPhase", size - 0.5, textColor=MUTED, spaceAfter=2 * mm),
        ),
        splittable(table),
    ]


def build_task_sheets(
    path: Path,
    catalog: Catalog,
    sheets: Sequence[TaskSheet],
    *,
    lang: str,
    office: str,
    printed_on: date,
) -> None:
    """One task sheet per page, laid out as the legend (0.凡例) orders its fields.

    Every legend term is printed as a box, the sheet's own ones ticked (■). A long sheet is set
    in a smaller font until it fits its page; one still too long runs onto the next.
    """
    base = make_styles()
    width = content_width()
    room = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 2  # a hair of slack for rounding
    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        chosen = _sheet_story(catalog, sheet, base, lang, _SHEET_SIZES[-1])
        for size in _SHEET_SIZES:
            candidate = _sheet_story(catalog, sheet, base, lang, size)
            if story_height(candidate, width, room) <= room:
                chosen = candidate
                break
        if index:
            story.append(PageBreak())
        story += chosen
    if not story:
        story.append(
            para(tr(lang, "印刷する業務シートがありません。", "No task sheets to print."), base.body)
        )
    title = tr(lang, "業務シート", "Task sheets")
    build_document(path, story, title=title, subtitle=header_subtitle(office, printed_on, lang), lang=lang)
