"""情報セキュリティ年次報告: one year on a few A4 pages for the management.

The same three charts as the home screen, drawn with reportlab graphics in the embedded font:
the baseline score per control item (the latest run beside the one before, the assessment
report's own chart), incidents per month and type, and the assets by status; around them a
summary of the year, the list of its incidents, and the drills and plan reviews.

The builder takes the plain data of ``services.overview`` and only lays it out; it never reads
the database. Every string a person typed (numbers, plan names, notes) is escaped on the way
into reportlab (``para``); chart labels are drawn as plain strings, never as markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether

from sme_guard.domain.codes import IncidentCategory, IncidentStatus, IncidentType, Severity, label
from sme_guard.exchange.pdf.assessment.common import run_name
from sme_guard.exchange.pdf.blocks import (
    FORM_PADDING,
    AssessmentStyles,
    alert_markup,
    bar_chart,
    info_block,
    label_columns,
    lines_table,
    make_assessment_styles,
    markup_para,
    minutes_text,
    none_line,
    scaled_widths,
    section_heading,
    sign_off,
    subsection_heading,
)
from sme_guard.exchange.pdf.layout import (
    GRID,
    INK,
    MUTED,
    build_document,
    content_width,
    escape_text,
    fit_text,
    grid_table,
    para,
    tr,
)
from sme_guard.services.overview import (
    INCIDENT_TYPE_COLOURS,
    IncidentLine,
    MonthSeries,
    ScoreSeries,
    StatusCounts,
    YearSummary,
)

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def report_title(year: int, lang: str) -> str:
    return tr(lang, f"情報セキュリティ年次報告 {year}年", f"Information security annual report {year}")


def _count(value: int, lang: str, unit_ja: str = "件") -> str:
    return tr(lang, f"{value}{unit_ja}", str(value))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _code_label(enum: Any, code: str, lang: str) -> str:
    try:
        return label(enum(code), lang)
    except ValueError:
        return code


# ---------------------------------------------------------------- charts


def _nice_step(top: int, ticks: int = 5) -> int:
    """A step of 1, 2, 5, 10, 20, 50, ... giving at most ``ticks`` gridlines up to ``top``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if top <= step * factor * ticks:
                return step * factor
        step *= 10


def _legend_rows(
    entries: Sequence[tuple[str, Any]], font: str, size: float, width: float
) -> list[list[tuple[str, Any, float]]]:
    """Legend entries (text, colour) flowed into rows that fit ``width``; each with its x."""
    rows: list[list[tuple[str, Any, float]]] = [[]]
    x = 0.0
    for text, colour in entries:
        text = fit_text(text, font, size, width - 14)
        needed = 11 + stringWidth(text, font, size) + 10
        if x and x + needed > width:
            rows.append([])
            x = 0.0
        rows[-1].append((text, colour, x))
        x += needed
    return rows if rows[0] else []


