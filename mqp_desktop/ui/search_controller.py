"""Search everything (Ctrl+K, issue 12): the search window, and opening what it found.

:class:`SearchDialog` (Designer form ``forms/search_dialog.ui``) searches as the officer types
(after a short pause), shows the hits grouped by kind with the matched words in bold below, and
opens the chosen one with Enter or a double-click; Esc closes it. The search is ``store.search``
(SQLite's FTS5 index, kept current by the database as records change: see ``store/search.py``).

:meth:`SearchController.open_hit` opens a hit where the window already shows that kind of record:
minutes and decisions at their item in the meeting's minutes, agenda items and papers in the
meeting's agenda, actions in the action log, and each kind of record selected on its page (the
way the minutes' Challenges tab and the Partnership page open theirs); anything else opens its meeting.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QHeaderView, QProgressDialog, QTreeWidgetItem, QWidget

from mqp_desktop.domain.search import KIND_LABELS, SearchHit, group_hits, snippet_parts
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.generated.ui_search_dialog import Ui_SearchDialog

if TYPE_CHECKING:
    from mqp_desktop.store import Store
    from mqp_desktop.ui.main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 200
LIMIT = 200
PER_KIND = 50


def snippet_html(snippet: str) -> str:
    """The snippet as rich text: escaped, matches in bold."""
    return "".join(f"<b>{html.escape(t)}</b>" if bold else html.escape(t) for t, bold in snippet_parts(snippet))


def snippet_plain(snippet: str) -> str:
    return "".join(t for t, _bold in snippet_parts(snippet))


class SearchDialog(QDialog):
    """The search window: type, see hits by kind, Enter opens one."""

    def __init__(self, store: Store, open_hit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SearchDialog()
        self.ui.setupUi(self)
        self.store = store
        self.open_hit = open_hit
        self.hits: list[SearchHit] = []
        tree = self.ui.resultsTree
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        tree.header().setStretchLastSection(True)
        tree.setColumnWidth(0, max(300, self.width() // 2))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.ui.queryEdit.textChanged.connect(lambda _t: self.timer.start())
        self.ui.queryEdit.returnPressed.connect(self.open_current)
        self.ui.queryEdit.installEventFilter(self)
        tree.itemActivated.connect(lambda item, _col: self.open_item(item))
        tree.currentItemChanged.connect(lambda item, _old: self._preview(item))
        self.ui.openButton.clicked.connect(self.open_current)
        self.ui.rebuildButton.clicked.connect(self.rebuild)
        self._status_idle()

    # --- searching -----------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        text = self.ui.queryEdit.text()
        try:
            self.hits = self.store.search.query(text, LIMIT, per_kind=PER_KIND) if text.strip() else []
        except StoreError as exc:
            self.hits = []
            self.ui.statusLabel.setText(f"{exc.problem} {exc.remedy}")
            self._fill([])
            return
        self._fill(self.hits)
        if not text.strip():
            self._status_idle()
        elif not self.hits:
            self.ui.statusLabel.setText(f"Nothing found for '{text.strip()}'.")
        else:
            kinds = len({h.kind for h in self.hits})
            more = f" (the first {LIMIT})" if len(self.hits) >= LIMIT else ""
            self.ui.statusLabel.setText(f"{len(self.hits)} found{more} in {kinds} kind{'s' if kinds != 1 else ''} of "
                                        "record · Enter opens · ↓ to choose · Esc closes")

    def _status_idle(self) -> None:
        entries = sum(self.store.search.counts().values())
        self.ui.statusLabel.setText(f"Type to search {entries:,} entries: minutes, decisions, actions, agenda items, "
                                    "papers' text and the records of every page.")

    def _fill(self, hits: list[SearchHit]) -> None:
        tree = self.ui.resultsTree
        tree.setUpdatesEnabled(False)
        tree.clear()
        first = None
        bold = tree.font()
        bold.setBold(True)
        for kind, group in group_hits(hits):
            head = QTreeWidgetItem([f"{KIND_LABELS.get(kind, kind)} ({len(group)})", ""])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(head)
            for hit in group:
                item = QTreeWidgetItem([hit.title, snippet_plain(hit.snippet)])
                item.setData(0, HIT_ROLE, hit)
                item.setToolTip(0, hit.title)
                item.setToolTip(1, snippet_plain(hit.snippet))
                head.addChild(item)
                first = first or item
            head.setExpanded(True)
        tree.setUpdatesEnabled(True)
        if first is not None:
            tree.setCurrentItem(first)
        else:
            self.ui.previewLabel.setText("")
        self.ui.openButton.setEnabled(first is not None)

    def _preview(self, item: QTreeWidgetItem | None) -> None:
        hit = item.data(0, HIT_ROLE) if item is not None else None
        if hit is None:
            self.ui.previewLabel.setText("")
            return
        self.ui.previewLabel.setText(f"<b>{html.escape(hit.kind_label)}</b> · {html.escape(hit.title)}<br>"
                                     f"{snippet_html(hit.snippet)}")

    def visible_groups(self) -> list[tuple[str, list[str]]]:
        """(group heading, [hit titles]) as shown (for tests and screen readers' sake)."""
        tree = self.ui.resultsTree
        return [(tree.topLevelItem(i).text(0), [tree.topLevelItem(i).child(j).text(0)
                                                 for j in range(tree.topLevelItem(i).childCount())])
                for i in range(tree.topLevelItemCount())]

    # --- choosing and opening ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.queryEdit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._step(1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1)
                return True
        return super().eventFilter(watched, event)

    def _hit_items(self) -> list[QTreeWidgetItem]:
        tree = self.ui.resultsTree
        return [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]

    def _step(self, delta: int) -> None:
        items = self._hit_items()
        if not items:
            return
        current = self.ui.resultsTree.currentItem()
        n = items.index(current) + delta if current in items else 0
        self.ui.resultsTree.setCurrentItem(items[max(0, min(len(items) - 1, n))])

    def open_current(self) -> None:
        if self.timer.isActive():  # Enter before the pause ended: search now, then open the best
            self.run_search()
        item = self.ui.resultsTree.currentItem()
        if item is None or item.data(0, HIT_ROLE) is None:
            items = self._hit_items()
            item = items[0] if items else None
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is None:
            return
        self.accept()
        self.open_hit(hit)

    # --- rebuilding -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        progress = QProgressDialog("Reading the text of papers' files…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Rebuild the search index")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        ok, result = errors.run_busy(self, lambda: self.store.search.rebuild(
            progress=step, cancelled=progress.wasCanceled), "Search index not rebuilt")
        progress.close()
        if ok:
            if result.cancelled:
                self.ui.statusLabel.setText(f"Rebuild cancelled: the text of {result.texts_read} paper file(s) was read "
                                            "and kept; the index is as it was.")
            else:
                read = f"; the text of {result.texts_read} paper file(s) read" if result.texts_read else ""
                self.ui.statusLabel.setText(f"Search index rebuilt: {result.entries:,} entries in "
                                            f"{result.seconds:.1f} s{read}.")
            if self.ui.queryEdit.text().strip():
                status = self.ui.statusLabel.text()
                self.run_search()
                self.ui.statusLabel.setText(status)


