"""The Section 11 agency x standard grid and its legend.

:class:`RatingGridView` is a ``QTableView`` over a
:class:`~mqp_desktop.ui.section11_models.RatingGridModel` (through a sort proxy):
each rating cell is painted as a coloured tile with its value printed on it
(colour *and* text, so it reads in greyscale and for colour-blind readers), and a
click on a cell asks for that return at that standard (``cell_chosen``). The
legend (:class:`RatingLegend`) says what each colour means on the round's scale.

What the grid holds is the model's business; tests read the model, not pixels.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mqp_desktop.domain.section11 import RatingScale
from mqp_desktop.ui.models import ID_ROLE
from mqp_desktop.ui.section11_models import AGGREGATE_MARK, STANDARD_ROLE, legend_entries

TILE_COLUMN_WIDTH = 54


class _TileDelegate(QStyledItemDelegate):
    """Paints rating cells as tiles: the band's colour, the value centred in bold."""

    def __init__(self, first_tile_column: int, parent=None):
        super().__init__(parent)
        self.first_tile_column = first_tile_column

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.column() < self.first_tile_column:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(2, 2, -2, -2)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        palette = option.palette
        if background is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(rect, 4, 4)
        else:
            pen = QPen(palette.color(QPalette.ColorRole.Mid))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight) if selected else QColor(0, 0, 0, 110))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        font = option.font
        if background is not None:
            font.setBold(True)
        painter.setFont(font)
        colour = foreground.color() if foreground is not None else palette.color(QPalette.ColorRole.Text)
        painter.setPen(colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() >= self.first_tile_column:
            return QSize(max(hint.width() + 12, TILE_COLUMN_WIDTH), hint.height() + 8)
        return hint


class RatingGridView(QTableView):
    """The grid: agencies down, standards across, a coloured tile per rating.

    ``cell_chosen(return_id, standard)`` when a cell is clicked (or Enter pressed on
    it); ``standard`` is 0 for the agency, status and overall columns.
    """

    cell_chosen = Signal(int, int)

    def __init__(self, first_tile_column: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ratingGrid")
        self.setItemDelegate(_TileDelegate(first_tile_column, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setMouseTracking(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(40)
        header.setStretchLastSection(False)
        self.setAccessibleName("Ratings by agency and standard")
        self.clicked.connect(self._choose)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._choose(self.currentIndex()))

    def fit_columns(self, agency_width: int = 190, status_width: int = 86) -> None:
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        for column in range(model.columnCount()):
            if column == 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, agency_width)
            elif column == 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, status_width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                self.setColumnWidth(column, TILE_COLUMN_WIDTH + (8 if column == model.columnCount() - 1 else 0))

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        return_id = index.data(ID_ROLE)
        if return_id is None:
            return
        self.cell_chosen.emit(int(return_id), int(index.data(STANDARD_ROLE) or 0))


class RatingLegend(QLabel):
    """What each colour means on the round's scale, as swatches with their values printed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ratingLegend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.entries: list[tuple[str, str]] = []

    def set_scale(self, scale: RatingScale | None, *, trend: bool = False, previous_name: str = "") -> None:
        if scale is None:
            self.entries = []
            self.setText("")
            return
        parts = []
        self.entries = []
        for swatch, band, words in legend_entries(scale):
            self.entries.append((swatch, words))
            if band.background:
                style = f"background-color:{band.background}; color:{band.foreground}; font-weight:600;"
            else:
                style = "color:palette(mid);"
            parts.append(
                f"<span style='{style}'>&nbsp;{html.escape(swatch)}&nbsp;</span>&nbsp;{html.escape(words)}"
            )
        text = "&nbsp;&nbsp;&nbsp; ".join(parts)
        text += (f"&nbsp;&nbsp;&nbsp; <b>{AGGREGATE_MARK}</b>&nbsp;worked out from sub-criteria")
        if trend:
            since = f" {html.escape(previous_name)}" if previous_name else " last round"
            text += (f"<br>Arrows: <b>▲</b> better than{since} &nbsp; <b>▼</b> worse &nbsp; <b>=</b> the same "
                     "(compared as a percentage of each round's scale)")
        self.setText(text)
