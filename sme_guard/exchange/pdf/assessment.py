"""自己点検の印刷物: the training checklist, the assessment report and the task sheets.

- :func:`build_checklist`: the chosen control items and task sheets, each measure a line with
  a box to tick (a blank □ for staff to fill, or one filled from a run: filled 実施済, half
  filled 一部実施 (as ◩), empty 未実施, 対象外 written out), ending with name, date and
  signature lines;
- :func:`build_report`: a run's scores (overall and per item, as a bar chart beside the
  previous run's), its open risks and the measures still to do with their owners and dates;
- :func:`build_task_sheets`: one task sheet per page in the legend's layout (0.凡例), every
  legend term printed with the sheet's own ones ticked, for a training session.

The builders take plain data (the catalog and ``services.assessments.RunAnswers``) and only lay
it out; they never read the database. Every string a person typed (evidence, names, notes) is
escaped on the way into reportlab, so ``<b>&`` prints as typed.

Speed: the checklist of the whole bundled catalog must render within a second
(``benchmarks/checklist.py``). It is one table of plain paragraphs per item and sheet; a blank
box is the font's □ glyph (so the text reads "□ ① …"), a filled one a tiny drawn flowable (the
font has ■ □ but no half-filled box).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from sme_guard.domain.catalog import Catalog, ControlItem, Measure, TaskSheet, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.exchange.pdf.blocks import (
    TICKED,
    UNTICKED,
    AssessmentStyles,
    bar_chart,
    info_block,
    joined_names,
    label_columns,
    lines_table,
    make_assessment_styles,
    markup_para,
    none_line,
    scaled_widths,
    section_heading,
    splittable,
    story_height,
)
from sme_guard.exchange.pdf.layout import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    ZEBRA_FILL,
    Styles,
    build_document,
    clip,
    content_width,
    escape_text,
    grid_table,
    has_cjk,
    latin,
    make_styles,
    para,
    signature_block,
    tr,
)
from sme_guard.services.assessments import (
    ItemScore,
    MeasureAnswer,
    RunAnswers,
    RunInfo,
    Score,
    SheetAnswer,
    item_scores,
    open_risks,
    overall,
    unanswered_sheets,
)

# The statuses a box can show (対象外 is written out instead of a box).
BOX_STATUSES = (MeasureStatus.DONE, MeasureStatus.PARTIAL, MeasureStatus.NOT_DONE)
# Checklist columns in mm: the box, the measure, the room to write (or the answer).
_CHECK_WIDTHS = (11, 113, 62)
# A heading and a table up to this tall are kept on one page.
_KEEP_HEIGHT = 110 * mm


def _status(code: str, lang: str) -> str:
    try:
        return label(MeasureStatus(code), lang)
    except ValueError:
        return code


def _percent(score: Score) -> str:
    value = score.percent
    return "—" if value is None else f"{value:.0f}%"


def _reference_note(lang: str) -> str:
    return tr(lang, "(参考)", " (reference)")


def _item_heading(item: ControlItem, lang: str) -> str:
    return f"{item.number}. {item.title.get(lang)}"


def _sheet_heading(sheet: TaskSheet, lang: str) -> str:
    return f"No.{sheet.number} {sheet.title.get(lang)}"


def _subtitle(office: str, printed_on: date, lang: str, run: RunInfo | None = None) -> str:
    """The header's right side: the office and the run's date (or, for no run, the print date)."""
    if run is not None:
        when = tr(lang, f"点検日 {run.held_on}", f"Assessed {run.held_on}")
    else:
        when = tr(lang, f"印刷日 {printed_on}", f"Printed {printed_on}")
    return "　".join(part for part in (office.strip(), when) if part)


class StatusBox(Flowable):
    """A box showing a status, centred in its cell: filled (実施済), half filled corner to corner
    (一部実施, as ◩), empty (未実施). Drawn, because the font has ■ □ but no half-filled box."""

    def __init__(self, status: str, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.status = status
        self.size = size
        self._avail_width = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail_width = max(avail_width, self.size)
        return self._avail_width, self.size

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        x = (self._avail_width - size) / 2
        canvas.setLineWidth(0.8)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        if self.status == MeasureStatus.PARTIAL.value:
            path = canvas.beginPath()
            path.moveTo(x, 0)
            path.lineTo(x, size)
            path.lineTo(x + size, size)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
        filled = self.status == MeasureStatus.DONE.value
        canvas.rect(x, 0, size, size, stroke=1, fill=1 if filled else 0)


def _run_cells(run: RunInfo, lang: str, office: str) -> list[tuple[str, str]]:
    return [
        (tr(lang, "点検名", "Assessment"), run.name),
        (tr(lang, "点検日", "Date"), run.held_on.isoformat()),
        (tr(lang, "点検者", "Assessor"), run.assessor or ""),
        (tr(lang, "事業所", "Office"), office.strip()),
    ]


# ---------------------------------------------------------------- the checklist


def _mark_cell(status: str, look: AssessmentStyles, lang: str) -> Any:
    if status == MeasureStatus.NOT_APPLICABLE.value:
        return para(tr(lang, _status(status, lang), "N/A"), look.mark_small)
    return StatusBox(status)


def _blank_box(look: AssessmentStyles) -> Paragraph:
    return Paragraph(UNTICKED, look.mark)


def _measure_cell(measure: Measure, look: AssessmentStyles, lang: str) -> Paragraph:
    text = measure.text.get(lang)
    markup = f"{circled(measure.no)} {escape_text(text)}"
    if measure.reference:
        markup += f"<b>{escape_text(_reference_note(lang))}</b>"
    return markup_para(markup, text, look.base.cell)


def _answer_cell(answer: MeasureAnswer, look: AssessmentStyles, lang: str) -> Paragraph:
    """The status in words, then the evidence, the owner and the due date a person entered."""
    status = _status(answer.status, lang)
    lines = [f"<b>{escape_text(status)}</b>"]
    plain = [status]
    if answer.evidence and answer.evidence.strip():
        text = clip(answer.evidence.strip())
        lines.append(escape_text(tr(lang, f"証跡: {text}", f"Evidence: {text}")))
        plain.append(text)
    if answer.reason and answer.reason.strip():
        text = clip(answer.reason.strip())
        lines.append(escape_text(tr(lang, f"対象外の理由: {text}", f"Why not applicable: {text}")))
        plain.append(text)
    who_when = []
    if answer.owner:
        owner = clip(answer.owner, 60, 1)
        who_when.append(escape_text(tr(lang, f"担当: {owner}", f"Owner: {owner}")))
        plain.append(owner)
    if answer.due_on:
        who_when.append(escape_text(tr(lang, f"期限: {answer.due_on}", f"Due: {answer.due_on}")))
    if who_when:
        lines.append("&nbsp;&nbsp;".join(who_when))
    return markup_para("<br/>".join(lines), "".join(plain), look.base.cell)


def _check_header(filled: bool, look: AssessmentStyles, lang: str) -> list[Paragraph]:
    last = (
        tr(lang, "状況・証跡・担当・期限", "Status, evidence, owner, due")
        if filled
        else tr(lang, "メモ(証跡・担当・期限)", "Notes (evidence, owner, due)")
    )
    return [
        para(tr(lang, "実施", "Done"), look.base.cell_header),
        para(tr(lang, "管理策", "Control"), look.base.cell_header),
        para(last, look.base.cell_header),
    ]


def _check_table(
    rows: list[list[Any]], look: AssessmentStyles, filled: bool, extra: Sequence[tuple[Any, ...]] = ()
) -> Table:
    # Blank lines get room to write by hand; filled ones are as tall as their text.
    padding = 2.5 if filled else 4.5
    table = grid_table(
        rows,
        scaled_widths(_CHECK_WIDTHS, content_width()),
        styles=look.base,
        zebra=False,
        extra=[
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 1), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 1), (-1, -1), padding + 0.5),
            ("LEFTPADDING", (1, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (1, 0), (-1, -1), 4.5),
            *extra,
        ],
    )
    return splittable(table)


def _kept(heading: Sequence[Any], table: Table) -> list[Any]:
    """A heading with its table: kept on one page when the table is short, else split from a
    page with room for a few lines (a whole-page table may not leave half a page empty)."""
    _width, height = table.wrap(content_width(), A4[1])
    if height <= _KEEP_HEIGHT:
        return [KeepTogether([*heading, table])]
    return [CondPageBreak(60 * mm), *heading, table]


def _item_block(
    item: ControlItem, run: RunAnswers | None, look: AssessmentStyles, lang: str, lead: Sequence[Any] = ()
) -> list[Any]:
    filled = run is not None
    rows: list[list[Any]] = [_check_header(filled, look, lang)]
    for measure in item.measures:
        if run is None:
            rows.append([_blank_box(look), _measure_cell(measure, look, lang), ""])
            continue
        answer = run.measure(measure.id)
        rows.append(
            [
                _mark_cell(answer.status, look, lang),
                _measure_cell(measure, look, lang),
                _answer_cell(answer, look, lang),
            ]
        )
    objective = item.objective.get(lang)
    heading = [
        *lead,
        para(_item_heading(item, lang), look.item),
        para(tr(lang, f"管理目的: {objective}", f"Objective: {objective}"), look.note),
    ]
    return _kept(heading, _check_table(rows, look, filled))


def _applies_markup(applies: bool | None, lang: str) -> str:
    yes, no = tr(lang, "該当", "Applies"), tr(lang, "非該当", "Does not apply")
    yes_mark = TICKED if applies is True else UNTICKED
    no_mark = TICKED if applies is False else UNTICKED
    markup = f"{yes_mark}&nbsp;{yes}&nbsp;&nbsp;&nbsp;{no_mark}&nbsp;{no}"
    return f"<b>{markup}</b>" if applies is not None else markup


def _sheet_answer_line(answer: SheetAnswer, catalog: Catalog, lang: str) -> tuple[str, str]:
    """Who is responsible, the owner, the due date and the notes of a sheet's answer."""
    responsible = [catalog.term_label("responsibilities", c, lang) for c in answer.responsibility]
    owner = clip(answer.owner or "—", 60, 1)
    due = answer.due_on.isoformat() if answer.due_on else "—"
    parts = [
        tr(lang, "実施責任: ", "Responsibility: ") + (joined_names(responsible, lang) or "—"),
        tr(lang, f"担当: {owner}", f"Owner: {owner}"),
        tr(lang, f"期限: {due}", f"Due: {due}"),
    ]
    if answer.notes and answer.notes.strip():
        notes = clip(answer.notes.strip())
        parts.append(tr(lang, f"メモ: {notes}", f"Notes: {notes}"))
    return "&nbsp;&nbsp;&nbsp;".join(escape_text(p) for p in parts), "　".join(parts)


