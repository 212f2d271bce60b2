"""The library view's table models, which load as the view scrolls.

At 100,000 briefings the whole list takes 6–10 s to read and the whole timeline about a minute,
while a page of either takes milliseconds. So these models hold the rows loaded so far and ask
for the next page when the view scrolls to their end (`canFetchMore` / `fetchMore`). They never
touch the library: a `Fetch` given by the library browser runs the query on the library's thread
and hands the page back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from reader.ui.date_words import describe_short

if TYPE_CHECKING:
    from reader.store.records import BriefingSummary, TimelineEntry

BriefingIdRole = Qt.ItemDataRole.UserRole + 50
#: Rows asked for at a time: a screenful many times over, and a few milliseconds of the library's time.
PAGE_ROWS = 300

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: Delivers a page: its rows, and whether more follow.
Deliver = Callable[[list[Any], bool], None]
#: Asks for the rows of `query` from `offset` (after `last`, the last row loaded; None for the first
#: page), at most `limit`; calls `Deliver` later, on the GUI thread.
Fetch = Callable[[Any, int, int, Any, Deliver], None]


class PagedTableModel(QAbstractTableModel):
    """Rows of one query, loaded a page at a time; an answer to an older query is dropped."""

    first_page_loaded = Signal(int)  # rows
    page_loaded = Signal(int)  # rows appended
    HEADERS: tuple[str, ...] = ()  # the columns, named by each model

    def __init__(self, parent: QObject | None = None, page_rows: int = PAGE_ROWS) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.query: Any = None
        self.page_rows = page_rows
        self._fetch: Fetch | None = None
        self._more = False
        self._fetching = False
        self._generation = 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    @property
    def complete(self) -> bool:
        """Every row of the query is loaded."""
        return not self._more

    @property
    def loading(self) -> bool:
        return self._fetching

    @property
    def fetcher(self) -> Fetch | None:
        """What the rows are asked through (None: rows given as they are, no library behind them)."""
        return self._fetch

    def load(self, fetch: Fetch, query: Any, keep: int = 0) -> None:
        """Show `query`'s rows from the start: its first page, or as many rows as `keep` (a refresh)."""
        self._fetch, self.query = fetch, query
        self._generation += 1
        generation = self._generation
        self._fetching = True
        fetch(query, 0, max(self.page_rows, keep), None, lambda rows, more: self._first_page(generation, rows, more))

    def reload(self) -> None:
        """The same query again, keeping as many rows as are loaded now (the library changed)."""
        if self._fetch is not None:
            self.load(self._fetch, self.query, keep=len(self.rows))

    def set_rows(self, rows: list[Any]) -> None:
        """Show exactly these rows (no library behind them)."""
        self._generation += 1
        self._fetch, self._more, self._fetching = None, False, False
        self._reset(rows)

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._fetching and self._fetch is not None

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._fetching = True
        generation = self._generation
        last = self.rows[-1] if self.rows else None
        self._fetch(self.query, len(self.rows), self.page_rows, last, lambda rows, more: self._next_page(generation, rows, more))

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def _first_page(self, generation: int, rows: list[Any], more: bool) -> None:
        if generation != self._generation:
            return
        self._fetching, self._more = False, more
        self._reset(rows)
        self.first_page_loaded.emit(len(rows))

    def _next_page(self, generation: int, rows: list[Any], more: bool) -> None:
        if generation != self._generation:
            return
        self._fetching, self._more = False, more
        if rows:
            self.beginInsertRows(_ROOT, len(self.rows), len(self.rows) + len(rows) - 1)
            self._append(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(rows))

    def _reset(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _append(self, rows: list[Any]) -> None:
        self.rows.extend(rows)


@dataclass(frozen=True)
class BriefingsQuery:
    """What the library list asks the store: `Library.list_briefings(sort, descending, actor, matching=words)`."""

    sort: str = "imported"
    descending: bool = True
    actor: str | None = None  # the briefings mentioning this actor; None for all
    words: str = ""  # the filter box: each word in the title, source, date or an actor's name


#: The columns the store can sort by; the others are sorted here, once every row is loaded.
STORE_SORTS = {0: "title", 1: "published", 2: "notes", 4: "imported"}


def query_for(sorted_by: tuple[int, Qt.SortOrder] | None, actor: str | None = None, words: str = "") -> BriefingsQuery:
    column, order = sorted_by or (4, Qt.SortOrder.DescendingOrder)
    if column not in STORE_SORTS:
        return BriefingsQuery(actor=actor, words=words)
    return BriefingsQuery(STORE_SORTS[column], order == Qt.SortOrder.DescendingOrder, actor, words)


class BriefingsModel(PagedTableModel):
    """One row per briefing: title, publication date, note count, top actors, imported.

    While rows remain to be loaded the store sorts them (a click on a header asks again from
    the first page); once all are loaded they are sorted here, by each column's real value.
    "Top actors" is not a column the store can sort: until every row is loaded it sorts the
    loaded rows only and loads no more (`sorted_locally`).
    """

    HEADERS = ("Title", "Published", "Notes", "Top actors", "Imported")

    def __init__(self, parent: QObject | None = None, page_rows: int = PAGE_ROWS) -> None:
        super().__init__(parent, page_rows)
        self.rows: list[BriefingSummary] = []
        self._haystacks: list[str] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        #: How many briefings the query has in all, when the fetch knows it (the count label says it).
        self.total: int | None = None

    @property
    def sorted_locally(self) -> bool:
        """The loaded rows are in an order the store cannot continue (a column it does not sort by)."""
        return self._sorted_by is not None and self._sorted_by[0] not in STORE_SORTS and not self.complete

    def load_briefings(self, fetch: Fetch, actor: str | None = None, keep: int = 0, words: str = "") -> None:
        self.load(fetch, query_for(self._sorted_by, actor, words), keep)

    @property
    def words(self) -> str:
        """The filter the store answered these rows with ("" for none)."""
        return self.query.words if isinstance(self.query, BriefingsQuery) else ""

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return super().canFetchMore(parent) and not self.sorted_locally

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python by each column's real value: one key per row, not a Qt callback per comparison."""
        if self._sorted_by == (column, order):
            return  # the rows are kept in this order already (the header asks twice)
        paged = not self.complete and self._fetch is not None
        if paged and column in STORE_SORTS:
            self._sorted_by = (column, order)
            assert self._fetch is not None
            self.load(self._fetch, query_for(self._sorted_by, self.query.actor if self.query else None, self.words))
            return
        if self._fetch is not None and column in STORE_SORTS and self.query is not None:
            self.query = replace(self.query, sort=STORE_SORTS[column], descending=order == Qt.SortOrder.DescendingOrder)
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

    def _reset(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._haystacks = [_haystack(r) for r in self.rows]
        if self._sorted_by is not None and (self.complete or self._sorted_by[0] not in STORE_SORTS):
            self._sort_rows(*self._sorted_by)  # else the store's order is the column's
        self.endResetModel()

    def _append(self, rows: list[Any]) -> None:
        self.rows.extend(rows)
        self._haystacks.extend(_haystack(r) for r in rows)

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._haystacks[row]

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
    """Keeps loaded rows whose title, date, actors or source contain the filter words; sorting is the model's.

    With 10,000 briefings Qt's own sort and filter call back into Python for every comparison
    and every cell (over a second on the GUI thread); the model sorts with one key per row and
    keeps a folded text per row, so both take milliseconds.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    @property
    def filtering(self) -> bool:
        return bool(self._needle)

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


class TimelineModel(PagedTableModel):
    """The events of the library in date order (`query`: the actor, "" for every event)."""

    HEADERS = ("Date", "Category", "What happened", "Actors", "Briefing")

    def __init__(self, parent: QObject | None = None, page_rows: int = PAGE_ROWS) -> None:
        super().__init__(parent, page_rows)
        self.rows: list[TimelineEntry] = []

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        event = entry.event
        column = index.column()
        if role == BriefingIdRole:
            return entry.briefing_id if column == 0 else event.start
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                date = describe_short(event.date, "DATE") if event.date else "undated"
                return date or (event.date or "")
            if column == 1:
                return event.category_label or event.category
            if column == 2:
                return event.summary or event.text
            if column == 3:
                return ", ".join(entry.actors)
            return entry.briefing_title
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return event.text
        return None
