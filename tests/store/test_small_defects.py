"""The smaller defects of issue 12, item 10, each in one clear line and losing nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.model import Actor, Analysis, Document, Mention
from reader.store import Library

from .fakes import FakeEngine, write


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.engine.Engine", FakeEngine)
    return str(tmp_path / "cli.db")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_dev_null_is_not_a_library(capsys):
    journal = Path("/dev/null-journal")
    existed = journal.exists()
    assert main(["list", "--db", "/dev/null"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err
    assert journal.exists() == existed


def test_a_full_disk_during_import_says_how_many_were_kept(db, tmp_path, capsys, monkeypatch):
    from reader.store import database

    for i in range(40):
        write(tmp_path / "in", f"{i:02}.txt", f"Briefing {i}.\nErdoğan met Zelensky.\n" + f"Text {i}. " * 400)
    real_connect = database.connect

    def small_disk(path, *args, **kwargs):
        db_ = real_connect(path, *args, **kwargs)
        pages = db_.execute("PRAGMA page_count").fetchone()[0]
        db_.execute(f"PRAGMA max_page_count = {pages + 60}")  # SQLite then answers SQLITE_FULL
        return db_

    Library.open(db).close()
    monkeypatch.setattr("reader.store.library.connect", small_disk)
    assert main(["import", str(tmp_path / "in"), "--db", db, "-q"]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err
    monkeypatch.setattr("reader.store.library.connect", real_connect)
    with Library.open(db) as lib:
        kept = lib.count_briefings()
    assert 0 < kept < 40
    assert f"The {kept} briefing(s) stored before it are kept" in err


def test_a_symlink_loop_gets_the_same_message_everywhere(db, tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert main(["import", str(loop), "--db", db]) == 1
    from_import = [ln for ln in capsys.readouterr().err.splitlines() if "loop.txt" in ln]
    assert main(["analyze", str(loop)]) == 1
    from_analyze = capsys.readouterr().err.splitlines()
    assert from_import == from_analyze == [f"briefing: {loop}: a loop of symbolic links, not a briefing file"]


def test_list_never_prints_a_huge_actor_name(db, capsys):
    with Library.open(db) as lib:
        text = "Z" * 50_000 + " met the envoy."
        document = Document(text=text, source="long.txt")
        bid = lib.add_document(document)
        actor = Actor("A1", "Z" * 50_000, "ORG", mentions=[Mention(0, 50_000, "Z" * 50_000)])
        lib.put_analysis(bid, Analysis(document=document, actors=[actor]))
    assert main(["list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) < 300


@pytest.mark.parametrize("command", [["search", "x"], ["list"]])
def test_limit_zero_is_refused_not_nothing_found(db, capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([*command, "--limit", "0", "--db", db])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "1 or more" in err and "nothing matches" not in err


def test_orphaned_notes_have_no_stale_offsets(db, tmp_path, capsys):
    path = write(tmp_path, "a.txt", "Talks in Istanbul.\nErdoğan met Zelensky on Thursday.\n")
    assert main(["import", str(path), "--db", db, "-q"]) == 0
    assert main(["list", "--db", db, "--json"]) == 0
    bid = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["note", "add", bid, "--quote", "on Thursday", "--body", "Which Thursday?", "--db", db]) == 0
    capsys.readouterr()
    path.write_text("Talks in Istanbul.\nThe ministers spoke at length about the harbour.\n", encoding="utf-8")
    os.utime(path)
    assert main(["import", str(path), "--db", db, "-q"]) == 0
    assert main(["notes", bid, "--json", "--db", db]) == 0
    (note,) = json.loads(capsys.readouterr().out)
    assert note["status"] == "orphaned" and note["quote"] == "on Thursday"
    assert note["start"] is None and note["end"] is None
    assert note["body"] == "Which Thursday?"
