"""Asset labels from the database: one label per medium, smart device or ID badge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.domain.registers import Register
from sme_guard.errors import UserError
from sme_guard.exchange.pdf.labels import SHEETS, Label, LabelSheet, build_labels, number_fits
from sme_guard.services.flags import FlagContext
from sme_guard.services.registers import load_rows
from sme_guard.services.settings import LABEL_SHEET_PREFIX, get_text, office_name, set_text
from sme_guard.services.values import display

# The registers whose items carry a label, and what the label's one line of description says.
DESCRIPTION: dict[str, tuple[str, ...]] = {
    "media": ("kind", "location"),
    "devices": ("kind", "model"),
    "badges": ("holder_id",),
}


DIMENSIONS = ("label_width_mm", "label_height_mm", "left_mm", "top_mm", "column_gap_mm", "row_gap_mm")


def office_sheet(database: Database, key: str) -> LabelSheet:
    """A label sheet with the office's own dimensions (saved with ``save_office_sheet``), or
    the defaults; makers differ by a millimetre, and printers feed a little off."""
    saved = get_text(database, LABEL_SHEET_PREFIX + key, default="")
    sheet = SHEETS[key]
    if not saved:
        return sheet
    try:
        width, height, left, top, column_gap, row_gap = (float(v) for v in saved.split(","))
        return replace(
            sheet,
            label_width_mm=width,
            label_height_mm=height,
            left_mm=left,
            top_mm=top,
            column_gap_mm=column_gap,
            row_gap_mm=row_gap,
        )
    except ValueError:  # a hand-edited value that no longer fits: fall back to the defaults
        return sheet


def save_office_sheet(database: Database, sheet: LabelSheet) -> None:
    set_text(database, LABEL_SHEET_PREFIX + sheet.key, ",".join(f"{getattr(sheet, d):g}" for d in DIMENSIONS))


def _check_numbers(register: Register, numbers: list[tuple[int, str]], sheet: LabelSheet) -> None:
    """Refuse, naming the records, numbers that a label of ``sheet`` cannot show whole (as a
    QR code a scanner reads and as text): written before numbers had a maximum length, typed
    outside the app, or in wide characters on a small label."""
    assert register.number_key is not None
    column = register.column(register.number_key)
    unfit = [(record_id, number) for record_id, number in numbers if not number_fits(number, sheet)]
    if not unfit:
        return

    def shown(number: str) -> str:
        return number if len(number) <= 20 else number[:20] + "…"

    listed_ja = "、".join(f"「{shown(n)}」(ID {i}、{len(n):,} 文字)" for i, n in unfit[:5])
    listed_en = ", ".join(f"'{shown(n)}' (ID {i}, {len(n):,} characters)" for i, n in unfit[:5])
    more_ja = f" ほか {len(unfit) - 5} 件" if len(unfit) > 5 else ""
    more_en = f" and {len(unfit) - 5} more" if len(unfit) > 5 else ""
    raise UserError(
        f"{register.ja}の{column.ja}が長すぎて、「{sheet.name('ja')}」のラベルに QR コードと文字で"
        f"収まりません: {listed_ja}{more_ja}。{column.ja}を短くするか、大きいラベルを選んでください。",
        f"The {column.en.lower()} of these {register.en.lower()} is too long to print whole, as a QR "
        f"code and as text, on a label of '{sheet.name('en')}': {listed_en}{more_en}. Shorten it, or "
        "choose larger labels.",
    )


def print_labels(
    database: Database,
    register: Register,
    path: Path,
    *,
    lang: str,
    sheet: LabelSheet,
    start: int = 1,
    ids: Sequence[int] | None = None,
    office: str | None = None,
    today: date,
    outlines: bool = False,
) -> int:
    """Labels for the records ``ids`` (whatever their status), or for every open item of the
    register (not disposed, returned or revoked); sorted by number. Returns the label count.

    Each label's title is ``office`` (default: the office name setting) or, without one, the
    register's name. Ids that are not
    in the register (deleted meanwhile) are skipped.
    """
    fields = DESCRIPTION.get(register.key)
    if fields is None or register.number_key is None or register.status_key is None:
        raise UserError(
            f"{register.ja}の台帳にはラベルを印刷できません（記憶媒体・スマートデバイス・社員証のみ）。",
            f"Labels are printed for storage media, smart devices and ID badges only, not for "
            f"{register.en.lower()}.",
        )
    if not 1 <= start <= sheet.per_page:
        raise UserError(
            f"開始位置は1から{sheet.per_page}までの番号で指定してください（{start}が指定されました）。",
            f"The first label position must be between 1 and {sheet.per_page} (not {start}).",
        )
    rows = load_rows(database, register, FlagContext(today))
    number, status = rows.index(register.number_key), rows.index(register.status_key)
    wanted = set(ids) if ids is not None else None
    chosen_records = sorted(
        (
            (record_id, values)
            for record_id, values in zip(rows.ids, rows.rows, strict=True)
            if (record_id in wanted if wanted is not None else values[status] not in register.closed_statuses)
        ),
        key=lambda record: str(record[1][number]),
    )
    chosen = [values for _record_id, values in chosen_records]
    if not chosen:
        raise UserError(
            "ラベルを印刷する項目がありません。印刷する項目を選んでください。"
            if ids is not None
            else f"{register.ja}の台帳に、ラベルを印刷する項目（使用中・保管中など）がありません。",
            "No items were chosen to print labels for."
            if ids is not None
            else f"The {register.en.lower()} register has no open items to print labels for.",
        )

    def text(values: tuple[object, ...], key: str) -> str:
        index = rows.index(key)
        return display(rows.columns[index], values[index], lang)

    _check_numbers(
        register, [(record_id, str(values[number])) for record_id, values in chosen_records], sheet
    )
    title = (office if office is not None else office_name(database)).strip() or register.label(lang)
    labels = [
        Label(
            number=text(values, register.number_key),
            title=title,
            description=" ".join(t for t in (text(values, key) for key in fields) if t),
        )
        for values in chosen
    ]
    build_labels(path, labels, sheet, start=start, lang=lang, outlines=outlines)
    return len(labels)
