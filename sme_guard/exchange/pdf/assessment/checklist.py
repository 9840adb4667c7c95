"""教育用チェックリスト: the chosen control items and task sheets, each measure a line with a
box to tick (a blank □ for staff to fill, or one filled from a run: filled 実施済, half filled
一部実施 (as ◩), empty 未実施, 対象外 written out), ending with name, date and signature lines.

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
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from sme_guard.domain.catalog import Catalog, ControlItem, Measure, TaskSheet, circled
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.exchange.pdf.assessment.common import (
    BOX_STATUSES,
    StatusBox,
    header_subtitle,
    item_heading,
    reference_note,
    run_cells,
    sheet_heading,
    status_text,
)
from sme_guard.exchange.pdf.blocks import (
    TICKED,
    UNTICKED,
    AssessmentStyles,
    info_block,
    joined_names,
    make_assessment_styles,
    markup_para,
    scaled_widths,
    splittable,
)
from sme_guard.exchange.pdf.layout import (
    ZEBRA_FILL,
    build_document,
    clip,
    content_width,
    escape_text,
    grid_table,
    para,
    signature_block,
    tr,
)
from sme_guard.services.assessments import MeasureAnswer, RunAnswers, RunInfo, SheetAnswer

# Checklist columns in mm: the box, the measure, the room to write (or the answer).
_CHECK_WIDTHS = (11, 113, 62)
# A heading and a table up to this tall are kept on one page.
_KEEP_HEIGHT = 110 * mm


def _mark_cell(status: str, look: AssessmentStyles, lang: str) -> Any:
    if status == MeasureStatus.NOT_APPLICABLE.value:
        return para(tr(lang, status_text(status, lang), "N/A"), look.mark_small)
    return StatusBox(status)


def _blank_box(look: AssessmentStyles) -> Paragraph:
    return Paragraph(UNTICKED, look.mark)


def _measure_cell(measure: Measure, look: AssessmentStyles, lang: str) -> Paragraph:
    text = measure.text.get(lang)
    markup = f"{circled(measure.no)} {escape_text(text)}"
    if measure.reference:
        markup += f"<b>{escape_text(reference_note(lang))}</b>"
    return markup_para(markup, text, look.base.cell)


def _answer_cell(answer: MeasureAnswer, look: AssessmentStyles, lang: str) -> Paragraph:
    """The status in words, then the evidence, the owner and the due date a person entered."""
    status = status_text(answer.status, lang)
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
        para(item_heading(item, lang), look.item),
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
            band += f": {escape_text(status_text(status, lang))}"
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
        para(sheet_heading(sheet, lang), look.item),
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
        cells = [*run_cells(info, lang, office), printed]
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
    build_document(
        path, story, title=title, subtitle=header_subtitle(office, printed_on, lang, info), lang=lang
    )
