"""A damaged library is found when it is opened, takes no writes, and can be repaired (issue 12, item 4)."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from reader.cli import main
from reader.store import Library, StoreError

from .damage import damage_table, library_with_notes


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "library.db"
    bodies = library_with_notes(path)
    damage_table(path, "briefings")
    return path, bodies


def test_a_damaged_library_refuses_writes_and_keeps_reading(damaged):
    path, bodies = damaged
    before = _digest(path)
    with Library.open(path) as lib:
        assert lib.refusal is not None and "damaged" in lib.refusal and "briefing repair" in lib.refusal
        notes = lib.all_notes()  # the notes' pages are sound: still readable
        assert {n.id: n.body for n in notes} == bodies
        with pytest.raises(StoreError, match="damaged"):
            lib.update_note(notes[0].id, body="written into a damaged file")
        with pytest.raises(StoreError, match="damaged"):
            lib.add_actor_note("Erdoğan", "also refused")
        with pytest.raises(StoreError, match="damaged"):
            lib.delete_note(notes[0].id)
    assert _digest(path) == before


def test_the_cli_refuses_imports_and_notes_with_the_way_out(damaged, tmp_path, capsys):
    path, _ = damaged
    before = _digest(path)
    (tmp_path / "new.txt").write_text("A new briefing about Ankara.\n")
    assert main(["import", str(tmp_path / "new.txt"), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and f"briefing repair --db {path}" in err
    assert main(["note", "add", "0", "--body", "x", "--db", str(path)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert _digest(path) == before


def test_the_automatic_backup_is_named_when_there_is_one(damaged):
    path, _ = damaged
    backup = path.with_name(path.name + ".bak-v3-20250101T000000000000Z")
    backup.write_bytes(b"SQLite format 3\x00")
    with Library.open(path) as lib:
        assert backup.name in (lib.refusal or "")


def test_repair_copies_every_readable_row_and_keeps_the_old_file(damaged, tmp_path, capsys):
    path, bodies = damaged
    before = _digest(path)
    out = tmp_path / "repaired.db"
    assert main(["repair", "--db", str(path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "left untouched" in err and "unreadable" in err
    assert _digest(path) == before
    assert sqlite3.connect(out).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open(out) as lib:
        assert lib.refusal is None
        kept = {n.id: n.body for n in lib.all_notes()}
        binned = {n.id: n.body for n in lib.deleted_notes()}
        assert {**kept, **binned} == bodies  # every note, byte for byte; those of lost briefings in the bin
        assert binned and 0 < lib.count_briefings() < 40
        assert lib.search("Istanbul")  # the search index was rebuilt from the copied rows
        lib.add_note(lib.list_briefings()[0].id, "writable again")
    assert main(["repair", "--db", str(path), "--out", str(out)]) == 1  # never over an existing file
    assert "already exists" in capsys.readouterr().err


def test_a_sound_library_is_checked_and_writable(tmp_path, capsys):
    path = tmp_path / "library.db"
    library_with_notes(path, briefings=3)
    with Library.open(path) as lib:
        assert lib.refusal is None
    assert main(["list", "--db", str(path), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_the_file_is_read_ahead_of_the_check_with_progress_unless_it_would_not_fit(tmp_path, monkeypatch):
    """Issue 17: quick_check walks pages in tree order, so from a cold cache it reads them one by one."""
    from reader.store import integrity

    big = tmp_path / "big.db"
    with big.open("wb") as handle:
        handle.truncate(40 << 20)  # sparse: 40 MB that cost nothing to write
    said: list[str] = []
    integrity.read_ahead(big, said.append)
    percents = [int(m.removeprefix("Reading the library: ").rstrip("%")) for m in said]
    assert percents == sorted(set(percents)) and percents[-1] == 100 and len(percents) == 5  # one per 8 MB read
    said.clear()
    monkeypatch.setattr(integrity, "_memory", lambda: 64 << 20)
    integrity.read_ahead(big, said.append)  # more than half the memory: it would push out its own pages
    integrity.read_ahead(tmp_path / "absent.db", said.append)
    monkeypatch.undo()
    small = tmp_path / "small.db"
    small.write_bytes(b"x" * 4096)
    integrity.read_ahead(small, said.append)
    assert said == []


def test_a_damaged_library_read_ahead_is_still_found_damaged(damaged, monkeypatch):
    from reader.store import integrity

    path, _bodies = damaged
    said: list[str] = []
    monkeypatch.setattr(integrity, "_CHUNK", 1024)  # the test library is small: read it ahead too
    with Library.open(path, progress=said.append) as lib:
        assert lib.refusal is not None and "damaged" in lib.refusal
    assert said[-2:] == ["Reading the library: 100%", "Checking the library…"]