def _sheet_block(
    sheet: TaskSheet,
    catalog: Catalog,
    run: RunAnswers | None,
    look: AssessmentStyles,
    lang: str,
    lead: Sequence[Any] = (),
) -> list[Any]:
    filled = run is not None
    answer = run.sheet(sheet) if run is not None else None
    cell = look.base.cell
    weakness = sheet.weakness.get(lang)
    question = (
        f"<b>{escape_text(tr(lang, '現状のセキュリティレベル', 'Current security level'))}:</b> "
        + escape_text(weakness)
    )
    applies = _applies_markup(answer.applies if answer else None, lang)
    if answer is not None and answer.applies is None:
        applies += "<br/>" + escape_text(tr(lang, "(未回答)", "(not answered)"))
    rows: list[list[Any]] = [
        _check_header(filled, look, lang),
        [markup_para(question, weakness, cell), "", markup_para(applies, weakness, cell)],
    ]
    commands: list[tuple[Any, ...]] = [("SPAN", (0, 1), (1, 1))]
    groups = [
        (tr(lang, "技術的対策", "Technical measures"), sheet.technical_measures, "technical_status"),
        (tr(lang, "人的対策", "Human measures"), sheet.human_measures, "human_status"),
    ]
    for title, measures, status_field in groups:
        if not measures:
            continue
        status = getattr(answer, status_field) if answer is not None else None
        band = escape_text(title)
        if status is not None:
            band += f": {escape_text(_status(status, lang))}"
        row = len(rows)
        rows.append([markup_para(band, title, look.band), "", ""])
        commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL)]
        for text in measures:
            box = _blank_box(look) if status is None else StatusBox(status)
            rows.append([box, para(text.get(lang), cell), ""])
    if answer is not None:
        markup, plain = _sheet_answer_line(answer, catalog, lang)
        row = len(rows)
        rows.append([markup_para(markup, plain, cell), "", ""])
        commands.append(("SPAN", (0, row), (-1, row)))
    phase = next((p.label.get(lang) for p in catalog.legend.phases if p.code == sheet.phase), sheet.phase)
    objective = sheet.objective.get(lang)
    heading = [
        *lead,
        para(_sheet_heading(sheet, lang), look.item),
        para(
            tr(lang, f"{phase} ｜ 対策の目的: {objective}", f"{phase} | Objective: {objective}"),
            look.note,
        ),
    ]
    return _kept(heading, _check_table(rows, look, filled, commands))


