"""The library view: every briefing in a sortable, filterable table; full-text search; a timeline.

Like the notes panel, the view only asks (signals) and shows (setters); the session runs the
library calls on its worker. Search results are rendered as rich text with the matched words
in bold; every piece of stored text is escaped first.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.library_models import BriefingIdRole, BriefingsModel, BriefingsProxy, Fetch, TimelineModel

if TYPE_CHECKING:
    from reader.store.records import BriefingSummary, Note, SearchHit, TimelineEntry

SEARCH_DEBOUNCE_MS = 250
#: The filter box asks the library once typing pauses this long.
FILTER_DEBOUNCE_MS = 150
#: Matches of the filter are counted up to this many; past it the count says "more than".
MATCHES_COUNTED = 1000
#: Rows given without a library behind them are filtered here; while a filter hides most of the rows
#: loaded, more are loaded until this many match (or all are loaded).
FILTER_FILL_ROWS = 100

__all__ = ["BriefingIdRole", "BriefingsModel", "BriefingsProxy", "LibraryView", "TimelineModel"]


def snippet_html(hit: SearchHit) -> str:
    """The snippet with matched words in bold; everything else escaped."""
    parts = []
    for text, matched in hit.parts():
        escaped = html.escape(re.sub(r"\s+", " ", text))
        parts.append(f"<b>{escaped}</b>" if matched else escaped)
    return "".join(parts)


def results_html(query: str, hits: list[SearchHit]) -> str:
    if not query.strip():
        return "<p style='color:gray'>Type words to search every briefing and note.</p>"
    if not hits:
        return f"<p>No briefing or note matches <b>{html.escape(query)}</b>.</p>"
    items = []
    for hit in hits:
        target = f"briefing:{hit.briefing_id}" if hit.briefing_id else ""
        if hit.note_id:
            target += f"?note={hit.note_id}"
        kind = "Note" if hit.kind == "note" else "Briefing"
        title = html.escape(hit.title or "(untitled)")
        heading = f"<a href='{html.escape(target)}'>{title}</a>" if target else title
        items.append(f"<p><small>{kind}</small> {heading}<br>{snippet_html(hit)}</p>")
    return "".join(items)


class LibraryView(QWidget):
    """Briefings table, search and cross-briefing timeline, in tabs."""

    open_requested = Signal(str, str)  # briefing id, note id ("" for none)
    search_requested = Signal(str)
    timeline_requested = Signal(str)  # actor name ("" for every event)
    refresh_requested = Signal()
    import_requested = Signal()
    notes_requested = Signal()  # the Notes tab was shown: list every note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BriefingsModel(self)
        self.proxy = BriefingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 96), (2, 52), (3, 260), (4, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setAccessibleName("Briefings in the library")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter by title, source, date or actor…")
        self.filter.setClearButtonEnabled(True)
        self.scope_label = QLabel("")
        self.scope_clear = QToolButton(self)
        self.scope_clear.setText("Show all")
        self.scope_clear.setAutoRaise(True)
        self.scope_label.hide()
        self.scope_clear.hide()
        self.count_label = QLabel("")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.import_button = QPushButton("Import…")

        briefings_tab = QWidget(self)
        b_layout = QVBoxLayout(briefings_tab)
        b_layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.import_button)
        b_layout.addLayout(top)
        scope = QHBoxLayout()
        scope.addWidget(self.scope_label, 1)
        scope.addWidget(self.scope_clear)
        b_layout.addLayout(scope)
        b_layout.addWidget(self.table, 1)
        b_layout.addWidget(self.count_label)

        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText('Search every briefing and note (words, "a phrase", prefix*)…')
        self.search_field.setClearButtonEnabled(True)
        self.search_results = QTextBrowser(self)
        self.search_results.setOpenLinks(False)
        self.search_results.setOpenExternalLinks(False)
        self.search_results.setAccessibleName("Search results")
        self.search_status = QLabel("")
        self.search_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        search_tab = QWidget(self)
        s_layout = QVBoxLayout(search_tab)
        s_layout.setContentsMargins(4, 4, 4, 4)
        s_layout.addWidget(self.search_field)
        s_layout.addWidget(self.search_results, 1)
        s_layout.addWidget(self.search_status)

        self.timeline_actor = QLineEdit(self)
        self.timeline_actor.setPlaceholderText("Actor (empty: every event of every briefing)")
        self.timeline_actor.setClearButtonEnabled(True)
        self.timeline_model = TimelineModel(self)
        # A table, not a tree: QTreeView asks its model for more at every layout, so it would load every page.
        self.timeline_table = QTableView(self)
        self.timeline_table.setModel(self.timeline_model)
        self.timeline_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_table.setShowGrid(False)
        self.timeline_table.setWordWrap(False)
        self.timeline_table.verticalHeader().hide()
        self.timeline_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.timeline_table.horizontalHeader().setStretchLastSection(True)
        self.timeline_table.setAccessibleName("Timeline across briefings")
        for column, width in ((0, 110), (1, 150), (2, 360), (3, 200)):
            self.timeline_table.horizontalHeader().resizeSection(column, width)
        self.timeline_status = QLabel("")
        self.timeline_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        timeline_tab = QWidget(self)
        t_layout = QVBoxLayout(timeline_tab)
        t_layout.setContentsMargins(4, 4, 4, 4)
        t_row = QHBoxLayout()
        t_row.addWidget(self.timeline_actor, 1)
        show = QPushButton("Show")
        t_row.addWidget(show)
        t_layout.addLayout(t_row)
        t_layout.addWidget(self.timeline_table, 1)
        t_layout.addWidget(self.timeline_status)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(briefings_tab, "Briefings")
        self.tabs.addTab(search_tab, "Search")
        self.tabs.addTab(timeline_tab, "Timeline")

        self.notes_tree = QTreeWidget(self)
        self.notes_tree.setHeaderLabels(["Briefing", "On", "Note", "Last changed"])
        self.notes_tree.setRootIsDecorated(False)
        self.notes_tree.setUniformRowHeights(True)
        self.notes_tree.setAccessibleName("Every note in the library")
        for column, width in ((0, 300), (1, 260), (2, 380)):
            self.notes_tree.header().resizeSection(column, width)
        self.notes_tree.itemActivated.connect(self._on_note_item)
        self.notes_tree.itemDoubleClicked.connect(self._on_note_item)
        self.notes_status = QLabel("")
        self.notes_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        notes_tab = QWidget(self)
        n_layout = QVBoxLayout(notes_tab)
        n_layout.setContentsMargins(4, 4, 4, 4)
        n_layout.addWidget(self.notes_tree, 1)
        n_layout.addWidget(self.notes_status)
        self.tabs.addTab(notes_tab, "Notes")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(lambda: self.search_requested.emit(self.search_field.text()))
        self.search_field.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_field.returnPressed.connect(self._search_now)
        self.search_results.anchorClicked.connect(self._on_result_clicked)
        self.filter.textChanged.connect(self._on_filter)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self._ask_filter)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)
        self.scope_clear.clicked.connect(self._clear_scope)
        self.import_button.clicked.connect(self.import_requested)
        show.clicked.connect(lambda: self.timeline_requested.emit(self.timeline_actor.text().strip()))
        self.timeline_actor.returnPressed.connect(
            lambda: self.timeline_requested.emit(self.timeline_actor.text().strip())
        )
        self.timeline_table.activated.connect(self._on_timeline_item)
        self.timeline_table.doubleClicked.connect(self._on_timeline_item)
        self.model.first_page_loaded.connect(self._on_briefings_loaded)
        self.model.page_loaded.connect(lambda _n: self._after_page())
        self.model.modelReset.connect(self._update_count)
        self.timeline_model.first_page_loaded.connect(lambda _n: self._update_timeline_status())
        self.timeline_model.page_loaded.connect(lambda _n: self._update_timeline_status())
        self._selected_id = ""  # the briefing selected before a reload, selected again if it is still listed
        self._pending_scope = ""
        self.search_results.setHtml(results_html("", []))

    # ------------------------------------------------------------------ briefings


    def _on_tab(self, index: int) -> None:
        if index == self.NOTES_TAB:
            self.notes_requested.emit()
    def load_briefings(self, fetch: Fetch, actor: str | None = None, scope: str = "", keep: int = 0) -> None:
        """List the library's briefings (those naming `actor`), a page at a time through `fetch`;
        `scope` names a restriction ("Briefings mentioning X") with a way back."""
        self._selected_id = self._selected_briefing()
        self._pending_scope = scope  # said with the rows it describes
        self._filter_timer.stop()
        self.proxy.set_filter_text("")  # the library answers the filter box (see _on_filter)
        self.model.load_briefings(fetch, actor, keep, self.filter_words())

    def set_briefings(self, rows: list[BriefingSummary], scope: str = "") -> None:
        """Show exactly `rows` (no library behind them)."""
        self.model.set_rows(rows)
        self._set_scope(scope)
        self._update_count()

    def _set_scope(self, scope: str) -> None:
        self.scope_label.setText(scope)
        self.scope_label.setVisible(bool(scope))
        self.scope_clear.setVisible(bool(scope))
        if scope:
            self.tabs.setCurrentIndex(0)

    def _selected_briefing(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return str(rows[0].data(BriefingIdRole) or "") if rows else ""

    def _on_briefings_loaded(self, _rows: int) -> None:
        self._set_scope(self._pending_scope)
        if self._selected_id:
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(BriefingIdRole) == self._selected_id:
                    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    self.table.selectionModel().select(index, flags)
                    self.table.setCurrentIndex(index)
                    break
        self._after_page()

    def _after_page(self) -> None:
        self._update_count()
        self._fill_filtered()

    def _fill_filtered(self) -> None:
        """A filter sees only loaded rows: while it shows few, load more (the view asks only when it has room)."""
        if self.proxy.filtering and self.proxy.rowCount() < FILTER_FILL_ROWS and self.model.canFetchMore():
            self.model.fetchMore()

    def _clear_scope(self) -> None:
        self.scope_label.hide()
        self.scope_clear.hide()
        self.refresh_requested.emit()

    def filter_words(self) -> str:
        return " ".join(self.filter.text().split())

    def _on_filter(self, text: str) -> None:
        """A list from the library is filtered by the library (every briefing, through its indexes, once
        typing pauses); rows given without a library are filtered here."""
        if self.model.fetcher is not None:
            self._filter_timer.start()
            return
        self.proxy.set_filter_text(text)
        self._update_count()
        self._fill_filtered()

    def _ask_filter(self) -> None:
        fetch, words = self.model.fetcher, self.filter_words()
        if fetch is None or words == self.model.words:
            return
        self._selected_id = self._selected_briefing()
        self._pending_scope = self.scope_label.text() if self.scope_label.isVisible() else ""
        self.model.load_briefings(fetch, self.model.query.actor if self.model.query else None, 0, words)

    def _update_count(self) -> None:
        loaded, shown = self.model.rowCount(), self.proxy.rowCount()
        if self.model.words:
            found = self.model.total if self.model.total is not None else loaded
            many = f"more than {MATCHES_COUNTED:,}" if found > MATCHES_COUNTED else f"{found:,}"
            if self.model.complete:
                self.count_label.setText(f"{loaded:,} briefing{'s match' if loaded != 1 else ' matches'} “{self.model.words}”")
            else:
                self.count_label.setText(f"{loaded:,} of the {many} briefings matching “{self.model.words}” listed; more as you scroll")
            return
        if self.model.complete:
            if loaded == 0:
                self.count_label.setText("The library is empty: open a briefing or import files or a folder.")
            elif shown == loaded:
                self.count_label.setText(f"{loaded} briefing{'s' * (loaded != 1)}")
            else:
                self.count_label.setText(f"{shown} of {loaded} briefings")
            return
        total = f" of {self.model.total:,}" if self.model.total is not None else ""
        if self.model.sorted_locally:
            more = "; sort by another column to list the rest"
        elif self.model.loading and self.proxy.filtering:
            more = "; looking through more…"
        else:
            more = "; more as you scroll"
        if self.proxy.filtering:
            self.count_label.setText(f"{shown:,} of the {loaded:,} listed{total} match{more}")
        else:
            self.count_label.setText(f"{loaded:,}{total} briefings listed{more}")

    def _on_double_click(self, index: QModelIndex) -> None:
        briefing_id = index.data(BriefingIdRole)
        if briefing_id:
            self.open_requested.emit(briefing_id, "")

    # ------------------------------------------------------------------ search

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.search_requested.emit(self.search_field.text())

    def set_search_results(self, query: str, hits: list[SearchHit], seconds: float | None = None) -> None:
        self.last_hits = hits
        self.search_results.setHtml(results_html(query, hits))
        if query.strip() and seconds is not None:
            self.search_status.setText(f"{len(hits)} result{'s' * (len(hits) != 1)} in {seconds * 1000:.0f} ms")
        else:
            self.search_status.setText("")

    def set_search_error(self, message: str) -> None:
        self.search_results.setHtml(f"<p>{html.escape(message)}</p>")
        self.search_status.setText("")

    def _on_result_clicked(self, url: QUrl) -> None:
        if url.scheme() != "briefing":
            return
        briefing_id = url.path()
        note_id = url.query().removeprefix("note=") if url.hasQuery() else ""
        if briefing_id:
            self.open_requested.emit(briefing_id, note_id)

    # ------------------------------------------------------------------ timeline

    NOTES_TAB = 3

    def set_notes(self, notes: list[Note], titles: dict[str, str]) -> None:
        """Every note of the library, newest change first; double-click opens its briefing at the note."""
        from reader.ui.notes_panel import note_first_line, note_heading

        self.notes_tree.clear()
        items = []
        for note in sorted(notes, key=lambda n: n.updated_at, reverse=True):
            title = titles.get(note.briefing_id or "", "") if note.briefing_id else ""
            item = QTreeWidgetItem(
                [title or "(every briefing naming the actor)", note_heading(note), note_first_line(note), note.updated_at[:16].replace("T", " ")]
            )
            item.setToolTip(2, note.body[:500])
            item.setData(0, BriefingIdRole, note.briefing_id or "")
            item.setData(1, BriefingIdRole, note.id)
            items.append(item)
        self.notes_tree.addTopLevelItems(items)
        self.notes_status.setText(f"{len(notes)} note{'s' * (len(notes) != 1)} and highlights")

    def _on_note_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        briefing_id = item.data(0, BriefingIdRole)
        if briefing_id:
            self.open_requested.emit(briefing_id, item.data(1, BriefingIdRole) or "")

    def load_timeline(self, actor: str, fetch: Fetch) -> None:
        """The events involving `actor` ("" for every event), a page at a time through `fetch`."""
        self._show_timeline_of(actor)
        self.timeline_model.load(fetch, actor)

    def set_timeline(self, actor: str, entries: list[TimelineEntry]) -> None:
        """Show exactly `entries` (no library behind them)."""
        self._show_timeline_of(actor)
        self.timeline_model.set_rows(entries)
        self._update_timeline_status()

    def _show_timeline_of(self, actor: str) -> None:
        self.tabs.setCurrentIndex(2)
        if self.timeline_actor.text().strip() != actor:
            self.timeline_actor.setText(actor)

    def _update_timeline_status(self) -> None:
        model = self.timeline_model
        n, actor = model.rowCount(), model.query or ""
        who = f" involving {actor}" if actor else ""
        if model.complete:
            self.timeline_status.setText(f"{n} event{'s' * (n != 1)}{who}")
        else:
            self.timeline_status.setText(f"The first {n:,} events{who}; more as you scroll")

    def _on_timeline_item(self, index: QModelIndex) -> None:
        briefing_id = index.siblingAtColumn(0).data(BriefingIdRole)
        if briefing_id:
            self.open_requested.emit(briefing_id, "")
