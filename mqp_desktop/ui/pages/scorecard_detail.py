"""The Scorecard page's detail pane: the chosen indicator for the chosen period.

A heading (code, title, period, value, RAG in words), then side by side:

* the **chart** (Qt Charts, built the first time the pane shows an indicator, so Qt Charts is
  not imported at start-up): values, the target and its amber band, the comparators;
* tabs: **Commentary** — what lies behind the figure, edited in place, with who wrote it and when
  (saved with the version read: one saved elsewhere meanwhile is not overwritten); **About** — the
  definition, unit, direction, target and tolerance with the bands in words, frequency, owner,
  source, theme and tags; **By agency** — the breakdown, where there is one; **Revisions** — every
  change to a value already entered: old → new, when, who and why.

The pane reads nothing itself: the page gives it the row, the chart's data and the revisions.
Saving the commentary goes through ``saver`` (the controller's), which returns True when saved.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.performance import Commentary, Revision, ScorecardRow
from mqp_desktop.domain.periods import Period
from mqp_desktop.ui.models import format_date
from mqp_desktop.ui.scorecard_models import (
    DIRECTION_WORDS,
    FREQUENCY_WORDS,
    NONE_TEXT,
    RAG_WORDS,
    UNIT_WORDS,
    AgencyFiguresModel,
    ChartData,
    RevisionsModel,
    band_words,
    exception_words,
    rag_key,
    tolerance_text,
)
from mqp_desktop.ui.widgets.scorecard_delegates import RagChipDelegate

TAB_COMMENTARY, TAB_ABOUT, TAB_AGENCIES, TAB_REVISIONS = range(4)


def _when(stamp: str) -> str:
    try:
        return format_date(dt.datetime.fromisoformat(stamp).date())
    except ValueError:
        return stamp


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class IndicatorDetail(QWidget):
    """The chosen indicator: heading, chart, commentary, about, by agency, revisions."""

    commentary_dirty = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row: ScorecardRow | None = None
        self.chart = None  # the IndicatorChart, made when first needed
        self.chart_data: ChartData | None = None
        self.saver: Callable[[int, Period, str, int], bool] | None = None
        self.commentary_key: tuple[int, Period] | None = None
        self.commentary_version = 0
        self.commentary_base = ""
        self.commentary_record: Commentary | None = None
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName("indicatorHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.chart_stack = QStackedWidget()
        self.chart_stack.setMinimumWidth(260)
        self.chart_placeholder = QLabel("Choose an indicator to see its chart.")
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setObjectName("emptyState")
        self.chart_stack.addWidget(self.chart_placeholder)
        self.splitter.addWidget(self.chart_stack)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumWidth(300)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        # commentary
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 6, 4, 4)
        box.setSpacing(4)
        self.commentary_caption = QLabel("What lies behind it:")
        self.commentary_caption.setWordWrap(True)
        box.addWidget(self.commentary_caption)
        self.commentary_edit = QPlainTextEdit()
        self.commentary_edit.setObjectName("commentaryEdit")
        self.commentary_edit.setTabChangesFocus(True)
        self.commentary_edit.setMinimumHeight(self.commentary_edit.fontMetrics().height() * 2 + 12)
        self.commentary_edit.setPlaceholderText(
            "What lies behind this figure: the context, the reasons for the change, what is being done "
            "about it, and what the subcommittee should ask. (Ctrl+Enter saves.)")
        self.commentary_edit.setAccessibleName("Commentary: what lies behind the figure")
        self.commentary_caption.setBuddy(self.commentary_edit)
        self.commentary_edit.textChanged.connect(self._typed)
        box.addWidget(self.commentary_edit, 1)
        row = QHBoxLayout()
        self.commentary_by = QLabel()
        self.commentary_by.setObjectName("commentaryBy")
        self.commentary_by.setMinimumWidth(40)  # one line, cut short in a narrow pane (its tooltip has it all)
        row.addWidget(self.commentary_by, 1)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setToolTip("Put back the commentary as saved")
        self.revert_button.clicked.connect(self.revert_commentary)
        self.save_button = QPushButton("&Save commentary")
        self.save_button.setObjectName("saveCommentary")
        self.save_button.setToolTip("Save the commentary for this period (Ctrl+Enter)")
        self.save_button.clicked.connect(self.save_commentary)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        box.addLayout(row)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self.commentary_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.save_commentary)
        self.tabs.addTab(page, "&Commentary")

        # about
        self.about_label = QLabel()
        self.about_label.setObjectName("aboutIndicator")
        self.about_label.setTextFormat(Qt.TextFormat.RichText)
        self.about_label.setWordWrap(True)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label.setContentsMargins(6, 6, 6, 6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.about_label)
        self.tabs.addTab(scroll, "A&bout")

        # by agency
        self.agencies_model = AgencyFiguresModel(self)
        self.agencies_table = _table(self.agencies_model)
        self.agencies_table.setObjectName("agencyFigures")
        self.agencies_table.setItemDelegateForColumn(AgencyFiguresModel.COL_RAG, RagChipDelegate(self.agencies_table))
        self.agencies_table.setColumnWidth(AgencyFiguresModel.COL_AGENCY, 220)
        self.agencies_table.setColumnWidth(AgencyFiguresModel.COL_VALUE, 80)
        self.tabs.addTab(self.agencies_table, "By a&gency")

        # revisions
        self.revisions_model = RevisionsModel(self)
        self.revisions_table = _table(self.revisions_model)
        self.revisions_table.setObjectName("revisions")
        for col, width in enumerate((84, 110, 120, 90, 110)):
            self.revisions_table.setColumnWidth(col, width)
        self.revisions_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tabs.addTab(self.revisions_table, "Re&visions")
        self.show_row(None)

    # --- showing ----------------------------------------------------------------------------------
    def show_row(self, row: ScorecardRow | None, chart: ChartData | None = None,
                 revisions: Sequence[Revision] = (), agency_names: Mapping[int, str] | None = None,
                 owner: str = "") -> None:
        """Show ``row`` (None: nothing chosen). The commentary box is refilled only when the
        indicator or period changed, or nothing was typed in it."""
        self.row = row
        names = dict(agency_names or {})
        self._show_heading(row)
        self._show_about(row, owner)
        self.agencies_model.set_rows(row, names)
        has_breakdown = row is not None and row.indicator.by_agency
        self.tabs.setTabEnabled(TAB_AGENCIES, has_breakdown)
        self.tabs.setTabText(TAB_AGENCIES, f"By a&gency ({len(row.by_agency)})" if has_breakdown and row
                             else "By a&gency")
        self.tabs.setTabToolTip(TAB_AGENCIES, "" if has_breakdown else "This indicator is not broken down by agency")
        ind = row.indicator if row else None
        self.revisions_model.set_rows(revisions, ind, names)
        self.tabs.setTabText(TAB_REVISIONS, f"Re&visions ({len(revisions)})" if revisions else "Re&visions")
        self._show_commentary(row)
        self.show_chart(chart, rag_key(row) if row else "no value")

    def show_chart(self, data: ChartData | None, rag: str = "no value") -> None:
        self.chart_data = data
        if data is None:
            self.chart_stack.setCurrentWidget(self.chart_placeholder)
            if self.chart is not None:
                self.chart.show_data(None)
            return
        chart = self.ensure_chart()
        chart.show_data(data, rag)
        self.chart_stack.setCurrentWidget(chart)

    def ensure_chart(self):
        """The chart widget, made (and Qt Charts imported) the first time it is needed."""
        if self.chart is None:
            from mqp_desktop.ui.widgets.indicator_chart import IndicatorChart

            self.chart = IndicatorChart()
            self.chart_stack.addWidget(self.chart)
        return self.chart

    def _show_heading(self, row: ScorecardRow | None) -> None:
        if row is None:
            self.heading.setText("<i>Choose an indicator above to see its chart, commentary and revisions.</i>")
            return
        ind = row.indicator
        value = ind.format(row.value) if row.value is not None else "no value"
        target = f" against a target of {html.escape(ind.format(ind.target))}" if ind.target is not None else ""
        why = exception_words(row)
        exception = f" · <b>exception</b>: {html.escape(why.lower())}" if why else ""
        retired = f" · <i>retired {format_date(ind.retired_on)}</i>" if ind.retired else ""
        self.heading.setText(
            f"<b>{html.escape(ind.code)}</b> {html.escape(ind.title)} — {html.escape(row.period.label())}: "
            f"<b>{html.escape(value)}</b>{target} · RAG: <b>{RAG_WORDS[rag_key(row)]}</b>{exception}{retired}")

    def _show_about(self, row: ScorecardRow | None, owner: str) -> None:
        if row is None:
            self.about_label.setText("")
            return
        ind = row.indicator
        facts = [
            ("Definition", ind.definition or "<i>none written</i>"),
            ("Theme", row.theme.name if row.theme else NONE_TEXT),
            ("Unit", UNIT_WORDS[ind.unit]),
            ("Direction", DIRECTION_WORDS[ind.direction]),
            ("Target", ind.format(ind.target) if ind.target is not None else "none"),
            ("Tolerance", tolerance_text(ind)),
            ("Bands", band_words(ind)),
            ("Frequency", FREQUENCY_WORDS[ind.frequency]),
            ("Owner", owner or "The partnership (no single agency)"),
            ("Source", ind.source or NONE_TEXT),
            ("Tags", ", ".join(ind.tags) or "none"),
            ("Broken down by agency", "yes" if ind.by_agency else "no"),
        ]
        if ind.retired:
            facts.append(("Retired", f"{format_date(ind.retired_on)}: {ind.retired_reason}"))
        rows = "".join(
            f"<tr><td style='padding-right:10px'><b>{html.escape(k)}</b></td>"
            f"<td>{v if k == 'Definition' and not ind.definition else html.escape(v)}</td></tr>"
            for k, v in facts)
        self.about_label.setText(f"<table cellspacing='2'>{rows}</table>")

    # --- commentary -------------------------------------------------------------------------------
    def _show_commentary(self, row: ScorecardRow | None) -> None:
        key = (row.indicator.id, row.period) if row else None
        if key == self.commentary_key and self.dirty:
            return  # the same indicator and period, with typing not saved: keep it
        self.commentary_key = key  # type: ignore[assignment]
        c = row.commentary if row else None
        self._fill_commentary(c)
        enabled = row is not None
        self.commentary_edit.setEnabled(enabled)
        if row is not None:
            self.commentary_caption.setText(f"What lies behind it — {row.period.label()}:")
        else:
            self.commentary_caption.setText("What lies behind it:")

    def _fill_commentary(self, c: Commentary | None) -> None:
        self.commentary_record = c
        self._loading = True
        try:
            self.commentary_version = (c.row_version or 0) if c else 0
            self.commentary_base = c.text if c else ""
            self.commentary_edit.setPlainText(self.commentary_base)
        finally:
            self._loading = False
        if c is not None and (c.author or c.written_at):
            self._say(f"Written by {c.author or 'someone'}, {_when(c.written_at)}")
        else:
            self._say("No commentary for this period yet." if self.row else "")
        self._typed()

    def _say(self, text: str) -> None:
        self.commentary_by.setText(text)
        self.commentary_by.setToolTip(text)

    @property
    def dirty(self) -> bool:
        return self.commentary_key is not None and self.commentary_edit.toPlainText().strip() != \
            self.commentary_base.strip()

    def _typed(self) -> None:
        if self._loading:
            return
        dirty = self.dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self._say("Not saved yet — Ctrl+Enter or Save commentary saves it.")
        self.commentary_dirty.emit(dirty)

    def show_saved(self, c: Commentary) -> None:
        """The commentary as now stored (after a save, or a reload of what someone else saved)."""
        if self.commentary_key is not None and (c.indicator_id, c.period) == self.commentary_key:
            self._fill_commentary(c)

    def show_stored(self, c: Commentary | None) -> None:
        self._fill_commentary(c)

    def revert_commentary(self) -> None:
        self._fill_commentary(self.commentary_record)

    def save_commentary(self) -> bool:
        """Save the typing through ``saver``; True when saved or nothing to save."""
        if not self.dirty or self.commentary_key is None or self.saver is None:
            return True
        indicator_id, period = self.commentary_key
        return self.saver(indicator_id, period, self.commentary_edit.toPlainText(), self.commentary_version)
