"""The inbox folder in the window: imported at start, watched, problems listed, files left in place."""

from __future__ import annotations

import os
import time

import pytest
from test_notes import TIMEOUT_MS, close_window, make_library_window

from reader.ui.inbox_watcher import SETTING

pytestmark = pytest.mark.gui


def aged(path, text):
    path.write_text(text, encoding="utf-8") if isinstance(text, str) else path.write_bytes(text)
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def count(window) -> int:
    return window.library_session.worker.call(lambda lib: lib.count_briefings(), timeout=10)


def test_the_inbox_is_imported_at_start_and_watched(qtbot, fake_engine, settings, dialogs, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    aged(inbox / "a.txt", "Borduria and Syldavia met in Klow on 15 May.\n")
    bad = aged(inbox / "scan.pdf", b"%PDF-1.4 broken")
    settings.setValue(SETTING, str(inbox))
    window = None
    try:
        window = make_library_window(qtbot, fake_engine, settings, tmp_path / "library.db")
        watcher = window.inbox_watcher
        # the first import is over (its `imported` signal delivered) before b.md arrives
        qtbot.waitUntil(lambda: watcher.inbox is not None and bad in watcher.inbox.problems and not watcher.busy, timeout=TIMEOUT_MS)
        assert count(window) == 1
        assert bad.exists()  # left where it was
        watcher.show_problems()
        assert "scan.pdf" in dialogs[-1] and "damaged" in dialogs[-1]

        with qtbot.waitSignal(watcher.imported, timeout=TIMEOUT_MS, check_params_cb=lambda r: bool(r.added)):
            (inbox / "b.md").write_text("# Visit\n\nMara Velkova may visit Borduria.\n", encoding="utf-8")
        assert count(window) == 2
        assert "Inbox: 1 briefing imported" in window.statusBar().currentMessage()
    finally:
        if window is not None:
            close_window(window)


def test_choosing_no_folder_stops_watching(qtbot, fake_engine, settings, dialogs, tmp_path):
    window = make_library_window(qtbot, fake_engine, settings, tmp_path / "library.db")
    try:
        watcher = window.inbox_watcher
        watcher.set_folder(tmp_path)
        assert watcher.watcher.directories() == [str(tmp_path)] and settings.value(SETTING) == str(tmp_path)
        watcher.set_folder(None)
        assert watcher.watcher.directories() == [] and watcher.inbox is None and settings.value(SETTING) == ""
    finally:
        close_window(window)
