"""The library view: every briefing in a sortable, filterable table; full-text search; a timeline.

Like the notes panel, the view only asks (signals) and shows (setters); the session runs the
library calls on its worker. Search results are rendered as rich text with the matched words
in bold; every piece of stored text is escaped first.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
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

from reader.ui.date_words import describe_short

if TYPE_CHECKING:
    from reader.store.records import BriefingSummary, Note, SearchHit, TimelineEntry

BriefingIdRole = Qt.ItemDataRole.UserRole + 50
SEARCH_DEBOUNCE_MS = 250

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class BriefingsModel(QAbstractTableModel):
    """One row per briefing: title, publication date, note count, top actors, imported."""

    HEADERS = ("Title", "Published", "Notes", "Top actors", "Imported")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BriefingSummary] = []
        self._haystacks: list[str] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[BriefingSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._haystacks = [_haystack(r) for r in self.rows]
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python by each column's real value: one key per row, not a Qt callback per comparison."""
        if self._sorted_by == (column, order):
            return  # the rows are kept in this order already (the header asks twice)
        self.beginResetModel()  # cheaper than a layout change for the proxy to follow with 10,000 rows
        self._sort_rows(column, order)
        self.endResetModel()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sorted_by = (column, order)
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else SORT_KEYS[4]
        paired = sorted(
            zip(self.rows, self._haystacks, strict=True),
            key=lambda p: key(p[0]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.rows = [p[0] for p in paired]
        self._haystacks = [p[1] for p in paired]

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._haystacks[row]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == BriefingIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title or "(untitled)"
            if column == 1:
                return row.published.isoformat() if row.published else ""
            if column == 2:
                return str(row.note_count) if row.note_count else ""
            if column == 3:
                return ", ".join(row.top_actors)
            return row.imported_at[:16].replace("T", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.source}" + ("" if row.analysed else "\n(not analysed yet)")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _haystack(row: BriefingSummary) -> str:
    published = row.published.isoformat() if row.published else ""
    return f"{row.title}\n{published}\n{', '.join(row.top_actors)}\n{row.source}".casefold()


SORT_KEYS = (
    lambda r: ((r.title or "").casefold(), r.id),
    lambda r: (r.published is not None, r.published.isoformat() if r.published else "", r.id),
    lambda r: (r.note_count, r.id),
    lambda r: (", ".join(r.top_actors).casefold(), r.id),
    lambda r: (r.imported_at, r.id),
)


class BriefingsProxy(QSortFilterProxyModel):
    """Keeps rows whose title, date, actors or source contain the filter words; sorting is the model's.

    With 10,000 briefings Qt's own sort and filter call back into Python for every comparison
    and every cell (over a second on the GUI thread); the model sorts with one key per row and
    keeps a folded text per row, so both take milliseconds.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated there
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange()
        else:
            self._needle = needle
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return isinstance(model, BriefingsModel) and model.matches(source_row, self._needle)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)


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
        self.filter.setPlaceholderText("Filter by title, date or actor…")
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
        self.timeline_tree = QTreeWidget(self)
        self.timeline_tree.setHeaderLabels(["Date", "Category", "What happened", "Actors", "Briefing"])
        self.timeline_tree.setRootIsDecorated(False)
        self.timeline_tree.setUniformRowHeights(True)
        self.timeline_tree.setAccessibleName("Timeline across briefings")
        for column, width in ((0, 110), (1, 150), (2, 360), (3, 200)):
            self.timeline_tree.header().resizeSection(column, width)
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
        t_layout.addWidget(self.timeline_tree, 1)
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
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)
        self.scope_clear.clicked.connect(self._clear_scope)
        self.import_button.clicked.connect(self.import_requested)
        show.clicked.connect(lambda: self.timeline_requested.emit(self.timeline_actor.text().strip()))
        self.timeline_actor.returnPressed.connect(
            lambda: self.timeline_requested.emit(self.timeline_actor.text().strip())
        )
        self.timeline_tree.itemActivated.connect(self._on_timeline_item)
        self.timeline_tree.itemDoubleClicked.connect(self._on_timeline_item)
        self.search_results.setHtml(results_html("", []))

    # ------------------------------------------------------------------ briefings


    def _on_tab(self, index: int) -> None:
        if index == self.NOTES_TAB:
            self.notes_requested.emit()
    def set_briefings(self, rows: list[BriefingSummary], scope: str = "") -> None:
        """Show `rows`; `scope` names a restriction ("Briefings mentioning X") with a way back."""
        self.model.set_rows(rows)
        self.scope_label.setText(scope)
        self.scope_label.setVisible(bool(scope))
        self.scope_clear.setVisible(bool(scope))
        self._update_count()
        if scope:
            self.tabs.setCurrentIndex(0)

    def _clear_scope(self) -> None:
        self.scope_label.hide()
        self.scope_clear.hide()
        self.refresh_requested.emit()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            self.count_label.setText("The library is empty: open a briefing or import files or a folder.")
        elif shown == total:
            self.count_label.setText(f"{total} briefing{'s' * (total != 1)}")
        else:
            self.count_label.setText(f"{shown} of {total} briefings")

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

    def set_timeline(self, actor: str, entries: list[TimelineEntry]) -> None:
        self.tabs.setCurrentIndex(2)
        if self.timeline_actor.text().strip() != actor:
            self.timeline_actor.setText(actor)
        self.timeline_tree.clear()
        items = []
        for entry in entries:
            event = entry.event
            date = describe_short(event.date, "DATE") if event.date else "undated"
            item = QTreeWidgetItem(
                [
                    date or (event.date or ""),
                    event.category_label or event.category,
                    event.summary or event.text,
                    ", ".join(entry.actors),
                    entry.briefing_title,
                ]
            )
            item.setToolTip(2, event.text)
            item.setData(0, BriefingIdRole, entry.briefing_id)
            item.setData(1, BriefingIdRole, event.start)
            items.append(item)
        self.timeline_tree.addTopLevelItems(items)
        who = f" involving {actor}" if actor else ""
        self.timeline_status.setText(f"{len(entries)} event{'s' * (len(entries) != 1)}{who}")

    def _on_timeline_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        briefing_id = item.data(0, BriefingIdRole)
        if briefing_id:
            self.open_requested.emit(briefing_id, "")
