"""資産ラベル: a sheet of stick-on labels, each with an asset number as text and as a QR code.

Stock-takes are quicker with a USB scanner: every medium, smart device and ID badge carries
a label with its number printed large and encoded in a QR code (error correction level M,
with its quiet zone), plus a title (the office name, or the register) and a one-line
description. The labels arrive as display strings, so this module only draws them.

Labels sit at exact positions on a sheet, so they are drawn on a reportlab canvas rather than
flowed as a story; the fonts are the embedded BIZ UD Gothic of every printout and the file is
written to a temporary file and renamed over the target only when complete, as
``layout.build_document`` does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from sme_guard.exchange.pdf.fonts import register_fonts
from sme_guard.exchange.pdf.layout import AUTHOR, GRID, INK, MUTED, tr, written_atomically

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
_TOLERANCE_MM = 0.05  # rounding in a maker's published dimensions

QR_LEVEL = "M"  # restores up to 15% of the code: a scuffed label still scans
QR_QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_MAX_BYTES = 2331  # the most a level-M code holds (version 40, bytes of UTF-8)
QR_MIN_MODULE_MM = 0.25  # the smallest square a hand-held scanner reads reliably (10 mil)

MIN_TEXT_SIZE = 5.0  # points; smaller text is clipped instead of shrunk further
ELLIPSIS = "…"

# Control characters and line breaks cannot be shown on a one-line label.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class LabelSheet:
    """The layout of one kind of A4 label sheet, in millimetres from the sheet's top-left.

    ``left_mm``/``top_mm`` are the margins to the first label, the gaps are between labels.
    The sheets in :data:`SHEETS` are defaults for common Japanese A4 label sheets; makers
    differ by a millimetre here and there, so the office adjusts one for its own paper with
    ``dataclasses.replace(SHEETS["24"], left_mm=5.0, top_mm=12.5)``. A layout that does not
    fit on A4 raises ``ValueError``.
    """

    key: str
    name_ja: str
    name_en: str
    columns: int
    rows: int
    label_width_mm: float
    label_height_mm: float
    left_mm: float
    top_mm: float
    column_gap_mm: float
    row_gap_mm: float

    def __post_init__(self) -> None:
        if self.columns < 1 or self.rows < 1:
            raise ValueError(
                f"A label sheet needs at least one column and row, not {self.columns}×{self.rows}."
            )
        if self.label_width_mm <= 0 or self.label_height_mm <= 0:
            raise ValueError("A label must have a positive width and height.")
        if min(self.left_mm, self.top_mm, self.column_gap_mm, self.row_gap_mm) < 0:
            raise ValueError("Label sheet margins and gaps cannot be negative.")
        width = self.left_mm + self.columns * self.label_width_mm + (self.columns - 1) * self.column_gap_mm
        height = self.top_mm + self.rows * self.label_height_mm + (self.rows - 1) * self.row_gap_mm
        if width > PAGE_WIDTH_MM + _TOLERANCE_MM or height > PAGE_HEIGHT_MM + _TOLERANCE_MM:
            raise ValueError(
                f"The {self.key} label sheet is {width:.1f}×{height:.1f} mm: it does not fit on A4 "
                f"({PAGE_WIDTH_MM:.0f}×{PAGE_HEIGHT_MM:.0f} mm)."
            )

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def name(self, lang: str) -> str:
        return tr(lang, self.name_ja, self.name_en)

    def box_mm(self, position: int) -> tuple[float, float, float, float]:
        """(left, top, width, height) of label ``position`` (1-based, left to right, top to
        bottom) in millimetres from the sheet's top-left corner."""
        if not 1 <= position <= self.per_page:
            raise ValueError(f"Label position {position} is not on the sheet (1..{self.per_page}).")
        row, column = divmod(position - 1, self.columns)
        left = self.left_mm + column * (self.label_width_mm + self.column_gap_mm)
        top = self.top_mm + row * (self.label_height_mm + self.row_gap_mm)
        return left, top, self.label_width_mm, self.label_height_mm


def _sheet(
    key: str,
    columns: int,
    rows: int,
    size: tuple[float, float],
    margins: tuple[float, float],
    gaps: tuple[float, float],
) -> LabelSheet:
    width, height = size
    return LabelSheet(
        key=key,
        name_ja=f"A4 {columns * rows}面（{width:g}×{height:g}mm）",
        name_en=f"A4, {columns * rows} labels ({width:g} × {height:g} mm)",
        columns=columns,
        rows=rows,
        label_width_mm=width,
        label_height_mm=height,
        left_mm=margins[0],
        top_mm=margins[1],
        column_gap_mm=gaps[0],
        row_gap_mm=gaps[1],
    )


