"""Fault injection on the library: kill -9 at seeded points, a full disk, a damaged page, a read-only folder.

Each kill run is a child process (fault_child.py) that dies by SIGKILL at one point chosen from
a seeded list: a calibration run counts the points an operation passes (SQLite VM steps and the
reader's own file writes), then at least 20 of them, spread with a fixed seed, become kill
points. Nothing here sleeps or times a kill: the child kills itself at its point. After every
fault: `PRAGMA integrity_check` is ok (or the library refuses writes with a clear message),
every note saved before the fault is there byte for byte, and the operation can be finished.
"""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.model import Document
from reader.store import Library, StoreError

from .damage import damage_table
from .fault_child import draft
from .readonly import run_read_only

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

CHILD = Path(__file__).with_name("fault_child.py")
KILLS = 20  # seeded kill points per operation
SEED = 12
#: Notes written before any fault, with bodies chosen to catch any re-encoding: they must survive every run.
OWN_NOTES = ["Plain note.", "Ünïcödé ✓ — «quotes» and emoji 🙂", "Markdown **bold**\n\n- list\n- items\n", " leading and trailing spaces "]
TEXT = "Talks in Istanbul.\nErdoğan met Zelensky in Istanbul on Thursday.\nTurkey and Ukraine agreed.\n"


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _prepare(tmp_path: Path) -> tuple[Path, str, dict[str, str]]:
    """A library with one briefing and the reader's own notes; returns (path, briefing id, note id -> body)."""
    from .fakes import fake_analysis

    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        document = Document(text=TEXT, title="Talks", source="talks.txt")
        bid = lib.add_document(document)
        lib.put_analysis(bid, fake_analysis(document))
        own = {lib.add_note(bid, body, quote="Thursday").id: body for body in OWN_NOTES}
    return path, bid, own


def _run(operation: str, db: Path, arg: str, kill_at: int, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHILD), operation, str(db), arg, str(kill_at), *options],
        capture_output=True, text=True, timeout=120,
    )


def _points(proc: subprocess.CompletedProcess) -> int:
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-1])


def _kill_points(total: int) -> list[int]:
    rng = random.Random(SEED)
    return sorted(rng.sample(range(1, total + 1), min(KILLS, total)))


def _check_own_notes(path: Path, own: dict[str, str]) -> None:
    assert _integrity(path) == "ok"
    with Library.open(path) as lib:
        assert lib.refusal is None
        for note_id, body in own.items():
            note = lib.get_note(note_id)
            assert note is not None and note.body == body and note.deleted_at is None


def _snapshot(path: Path, tmp_path: Path, name: str) -> Path:
    """A copy of the library (one file: the WAL was checkpointed when it was closed)."""
    copy = tmp_path / name
    copy.write_bytes(path.read_bytes())
    return copy


# -- kill -9 ---------------------------------------------------------------------------------


def test_kill_at_seeded_points_of_autosave(tmp_path):
    path, bid, own = _prepare(tmp_path)
    base = _snapshot(path, tmp_path, "base.db")
    total = _points(_run("autosave", _snapshot(base, tmp_path, "calibrate.db"), bid, 0))
    kills = _kill_points(total)
    assert len(kills) >= KILLS
    for k in kills:
        db = _snapshot(base, tmp_path, f"kill-{k}.db")
        proc = _run("autosave", db, bid, k)
        assert proc.returncode == -signal.SIGKILL, f"point {k}: {proc.stdout}{proc.stderr}"
        _check_own_notes(db, own)
        saved: dict[str, int] = {}
        created: list[str] = []
        for line in proc.stdout.splitlines():
            parts = line.split()
            if parts[0] == "created":
                created.append(parts[1])
            elif parts[0] == "saved":
                saved[parts[1]] = int(parts[2])
        with Library.open(db) as lib:
            for n, note_id in enumerate(created):
                note = lib.get_note(note_id)
                assert note is not None, f"point {k}: note {note_id} was reported created but is gone"
                # the last reported draft, or the next one if the kill came between commit and report
                if note_id in saved:
                    allowed = {draft(n, v) for v in range(saved[note_id], 4)}
                    assert note.body in allowed, f"point {k}: {note.body!r}"
            # the search index is consistent with the notes (a first draft, version 0, has no "typed")
            assert lib.search("typed") or all(v == 0 for v in saved.values())


