"""Notes and highlights: on a text range, an event's clause, a briefing, or an actor across briefings."""

from __future__ import annotations

import uuid
from typing import Any

from reader.model import Event
from reader.store.anchoring import ANCHORED, MOVED, ORPHANED, find_quote, make_anchor, reanchor
from reader.store.connection import Connection, now
from reader.store.correction_log import CorrectionLog
from reader.store.corrections import _key, canonical_name
from reader.store.database import StoreError
from reader.store.records import ACTOR_NOTE, BRIEFING_NOTE, EVENT_NOTE, TEXT_NOTE, Note
from reader.store.rows import note_from_row, note_row, short

_UNSET: Any = object()


class Notes:
    """The notes of a library; reads never write (anchors move only through `reanchor`)."""

    def __init__(self, conn: Connection, corrections: CorrectionLog) -> None:
        self.conn = conn
        self.corrections = corrections

    def _text(self, briefing_id: str) -> str:
        with self.conn.translating():
            text: str = self.conn.briefing_row(briefing_id)["text"]
        return text

    def add_note(
        self,
        briefing_id: str,
        body: str = "",
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        occurrence: int = 1,
        color: str | None = None,
    ) -> Note:
        """A note on the text range [start, end) or on the n-th occurrence of `quote`.

        With neither, the note is on the briefing as a whole. An empty body with a colour is a
        highlight.
        """
        text = self._text(briefing_id)
        anchor = None
        if start is not None or end is not None:
            if start is None or end is None:
                raise StoreError("a note on text needs both start and end offsets")
            try:
                anchor = make_anchor(text, start, end)
            except ValueError as exc:
                raise StoreError(f"briefing {briefing_id}: {exc}") from None
        elif quote is not None:
            found = find_quote(text, quote, occurrence)
            if found is None:
                raise StoreError(f"briefing {briefing_id}: the quote {short(quote)!r} is not in its text")
            anchor = make_anchor(text, *found)
        kind = TEXT_NOTE if anchor else BRIEFING_NOTE
        return self._insert_note(Note(id="", kind=kind, body=body, briefing_id=briefing_id, anchor=anchor, color=color))

    def add_actor_note(
        self, actor_name: str, body: str = "", briefing_id: str | None = None, color: str | None = None
    ) -> Note:
        """A note on an actor, shown in every briefing naming it (`briefing_id`: where it was written)."""
        if not actor_name.strip():
            raise StoreError("an actor note needs the actor's name")
        if briefing_id is not None:
            self._text(briefing_id)
        note = Note(id="", kind=ACTOR_NOTE, body=body, briefing_id=briefing_id, actor_name=actor_name.strip(), color=color)
        return self._insert_note(note)

    def add_event_note(self, briefing_id: str, event: Event, body: str = "", color: str | None = None) -> Note:
        """A note on an event, anchored by the event's clause so it survives re-analysis."""
        text = self._text(briefing_id)
        try:
            anchor = make_anchor(text, event.start, event.end)
        except ValueError as exc:
            raise StoreError(f"briefing {briefing_id}: {exc}") from None
        note = Note(
            id="", kind=EVENT_NOTE, body=body, briefing_id=briefing_id, anchor=anchor, event_id=event.id, color=color
        )
        return self._insert_note(note)

    def _insert_note(self, note: Note) -> Note:
        stamp = now()
        note.id = uuid.uuid4().hex
        note.created_at = note.updated_at = stamp
        note.status = ANCHORED
        with self.conn.translating(), self.conn.writing():
            self.conn.db.table("notes").insert(note_row(note))
        return note

    def update_note(self, note_id: str, *, body: str | None = None, color: str | None = _UNSET) -> Note:
        """Save a note's new body and/or colour (autosave calls this: one short transaction)."""
        changes: dict[str, Any] = {"updated_at": now()}
        if body is not None:
            changes["body"] = body
        if color is not _UNSET:
            changes["color"] = color
        sets = ", ".join(f"{name} = ?" for name in changes)
        self.conn.require_writable()
        with self.conn.translating():
            cursor = self.conn.db.execute(
                f"UPDATE notes SET {sets} WHERE id = ? AND deleted_at IS NULL", [*changes.values(), note_id]
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no note with id {note_id!r} (it may have been deleted)")
        return self._note_or_error(note_id)

    def delete_note(self, note_id: str) -> None:
        """Move a note to the bin (restore_note brings it back)."""
        self.conn.require_writable()
        with self.conn.translating():
            stamp = now()
            cursor = self.conn.db.execute(
                "UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                [stamp, stamp, note_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no note with id {note_id!r}")

    def restore_note(self, note_id: str) -> Note:
        self.conn.require_writable()
        with self.conn.translating():
            cursor = self.conn.db.execute(
                "UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                [now(), note_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no deleted note with id {note_id!r}")
        return self._note_or_error(note_id)

    def deleted_notes(self) -> list[Note]:
        with self.conn.translating():
            rows = self.conn.db.table("notes").rows_where("deleted_at IS NOT NULL", order_by="deleted_at DESC")
            return [note_from_row(r) for r in rows]

    def get_note(self, note_id: str) -> Note | None:
        with self.conn.translating():
            rows = list(self.conn.db.table("notes").rows_where("id = ?", [note_id]))
        return note_from_row(rows[0]) if rows else None

    def all_notes(self) -> list[Note]:
        """Every note not in the bin, oldest first (export, backups)."""
        with self.conn.translating():
            rows = self.conn.db.table("notes").rows_where("deleted_at IS NULL", order_by="created_at, id")
            return [note_from_row(r) for r in rows]

    def notes_for(self, briefing_id: str) -> list[Note]:
        """The briefing's notes as stored, in reading order (a read: it never writes).

        Text and event notes come by position, orphaned ones (quote gone) after them, then notes
        on the briefing as a whole, then notes on actors this briefing names (under any name the
        alias book maps to the note's actor). Anchors follow the text through `reanchor`, the
        explicit step taken when a briefing's text changes or the window opens it.
        """
        with self.conn.translating():
            self.conn.briefing_row(briefing_id)
            rows = self.conn.db.table("notes").rows_where(
                "briefing_id = ? AND deleted_at IS NULL AND kind != ?", [briefing_id, ACTOR_NOTE]
            )
            own = [note_from_row(r) for r in rows]
            book = self.corrections.alias_book()
            names = {
                _key(canonical_name(r[0], book))
                for r in self.conn.db.execute("SELECT name FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            }
            actor_notes = [
                note_from_row(r)
                for r in self.conn.db.table("notes").rows_where(
                    "kind = ? AND deleted_at IS NULL", [ACTOR_NOTE], order_by="created_at"
                )
            ]
        actor_notes = [n for n in actor_notes if _key(canonical_name(n.actor_name or "", book)) in names]

        def order(note: Note) -> tuple[int, int, str]:
            if note.kind == BRIEFING_NOTE:
                return (2, 0, note.created_at)
            if note.orphaned or note.anchor is None:
                return (1, 0, note.created_at)
            return (0, note.anchor.start, note.created_at)

        return sorted(own, key=order) + actor_notes

    def reanchor(self, briefing_id: str, text: str | None = None) -> int:
        """Bring the stored anchors up to date with the briefing's text (or `text`); how many changed.

        Orphaned notes keep their old anchor. A read-only library stores nothing and says 0.
        """
        if self.conn.refusal is not None:
            return 0
        if text is None:
            text = self._text(briefing_id)
        rows = list(
            self.conn.db.table("notes").rows_where("briefing_id = ? AND quote IS NOT NULL AND quote != ''", [briefing_id])
        )
        updates = []
        for row in rows:
            note = note_from_row(row)
            assert note.anchor is not None
            result = reanchor(text, note.anchor)
            if result.orphaned:
                if note.status != ORPHANED:
                    updates.append((note.anchor, ORPHANED, note.id))
                continue
            # "moved" stays until the reader sees it; a quote that came back is anchored again.
            status = MOVED if result.status == MOVED or note.status == MOVED else ANCHORED
            if result.anchor != note.anchor or note.status != status:
                updates.append((result.anchor, status, note.id))
        if updates:
            with self.conn.writing():
                for anchor, status, note_id in updates:
                    self.conn.db.execute(
                        "UPDATE notes SET start_offset = ?, end_offset = ?, prefix = ?, suffix = ?, status = ? WHERE id = ?",
                        [anchor.start, anchor.end, anchor.prefix, anchor.suffix, status, note_id],
                    )
        return len(updates)

    def count(self, briefing_id: str) -> int:
        count: int = self.conn.one(
            "SELECT count(*) FROM notes WHERE briefing_id = ? AND deleted_at IS NULL AND kind != ?", [briefing_id, ACTOR_NOTE]
        )
        return count

    def _note_or_error(self, note_id: str) -> Note:
        note = self.get_note(note_id)
        if note is None:
            raise StoreError(f"no note with id {note_id!r}")
        return note
