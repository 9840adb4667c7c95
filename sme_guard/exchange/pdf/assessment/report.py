"""自己点検報告書: a run's scores (overall and per item, as a bar chart beside the previous
run's), its open risks and the measures still to do with their owners and dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from sme_guard.domain.catalog import Catalog, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.exchange.pdf.assessment.common import (
    header_subtitle,
    item_heading,
    percent_text,
    reference_note,
    run_cells,
    run_name,
    status_text,
)
from sme_guard.exchange.pdf.blocks import (
    AssessmentStyles,
    bar_chart,
    info_block,
    joined_names,
    lines_table,
    make_assessment_styles,
    none_line,
    scaled_widths,
    section_heading,
    sign_off,
    splittable,
)
from sme_guard.exchange.pdf.layout import build_document, content_width, grid_table, para, tr
from sme_guard.services.assessments import (
    ItemScore,
    RunAnswers,
    RunInfo,
    Score,
    item_scores,
    open_risks,
    overall,
    unanswered_sheets,
)


def report_title(run: RunInfo, lang: str) -> str:
    return tr(lang, f"自己点検結果報告書: {run.name}", f"Self-assessment report: {run.name}")


def _counts_row(name: str, score: Score, look: AssessmentStyles) -> list[Paragraph]:
    center = look.base.cell_center
    return [
        para(name, look.rs.label),
        para(percent_text(score), ParagraphStyle("AsPct", parent=center, fontName=look.base.bold_font)),
        para(str(score.done), center),
        para(str(score.partial), center),
        para(str(score.not_done), center),
        para(str(score.not_applicable), center),
    ]


def _count_header(first: str, lang: str, look: AssessmentStyles) -> list[Paragraph]:
    header = [
        first,
        tr(lang, "実施率", "Score"),
        label(MeasureStatus.DONE, lang),
        label(MeasureStatus.PARTIAL, lang),
        label(MeasureStatus.NOT_DONE, lang),
        label(MeasureStatus.NOT_APPLICABLE, lang),
    ]
    return [para(h, look.base.cell_header) for h in header]


def _overall(
    scores: Sequence[ItemScore],
    previous: tuple[RunInfo, Sequence[ItemScore]] | None,
    look: AssessmentStyles,
    lang: str,
) -> list[Any]:
    baseline, reference = overall(scores)
    big = tr(
        lang, f"基本の管理策の実施率 {percent_text(baseline)}", f"Baseline score {percent_text(baseline)}"
    )
    if previous is not None:
        before = overall(previous[1])[0]
        if before.percent is not None and baseline.percent is not None:
            delta = baseline.percent - before.percent
            big += tr(
                lang,
                f"(前回 {percent_text(before)}、{delta:+.0f}pt)",
                f" (last time {percent_text(before)}, {delta:+.0f} pt)",
            )
    rows = [
        _count_header(tr(lang, "区分", "Measures"), lang, look),
        _counts_row(tr(lang, "基本の管理策", "Baseline"), baseline, look),
        _counts_row(tr(lang, "(参考)管理策", "(Reference) controls"), reference, look),
    ]
    if previous is not None:
        prev_run, prev_scores = previous
        rows.append(
            _counts_row(
                tr(
                    lang,
                    f"前回の基本の管理策({prev_run.held_on})",
                    f"Baseline last time ({prev_run.held_on})",
                ),
                overall(prev_scores)[0],
                look,
            )
        )
    table = grid_table(
        rows, scaled_widths((58, 26, 25.5, 25.5, 25.5, 25.5), content_width()), styles=look.base
    )
    explanation = tr(
        lang,
        "実施済=1、一部実施=0.5、未実施=0 として計算し、対象外は除いています(回答のない管理策は未実施)。"
        "(参考)管理策は大きな投資や運用の難しいもので、基本の管理策には含めず別に集計しています。",
        "Done counts 1, partly done 0.5, not done 0; not applicable is left out (a control not yet "
        "answered counts as not done). (Reference) controls need a large investment or are hard to "
        "run: they are scored apart, never against the baseline.",
    )
    return [para(big, look.big), table, Spacer(1, 1.5 * mm), para(explanation, look.note)]


def _items_section(
    scores: Sequence[ItemScore],
    previous: tuple[RunInfo, Sequence[ItemScore]] | None,
    run: RunInfo,
    look: AssessmentStyles,
    lang: str,
) -> list[Any]:
    before = {s.item.id: s for s in previous[1]} if previous else {}
    chart_rows = [
        (
            item_heading(s.item, lang),
            s.baseline.percent,
            before[s.item.id].baseline.percent if s.item.id in before else None,
        )
        for s in scores
    ]
    legend = None
    if previous is not None:
        legend = (
            tr(lang, f"前回: {run_name(previous[0], lang)}", f"Last time: {run_name(previous[0], lang)}"),
            tr(lang, f"今回: {run_name(run, lang)}", f"This time: {run_name(run, lang)}"),
        )
    chart = bar_chart(
        chart_rows, font=look.base.regular_font, lang=lang, width=content_width(), legend=legend
    )
    header = _count_header(tr(lang, "管理項目", "Control item"), lang, look)
    header.insert(2, para(tr(lang, "(参考)", "(Ref.)"), look.base.cell_header))
    widths = [70, 17, 17, 20.5, 20.5, 20.5, 20.5]
    if previous is not None:
        header.insert(2, para(tr(lang, "前回", "Last"), look.base.cell_header))
        widths = [62, 15, 15, 15, 19.75, 19.75, 19.75, 19.75]
    rows: list[list[Any]] = [header]
    for s in scores:
        row = _counts_row(item_heading(s.item, lang), s.baseline, look)
        row[0] = para(item_heading(s.item, lang), look.base.cell)
        row.insert(2, para(percent_text(s.reference), look.base.cell_center))
        if previous is not None:
            old = before.get(s.item.id)
            row.insert(2, para(percent_text(old.baseline) if old else "—", look.base.cell_center))
        rows.append(row)
    table = splittable(grid_table(rows, scaled_widths(widths, content_width()), styles=look.base))
    return [chart, Spacer(1, 3 * mm), table]


def _risks_section(catalog: Catalog, run: RunAnswers, look: AssessmentStyles, lang: str) -> list[Any]:
    risks = open_risks(catalog, run)
    unanswered = unanswered_sheets(catalog, run)
    # What was not answered is reported as unanswered: never an all-clear for it.
    missing = (
        [
            para(
                tr(
                    lang,
                    f"未回答の業務シートが {len(unanswered)} 件あります(全 {len(catalog.sheets)} 件中)。"
                    "未回答のシートのリスクは評価されていません: "
                    + "、".join(f"No.{sheet.number}" for sheet in unanswered),
                    f"{len(unanswered)} of {len(catalog.sheets)} task sheets are not answered yet; their "
                    "risks have not been assessed: "
                    + ", ".join(f"No.{sheet.number}" for sheet in unanswered),
                ),
                look.base.body,
            )
        ]
        if unanswered
        else []
    )
    if not risks:
        if unanswered:
            return missing
        return [
            para(
                tr(
                    lang,
                    "なし(該当する業務シートの対策はすべて実施済みです)",
                    "None (every task sheet that applies has its measures in place)",
                ),
                look.base.body,
            )
        ]
    cell, center = look.base.cell, look.base.cell_center

    def status(measures: Sequence[Any], code: str) -> Paragraph:
        if not measures:
            return para("—", center)
        text = status_text(code, lang)
        return para(text, look.rs.open if code != MeasureStatus.DONE.value else center)

    rows = [
        [
            para(str(risk.sheet.number), center),
            para(risk.sheet.title.get(lang), cell),
            para(
                joined_names([catalog.term_label("impacts", c, lang) for c in risk.sheet.impacts], lang), cell
            ),
            status(risk.sheet.technical_measures, risk.answer.technical_status),
            status(risk.sheet.human_measures, risk.answer.human_status),
            para(risk.answer.owner or "—", cell, limit=60),
            para(risk.answer.due_on.isoformat() if risk.answer.due_on else "—", center),
        ]
        for risk in risks
    ]
    header = [
        "No.",
        tr(lang, "業務シート", "Task sheet"),
        tr(lang, "影響", "Impact"),
        tr(lang, "技術的対策", "Technical"),
        tr(lang, "人的対策", "Human"),
        tr(lang, "担当", "Owner"),
        tr(lang, "期限", "Due"),
    ]
    lead = para(
        tr(
            lang,
            "現状のセキュリティレベルが自社に当てはまり(該当)、対策がまだ実施済みでない業務シート。影響の多い順です。",
            "Task sheets whose current security level applies to the office and whose measures are not "
            "all in place, most impacts first.",
        ),
        look.note,
    )
    return [*missing, lead, lines_table(header, rows, (10, 62, 34, 19, 19, 24, 18), look.rs)]


def _todo_section(catalog: Catalog, run: RunAnswers, look: AssessmentStyles, lang: str) -> list[Any]:
    open_lines = [
        (item, measure, run.measure(measure.id))
        for item, measure in catalog.measures()
        if run.measure(measure.id).status in (MeasureStatus.NOT_DONE.value, MeasureStatus.PARTIAL.value)
    ]
    if not open_lines:
        return [none_line(lang, look.rs)]
    open_lines.sort(
        key=lambda line: (
            line[2].due_on is None,
            line[2].due_on or date.min,
            line[1].reference,
            line[0].number,
            line[1].no,
        )
    )
    cell, center = look.base.cell, look.base.cell_center
    rows = []
    for item, measure, answer in open_lines:
        text = f"{item_heading(item, lang)} {circled(measure.no)}: {measure.text.get(lang)}"
        if measure.reference:
            text += reference_note(lang)
        rows.append(
            [
                para(text, cell),
                para(
                    status_text(answer.status, lang),
                    look.rs.open if answer.status == MeasureStatus.NOT_DONE.value else center,
                ),
                para(answer.owner or "—", cell, limit=60),
                para(answer.due_on.isoformat() if answer.due_on else "—", center),
            ]
        )
    header = [
        tr(lang, "管理策", "Control"),
        tr(lang, "状況", "Status"),
        tr(lang, "担当", "Owner"),
        tr(lang, "期限", "Due"),
    ]
    lead = para(
        tr(lang, "期限の近い順(期限のないものは最後)。", "Soonest due first (those without a date last)."),
        look.note,
    )
    return [lead, lines_table(header, rows, (110, 20, 34, 22), look.rs)]


def build_report(
    path: Path,
    catalog: Catalog,
    run: RunAnswers,
    previous: RunAnswers | None,
    *,
    lang: str,
    office: str,
    printed_on: date,
) -> None:
    """The assessment report of ``run`` (beside ``previous`` when given), A4 portrait."""
    look = make_assessment_styles()
    info = run.run
    scores = item_scores(catalog, run)
    before = (previous.run, item_scores(catalog, previous)) if previous is not None else None
    title = report_title(info, lang)
    cells = [
        *run_cells(info, lang, office),
        (
            tr(lang, "前回の点検", "Previous"),
            run_name(previous.run, lang) if previous else tr(lang, "なし", "none"),
        ),
        (tr(lang, "印刷日", "Printed"), printed_on.isoformat()),
    ]
    sections: list[tuple[str, list[Any]]] = [
        (tr(lang, "総合評価", "Overall"), _overall(scores, before, look, lang)),
        (
            tr(lang, "管理項目別の実施率", "Score per control item"),
            _items_section(scores, before, info, look, lang),
        ),
        (
            tr(lang, "残っているリスク(業務シート)", "Open risks (task sheets)"),
            _risks_section(catalog, run, look, lang),
        ),
        (
            tr(lang, "未実施・一部実施の管理策", "Controls not done or partly done"),
            _todo_section(catalog, run, look, lang),
        ),
    ]
    story: list[Any] = [para(title, look.base.title), info_block(cells, look.rs)]
    for number, (heading, flowables) in enumerate(sections, start=1):
        story += [*section_heading(f"{number}. {heading}", look.rs), *flowables]
    roles = [
        (tr(lang, "報告者", "Reported by"), tr(lang, "報告日", "Date")),
        (tr(lang, "承認者", "Approved by"), tr(lang, "承認日", "Date")),
    ]
    story += sign_off(roles, look.rs, lang, room=45 * mm)
    build_document(
        path, story, title=title, subtitle=header_subtitle(office, printed_on, lang, info), lang=lang
    )
