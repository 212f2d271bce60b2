"""A crash while typing a note (SIGKILL of the real window process) loses at most about a second of it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.store import Library
from reader.ui.notes_panel import MAX_UNSAVED_MS

pytestmark = [pytest.mark.gui, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TYPED = "the quick brown fox jumps over the lazy dog; "

CHILD = r"""
import os, sys, time
sys.path.insert(0, {here!r})
sys.path.insert(0, {root!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from ui_helpers import FAKE_TEXT, FakeEngine
from reader.ui.app import build_window

app = QApplication([])
def spin(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    assert condition()

path = {file!r}
open(path, "w", encoding="utf-8").write(FAKE_TEXT)
window = build_window(engine=FakeEngine(), settings=QSettings({ini!r}, QSettings.Format.IniFormat), warm_up=False,
                      library_path={db!r})
window.show()
session = window.library_session
spin(lambda: session.available)
window.open_path(path)
spin(lambda: session.briefing_id is not None and window.analysis is not None)
start = window.document.text.index("water accord")
window.article.select_range(start, start + len("water accord"))
session.notebook.add_note_on_selection()
spin(lambda: session.notebook.notes_panel.current is not None)
print("ready", session.briefing_id, flush=True)
editor = session.notebook.notes_panel.editor
typed = {typed!r} * 40
for n, ch in enumerate(typed, start=1):
    editor.insertPlainText(ch)
    print(n, time.monotonic(), flush=True)
    deadline = time.monotonic() + 0.03
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
"""


def test_sigkill_while_typing_keeps_all_but_the_last_second(tmp_path):
    db = tmp_path / "library.db"
    script = tmp_path / "child.py"
    script.write_text(
        CHILD.format(here=str(HERE), root=str(ROOT), file=str(tmp_path / "talks.md"), ini=str(tmp_path / "s.ini"), db=str(db), typed=TYPED),
        encoding="utf-8",
    )
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    typed_at: list[tuple[int, float]] = []
    briefing_id = ""
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("ready"):
                briefing_id = line.split()[1]
                continue
            count, stamp = line.split()
            typed_at.append((int(count), float(stamp)))
            if typed_at[-1][1] - typed_at[0][1] >= 3.0:  # three seconds of typing without a pause
                break
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(30)
    assert briefing_id and typed_at, "the child never started typing"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open(db) as lib:
        notes = lib.notes_for(briefing_id)
    assert len(notes) == 1
    saved = notes[0].body
    full = TYPED * 40
    assert full.startswith(saved)
    # Everything typed more than the autosave bound (plus time for the write) before the kill is there.
    bound = killed_at - MAX_UNSAVED_MS / 1000 - 0.5
    must_have = max((count for count, stamp in typed_at if stamp <= bound), default=0)
    assert must_have > 0
    assert len(saved) >= must_have, f"saved {len(saved)} characters; {must_have} were typed over 1.5 s before the kill"
