"""A crash while typing a note (SIGKILL of the real window process) keeps everything autosaved.

Typing without a pause is saved at least every MAX_UNSAVED_MS; the child says when a save landed
and what it held, types on, and is killed: nothing the window reported saved is lost.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import Library

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
saved = []
session.notebook.note_saved.connect(
    lambda note_id: saved.append(len(next(n for n in session.notebook.notes if n.id == note_id).body))
)
typed = {typed!r} * 40
n = 0

def type_one():
    global n
    editor.insertPlainText(typed[n])
    n += 1
    deadline = time.monotonic() + 0.03  # a steady typist: never the pause that saves at once
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

while not saved:  # typing without a pause is saved all the same (MAX_UNSAVED_MS)
    type_one()
print("saved", saved[0], flush=True)
for _ in range(10):  # typed after the save: the kill may lose these
    type_one()
print("typed", n, flush=True)
spin(lambda: False, seconds=120)  # the parent kills the window here
"""


def test_sigkill_while_typing_keeps_everything_autosaved(tmp_path):
    db = tmp_path / "library.db"
    script = tmp_path / "child.py"
    script.write_text(
        CHILD.format(here=str(HERE), root=str(ROOT), file=str(tmp_path / "talks.md"), ini=str(tmp_path / "s.ini"), db=str(db), typed=TYPED),
        encoding="utf-8",
    )
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    briefing_id, saved_length, typed_count = "", 0, 0
    try:
        assert child.stdout is not None
        for line in child.stdout:
            word, value = line.split()
            if word == "ready":
                briefing_id = value
            elif word == "saved":
                saved_length = int(value)
            elif word == "typed":
                typed_count = int(value)
                os.kill(child.pid, signal.SIGKILL)  # the window is alive and typed past its last save
                break
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(30)
    assert briefing_id and saved_length > 0 and typed_count > saved_length, "the child never got to the kill"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open(db) as lib:
        notes = lib.notes_for(briefing_id)
    assert len(notes) == 1
    saved = notes[0].body
    assert (TYPED * 40)[:typed_count].startswith(saved)
    assert len(saved) >= saved_length, f"the window said {saved_length} characters were saved; {len(saved)} are"
