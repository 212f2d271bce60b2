"""The library in the window: the view, search, timeline, import with progress and cancel, export, a bad db."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_notes import TIMEOUT_MS, close_window, make_library_window, open_in_library, select_words
from ui_helpers import FakeEngine

from reader.store import Library, StoreError
from reader.store.records import MATCH_CLOSE, MATCH_OPEN, SearchHit
from reader.ui.library_view import BriefingIdRole, snippet_html

pytestmark = pytest.mark.gui

BRIEFINGS = {
    "a-talks.txt": "Borduria and Syldavia met in Klow on 15 May to discuss the water accord.\n",
    "b-border.txt": "Syldavia did not attack the border post, a ministry spokesman said.\n",
    "c-visit.txt": "Mara Velkova may visit Borduria next year for the pipeline talks.\n",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefings"
    folder.mkdir()
    for name, text in BRIEFINGS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def lib_window(qtbot, fake_engine, settings, dialogs, db):
    window = make_library_window(qtbot, fake_engine, settings, db)
    yield window
    close_window(window)


def import_and_wait(qtbot, window, paths):
    session = window.library_session
    with qtbot.waitSignal(session.browser.import_finished, timeout=TIMEOUT_MS) as blocker:
        assert session.browser.import_paths(paths)
    return blocker.args[0]


def test_import_a_folder_then_the_view_lists_sorts_and_filters(qtbot, lib_window, folder):
    session = lib_window.library_session
    report = import_and_wait(qtbot, lib_window, [folder])
    assert len(report.added) == 3 and not report.cancelled
    with qtbot.waitSignal(session.browser.briefings_listed, timeout=TIMEOUT_MS):
        session.browser.show_library()
    view = session.browser.library_view
    assert session.browser.library_dock.isVisible()
    assert view.model.rowCount() == 3
    titles = {view.model.index(r, 0).data() for r in range(3)}
    assert titles == set(BRIEFINGS)  # no heading or title line: the file's name, as the window says
    top_actors = [view.model.index(r, 3).data() for r in range(3)]
    assert any("Borduria" in t for t in top_actors)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = view.proxy.index(0, 0).data()
    assert first == "a-talks.txt"
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.filter.setText("velkova")  # the library answers it (an actor's name, not in the titles)
    assert view.proxy.rowCount() == view.model.rowCount() == 1
    assert view.count_label.text() == "1 briefing matches “velkova”"
    # Importing the same folder again changes nothing (content hash).
    again = import_and_wait(qtbot, lib_window, [folder])
    assert again.added == [] and len(again.unchanged) == 3


def test_double_click_opens_the_briefing_from_the_library(qtbot, lib_window, folder):
    session = lib_window.library_session
    import_and_wait(qtbot, lib_window, [folder])
    with qtbot.waitSignal(session.browser.briefings_listed, timeout=TIMEOUT_MS):
        session.browser.show_library()
    view = session.browser.library_view
    with qtbot.waitSignal(view.model.first_page_loaded, timeout=TIMEOUT_MS):
        view.filter.setText("c-visit")
    assert view.proxy.rowCount() == 1
    index = view.proxy.index(0, 0)
    wanted = index.data(BriefingIdRole)  # the model is reset when the list refreshes: keep the id, not the index
    with qtbot.waitSignal(lib_window.analysis_shown, timeout=TIMEOUT_MS):
        view.table.doubleClicked.emit(index)
    assert lib_window.document.text == BRIEFINGS["c-visit.txt"].strip()
    qtbot.waitUntil(lambda: session.briefing_id == wanted, timeout=TIMEOUT_MS)


def test_search_across_briefings_and_notes_renders_bold_snippets(qtbot, lib_window, folder, fake_file):
    session = lib_window.library_session
    import_and_wait(qtbot, lib_window, [folder])
    open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
        session.notebook.notes_panel.editor.setPlainText("the pipeline clause matters")
        session.notebook.notes_panel.flush()
    session.browser.show_library()
    with qtbot.waitSignal(session.browser.search_done, timeout=TIMEOUT_MS) as blocker:
        session.browser.library_view.search_field.setText("pipeline")
    assert blocker.args == ["pipeline", 2]  # the note first, then the briefing
    kinds = [hit.kind for hit in session.browser.library_view.last_hits]
    assert kinds == ["note", "briefing"]
    html = session.browser.library_view.search_results.toHtml()
    assert "pipeline" in session.browser.library_view.search_results.toPlainText()
    assert "font-weight" in html or "<b>" in html
    assert "result" in session.browser.library_view.search_status.text()


def test_snippet_html_escapes_and_bolds_only_the_match():
    hit = SearchHit("briefing", "b1", "T", f"<i>x</i> and {MATCH_OPEN}pipeline{MATCH_CLOSE} talks", 0.0)
    assert snippet_html(hit) == "&lt;i&gt;x&lt;/i&gt; and <b>pipeline</b> talks"


def test_briefings_mentioning_an_actor_and_the_timeline(qtbot, lib_window, folder):
    session = lib_window.library_session
    import_and_wait(qtbot, lib_window, [folder])
    session.browser.show_briefings_mentioning("Borduria")
    qtbot.waitUntil(lambda: "Borduria" in session.browser.library_view.scope_label.text(), timeout=TIMEOUT_MS)
    assert session.browser.library_view.model.rowCount() == 2
    with qtbot.waitSignal(session.browser.timeline_shown, timeout=TIMEOUT_MS) as blocker:
        session.browser.show_timeline("Syldavia")
    assert blocker.args == ["Syldavia", 2]
    model = session.browser.library_view.timeline_table.model()
    assert model.rowCount() == 2
    assert all("Syldavia" in model.index(i, 3).data() for i in range(2))


def test_import_shows_progress_and_can_be_cancelled(qtbot, settings, dialogs, db, tmp_path):
    gate = threading.Event()
    engine = FakeEngine(gate=gate)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n:02d}.txt").write_text(f"Borduria signed accord number {n}.\n", encoding="utf-8")
    window = make_library_window(qtbot, engine, settings, db)
    session = window.library_session
    try:
        with qtbot.waitSignal(session.browser.import_finished, timeout=TIMEOUT_MS) as blocker:
            assert session.browser.import_paths([folder])
            dialog = session.browser.import_dialog
            assert dialog is not None and dialog.isVisible()
            assert not session.browser.import_paths([folder])  # one import at a time
            qtbot.waitUntil(lambda: len(engine.calls) >= 1, timeout=TIMEOUT_MS)
            dialog.canceled.emit()  # what the Cancel button sends
            gate.set()
        report = blocker.args[0]
        assert report.cancelled
        assert 1 <= len(report.added) < 6
        with Library.open(db) as lib:
            assert lib.count_briefings() == len(report.added)
        assert "cancelled" in window.statusBar().currentMessage()
        assert session.browser.import_dialog is None and not session.browser.importing
    finally:
        gate.set()
        close_window(window)


def test_export_markdown_csv_json_notes_and_pdf(qtbot, lib_window, fake_file, tmp_path):
    session = lib_window.library_session
    open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    session.notebook.notes_panel.editor.setPlainText("Ask about the **accord** text")
    out = {kind: tmp_path / f"out-{kind}" for kind in ("md", "csv", "json", "notes")}
    for kind, path in out.items():
        with qtbot.waitSignal(session.exports.exported, timeout=TIMEOUT_MS):
            session.exports.export_to(kind, path)
    markdown = out["md"].read_text(encoding="utf-8")
    assert "Ask about the **accord** text" in markdown and "water accord" in markdown
    assert out["csv"].read_text(encoding="utf-8").splitlines()[0].startswith("date") or "," in out["csv"].read_text()
    events = json.loads(out["json"].read_text(encoding="utf-8"))
    assert len(events) == len(lib_window.analysis.events)
    assert "Ask about the **accord** text" in out["notes"].read_text(encoding="utf-8")
    pdf = tmp_path / "annotated.pdf"
    session.exports.write_pdf(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 1  # at least one page object
    annotated = session.exports.annotated_document()
    assert "Ask about the accord text" in annotated.toPlainText()


def test_the_window_never_exports_over_the_library(qtbot, lib_window, fake_file, dialogs, db):
    """Issue 12, item 1, in the window: the save dialog's overwrite question does not cover the library."""
    session = lib_window.library_session
    open_in_library(qtbot, lib_window, fake_file)
    before = db.read_bytes()[:16]
    session.exports.export_to("md", db)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=TIMEOUT_MS)
    assert "library itself" in dialogs[-1]
    assert db.read_bytes()[:16] == before == b"SQLite format 3\x00"
    with pytest.raises(StoreError, match="library itself"):
        session.exports.write_pdf(db)
    assert db.read_bytes()[:16] == before


