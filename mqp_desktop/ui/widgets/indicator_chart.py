"""An indicator's chart (Qt Charts): its values, the target, the amber band and the comparators.

Imported only when the scorecard's detail pane is first shown, so Qt Charts stays out of the
program's start-up. Drawn from a :class:`~mqp_desktop.ui.scorecard_models.ChartData`:

* the value line (thick, with its points; a missing period breaks it rather than being bridged);
* the target as a dashed line named with its value ("Target 85%");
* the amber band (within tolerance) as a shaded strip beside the target;
* England, the region and statistical neighbours as thin lines, each with its own dash pattern
  so they tell apart without colour;
* this period's point, ringed, named in the legend with its RAG in words ("This period: Red").

:meth:`IndicatorChart.series_points` reads the series back (tests check data, not pixels).
"""

from __future__ import annotations

from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mqp_desktop.domain.performance import Unit
from mqp_desktop.ui.scorecard_models import (
    CHIPS,
    COMPARATOR_NAMES,
    NO_VALUE,
    RAG_WORDS,
    ChartData,
    compact_label,
    nice_axis,
)

VALUE_COLOUR = QColor("#1f4e79")
TARGET_COLOUR = QColor("#5a5a5a")
BAND_COLOUR = QColor(232, 170, 40, 70)
COMPARATOR_STYLES = {
    "england": (QColor("#7b3f9e"), Qt.PenStyle.DashDotLine),
    "region": (QColor("#00796b"), Qt.PenStyle.DotLine),
    "statistical_neighbours": (QColor("#b35900"), Qt.PenStyle.DashLine),
}
BAND_NAME = "Amber band"
LEGEND_NAMES = {"statistical_neighbours": "Stat. neighbours"}


