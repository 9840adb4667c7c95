"""障害・事故報告書 (control 3: one incident, for the file) and the 緊急連絡網 for the wall.

Both builders take plain data (the service dataclasses of ``services.incidents``) and only lay
it out; they never read the database. Every string a person typed is escaped on the way into
reportlab (``para``), so ``<b>&`` prints as typed.

The report follows the guideline's order: the record of 3② (when, who, what, how, what came
of it), the root cause and prevention actions of 3③, the handling, who was told along the
contact tree (3①), the external reports and the recovery (12 運用②), then the assets and
measures it concerns and the lines to sign.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from sme_guard.domain.codes import INCIDENT_CATEGORY_OF_TYPE, IncidentType, ThreatSource, label
from sme_guard.domain.registers import INCIDENTS
from sme_guard.exchange.pdf.blocks import (
    FIELD_LABEL_WIDTH,
    TICKED,
    UNTICKED,
    ReportStyles,
    alert_markup,
    field_value,
    fields_table,
    info_block,
    lines_table,
    none_line,
    scaled_widths,
    section_heading,
    sign_off,
    splittable,
    story_height,
    subsection_heading,
    warning_box,
)
from sme_guard.exchange.pdf.layout import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    WARNING,
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
from sme_guard.services.incidents import Confirmation, ContactLine, IncidentDetail
from sme_guard.services.values import display, format_datetime

IMPACT_KEYS = ("impact_confidentiality", "impact_integrity", "impact_availability", "impact_legality")


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _when(value: datetime | str | None) -> str:
    return format_datetime(value) if value else ""


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _field(key: str, lang: str) -> str:
    return INCIDENTS.column(key).label(lang)


def _shown(key: str, values: Mapping[str, Any], lang: str) -> str:
    """A register field as the app shows it (code labels, local "YYYY-MM-DD HH:MM")."""
    return display(INCIDENTS.column(key), values.get(key), lang).strip()


# ---------------------------------------------------------------- the incident report


def _text_box(title: str, text: str, rs: ReportStyles, lang: str) -> Table:
    """A titled box for a long free text (timeline, recovery); it may span pages."""
    table = grid_table(
        [[para(title, rs.label)], [field_value(text, rs, lang)]],
        [content_width()],
        styles=rs.base,
        zebra=False,
        extra=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
        ],
    )
    return splittable(table)


def _cell(text: str, rs: ReportStyles, *, center: bool = False) -> Paragraph:
    style = rs.base.cell_center if center else rs.base.cell
    return para(text or "—", style)


def _boxes(options: Sequence[tuple[bool, str]], rs: ReportStyles, columns: int) -> Table:
    """■ ticked / □ not ticked, in columns, the way the guideline's legend prints its choices."""
    cells = [
        Paragraph(
            f"<b>{TICKED}&nbsp;{escape_text(text)}</b>" if ticked else f"{UNTICKED}&nbsp;{escape_text(text)}",
            rs.value if has_cjk(text) else latin(rs.value),
        )
        for ticked, text in options
    ]
    cells += [""] * (-len(cells) % columns)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[(content_width() - FIELD_LABEL_WIDTH - 8) / columns] * columns)
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), rs.base.regular_font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )
    table.hAlign = "LEFT"
    return table


def _header_block(detail: IncidentDetail, rs: ReportStyles, lang: str, office: str) -> Table:
    values = detail.values
    kind = _shown("incident_type", values, lang)
    try:
        category = label(INCIDENT_CATEGORY_OF_TYPE[IncidentType(str(values.get("incident_type")))], lang)
    except (KeyError, ValueError):
        category = ""
    if kind and category:
        kind = f"{kind}({category})" if lang != "en" else f"{kind} ({category})"
    open_count = detail.open_actions
    open_text = tr(lang, f"{open_count}件", str(open_count))
    cells = [
        (
            _field("number", lang),
            values.get("number") or "",
            _field("status", lang),
            _shown("status", values, lang),
        ),
        (_field("incident_type", lang), kind, _field("severity", lang), _shown("severity", values, lang)),
        (
            _field("closed_on", lang),
            _shown("closed_on", values, lang) or tr(lang, "未完了", "open"),
            tr(lang, "未完了の再発防止策", "Open prevention actions"),
            open_text,
        ),
    ]
    pairs = [pair for a, b, c, d in cells for pair in ((a, b), (c, d))]
    if office.strip():
        pairs.append((tr(lang, "事業所", "Office"), office.strip()))  # an odd last pair spans the row
    return info_block(pairs, rs)


