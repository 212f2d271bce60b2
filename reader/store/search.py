"""Full-text search over briefings and notes (FTS5, kept up to date by triggers)."""

from __future__ import annotations

import sqlite3

from reader.store.connection import Connection
from reader.store.database import StoreError
from reader.store.fts_query import check_query, fts_queries
from reader.store.records import ACTOR_NOTE, MATCH_CLOSE, MATCH_OPEN, SearchHit


class Search:
    """Search the library: notes first, then briefings, best match first."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def search(self, query: str, limit: int = 20, notes: bool = True, briefings: bool = True) -> list[SearchHit]:
        """Full-text search: matching notes first, then briefings, each best match first.

        Plain words are matched as words (all of them, any order, stemmed, accents folded); a
        query using FTS5 syntax ("quoted phrase", OR, NOT, prefix*) is used as written when valid.
        """
        query = query.strip()
        if not query:
            return []
        check_query(query)
        attempts = fts_queries(query)
        with self.conn.translating():
            for i, fts in enumerate(attempts):
                try:
                    hits: list[SearchHit] = []
                    if notes:
                        hits += self._search_notes(fts, limit)
                    if briefings:
                        hits += self._search_briefings(fts, limit)
                    return hits
                except sqlite3.OperationalError as exc:
                    if i == len(attempts) - 1:
                        raise StoreError(f"cannot search for {query!r}: {exc}") from None
        return []

    def _search_briefings(self, fts: str, limit: int) -> list[SearchHit]:
        rows = self.conn.db.execute(
            # ORDER BY rank with a LIMIT lets FTS5 sort by bm25 itself, so snippet() runs only
            # for the rows returned (measured: 2-3x faster than ranking in a subquery first).
            f"""SELECT b.id, b.title, snippet(briefings_fts, -1, '{MATCH_OPEN}', '{MATCH_CLOSE}', '…', 16),
                       briefings_fts.rank
                FROM briefings_fts JOIN briefings b ON b.rowid = briefings_fts.rowid
                WHERE briefings_fts MATCH :q
                ORDER BY briefings_fts.rank LIMIT :n""",
            {"q": fts, "n": limit},
        ).fetchall()
        return [SearchHit("briefing", r[0], r[1] or "", r[2] or "", r[3]) for r in rows]

    def _search_notes(self, fts: str, limit: int) -> list[SearchHit]:
        rows = self.conn.db.execute(
            f"""SELECT n.id, n.briefing_id, n.kind, n.actor_name, b.title,
                       snippet(notes_fts, 0, '{MATCH_OPEN}', '{MATCH_CLOSE}', '…', 16), notes_fts.rank
                FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
                LEFT JOIN briefings b ON b.id = n.briefing_id
                WHERE notes_fts MATCH :q AND n.deleted_at IS NULL
                ORDER BY notes_fts.rank LIMIT :n""",
            {"q": fts, "n": limit},
        ).fetchall()
        return [
            SearchHit(
                "note",
                r[1],
                (f"Note on {r[3]}" if r[2] == ACTOR_NOTE else f"Note in {r[4] or 'a removed briefing'}"),
                r[5] or "",
                r[6],
                note_id=r[0],
            )
            for r in rows
        ]

    def rebuild_search_index(self) -> None:
        """Rebuild the full-text indexes from the tables (after a VACUUM, which may renumber the briefings'
        rowids they are keyed by, or a damaged index): search's two and the list filter's."""
        with self.conn.translating(), self.conn.writing():
            self.conn.db.execute("INSERT INTO briefings_fts(briefings_fts) VALUES('rebuild')")
            self.conn.db.execute("INSERT INTO notes_fts(notes_fts) VALUES('rebuild')")
            self.conn.db.execute("INSERT INTO briefing_labels(briefing_labels) VALUES('rebuild')")