def _sign_lines(look: AssessmentStyles, lang: str) -> list[Any]:
    rows = [
        [(tr(lang, "氏名", "Name"), ""), (tr(lang, "記入日", "Date"), tr(lang, "年　　月　　日", ""))],
        [
            (tr(lang, "署名", "Signature"), tr(lang, "(印)", "")),
            (tr(lang, "確認者", "Checked by"), tr(lang, "(印)", "")),
        ],
    ]
    return [
        CondPageBreak(45 * mm),
        Spacer(1, 3 * mm),
        *(
            signature_block(
                fields,
                styles=look.base,
                width=content_width(),
                lead=[para(tr(lang, "記入者", "Filled in by"), look.rs.section)] if i == 0 else (),
            )
            for i, fields in enumerate(rows)
        ),
    ]


def checklist_title(lang: str, run: RunInfo | None = None) -> str:
    title = tr(lang, "情報セキュリティ チェックリスト", "Information security checklist")
    if run is not None:
        title += tr(lang, f"(記入済み: {run.name})", f" (filled in: {run.name})")
    return title


def _how_to(filled: bool, look: AssessmentStyles, lang: str) -> list[Any]:
    """What the boxes mean: a sentence, then a row of example boxes."""
    if filled:
        text = tr(
            lang,
            "点検の回答を印刷しています。枠の印は次のとおりです。",
            "The answers of the assessment are printed; the boxes mean:",
        )
    else:
        text = tr(
            lang,
            "各管理策・対策の□に、実施状況を下の例のように記入してください。当てはまらないものは□の横に「対象外」と書きます。"
            "メモ欄には証跡(規程・記録の名前や場所)、担当者、期限を書きます。"
            "業務シートは、現状のセキュリティレベルが自社に当てはまるか(該当・非該当)にも印を付けます。",
            'Mark the box of each control or measure as in the examples below; write "N/A" beside '
            "the box of one that does not apply. Note the evidence (the rule or record and where it "
            "is), the owner and the due date. For a task sheet, also mark whether its current "
            "security level applies to your office.",
        )
    cells: list[Any] = []
    widths: list[float] = []
    for status in BOX_STATUSES:
        name = label(status, lang)
        cells += [StatusBox(status.value, 3 * mm), para(name, look.base.cell)]
        widths += [5 * mm, 26 * mm]
    if filled:
        not_applicable = tr(lang, "対象外: 枠に「対象外」と表示", "Not applicable: N/A in the box")
    else:
        not_applicable = tr(lang, "対象外: □の横に「対象外」と記入", 'Not applicable: "N/A" beside the box')
    cells.append(para(not_applicable, look.base.cell))
    widths.append(70 * mm)
    example = Table([cells], colWidths=widths)
    example.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), look.base.regular_font),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    example.hAlign = "LEFT"
    return [para(text, look.note), example]