def test_a_damaged_library_is_said_once_and_its_notes_stay_readable(qtbot, fake_engine, settings, dialogs, tmp_path):
    """Issue 12, item 4, in the window: one dialog, notes shown read-only, nothing written."""
    from store.damage import damage_table, library_with_notes

    db = tmp_path / "library.db"
    bodies = library_with_notes(db)
    damage_table(db, "briefings")
    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    try:
        qtbot.waitUntil(lambda: bool(dialogs), timeout=TIMEOUT_MS)
        assert len(dialogs) == 1 and "nothing will be saved" in dialogs[0]
        assert session.notebook.notes_panel.read_only and not session.notebook.add_note_action.isEnabled()
        assert not session.browser.import_files_action.isEnabled() and session.browser.library_action.isEnabled()
        notes = session.worker.call(lambda lib: lib.all_notes(), 10)
        assert {n.id: n.body for n in notes} == bodies
    finally:
        close_window(window)


def test_the_window_does_not_wait_for_the_integrity_check_and_a_damaged_library_still_refuses_writes(
    qtbot, fake_engine, settings, dialogs, tmp_path, monkeypatch
):
    """Issue 17: quick_check takes seconds at 100,000 briefings; it runs beside the library's reads."""
    from store.damage import damage_table, library_with_notes

    from reader.store import integrity

    db = tmp_path / "library.db"
    bodies = library_with_notes(db)
    damage_table(db, "briefings")
    gate = threading.Event()
    real = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda conn: (gate.wait(TIMEOUT_MS / 1000), real(conn))[1])
    window = make_library_window(qtbot, fake_engine, settings, db)  # returns once the library is open
    session = window.library_session
    try:
        assert session.available and session.worker.checking and not dialogs
        notes = session.worker.call(lambda lib: lib.all_notes(), 10)  # reads are answered while the check runs
        assert {n.id: n.body for n in notes} == bodies
        write = session.worker.submit(lambda lib: lib.add_actor_note("Erdoğan", "during the check"))
        qtbot.wait(200)
        assert not write.done() and not dialogs  # the write waits for the verdict; the GUI thread does not
        gate.set()
        qtbot.waitUntil(lambda: bool(dialogs), timeout=TIMEOUT_MS)
        assert len(dialogs) == 1 and "nothing will be saved" in dialogs[0]
        with pytest.raises(StoreError, match="damaged"):
            write.result(TIMEOUT_MS / 1000)
        assert not session.writable and session.notebook.notes_panel.read_only
        assert not session.browser.import_files_action.isEnabled()
        assert {n.id: n.body for n in session.worker.call(lambda lib: lib.all_notes(), 10)} == bodies
    finally:
        gate.set()
        close_window(window)


