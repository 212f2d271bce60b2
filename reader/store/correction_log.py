"""The reader's corrections as stored: add, undo, list; the alias book the queries read them through."""

from __future__ import annotations

from collections.abc import Callable

from reader.store.connection import Connection
from reader.store.corrections import Correction, alias_book
from reader.store.database import StoreError


class CorrectionLog:
    """Corrections in the library. `changed(briefing_id or None)` runs inside each write's transaction."""

    def __init__(self, conn: Connection, changed: Callable[[str | None], None]) -> None:
        self.conn = conn
        self._changed = changed

    def add(self, correction: Correction) -> Correction:
        """Store a correction; it applies from now on to every analysis it concerns."""
        try:
            correction.validate()
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        with self.conn.translating(), self.conn.writing():
            if correction.briefing_id is not None:
                self.conn.briefing_row(correction.briefing_id)
            self.conn.db.table("corrections").insert(correction.to_row())
            self._changed(correction.briefing_id)
        return correction

    def delete(self, correction_id: str) -> None:
        with self.conn.translating(), self.conn.writing():
            row = self.conn.db.execute("SELECT briefing_id FROM corrections WHERE id = ?", [correction_id]).fetchone()
            if row is None:
                raise StoreError(f"no correction with id {correction_id!r}")
            self.conn.db.table("corrections").delete(correction_id)
            self._changed(row[0])

    def for_briefing(self, briefing_id: str | None = None) -> list[Correction]:
        """Global corrections plus, when given, that briefing's own; oldest first."""
        table = self.conn.db.table("corrections")
        with self.conn.translating():
            if briefing_id is None:
                rows = table.rows_where("briefing_id IS NULL", order_by="created_at")
            else:
                rows = table.rows_where("briefing_id IS NULL OR briefing_id = ?", [briefing_id], order_by="created_at")
            return [Correction.from_row(r) for r in rows]

    def local(self) -> dict[str, list[Correction]]:
        """Every briefing's own corrections, by briefing id, oldest first."""
        found: dict[str, list[Correction]] = {}
        with self.conn.translating():
            for row in self.conn.db.table("corrections").rows_where("briefing_id IS NOT NULL", order_by="created_at"):
                correction = Correction.from_row(row)
                found.setdefault(correction.briefing_id or "", []).append(correction)
        return found

    def alias_book(self) -> dict[str, str]:
        """Old name -> current name, from the global renames and merges."""
        return alias_book(self.for_briefing())
