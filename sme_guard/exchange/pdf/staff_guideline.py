"""A staff guideline on paper (10⑨ smart devices, 18① SNS) with its acknowledgment slip.

The builder takes plain data (``services.staff_guidelines.GuidelineDocument``) and only lays it
out; it never reads the database. Every string a person typed (title, conditions, notes, the
office's name) is escaped on the way into reportlab, so ``<b>&`` prints as typed.

Page 1 on: the title, version and issue date (or a DRAFT mark), the control's purpose, then
each point - the rule as a question, the office's decision and conditions, and the guideline's
own words with their reference. The last page is the 確認書 that staff sign and hand back:
"I have read version N (issued ...), understand it and will comply", with date, department,
name and signature lines, and a box for whoever records it in SME Guard.

Points are paragraphs, not table rows: a condition can be as long as the office needs without
ever outgrowing a page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from sme_guard.domain.codes import GuidelineDecision, label
from sme_guard.exchange.pdf.blocks import FORM_PADDING, label_columns, markup_para, warning_box
from sme_guard.exchange.pdf.layout import (
    GRID,
    MUTED,
    WARNING,
    Styles,
    build_document,
    content_width,
    escape_text,
    grid_table,
    make_styles,
    para,
    signature_block,
    tr,
)
from sme_guard.services.staff_guidelines import GuidelineDocument, PointChoice
from sme_guard.services.versions import version_name

# Decisions in print: bold, and coloured where a colour printer is at hand.
DECISION_COLOURS = {
    GuidelineDecision.ALLOWED: "#1B5E20",
    GuidelineDecision.NOT_ALLOWED: "#B00000",
    GuidelineDecision.CONDITIONAL: "#8A4B00",
}


def _issued_text(doc: GuidelineDocument, lang: str) -> str:
    issued = doc.info.issued_on
    return issued.isoformat() if issued else tr(lang, "未発行(下書き)", "not issued (draft)")


def _draft_box(text: str, styles: Styles) -> Table:
    style = ParagraphStyle(
        "DraftMark", parent=styles.body, fontName=styles.bold_font, textColor=WARNING, leading=14
    )
    return warning_box(text, style, styles.regular_font, padding=(4, 5))


def _draft_warning(lang: str) -> str:
    return tr(
        lang,
        "下書き(未発行): この版はまだ発行されていません。従業員に配るのは発行してからにしてください。",
        "DRAFT (not issued): this version has not been issued yet. Issue it before handing it to staff.",
    )


def _header_block(doc: GuidelineDocument, styles: Styles, lang: str, office: str, printed_on: date) -> Table:
    label_style = ParagraphStyle("GuidelineLabel", parent=styles.cell, fontName=styles.bold_font, fontSize=9)
    value_style = ParagraphStyle("GuidelineValue", parent=styles.cell, fontSize=9, leading=12)
    rows = [
        [
            para(tr(lang, "事業所", "Office"), label_style),
            para(office.strip() or "—", value_style),
            para(tr(lang, "版", "Version"), label_style),
            para(version_name(doc.info.version, lang), value_style),
        ],
        [
            para(tr(lang, "発行日", "Issued on"), label_style),
            para(_issued_text(doc, lang), value_style),
            para(tr(lang, "印刷日", "Printed"), label_style),
            para(printed_on.isoformat(), value_style),
        ],
    ]
    width = content_width()
    return grid_table(
        rows,
        [0.16 * width, 0.42 * width, 0.16 * width, 0.26 * width],
        styles=styles,
        header_rows=0,
        zebra=False,
        extra=[*label_columns(0, 2), *FORM_PADDING],
    )


def _intro(doc: GuidelineDocument, lang: str) -> str:
    measure = "10⑨" if doc.control == 10 else "18①"
    return tr(
        lang,
        "このガイドラインは、当事業所で働くすべての従業員(正社員、契約社員、派遣社員、パート・アルバイト)が"
        "守るルールです。項目ごとに、当事業所の判断(可・不可・条件付きで可)と、その条件を定めます。"
        f"各項目の下に、もとになった「中小企業の情報セキュリティ対策実践手引き」の管理策を示します"
        f"(このガイドラインは管理策 {measure} によるものです)。",
        "This guideline sets rules that everyone working at the office keeps (regular and contract "
        "employees, agency staff, part-timers). For each point it states the office's decision "
        "(allowed, not allowed, allowed with conditions) and the conditions. Under each point is the "
        "measure of the JNSA guideline for small businesses it comes from (this guideline answers "
        f"measure {measure}).",
    )


def _point(number: int, point: PointChoice, styles: Styles, lang: str) -> KeepTogether:
    question_style = ParagraphStyle(
        "PointQuestion",
        parent=styles.body,
        fontName=styles.bold_font,
        fontSize=10.5,
        leading=14.5,
        leftIndent=7 * mm,
        firstLineIndent=-7 * mm,
        spaceAfter=1.5 * mm,
    )
    body = ParagraphStyle("PointBody", parent=styles.body, leftIndent=7 * mm, spaceAfter=1 * mm)
    small = ParagraphStyle("PointGuideline", parent=styles.small, leftIndent=7 * mm, spaceBefore=0.5 * mm)
    question = point.question.get(lang)
    flowables: list[Any] = [
        markup_para(f"{number}.&nbsp;&nbsp;{escape_text(question)}", question, question_style),
    ]
    decided = tr(lang, "当事業所の判断: ", "The office's decision: ")
    if point.decision is None:
        decision_markup = f"<b>{escape_text(tr(lang, '未定', 'not decided'))}</b>"
        plain = decided
    else:
        text = label(point.decision, lang)
        colour = DECISION_COLOURS[point.decision]
        decision_markup = f'<font color="{colour}"><b>{escape_text(text)}</b></font>'
        plain = decided + text
    flowables.append(markup_para(f"{escape_text(decided)}{decision_markup}", plain, body))
    if point.conditions:
        heading = (
            tr(lang, "条件: ", "Conditions: ")
            if point.decision == GuidelineDecision.CONDITIONAL
            else tr(lang, "補足: ", "Note: ")
        )
        flowables.append(
            markup_para(
                f"<b>{escape_text(heading)}</b>{escape_text(point.conditions)}",
                heading + point.conditions,
                body,
            )
        )
    reference = tr(lang, f"ガイドライン {point.ref_label(lang)}", f"Guideline {point.ref_label(lang)}")
    if point.sheets:
        numbers = tr(lang, "、", ", ").join(f"No.{n}" for n in point.sheets)
        reference += tr(lang, f"(業務 {numbers})", f" (task sheets {numbers})")
    requirement = point.requirement.get(lang)
    flowables.append(
        markup_para(
            f"{escape_text(reference)}: {escape_text(requirement)}",
            reference + requirement,
            small,
        )
    )
    flowables += [Spacer(1, 1.5 * mm), HRFlowable(width="100%", thickness=0.4, color=GRID), Spacer(1, 2 * mm)]
    return KeepTogether(flowables)


def _slip(doc: GuidelineDocument, styles: Styles, lang: str, office: str) -> list[Any]:
    title_style = ParagraphStyle(
        "SlipTitle", parent=styles.title, fontSize=18, alignment=1, spaceAfter=8 * mm
    )
    large = ParagraphStyle("SlipText", parent=styles.body, fontSize=12, leading=20, spaceAfter=6 * mm)
    flowables: list[Any] = [PageBreak()]
    if doc.info.issued_on is None:
        flowables += [_draft_box(_draft_warning(lang), styles), Spacer(1, 4 * mm)]
    flowables.append(para(tr(lang, "確認書", "Acknowledgment"), title_style))
    addressee = office.strip()
    if addressee:
        flowables.append(para(tr(lang, f"{addressee} 御中", f"To: {addressee}"), large))
    title = doc.info.title
    version = version_name(doc.info.version, lang)
    if doc.info.issued_on is None:
        edition = tr(lang, f"{version}(下書き・未発行)", f"{version} (draft, not issued)")
    else:
        issued = doc.info.issued_on.isoformat()
        edition = tr(lang, f"{version}(発行日 {issued})", f"{version} (issued on {issued})")
    # Plain quotes in English: the font's curly quotes are full-width.
    sentence = tr(
        lang,
        f"私は「{title}」{edition}を読み、内容を理解し、遵守します。",
        f'I have read "{title}", {edition}, understand it and will comply with it.',
    )
    flowables.append(para(sentence, large))
    width = content_width()
    flowables.append(Spacer(1, 6 * mm))
    flowables.append(
        signature_block(
            [(tr(lang, "確認日", "Date"), tr(lang, "年　月　日", "")), (tr(lang, "所属", "Department"), "")],
            styles=styles,
            width=width,
        )
    )
    flowables.append(Spacer(1, 4 * mm))
    flowables.append(
        signature_block(
            [(tr(lang, "氏名", "Name"), ""), (tr(lang, "署名", "Signature"), tr(lang, "(または印)", ""))],
            styles=styles,
            width=width,
        )
    )
    flowables.append(Spacer(1, 16 * mm))
    office_use = ParagraphStyle("OfficeUse", parent=styles.small, fontName=styles.bold_font)
    flowables.append(
        signature_block(
            [(tr(lang, "受付日", "Received on"), ""), (tr(lang, "SMEガードへの記録者", "Recorded by"), "")],
            styles=styles,
            width=width,
            lead=[
                HRFlowable(width="100%", thickness=0.4, color=MUTED, dash=(2, 2)),
                Spacer(1, 1 * mm),
                para(tr(lang, "事務局記入欄", "For the office"), office_use),
            ],
        )
    )
    return flowables


def guideline_title(doc: GuidelineDocument, lang: str) -> str:
    return f"{doc.info.title} {version_name(doc.info.version, lang)}"


def build_guideline(path: Path, doc: GuidelineDocument, *, office: str, lang: str, printed_on: date) -> None:
    """The guideline with its acknowledgment slip on the last page."""
    styles = make_styles()
    story: list[Any] = [para(doc.info.title, styles.title)]
    if doc.info.issued_on is None:
        story += [_draft_box(_draft_warning(lang), styles), Spacer(1, 3 * mm)]
    story += [_header_block(doc, styles, lang, office, printed_on), Spacer(1, 3 * mm)]
    story += [para(tr(lang, "目的", "Purpose"), styles.heading), para(doc.purpose.get(lang), styles.body)]
    story.append(para(_intro(doc, lang), styles.body))
    story += [CondPageBreak(40 * mm), para(tr(lang, "ルール", "Rules"), styles.heading), Spacer(1, 1 * mm)]
    story += [_point(number, point, styles, lang) for number, point in enumerate(doc.points, start=1)]
    if doc.info.notes:
        story += [para(tr(lang, "備考", "Notes"), styles.heading), para(doc.info.notes, styles.body)]
    story += _slip(doc, styles, lang, office)
    draft = tr(lang, "下書き(未発行)", "DRAFT (not issued)")
    subtitle = office.strip()
    if doc.info.issued_on is None:
        subtitle = f"{subtitle}  {draft}" if subtitle else draft
    build_document(path, story, title=guideline_title(doc, lang), subtitle=subtitle, lang=lang)