def test_an_older_library_is_upgraded_on_the_library_thread_and_the_window_says_how_far(
    qtbot, fake_engine, settings, dialogs, tmp_path, monkeypatch
):
    """Issue 17: an older library of 100,000 briefings takes seconds to back up and upgrade; the window goes on."""
    from store.older import old_library

    from reader.store import database
    from reader.store import migrations as schema
    from reader.ui.app import build_window

    db = tmp_path / "library.db"
    old_library(db)
    gate = threading.Event()
    real = database.write_backup

    def held(*args):
        target = real(*args)
        gate.wait(TIMEOUT_MS / 1000)  # a long backup
        return target

    monkeypatch.setattr(database, "write_backup", held)
    window = build_window(engine=fake_engine, settings=settings, warm_up=False, library_path=db)
    qtbot.addWidget(window)
    window.show()
    session = window.library_session
    said: list[str] = []
    session.worker.opening.connect(said.append)
    try:
        session.worker.start()
        backed_up = "Backing up the library before upgrading: 100%"
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == backed_up, timeout=TIMEOUT_MS)
        assert not session.worker.ready and session.notebook.notes_panel.state.text() == backed_up
        qtbot.wait(100)  # the GUI thread runs its events while the library's thread waits
        gate.set()
        # the library's thread marks itself available before the GUI thread has handled its "ready" signal
        qtbot.waitUntil(lambda: session.available and window.statusBar().currentMessage() == f"Library: {db}", timeout=TIMEOUT_MS)
        steps = len(schema.known_names()) - 1
        assert said[-1] == "Saving the upgraded library…" and f"Upgrading the library (step {steps} of {steps})…" in said
        assert not dialogs
        assert session.worker.call(lambda lib: schema.schema_version(lib.db), 10) == schema.latest_version()
    finally:
        gate.set()
        close_window(window)


