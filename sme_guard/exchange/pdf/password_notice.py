"""The password policy as a one-page A4 notice for staff (5⑥; sheet No.6: 周知徹底).

Top down: the office's rules in large type (what a person must do), the points the guideline
makes about passwords, SME Guard's general advice printed apart as such, then the guideline's
own words. The office name is user text and is escaped like all user text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from sme_guard.domain.catalog import circled
from sme_guard.domain.password_policy import (
    GENERAL_ADVICE,
    GUIDELINE_ADVICE,
    Advice,
    PasswordPolicy,
    Quote,
    policy_rules,
)
from sme_guard.exchange.pdf.layout import (
    GRID,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    Styles,
    build_document,
    clip,
    content_width,
    escape_text,
    latin,
    make_styles,
    para,
    tr,
)

RULES_FILL = colors.HexColor("#F2F2F2")
OFFICE_NAME_LIMIT = 60  # one line of the notice's subtitle
# The type shrinks in these steps until the notice fits one page (the longest, English with
# every rule and a long office name, needs about 0.9).
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)


def notice_title(lang: str) -> str:
    return tr(lang, "パスワードのルール", "Password rules")


def _style(
    styles: Styles, name: str, lang: str, size: float, *, bold: bool = False, **extra: Any
) -> ParagraphStyle:
    font = styles.bold_font if bold else styles.regular_font
    style = ParagraphStyle(
        name,
        parent=styles.body,
        fontName=font,
        bulletFontName=font,  # else Helvetica, which has no "・"
        fontSize=size,
        leading=round(size * 1.4, 1),
        **extra,
    )
    # English wraps between words; Japanese anywhere (the markup below is built, not typed).
    return latin(style) if lang == "en" else style


def _rules_box(policy: PasswordPolicy, styles: Styles, lang: str, width: float, scale: float) -> Table:
    rule_style = _style(styles, "NoticeRule", lang, 15 * scale, bold=True, spaceAfter=0)
    rows = [
        [Paragraph(f"{circled(number)}&nbsp;&nbsp;{escape_text(tr(lang, ja, en))}", rule_style)]
        for number, (ja, en) in enumerate(policy_rules(policy), start=1)
    ]
    table = Table(rows, colWidths=[width])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), styles.regular_font),  # else the table sets Helvetica
            ("BACKGROUND", (0, 0), (-1, -1), RULES_FILL),
            ("BOX", (0, 0), (-1, -1), 1.6, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm * scale),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm * scale),
            ("TOPPADDING", (0, 0), (-1, 0), 4 * mm * scale),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm * scale),
        ]
    )
    return table


def _advice(items: Sequence[Advice], styles: Styles, lang: str, scale: float) -> list[Any]:
    point = _style(
        styles,
        "NoticePoint",
        lang,
        11 * scale,
        leftIndent=5 * mm,
        bulletIndent=0,
        spaceAfter=1.2 * mm * scale,
    )
    source_color = MUTED.hexval()[2:]
    flowables: list[Any] = []
    for item in items:
        source = item.source(lang)
        markup = escape_text(item.text(lang))
        if source:
            markup += f'&nbsp;&nbsp;<font size="{8 * scale:.1f}" color="#{source_color}">({escape_text(source)})</font>'
        flowables.append(Paragraph(markup, point, bulletText="・"))
    return flowables


def _quotes(quotes: Sequence[Quote], styles: Styles, lang: str, width: float, scale: float) -> Table:
    source_style = _style(styles, "QuoteSource", lang, 8 * scale, bold=True, spaceAfter=0.3 * mm)
    text_style = _style(styles, "QuoteText", lang, 8.5 * scale, spaceAfter=1.5 * mm * scale)
    cells: list[Any] = []
    for quote in quotes:
        cells += [para(quote.source, source_style), para(quote.text, text_style)]
    table = Table([[cells]], colWidths=[width])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), styles.regular_font),
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm * scale),
        ]
    )
    return table


def _story(
    policy: PasswordPolicy,
    quotes: Sequence[Quote],
    styles: Styles,
    *,
    lang: str,
    office: str,
    printed_on: date,
    changed_on: date | None,
    version: str,
    scale: float,
) -> list[Any]:
    width = content_width()

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        return _style(styles, name, lang, size * scale, **extra)

    title_style = style("NoticeTitle", 24, bold=True, spaceAfter=1 * mm)
    office_style = style("NoticeOffice", 14, bold=True, spaceAfter=1 * mm)
    info_style = style("NoticeInfo", 9, textColor=MUTED, spaceAfter=3 * mm * scale)
    lead_style = style("NoticeLead", 11, spaceAfter=2.5 * mm * scale)
    heading_style = style(
        "NoticeHeading", 12.5, bold=True, spaceBefore=4.5 * mm * scale, spaceAfter=2 * mm * scale
    )
    note_style = style("NoticeNote", 8.5, textColor=MUTED, spaceAfter=1.5 * mm * scale)

    version_text = (
        tr(lang, f"改定日 {changed_on}", f"Policy of {changed_on}")
        if changed_on
        else tr(lang, "ガイドラインの例のまま(改定なし)", "The guideline's example (not changed)")
    )
    facts = [
        version_text,
        tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}"),
        tr(lang, "根拠: 管理策 5⑥・業務 No.6", "Basis: control 5⑥, task sheet No.6"),
        tr(lang, f"SMEガード {version}", f"SME Guard {version}"),
    ]
    # Each fact stays on one line; the line breaks between them.
    separator = "&nbsp;&nbsp;| "
    info = separator.join(escape_text(fact).replace(" ", "&nbsp;") for fact in facts)
    story: list[Any] = [para(notice_title(lang), title_style)]
    if office:
        story.append(para(office, office_style))
    story += [
        Paragraph(info, info_style),
        para(
            tr(
                lang,
                "情報と情報機器への許可されていないアクセスを防止するため、パスワードは次のルールで決めてください。",
                "To prevent unauthorized access to information and information equipment, set your "
                "passwords by these rules.",
            ),
            lead_style,
        ),
        _rules_box(policy, styles, lang, width, scale),
        para(
            tr(
                lang,
                "英大文字・英小文字・数字・記号は半角で数えます。全角文字や日本語は使えないシステムが多いため使わないでください。",
                "Letters, digits and symbols count in half-width (ASCII). Do not use full-width or "
                "Japanese characters: many systems refuse them.",
            ),
            ParagraphStyle("NoticeRuleNote", parent=note_style, spaceBefore=1.5 * mm * scale),
        ),
        para(tr(lang, "守ること", "Good practice"), heading_style),
        *_advice(GUIDELINE_ADVICE, styles, lang, scale),
        para(tr(lang, "あわせて守ること", "Also"), heading_style),
        *_advice(GENERAL_ADVICE, styles, lang, scale),
        para(
            tr(
                lang,
                "この項目は SMEガードからの一般的な注意です(ガイドラインの抜粋には書かれていません)。",
                "These points are SME Guard's general advice (the guideline excerpt does not contain them).",
            ),
            note_style,
        ),
    ]
    if quotes:
        story += [
            para(
                tr(
                    lang,
                    "ガイドラインの該当箇所(JNSA「中小企業の情報セキュリティ対策実践手引き」)",
                    "What the guideline says (JNSA guideline for SMEs, translated)",
                ),
                heading_style,
            ),
            _quotes(quotes, styles, lang, width, scale),
        ]
    return story


def _height(story: Sequence[Any], width: float, room: float) -> float:
    total = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, room)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def build_password_notice(
    path: Path,
    policy: PasswordPolicy,
    *,
    quotes: Sequence[Quote],
    lang: str,
    office: str,
    printed_on: date,
    changed_on: date | None,
    version: str,
) -> None:
    """One A4 portrait page for the notice board: the policy, the practice, the guideline's words.

    ``changed_on`` (when the office last changed its policy) is the notice's version: a posted
    copy older than it is out of date. ``version`` is SME Guard's, which printed it.
    """
    styles = make_styles()
    office = clip(office.strip(), OFFICE_NAME_LIMIT, 1)
    width = content_width()
    room = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 2  # a hair of slack for rounding

    def make(scale: float) -> list[Any]:
        return _story(
            policy,
            quotes,
            styles,
            lang=lang,
            office=office,
            printed_on=printed_on,
            changed_on=changed_on,
            version=version,
            scale=scale,
        )

    scale = next((s for s in SCALES if _height(make(s), width, room) <= room), SCALES[-1])
    subtitle = "　".join(
        part for part in (office, tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}")) if part
    )
    build_document(path, make(scale), title=notice_title(lang), subtitle=subtitle, lang=lang)