def _occurrence(detail: IncidentDetail, rs: ReportStyles, lang: str) -> list[Any]:
    values = detail.values
    impacts = [
        (bool(values.get(key)), _capitalized(_field(key, lang).partition(": ")[2] or _field(key, lang)))
        for key in IMPACT_KEYS
    ]
    threat = values.get("threat_source")
    threats = [(source.value == threat, label(source, lang)) for source in ThreatSource]
    rows: list[tuple[str, Any]] = [
        (_field("occurred_at", lang), field_value(_when(values.get("occurred_at")), rs, lang)),
        (_field("discovered_at", lang), field_value(_when(values.get("discovered_at")), rs, lang)),
        (_field("reported_at", lang), field_value(_when(values.get("reported_at")), rs, lang)),
        *[
            (_field(key, lang), field_value(values.get(key) or "", rs, lang))
            for key in ("who", "what", "how", "result")
        ],
        (tr(lang, "影響", "Impact"), _boxes(impacts, rs, 4)),
        (_field("threat_source", lang), _boxes(threats, rs, 3)),
    ]
    return [
        *section_heading(tr(lang, "1. 発生の記録 (管理策3②)", "1. Record of the incident (control 3②)"), rs),
        fields_table(rows, rs),
    ]


def _prevention(detail: IncidentDetail, rs: ReportStyles, lang: str) -> list[Any]:
    flowables: list[Any] = [
        *section_heading(
            tr(lang, "2. 根本原因と再発防止策 (管理策3③)", "2. Root cause and prevention (control 3③)"), rs
        ),
        fields_table(
            [(_field("root_cause", lang), field_value(detail.values.get("root_cause") or "", rs, lang))], rs
        ),
        *subsection_heading(tr(lang, "再発防止策", "Prevention actions"), rs),
    ]
    if not detail.actions:
        flowables.append(none_line(lang, rs))
        return flowables
    rows = [
        [
            _cell(str(number), rs, center=True),
            _cell(action.description, rs),
            _cell(action.owner, rs),
            _cell(_day(action.due_on), rs, center=True),
            _cell(_day(action.done_on), rs, center=True)
            if action.done_on
            else para(tr(lang, "未完了", "open"), rs.open),
        ]
        for number, action in enumerate(detail.actions, start=1)
    ]
    header = [
        "No.",
        tr(lang, "内容", "Action"),
        tr(lang, "担当者", "Owner"),
        tr(lang, "期限", "Due"),
        tr(lang, "完了日", "Done"),
    ]
    flowables.append(lines_table(header, rows, (9, 99, 30, 24, 24), rs))
    return flowables


def _handling(detail: IncidentDetail, rs: ReportStyles, lang: str) -> list[Any]:
    status = INCIDENTS.column("status")
    flowables: list[Any] = [
        *section_heading(tr(lang, "3. 対応の経過", "3. Handling"), rs),
        *subsection_heading(tr(lang, "状態の変更", "Status changes"), rs),
    ]
    if detail.status_changes:
        rows = [
            [
                _cell(_when(change.changed_at), rs, center=True),
                _cell(display(status, change.status, lang), rs, center=True),
                _cell(change.note or "", rs),
            ]
            for change in detail.status_changes
        ]
        header = [tr(lang, "日時", "Date and time"), _field("status", lang), tr(lang, "メモ", "Note")]
        flowables.append(lines_table(header, rows, (32, 40, 114), rs))
    else:
        flowables.append(none_line(lang, rs))
    flowables += [
        Spacer(1, 2.5 * mm),
        _text_box(tr(lang, "経過の記録", "Timeline"), detail.values.get("timeline") or "", rs, lang),
    ]
    return flowables


