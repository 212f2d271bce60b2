"""The library list and its timeline load a page at a time as the view scrolls (issue 17: 100,000 briefings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from test_notes import TIMEOUT_MS, close_window, make_library_window

from reader.model import Document, Event
from reader.store import Library
from reader.store.records import BriefingSummary, TimelineEntry
from reader.ui.library_models import PAGE_ROWS, BriefingsQuery
from reader.ui.library_view import BriefingIdRole, LibraryView

pytestmark = pytest.mark.gui

ROWS = 2 * PAGE_ROWS + 50


def _summaries(n: int) -> list[BriefingSummary]:
    return [
        BriefingSummary(
            f"id{i:04}",
            f"Title {(i * 7919) % n:04}" + (" Borduria" if i % 97 == 0 else ""),
            dt.date(2020, 1, 1) + dt.timedelta(days=i),
            f"{i}.txt",
            f"2024-06-01T10:{i // 60 % 60:02}:{i % 60:02}.{i:04}",
            i % 5,
            ["Syldavia"],
        )
        for i in range(n)
    ]


class FakeStore:
    """Answers pages as the library would, later (as from the library's thread); records every ask."""

    def __init__(self, rows: list[BriefingSummary]) -> None:
        self.rows = rows
        self.asked: list[tuple[BriefingsQuery, int, int]] = []

    def fetch(self, query: BriefingsQuery, offset: int, limit: int, last, deliver) -> None:
        assert (last is None) == (offset == 0)
        self.asked.append((query, offset, limit))
        keys = {"imported": lambda r: r.imported_at, "title": lambda r: r.title.casefold(), "notes": lambda r: r.note_count}
        rows = [r for r in self.rows if all(w in f"{r.title} {r.source} {' '.join(r.top_actors)}".casefold() for w in query.words.casefold().split())]
        ordered = sorted(rows, key=keys.get(query.sort, keys["imported"]), reverse=query.descending)
        page = ordered[offset : offset + limit]
        QTimer.singleShot(0, lambda: deliver(page, offset + limit < len(ordered)))


@pytest.fixture
def view(qtbot):
    view = LibraryView()
    view.resize(900, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _titles(view: LibraryView) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def test_the_list_loads_its_first_page_then_more_as_the_view_scrolls(qtbot, view):
    store = FakeStore(_summaries(ROWS))
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.load_briefings(store.fetch)
    assert view.model.rowCount() == PAGE_ROWS and view.model.canFetchMore()
    assert store.asked == [(BriefingsQuery("imported", True, None), 0, PAGE_ROWS)]
    assert "more as you scroll" in view.count_label.text()
    newest = max(store.rows, key=lambda r: r.imported_at)
    assert view.proxy.index(0, 0).data(BriefingIdRole) == newest.id
    view.table.selectRow(3)
    selected = view.proxy.index(3, 0).data(BriefingIdRole)
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT_MS):
        view.table.scrollToBottom()  # what the reader's scrolling does: the view asks for more
    assert view.model.rowCount() == 2 * PAGE_ROWS and store.asked[-1][1:] == (PAGE_ROWS, PAGE_ROWS)
    assert view.table.selectionModel().selectedRows()[0].data(BriefingIdRole) == selected  # appending keeps it
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT_MS):
        view.table.scrollToBottom()
    assert view.model.rowCount() == ROWS and view.model.complete and not view.model.canFetchMore()
    assert view.count_label.text() == f"{ROWS} briefings"
    assert len({view.proxy.index(r, 0).data(BriefingIdRole) for r in range(ROWS)}) == ROWS


def test_sorting_a_partly_loaded_list_asks_the_store_from_the_first_page(qtbot, view):
    store = FakeStore(_summaries(ROWS))
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.load_briefings(store.fetch)
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert store.asked[-1] == (BriefingsQuery("title", False, None), 0, PAGE_ROWS)
    every_title = sorted((r.title for r in store.rows), key=str.casefold)
    assert _titles(view) == every_title[:PAGE_ROWS]  # the library's first titles, not the loaded rows re-sorted
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT_MS):
        view.table.scrollToBottom()
    assert _titles(view) == every_title[: 2 * PAGE_ROWS]
    # Top actors is no column the store sorts by: the loaded rows are sorted, and no more are asked for.
    asked = len(store.asked)
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert view.model.rowCount() == 2 * PAGE_ROWS and not view.model.canFetchMore()
    assert len(store.asked) == asked and "sort by another column" in view.count_label.text()


