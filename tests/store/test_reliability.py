"""Crashes and concurrent instances: the library stays consistent and keeps every saved note.

The writers run in separate processes killed with SIGKILL (no cleanup, no atexit), which is
what a crash or a forced quit does; a line is printed only after the write it reports returned.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.store import Library

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

AUTOSAVER = textwrap.dedent(
    """
    import sys
    from reader.model import Document
    from reader.store import Library

    lib = Library.open(sys.argv[1])
    bid = lib.add_document(Document(text="A briefing to annotate, sentence after sentence. " * 40))
    limit = int(sys.argv[2])
    for n in range(limit if limit else 10**9):
        note = lib.add_note(bid, "", start=2, end=10, color="yellow")
        for version in range(4):
            lib.update_note(note.id, body=f"{sys.argv[3]} draft {version} " + "typed text " * version)
            print(note.id, version, flush=True)
    """
)

IMPORTER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[3])
    from store.fakes import FakeEngine
    from reader.store import Library

    class GatedEngine(FakeEngine):
        def analyze_many(self, documents, batch_size=4):
            for n, analysis in enumerate(super().analyze_many(documents), start=1):
                if n == int(sys.argv[4]):
                    sys.stdin.readline()  # wait here, mid-import, for the kill
                yield analysis

    lib = Library.open(sys.argv[1])
    lib.import_paths([sys.argv[2]], GatedEngine(), progress=lambda d, t, p: print(p, flush=True))
    """
)


def _spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(proc: subprocess.Popen, lines: int) -> list[str]:
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line.split())
        if len(seen) >= lines:
            os.kill(proc.pid, signal.SIGKILL)
            break
    rest, err = proc.communicate(timeout=60)
    seen += [line.split() for line in rest.splitlines() if line.strip()]
    assert proc.returncode == -signal.SIGKILL, err
    return seen


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_kill_while_autosaving_keeps_every_saved_note(tmp_path):
    path = tmp_path / "library.db"
    saved = _kill_after(_spawn(AUTOSAVER, str(path), "0", "solo"), 240)
    assert _integrity(path) == "ok"
    last = {}
    for note_id, version in saved:
        last[note_id] = int(version)
    with Library.open(path) as lib:
        for note_id, version in last.items():
            note = lib.get_note(note_id)
            assert note is not None, f"note {note_id} was reported saved but is gone"
            assert int(note.body.split()[2]) >= version
        assert [h.note_id for h in lib.search("typed")]  # the search index survived too


def test_kill_during_a_large_import_keeps_what_was_imported(tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    for i in range(150):
        (folder / f"{i:03}.txt").write_text(f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\n" + "More text. " * 300)
    path = tmp_path / "library.db"
    reported = _kill_after(_spawn(IMPORTER, str(path), str(folder), str(ROOT / "tests"), "41"), 40)
    assert _integrity(path) == "ok"
    with Library.open(path) as lib:
        sources = {s.source for s in lib.list_briefings()}
        assert {r[0] for r in reported} <= sources
        assert 40 <= len(sources) < 150
        from .fakes import FakeEngine

        report = lib.import_paths([folder], FakeEngine())  # finishing the import later just works
        assert len(report.unchanged) == len(sources) and len(report.added) == 150 - len(sources)
        assert lib.count_briefings() == 150


def test_two_instances_writing_notes_concurrently_lose_nothing(tmp_path):
    path = tmp_path / "library.db"
    Library.open(path).close()
    procs = [_spawn(AUTOSAVER, str(path), "60", name) for name in ("first", "second")]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        outputs.append([line.split() for line in out.splitlines()])
    assert _integrity(path) == "ok"
    with Library.open(path) as lib:
        notes = {n.id: n for n in lib.all_notes()}
        for name, lines in zip(("first", "second"), outputs, strict=True):
            ids = {note_id for note_id, _ in lines}
            assert len(ids) == 60
            for note_id in ids:
                assert notes[note_id].body.startswith(f"{name} draft 3")
        assert len(notes) == 120
