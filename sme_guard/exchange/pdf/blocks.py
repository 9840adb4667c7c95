"""The blocks printouts are built from, on the page of :mod:`layout`: one home for each.

- styles: :class:`ReportStyles` (labels, values, section headings over the shared
  :class:`~sme_guard.exchange.pdf.layout.Styles`) and :class:`AssessmentStyles` (those plus the
  item headings, notes, marks and big figures of the assessment printouts and the annual report);
- headings and sign-off: :func:`sign_off` (signature lines), :func:`section_heading` (numbered, moved to the next page when too little room
  is left), :func:`subsection_heading`;
- tables: :func:`fields_table` (a form: shaded labels, values), :func:`info_block` (a heading
  block, two pairs a row), :func:`lines_table` (a ruled list), :func:`warning_box`, and the
  table style commands they share (:func:`label_columns`, :data:`FORM_PADDING`);
- text: :func:`field_value` (or a faint 未記入), :func:`none_line`, :func:`alert_markup` (bold
  red markup), :func:`markup_para` (ready markup in the right wrapping), :func:`joined_names`,
  :func:`minutes_text`;
- a chart: :func:`bar_chart` (a score per item, the run before beside it);
- measuring: :func:`scaled_widths`, :func:`story_height`, :func:`splittable`.

Every printout module imports what it uses from here and from :mod:`layout`; none imports a
block from another printout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Table

from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.exchange.pdf.layout import (
    GRID,
    HEADER_FILL,
    INK,
    MUTED,
    WARNING,
    WARNING_HEX,
    Styles,
    content_width,
    escape_text,
    fit_text,
    grid_table,
    has_cjk,
    latin,
    make_styles,
    para,
    signature_block,
    tr,
)

TICKED, UNTICKED = "■", "□"  # as the guideline's legend marks its boxes (BIZ UDGothic has both)
FIELD_LABEL_WIDTH = 42 * mm

# The padding of every form-like table (labels beside values).
FORM_PADDING: list[tuple[Any, ...]] = [
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
]

BAR_CURRENT = colors.HexColor("#2F5D8C")
BAR_PREVIOUS = colors.HexColor("#B4B4B4")
BAR_TRACK = colors.HexColor("#F0F0F0")


def label_columns(*columns: int) -> list[tuple[Any, ...]]:
    """Table style commands shading whole columns as labels."""
    return [("BACKGROUND", (column, 0), (column, -1), HEADER_FILL) for column in columns]


def scaled_widths(widths_mm: Sequence[float], width: float) -> list[float]:
    """Column widths that fill ``width`` exactly, in the given proportions."""
    total = sum(widths_mm)
    return [w / total * width for w in widths_mm]


# ---------------------------------------------------------------- styles


class ReportStyles:
    """The report styles (labels, values, section headings), derived from the shared ones."""

    def __init__(self, styles: Styles) -> None:
        self.base = styles
        self.label = ParagraphStyle(
            "IncLabel", parent=styles.cell, fontName=styles.bold_font, fontSize=8.5, leading=11.5
        )
        self.value = ParagraphStyle("IncValue", parent=styles.cell, fontSize=9, leading=12.5)
        self.empty = ParagraphStyle("IncEmpty", parent=self.value, textColor=MUTED)
        self.open = ParagraphStyle(
            "IncOpen", parent=styles.cell_center, fontName=styles.bold_font, textColor=WARNING
        )
        self.section = ParagraphStyle(
            "IncSection",
            parent=styles.heading,
            fontSize=11,
            leading=14,
            spaceBefore=5 * mm,
            spaceAfter=1.8 * mm,
        )
        self.sub = ParagraphStyle(
            "IncSub",
            parent=styles.body,
            fontName=styles.bold_font,
            fontSize=9,
            spaceBefore=2 * mm,
        )


@dataclass(frozen=True)
class AssessmentStyles:
    """The report styles plus those of the assessment printouts and the annual report."""

    rs: ReportStyles
    item: ParagraphStyle
    note: ParagraphStyle
    mark: ParagraphStyle
    mark_small: ParagraphStyle
    band: ParagraphStyle
    big: ParagraphStyle

    @property
    def base(self) -> Styles:
        return self.rs.base


def make_assessment_styles() -> AssessmentStyles:
    rs = ReportStyles(make_styles())
    base = rs.base
    return AssessmentStyles(
        rs=rs,
        item=ParagraphStyle(
            "AsItem",
            parent=base.body,
            fontName=base.bold_font,
            fontSize=10.5,
            leading=14,
            spaceBefore=4 * mm,
            spaceAfter=0.8 * mm,
        ),
        note=ParagraphStyle("AsNote", parent=base.small, fontSize=7.5, leading=10, spaceAfter=1.2 * mm),
        mark=ParagraphStyle("AsMark", parent=base.cell_center, fontSize=12, leading=13),
        mark_small=ParagraphStyle("AsMarkSmall", parent=base.cell_center, fontSize=6.5, leading=8),
        band=ParagraphStyle("AsBand", parent=base.cell, fontName=base.bold_font, fontSize=8.5, leading=11),
        big=ParagraphStyle(
            "AsBig", parent=base.body, fontName=base.bold_font, fontSize=15, leading=20, spaceAfter=1 * mm
        ),
    )


# ---------------------------------------------------------------- text


def field_value(text: str, rs: ReportStyles, lang: str) -> Paragraph:
    """A field's text, or a faint 未記入 when it was left empty."""
    if not text.strip():
        return para(tr(lang, "未記入", "not entered"), rs.empty)
    return para(text, rs.value)