def build_checklist(
    path: Path,
    catalog: Catalog,
    *,
    items: Sequence[ControlItem],
    sheets: Sequence[TaskSheet],
    run: RunAnswers | None,
    lang: str,
    office: str,
    printed_on: date,
) -> None:
    """The training checklist of ``items`` and ``sheets`` (A4 portrait, as many pages as needed).

    Blank (``run`` None): every measure a line with an empty box (□) and room for notes.
    Filled: each box shows the run's answer (filled, half filled, empty, or 対象外 written
    out), with the status in words, the evidence, owner and due date on the line; a task
    sheet shows 該当/非該当 and its technical and human measures' status.
    """
    look = make_assessment_styles()
    info = run.run if run is not None else None
    title = checklist_title(lang, info)
    printed = (tr(lang, "印刷日", "Printed"), printed_on.isoformat())
    if info is not None:
        cells = [*_run_cells(info, lang, office), printed]
    else:
        scope = tr(
            lang,
            f"管理項目 {len(items)}件、業務シート {len(sheets)}件",
            f"{len(items)} control items, {len(sheets)} task sheets",
        )
        cells = [(tr(lang, "事業所", "Office"), office.strip()), (tr(lang, "対象", "Scope"), scope), printed]
    story: list[Any] = [
        para(title, look.base.title),
        info_block(cells, look.rs),
        Spacer(1, 2 * mm),
        *_how_to(run is not None, look, lang),
    ]
    # Each part's heading stays on the page of its first block.
    part = [para(tr(lang, "第1部 管理策", "Part 1: Controls"), look.rs.section)]
    for index, item in enumerate(items):
        story += _item_block(item, run, look, lang, lead=part if index == 0 else ())
    part = [para(tr(lang, "第2部 業務シートの対策", "Part 2: Task-sheet measures"), look.rs.section)]
    for index, sheet in enumerate(sheets):
        story += _sheet_block(sheet, catalog, run, look, lang, lead=part if index == 0 else ())
    story += _sign_lines(look, lang)
    build_document(path, story, title=title, subtitle=_subtitle(office, printed_on, lang, info), lang=lang)


