"""An audit's grade summary as one bar: a segment per grade, as wide as its count, best first.

Each segment carries its count (and the grade's name where it fits), and the line under the bar
names every grade with its count, so the summary reads without colour too. What it shows is
:attr:`GradeBar.segments` (grade, count, colour): tests read that, not pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mqp_desktop.domain.quality import GradeSummary
from mqp_desktop.ui.quality_models import GRADE_COLOURS, NOT_GRADED_COLOUR, grade_colour

NOT_GRADED = "not graded"


class _Bar(QWidget):
    def __init__(self, owner: GradeBar):
        super().__init__(owner)
        self.owner = owner
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().height() + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().height() + 10)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        segments = [s for s in self.owner.segments if s[1]]
        total = sum(count for _label, count, _colour in segments)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if not total:
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "no cases yet")
            return
        metrics = QFontMetrics(self.font())
        x = rect.left()
        painter.setPen(Qt.PenStyle.NoPen)
        for n, (label, count, colour) in enumerate(segments):
            width = rect.width() * count / total if n < len(segments) - 1 else rect.right() - x
            part = QRectF(x, rect.top(), width, rect.height())
            painter.setBrush(QColor(colour))
            painter.drawRect(part)
            text = f"{label} {count}" if metrics.horizontalAdvance(f"{label} {count}") + 8 < width else str(count)
            if metrics.horizontalAdvance(text) + 4 < width:
                painter.setPen(QColor("#ffffff") if colour != NOT_GRADED_COLOUR else QColor("#202124"))
                painter.drawText(part, Qt.AlignmentFlag.AlignCenter, text)
                painter.setPen(Qt.PenStyle.NoPen)
            x += width


class GradeBar(QWidget):
    """The grade summary of one audit (:meth:`set_summary`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gradeBar")
        self.segments: list[tuple[str, int, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.bar = _Bar(self)
        layout.addWidget(self.bar)
        self.legend = QLabel()
        self.legend.setObjectName("gradeLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend)

    def set_summary(self, summary: GradeSummary | None) -> None:
        self.segments = []
        if summary is not None:
            on_scale = sum(1 for c in summary.counts if not c.grade.removed)
            for c in summary.counts:
                colour = GRADE_COLOURS[-1] if c.grade.removed else grade_colour(c.grade.position, on_scale)
                self.segments.append((c.grade.label, c.count, colour))
            if summary.not_graded:
                self.segments.append((NOT_GRADED, summary.not_graded, NOT_GRADED_COLOUR))
        parts = [f"<span style='color:{colour}'>■</span>&nbsp;{label}&nbsp;<b>{count}</b>"
                 for label, count, colour in self.segments]
        if summary is None:
            self.legend.setText("")
        elif summary.gradings:
            cases = f"{summary.cases} case{'s' if summary.cases != 1 else ''}"
            gradings = (f", {summary.gradings} gradings" if summary.gradings != summary.cases else "")
            self.legend.setText(f"{cases}{gradings}: " + " &nbsp; ".join(parts))
        else:
            self.legend.setText("No cases yet: add them with Add case… (Insert).")
        self.setToolTip(summary.as_text() if summary is not None else "")
        self.bar.update()
