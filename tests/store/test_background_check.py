"""The window opens its library without waiting for `quick_check`, and still writes nothing into a damaged file."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.library_thread import LibraryThread
from reader.store import Library, StoreError, integrity

from .damage import damage_table, library_with_notes

WAIT_S = 10


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def gate(monkeypatch) -> threading.Event:
    """Holds every background check until set: a check that takes as long as a test needs."""
    opened = threading.Event()
    real = integrity.quick_check

    def held(db):
        if threading.current_thread().name == "briefing-library-check":  # a check at open is not held
            assert opened.wait(WAIT_S), "the test never let the check finish"
        return real(db)

    monkeypatch.setattr(integrity, "quick_check", held)
    return opened


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    library_with_notes(path)
    damage_table(path, "briefings")
    return path


def _write_in_thread(call) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except StoreError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_opening_returns_before_the_check_and_a_damaged_library_then_refuses_the_waiting_write(damaged, gate):
    before = _digest(damaged)
    lib = Library.open(damaged, check_in_background=True)  # returns although the check is held
    try:
        assert lib.checking and lib.refusal is None
        notes = lib.all_notes()  # reads go on while the check runs
        assert len(notes) == 40
        thread, outcome = _write_in_thread(lambda: lib.update_note(notes[0].id, body="written into a damaged file"))
        thread.join(0.5)
        assert thread.is_alive() and not outcome  # the write waits for the verdict
        gate.set()
        thread.join(WAIT_S)
        assert isinstance(outcome[0], StoreError) and "damaged" in str(outcome[0]) and "briefing repair" in str(outcome[0])
        assert lib.refusal is not None and "damaged" in lib.refusal and not lib.checking
        with pytest.raises(StoreError, match="damaged"):
            lib.add_actor_note("Erdoğan", "also refused")
    finally:
        gate.set()
        lib.close()
    assert _digest(damaged) == before


def test_a_sound_library_takes_the_write_once_the_check_passed(tmp_path, gate):
    path = tmp_path / "library.db"
    library_with_notes(path, briefings=3)
    with Library.open(path, check_in_background=True) as lib:
        note = lib.all_notes()[0]
        assert lib.checking
        with pytest.raises(sqlite3.OperationalError, match=r"readonly"):  # nothing slips past the wait either
            lib.db.execute("UPDATE notes SET body = 'sneaked' WHERE id = ?", [note.id])
        assert not lib.settle_check(0.05)
        gate.set()
        assert lib.update_note(note.id, body="after the check").body == "after the check"
        assert lib.refusal is None and not lib.checking


def test_the_library_thread_serves_reads_during_the_check_and_says_the_verdict(damaged, gate):
    verdicts: list[str | None] = []
    thread = LibraryThread(damaged, on_checked=verdicts.append).start()
    try:
        assert thread.wait_ready(WAIT_S)
        assert thread.checking and thread.refusal is None
        assert len(thread.call(lambda lib: lib.all_notes(), WAIT_S)) == 40
        write = thread.submit(lambda lib: lib.add_actor_note("Erdoğan", "refused"))
        read_after = thread.submit(lambda lib: lib.count_briefings())
        assert not write.done() and not verdicts
        gate.set()
        with pytest.raises(StoreError, match="damaged"):
            write.result(WAIT_S)
        read_after.result(WAIT_S)
        assert thread.call(lambda lib: lib.refusal, WAIT_S) == thread.refusal
        assert len(verdicts) == 1 and verdicts[0] is not None and "damaged" in verdicts[0]
        assert not thread.checking
    finally:
        gate.set()
        assert thread.close()


def test_a_library_that_needs_upgrading_is_checked_before_it_is_opened(tmp_path, gate):
    gate.set()
    verdicts: list[None] = []
    with Library.open(tmp_path / "new.db", check_in_background=True, on_checked=lambda: verdicts.append(None)) as lib:
        assert not lib.checking and lib.refusal is None  # a new library is set up: checked at open, as before
    assert verdicts == []