# Each grid is centred on A4 and fills it exactly (margins + labels + gaps = 210 × 297 mm).
SHEETS: dict[str, LabelSheet] = {
    # 14.0 + 86.4 + 9.2 + 86.4 + 14.0 = 210;  21.6 + 6 × 42.3 + 21.6 = 297
    "12": _sheet("12", 2, 6, (86.4, 42.3), (14.0, 21.6), (9.2, 0.0)),
    # 4.0 + 3 × 66.0 + 2 × 2.0 + 4.0 = 210;  12.9 + 8 × 33.9 + 12.9 = 297
    "24": _sheet("24", 3, 8, (66.0, 33.9), (4.0, 12.9), (2.0, 0.0)),
    # 6.0 + 4 × 48.3 + 3 × 1.6 + 6.0 = 210;  8.8 + 11 × 25.4 + 8.8 = 297
    "44": _sheet("44", 4, 11, (48.3, 25.4), (6.0, 8.8), (1.6, 0.0)),
}


@dataclass(frozen=True)
class Label:
    """One label as it will be printed (display strings); ``number`` is also the QR code."""

    number: str
    title: str
    description: str


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and tabs become spaces, other control characters go."""
    text = re.sub(r"[\r\n\t]+", " ", text)
    return _CONTROL.sub("", text).strip()


def fit_text(text: str, font: str, size: float, width: float, min_size: float) -> tuple[str, float]:
    """``text`` and a font size at which it is at most ``width`` wide: shrunk down to
    ``min_size`` if need be, and then cut with an ellipsis."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return text, size
    if natural > 0 and stringWidth(text, font, min_size) <= width:
        return text, max(min_size, math.floor(size * width / natural * 10) / 10)
    while text and stringWidth(text + ELLIPSIS, font, min_size) > width:
        text = text[:-1]
    return (text + ELLIPSIS if text else ""), min_size


@dataclass(frozen=True)
class _Metrics:
    """Sizes (in points) shared by every label of a sheet."""

    padding: float
    qr_box: float  # the QR code with its quiet zone
    number_size: float
    small_size: float


def _metrics(sheet: LabelSheet) -> _Metrics:
    width, height = sheet.label_width_mm * mm, sheet.label_height_mm * mm
    padding = min(max(height * 0.06, 1.5 * mm), 2.5 * mm)
    # As large as the label height allows; on a wide label, at most half its width.
    qr_box = max(min(height - 2 * padding, width * 0.5), 0.0)
    height_mm = sheet.label_height_mm
    return _Metrics(
        padding=padding,
        qr_box=qr_box,
        number_size=min(max(height_mm * 0.40, 8.0), 18.0),
        small_size=min(max(height_mm * 0.20, 5.5), 8.5),
    )


def _text_width(sheet: LabelSheet, metrics: _Metrics) -> float:
    """The width of a label's text column (right of the QR code), in points."""
    box, pad = metrics.qr_box, metrics.padding
    return float(sheet.label_width_mm * mm - pad - box - (pad if box == 0 else 0) - pad)


def _min_number_size(metrics: _Metrics) -> float:
    """The size a long number may shrink to before it is cut."""
    return max(MIN_TEXT_SIZE, metrics.number_size * 0.55)


def qr_widget(value: str, size: float) -> QrCodeWidget:
    """A QR code of exactly ``value`` (level M, 4-module quiet zone) in a ``size`` square."""
    return QrCodeWidget(value, barLevel=QR_LEVEL, barBorder=QR_QUIET_ZONE, barWidth=size, barHeight=size)


def number_fits(value: str, sheet: LabelSheet) -> bool:
    """Whether ``value`` is printed whole on a label of ``sheet``: as a QR code a scanner reads
    (not more than a code holds, squares no smaller than ``QR_MIN_MODULE_MM``) and as text
    (at the smallest size, not cut off)."""
    if len(value.encode("utf-8")) > QR_MAX_BYTES:
        return False
    metrics = _metrics(sheet)
    code = qr_widget(value, metrics.qr_box).qr
    code.make()
    modules: int = code.getModuleCount()
    if metrics.qr_box / (modules + 2 * QR_QUIET_ZONE) < QR_MIN_MODULE_MM * mm:
        return False
    _regular, bold = register_fonts()
    text = one_line(value)
    shown, _size = fit_text(
        text, bold, metrics.number_size, _text_width(sheet, metrics), _min_number_size(metrics)
    )
    return shown == text


