"""Test helpers that damage a library on purpose: one page of one table, as a bad sector would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.model import Document
from reader.store import Library


def library_with_notes(path: Path, briefings: int = 40) -> dict[str, str]:
    """A library of `briefings` briefings, one note each; returns note id -> body."""
    bodies = {}
    with Library.open(path) as lib:
        for i in range(briefings):
            text = f"Briefing number {i}. " + f"Erdoğan met Zelensky in Istanbul on day {i}. " * 40
            bid = lib.add_document(Document(text=text, title=f"Briefing {i}", source=f"b{i}.txt"))
            note = lib.add_note(bid, f"Note {i}: *check* ✓ day {i}", quote=f"day {i}.")
            bodies[note.id] = note.body
    return bodies


def damage_table(path: Path, table: str = "briefings") -> int:
    """Overwrite the header of one leaf page in the middle of `table` with garbage; returns its number."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table])]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert len(pages) >= 3, f"{table} has too few pages to damage one in the middle"
    page = pages[len(pages) // 2]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xff" * 64)
    return page