def test_the_filter_is_answered_by_the_store_without_walking_the_pages(qtbot, view):
    """Issue 17: a word in 7 of the briefings used to load page after page until it had 100 rows to show."""
    store = FakeStore(_summaries(ROWS))
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.load_briefings(store.fetch)
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.filter.setText("bord")
        view.filter.setText("borduria")  # typing: the store is asked once it pauses
    assert store.asked[1:] == [(BriefingsQuery(words="borduria"), 0, PAGE_ROWS)]
    assert _titles(view) == [r.title for r in sorted(store.rows, key=lambda r: r.imported_at, reverse=True) if "Borduria" in r.title]
    assert len(_titles(view)) == 7 and view.model.complete and view.count_label.text() == "7 briefings match “borduria”"
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # all 7 are loaded: sorted here
    assert _titles(view) == sorted(_titles(view), key=str.casefold) and len(store.asked) == 2
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.filter.setText("syldavia")  # in every row: a page of them, more as the view scrolls
    assert store.asked[-1] == (BriefingsQuery("title", False, None, "syldavia"), 0, PAGE_ROWS)
    assert view.model.rowCount() == PAGE_ROWS and not view.model.complete
    assert "more as you scroll" in view.count_label.text()
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.filter.clear()
    assert store.asked[-1] == (BriefingsQuery("title", False, None, ""), 0, PAGE_ROWS)
    assert not view.proxy.filtering and view.proxy.rowCount() == PAGE_ROWS


def test_the_timeline_loads_a_page_at_a_time(qtbot, view):
    event = Event("e1", 0, 10, "Borduria met Syldavia.", "met", 9, 12, "040", "Consult", "Borduria met Syldavia", date="2024-05-01")
    entries = [TimelineEntry(f"b{i}", f"B{i}", None, event, actors=["Borduria"]) for i in range(ROWS)]
    asked = []

    def fetch(actor, offset, limit, last, deliver):
        asked.append((actor, offset, limit))
        assert last is (entries[offset - 1] if offset else None)
        QTimer.singleShot(0, lambda: deliver(entries[offset : offset + limit], offset + limit < len(entries)))

    model = view.timeline_model
    with qtbot.waitSignal(model.first_page_loaded, timeout=TIMEOUT_MS):
        view.load_timeline("", fetch)
    assert model.rowCount() == PAGE_ROWS and asked == [("", 0, PAGE_ROWS)]
    assert "first 300 events" in view.timeline_status.text()
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT_MS):
        view.timeline_table.scrollToBottom()
    assert model.rowCount() == 2 * PAGE_ROWS and asked[-1] == ("", PAGE_ROWS, PAGE_ROWS)
    assert model.index(PAGE_ROWS, 0).data(BriefingIdRole) == f"b{PAGE_ROWS}"


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        lib.add_documents(
            Document(text=f"Briefing {i}: Borduria and Syldavia talk about water number {i}.", title=f"Talks {i:04}", source=f"{i}.txt")
            for i in range(PAGE_ROWS + 40)
        )
    return db


def test_the_window_lists_a_large_library_a_page_at_a_time_and_search_still_finds(
    qtbot, fake_engine, settings, dialogs, big_library
):
    window = make_library_window(qtbot, fake_engine, settings, big_library)
    session = window.library_session
    view = session.browser.library_view
    try:
        with qtbot.waitSignal(session.browser.briefings_listed, timeout=TIMEOUT_MS) as blocker:
            session.browser.show_library()
        assert blocker.args == [PAGE_ROWS] and view.model.rowCount() == PAGE_ROWS
        assert f"{PAGE_ROWS} of {PAGE_ROWS + 40} briefings listed" in view.count_label.text()
        with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT_MS):
            view.table.scrollToBottom()
        assert view.model.rowCount() == PAGE_ROWS + 40 and view.model.complete
        with qtbot.waitSignal(session.browser.search_done, timeout=TIMEOUT_MS) as searched:
            view.search_field.setText('"water number 17"')
        assert searched.args[1] >= 1
        # A refresh (the library changed) keeps as many rows as were loaded.
        with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
            session.browser.refresh_briefings()
        assert view.model.rowCount() == PAGE_ROWS + 40
    finally:
        close_window(window)