def none_line(lang: str, rs: ReportStyles) -> Paragraph:
    return para(tr(lang, "なし", "None"), rs.base.body)


def alert_markup(text: str) -> str:
    """Markup for a word that must catch the eye: bold and red."""
    return f'<font color="{WARNING_HEX}"><b>{escape_text(text)}</b></font>'


def markup_para(ready: str, plain: str, style: ParagraphStyle) -> Paragraph:
    """Ready markup (its user text already escaped); ``plain`` picks the wrapping, as ``para`` does."""
    return Paragraph(ready, style if has_cjk(plain) else latin(style))


def joined_names(names: Sequence[str], lang: str) -> str:
    return tr(lang, "、", ", ").join(names)


def minutes_text(value: int | None, lang: str) -> str:
    return "" if value is None else tr(lang, f"{value}分", f"{value} min")


# ---------------------------------------------------------------- headings


def section_heading(title: str, rs: ReportStyles) -> list[Any]:
    """A numbered heading, moved to the next page when too little room is left under it.

    (Not ``keepWithNext``: that keeps the whole next table with the heading and leaves a
    page nearly empty when the table is long.)
    """
    return [CondPageBreak(35 * mm), para(title, rs.section)]


def subsection_heading(title: str, rs: ReportStyles) -> list[Any]:
    return [CondPageBreak(20 * mm), para(title, rs.sub)]


def sign_off(roles: Sequence[tuple[str, str]], rs: ReportStyles, lang: str, *, room: float) -> list[Any]:
    """A 確認・承認 heading and a signature line per (role, date label), each kept whole; the
    page break before leaves ``room`` for all of them (nesting KeepTogether would not: it
    reports itself too tall, forcing a needless page break)."""
    return [
        CondPageBreak(room),
        *(
            signature_block(
                [(role, tr(lang, "(印)", "(signature)")), (day, tr(lang, "年　　月　　日", ""))],
                styles=rs.base,
                width=content_width(),
                lead=[para(tr(lang, "確認・承認", "Sign-off"), rs.section)] if i == 0 else (),
            )
            for i, (role, day) in enumerate(roles)
        ),
    ]


# ---------------------------------------------------------------- tables


def splittable(table: Table) -> Table:
    """A long text may run over a page break inside its row (its label row repeats)."""
    table.splitInRow = 1
    return table


def fields_table(rows: Sequence[tuple[str, Any]], rs: ReportStyles) -> Table:
    """A two-column form: shaded labels on the left, the values (flowables) on the right."""
    table = grid_table(
        [[para(name, rs.label), cell] for name, cell in rows],
        [FIELD_LABEL_WIDTH, content_width() - FIELD_LABEL_WIDTH],
        styles=rs.base,
        header_rows=0,
        zebra=False,
        extra=[*label_columns(0), ("VALIGN", (0, 0), (-1, -1), "TOP"), *FORM_PADDING],
    )
    return splittable(table)


def info_block(pairs: Sequence[tuple[str, str]], rs: ReportStyles) -> Table:
    """A heading block: shaded labels and their values, two pairs a row (an odd last one spans)."""
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = [*label_columns(0, 2), *FORM_PADDING]
    for start in range(0, len(pairs), 2):
        row: list[Any] = []
        for name, value in pairs[start : start + 2]:
            row += [para(name, rs.label), para(value or "—", rs.value)]
        if len(row) == 2:
            row += ["", ""]
            extra += [
                ("SPAN", (1, len(rows)), (3, len(rows))),
                ("BACKGROUND", (1, len(rows)), (3, len(rows)), colors.white),
            ]
        rows.append(row)
    return grid_table(
        rows,
        scaled_widths((30, 63, 30, 63), content_width()),
        styles=rs.base,
        header_rows=0,
        zebra=False,
        extra=extra,
    )