def _draw_label(
    canvas: Any,
    label: Label,
    x: float,
    y: float,
    sheet: LabelSheet,
    metrics: _Metrics,
    fonts: tuple[str, str],
) -> None:
    """One label with its bottom-left corner at (x, y) points; nothing is drawn outside it."""
    regular, bold = fonts
    width, height = sheet.label_width_mm * mm, sheet.label_height_mm * mm
    pad, box = metrics.padding, metrics.qr_box

    canvas.saveState()
    # Whatever happens to the text, the neighbouring label stays clean.
    clip = canvas.beginPath()
    clip.rect(x, y, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)

    number = one_line(label.number)
    if number and box > 0:
        drawing = Drawing(box, box)
        drawing.initialFontName = regular  # else the renderer sets Helvetica (unembedded)
        drawing.add(qr_widget(label.number, box))
        renderPDF.draw(drawing, canvas, x + pad, y + (height - box) / 2)

    # The text column: right of the QR code's quiet zone, inside the padding.
    text_x = x + pad + box + (pad if box == 0 else 0)
    text_width = _text_width(sheet, metrics)
    top, bottom = y + height - pad, y + pad
    if text_width > 0:
        small, small_min = metrics.small_size, min(MIN_TEXT_SIZE, metrics.small_size)
        title, title_size = fit_text(one_line(label.title), regular, small, text_width, small_min)
        if title:
            ascent, _descent = getAscentDescent(regular, title_size)
            canvas.setFillColor(MUTED)
            canvas.setFont(regular, title_size)
            canvas.drawString(text_x, top - ascent, title)
        description, description_size = fit_text(
            one_line(label.description), regular, small, text_width, max(small_min, small * 0.8)
        )
        if description:
            _ascent, descent = getAscentDescent(regular, description_size)
            canvas.setFillColor(INK)
            canvas.setFont(regular, description_size)
            canvas.drawString(text_x, bottom - descent, description)
        text, size = fit_text(number, bold, metrics.number_size, text_width, _min_number_size(metrics))
        if text:
            ascent, descent = getAscentDescent(bold, size)
            canvas.setFillColor(INK)
            canvas.setFont(bold, size)
            canvas.drawString(text_x, y + height / 2 - (ascent + descent) / 2, text)
    canvas.restoreState()


def build_labels(
    path: Path,
    labels: Sequence[Label],
    sheet: LabelSheet,
    *,
    start: int = 1,
    lang: str,
    outlines: bool = False,
) -> int:
    """Write ``labels`` onto A4 sheets of ``sheet``; return the number of pages written.

    Labels fill each sheet left to right, top to bottom, from position ``start`` (1-based)
    on the first page; the positions before it stay empty, so a half-used sheet can be fed
    again. Later pages start at position 1. Nothing is printed outside the labels (no header
    or footer). ``outlines`` draws every label's edge in grey, for a test print on plain
    paper to hold against a sheet of labels.
    """
    if not 1 <= start <= sheet.per_page:
        raise ValueError(f"start must be a label position on the sheet (1..{sheet.per_page}), not {start}.")
    if not labels:
        raise ValueError("There are no labels to print.")
    fonts = register_fonts()
    metrics = _metrics(sheet)
    page_height = A4[1]
    slots = start - 1 + len(labels)
    pages = math.ceil(slots / sheet.per_page)
    title = f"{tr(lang, '資産ラベル', 'Asset labels')} — {sheet.name(lang)}"

    with written_atomically(Path(path)) as temporary:
        canvas = Canvas(
            str(temporary),
            pagesize=A4,
            initialFontName=fonts[0],  # else every page names Helvetica (unembedded)
            lang=lang,
        )
        canvas.setTitle(title)
        canvas.setAuthor(AUTHOR)
        canvas.setCreator(AUTHOR)
        canvas.setSubject(title)
        for page in range(pages):
            for position in range(1, sheet.per_page + 1):
                left, top, width, height = sheet.box_mm(position)
                x, y = left * mm, page_height - (top + height) * mm
                if outlines:
                    canvas.saveState()
                    canvas.setStrokeColor(GRID)
                    canvas.setLineWidth(0.3)
                    canvas.rect(x, y, width * mm, height * mm, stroke=1, fill=0)
                    canvas.restoreState()
                index = page * sheet.per_page + position - 1 - (start - 1)
                if not 0 <= index < len(labels):  # before ``start``, or after the last label
                    continue
                _draw_label(canvas, labels[index], x, y, sheet, metrics, fonts)
            canvas.showPage()
        canvas.save()
    return pages
