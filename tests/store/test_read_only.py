"""A library in a read-only folder opens read-only: reading, search and export work (issue 12, item 7)."""

from __future__ import annotations

import json

from reader.store import Library

from .damage import library_with_notes
from .readonly import run_read_only


def test_a_read_only_library_is_read_searched_and_exported(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    db = folder / "library.db"
    bodies = library_with_notes(db, briefings=3)
    out = tmp_path / "export.md"

    listed = run_read_only(folder, ["list", "--json", "--db", str(db)])
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 3
    notice = listed.stderr.strip()
    assert notice.count("\n") == 0 and "read-only" in notice and "reading, search and export work" in notice

    found = run_read_only(folder, ["search", "Istanbul", "--db", str(db)])
    assert found.returncode == 0, found.stderr
    assert "Istanbul" in found.stdout

    bid = json.loads(listed.stdout)[0]["id"]
    exported = run_read_only(folder, ["export", bid, "--out", str(out), "--db", str(db)])
    assert exported.returncode == 0, exported.stderr
    assert "Note " in out.read_text(encoding="utf-8")

    noted = run_read_only(folder, ["notes", bid, "--json", "--db", str(db)])
    assert noted.returncode == 0, noted.stderr
    assert json.loads(noted.stdout)[0]["body"] in bodies.values()


def test_saving_to_a_read_only_library_is_refused_in_one_line(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    db = folder / "library.db"
    bodies = library_with_notes(db, briefings=2)
    added = run_read_only(folder, ["note", "add", "0", "--body", "new", "--db", str(db)])
    assert added.returncode == 1
    assert added.stderr.count("\n") == 1 and "read-only" in added.stderr and "Traceback" not in added.stderr
    with Library.open(db) as lib:
        assert {n.id: n.body for n in lib.all_notes()} == bodies
