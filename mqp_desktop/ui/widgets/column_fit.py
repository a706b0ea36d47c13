"""Columns sized to what they hold (issue 14, point 5): names, dates, statuses and references are never cut;
free text that is shown whole elsewhere (a detail pane, a tooltip) gives way on a narrow window.

One helper for every page's tables and trees, so the rule is the same everywhere:

- when data is set (the model is reset), each column is measured: its widest cell (the view's own size hint,
  so icons, bold rows and indentation count) and its heading;
- every column is at least that wide, except the *give-way* columns (long free text), which may be narrowed
  down to their narrowest so the others fit the visible width;
- room left over goes first to the give-way columns (up to their whole text), then to the last column;
- when even that is too wide, the view scrolls sideways rather than cutting a name or a date.

The user's own widths win: once a column is dragged (or a saved header state is restored) the view is left
alone, and its last column stretches as Qt's usually does.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

# A column that is not free text is still not allowed to take the whole window (an odd long value): beyond
# this it is cut like free text, its whole text in the cell's tooltip or the page's detail pane.
MOST = 420
# Rows measured (the visible ones first, then those around them): enough for every register in the program;
# the change history has thousands, and its long columns give way anyway.
ROWS = 1000


def header_of(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]


def room_left(view: QAbstractItemView, column: int) -> int:
    """The width ``view``'s other shown columns leave ``column`` in the visible width (a column that takes
    what is left: a title, an indicator)."""
    header = header_of(view)
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != column and not header.isSectionHidden(c))
    return view.viewport().width() - others - 2


class ColumnFit(QObject):
    """Keeps ``view``'s columns fitted to their contents and to the room (see the module's docstring).

    ``give_way`` maps each long-text column to its narrowest width; ``defaults`` are the page's chosen widths,
    the most a give-way column takes before the others are content (more only when there is room to spare).
    """

    def __init__(self, view: QTableView | QTreeView, give_way: Mapping[int, int] | None = None,
                 defaults: Mapping[int, int] | None = None, most: int = MOST, rows: int = ROWS):
        super().__init__(view)
        self.view = view
        self.give_way = dict(give_way or {})
        self.defaults = dict(defaults or {})
        self.most = most
        self.active = True
        self._applying = False
        self._wanted: dict[int, int] = {}  # column -> width its cells and heading need
        self._model = None
        header = header_of(view)
        header.setResizeContentsPrecision(rows)
        if isinstance(view, QTableView):
            view.verticalHeader().setResizeContentsPrecision(rows)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self.watch()

    # --- what sets it off ------------------------------------------------------------------------------
    def watch(self) -> None:
        """Follow the view's (current) model: measured again each time its data is set."""
        model = self.view.model()
        if model is self._model:
            return
        if self._model is not None:
            try:
                self._model.modelReset.disconnect(self.refit)
            except (RuntimeError, TypeError):
                pass
        self._model = model
        if model is not None:
            model.modelReset.connect(self.refit)
            if model.rowCount() > 0:
                self.refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the viewport, not the view: it also narrows when the vertical scroll bar appears
        if event.type() == QEvent.Type.Resize and self.active:
            self.apply()
        return False

    def _resized(self, _column: int, old: int, new: int) -> None:
        if self._applying or not self.active or old == 0 or new == 0:  # (0: a column hidden or shown)
            return
        self.stop()  # a column dragged by hand (or a saved layout): the user's widths win

    def restore(self, state) -> bool:
        """Put back a saved header state's order, sorting and hidden columns as not the user's own widths:
        they are fitted again to the data (False when Qt refuses the state)."""
        header = header_of(self.view)
        self._applying = True  # the restore's resizes are not a column dragged by hand
        try:
            restored = header.restoreState(state)
        finally:
            self._applying = False
        if restored:
            header.setStretchLastSection(False)  # as fitting has it
            self.refit()
        return restored

    def stop(self) -> None:
        """Leave the widths to the user from now on (the last column stretches to fill, as usual)."""
        self.active = False
        header_of(self.view).setStretchLastSection(True)

    # --- the fitting -----------------------------------------------------------------------------------
    def refit(self) -> None:
        """Measure the columns on the data now set, then fit them to the room."""
        if not self.active:
            return
        self.measure()
        self.apply()

    def measure(self) -> None:
        view, header = self.view, header_of(self.view)
        model = view.model()
        self._wanted = {}
        if model is None:
            return
        for column in range(model.columnCount()):  # hidden ones too: ready when shown
            cells = view.sizeHintForColumn(column) if model.rowCount() else 0
            self._wanted[column] = max(cells, header.sectionSizeHint(column), header.minimumSectionSize())

    def natural(self, column: int) -> int:
        """The width the column's widest cell and heading need (measured when data was last set)."""
        return self._wanted.get(column, 0)

    def apply(self) -> None:
        """Share the visible width out: content widths, give-way columns narrowed or widened, the rest last."""
        view, header = self.view, header_of(self.view)
        model = view.model()
        if model is None or not self._wanted:
            return
        columns = sorted((c for c in range(header.count()) if not header.isSectionHidden(c) and c in self._wanted),
                         key=header.visualIndex)
        if not columns:
            return
        room = view.viewport().width()
        widths: dict[int, int] = {}
        for c in columns:
            natural = self._wanted[c]
            if c in self.give_way:
                narrowest = self.give_way[c]
                widths[c] = max(narrowest, min(natural, self.defaults.get(c, natural)))
            else:
                widths[c] = min(natural, max(self.most, self.defaults.get(c, 0)))
        total = sum(widths.values())
        giving = [c for c in columns if c in self.give_way]
        if total > room:  # narrow the free text towards its narrowest, in proportion
            spare = {c: widths[c] - self.give_way[c] for c in giving}
            share = min(1.0, (total - room) / sum(spare.values())) if sum(spare.values()) > 0 else 0.0
            for c in giving:
                widths[c] -= int(spare[c] * share + 0.5)
        elif total < room:  # widen the free text towards its whole length, then the last column takes the rest
            extra = room - total
            short = {c: max(0, self._wanted[c] - widths[c]) for c in giving}
            if sum(short.values()) > 0:
                share = min(1.0, extra / sum(short.values()))
                for c in giving:
                    grown = int(short[c] * share)
                    widths[c] += grown
                    extra -= grown
            widths[columns[-1]] += max(0, extra)
        self._applying = True
        try:
            for c in columns:
                if header.sectionSize(c) != widths[c]:
                    header.resizeSection(c, widths[c])
        finally:
            self._applying = False
