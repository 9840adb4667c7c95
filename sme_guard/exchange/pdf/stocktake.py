"""棚卸表 (the sheet to walk around the office with) and the kept result of a stock-take.

The rows arrive as display strings (``services.values.display`` has made them), so this
module only lays them out; every string is escaped on the way into reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from sme_guard.domain.registers import REGISTERS, Register, RegisterKey
from sme_guard.exchange.pdf.blocks import label_columns
from sme_guard.exchange.pdf.layout import (
    MAX_CELL_CHARS,
    CheckBox,
    Styles,
    build_document,
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


@dataclass(frozen=True)
class SheetRow:
    """One item of a register as it will be printed (already display strings)."""

    number: str
    description: str
    location: str
    holder: str
    status: str
    last_stocktake: str


@dataclass(frozen=True)
class StockTakeSummary:
    """A finished (or abandoned) stock-take, split by result."""

    register_label: str
    started_on: date
    finished_on: date | None
    started_by: str
    found: Sequence[SheetRow]
    missing: Sequence[SheetRow]
    unchecked: Sequence[SheetRow]
    # Which register: picks the number and holder column labels (generic ones when None).
    register_key: RegisterKey | None = None


# Column widths in mm on A4 portrait (186 mm between the margins).
_SHEET_WIDTHS = (8, 21, 29, 22, 17, 13, 17, 9, 23, 27)
_RESULT_WIDTHS = (9, 26, 45, 35, 25, 18, 28)
_HANDWRITING_ROW = 7 * mm  # room to write in a row of the sheet


def holder_label(register_key: str | None, lang: str) -> str:
    """The register's own label for who holds an item (管理者, 利用者, 所持者)."""
    register = REGISTERS.get(register_key or "")
    if register is not None and register.holder_key is not None:
        return register.column(register.holder_key).label(lang)
    return tr(lang, "担当者", "Person")


def number_label(register_key: str | None, lang: str) -> str:
    register = REGISTERS.get(register_key or "")
    if register is not None and register.number_key is not None:
        return register.column(register.number_key).label(lang)
    return tr(lang, "資産番号", "Asset no.")


def _scaled(widths_mm: Sequence[float]) -> list[float]:
    """Column widths that fill the body width exactly, in the given proportions."""
    total = sum(widths_mm)
    return [w / total * content_width() for w in widths_mm]


def _item_header(register_key: str | None, lang: str, styles: Styles) -> list[Paragraph]:
    labels = [
        "No.",
        number_label(register_key, lang),
        tr(lang, "品名・種類", "Description"),
        tr(lang, "所在", "Location"),
        holder_label(register_key, lang),
        tr(lang, "状態", "Status"),
        tr(lang, "前回棚卸", "Last stock-take"),
    ]
    return [para(label, styles.cell_header) for label in labels]


def _item_cells(index: int, row: SheetRow, styles: Styles) -> list[Any]:
    return [
        para(str(index), styles.cell_center),
        para(row.number, styles.cell, limit=80),
        para(row.description, styles.cell, limit=MAX_CELL_CHARS),
        para(row.location, styles.cell, limit=MAX_CELL_CHARS),
        para(row.holder, styles.cell, limit=80),
        para(row.status, styles.cell_center, limit=40),
        para(row.last_stocktake, styles.cell_center, limit=40),
    ]


def _info_line(pairs: Sequence[tuple[str, str]], lang: str, styles: Styles) -> Paragraph:
    """ "Label: value" pairs on one line, labels in bold (pairs without a value are left out)."""
    colon = tr(lang, "：", ": ")
    parts = [f"<b>{escape_text(label)}</b>{colon}{escape_text(value)}" for label, value in pairs if value]
    japanese = any(has_cjk(label + value) for label, value in pairs)
    return Paragraph(("&nbsp;" * 6).join(parts), styles.body if japanese else latin(styles.body))


def _subtitle(office: str, when: str) -> str:
    return "　".join(part for part in (office.strip(), when) if part)


def _signatures(date_label: str, lang: str, styles: Styles) -> Any:
    return signature_block(
        [
            (date_label, tr(lang, "年　　月　　日", "")),
            (tr(lang, "実施者", "Counted by"), tr(lang, "(印)", "(signature)")),
            (tr(lang, "確認者", "Checked by"), tr(lang, "(印)", "(signature)")),
        ],
        styles=styles,
        width=content_width(),
    )