def test_an_upgraded_library_indexes_its_actors_timelines_on_the_library_thread(qtbot, fake_engine, settings, dialogs, tmp_path):
    """Issue 17: the analyses from before the actor index are indexed after the upgrade, not during it."""
    from store.fakes import fake_analysis
    from store.older import before_the_actor_index

    from reader.model import Document
    from reader.store.timeline_index import first_page

    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        for i in range(3):
            document = Document(text=f"Erdoğan met Zelensky, {i}.\n", title=f"B{i}")
            analysis = fake_analysis(document)
            analysis.events[0].date = f"2024-0{i + 1}-01"
            lib.put_analysis(lib.add_document(document), analysis)
        whole = lib.timeline("Zelensky")
    before_the_actor_index(db)
    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    try:
        qtbot.waitUntil(lambda: session.worker.call(lambda lib: lib.timeline_index_pending(), 10) == 0, timeout=TIMEOUT_MS)
        page = session.worker.call(lambda lib: first_page(lib._timeline, 2, "Zelensky"), 10)  # from the index now
        assert page is not None and [(e.briefing_id, e.event.date) for e in page] == [(e.briefing_id, e.event.date) for e in whole[:2]]
        assert not dialogs
    finally:
        close_window(window)


def test_a_corrupt_library_file_gets_a_dialog_and_is_left_untouched(qtbot, fake_engine, settings, dialogs, tmp_path, fake_file):
    db = tmp_path / "library.db"
    garbage = b"this is not a database\x00\x01\x02" * 100
    db.write_bytes(garbage)
    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    try:
        qtbot.waitUntil(lambda: bool(dialogs), timeout=TIMEOUT_MS)
        assert "could not be opened" in dialogs[0] or "keep reading" in dialogs[0]
        assert not session.available
        assert "Notes and library off" in window.statusBar().currentMessage()
        # Reading still works, without notes.
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.open_path(fake_file)
        assert window.analysis is not None and window.analysis.actors
        assert not session.notebook.add_note_action.isEnabled()
        assert "Notes are off" in session.notebook.notes_panel.state.text()
    finally:
        close_window(window)
    assert db.read_bytes() == garbage


