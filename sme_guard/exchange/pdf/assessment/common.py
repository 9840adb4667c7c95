"""What the assessment printouts share: status words and boxes, headings, the run's heading block."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from sme_guard.domain.catalog import ControlItem, TaskSheet
from sme_guard.domain.codes import MeasureStatus, label
from sme_guard.exchange.pdf.layout import INK, tr
from sme_guard.services.assessments import RunInfo, Score

# The statuses a box can show (対象外 is written out instead of a box).
BOX_STATUSES = (MeasureStatus.DONE, MeasureStatus.PARTIAL, MeasureStatus.NOT_DONE)


def status_text(code: str, lang: str) -> str:
    try:
        return label(MeasureStatus(code), lang)
    except ValueError:
        return code


def percent_text(score: Score) -> str:
    value = score.percent
    return "—" if value is None else f"{value:.0f}%"


def reference_note(lang: str) -> str:
    return tr(lang, "(参考)", " (reference)")


def item_heading(item: ControlItem, lang: str) -> str:
    return f"{item.number}. {item.title.get(lang)}"


def sheet_heading(sheet: TaskSheet, lang: str) -> str:
    return f"No.{sheet.number} {sheet.title.get(lang)}"


def header_subtitle(office: str, printed_on: date, lang: str, run: RunInfo | None = None) -> str:
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


def run_cells(run: RunInfo, lang: str, office: str) -> list[tuple[str, str]]:
    return [
        (tr(lang, "点検名", "Assessment"), run.name),
        (tr(lang, "点検日", "Date"), run.held_on.isoformat()),
        (tr(lang, "点検者", "Assessor"), run.assessor or ""),
        (tr(lang, "事業所", "Office"), office.strip()),
    ]


def run_name(run: RunInfo, lang: str) -> str:
    return tr(lang, f"{run.name}({run.held_on})", f"{run.name} ({run.held_on})")
