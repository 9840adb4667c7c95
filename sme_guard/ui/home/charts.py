"""Small bar charts drawn with QPainter: enough for three overview charts, no plotting library
(matplotlib would add tens of MB and seconds of start-up for three pictures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1f4e79", "#9dc3e6", "#c55a11", "#f4b183", "#548235", "#a9d18e", "#7f6000", "#ffd966", "#7030a0")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    color: str


class BarChart(QWidget):
    """Bars per category: side by side (``stacked=False``) or on top of each other; horizontal
    bars suit long category names (control items), vertical ones months."""

    def __init__(
        self, title: str, *, horizontal: bool, stacked: bool = False, maximum: float | None = None
    ) -> None:
        super().__init__()
        self.title = title
        self.horizontal = horizontal
        self.stacked = stacked
        self.maximum = maximum
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, categories: Sequence[str], series: Sequence[Series], empty_text: str = "") -> None:
        self.categories = list(categories)
        self.series = list(series)
        self.empty_text = empty_text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    def _top(self) -> float:
        if self.maximum is not None:
            return self.maximum
        if self.stacked:
            totals = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.categories))]
        else:
            totals = [v or 0 for s in self.series for v in s.values]
        return max([1.0, *totals])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        painter.setPen(self.palette().windowText().color())
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            area.adjusted(0, 0, 0, -area.height() + line), Qt.AlignmentFlag.AlignLeft, self.title
        )
        painter.setFont(self.font())
        area.setTop(area.top() + line + 4)
        # Legend under the title.
        x = area.left()
        for series in self.series:
            painter.fillRect(QRectF(x, area.top() + 3, 10, 10), QColor(series.color))
            painter.drawText(QRectF(x + 14, area.top(), 400, line), Qt.AlignmentFlag.AlignLeft, series.name)
            x += 24 + metrics.horizontalAdvance(series.name)
        if self.series:
            area.setTop(area.top() + line + 4)
        if not self.categories or not any(v for s in self.series for v in s.values):
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        if self.horizontal:
            self._horizontal(painter, area)
        else:
            self._vertical(painter, area)

    def _horizontal(self, painter: QPainter, area: QRectF) -> None:
        metrics = self.fontMetrics()
        label_width = min(area.width() * 0.45, max(metrics.horizontalAdvance(c) for c in self.categories) + 8)
        plot = area.adjusted(label_width, 0, -metrics.horizontalAdvance("100%") - 4, 0)
        band = plot.height() / len(self.categories)
        top = self._top()
        bars = 1 if self.stacked else max(1, len(self.series))
        for row, category in enumerate(self.categories):
            y = plot.top() + row * band
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(label_width - 6))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(area.left(), y, label_width - 6, band), Qt.AlignmentFlag.AlignVCenter, label
            )
            height = band * 0.8 / bars
            offset = 0.0
            for index, series in enumerate(self.series):
                value = series.values[row]
                if value is None:
                    continue
                width = plot.width() * value / top
                bar_y = y + band * 0.1 + (0 if self.stacked else index * height)
                painter.fillRect(QRectF(plot.left() + offset, bar_y, width, height), QColor(series.color))
                if self.stacked:
                    offset += width
                elif self.maximum == 100:
                    painter.drawText(
                        QRectF(plot.left() + width + 3, bar_y, 60, height),
                        Qt.AlignmentFlag.AlignVCenter,
                        f"{value:.0f}%",
                    )

    def _vertical(self, painter: QPainter, area: QRectF) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        # Half a line of room above the plot for the top value's label.
        plot = area.adjusted(metrics.horizontalAdvance("000") + 4, line / 2, 0, -line - 2)
        band = plot.width() / len(self.categories)
        top = self._top()
        painter.setPen(QColor("#999999"))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            QRectF(area.left(), plot.top() - line / 2, plot.left() - area.left() - 4, line),
            Qt.AlignmentFlag.AlignRight,
            f"{top:g}",
        )
        bars = 1 if self.stacked else max(1, len(self.series))
        for column, category in enumerate(self.categories):
            x = plot.left() + column * band
            width = band * 0.7 / bars
            base = plot.bottom()
            for index, series in enumerate(self.series):
                value = series.values[column] or 0
                if not value:
                    continue
                height = plot.height() * value / top
                bar_x = x + band * 0.15 + (0 if self.stacked else index * width)
                painter.fillRect(QRectF(bar_x, base - height, width, height), QColor(series.color))
                if self.stacked:
                    base -= height
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(band))
            painter.drawText(QRectF(x, plot.bottom() + 2, band, line), Qt.AlignmentFlag.AlignHCenter, label)