class SearchController:
    """Ctrl+K: the search window, from anywhere; opening a hit where the window shows its kind."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.dialog: SearchDialog | None = None
        self.action = QAction("&Search everything…", window)
        self.action.setShortcut("Ctrl+K")
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip("Search minutes, decisions, actions, agenda items, papers' text and every record")
        self.action.setToolTip(self.action.statusTip())
        self.action.triggered.connect(lambda _checked=False: self.show_dialog())
        window.addAction(self.action)  # answers Ctrl+K on every page, menus open or not

    @property
    def store(self) -> Store | None:
        return self.window.store

    def update_actions(self) -> None:
        self.action.setEnabled(self.store is not None)

    def show_dialog(self) -> SearchDialog | None:
        if self.store is None:
            return None
        if self.dialog is not None and self.dialog.store is not self.store:
            self.dialog.deleteLater()
            self.dialog = None
        if self.dialog is None:
            self.dialog = SearchDialog(self.store, self.open_hit, self.window)
        dialog = self.dialog
        dialog.resize(min(1000, max(560, self.window.width() - 160)), min(600, max(360, self.window.height() - 120)))
        dialog.ui.resultsTree.setColumnWidth(0, max(300, dialog.width() // 2))
        dialog.show()
        dialog.activateWindow()
        dialog.ui.queryEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        dialog.ui.queryEdit.selectAll()
        if dialog.ui.queryEdit.text().strip():
            dialog.run_search()  # records may have changed since it was last open
        return dialog

    def open_hit(self, hit: SearchHit) -> None:
        """Show the record a hit names, selected on its page (see the module's notes)."""
        w = self.window
        kind, record_id = hit.kind, hit.record_id
        if kind in ("minutes", "decision") and hit.meeting_id is not None:
            w.meetings.minutes.open_minutes(hit.meeting_id)
            if hit.table == "agenda_item":
                w.meetings.minutes.view.select_item(record_id)
        elif kind in ("agenda_item", "paper") and hit.meeting_id is not None:
            w.meetings.agenda.open_agenda(hit.meeting_id)
            view = w.meetings.agenda.view
            if kind == "agenda_item":
                view.select_item(record_id)
            else:  # the paper's item first: the papers shown are those of the chosen item
                view.select_item(self.store.agendas.paper(record_id).item_id)
                view.select_paper(record_id)
        elif kind == "action":
            w.show_page(w.PAGE_ACTIONS)
            self._select_action(record_id)
        elif kind == "challenge":
            w.challenges.show_challenge(record_id)
        elif kind in ("indicator", "commentary"):
            if kind == "commentary":
                row = self.store.db.execute("SELECT indicator_id FROM indicator_commentary WHERE id = ?",
                                            [record_id]).fetchone()
                record_id = row[0] if row else record_id
            w.scorecard.show_page()
            w.scorecard.page.select_indicator(record_id)
        elif kind in ("audit", "inspection"):
            from mqp_desktop.ui.pages.quality_page import TAB_AUDITS, TAB_INSPECTIONS

            w.show_page(w.PAGE_QUALITY)
            w.quality.page.show_tab(TAB_AUDITS if kind == "audit" else TAB_INSPECTIONS)
            w.quality.page.ensure_current()
            (w.quality.page.select_audit if kind == "audit" else w.quality.page.select_inspection)(record_id)
        elif kind == "transfer":
            w.partnership.show_transfer(record_id)
        elif kind == "escalation":
            w.partnership.show_escalation(record_id)
        elif kind in ("case_review", "training", "document", "attendance_letter"):
            from mqp_desktop.ui.governance.page import TAB_DOCUMENTS, TAB_FOLLOWUP, TAB_REVIEWS, TAB_TRAINING

            tab = {"case_review": TAB_REVIEWS, "training": TAB_TRAINING, "document": TAB_DOCUMENTS,
                   "attendance_letter": TAB_FOLLOWUP}[kind]
            w.show_page(w.PAGE_GOVERNANCE)
            w.governance.page.show_tab(tab)
            w.governance.page.tab_widgets[tab].select(record_id)
        elif hit.meeting_id is not None:  # a kind with no page of its own: its meeting
            w.show_page(w.PAGE_MEETINGS)
            w.meetings.page.select_meeting(hit.meeting_id)
        w.statusBar().showMessage(f"Opened from the search: {hit.kind_label.lower()} — {hit.title}", 8000)

    def _select_action(self, action_id: int) -> bool:
        page = self.window.actions_page
        for attempt in range(2):
            for row in range(page.proxy.rowCount()):
                index = page.proxy.index(row, 0)
                found = index.data(Qt.ItemDataRole.UserRole + 2)
                if found is not None and found.action.id == action_id:
                    page.table.selectRow(row)
                    page.table.scrollTo(index)
                    page.table.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
            if attempt == 0:  # hidden by the filters: show every action
                page.filter_edit.clear()
                page.owner_combo.setCurrentIndex(0)
                page.status_combo.setCurrentIndex(0)
                page.overdue_check.setChecked(False)
        return False
