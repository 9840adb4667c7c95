"""The basic policy and the security rules on A4 paper, from the blocks every format shares
(``exchange.policy_document``). Paragraphs only, no tables for the text, so a long section or a
long reason never outgrows a page and the text reads in order when copied out of the PDF.

The basic policy is meant to fit one page; it ends with the date, the office, the
representative and a line for the representative's signature (or seal).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

from sme_guard.exchange.pdf.blocks import warning_box
from sme_guard.exchange.pdf.layout import (
    WARNING,
    Styles,
    build_document,
    content_width,
    make_styles,
    para,
    signature_block,
)
from sme_guard.exchange.policy_document import Block, Kind, blocks, document_title, draft_warning
from sme_guard.services.policies import PolicyDocument


def _draft_box(text: str, styles: Styles) -> Table:
    style = ParagraphStyle("PolicyDraft", parent=styles.body, fontName=styles.bold_font, textColor=WARNING)
    return warning_box(text, style, styles.regular_font, padding=(4, 5))


def _styles(styles: Styles) -> dict[Kind, ParagraphStyle]:
    return {
        Kind.TITLE: ParagraphStyle(
            "PolicyTitle", parent=styles.title, fontSize=18, leading=24, alignment=TA_CENTER
        ),
        Kind.META: ParagraphStyle("PolicyMeta", parent=styles.small, alignment=TA_RIGHT),
        Kind.HEADING: ParagraphStyle(
            "PolicyHeading", parent=styles.heading, fontSize=12, leading=16, spaceBefore=4 * mm
        ),
        Kind.SUBHEADING: ParagraphStyle(
            "PolicySubheading", parent=styles.heading, fontSize=10, spaceBefore=2.5 * mm, spaceAfter=1 * mm
        ),
        Kind.LABEL: ParagraphStyle(
            "PolicyLabel", parent=styles.body, fontName=styles.bold_font, fontSize=9, leftIndent=3 * mm
        ),
        Kind.PARAGRAPH: ParagraphStyle(
            "PolicyBody", parent=styles.body, fontSize=10.5, leading=16, firstLineIndent=10.5
        ),
        Kind.ENTRY: ParagraphStyle(
            "PolicyEntry", parent=styles.body, fontSize=9, leading=12.5, leftIndent=6 * mm
        ),
        Kind.CLOSING: ParagraphStyle(
            "PolicyClosing", parent=styles.body, fontSize=10.5, leading=16, alignment=TA_RIGHT
        ),
    }


def _entry_line_style(style: ParagraphStyle, styles: Styles) -> ParagraphStyle:
    return ParagraphStyle(
        "PolicyEntryLine", parent=style, leftIndent=12 * mm, textColor=styles.small.textColor
    )


def story(doc: PolicyDocument) -> list[Any]:
    styles = make_styles()
    by_kind = _styles(styles)
    line_style = _entry_line_style(by_kind[Kind.ENTRY], styles)
    found: list[Any] = []
    for block in blocks(doc):
        found += _flowables(block, by_kind, line_style, styles)
    return found


def _flowables(
    block: Block, by_kind: dict[Kind, ParagraphStyle], line_style: ParagraphStyle, styles: Styles
) -> list[Any]:
    if block.kind is Kind.DRAFT:
        return [_draft_box(block.text, styles), Spacer(1, 3 * mm)]
    if block.kind is Kind.ENTRY:
        return [
            KeepTogether(
                [para(block.text, by_kind[Kind.ENTRY]), *(para(line, line_style) for line in block.lines)]
            )
        ]
    if block.kind is Kind.CLOSING:
        return [Spacer(1, 10 * mm), *(para(line, by_kind[Kind.CLOSING]) for line in block.lines)]
    if block.kind is Kind.SIGNATURE:
        width = content_width() * 0.55
        return [signature_block([(block.text, block.hint)], styles=styles, width=width, align="RIGHT")]
    flowable = para(block.text, by_kind[block.kind])
    if block.kind in (Kind.HEADING, Kind.SUBHEADING):
        return [CondPageBreak(30 * mm), flowable]  # a heading never ends a page alone
    return [flowable]


def build_policy_pdf(path: Path, doc: PolicyDocument) -> None:
    """The version on A4 (a draft marked as one on every page's header and at the top)."""
    subtitle = doc.office
    if not doc.info.issued:
        mark = draft_warning(doc).split(":")[0]
        subtitle = f"{subtitle}  {mark}" if subtitle else mark
    build_document(path, story(doc), title=document_title(doc), subtitle=subtitle, lang=doc.lang)
