"""A small bar chart of attendance rate per meeting, with the standard drawn as a line.

Painted with ``QPainter`` on a plain ``QWidget`` (no QtCharts: it keeps the
install light). One bar per meeting, evenly spaced in date order; the y axis
runs 0–100%; the standard is a dashed horizontal line labelled "Standard 80%".
Bars below the standard are red *and* hatched, with their value printed above
them when there is room, so the chart reads without colour. A meeting whose
register was not taken has no rate: it is drawn as an empty dashed box at the
baseline. Each bar has a tooltip (date, kind, attended out of recorded, rate).

The data API (:meth:`set_data`, :meth:`points`, :meth:`standard`,
:meth:`point_at`) is what tests check; pixels are not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MEETS_COLOUR = QColor("#2f6f9f")
BELOW_COLOUR = QColor("#c0392b")
STANDARD_COLOUR = QColor("#8e1f14")


@dataclass(frozen=True)
class ChartPoint:
    """One meeting on the chart."""

    date: dt.date
    rate: float | None
    """Per cent attended of those recorded; None when the register was not taken."""
    tooltip: str = ""
    label: str = ""
    """Short text under the bar; the date (e.g. "9 Dec") when empty."""


def _rate_text(rate: float) -> str:
    return f"{rate:.0f}%"


class RateChart(QWidget):
    """Attendance rate per meeting over a period, against a standard."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._points: list[ChartPoint] = []
        self._standard = 80
        self._empty_text = "No meetings were held in this period."
        self.setObjectName("rateChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Attendance rate per meeting")
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    # --- data ------------------------------------------------------------------------------
    def set_data(self, points: Sequence[ChartPoint], standard: int, empty_text: str | None = None) -> None:
        self._points = sorted(points, key=lambda p: p.date)
        self._standard = int(standard)
        if empty_text is not None:
            self._empty_text = empty_text
        rated = [p for p in self._points if p.rate is not None]
        below = sum(1 for p in rated if p.rate < self._standard)
        self.setAccessibleDescription(
            f"{len(self._points)} meetings; {below} below the standard of {self._standard}%."
            if self._points
            else self._empty_text
        )
        self.update()

    def points(self) -> list[ChartPoint]:
        return list(self._points)

    def standard(self) -> int:
        return self._standard

    # --- geometry --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(520, 210)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 120)

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.font())

    def _plot_rect(self) -> QRectF:
        fm = self._metrics()
        left = fm.horizontalAdvance("100%") + 12
        top = 2 * fm.height() + 10  # the legend, then room for a value over a 100% bar
        bottom = 2 * fm.height() + 10  # two lines of date labels
        bold = self.font()
        bold.setBold(True)
        right = QFontMetrics(bold).horizontalAdvance("Standard") + 14  # the standard line's label
        return QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self._points))

    def _y(self, plot: QRectF, rate: float) -> float:
        return plot.bottom() - plot.height() * max(0.0, min(100.0, rate)) / 100.0

    def point_at(self, pos: QPoint | QPointF) -> int | None:
        """The index of the meeting whose column is under ``pos`` (widget coordinates), or None."""
        if not self._points:
            return None
        plot = self._plot_rect()
        x, y = pos.x(), pos.y()
        if not (plot.left() <= x < plot.right() and 0 <= y <= self.height()):
            return None
        index = int((x - plot.left()) // self._slot(plot))
        return index if 0 <= index < len(self._points) else None

    def _column_rect(self, index: int) -> QRect:
        plot = self._plot_rect()
        slot = self._slot(plot)
        return QRectF(plot.left() + index * slot, 0, slot, self.height()).toAlignedRect()

    # --- events ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.point_at(event.position() if hasattr(event, "position") else event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self, self._column_rect(index))
            return True
        return super().event(event)

    def tooltip_for(self, index: int) -> str:
        point = self._points[index]
        if point.tooltip:
            return point.tooltip
        if point.rate is None:
            return f"{point.date:%d %b %Y}: register not taken"
        return f"{point.date:%d %b %Y}: {_rate_text(point.rate)}"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    # --- painting --------------------------------------------------------------------------
    def _paint(self, p: QPainter) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        grid.setAlpha(90)
        fm = self._metrics()
        plot = self._plot_rect()

        self._paint_legend(p, fm, plot, text)

        # y axis: gridlines and labels (0, 25, 50, 75, 100 — fewer when short)
        ticks = (0, 25, 50, 75, 100) if plot.height() >= 4 * fm.height() else (0, 50, 100)
        for tick in ticks:
            y = self._y(plot, tick)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(muted if tick not in (0, 100) else text)
            label_rect = QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height())
            p.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick}%")
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        if not self._points:
            p.setPen(muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
            self._paint_standard(p, fm, plot)
            return

        slot = self._slot(plot)
        bar_w = max(2.0, min(slot * 0.62, 44.0))
        for i, point in enumerate(self._points):
            cx = plot.left() + slot * (i + 0.5)
            if point.rate is None:  # register not taken: an empty dashed box
                box = QRectF(cx - bar_w / 2, plot.bottom() - fm.height(), bar_w, fm.height())
                p.setPen(QPen(muted, 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(box)
                continue
            below = point.rate < self._standard
            top = self._y(plot, point.rate)
            bar = QRectF(cx - bar_w / 2, top, bar_w, plot.bottom() - top)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(BELOW_COLOUR if below else MEETS_COLOUR)
            p.drawRect(bar)
            if below:  # not colour alone: hatch the bar
                p.setBrush(QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern))
                p.drawRect(bar)

        self._paint_standard(p, fm, plot)
        self._paint_values(p, fm, plot, slot, text)
        self._paint_dates(p, fm, plot, slot, text, muted)

    def _paint_values(self, p: QPainter, fm: QFontMetrics, plot: QRectF, slot: float, text: QColor) -> None:
        """The rate over each bar, when there is room; on a patch of background so no line strikes it."""
        width = fm.horizontalAdvance("100%")
        if width + 2 > slot:
            return
        base = self.palette().color(QPalette.ColorRole.Base)
        base.setAlpha(225)
        font = p.font()
        for i, point in enumerate(self._points):
            if point.rate is None:
                continue
            below = point.rate < self._standard
            cx = plot.left() + slot * (i + 0.5)
            top = self._y(plot, point.rate)
            label = QRectF(cx - width / 2 - 2, top - fm.height() - 1, width + 4, fm.height())
            p.fillRect(label, base)
            font.setBold(below)
            p.setFont(font)
            p.setPen(STANDARD_COLOUR if below else text)
            p.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, _rate_text(point.rate))
        font.setBold(False)
        p.setFont(font)

    LEGEND = (
        ("Meeting at or above the standard", "At or above"),
        ("Below the standard", "Below"),
    )

    def _paint_legend(self, p: QPainter, fm: QFontMetrics, plot: QRectF, text: QColor) -> None:
        h = fm.height()
        sw = h - 4
        long_width = sum(sw + 5 + fm.horizontalAdvance(long) + 16 for long, _short in self.LEGEND)
        use_long = plot.left() + long_width <= self.width()
        x = plot.left()
        y = 4
        for (long, short), (colour, hatched) in zip(self.LEGEND, ((MEETS_COLOUR, False), (BELOW_COLOUR, True))):
            label = long if use_long else short
            box = QRectF(x, y + 2, sw, sw)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRect(box)
            if hatched:
                p.setBrush(QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern))
                p.drawRect(box)
            p.setPen(text)
            x += sw + 5
            p.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, h), Qt.AlignmentFlag.AlignVCenter, label)
            x += fm.horizontalAdvance(label) + 16

    def _paint_standard(self, p: QPainter, fm: QFontMetrics, plot: QRectF) -> None:
        """A dashed line across the plot, labelled "Standard" / "80%" in the right margin."""
        y = self._y(plot, self._standard)
        p.setPen(QPen(STANDARD_COLOUR, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right() + 4, y))
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.setPen(STANDARD_COLOUR)
        box = QRectF(plot.right() + 6, y - fm.height(), self.width() - plot.right() - 6, 2 * fm.height())
        p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"Standard\n{self._standard}%")
        font.setBold(False)
        p.setFont(font)

    def standard_label(self) -> str:
        return f"Standard {self._standard}%"

    def _paint_dates(
        self, p: QPainter, fm: QFontMetrics, plot: QRectF, slot: float, text: QColor, muted: QColor
    ) -> None:
        labels = [pt.label or f"{pt.date.day} {pt.date:%b}" for pt in self._points]
        widest = max(fm.horizontalAdvance(t) for t in labels) + 8
        step = max(1, int(-(-widest // slot)))  # every n-th label, so they never overlap
        last_year: int | None = None
        y1 = plot.bottom() + 4
        for i, point in enumerate(self._points):
            cx = plot.left() + slot * (i + 0.5)
            if i % step:
                continue
            p.setPen(QPen(text, 1))
            p.drawLine(QPointF(cx, plot.bottom()), QPointF(cx, plot.bottom() + 3))
            box = QRectF(cx - widest / 2, y1, widest, fm.height())
            p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, labels[i])
            if point.date.year != last_year:
                p.setPen(muted)
                box.moveTop(y1 + fm.height())
                p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(point.date.year))
                last_year = point.date.year