def _notifications(detail: IncidentDetail, rs: ReportStyles, lang: str) -> list[Any]:
    flowables: list[Any] = [
        *section_heading(
            tr(lang, "4. 連絡網による報告 (管理策3①)", "4. Reporting along the contact tree (control 3①)"), rs
        )
    ]
    if not detail.notifications:
        flowables.append(none_line(lang, rs))
        return flowables
    rows = [
        [
            _cell(_when(line.notified_at), rs, center=True),
            _cell(line.role, rs),
            _cell(line.person, rs),
            _cell(line.channel or "", rs, center=True),
            _cell(line.note or "", rs),
        ]
        for line in detail.notifications
    ]
    header = [
        tr(lang, "日時", "Date and time"),
        tr(lang, "役割", "Role"),
        tr(lang, "連絡した相手", "Person notified"),
        tr(lang, "方法", "How"),
        tr(lang, "メモ", "Note"),
    ]
    flowables.append(lines_table(header, rows, (32, 40, 38, 26, 50), rs))
    return flowables


def _recovery(detail: IncidentDetail, rs: ReportStyles, lang: str) -> list[Any]:
    flowables: list[Any] = [
        *section_heading(
            tr(
                lang,
                "5. 復旧方法と届け出 (管理策12 運用②)",
                "5. Recovery and external reports (control 12, point ②)",
            ),
            rs,
        ),
        _text_box(_field("recovery_method", lang), detail.values.get("recovery_method") or "", rs, lang),
        *subsection_heading(tr(lang, "届け出", "External reports"), rs),
    ]
    if not detail.reports:
        flowables.append(none_line(lang, rs))
        return flowables
    rows = [
        [
            _cell(report.reported_to, rs),
            _cell(_day(report.reported_on), rs, center=True),
            _cell(report.reference or "", rs),
            _cell(report.note or "", rs),
        ]
        for report in detail.reports
    ]
    header = [
        tr(lang, "届け出先", "Reported to"),
        tr(lang, "届け出日", "Date"),
        tr(lang, "受付番号など", "Reference"),
        tr(lang, "メモ", "Note"),
    ]
    flowables.append(lines_table(header, rows, (60, 26, 40, 60), rs))
    return flowables


def _related(
    detail: IncidentDetail, rs: ReportStyles, lang: str, measure_texts: Mapping[str, str]
) -> list[Any]:
    flowables: list[Any] = section_heading(tr(lang, "6. 関連する資産", "6. Assets concerned"), rs)
    if detail.assets:
        rows = [
            [_cell(str(i), rs, center=True), _cell(asset.register.label(lang), rs), _cell(asset.number, rs)]
            for i, asset in enumerate(detail.assets, start=1)
        ]
        header = ["No.", tr(lang, "台帳", "Register"), tr(lang, "番号", "Number")]
        table = grid_table(
            [[para(h, rs.base.cell_header) for h in header], *rows],
            [9 * mm, 45 * mm, 50 * mm],
            styles=rs.base,
        )
        table.hAlign = "LEFT"
        flowables.append(table)
    else:
        flowables.append(none_line(lang, rs))
    flowables += section_heading(tr(lang, "7. 関連する管理策", "7. Measures concerned"), rs)
    if detail.measures:
        rows = [
            [_cell(str(i), rs, center=True), _cell(measure_texts.get(measure_id, measure_id), rs)]
            for i, measure_id in enumerate(detail.measures, start=1)
        ]
        flowables.append(lines_table(["No.", tr(lang, "管理策", "Measure")], rows, (9, 177), rs))
    else:
        flowables.append(none_line(lang, rs))
    return flowables


def _sign_off(rs: ReportStyles, lang: str) -> list[Any]:
    roles = [
        (tr(lang, "記録者", "Recorded by"), tr(lang, "記録日", "Date")),
        (tr(lang, "確認者", "Checked by"), tr(lang, "確認日", "Date")),
        (tr(lang, "承認者", "Approved by"), tr(lang, "承認日", "Date")),
    ]
    return sign_off(roles, rs, lang, room=60 * mm)


def report_title(number: str, lang: str) -> str:
    return tr(lang, f"障害・事故報告書 {number}", f"Incident report {number}").strip()