def test_kill_at_seeded_points_of_import(tmp_path):
    path, _, own = _prepare(tmp_path)
    base = _snapshot(path, tmp_path, "base.db")
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02}.txt").write_text(f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\n" + f"Line {i}. " * 50)
    total = _points(_run("import", _snapshot(base, tmp_path, "calibrate.db"), str(folder), 0))
    from .fakes import FakeEngine

    for k in _kill_points(total):
        db = _snapshot(base, tmp_path, f"kill-{k}.db")
        proc = _run("import", db, str(folder), k)
        assert proc.returncode == -signal.SIGKILL, f"point {k}: {proc.stdout}{proc.stderr}"
        _check_own_notes(db, own)
        reported = {line.split(maxsplit=1)[1] for line in proc.stdout.splitlines() if line.startswith("imported ")}
        with Library.open(db) as lib:
            sources = {s.source for s in lib.list_briefings()}
            assert reported <= sources, f"point {k}: reported imported but missing"
            report = lib.import_paths([folder], FakeEngine())  # finishing the import later just works
            assert not report.failed and lib.count_briefings() == 13


def test_kill_at_seeded_points_of_export(tmp_path):
    path, bid, own = _prepare(tmp_path)
    base = _snapshot(path, tmp_path, "base.db")
    out = tmp_path / "export.md"
    old = "last week's export, which must never be half-overwritten\n" * 20
    out.write_text(old)
    calibration = _run("export", _snapshot(base, tmp_path, "calibrate.db"), bid, 0, "--out", str(out))
    total = _points(calibration)
    new = out.read_text(encoding="utf-8")
    assert new != old and "Ünïcödé ✓" in new
    for k in _kill_points(total):
        db = _snapshot(base, tmp_path, f"kill-{k}.db")
        out.write_text(old)
        proc = _run("export", db, bid, k, "--out", str(out))
        assert proc.returncode == -signal.SIGKILL, f"point {k}: {proc.stdout}{proc.stderr}"
        _check_own_notes(db, own)
        assert out.read_text(encoding="utf-8") in (old, new), f"point {k}: the export file is a fragment"


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_during_autosave_keeps_every_saved_note(tmp_path):
    path, bid, own = _prepare(tmp_path)
    proc = _run("autosave", path, bid, 0, "--full", "2")
    assert "error StoreError" in proc.stdout and "disk is full" in proc.stdout, proc.stdout
    _check_own_notes(path, own)
    created = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("created")]
    last = {line.split()[1]: int(line.split()[2]) for line in proc.stdout.splitlines() if line.startswith("saved")}
    assert last, "the disk filled up before the first save: the test checks nothing"
    with Library.open(path) as lib:
        for n, note_id in enumerate(created):
            if note_id in last:  # exactly the last draft that was reported saved
                assert lib.get_note(note_id).body == draft(n, last[note_id])


def test_a_full_disk_during_import_keeps_what_was_imported(tmp_path):
    path, _, own = _prepare(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"Briefing {i}.\nErdoğan met Zelensky.\n" + f"Words {i} " * 600)
    proc = _run("import", path, str(folder), 0, "--full", "40")
    assert "stopped" in proc.stdout and "disk is full" in proc.stdout, proc.stdout + proc.stderr
    _check_own_notes(path, own)
    reported = {line.split(maxsplit=1)[1] for line in proc.stdout.splitlines() if line.startswith("imported ")}
    with Library.open(path) as lib:
        assert reported <= {s.source for s in lib.list_briefings()}
        assert 1 < lib.count_briefings() < 31


# -- a damaged page, a read-only folder -------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_page_refuses_every_write_and_changes_nothing(tmp_path):
    from .damage import library_with_notes

    path = tmp_path / "library.db"
    bodies = library_with_notes(path)
    damage_table(path, "briefings")
    before = _digest(path)
    for operation, arg in (("autosave", "x"), ("import", str(tmp_path))):
        proc = _run(operation, path, arg, 0)
        assert "error StoreError" in proc.stdout and "damaged" in proc.stdout, proc.stdout + proc.stderr
    assert _digest(path) == before
    with Library.open(path) as lib:
        assert lib.refusal is not None
        assert {n.id: n.body for n in lib.all_notes()} == bodies
        with pytest.raises(StoreError, match="damaged"):
            lib.add_note(lib.all_notes()[0].briefing_id or "", "no")


def test_a_read_only_folder_refuses_writes_and_keeps_every_note(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    path, bid, own = _prepare(folder)
    before = _digest(path)
    proc = run_read_only(folder, ["note", "add", bid, "--body", "refused", "--db", str(path)])
    assert proc.returncode == 1 and "read-only" in proc.stderr and proc.stderr.count("\n") == 1
    listed = run_read_only(folder, ["notes", bid, "--json", "--db", str(path)])
    assert listed.returncode == 0, listed.stderr
    assert _digest(path) == before
    _check_own_notes(path, own)