def test_the_windows_filter_finds_rare_words_in_the_whole_library_at_once(qtbot, fake_engine, settings, dialogs, big_library):
    window = make_library_window(qtbot, fake_engine, settings, big_library)
    session = window.library_session
    view = session.browser.library_view
    try:
        with qtbot.waitSignal(session.browser.briefings_listed, timeout=TIMEOUT_MS):
            session.browser.show_library()
        assert view.model.rowCount() == PAGE_ROWS and not view.model.complete
        with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
            view.filter.setText("TALKS 0017")  # not among the rows loaded: the newest come first
        assert _titles(view) == ["Talks 0017"] and view.model.complete
        with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
            view.filter.setText("17.txt")  # the source
        assert sorted(_titles(view)) == ["Talks 0017", "Talks 0117", "Talks 0217", "Talks 0317"]
        assert view.count_label.text() == "4 briefings match “17.txt”"
        with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
            view.filter.setText("talks")
        assert view.model.rowCount() == PAGE_ROWS and view.model.total == PAGE_ROWS + 40
        assert f"{PAGE_ROWS} of the {PAGE_ROWS + 40} briefings matching “talks” listed" in view.count_label.text()
    finally:
        close_window(window)


def test_the_windows_timeline_pages_through_the_date_index(qtbot, fake_engine, settings, dialogs, tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"Borduria and Syldavia met in Klow on {10 + i} May 2024.\n", encoding="utf-8")
    window = make_library_window(qtbot, fake_engine, settings, tmp_path / "library.db")
    session = window.library_session
    try:
        with qtbot.waitSignal(session.browser.import_finished, timeout=TIMEOUT_MS):
            assert session.browser.import_paths([folder])
        whole = session.worker.call(lambda lib: lib.timeline(), 10)
        model = session.browser.library_view.timeline_model
        model.page_rows = 2
        with qtbot.waitSignal(session.browser.timeline_shown, timeout=TIMEOUT_MS):
            session.browser.show_timeline("")
        assert model.rowCount() == 2 < len(whole) and not model.complete
        qtbot.waitUntil(lambda: model.complete, timeout=TIMEOUT_MS)  # the view has room: it asks for the rest
        assert [(e.briefing_id, e.event.start) for e in model.rows] == [(e.briefing_id, e.event.start) for e in whole]
    finally:
        close_window(window)


def test_an_actors_timeline_pages_through_the_actor_index(qtbot, fake_engine, settings, dialogs, tmp_path):
    """Issue 17: the most named actor is in 63,544 of 100,000 briefings; their timeline is no longer read whole."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Borduria and Syldavia met in Klow on {10 + i} May 2024.\n", encoding="utf-8")
    (folder / "other.txt").write_text("Vulgaria and Carpania met in Szohôd on 9 May 2024.\n", encoding="utf-8")
    window = make_library_window(qtbot, fake_engine, settings, tmp_path / "library.db")
    session = window.library_session
    try:
        with qtbot.waitSignal(session.browser.import_finished, timeout=TIMEOUT_MS):
            assert session.browser.import_paths([folder])
        whole = session.worker.call(lambda lib: lib.timeline("Borduria"), 10)
        assert 2 < len(whole) < len(session.worker.call(lambda lib: lib.timeline(), 10))
        asked: list[tuple[str | None, int | None]] = []
        session.worker.call(lambda lib: _record_timeline_asks(lib, asked), 10)
        model = session.browser.library_view.timeline_model
        model.page_rows = 2
        with qtbot.waitSignal(session.browser.timeline_shown, timeout=TIMEOUT_MS):
            session.browser.show_timeline("Borduria")
        assert model.rowCount() >= 2 and asked[0] == ("Borduria", 3)
        qtbot.waitUntil(lambda: model.complete, timeout=TIMEOUT_MS)  # the view has room: it asks for the rest
        assert [(e.briefing_id, e.event.start) for e in model.rows] == [(e.briefing_id, e.event.start) for e in whole]
        assert all(limit == 3 for _actor, limit in asked)  # a page at a time, never the whole timeline
    finally:
        close_window(window)


def _record_timeline_asks(lib: Library, asked: list) -> None:
    """Note each timeline the window asks this library for: (actor, limit)."""
    real = lib.timeline

    def timeline(actor=None, limit=None, offset=0, after=None):
        asked.append((actor, limit))
        return real(actor, limit, offset, after)

    lib.timeline = timeline
