"""Notes in the window: added on a selection, listed, autosaved, kept across windows, marked in the text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu
from ui_helpers import FakeEngine

from reader.store import Library
from reader.store.anchoring import Anchor
from reader.store.records import Note
from reader.ui.markdown_view import render_markdown, safe_href
from reader.ui.notes_panel import AUTOSAVE_MS, NotesModel, note_heading

pytestmark = pytest.mark.gui

TIMEOUT_MS = 30_000


def make_library_window(qtbot, engine, settings, db: Path):
    from reader.ui.app import build_window

    window = build_window(engine=engine, settings=settings, warm_up=False, library_path=db)
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    qtbot.waitExposed(window)
    session = window.library_session
    assert session is not None
    session.worker.start()  # the window opens it after the first text is shown; tests want it now
    qtbot.waitUntil(lambda: session.worker.ready, timeout=TIMEOUT_MS)
    return window


def close_window(window) -> None:
    window.close()
    window.service.cancel()
    window.service.wait(10_000)


def open_in_library(qtbot, window, path) -> str:
    """Open `path`, wait for its analysis and its notes; returns the briefing id."""
    session = window.library_session
    with qtbot.waitSignals([window.analysis_shown, session.notebook.notes_loaded], timeout=TIMEOUT_MS):
        window.open_path(path)
    qtbot.waitUntil(lambda: session.briefing_id is not None, timeout=TIMEOUT_MS)
    return session.briefing_id


def db_notes(db: Path, briefing_id: str) -> list[Note]:
    with Library.open(db) as lib:
        return lib.notes_for(briefing_id)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def lib_window(qtbot, fake_engine, settings, dialogs, db):
    window = make_library_window(qtbot, fake_engine, settings, db)
    yield window
    close_window(window)


def select_words(window, words: str) -> tuple[int, int]:
    start = window.document.text.index(words)
    window.article.select_range(start, start + len(words))
    return start, start + len(words)


def test_add_note_on_a_selection_is_stored_listed_and_marked(qtbot, lib_window, fake_file, db):
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    start, end = select_words(lib_window, "water accord")
    assert session.notebook.add_note_action.isEnabled()
    session.notebook.add_note_action.trigger()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.model.rowCount() == 1, timeout=TIMEOUT_MS)
    stored = db_notes(db, briefing_id)
    assert len(stored) == 1
    assert stored[0].anchor is not None
    assert (stored[0].anchor.start, stored[0].anchor.end, stored[0].anchor.quote) == (start, end, "water accord")
    assert session.notebook.notes_panel.current is not None and session.notebook.notes_panel.current.id == stored[0].id
    assert session.notebook.note_mark_ranges() == [(start, end)]
    # The type highlights are still all there under the note mark.
    assert sum(lib_window.article.highlight_counts().values()) > 0


def test_the_shortcut_adds_a_note(qtbot, lib_window, fake_file, db):
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "Syldavia delegation")
    lib_window.article.setFocus()
    qtbot.keyClick(lib_window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(db_notes(db, briefing_id)) == 1, timeout=TIMEOUT_MS)


def test_without_a_selection_no_note_is_added(qtbot, lib_window, fake_file, db):
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    session.notebook.add_note_on_selection()
    session.worker.call(lambda lib: None, timeout=10)  # every library call asked for before this one is done
    assert db_notes(db, briefing_id) == []
    assert "Select some text" in lib_window.statusBar().currentMessage()


def test_typing_is_autosaved_after_the_pause_and_kept_across_windows(qtbot, fake_engine, settings, dialogs, db, fake_file):
    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    briefing_id = open_in_library(qtbot, window, fake_file)
    select_words(window, "Mara Velkova")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    editor = session.notebook.notes_panel.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Check **her** title")
    assert db_notes(db, briefing_id)[0].body == ""  # not yet: the save waits for a pause in typing
    with qtbot.waitSignal(session.notebook.note_saved, timeout=AUTOSAVE_MS + TIMEOUT_MS):
        pass
    assert db_notes(db, briefing_id)[0].body == "Check **her** title"
    shown = session.notebook.notes_panel.preview.document().find("her")  # the Markdown preview shows it bold
    assert not shown.isNull() and shown.charFormat().fontWeight() >= QFont.Weight.Bold
    close_window(window)

    calls = len(fake_engine.calls)
    again = make_library_window(qtbot, fake_engine, settings, db)
    try:
        assert open_in_library(qtbot, again, fake_file) == briefing_id
        notes = again.library_session.notebook.notes_panel.model.notes
        assert [n.body for n in notes] == ["Check **her** title"]
        # Re-opening an analysed briefing uses the cached analysis: the engine did not run again.
        assert len(fake_engine.calls) == calls
        assert again.library_session.engine.cache_hits == 1
        assert sum(again.article.highlight_counts().values()) > 0
        assert again.library_session.notebook.note_mark_ranges()
    finally:
        close_window(again)


def test_closing_the_window_saves_what_was_just_typed(qtbot, fake_engine, settings, dialogs, db, fake_file):
    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    briefing_id = open_in_library(qtbot, window, fake_file)
    select_words(window, "Borduria")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    qtbot.keyClicks(session.notebook.notes_panel.editor, "typed just before closing")
    close_window(window)  # well inside the autosave pause
    assert [n.body for n in db_notes(db, briefing_id)] == ["typed just before closing"]


def test_a_highlight_is_a_note_without_text(qtbot, lib_window, fake_file, db):
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    start, end = select_words(lib_window, "border post")
    session.notebook.highlight_actions[1].trigger()
    qtbot.waitUntil(lambda: len(db_notes(db, briefing_id)) == 1, timeout=TIMEOUT_MS)
    note = db_notes(db, briefing_id)[0]
    assert note.is_highlight and note.color
    qtbot.waitUntil(lambda: session.notebook.note_mark_ranges() == [(start, end)], timeout=TIMEOUT_MS)


def test_actor_note_shows_in_another_briefing_naming_the_actor(qtbot, lib_window, fake_file, tmp_path):
    session = lib_window.library_session
    open_in_library(qtbot, lib_window, fake_file)
    actor = next(a for a in lib_window.analysis.actors if a.name == "Borduria")
    session.notebook.add_actor_note(actor)
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    session.notebook.notes_panel.editor.setPlainText("Borduria: watch the water accord")
    with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
        session.notebook.notes_panel.flush()
    other = tmp_path / "other.txt"
    other.write_text("Borduria closed its embassy on 3 June.\n", encoding="utf-8")
    open_in_library(qtbot, lib_window, other)
    # Listed once the new briefing's actors are known (after its analysis).
    qtbot.waitUntil(
        lambda: [n.body for n in session.notebook.notes_panel.model.notes] == ["Borduria: watch the water accord"],
        timeout=TIMEOUT_MS,
    )
    # Clicking it selects the actor: its mentions are marked.
    session.notebook.notes_panel.list.clicked.emit(session.notebook.notes_panel.model.index(0, 0))
    assert lib_window.selected_actor() is not None and lib_window.selected_actor().name == "Borduria"


def test_event_note_from_the_events_menu(qtbot, lib_window, fake_file, db):
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    event = lib_window.analysis.events[0]
    menu = QMenu()
    from reader.ui.corrections_ui import fill_event_menu

    fill_event_menu(menu, event, session.corrector, lib_window)
    next(a for a in menu.actions() if a.text() == "Add Note on This Event").trigger()
    qtbot.waitUntil(lambda: len(db_notes(db, briefing_id)) == 1, timeout=TIMEOUT_MS)
    note = db_notes(db, briefing_id)[0]
    assert note.kind == "event" and note.anchor is not None and note.anchor.quote == event.text


def test_clicking_a_note_scrolls_to_its_anchor(qtbot, lib_window, fake_file):
    session = lib_window.library_session
    open_in_library(qtbot, lib_window, fake_file)
    start, end = select_words(lib_window, "Velkova again")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.model.rowCount() == 1, timeout=TIMEOUT_MS)
    lib_window.article.moveCursor(lib_window.article.textCursor().MoveOperation.Start)
    index = session.notebook.notes_panel.model.index(0, 0)
    session.notebook.notes_panel.list.clicked.emit(index)
    cursor = lib_window.article.textCursor()
    assert lib_window.article.offsets.to_py(cursor.position()) == start
    assert lib_window.article.flash_active()


def test_deleting_a_note_removes_it_from_the_list_and_the_text(qtbot, lib_window, fake_file, db):
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.model.rowCount() == 1, timeout=TIMEOUT_MS)
    session.notebook.notes_panel.delete_button.click()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert db_notes(db, briefing_id) == []
    assert session.notebook.note_mark_ranges() == []
    # The bin keeps it: Notes > Restore Deleted Note brings it back, anchor and all.
    assert session.notebook.restore_action.isEnabled()
    session.notebook.restore_action.trigger()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.model.rowCount() == 1, timeout=TIMEOUT_MS)
    assert len(db_notes(db, briefing_id)) == 1
    qtbot.waitUntil(lambda: len(session.notebook.note_mark_ranges()) == 1, timeout=TIMEOUT_MS)


def test_an_orphaned_note_is_listed_with_its_quote(qtbot):
    model = NotesModel()
    note = Note(id="n1", kind="text", body="gone", anchor=Anchor(3, 9, "vanished", "", ""), status="orphaned")
    model.set_notes([note])
    text = model.data(model.index(0, 0))
    assert "Orphaned" in text and "vanished" in text and "gone" in text
    assert "Orphaned" in note_heading(note)


def test_markdown_preview_is_safe():
    rendered = render_markdown("**bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)")
    assert "<strong>bold</strong>" in rendered
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "javascript:" not in rendered.replace("[x](javascript:alert(1))", "")
    assert 'href="https://example.org"' in rendered
    assert not safe_href("file:///etc/passwd") and not safe_href("/relative") and safe_href("mailto:a@b.org")
    assert "<img" not in render_markdown("![pixel](https://tracker.example/p.png)")


def test_a_fake_engine_run_counter_sees_a_new_text(qtbot, fake_engine, settings, dialogs, db, tmp_path):
    """The cache is keyed by text: a changed file is analysed again (the cache test above could not pass by accident)."""
    path = tmp_path / "a.txt"
    path.write_text("Borduria signed the accord.\n", encoding="utf-8")
    window = make_library_window(qtbot, fake_engine, settings, db)
    try:
        open_in_library(qtbot, window, path)
        path.write_text("Syldavia signed the accord.\n", encoding="utf-8")
        before = len(fake_engine.calls)
        open_in_library(qtbot, window, path)
        assert len(fake_engine.calls) == before + 1
    finally:
        close_window(window)


def test_fake_engine_is_the_shared_one():
    assert FakeEngine().calls == []


def test_the_notes_list_shows_plain_words_of_the_first_line():
    from reader.ui.notes_panel import note_first_line

    note = Note(id="n", kind="text", body="**Red line**: no *fait accompli* [AU](https://au.int)\nmore")
    assert note_first_line(note) == "Red line: no fait accompli AU"


def test_notes_follow_an_edited_file_and_are_kept_as_orphans_when_their_text_is_gone(
    qtbot, fake_engine, settings, dialogs, db, fake_file
):
    from ui_helpers import FAKE_TEXT

    window = make_library_window(qtbot, fake_engine, settings, db)
    session = window.library_session
    briefing_id = open_in_library(qtbot, window, fake_file)
    select_words(window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
        session.notebook.notes_panel.editor.setPlainText("check the accord's annex")
        session.notebook.notes_panel.flush()
    close_window(window)

    fake_file.write_text(FAKE_TEXT.replace("# Talks in Klow\n", "# Talks in Klow\n\nA new opening paragraph.\n"), encoding="utf-8")
    again = make_library_window(qtbot, fake_engine, settings, db)
    try:
        assert open_in_library(qtbot, again, fake_file) == briefing_id  # the same briefing, updated in place
        note = again.library_session.notebook.notes_panel.model.notes[0]
        start = again.document.text.index("water accord")
        assert (note.anchor.start, note.status) == (start, "moved")
        assert again.library_session.notebook.note_mark_ranges() == [(start, start + len("water accord"))]

        fake_file.write_text(FAKE_TEXT.replace("water accord", "fishing treaty"), encoding="utf-8")
        open_in_library(qtbot, again, fake_file)
        notes = again.library_session.notebook.notes_panel.model.notes
        assert [(n.body, n.orphaned) for n in notes] == [("check the accord's annex", True)]
        assert "Orphaned" in again.library_session.notebook.notes_panel.model.data(again.library_session.notebook.notes_panel.model.index(0, 0))
        assert again.library_session.notebook.note_mark_ranges() == []
    finally:
        close_window(again)


def test_a_refused_save_is_retried_and_nothing_is_lost(qtbot, lib_window, fake_file, db, dialogs, monkeypatch):
    from reader.store import StoreError

    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    original = Library.update_note
    refusals = []

    def refuse_once(self, note_id, **kwargs):
        if not refusals:
            refusals.append(note_id)
            raise StoreError("database is locked")
        return original(self, note_id, **kwargs)

    monkeypatch.setattr(Library, "update_note", refuse_once)
    session.notebook.notes_panel.editor.setPlainText("written while the library was busy")
    session.notebook.notes_panel.flush()
    qtbot.waitUntil(lambda: bool(refusals), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(session.notebook.note_saved, timeout=TIMEOUT_MS):
        pass  # the retry after the autosave pause
    assert [n.body for n in db_notes(db, briefing_id)] == ["written while the library was busy"]
    assert len(dialogs) == 1 and "refused" in dialogs[0]


def test_a_reload_of_the_list_never_replaces_what_is_being_typed(qtbot, lib_window, fake_file, db):
    """After a correction or an analysis the notes are reloaded; the editor keeps the newer text."""
    session = lib_window.library_session
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    select_words(lib_window, "water accord")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    editor = session.notebook.notes_panel.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "first words")
    with qtbot.waitSignal(session.notebook.notes_loaded, timeout=TIMEOUT_MS):
        session.notebook.reload_notes()  # submitted before the autosave: it brings back the empty body
    assert editor.toPlainText() == "first words"
    qtbot.keyClicks(editor, " and more")
    session.notebook.notes_panel.flush()
    qtbot.waitUntil(lambda: db_notes(db, briefing_id)[0].body == "first words and more", timeout=TIMEOUT_MS)


def test_note_kinds_match_the_store_and_the_window_starts_without_the_store():
    import subprocess
    import sys

    from reader.store import records
    from reader.ui import notes_panel

    assert (notes_panel.ACTOR_NOTE, notes_panel.BRIEFING_NOTE, notes_panel.EVENT_NOTE) == (
        records.ACTOR_NOTE,
        records.BRIEFING_NOTE,
        records.EVENT_NOTE,
    )
    # sqlite-utils (and pandas, when installed) load on the library's thread, not before the window shows.
    code = (
        "import sys, reader.ui.main_window, reader.ui.library_session; "
        "print(sorted(m for m in ('sqlite_utils', 'pandas', 'reader.store') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"


def test_two_windows_on_one_library_lose_no_note(qtbot, fake_engine, settings, dialogs, db, fake_file):
    """Two readers (two connections, two worker threads) writing notes on the same briefing at once."""
    first = make_library_window(qtbot, fake_engine, settings, db)
    second = make_library_window(qtbot, FakeEngine(), settings, db)
    try:
        briefing_id = open_in_library(qtbot, first, fake_file)
        assert open_in_library(qtbot, second, fake_file) == briefing_id
        for window, words in ((first, "water accord"), (second, "border post")):
            select_words(window, words)
            window.library_session.notebook.add_note_on_selection()
        for window in (first, second):
            qtbot.waitUntil(lambda w=window: w.library_session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
        for n in range(5):  # interleaved autosaves from both
            for window, name in ((first, "first"), (second, "second")):
                window.library_session.notebook.notes_panel.editor.setPlainText(f"{name} {n}")
                window.library_session.notebook.notes_panel.flush()
        qtbot.waitUntil(lambda: sorted(n.body for n in db_notes(db, briefing_id)) == ["first 4", "second 4"], timeout=TIMEOUT_MS)
        with qtbot.waitSignal(second.library_session.notebook.notes_loaded, timeout=TIMEOUT_MS):
            second.library_session.notebook.reload_notes()
        assert sorted(n.body for n in second.library_session.notebook.notes_panel.model.notes) == ["first 4", "second 4"]
    finally:
        close_window(first)
        close_window(second)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_hovering_noted_text_shows_the_note(qtbot, lib_window, fake_file):
    from test_ui_main_window import point_inside

    session = lib_window.library_session
    open_in_library(qtbot, lib_window, fake_file)
    start, end = select_words(lib_window, "Borduria signed")
    session.notebook.add_note_on_selection()
    qtbot.waitUntil(lambda: session.notebook.notes_panel.current is not None, timeout=TIMEOUT_MS)
    session.notebook.notes_panel.editor.setPlainText("ask for the **signed** text")
    session.notebook.notes_panel.flush()
    qtbot.waitUntil(lambda: bool(session.notebook.notes and session.notebook.notes[0].body), timeout=TIMEOUT_MS)
    borduria = point_inside(lib_window.article, start, start + len("Borduria"))
    tip = session.notebook.note_tooltip_at(borduria)
    assert "<strong>signed</strong>" in tip and "Borduria" in tip  # the note, then the actor's own tooltip
    far = lib_window.document.text.index("Emoji")
    assert session.notebook.note_tooltip_at(point_inside(lib_window.article, far, far + 5)) == ""


def test_the_shortcuts_list_names_the_notes_actions(lib_window):
    rows = dict(lib_window.shortcut_rows())
    assert rows.get("Ctrl+Shift+N") == "Add Note"
    assert "Ctrl+L" in rows and "Ctrl+O" in rows
