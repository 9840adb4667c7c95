"""The page every printout shares: A4, header line, "X / Y" footer, styles and table helpers.

A printout module builds a *story* (a list of platypus flowables) with the styles and
helpers here and hands it to :func:`build_document`, which writes the file atomically: the
PDF is built in a temporary file beside the target and renamed over it only when complete,
so an error never leaves a half-written PDF (nor destroys an older one of the same name).

All user text goes through :func:`escape_text` (or :func:`para`, which calls it) before it
reaches reportlab's paragraph markup.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sme_guard.exchange import files
from sme_guard.exchange.pdf.fonts import register_fonts

AUTHOR = "SME Guard"

MARGIN_X = 12 * mm
MARGIN_TOP = 20 * mm  # the header line sits in here
MARGIN_BOTTOM = 16 * mm  # and the footer in here
HEADER_FONT_SIZE = 8.5
FOOTER_FONT_SIZE = 8

INK = colors.black
GRID = colors.HexColor("#808080")
HEADER_FILL = colors.HexColor("#D9D9D9")
ZEBRA_FILL = colors.HexColor("#F2F2F2")
MUTED = colors.HexColor("#555555")
WARNING_HEX = "#B00000"  # what must catch the eye: overdue, open, draft
WARNING = colors.HexColor(WARNING_HEX)

# C0 control characters (other than tab and newline) are not text a printout can show: drop them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A table row must fit on one page, whatever was typed into a field.
MAX_CELL_CHARS = 200
MAX_CELL_LINES = 8


def escape_text(text: str) -> str:
    """User text as paragraph markup: ``& < >`` escaped, newlines as ``<br/>``."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return escape(text).replace("\n", "<br/>")


def clip(text: str, limit: int = MAX_CELL_CHARS, max_lines: int = MAX_CELL_LINES) -> str:
    """At most ``limit`` characters on ``max_lines`` lines, with an ellipsis when cut."""
    lines = text.splitlines()
    if len(lines) > max_lines:
        text = "\n".join(lines[:max_lines]) + "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tr(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every printout uses, and the two font names behind them."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_header: ParagraphStyle
    regular_font: str
    bold_font: str


def make_styles() -> Styles:
    """Paragraph styles in the embedded font, wrapping Japanese text anywhere (``CJK``)."""
    regular, bold = register_fonts()

    def style(name: str, size: float, font: str = regular, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=round(size * 1.35, 1),
            wordWrap="CJK",
            **{"textColor": INK, **extra},
        )

    cell = style("Cell", 8)
    return Styles(
        title=style("Title", 16, bold, spaceAfter=3 * mm),
        heading=style("Heading", 11.5, bold, spaceBefore=4 * mm, spaceAfter=2 * mm),
        body=style("Body", 9.5, spaceAfter=1.5 * mm),
        small=style("Small", 8, textColor=MUTED, spaceAfter=1 * mm),
        cell=cell,
        cell_center=ParagraphStyle("CellCenter", parent=cell, alignment=TA_CENTER),
        cell_header=ParagraphStyle("CellHeader", parent=cell, fontName=bold, alignment=TA_CENTER),
        regular_font=regular,
        bold_font=bold,
    )