def lines_table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths_mm: Sequence[float], rs: ReportStyles
) -> Table:
    """A ruled list (actions, status changes, notifications, steps) with a shaded header."""
    table = grid_table(
        [[para(h, rs.base.cell_header) for h in header], *rows],
        scaled_widths(widths_mm, content_width()),
        styles=rs.base,
        extra=[("VALIGN", (0, 1), (-1, -1), "TOP")],
    )
    return splittable(table)


def warning_box(
    text: str,
    style: ParagraphStyle,
    regular_font: str,
    *,
    width: float | None = None,
    padding: tuple[float, float] = (3, 4),
) -> Table:
    """``text`` framed in the warning colour (a draft, an overdue check); ``padding``: top, bottom."""
    box = Table([[para(text, style)]], colWidths=[content_width() if width is None else width])
    box.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), regular_font),  # else the table sets Helvetica
            ("BOX", (0, 0), (-1, -1), 1.5, WARNING),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), padding[0]),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding[1]),
        ]
    )
    return box


def story_height(story: Sequence[Any], width: float, room: float) -> float:
    """How tall ``story`` is laid out ``width`` wide (to pick a font size that fits a page)."""
    total = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, room)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


# ---------------------------------------------------------------- a chart


def bar_chart(
    rows: Sequence[tuple[str, float | None, float | None]],
    *,
    font: str,
    lang: str,
    width: float,
    legend: tuple[str, str] | None = None,
) -> Drawing:
    """A horizontal bar per item: (label, percent now, percent before); None = nothing counted.

    With ``legend`` (the two runs' names) each item gets the previous run's bar above its own.
    Drawn with reportlab graphics in the embedded font, so Japanese labels print.
    """
    two = legend is not None
    bar = 7.5 if two else 10.0
    gap = 6.0
    group = (2 * bar + 1.5 if two else bar) + gap
    label_width = 64 * mm
    value_width = 12 * mm
    track = width - label_width - value_width
    axis_height = 14.0
    legend_height = 16.0 if two else 0.0
    height = axis_height + group * len(rows) + legend_height + 2
    drawing = Drawing(width, height)
    # Else the renderer starts in Helvetica, which the PDF would then name (unembedded).
    drawing.initialFontName = font
    drawing.initialFontSize = 8
    x0 = label_width
    top = height - legend_height
    # The scale: gridlines at every quarter, labelled under the bars.
    for quarter in range(5):
        x = x0 + track * quarter / 4
        drawing.add(
            Line(x, axis_height - 2, x, top, strokeColor=GRID, strokeWidth=0.3, strokeDashArray=[1.5, 1.5])
        )
        drawing.add(
            String(
                x,
                axis_height - 10,
                f"{quarter * 25}%",
                fontName=font,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    drawing.add(Line(x0, axis_height - 2, x0 + track, axis_height - 2, strokeColor=INK, strokeWidth=0.6))
    for index, (name, now, before) in enumerate(rows):
        y_top = top - index * group - gap / 2
        bars = [(before, BAR_PREVIOUS), (now, BAR_CURRENT)] if two else [(now, BAR_CURRENT)]
        centre = y_top - (group - gap) / 2
        drawing.add(
            String(
                x0 - 4,
                centre - 3,
                fit_text(name, font, 8, label_width - 8),
                fontName=font,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
        for position, (value, colour) in enumerate(bars):
            y = y_top - (position + 1) * bar - position * 1.5
            drawing.add(Rect(x0, y, track, bar, fillColor=BAR_TRACK, strokeColor=None))
            if value is None:
                drawing.add(
                    String(
                        x0 + 3,
                        y + bar / 2 - 2.5,
                        label(MeasureStatus.NOT_APPLICABLE, lang),
                        fontName=font,
                        fontSize=7,
                        fillColor=MUTED,
                    )
                )
                continue
            length = track * max(0.0, min(value, 100.0)) / 100
            if length > 0:
                drawing.add(Rect(x0, y, length, bar, fillColor=colour, strokeColor=None))
            drawing.add(
                String(
                    x0 + length + 2.5,
                    y + bar / 2 - 2.5,
                    f"{value:.0f}%",
                    fontName=font,
                    fontSize=7,
                    fillColor=INK,
                )
            )
    drawing.add(Line(x0, axis_height - 2, x0, top, strokeColor=INK, strokeWidth=0.6))
    if legend is not None:
        y = height - legend_height + 5
        x = x0
        for name, colour in ((legend[0], BAR_PREVIOUS), (legend[1], BAR_CURRENT)):
            drawing.add(Rect(x, y, 8, 7, fillColor=colour, strokeColor=None))
            text = fit_text(name, font, 7.5, track / 2 - 16)
            drawing.add(String(x + 11, y + 1, text, fontName=font, fontSize=7.5, fillColor=INK))
            x += track / 2
    return drawing