def build_incident_report(
    path: Path,
    detail: IncidentDetail,
    *,
    lang: str,
    measure_texts: Mapping[str, str],
    office: str = "",
) -> None:
    """The report of one incident, to file (A4 portrait; it runs onto as many pages as needed).

    ``measure_texts`` maps a catalog measure id (``ctl-09-m2``) to the line that names it in
    ``lang``, e.g. "9.記憶媒体の管理 ②: …"; an id missing from it prints as the id.
    """
    rs = ReportStyles(make_styles())
    number = str(detail.values.get("number") or "")
    title = report_title(number, lang)
    occurred = _when(detail.values.get("occurred_at"))
    story: list[Any] = [
        para(title, rs.base.title),
        _header_block(detail, rs, lang, office),
        *_occurrence(detail, rs, lang),
        *_prevention(detail, rs, lang),
        *_handling(detail, rs, lang),
        *_notifications(detail, rs, lang),
        *_recovery(detail, rs, lang),
        *_related(detail, rs, lang, measure_texts),
        Spacer(1, 4 * mm),
        *_sign_off(rs, lang),
    ]
    when = tr(lang, f"発生 {occurred}", f"Occurred {occurred}") if occurred else ""
    subtitle = "　".join(part for part in (office.strip(), when) if part)
    build_document(path, story, title=title, subtitle=subtitle, lang=lang)


# ---------------------------------------------------------------- the contact tree


TREE_MAX_FONT = 13.0
TREE_MIN_FONT = 7.0


def next_check(confirmation: Confirmation) -> date | None:
    if confirmation.confirmed_on is None:
        return None
    return confirmation.confirmed_on + timedelta(days=confirmation.interval_days)


def _confirmation_lines(confirmation: Confirmation, lang: str) -> tuple[str, str | None]:
    """The "last checked" line (markup) and a warning when the tree is due for a check (3 運用①)."""
    due = next_check(confirmation)
    if confirmation.confirmed_on is None or due is None:
        line = escape_text(tr(lang, "最終確認日: ", "Last checked: ")) + alert_markup(
            tr(lang, "未確認", "never")
        )
        warning = tr(
            lang,
            "※ この連絡網はまだ一度も確認されていません。組織の実情と合っているか確認してください(管理策3 運用①)。",
            "This contact tree has never been checked. Check that it reflects the office as it is "
            "(control 3, point ①).",
        )
        return line, warning
    by = confirmation.confirmed_by.strip()
    checked, next_on = confirmation.confirmed_on.isoformat(), due.isoformat()
    line = escape_text(
        tr(
            lang,
            f"最終確認日: {checked}(次回確認: {next_on}){f'　確認者: {by}' if by else ''}",
            f"Last checked: {checked} (next check: {next_on}){f'  by {by}' if by else ''}",
        )
    )
    if not confirmation.overdue:
        return line, None
    line += "&nbsp;&nbsp;" + alert_markup(tr(lang, "【確認期限切れ】", "[OVERDUE]"))
    warning = tr(
        lang,
        f"※ 確認期限切れ: 次回確認日({next_on})を過ぎています。組織の実情と合っているか確認してください(管理策3 運用①)。",
        f"OVERDUE: the check was due on {next_on}. Check that the tree reflects the office as it is "
        "(control 3, point ①).",
    )
    return line, warning