def month_chart(
    series: MonthSeries, *, font: str, lang: str, width: float, plot_height: float = 36 * mm
) -> Drawing:
    """Incidents per month as stacked bars, one colour per type, the month's total on top.

    The legend above names the types that occur in the period; the month labels say the
    year under the first month and under every January.
    """
    legend_size = 7.5
    legend_line = 12.0
    axis_width = 9 * mm
    label_height = 20.0
    legend = _legend_rows(
        [(label(kind, lang), colors.HexColor(INCIDENT_TYPE_COLOURS[kind])) for kind in series.used_types],
        font,
        legend_size,
        width - axis_width,
    )
    legend_height = legend_line * len(legend) + (4 if legend else 0)
    height = label_height + plot_height + 10 + legend_height
    drawing = Drawing(width, height)
    # Else the renderer starts in Helvetica, which the PDF would then name (unembedded).
    drawing.initialFontName = font
    drawing.initialFontSize = 8
    x0, y0 = axis_width, label_height
    plot_width = width - axis_width
    totals = series.totals
    top = max([*totals, 1])
    step = _nice_step(top)
    top = math.ceil(top / step) * step
    for tick in range(0, top + 1, step):
        y = y0 + plot_height * tick / top
        if tick:
            drawing.add(
                Line(x0, y, x0 + plot_width, y, strokeColor=GRID, strokeWidth=0.3, strokeDashArray=[1.5, 1.5])
            )
        drawing.add(
            String(x0 - 3, y - 2.5, str(tick), fontName=font, fontSize=7, fillColor=MUTED, textAnchor="end")
        )
    slot = plot_width / max(len(series.months), 1)
    bar = min(slot * 0.62, 12 * mm)
    for index, (year, month) in enumerate(series.months):
        x = x0 + slot * index + (slot - bar) / 2
        y = y0
        for kind in series.types:
            count = series.counts[kind][index]
            if not count:
                continue
            bar_height = plot_height * count / top
            drawing.add(
                Rect(
                    x,
                    y,
                    bar,
                    bar_height,
                    fillColor=colors.HexColor(INCIDENT_TYPE_COLOURS[kind]),
                    strokeColor=colors.white,
                    strokeWidth=0.4,
                )
            )
            y += bar_height
        centre = x + bar / 2
        if totals[index]:
            drawing.add(
                String(
                    centre,
                    y + 2,
                    str(totals[index]),
                    fontName=font,
                    fontSize=7.5,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
        name = f"{month}月" if lang != "en" else MONTHS_EN[month - 1]
        drawing.add(
            String(centre, y0 - 10, name, fontName=font, fontSize=7, fillColor=INK, textAnchor="middle")
        )
        if index == 0 or month == 1:
            drawing.add(
                String(
                    centre,
                    y0 - 19,
                    tr(lang, f"{year}年", str(year)),
                    fontName=font,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    drawing.add(Line(x0, y0, x0 + plot_width, y0, strokeColor=INK, strokeWidth=0.6))
    drawing.add(Line(x0, y0, x0, y0 + plot_height, strokeColor=INK, strokeWidth=0.6))
    if not series.total:
        drawing.add(
            String(
                x0 + plot_width / 2,
                y0 + plot_height / 2,
                tr(
                    lang,
                    "この期間の障害・事故の記録はありません",
                    "No incidents were recorded in this period",
                ),
                fontName=font,
                fontSize=8.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for row_index, row in enumerate(legend):
        y = height - legend_line * (row_index + 1) + 2
        for text, colour, x in row:
            drawing.add(Rect(x0 + x, y, 8, 7, fillColor=colour, strokeColor=None))
            drawing.add(String(x0 + x + 11, y + 1, text, fontName=font, fontSize=legend_size, fillColor=INK))
    return drawing


def asset_chart(
    assets: Sequence[StatusCounts], *, font: str, bold_font: str, lang: str, width: float
) -> Drawing:
    """One small bar chart per register, side by side: items per status, the count on top."""
    gap = 8 * mm
    panel = (width - gap * (len(assets) - 1)) / max(len(assets), 1)
    title_height = 16.0
    label_height = 14.0
    plot_height = 26 * mm
    height = label_height + plot_height + 12 + title_height
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = 8
    for number, counts in enumerate(assets):
        left = number * (panel + gap)
        title = tr(
            lang,
            f"{counts.title(lang)}(計 {counts.total}件)",
            f"{counts.title(lang)} ({counts.total} in all)",
        )
        drawing.add(
            String(
                left + panel / 2,
                height - 11,
                fit_text(title, bold_font, 8.5, panel),
                fontName=bold_font,
                fontSize=8.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        top = max([*counts.counts, 1])
        slot = panel / max(len(counts.codes), 1)
        bar = min(slot * 0.6, 11 * mm)
        labels = counts.labels(lang)
        for index, (code, count) in enumerate(zip(counts.codes, counts.counts, strict=True)):
            centre = left + slot * index + slot / 2
            bar_height = plot_height * count / top
            if count:
                drawing.add(
                    Rect(
                        centre - bar / 2,
                        label_height,
                        bar,
                        bar_height,
                        fillColor=colors.HexColor(counts.colour(code)),
                        strokeColor=None,
                    )
                )
            drawing.add(
                String(
                    centre,
                    label_height + bar_height + 2,
                    str(count),
                    fontName=font,
                    fontSize=7.5,
                    fillColor=INK if count else MUTED,
                    textAnchor="middle",
                )
            )
            drawing.add(
                String(
                    centre,
                    label_height - 10,
                    fit_text(labels[index], font, 7, slot - 1),
                    fontName=font,
                    fontSize=7,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
        drawing.add(Line(left, label_height, left + panel, label_height, strokeColor=INK, strokeWidth=0.6))
    return drawing


# ---------------------------------------------------------------- sections


def _summary_rows(summary: YearSummary, scores: ScoreSeries, lang: str) -> list[tuple[str, str]]:
    sep = tr(lang, "、", ", ")
    incidents = tr(
        lang,
        f"{len(summary.incidents)}件(完了 {summary.incidents_closed}件、未完了 {summary.incidents_open}件)",
        f"{len(summary.incidents)} ({summary.incidents_closed} closed, {summary.incidents_open} open)",
    )
    kinds = [
        f"{label(category, lang)} {_count(summary.by_category[category], lang)}"
        for category in IncidentCategory
    ]
    kinds.append(f"{label(IncidentType.OTHER, lang)} {_count(summary.by_type[IncidentType.OTHER], lang)}")
    actions = tr(
        lang,
        f"完了 {summary.actions_done}件、未完了 {summary.actions_open}件",
        f"{summary.actions_done} done, {summary.actions_open} open",
    )
    drills = tr(
        lang,
        f"{len(summary.drills)}回(目標復旧時間の超過 {summary.drills_over_objective}回)",
        f"{len(summary.drills)} (over the recovery time objective: {summary.drills_over_objective})",
    )
    reviews = tr(lang, f"{len(summary.reviews)}回", str(len(summary.reviews)))
    stocktakes = sep.join(
        tr(
            lang,
            f"{s.title(lang)} {s.finished}回" + (f"(所在不明 {s.missing}件)" if s.missing else ""),
            f"{s.title(lang)} {s.finished}" + (f" ({s.missing} missing)" if s.missing else ""),
        )
        for s in summary.stocktakes
    )
    runs = sep.join(
        tr(
            lang,
            f"{run_name(a.run, lang)} 基本の管理策の実施率 {_pct(a.baseline_percent)}",
            f"{run_name(a.run, lang)}: baseline {_pct(a.baseline_percent)}",
        )
        for a in summary.assessments
    )
    latest, previous = scores.latest, scores.previous
    held = {a.run.id for a in summary.assessments}
    if latest is not None and latest.id not in held:
        # None this year: the latest one before it, for reference.
        runs = tr(
            lang,
            f"この年の実施なし(最新: {run_name(latest, lang)} {_pct(scores.latest_overall)})",
            f"none this year (latest: {run_name(latest, lang)}: {_pct(scores.latest_overall)})",
        )
    elif latest is None:
        runs = tr(lang, "実施なし", "none")
    if previous is not None and previous.id not in held:
        runs += tr(
            lang,
            f"(前回 {run_name(previous, lang)} {_pct(scores.previous_overall)})",
            f" (the run before: {run_name(previous, lang)}: {_pct(scores.previous_overall)})",
        )
    assets = sep.join(
        tr(
            lang,
            f"{a.title(lang)} {a.total}件" + (f"(うち紛失 {a.count('lost')}件)" if a.count("lost") else ""),
            f"{a.title(lang)} {a.total}" + (f" ({a.count('lost')} lost)" if a.count("lost") else ""),
        )
        for a in summary.assets
    )
    rows = [
        (tr(lang, "障害・事故", "Incidents"), incidents),
        (tr(lang, "種類別", "By kind"), sep.join(kinds)),
        (tr(lang, "再発防止策(この年の障害・事故)", "Prevention actions (this year's incidents)"), actions),
        (tr(lang, "IT継続訓練", "Continuity drills"), drills),
        (tr(lang, "IT継続計画の見直し", "Continuity plan reviews"), reviews),
        (tr(lang, "棚卸(終了したもの)", "Stock-takes finished"), stocktakes),
        (tr(lang, "自己点検", "Self-assessments"), runs),
        (tr(lang, "資産(印刷日現在)", "Assets (as printed)"), assets),
    ]
    return rows


def _summary(summary: YearSummary, scores: ScoreSeries, look: AssessmentStyles, lang: str) -> list[Any]:
    rs = look.rs
    table = grid_table(
        [
            [para(name, rs.label), para(value, rs.value)]
            for name, value in _summary_rows(summary, scores, lang)
        ],
        scaled_widths((52, 134), content_width()),
        styles=rs.base,
        header_rows=0,
        zebra=False,
        extra=[
            *label_columns(0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *FORM_PADDING,
        ],
    )
    return [table]


def _scores_section(scores: ScoreSeries, year: int, look: AssessmentStyles, lang: str) -> list[Any]:
    if scores.latest is None:
        none = tr(
            lang,
            f"{year}年までの自己点検の記録がありません。",
            f"No self-assessment was held by the end of {year}.",
        )
        return [para(none, look.base.body)]
    rows = [
        (item.label(lang), now, before)
        for item, now, before in zip(
            scores.items, scores.latest_percent, scores.previous_percent, strict=True
        )
    ]
    legend = None
    if scores.previous is not None:
        legend = (
            tr(
                lang,
                f"前回: {run_name(scores.previous, lang)}",
                f"Last time: {run_name(scores.previous, lang)}",
            ),
            tr(
                lang,
                f"今回: {run_name(scores.latest, lang)}",
                f"This time: {run_name(scores.latest, lang)}",
            ),
        )
    lead = tr(
        lang,
        f"{run_name(scores.latest, lang)}の基本の管理策の実施率(実施済=1、一部実施=0.5、対象外は除く)。",
        f"Baseline score of {run_name(scores.latest, lang)} (done 1, partly done 0.5, not applicable left out).",
    )
    chart = bar_chart(rows, font=look.base.regular_font, lang=lang, width=content_width(), legend=legend)
    return [para(lead, look.note), chart]


def _months_section(series: MonthSeries, look: AssessmentStyles, lang: str) -> list[Any]:
    chart = month_chart(series, font=look.base.regular_font, lang=lang, width=content_width())
    lead = tr(
        lang,
        f"発生日時で数えた月ごとの件数(合計 {series.total}件)。",
        f"Incidents per month by when they occurred ({series.total} in all).",
    )
    return [para(lead, look.note), chart]


def _assets_section(
    assets: Sequence[StatusCounts], printed_on: date, look: AssessmentStyles, lang: str
) -> list[Any]:
    chart = asset_chart(
        assets, font=look.base.regular_font, bold_font=look.base.bold_font, lang=lang, width=content_width()
    )
    lead = tr(
        lang,
        f"{printed_on} 現在の台帳の件数(記録の数。記憶媒体の数量ではありません)。",
        f"Records in the registers on {printed_on} (records, not the media's quantity).",
    )
    return [para(lead, look.note), chart]


def _incident_rows(lines: Sequence[IncidentLine], look: AssessmentStyles, lang: str) -> list[list[Any]]:
    cell, center = look.base.cell, look.base.cell_center
    rows = []
    for line in lines:
        status = _code_label(IncidentStatus, line.status, lang)
        rows.append(
            [
                para(line.number, center, limit=30),
                para(line.occurred_at.strftime("%Y-%m-%d") if line.occurred_at else "—", center),
                para(_code_label(IncidentType, line.incident_type, lang), cell),
                para(_code_label(Severity, line.severity, lang), center),
                para(status, center) if line.closed else para(status, look.rs.open),
                para(line.closed_on.isoformat() if line.closed_on else "—", center),
            ]
        )
    return rows


def _incidents_section(summary: YearSummary, look: AssessmentStyles, lang: str) -> list[Any]:
    if not summary.incidents:
        return [none_line(lang, look.rs)]
    header = [
        tr(lang, "番号", "No."),
        tr(lang, "発生日", "Occurred"),
        tr(lang, "種類", "Type"),
        tr(lang, "重大度", "Severity"),
        tr(lang, "状態", "Status"),
        tr(lang, "完了日", "Closed on"),
    ]
    rows = _incident_rows(summary.incidents, look, lang)
    return [lines_table(header, rows, (22, 24, 50, 18, 46, 26), look.rs)]


def _continuity_section(summary: YearSummary, look: AssessmentStyles, lang: str) -> list[Any]:
    rs = look.rs
    cell, center = rs.base.cell, rs.base.cell_center
    flowables: list[Any] = [*subsection_heading(tr(lang, "訓練", "Drills"), rs)]
    if summary.drills:
        rows = []
        for drill in summary.drills:
            achieved = minutes_text(drill.minutes_achieved, lang) or "—"
            objective = minutes_text(drill.objective_minutes, lang) or "—"
            text = f"{achieved} / {objective}"
            markup = escape_text(text)
            if drill.over_objective:
                markup += "<br/>" + alert_markup(tr(lang, "【目標超過】", "[Over objective]"))
            rows.append(
                [
                    para(drill.held_on.isoformat(), center),
                    para(drill.plan, cell, limit=80),
                    para(drill.scenario or "—", cell, limit=120),
                    markup_para(markup, text, center),
                ]
            )
        header = [
            tr(lang, "実施日", "Date"),
            tr(lang, "IT継続計画", "Continuity plan"),
            tr(lang, "想定した障害", "Scenario"),
            tr(lang, "復旧時間\n(実績 / 目標)", "Time taken\n(actual/objective)"),
        ]
        flowables.append(lines_table(header, rows, (24, 58, 66, 38), rs))
    else:
        flowables.append(none_line(lang, rs))
    flowables += subsection_heading(tr(lang, "計画の見直し", "Plan reviews"), rs)
    if summary.reviews:
        rows = []
        for review in summary.reviews:
            prompted = tr(lang, "訓練を受けた変更", "Change after a drill") if review.after_drill else "—"
            rows.append(
                [
                    para(review.reviewed_on.isoformat(), center),
                    para(review.plan, cell, limit=80),
                    para(review.note or "—", cell),
                    para(prompted, center),
                ]
            )
        header = [
            tr(lang, "見直し日", "Reviewed on"),
            tr(lang, "IT継続計画", "Continuity plan"),
            tr(lang, "内容", "What was reviewed or changed"),
            tr(lang, "きっかけ", "Prompted by"),
        ]
        flowables.append(lines_table(header, rows, (24, 50, 78, 34), rs))
    else:
        flowables.append(none_line(lang, rs))
    return flowables


# ---------------------------------------------------------------- the document


def build_annual_report(
    path: Path,
    summary: YearSummary,
    scores: ScoreSeries,
    incidents: MonthSeries,
    assets: Sequence[StatusCounts],
    *,
    year: int,
    lang: str,
    office: str,
    printed_on: date,
) -> None:
    """The annual report of ``year`` (A4 portrait): summary, three charts, the year's incidents,
    drills and reviews, and lines to sign."""
    look = make_assessment_styles()
    title = report_title(year, lang)
    period = tr(lang, f"{year}-01-01 〜 {year}-12-31", f"{year}-01-01 to {year}-12-31")
    cells = [
        (tr(lang, "事業所", "Office"), office.strip()),
        (tr(lang, "対象期間", "Period"), period),
        (tr(lang, "印刷日", "Printed"), printed_on.isoformat()),
        (
            tr(lang, "最新の自己点検", "Latest self-assessment"),
            run_name(scores.latest, lang) if scores.latest else tr(lang, "なし", "none"),
        ),
    ]
    # (heading, flowables, whether the heading and all its flowables stay on one page: a chart)
    sections: list[tuple[str, list[Any], bool]] = [
        (tr(lang, "1年のまとめ", "The year at a glance"), _summary(summary, scores, look, lang), False),
        (
            tr(lang, "管理項目別の実施率(前回との比較)", "Score per control item (beside the last run)"),
            _scores_section(scores, year, look, lang),
            True,
        ),
        (
            tr(lang, "月別・種類別の障害・事故件数", "Incidents per month and type"),
            _months_section(incidents, look, lang),
            True,
        ),
        (tr(lang, "資産の状態", "Assets by status"), _assets_section(assets, printed_on, look, lang), True),
        (
            tr(lang, "障害・事故の一覧", "Incidents of the year"),
            _incidents_section(summary, look, lang),
            False,
        ),
        (
            tr(lang, "IT継続計画の訓練と見直し", "Continuity drills and plan reviews"),
            _continuity_section(summary, look, lang),
            False,
        ),
    ]
    story: list[Any] = [para(title, look.base.title), info_block(cells, look.rs)]
    for number, (heading, flowables, keep) in enumerate(sections, start=1):
        if keep:
            story += [KeepTogether([para(f"{number}. {heading}", look.rs.section), *flowables])]
        else:
            story += [*section_heading(f"{number}. {heading}", look.rs), *flowables]
    roles = [
        (tr(lang, "報告者", "Reported by"), tr(lang, "報告日", "Date")),
        (tr(lang, "承認者", "Approved by"), tr(lang, "承認日", "Date")),
    ]
    story += sign_off(roles, look.rs, lang, room=45 * mm)
    printed = tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}")
    subtitle = "　".join(part for part in (office.strip(), printed) if part)
    build_document(path, story, title=title, subtitle=subtitle, lang=lang)