def build_stocktake_sheet(
    path: Path,
    register: Register,
    rows: Sequence[SheetRow],
    *,
    lang: str,
    office: str = "",
    printed_on: date,
) -> None:
    """The 棚卸表 of one register: every item with a box to tick and room to write."""
    if not register.stocktake:
        raise ValueError(f"The {register.key} register has no stock-take.")
    styles = make_styles()
    label = register.label(lang)
    title = tr(lang, f"棚卸表 — {label}", f"Stock-take sheet — {label}")
    printed = printed_on.isoformat()

    header = [
        *_item_header(register.key, lang, styles),
        para(tr(lang, "確認", "Check"), styles.cell_header),
        para(tr(lang, "所在(実際)", "Actual location"), styles.cell_header),
        para(tr(lang, "備考", "Remarks"), styles.cell_header),
    ]
    body = [
        [*_item_cells(i, row, styles), CheckBox(min_height=_HANDWRITING_ROW - 5), "", ""]
        for i, row in enumerate(rows, start=1)
    ]
    table = grid_table([header, *body], _scaled(_SHEET_WIDTHS), styles=styles)

    story: list[Any] = [
        para(title, styles.title),
        _info_line(
            [
                (tr(lang, "事業所", "Office"), office.strip()),
                (tr(lang, "印刷日", "Printed"), printed),
                (tr(lang, "件数", "Items"), tr(lang, f"{len(rows)}件", str(len(rows)))),
            ],
            lang,
            styles,
        ),
        para(
            tr(
                lang,
                "現物を確認したら「確認」欄に✓を記入してください。台帳の所在と違う場所にあったときは"
                "「所在(実際)」欄に、気づいたことは「備考」欄に記入してください。",
                'Tick "Check" for every item you see. If it is not where the register says, write '
                'where it is under "Actual location"; anything else under "Remarks".',
            ),
            styles.small,
        ),
        Spacer(1, 1.5 * mm),
        table if rows else para(tr(lang, "対象の資産はありません。", "No items to count."), styles.body),
        Spacer(1, 6 * mm),
        _signatures(tr(lang, "実施日", "Date"), lang, styles),
    ]
    build_document(
        path,
        story,
        title=title,
        subtitle=_subtitle(office, f"{tr(lang, '印刷日', 'Printed')} {printed}"),
        lang=lang,
    )


def _items_section(
    heading: str, rows: Sequence[SheetRow], register_key: str | None, lang: str, styles: Styles
) -> list[Any]:
    count = tr(lang, f"{len(rows)}件", str(len(rows)))
    flowables: list[Any] = [
        para(f"{heading}（{count}）" if lang != "en" else f"{heading} ({count})", styles.heading)
    ]
    if not rows:
        flowables.append(para(tr(lang, "なし", "None."), styles.body))
        return flowables
    header = _item_header(register_key, lang, styles)
    body = [_item_cells(i, row, styles) for i, row in enumerate(rows, start=1)]
    flowables.append(grid_table([header, *body], _scaled(_RESULT_WIDTHS), styles=styles))
    return flowables


def build_stocktake_result(path: Path, summary: StockTakeSummary, *, lang: str, office: str = "") -> None:
    """The record of a stock-take to file: dates, who, the counts, what was missing or unchecked."""
    styles = make_styles()
    label = summary.register_label
    title = tr(lang, f"棚卸結果 — {label}", f"Stock-take result — {label}")
    finished = summary.finished_on.isoformat() if summary.finished_on else tr(lang, "未完了", "not finished")

    facts = [
        (tr(lang, "事業所", "Office"), office.strip()),
        (tr(lang, "台帳", "Register"), label),
        (tr(lang, "開始日", "Started"), summary.started_on.isoformat()),
        (tr(lang, "終了日", "Finished"), finished),
        (tr(lang, "実施者", "Counted by"), summary.started_by.strip() or "—"),
    ]
    info = grid_table(
        [
            [para(name, styles.cell_header), para(value, styles.cell, limit=MAX_CELL_CHARS)]
            for name, value in facts
            if value
        ],
        [30 * mm, 80 * mm],
        styles=styles,
        header_rows=0,
        zebra=False,
        extra=label_columns(0),
    )
    info.hAlign = "LEFT"

    found, missing, unchecked = len(summary.found), len(summary.missing), len(summary.unchecked)
    count_labels = [
        tr(lang, "確認済", "Found"),
        tr(lang, "所在不明", "Missing"),
        tr(lang, "未確認", "Not checked"),
        tr(lang, "合計", "Total"),
    ]
    counts = grid_table(
        [
            [para(text, styles.cell_header) for text in count_labels],
            [
                para(str(n), styles.cell_center)
                for n in (found, missing, unchecked, found + missing + unchecked)
            ],
        ],
        [25 * mm] * 4,
        styles=styles,
        zebra=False,
    )
    counts.hAlign = "LEFT"

    story: list[Any] = [
        para(title, styles.title),
        info,
        para(tr(lang, "結果", "Counts"), styles.heading),
        counts,
        *_items_section(
            tr(lang, "所在不明の資産", "Missing items"), summary.missing, summary.register_key, lang, styles
        ),
        *_items_section(
            tr(lang, "未確認の資産", "Items not checked"),
            summary.unchecked,
            summary.register_key,
            lang,
            styles,
        ),
        Spacer(1, 6 * mm),
        _signatures(tr(lang, "記入日", "Date"), lang, styles),
    ]
    when = tr(lang, f"実施 {summary.started_on.isoformat()}", f"Started {summary.started_on.isoformat()}")
    build_document(path, story, title=title, subtitle=_subtitle(office, when), lang=lang)