class IndicatorChart(QChartView):
    """The chart of one indicator; :meth:`show_data` draws it."""

    def __init__(self, parent: QWidget | None = None):
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # beside: the plot keeps its height
        font = QFont(chart.legend().font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        chart.legend().setFont(font)
        super().__init__(chart, parent)
        self.setObjectName("indicatorChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)
        self.data: ChartData | None = None

    # --- drawing ----------------------------------------------------------------------------------
    def show_data(self, data: ChartData | None, rag: str = NO_VALUE) -> None:
        """Draw ``data`` (None: clear); ``rag`` is this period's RAG key (its point's colour and word)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._y_axis = None
        self.data = data
        if data is None or not data.periods:
            chart.setTitle("")
            self.setAccessibleName("No chart: no indicator chosen")
            return
        ind = data.indicator
        n = len(data.periods)
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for k, period in enumerate(data.periods):
            x_axis.append(compact_label(period, "<br>"), k)  # two short lines: they fit at 150% scaling
        x_axis.setRange(-0.5, n - 0.5)
        x_axis.setGridLineVisible(False)
        font = QFont(x_axis.labelsFont())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        x_axis.setLabelsFont(font)
        y_axis = QValueAxis()
        self._y_axis = y_axis
        self._fit_y_axis()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        def attach(series) -> None:
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

        band = data.band
        if band is not None:
            upper, lower = QLineSeries(), QLineSeries()
            for x in (-0.5, n - 0.5):
                upper.append(x, band[1])
                lower.append(x, band[0])
            area = QAreaSeries(upper, lower)
            area.setName(BAND_NAME)
            area.setBrush(QBrush(BAND_COLOUR))
            area.setPen(QPen(Qt.PenStyle.NoPen))
            attach(area)
            self._band_lines = (upper, lower)  # kept alive with the area
        if data.target is not None:
            target = QLineSeries()
            target.setName(f"Target {ind.format(data.target)}")
            target.append(-0.5, data.target)
            target.append(n - 0.5, data.target)
            target.setPen(QPen(TARGET_COLOUR, 1.6, Qt.PenStyle.DashLine))
            attach(target)
        for name, line in data.comparators.items():
            colour, dash = COMPARATOR_STYLES[name]
            self._add_line(line, LEGEND_NAMES.get(name, COMPARATOR_NAMES[name]), QPen(colour, 1.4, dash), attach,
                           points=False)
        self._add_line(data.values, f"{ind.code} value", QPen(VALUE_COLOUR, 2.6), attach, points=True)
        if data.chosen in data.periods and data.values[data.periods.index(data.chosen)] is not None:
            k = data.periods.index(data.chosen)
            chip = CHIPS.get(rag, CHIPS[NO_VALUE])
            dot = QScatterSeries()
            dot.setName(f"This period: {RAG_WORDS.get(rag, 'no RAG')}")
            dot.setMarkerSize(13)
            dot.setColor(QColor(chip.border))
            dot.setBorderColor(QColor(chip.foreground))
            dot.append(k, data.values[k])
            attach(dot)
            for marker in chart.legend().markers(dot):
                marker.setVisible(False)  # the heading above says it in words; the legend keeps its room
        self.setAccessibleName(f"Chart of {ind.label}")
        self.setAccessibleDescription(self.describe())

    def _fit_y_axis(self) -> None:
        """Round-numbered ticks, as many as the chart's height has room for (labels never squeezed
        into '…')."""
        axis, data = getattr(self, "_y_axis", None), self.data
        if axis is None or data is None:
            return
        low, high = data.y_range()
        line = self.fontMetrics().height()
        room = self.height() - 4 * line - 16  # the plot's height: the view's, less the axis labels' two lines
        start, end, ticks = nice_axis(low, high, int(room // (line * 2)) + 1 if room > 0 else 2)
        if data.indicator.unit is Unit.PERCENTAGE:
            start, end = max(start, 0.0), min(end, 100.0)
        if start < 0 <= low:
            start = 0.0
        axis.setRange(start, end)
        axis.setTickCount(ticks)
        step = (end - start) / max(ticks - 1, 1)
        digits = "%.0f" if float(step).is_integer() else ("%.1f" if float(step * 10).is_integer() else "%.2f")
        axis.setLabelFormat(digits + ("%%" if data.indicator.unit is Unit.PERCENTAGE else ""))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_y_axis()

    def _add_line(self, values, name: str, pen: QPen, attach, *, points: bool) -> None:
        """One named line; a missing value breaks it into pieces (one legend entry for them all)."""
        pieces: list[list[tuple[int, float]]] = [[]]
        for k, value in enumerate(values):
            if value is None:
                if pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append((k, value))
        pieces = [p for p in pieces if p]
        chart = self.chart()
        for n, piece in enumerate(pieces):
            series = QLineSeries()
            series.setName(name)
            series.setPen(pen)
            series.setPointsVisible(points or len(piece) == 1)
            for k, value in piece:
                series.append(k, value)
            attach(series)
            if n:
                for marker in chart.legend().markers(series):
                    marker.setVisible(False)

    # --- reading back -----------------------------------------------------------------------------
    def series_points(self) -> dict[str, list[tuple[float, float]]]:
        """Each named series' points (pieces of one line joined; the band as its upper and lower edges)."""
        out: dict[str, list[tuple[float, float]]] = {}
        for series in self.chart().series():
            if isinstance(series, QAreaSeries):
                out[series.name() + " (upper)"] = [(p.x(), p.y()) for p in series.upperSeries().points()]
                out[series.name() + " (lower)"] = [(p.x(), p.y()) for p in series.lowerSeries().points()]
                continue
            points: list[QPointF] = series.points()
            out.setdefault(series.name(), []).extend((p.x(), p.y()) for p in points)
        return out

    def axis_labels(self) -> list[str]:
        """The period labels under the chart, as read ('Q2 26-27')."""
        for axis in self.chart().axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QCategoryAxis):
                return [label.replace("<br>", " ") for label in axis.categoriesLabels()]
        return []

    def describe(self) -> str:
        """The chart in words (its accessible description)."""
        data = self.data
        if data is None:
            return ""
        ind = data.indicator
        told = ", ".join(f"{p.short_label()} {ind.format(v) if v is not None else 'no value'}"
                         for p, v in zip(data.periods, data.values, strict=True))
        text = f"{ind.label}: {told}."
        if data.target is not None:
            text += f" Target {ind.format(data.target)}."
        return text