@pytest.mark.slow
def test_the_real_engine_runs_once_and_the_cached_analysis_shows_the_same_highlights(qtbot, engine, settings, dialogs, db):
    from reader.resources import sample_briefing

    window = make_library_window(qtbot, engine, settings, db)
    try:
        open_in_library(qtbot, window, sample_briefing())
        first = window.article.highlight_counts()
        assert window.library_session.engine.engine_runs == 1
        events = [(e.text, e.date, e.category) for e in window.analysis.events]
    finally:
        close_window(window)
    again = make_library_window(qtbot, engine, settings, db)
    try:
        open_in_library(qtbot, again, sample_briefing())
        assert again.library_session.engine.engine_runs == 0
        assert again.library_session.engine.cache_hits == 1
        assert again.article.highlight_counts() == first and sum(first.values()) > 0
        assert [(e.text, e.date, e.category) for e in again.analysis.events] == events
    finally:
        close_window(again)


def test_a_library_in_use_gets_a_clear_dialog_and_reading_goes_on(qtbot, fake_engine, settings, dialogs, db, fake_file, monkeypatch):
    from reader.store import LibraryBusyError

    def busy(path, *args, **kwargs):
        raise LibraryBusyError(f"{path}: the library is in use by another program")

    monkeypatch.setattr(Library, "open", busy)
    window = make_library_window(qtbot, fake_engine, settings, db)
    try:
        qtbot.waitUntil(lambda: bool(dialogs), timeout=TIMEOUT_MS)
        assert "Another Briefing Reader" in dialogs[0]
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.open_path(fake_file)
        assert window.analysis.actors and window.library_session.engine.engine_runs == 1
        assert "in use" in window.library_session.notebook.notes_panel.state.text()
    finally:
        close_window(window)


def test_the_table_sorts_by_real_values_and_filters_on_actors(qtbot):
    import datetime as dt

    from reader.store.records import BriefingSummary
    from reader.ui.library_view import LibraryView

    rows = [
        BriefingSummary("a", "Alpha", dt.date(2024, 5, 2), "a.txt", "2024-06-01T10:00", 10, ["Borduria"]),
        BriefingSummary("b", "beta", None, "b.txt", "2024-06-02T10:00", 2, ["Syldavia"]),
        BriefingSummary("c", "Gamma", dt.date(2023, 1, 9), "c.txt", "2024-06-03T10:00", 0, ["Klow", "Borduria"]),
    ]
    view = LibraryView()
    qtbot.addWidget(view)
    view.set_briefings(rows)

    def column(c: int) -> list[str]:
        return [view.proxy.index(r, c).data() or "" for r in range(view.proxy.rowCount())]

    assert column(0) == ["Gamma", "beta", "Alpha"]  # newest import first
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert column(2) == ["10", "2", ""]  # 10 > 2 as numbers, not as text
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert column(1) == ["", "2023-01-09", "2024-05-02"]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(0) == ["Alpha", "beta", "Gamma"]  # case does not split the order
    view.filter.setText("borduria")
    assert column(0) == ["Alpha", "Gamma"]
    view.filter.setText("")
    assert view.proxy.rowCount() == 3


def test_notes_keep_saving_while_an_import_runs(qtbot, settings, dialogs, db, tmp_path, fake_file):
    """The import has its own connection and thread: autosave does not wait for it."""
    gate = threading.Event()
    engine = FakeEngine()
    window = make_library_window(qtbot, engine, settings, db)
    session = window.library_session
    try:
        briefing_id = open_in_library(qtbot, window, fake_file)
        select_words(window, "water accord")
        session.notebook.add_note_on_selection()
        qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
        engine.gate = gate  # from now on every analysis (the import's) waits for the gate
        folder = tmp_path / "slow"
        folder.mkdir()
        (folder / "one.txt").write_text("Borduria signed a new accord.\n", encoding="utf-8")
        assert session.browser.import_paths([folder])
        qtbot.waitUntil(lambda: len(engine.calls) >= 2, timeout=TIMEOUT_MS)  # the import is inside the engine
        with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
            session.notebook.notes_panel.editor.setPlainText("saved during the import")
            session.notebook.notes_panel.flush()
        assert session.browser.importing
        with Library.open(db) as lib:
            assert [n.body for n in lib.notes_for(briefing_id)] == ["saved during the import"]
        with qtbot.waitSignal(session.browser.import_finished, timeout=TIMEOUT_MS):
            gate.set()
    finally:
        gate.set()
        close_window(window)