# Hiragana, katakana, CJK ideographs, full-width forms and CJK punctuation.
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def latin(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` wrapping at spaces: CJK wrapping would split English words anywhere."""
    return ParagraphStyle(f"{style.name}Latin", parent=style, wordWrap=None)


def para(text: str, style: ParagraphStyle, *, limit: int | None = None) -> Paragraph:
    """A paragraph of plain user text, escaped; in a table cell, pass a ``limit`` (see ``clip``).

    Text with Japanese in it wraps anywhere (``CJK``); text without wraps between words
    (a word longer than the line is still split).
    """
    text = clip(text, limit) if limit else text
    return Paragraph(escape_text(text), style if has_cjk(text) else latin(style))


class CheckBox(Flowable):
    """An empty square to tick by hand, centred in its cell (the font has no ☐ glyph)."""

    def __init__(self, size: float = 4 * mm, min_height: float = 0.0) -> None:
        super().__init__()
        self.size = size
        self.min_height = min_height
        self._avail_width = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail_width = max(avail_width, self.size)
        return self._avail_width, max(self.size, self.min_height)

    def draw(self) -> None:
        height = max(self.size, self.min_height)
        self.canv.setLineWidth(0.7)
        self.canv.setStrokeColor(INK)
        self.canv.rect((self._avail_width - self.size) / 2, (height - self.size) / 2, self.size, self.size)


def grid_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    styles: Styles,
    header_rows: int = 1,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table; the header rows are shaded and repeated on every page it runs onto."""
    table = Table([list(row) for row in rows], colWidths=list(col_widths), repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular_font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("GRID", (0, 0), (-1, -1), 0.35, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
    ]
    if header_rows:
        last = header_rows - 1
        commands += [
            ("BACKGROUND", (0, 0), (-1, last), HEADER_FILL),
            ("LINEBELOW", (0, last), (-1, last), 0.8, INK),
        ]
    if zebra:
        # One command per shaded row (not ROWBACKGROUNDS, whose cycle restarts on a new page).
        commands += [
            ("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL) for r in range(header_rows + 1, len(rows), 2)
        ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def signature_block(
    fields: Sequence[tuple[str, str]],
    *,
    styles: Styles,
    width: float,
    lead: Sequence[Any] = (),
    align: str = "CENTER",
) -> KeepTogether:
    """A row of "label ______ hint" fields to fill in by hand (date, names with 印), kept whole.

    ``fields`` are (label, hint) pairs; the hint ("年　月　日", "(印)") is printed faintly at the
    right end of the line, its spaces kept. ``lead`` flowables (a heading) stay on the same
    page as the block. A row narrower than the page sits where ``align`` says (LEFT, CENTER,
    RIGHT).
    """
    label_size = 9.5
    gap = 6 * mm  # between one field's line and the next field's label
    label_style = ParagraphStyle(
        "SignLabel", parent=styles.cell, fontName=styles.bold_font, fontSize=label_size, leading=12
    )
    hint_style = ParagraphStyle("SignHint", parent=styles.cell, textColor=MUTED, alignment=TA_RIGHT)
    label_widths = [
        stringWidth(label, styles.bold_font, label_size) + 2 * mm + (gap if i else 0)
        for i, (label, _hint) in enumerate(fields)
    ]
    blank_width = (width - sum(label_widths)) / len(fields)
    cells: list[Any] = []
    widths: list[float] = []
    for (label, hint), label_width in zip(fields, label_widths, strict=True):
        hint_markup = escape_text(hint).replace(" ", "&nbsp;").replace("\u3000", "&nbsp;" * 2)
        cells += [para(label, label_style), Paragraph(hint_markup, hint_style)]
        widths += [label_width, blank_width]
    table = Table([cells], colWidths=widths, rowHeights=[12 * mm], hAlign=align)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular_font),  # else the table sets Helvetica
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("LEFTPADDING", (i, 0), (i, 0), gap) for i in range(2, 2 * len(fields), 2)]
    commands += [("LINEBELOW", (i, 0), (i, 0), 0.7, INK) for i in range(1, 2 * len(fields), 2)]
    table.setStyle(TableStyle(commands))
    return KeepTogether([*lead, Spacer(1, 2 * mm), table])


def fit_text(text: str, font: str, size: float, max_width: float) -> str:
    """``text`` cut with an ellipsis so that it is at most ``max_width`` wide."""
    if stringWidth(text, font, size) <= max_width:
        return text
    while text and stringWidth(text + "…", font, size) > max_width:
        text = text[:-1]
    return text + "…"


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can say "X / Y" with the total."""

    def __init__(self, *args: Any, footer: Callable[[Any, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def page_label(number: int, total: int, lang: str) -> str:
    return f"Page {number} / {total}" if lang == "en" else f"{number} / {total} ページ"


def build_document(
    path: Path,
    story: list[Any],
    *,
    title: str,
    subtitle: str,
    lang: str,
    landscape: bool = False,
) -> None:
    """Write ``story`` to ``path`` as an A4 PDF with the shared header and footer.

    The header line carries ``title`` (left) and ``subtitle`` (right) on every page; the footer
    the page number and the page count. ``title`` is also the PDF's title, the author is
    "SME Guard". The file appears only when complete; an OSError (folder missing, no
    permission, file open in a PDF viewer on Windows, disk full) becomes a ``UserError``.
    """
    regular, bold = register_fonts()
    pagesize = landscape_size(A4) if landscape else A4
    page_width, page_height = pagesize
    right = page_width - MARGIN_X
    header_y = page_height - MARGIN_TOP + 6 * mm
    footer_y = MARGIN_BOTTOM - 9 * mm

    def draw_header(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(regular, HEADER_FONT_SIZE)
        right_text = fit_text(subtitle, regular, HEADER_FONT_SIZE, (right - MARGIN_X) * 0.45)
        canvas.drawRightString(right, header_y, right_text)
        room = right - MARGIN_X - stringWidth(right_text, regular, HEADER_FONT_SIZE) - 6 * mm
        canvas.setFillColor(INK)
        canvas.setFont(bold, HEADER_FONT_SIZE)
        canvas.drawString(MARGIN_X, header_y, fit_text(title, bold, HEADER_FONT_SIZE, room))
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, header_y - 2 * mm, right, header_y - 2 * mm)
        canvas.restoreState()

    def draw_footer(canvas: Any, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, footer_y + 4 * mm, right, footer_y + 4 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(regular, FOOTER_FONT_SIZE)
        canvas.drawCentredString(page_width / 2, footer_y, page_label(number, total, lang))
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, footer_y, tr(lang, "SMEガード", AUTHOR))
        canvas.restoreState()

    with written_atomically(Path(path)) as temporary:
        doc = BaseDocTemplate(
            str(temporary),
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject=subtitle,
            author=AUTHOR,
            creator=AUTHOR,
            lang=lang,
            displayDocTitle=True,
            initialFontName=regular,  # else every page names Helvetica (unembedded)
        )
        frame = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=draw_header)])
        doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=draw_footer))


def written_atomically(path: Path) -> contextlib.AbstractContextManager[Path]:
    """A temporary file beside ``path`` renamed over it once complete (``exchange.files``); an
    OSError (folder missing, no permission, file open in a PDF viewer on Windows, disk full)
    becomes a ``UserError`` about the PDF."""
    return files.written_atomically(path, ("PDF", "the PDF"))


def content_width(landscape: bool = False) -> float:
    """The width of the body frame, for sizing table columns."""
    return float((landscape_size(A4) if landscape else A4)[0] - 2 * MARGIN_X)
