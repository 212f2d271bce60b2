"""The inbox folder: new files imported once, files still being written wait, bad files stay put."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "documents"))
from file_makers import write_feed
from store.fakes import FakeEngine

from reader.inbox import SETTLE_SECONDS, Inbox, describe
from reader.store import Library

NOW = 1_750_000_000.0


def old_file(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.utime(path, (NOW - 60, NOW - 60))
    return path


@pytest.fixture
def setup(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    library = Library.open(tmp_path / "library.db")
    yield folder, library, Inbox(folder, clock=lambda: NOW)
    library.close()


def test_new_files_are_imported_once(setup):
    folder, library, inbox = setup
    old_file(folder, "a.txt", "Erdoğan met Zelensky in Istanbul.\n")
    write_feed(folder / "feed.rss", [("One", "https://x.example/1", ["Turkey and Russia talked."], dt.datetime(2025, 5, 22, tzinfo=dt.UTC))])
    os.utime(folder / "feed.rss", (NOW - 60, NOW - 60))
    report = inbox.import_ready(library, FakeEngine())
    assert len(report.added) == 2 and not report.failed
    assert library.count_briefings() == 2
    again = FakeEngine()
    assert inbox.import_ready(library, again).total == 0 and again.analysed == []
    assert describe(report, 0) == "Inbox: 2 briefings imported"


def test_a_file_still_being_written_waits_for_the_next_scan(setup):
    folder, library, inbox = setup
    fresh = folder / "arriving.txt"
    fresh.write_text("Erdoğan met Zelensky.\n", encoding="utf-8")
    os.utime(fresh, (NOW - SETTLE_SECONDS / 4, NOW - SETTLE_SECONDS / 4))
    assert inbox.scan() == []  # modified a moment ago
    assert inbox.scan() == [fresh]  # unchanged since the last look: ready


def test_partial_and_hidden_files_are_ignored(setup):
    folder, _, inbox = setup
    for name in ("report.pdf.part", ".hidden.txt", "~$draft.docx", "download.crdownload"):
        old_file(folder, name, "Text about Ankara.\n")
    assert inbox.scan() == []


def test_an_unreadable_file_is_listed_with_its_reason_and_left_in_place(setup):
    folder, library, inbox = setup
    bad = old_file(folder, "scan.pdf", b"%PDF-1.4 broken")
    good = old_file(folder, "good.md", "# Talks\n\nErdoğan met Zelensky.\n")
    report = inbox.import_ready(library, FakeEngine())
    assert len(report.added) == 1 and len(report.failed) == 1
    assert bad.exists() and good.exists() and sorted(p.name for p in folder.iterdir()) == ["good.md", "scan.pdf"]
    assert list(inbox.problems) == [bad] and "damaged" in inbox.problems[bad]
    assert inbox.import_ready(library, FakeEngine()).total == 0  # not retried until it changes
    old_file(folder, "scan.pdf", b"%PDF-1.4 still broken, but different")
    os.utime(bad, (NOW - 30, NOW - 30))
    assert inbox.scan() == [bad] and not inbox.problems
    bad.unlink()
    inbox.scan()
    assert not inbox.problems and bad not in inbox.handled


def test_a_missing_folder_is_no_error(tmp_path):
    assert Inbox(tmp_path / "gone").scan() == []