def test_menus_offer_import_export_print_notes_and_library(qtbot, lib_window):
    bar = lib_window.menuBar()
    menus = {a.text().replace("&", ""): a.menu() for a in bar.actions() if a.menu() is not None}
    assert list(menus)[-2:] == ["Notes", "Help"]
    file_items = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert file_items.index("Import Files…") < file_items.index("Quit")
    assert "Export" in file_items and "Print…" in file_items
    export_items = [a.text().replace("&", "") for a in lib_window.library_session.exports.export_menu.actions() if a.text()]
    assert export_items == [
        "Export Briefing with Events and Notes…",
        "Export Events as CSV…",
        "Export Events as JSON…",
        "Export Notes…",
        "Export Annotated PDF…",
    ]
    notes_items = [a.text().replace("&", "") for a in menus["Notes"].actions() if a.text()]
    assert notes_items[:2] == ["Add Note", "Highlight"] and "Show Notes Panel" in notes_items
    # The library is in File and in View, with its shortcut.
    library = lib_window.library_session.browser.library_action
    assert library in menus["File"].actions() and library in menus["View"].actions()
    assert library.shortcut().toString() == "Ctrl+L" and library.text().replace("&", "") == "Library"
    assert lib_window.library_session.notebook.notes_toggle in menus["View"].actions()


def test_the_library_opens_after_the_first_text_is_shown(qtbot, fake_engine, settings, dialogs, db, fake_file):
    from reader.ui.app import build_window

    window = build_window(engine=fake_engine, settings=settings, warm_up=False, library_path=db)
    qtbot.addWidget(window)
    window.show()
    session = window.library_session
    try:
        assert not session.worker.ready and not db.exists()  # nothing competes with the first paint
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.open_path(fake_file)
        qtbot.waitUntil(lambda: session.briefing_id is not None, timeout=TIMEOUT_MS)
        assert db.exists()
    finally:
        close_window(window)


def test_the_notes_tab_lists_every_note_and_opens_its_briefing(qtbot, lib_window, folder, fake_file):
    session = lib_window.library_session
    import_and_wait(qtbot, lib_window, [folder])
    open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
        session.notebook.notes_panel.editor.setPlainText("annex **B** matters")
        session.notebook.notes_panel.flush()
    note_id = session.notebook.notes_panel.current.id
    session.browser.show_library()
    with qtbot.waitSignal(session.browser.all_notes_listed, timeout=TIMEOUT_MS) as blocker:
        session.browser.library_view.tabs.setCurrentIndex(session.browser.library_view.NOTES_TAB)
    assert blocker.args == [1]
    item = session.browser.library_view.notes_tree.topLevelItem(0)
    assert item.text(0) == "Talks in Klow" and item.text(2) == "annex B matters"
    assert "water accord" in item.text(1)
    # Opening it from another briefing brings back the briefing with the note chosen.
    other = folder / "a-talks.txt"
    open_in_library(qtbot, lib_window, other)
    with qtbot.waitSignal(session.notebook.notes_loaded, timeout=TIMEOUT_MS):
        session.browser.library_view.notes_tree.itemDoubleClicked.emit(item, 0)
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None and session.notebook.notes_panel.current.id == note_id, timeout=TIMEOUT_MS)
    assert "water accord" in lib_window.document.text