# ---------------------------------------------------------------- the report


def report_title(run: RunInfo, lang: str) -> str:
    return tr(lang, f"自己点検結果報告書: {run.name}", f"Self-assessment report: {run.name}")


def _counts_row(name: str, score: Score, look: AssessmentStyles) -> list[Paragraph]:
    center = look.base.cell_center
    return [
        para(name, look.rs.label),
        para(_percent(score), ParagraphStyle("AsPct", parent=center, fontName=look.base.bold_font)),
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
    big = tr(lang, f"基本の管理策の実施率 {_percent(baseline)}", f"Baseline score {_percent(baseline)}")
    if previous is not None:
        before = overall(previous[1])[0]
        if before.percent is not None and baseline.percent is not None:
            delta = baseline.percent - before.percent
            big += tr(
                lang,
                f"(前回 {_percent(before)}、{delta:+.0f}pt)",
                f" (last time {_percent(before)}, {delta:+.0f} pt)",
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


def _run_name(run: RunInfo, lang: str) -> str:
    return tr(lang, f"{run.name}({run.held_on})", f"{run.name} ({run.held_on})")


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
            _item_heading(s.item, lang),
            s.baseline.percent,
            before[s.item.id].baseline.percent if s.item.id in before else None,
        )
        for s in scores
    ]
    legend = None
    if previous is not None:
        legend = (
            tr(lang, f"前回: {_run_name(previous[0], lang)}", f"Last time: {_run_name(previous[0], lang)}"),
            tr(lang, f"今回: {_run_name(run, lang)}", f"This time: {_run_name(run, lang)}"),
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
        row = _counts_row(_item_heading(s.item, lang), s.baseline, look)
        row[0] = para(_item_heading(s.item, lang), look.base.cell)
        row.insert(2, para(_percent(s.reference), look.base.cell_center))
        if previous is not None:
            old = before.get(s.item.id)
            row.insert(2, para(_percent(old.baseline) if old else "—", look.base.cell_center))
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
        text = _status(code, lang)
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
        text = f"{_item_heading(item, lang)} {circled(measure.no)}: {measure.text.get(lang)}"
        if measure.reference:
            text += _reference_note(lang)
        rows.append(
            [
                para(text, cell),
                para(
                    _status(answer.status, lang),
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
        *_run_cells(info, lang, office),
        (
            tr(lang, "前回の点検", "Previous"),
            _run_name(previous.run, lang) if previous else tr(lang, "なし", "none"),
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
    story += [
        CondPageBreak(45 * mm),
        *(
            signature_block(
                [(role, tr(lang, "(印)", "(signature)")), (day, tr(lang, "年　　月　　日", ""))],
                styles=look.base,
                width=content_width(),
                lead=[para(tr(lang, "確認・承認", "Sign-off"), look.rs.section)] if i == 0 else (),
            )
            for i, (role, day) in enumerate(roles)
        ),
    ]
    build_document(path, story, title=title, subtitle=_subtitle(office, printed_on, lang, info), lang=lang)


# ---------------------------------------------------------------- the task sheets

_SHEET_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # the font shrinks until a long sheet fits its page
_SHEET_LABEL_WIDTH = 46 * mm
_VOCABULARIES = (  # legend field code, sheet attribute, legend vocabulary, columns of boxes
    ("entities", "entities", "entities", 3),
    ("impacts", "impacts", "impacts", 4),
    ("threats", "threats", "threats", 3),
    ("responsibility", "responsibility", "responsibilities", 3),
)


def _related_line(catalog: Catalog, sheet: TaskSheet, lang: str) -> list[str]:
    lines = []
    for related in sheet.related_measures:
        item = catalog.item(related.item)
        name = item.title.get(lang) if item is not None else related.name.get(lang)
        lines.append(f"{related.item}. {name} {''.join(circled(n) for n in related.measures)}")
    return lines


def _sheet_story(catalog: Catalog, sheet: TaskSheet, base: Styles, lang: str, size: float) -> list[Any]:
    def style(name: str, font_size: float, bold: bool = False, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=base.cell,
            fontName=base.bold_font if bold else base.regular_font,
            fontSize=font_size,
            leading=round(font_size * 1.35, 1),
            **extra,
        )

    value = style("SheetValue", size)
    label_style = style("SheetLabel", size - 0.5, bold=True)
    item_style = style(
        "SheetItem", size, leftIndent=size * 1.3, bulletIndent=0, bulletFontName=base.regular_font
    )
    width = content_width()
    box_width = width - _SHEET_LABEL_WIDTH - 10
    term_style = style("SheetTerm", size - 1)

    def boxes(vocabulary: str, ticked: Sequence[str], columns: int) -> Table:
        cells: list[Any] = []
        for term in getattr(catalog.legend, vocabulary):
            text = escape_text(term.label.get(lang))
            on = term.code in ticked
            cells.append(
                markup_para(
                    f"<b>{TICKED}&nbsp;{text}</b>" if on else f"{UNTICKED}&nbsp;{text}", text, term_style
                )
            )
        cells += [""] * (-len(cells) % columns)
        table = Table(
            [cells[i : i + columns] for i in range(0, len(cells), columns)],
            colWidths=[box_width / columns] * columns,
        )
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), base.regular_font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
        table.hAlign = "LEFT"
        return table

    def listed(texts: Sequence[str], bullet: str) -> list[Paragraph] | Paragraph:
        if not texts:
            return para("—", value)
        chosen = item_style if bullet else value
        return [
            Paragraph(escape_text(t), chosen if has_cjk(t) else latin(chosen), bulletText=bullet or None)
            for t in texts
        ]

    content: dict[str, Any] = {
        "number": para(str(sheet.number), style("SheetNo", size + 1, bold=True)),
        "objective": para(sheet.objective.get(lang), value),
        "weakness": para(sheet.weakness.get(lang), value),
        "risk_scenario": para(sheet.risk_scenario.get(lang), value),
        "technical_measures": listed([t.get(lang) for t in sheet.technical_measures], UNTICKED),
        "human_measures": listed([t.get(lang) for t in sheet.human_measures], UNTICKED),
        "points": listed([t.get(lang) for t in sheet.points], "・"),
        "notes": para(sheet.notes.get(lang) if sheet.notes else "—", value),
        "related_measures": listed(_related_line(catalog, sheet, lang), ""),
    }
    for field, attribute, vocabulary, columns in _VOCABULARIES:
        content[field] = boxes(vocabulary, getattr(sheet, attribute), columns)
    rows = [
        [para(f.label.get(lang), label_style), content[f.code]]
        for f in catalog.legend.sheet_fields
        if f.code in content
    ]
    table = grid_table(
        rows,
        [_SHEET_LABEL_WIDTH, width - _SHEET_LABEL_WIDTH],
        styles=base,
        header_rows=0,
        zebra=False,
        extra=[
            *label_columns(0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.45),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("BOX", (0, 0), (-1, -1), 1.0, INK),
        ],
    )
    phase = next((p for p in catalog.legend.phases if p.code == sheet.phase), None)
    phase_text = f"{phase.number}. {phase.label.get(lang)}" if phase else sheet.phase
    title_style = ParagraphStyle(
        "SheetTitle", parent=base.title, fontSize=size + 5, leading=(size + 5) * 1.3, spaceAfter=1 * mm
    )
    return [
        para(_sheet_heading(sheet, lang), title_style),
        para(
            tr(lang, f"業務の流れ: {phase_text}", f"Part of the day: {phase_text}"),
            style("SheetPhase", size - 0.5, textColor=MUTED, spaceAfter=2 * mm),
        ),
        splittable(table),
    ]


def build_task_sheets(
    path: Path,
    catalog: Catalog,
    sheets: Sequence[TaskSheet],
    *,
    lang: str,
    office: str,
    printed_on: date,
) -> None:
    """One task sheet per page, laid out as the legend (0.凡例) orders its fields.

    Every legend term is printed as a box, the sheet's own ones ticked (■). A long sheet is set
    in a smaller font until it fits its page; one still too long runs onto the next.
    """
    base = make_styles()
    width = content_width()
    room = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 2  # a hair of slack for rounding
    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        chosen = _sheet_story(catalog, sheet, base, lang, _SHEET_SIZES[-1])
        for size in _SHEET_SIZES:
            candidate = _sheet_story(catalog, sheet, base, lang, size)
            if story_height(candidate, width, room) <= room:
                chosen = candidate
                break
        if index:
            story.append(PageBreak())
        story += chosen
    if not story:
        story.append(
            para(tr(lang, "印刷する業務シートがありません。", "No task sheets to print."), base.body)
        )
    title = tr(lang, "業務シート", "Task sheets")
    build_document(path, story, title=title, subtitle=_subtitle(office, printed_on, lang), lang=lang)
