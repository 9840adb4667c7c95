"""IT継続計画書 (control 4): one plan on paper, to follow when the system is down.

The builder takes plain data (``services.continuity.PlanDetail`` and the contact tree's
``ContactLine`` list) and only lays it out; it never reads the database. Every string a person
typed is escaped on the way into reportlab (``para``), so ``<b>&`` prints as typed.

The sections follow the guideline: what the outage touches and how quickly it must be back
(4①), the protection measures (4①), the recovery steps as a checklist to tick and time by
hand, the disaster scenarios (4③, marked (参考) as the guideline marks them), the contact
tree when the plan relies on it, the drills (4 運用①) and the reviews (4②).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from sme_guard.domain.registers import PLANS
from sme_guard.exchange.pdf.blocks import (
    FORM_PADDING,
    TICKED,
    UNTICKED,
    ReportStyles,
    alert_markup,
    field_value,
    fields_table,
    joined_names,
    label_columns,
    lines_table,
    markup_para,
    minutes_text,
    none_line,
    scaled_widths,
    section_heading,
    splittable,
    warning_box,
)
from sme_guard.exchange.pdf.layout import (
    WARNING,
    CheckBox,
    build_document,
    content_width,
    escape_text,
    grid_table,
    make_styles,
    para,
    signature_block,
    tr,
)
from sme_guard.services.continuity import DrillLine, PlanDetail
from sme_guard.services.incidents import ContactLine
from sme_guard.services.values import format_decimal

# Column widths in mm on A4 portrait (186 mm between the margins).
_STEP_WIDTHS = (8, 9, 27, 60, 26, 14, 20, 22)
_HANDWRITING_ROW = 8 * mm  # room to write a time and a name in a step's row


def plan_title(name: str, lang: str) -> str:
    return tr(lang, f"IT継続計画書: {name}", f"IT continuity plan: {name}")


def _field(key: str, lang: str) -> str:
    return PLANS.column(key).label(lang)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _hours(value: Any) -> str:
    """Hours as people write them: 4.0 as "4", 0.5 as "0.5"."""
    if value is None:
        return ""
    return format_decimal(value) if isinstance(value, int | float) else str(value)


def _warning_box(text: str, rs: ReportStyles) -> Table:
    style = ParagraphStyle(
        "PlanWarning", parent=rs.value, fontName=rs.base.bold_font, textColor=WARNING, leading=13
    )
    return warning_box(text, style, rs.base.regular_font)


# ---------------------------------------------------------------- the heading block


def _overdue_mark(lang: str) -> str:
    return tr(lang, "【見直し期限切れ】", "[Review overdue]")


def _header_block(detail: PlanDetail, rs: ReportStyles, lang: str, office: str, printed_on: date) -> Table:
    values = detail.values
    last = values.get("last_reviewed_on")
    last_text = _day(last) if isinstance(last, date) else str(last or "")
    interval = values.get("review_interval_days")
    next_text = _day(detail.next_review_on) or tr(lang, "今すぐ", "now")  # never reviewed: due now
    next_cell: Any = para(next_text, rs.value)
    if detail.review_due:
        mark = alert_markup(_overdue_mark(lang).replace(" ", "\u00a0"))  # kept on one line
        next_cell = markup_para(f"{escape_text(next_text)}&nbsp;&nbsp;{mark}", next_text, rs.value)
    cells: list[tuple[str, Any, str, Any]] = [
        (
            _field("owner_id", lang),
            para(detail.owner or "—", rs.value),
            tr(lang, "事業所", "Office"),
            para(office.strip() or "—", rs.value),
        ),
        (
            _field("last_reviewed_on", lang),
            para(last_text or tr(lang, "未実施", "never"), rs.value),
            tr(lang, "次回見直し期限", "Next review due"),
            next_cell,
        ),
        (
            _field("review_interval_days", lang),
            para(tr(lang, f"{interval}日", f"{interval} days"), rs.value),
            tr(lang, "印刷日", "Printed"),
            para(printed_on.isoformat(), rs.value),
        ),
    ]
    rows = [[para(a, rs.label), b, para(c, rs.label), d] for a, b, c, d in cells]
    return grid_table(
        rows,
        scaled_widths((36, 57, 36, 57), content_width()),
        styles=rs.base,
        header_rows=0,
        zebra=False,
        extra=[*label_columns(0, 2), *FORM_PADDING],
    )


def _review_warning(detail: PlanDetail, lang: str) -> str | None:
    if not detail.review_due:
        return None
    if detail.next_review_on is None or detail.values.get("last_reviewed_on") is None:
        return tr(
            lang,
            "※ この計画はまだ一度も見直されていません。保護対策と対応・復旧計画が有効か確認し、見直してください(管理策4②)。",
            "This plan has never been reviewed. Check that its protection and recovery plan still "
            "work, and review it (control 4②).",
        )
    due = detail.next_review_on.isoformat()
    return tr(
        lang,
        f"※ 見直し期限切れ: 見直し期限({due})を過ぎています。保護対策と対応・復旧計画が有効か確認し、見直してください(管理策4②)。",
        f"Review overdue: the review was due on {due}. Check that the protection and recovery plan "
        "still work, and review it (control 4②).",
    )


# ---------------------------------------------------------------- the sections


def _overview(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    values = detail.values

    def plans(pairs: Sequence[tuple[int, str]]) -> Paragraph:
        if not pairs:
            return para(tr(lang, "なし", "None"), rs.value)
        return para(joined_names([name for _id, name in pairs], lang), rs.value)

    def hours(key: str) -> Paragraph:
        text = _hours(values.get(key))
        return para(text, rs.value) if text else field_value("", rs, lang)

    uses_tree = bool(values.get("depends_on_contact_tree"))
    rows: list[tuple[str, Any]] = [
        (_field("business_impact", lang), field_value(values.get("business_impact") or "", rs, lang)),
        (_field("damage_and_risk", lang), field_value(values.get("damage_and_risk") or "", rs, lang)),
        (_field("rto_hours", lang), hours("rto_hours")),
        (_field("rpo_hours", lang), hours("rpo_hours")),
        (tr(lang, "先に復旧が必要な計画", "Must be back first"), plans(detail.depends_on)),
        (tr(lang, "この計画の復旧を待つ計画", "Waiting for this plan"), plans(detail.needed_by)),
        (
            _field("depends_on_contact_tree", lang),
            para(tr(lang, "はい", "Yes") if uses_tree else tr(lang, "いいえ", "No"), rs.value),
        ),
    ]
    if (values.get("notes") or "").strip():
        rows.append((_field("notes", lang), field_value(values["notes"], rs, lang)))
    return [fields_table(rows, rs)]


def _protections(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    if not detail.protections:
        return [none_line(lang, rs)]
    rows = []
    for line in detail.protections:
        title = line.title(lang)
        box = TICKED if line.in_place else UNTICKED
        measure = f"{box}&nbsp;{escape_text(title)}"
        rows.append(
            [
                markup_para(f"<b>{measure}</b>" if line.in_place else measure, title, rs.value),
                para(tr(lang, "実施済み", "In place"), rs.base.cell_center)
                if line.in_place
                else para(tr(lang, "未実施", "Not in place"), rs.open),
                para(line.note or "—", rs.base.cell),
            ]
        )
    header = [tr(lang, "保護対策", "Measure"), tr(lang, "状況", "Status"), tr(lang, "メモ", "Note")]
    return [lines_table(header, rows, (60, 24, 102), rs)]


def _steps_total(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    total, objective = detail.steps_minutes, detail.objective_minutes
    rto = _hours(detail.values.get("rto_hours"))
    if total is None:
        total_text = tr(lang, "—(所要時間が未記入の手順があります)", "— (some steps have no planned time)")
    else:
        total_text = minutes_text(total, lang)
    if objective is None:
        objective_text = tr(lang, "未設定", "not set")
    else:
        objective_text = tr(lang, f"{objective}分({rto}時間)", f"{objective} min ({rto} h)")
    parts = [
        tr(lang, f"予定時間の合計: {total_text}", f"Planned time in total: {total_text}"),
        tr(lang, f"目標復旧時間: {objective_text}", f"Recovery time objective: {objective_text}"),
    ]
    style = ParagraphStyle("PlanTotal", parent=rs.value, fontName=rs.base.bold_font, spaceBefore=2 * mm)
    markup = ("&nbsp;" * 6).join(escape_text(part) for part in parts)
    flowables: list[Any] = [markup_para(markup, "".join(parts), style)]
    if total is not None and objective is not None and total > objective:
        flowables += [
            Spacer(1, 1.5 * mm),
            _warning_box(
                tr(
                    lang,
                    f"※ 手順の予定時間の合計({total}分)が目標復旧時間({objective}分)を超えています。手順か目標を見直してください。",
                    f"The steps take {total} min in total, longer than the recovery time objective "
                    f"({objective} min). Review the steps or the objective.",
                ),
                rs,
            ),
        ]
    return flowables


def _steps(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    if not detail.steps:
        return [none_line(lang, rs)]
    cell, center = rs.base.cell, rs.base.cell_center
    header = [
        tr(lang, "済", "✓"),
        "No.",
        tr(lang, "担当", "Who"),
        tr(lang, "作業内容", "What to do"),
        tr(lang, "場所", "Where"),
        tr(lang, "予定(分)", "Planned (min)"),
        tr(lang, "完了時刻", "Done at"),
        tr(lang, "実施者", "Done by"),
    ]
    rows: list[list[Any]] = [[para(h, rs.base.cell_header) for h in header]]
    for number, step in enumerate(detail.steps, start=1):
        step_minutes = "" if step.duration_minutes is None else str(step.duration_minutes)
        rows.append(
            [
                CheckBox(min_height=_HANDWRITING_ROW - 5),
                para(str(number), center),
                para(step.who or "—", cell),
                para(step.what, cell),
                para(step.location or "—", cell),
                para(step_minutes or "—", center),
                "",
                "",
            ]
        )
    table = grid_table(
        rows,
        scaled_widths(_STEP_WIDTHS, content_width()),
        styles=rs.base,
        extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE")],
    )
    instruction = tr(
        lang,
        "上から順に実施し、終わった手順は「済」の□に✓を付けて、完了時刻と実施者を記入してください。",
        'Work down the list. When a step is done, tick its box and write the time under "Done at" '
        'and your name under "Done by".',
    )
    return [
        para(instruction, rs.base.small),
        Spacer(1, 1 * mm),
        splittable(table),
        *_steps_total(detail, rs, lang),
        signature_block(
            [
                (tr(lang, "復旧開始", "Started"), tr(lang, "月　　日　　時　　分", "")),
                (tr(lang, "復旧完了", "Recovered"), tr(lang, "月　　日　　時　　分", "")),
            ],
            styles=rs.base,
            width=content_width(),
        ),
    ]


def _scenarios(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    if not detail.scenarios:
        return [none_line(lang, rs)]
    rows = [
        [para(line.title(lang), rs.label), field_value(line.response or "", rs, lang)]
        for line in detail.scenarios
    ]
    header = [tr(lang, "災害", "Disaster"), tr(lang, "対応", "Response")]
    return [lines_table(header, rows, (40, 146), rs)]


def _contact_tree(contacts: Sequence[ContactLine], rs: ReportStyles, lang: str) -> list[Any]:
    lead = para(
        tr(
            lang,
            "上から順に連絡してください。つながらないときは「不在時の代理」へ、それでもつながらなければ次の人へ。",
            "Call the people below in order, from the top. If someone cannot be reached, call their "
            "alternate; then go on to the next person.",
        ),
        rs.base.small,
    )
    if not contacts:
        return [
            lead,
            para(tr(lang, "連絡網が登録されていません。", "No one is on the contact tree yet."), rs.value),
        ]
    cell, center, strong = rs.base.cell, rs.base.cell_center, rs.label
    rows = [
        [
            para(str(line.position), center),
            para(line.role, cell, limit=60),
            para(line.person or "—", strong, limit=60),
            para(line.alternate or "—", cell, limit=60),
            para(line.phone or "—", strong, limit=60),
        ]
        for line in contacts
    ]
    header = [
        tr(lang, "順番", "Order"),
        tr(lang, "役割", "Role"),
        tr(lang, "氏名", "Name"),
        tr(lang, "不在時の代理", "Alternate"),
        tr(lang, "電話", "Phone"),
    ]
    return [lead, Spacer(1, 1 * mm), lines_table(header, rows, (13, 50, 41, 41, 41), rs)]


def _drill_minutes(drill: DrillLine, rs: ReportStyles, lang: str) -> Paragraph:
    achieved = minutes_text(drill.minutes_achieved, lang) or "—"
    objective = minutes_text(drill.objective_minutes, lang) or "—"
    text = f"{achieved} / {objective}"
    markup = escape_text(text)
    if drill.over_objective:
        markup += "<br/>" + alert_markup(tr(lang, "【目標超過】", "[Over objective]"))
    return markup_para(markup, text, rs.base.cell_center)


def _drill_findings(drill: DrillLine, rs: ReportStyles, lang: str) -> Paragraph:
    parts = [
        (tr(lang, "実施した手順", "Steps exercised"), drill.steps_exercised),
        (tr(lang, "結果", "Result"), drill.result),
        (tr(lang, "所見", "Findings"), drill.findings),
    ]
    colon = tr(lang, ": ", ": ")
    shown = [(label, text) for label, text in parts if text and text.strip()]
    if not shown:
        return para("—", rs.base.cell)
    markup = "<br/>".join(f"<b>{escape_text(label)}</b>{colon}{escape_text(text)}" for label, text in shown)
    return markup_para(markup, "".join(label + text for label, text in shown), rs.base.cell)


def _drills(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    if not detail.drills:
        return [none_line(lang, rs)]
    cell, center = rs.base.cell, rs.base.cell_center
    rows = []
    for drill in detail.drills:
        if drill.plan_changed:
            change = tr(lang, f"変更あり: {drill.change_note or ''}", f"Changed: {drill.change_note or ''}")
        else:
            change = tr(lang, "変更なし", "No change")
        rows.append(
            [
                para(drill.held_on.isoformat(), center),
                para(drill.scenario or "—", cell),
                para(joined_names(drill.participants, lang) or "—", cell),
                _drill_minutes(drill, rs, lang),
                _drill_findings(drill, rs, lang),
                para(change, cell),
            ]
        )
    header = [
        tr(lang, "実施日", "Date"),
        tr(lang, "想定した障害", "Scenario"),
        tr(lang, "参加者", "Participants"),
        tr(lang, "復旧時間\n(実績 / 目標)", "Time taken\n(actual/objective)"),
        tr(lang, "実施内容・結果・所見", "What was done and found"),
        tr(lang, "計画の変更", "Plan changed"),
    ]
    return [lines_table(header, rows, (19, 25, 26, 30, 51, 35), rs)]


def _reviews(detail: PlanDetail, rs: ReportStyles, lang: str) -> list[Any]:
    if not detail.reviews:
        return [none_line(lang, rs)]
    rows = []
    for review in detail.reviews:
        if review.after_drill_on is not None:
            held = review.after_drill_on.isoformat()
            marker: Any = para(
                tr(lang, f"訓練を受けて変更({held}の訓練)", f"Changed after the drill of {held}"),
                rs.label,
            )
        else:
            marker = para("—", rs.base.cell_center)
        rows.append(
            [
                para(review.reviewed_on.isoformat(), rs.base.cell_center),
                para(review.note or "—", rs.base.cell),
                marker,
            ]
        )
    header = [
        tr(lang, "見直し日", "Reviewed on"),
        tr(lang, "内容", "What was reviewed or changed"),
        tr(lang, "きっかけ", "Prompted by"),
    ]
    return [lines_table(header, rows, (22, 106, 58), rs)]


# ---------------------------------------------------------------- the document


def build_plan(
    path: Path,
    detail: PlanDetail,
    *,
    contacts: Sequence[ContactLine],
    lang: str,
    printed_on: date,
    office: str,
) -> None:
    """The IT継続計画書 of one plan (A4 portrait; it runs onto as many pages as needed).

    ``contacts`` is the contact tree, printed only when the plan says it relies on it
    (``depends_on_contact_tree``).
    """
    rs = ReportStyles(make_styles())
    title = plan_title(detail.name, lang)
    sections: list[tuple[str, list[Any]]] = [
        (tr(lang, "概要 (管理策4①)", "Overview (control 4①)"), _overview(detail, rs, lang)),
        (tr(lang, "保護対策 (管理策4①)", "Protection measures (control 4①)"), _protections(detail, rs, lang)),
        (tr(lang, "復旧手順", "Recovery steps"), _steps(detail, rs, lang)),
        (
            tr(lang, "災害シナリオ(参考) (管理策4③)", "Disaster scenarios (reference) (control 4③)"),
            _scenarios(detail, rs, lang),
        ),
    ]
    if detail.values.get("depends_on_contact_tree"):
        sections.append((tr(lang, "緊急連絡網", "Emergency contact tree"), _contact_tree(contacts, rs, lang)))
    sections += [
        (tr(lang, "訓練の記録 (管理策4 運用①)", "Drills (control 4, point ①)"), _drills(detail, rs, lang)),
        (tr(lang, "見直し履歴 (管理策4②)", "Reviews (control 4②)"), _reviews(detail, rs, lang)),
    ]
    story: list[Any] = [para(title, rs.base.title), _header_block(detail, rs, lang, office, printed_on)]
    warning = _review_warning(detail, lang)
    if warning:
        story += [Spacer(1, 2 * mm), _warning_box(warning, rs)]
    for number, (heading, flowables) in enumerate(sections, start=1):
        story += [*section_heading(f"{number}. {heading}", rs), *flowables]
    printed = tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}")
    subtitle = "　".join(part for part in (office.strip(), printed) if part)
    build_document(path, story, title=title, subtitle=subtitle, lang=lang)
