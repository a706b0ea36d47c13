"""Painting the scorecard's cells, and typing into the values grid.

* :class:`RagChipDelegate` paints a rounded chip in the RAG colour **with its word** in it
  ("Red", "No target"): colour is never the only sign.
* :class:`SparklineDelegate` paints the last eight values as a small line (no widget per row),
  the target as a dashed line and this period's point as a dot in its RAG colour; the words are
  in the cell's tooltip and accessible text (the model's).
* :class:`ValueCellDelegate` is the values grid's editor: a number typed into a cell is checked
  when Enter or Tab is pressed; a value that cannot be one is refused in the cell, which stays
  open with the message beside it, and nothing is saved. Enter moves down, Tab right.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mqp_desktop.ui.scorecard_models import CHIPS, GROUP_ROLE, NO_VALUE, RAG_ROLE, SPARK_ROLE, Spark, role_data


def _background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The cell's selection, painted here rather than by the style: the view has drawn the row (and
    its alternate colour) already. (Handing the style an option from Python, in PySide6 6.12.0, makes
    it read the model back through Python and lose a reference to None each time.)"""
    if option.state & QStyle.StateFlag.State_Selected:
        painter.fillRect(option.rect, option.palette.highlight())


class RagChipDelegate(QStyledItemDelegate):
    """A RAG chip: the colour and the word (the model's DisplayRole), from ``RAG_ROLE``."""

    PAD_X, PAD_Y = 8, 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        key = role_data(index, RAG_ROLE)
        if key is None or role_data(index, GROUP_ROLE):
            super().paint(painter, option, index)
            return
        _background(painter, option)
        chip = CHIPS.get(key, CHIPS[NO_VALUE])
        text = str(role_data(index, Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 2 * self.PAD_X, option.rect.width() - 6)
        height = min(metrics.height() + 2 * self.PAD_Y, option.rect.height() - 4)
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - height / 2 + 0.5, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(chip.border), 1))
        painter.setBrush(QColor(chip.background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(chip.foreground))
        font = option.font
        font.setBold(key in ("red", "amber", "green"))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(role_data(index, Qt.ItemDataRole.DisplayRole) or "")
        return QSize(option.fontMetrics.horizontalAdvance(text) + 2 * self.PAD_X + 12, hint.height())


class SparklineDelegate(QStyledItemDelegate):
    """The last values as a small line, from ``SPARK_ROLE`` (a :class:`Spark`)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        spark = role_data(index, SPARK_ROLE)
        if not isinstance(spark, Spark):
            super().paint(painter, option, index)
            return
        _background(painter, option)
        numbers = [v for v in spark.values if v is not None]
        if not numbers:
            return
        area = QRectF(option.rect).adjusted(5, 5, -7, -5)
        low, high = min(numbers), max(numbers)
        if spark.target is not None:
            low, high = min(low, spark.target), max(high, spark.target)
        span = (high - low) or 1.0
        count = max(len(spark.values) - 1, 1)

        def point(k: int, value: float) -> QPointF:
            return QPointF(area.left() + area.width() * k / count,
                           area.bottom() - area.height() * (value - low) / span)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = option.palette.highlightedText().color() if selected else option.palette.text().color()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if spark.target is not None:
            pen = QPen(QColor(ink), 1, Qt.PenStyle.DashLine)
            pen.setColor(QColor(ink.red(), ink.green(), ink.blue(), 110))
            painter.setPen(pen)
            y = point(0, spark.target).y()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        path = QPainterPath()
        drawing = False
        for k, value in enumerate(spark.values):
            if value is None:
                drawing = False  # a missing value breaks the line
                continue
            if drawing:
                path.lineTo(point(k, value))
            else:
                path.moveTo(point(k, value))
                drawing = True
        painter.setPen(QPen(ink, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        last = next(((k, v) for k, v in reversed(list(enumerate(spark.values))) if v is not None), None)
        if last is not None:
            chip = CHIPS.get(spark.rag, CHIPS[NO_VALUE])
            painter.setPen(QPen(QColor(chip.border).darker(130), 1))
            painter.setBrush(QColor(chip.border))
            painter.drawEllipse(point(*last), 3.2, 3.2)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(84, hint.height())


class ValueCellDelegate(QStyledItemDelegate):
    """The values grid's editor. ``check(index, text)`` says why ``text`` cannot be saved ('' if it can).

    ``refused(index, message)``: a typed value was refused (the editor stays open on Enter/Tab; on
    leaving the cell otherwise, the typing is dropped and nothing saved). ``moved(index, rows,
    columns)``: Enter (down) or Tab (right) was pressed and the value went to the model.
    """

    refused = Signal(QModelIndex, str)
    moved = Signal(QModelIndex, int, int)

    def __init__(self, check: Callable[[QModelIndex, str], str], parent: QObject | None = None):
        super().__init__(parent)
        self.check = check
        self._open: dict[int, QPersistentModelIndex] = {}
        self._done: set[int] = set()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("valueEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setAccessibleName(str(role_data(index, Qt.ItemDataRole.ToolTipRole) or "Value"))
        self._open[id(editor)] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _o=None, key=id(editor): (self._open.pop(key, None),
                                                                   self._done.discard(key)))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(role_data(index, Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def index_of(self, editor: QWidget) -> QModelIndex:
        persistent = self._open.get(id(editor))
        return QModelIndex(persistent) if persistent is not None and persistent.isValid() else QModelIndex()

    def finish(self, editor: QLineEdit, rows: int, columns: int) -> bool:
        """Enter/Tab in the editor: check, then save and move on; or refuse and stay. True when saved."""
        index = self.index_of(editor)
        message = self.check(index, editor.text())
        if message:
            editor.selectAll()
            self.refused.emit(index, message)
            return False
        self._done.add(id(editor))
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.moved.emit(index, rows, columns)
        return True

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if not isinstance(editor, QLineEdit):
            return super().eventFilter(editor, event)
        if id(editor) in self._done:
            return False  # already saved (a dialog taking the focus must not save it twice)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish(editor, -1 if shift else 1, 0)
                return True
            if key == Qt.Key.Key_Tab:
                self.finish(editor, 0, 1)
                return True
            if key == Qt.Key.Key_Backtab:
                self.finish(editor, 0, -1)
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.finish(editor, -1 if key == Qt.Key.Key_Up else 1, 0)
                return True
        if event.type() == QEvent.Type.FocusOut:
            index = self.index_of(editor)
            message = self.check(index, editor.text()) if index.isValid() else ""
            self._done.add(id(editor))
            if message:
                self.refused.emit(index, message + " It was not saved.")
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            else:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return False
        return super().eventFilter(editor, event)