def _tree_story(
    lines: Sequence[ContactLine],
    confirmation: Confirmation,
    styles: Styles,
    *,
    lang: str,
    office: str,
    printed_on: date,
    size: float,
) -> list[Any]:
    width = content_width(landscape=True)

    def style(name: str, font_size: float, bold: bool = False, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=styles.cell,
            fontName=styles.bold_font if bold else styles.regular_font,
            fontSize=font_size,
            leading=round(font_size * 1.2, 1),
            **extra,
        )

    cell = style("TreeCell", size)
    strong = style("TreeStrong", size, bold=True)
    number_style = style("TreeNo", size, bold=True, alignment=TA_CENTER)
    header_style = style("TreeHead", max(size * 0.85, 7), bold=True, alignment=TA_CENTER)
    note = style("TreeNote", max(size * 0.8, 6.5))

    with_notes = any((line.notes or "").strip() for line in lines)
    header = [
        tr(lang, "順番", "Order"),
        tr(lang, "役割", "Role"),
        tr(lang, "氏名", "Name"),
        tr(lang, "電話", "Phone"),
        tr(lang, "メール", "E-mail"),
        tr(lang, "不在時の代理", "Alternate"),
    ]
    widths_mm: list[float] = [13, 56, 44, 46, 70, 44]
    if with_notes:
        header.append(tr(lang, "備考", "Notes"))
        widths_mm = [11, 49, 36, 40, 60, 34, 43]
    rows: list[list[Any]] = [[para(h, header_style) for h in header]]
    for line in lines:
        row = [
            para(str(line.position), number_style),
            para(line.role, strong, limit=60),
            para(line.person or "—", strong, limit=60),
            para(line.phone or "—", strong, limit=60),
            para(line.email or "—", cell, limit=100),
            para(line.alternate or "—", cell, limit=60),
        ]
        if with_notes:
            row.append(para(line.notes or "", note, limit=120))
        rows.append(row)
    padding = max(size * 0.15, 1.5)
    table = grid_table(
        rows,
        scaled_widths(widths_mm, width),
        styles=styles,
        extra=[
            ("TOPPADDING", (0, 1), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 1), (-1, -1), padding + 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("BOX", (0, 0), (-1, -1), 1.2, INK),
        ],
    )

    title = tr(lang, "緊急連絡網", "Emergency contact tree")
    title_style = ParagraphStyle("TreeTitle", parent=styles.title, fontSize=18, leading=22, spaceAfter=1 * mm)
    info_style = ParagraphStyle("TreeInfo", parent=styles.body, fontSize=10, leading=13, spaceAfter=1 * mm)
    checked, warning = _confirmation_lines(confirmation, lang)
    facts = [escape_text(office.strip())] if office.strip() else []
    facts += [checked, escape_text(tr(lang, f"印刷日: {printed_on}", f"Printed: {printed_on}"))]
    gap = "&nbsp;" * 4
    info = Paragraph(gap.join(facts), info_style if lang != "en" else latin(info_style))
    story: list[Any] = [para(title, title_style), info]
    if warning:
        warning_style = ParagraphStyle(
            "TreeWarning", parent=info_style, fontName=styles.bold_font, textColor=WARNING, leading=13
        )
        story += [Spacer(1, 1 * mm), warning_box(warning, warning_style, styles.regular_font, width=width)]
    steps = [
        tr(
            lang,
            "障害・事故を発見したら、上から順に連絡してください。",
            "If you find a failure or an incident, call the people below in order, from the top.",
        ),
        tr(
            lang,
            "つながらないときは「不在時の代理」へ。それでもつながらなければ次の人へ連絡してください。",
            "If someone cannot be reached, call their alternate; if the alternate cannot be reached either, go on to the next person.",
        ),
        tr(
            lang,
            "誰に・いつ・どの方法で連絡したかをメモしておき、障害・事故の記録に残してください。",
            "Note whom you told, when and how, so it goes into the incident record.",
        ),
    ]
    step_style = ParagraphStyle(
        "TreeStep",
        parent=styles.body,
        fontSize=10.5,
        leading=14,
        fontName=styles.bold_font,
        spaceAfter=0.5 * mm,
    )
    story += [Spacer(1, 2 * mm)]
    story += [para(f"{i}. {text}", step_style) for i, text in enumerate(steps, start=1)]
    story.append(Spacer(1, 2.5 * mm))
    if lines:
        story.append(table)
    else:
        story.append(
            para(
                tr(lang, "連絡網が登録されていません。", "No one is on the contact tree yet."),
                ParagraphStyle("TreeEmpty", parent=info_style, fontSize=12, leading=16),
            )
        )
    return story


def fitting_size(make: Callable[[float], list[Any]], width: float, room: float) -> float:
    """The largest font size (in half points) whose story fits ``room``; the smallest if none."""
    size = TREE_MAX_FONT
    while size > TREE_MIN_FONT and story_height(make(size), width, room) > room:
        size -= 0.5
    return size


def build_contact_tree(
    path: Path,
    lines: Sequence[ContactLine],
    confirmation: Confirmation,
    *,
    lang: str,
    office: str = "",
    printed_on: date,
) -> None:
    """The 緊急連絡網 for the wall: one A4 landscape page, the escalation order in big type.

    The font shrinks until the list fits on the page (up to about 20 rungs at a readable size);
    a longer tree runs onto a second page with the header repeated.
    """
    styles = make_styles()
    width = content_width(landscape=True)
    room = landscape_size(A4)[1] - MARGIN_TOP - MARGIN_BOTTOM - 2  # a hair of slack for rounding

    def make(size: float) -> list[Any]:
        return _tree_story(
            lines, confirmation, styles, lang=lang, office=office, printed_on=printed_on, size=size
        )

    story = make(fitting_size(make, width, room))
    title = tr(lang, "緊急連絡網", "Emergency contact tree")
    subtitle = "　".join(
        part for part in (office.strip(), tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}")) if part
    )
    build_document(path, story, title=title, subtitle=subtitle, lang=lang, landscape=True)
