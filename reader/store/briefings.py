"""Briefings: stored, updated, listed and removed; their analyses as the reader sees them (corrected)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from reader.model import ENGINE_VERSION, Analysis, Document, briefing_title, content_hash
from reader.store import list_filter
from reader.store.analyses import Analyses
from reader.store.connection import Connection, chunks, now
from reader.store.correction_log import CorrectionLog
from reader.store.corrections import _key, canonical_name
from reader.store.database import StoreError
from reader.store.notes import Notes
from reader.store.records import ACTOR_NOTE, Briefing, BriefingSummary
from reader.store.rows import document_from_row, document_row, iso_date

SORTS = {
    "imported": "b.imported_at",
    "published": "b.published",
    "title": "b.title COLLATE NOCASE",
    "notes": "note_count",
}


class AnalysisEngine(Protocol):
    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]: ...


class Briefings:
    """The briefings of a library and their (cached, corrected) analyses."""

    def __init__(self, conn: Connection, analyses: Analyses, notes: Notes, corrections: CorrectionLog) -> None:
        self.conn = conn
        self.analyses = analyses
        self.notes = notes
        self.corrections = corrections

    def classify(self, document: Document) -> tuple[str, str | None]:
        """("unchanged", id), ("changed", id of the briefing from the same file) or ("new", None)."""
        digest = content_hash(document.text)
        row = self.conn.db.execute("SELECT id FROM briefings WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
        if row:
            return "unchanged", row[0]
        row = self.conn.db.execute(
            "SELECT id FROM briefings WHERE source = ? ORDER BY imported_at DESC LIMIT 1", [document.source]
        ).fetchone()
        if row:
            return "changed", row[0]
        return "new", None

    def find_text(self, text: str) -> str | None:
        """The id of a briefing with exactly this text, None when there is none (a read)."""
        with self.conn.translating():
            found: str | None = self.conn.one("SELECT id FROM briefings WHERE content_hash = ? LIMIT 1", [content_hash(text)])
        return found

    def add_document(self, document: Document) -> str:
        """Store a new briefing (no analysis); returns its id. A known text returns the existing id."""
        digest = content_hash(document.text)
        with self.conn.translating(), self.conn.writing():
            row = self.conn.db.execute("SELECT id FROM briefings WHERE content_hash = ?", [digest]).fetchone()
            if row:
                known: str = row[0]
                return known
            stamp = now()
            self.conn.db.table("briefings").insert(
                {"id": document.id, **document_row(document), "imported_at": stamp, "updated_at": stamp}
            )
        return document.id

    def store_document(self, document: Document) -> tuple[str, str]:
        """Keep a document the reader opened: ("added" | "updated" | "unchanged", briefing id).

        The same rules as an import, without analysis: a known text is a no-op; a changed text
        from a file already in the library (same `document.source`) updates that briefing in
        place and re-anchors its notes; anything else is added.
        """
        known = self.find_text(document.text)  # the common case takes no write lock
        if known is not None:
            self._retitle(known, document)
            return "unchanged", known
        with self.conn.translating(), self.conn.writing():
            known = self.find_text(document.text)
            if known is not None:
                self._retitle(known, document)
                return "unchanged", known
            state, briefing_id = self.classify(document) if document.source else ("new", None)
            if state == "changed" and briefing_id is not None:
                self.update_document(briefing_id, document)
                return "updated", briefing_id
            return "added", self.add_document(document)

    def _retitle(self, briefing_id: str, document: Document) -> None:
        """A briefing stored before titles were one (reader.model.briefing_title) takes the title its
        file gives now, so the library says what the window says. A write only when they differ."""
        if not document.title.strip():
            return  # no title of its own (pasted text): the stored one may well be better
        title = briefing_title(document)
        with self.conn.translating():
            stored = self.conn.one("SELECT title FROM briefings WHERE id = ?", [briefing_id])
            if stored != title and self.conn.refusal is None:
                with self.conn.writing():
                    self.conn.db.execute("UPDATE briefings SET title = ? WHERE id = ?", [title, briefing_id])

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        """Store many briefings (no analysis) in one transaction; returns their ids in order."""
        with self.conn.translating(), self.conn.writing():
            return [self.add_document(document) for document in documents]

    def update_document(self, briefing_id: str, document: Document) -> None:
        """Replace a briefing's text (a re-import of an edited file); its notes are re-anchored.

        A publication date the reader set stays, unless the new document is given one too.
        """
        with self.conn.translating(), self.conn.writing():
            old = self.conn.briefing_row(briefing_id)
            old_hash = old["content_hash"]
            if old["published_origin"] == "option" and document.published_origin != "option":
                document = replace(document, published=iso_date(old["published"]), published_origin="option")
            self.conn.db.table("briefings").update(briefing_id, {**document_row(document), "updated_at": now()})
            self.conn.db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            self.analyses.drop_unused(old_hash)
            self.notes.reanchor(briefing_id, document.text)

    def set_published(self, briefing_id: str, published: dt.date | None, origin: str = "option") -> None:
        """Date the briefing (`origin` "option": the reader set it). Its cached analysis, made
        against another date, is no longer returned (reader.store.analyses checks the date)."""
        with self.conn.translating(), self.conn.writing():
            self.conn.briefing_row(briefing_id)
            self.conn.db.table("briefings").update(
                briefing_id,
                {
                    "published": published.isoformat() if published else None,
                    "published_origin": origin if published else "none",
                    "updated_at": now(),
                },
            )

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        with self.conn.translating():
            rows = list(self.conn.db.table("briefings").rows_where("id = ?", [briefing_id]))
        if not rows:
            return None
        row = rows[0]
        return Briefing(
            id=row["id"],
            document=document_from_row(row),
            content_hash=row["content_hash"],
            imported_at=row["imported_at"],
            updated_at=row["updated_at"],
        )

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one briefing whose id starts with `prefix` (for the command line)."""
        prefix = prefix.strip()
        if not prefix:
            raise StoreError("no briefing id given")
        with self.conn.translating():
            rows = self.conn.db.execute(
                "SELECT id FROM briefings WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", [prefix, prefix + "\U0010ffff"]
            ).fetchall()
        if not rows:
            raise StoreError(f"no briefing with id {prefix!r} in {self.conn.where}; `briefing list` shows them")
        if len(rows) > 1:
            raise StoreError(f"{prefix!r} matches more than one briefing; give more characters of the id")
        found: str = rows[0][0]
        return found

    def remove_briefing(self, briefing_id: str, delete_notes: bool = False) -> None:
        """Remove a briefing; refuses while it has notes unless `delete_notes` (they go to the bin)."""
        with self.conn.translating(), self.conn.writing():
            self.conn.briefing_row(briefing_id)
            count = self.notes.count(briefing_id)
            if count and not delete_notes:
                raise StoreError(f"briefing {briefing_id} has {count} note(s); delete them first or pass delete_notes")
            stamp = now()
            # Notes survive in the bin, detached from the briefing they were on.
            self.conn.db.execute(
                "UPDATE notes SET deleted_at = coalesce(deleted_at, ?), briefing_id = NULL, updated_at = ? "
                "WHERE briefing_id = ? AND kind != ?",
                [stamp, stamp, briefing_id, ACTOR_NOTE],
            )
            self.conn.db.execute("UPDATE notes SET briefing_id = NULL WHERE briefing_id = ?", [briefing_id])
            self.conn.db.execute("DELETE FROM corrections WHERE briefing_id = ?", [briefing_id])
            self.conn.db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            digest = self.conn.briefing_row(briefing_id)["content_hash"]
            self.conn.db.table("briefings").delete(briefing_id)
            self.analyses.drop_unused(digest)

    def count_briefings(self, matching: str = "", at_most: int | None = None) -> int:
        """How many briefings the library holds; with `matching`, how many the list's filter finds
        (counted up to `at_most` + 1 only: a common word is in most of 100,000 briefings)."""
        with self.conn.translating():
            where, args = list_filter.matching(self.conn.db, matching)
            cap = "" if at_most is None else f" LIMIT {int(at_most) + 1}"
            count: int = self.conn.one(f"SELECT count(*) FROM (SELECT 1 FROM briefings b WHERE {' AND '.join(['1', *where])}{cap})", args)
        return count

    def list_briefings(
        self,
        sort: str = "imported",
        descending: bool = True,
        actor: str | None = None,
        title_contains: str | None = None,
        published_from: dt.date | None = None,
        published_to: dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
        top_actors: int = 3,
        matching: str = "",
    ) -> list[BriefingSummary]:
        """The library view: sorted by imported, published, title or notes; filtered as asked.

        `matching` is the filter box: every word in the title, source, date or an actor's name
        (reader/store/list_filter.py)."""
        if sort not in SORTS:
            raise StoreError(f"cannot sort by {sort!r}; choose one of {', '.join(SORTS)}")
        where, args = ["1"], []
        if actor:
            keys = self.actor_keys(actor)
            where.append(
                f"b.id IN (SELECT briefing_id FROM briefing_actors WHERE name_key IN ({','.join('?' * len(keys))}))"
            )
            args += keys
        if title_contains:
            where.append("b.title LIKE ? ESCAPE '\\'")
            args.append("%" + title_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if matching:
            with self.conn.translating():
                conditions, values = list_filter.matching(self.conn.db, matching)
            where += conditions
            args += values
        if published_from:
            where.append("b.published >= ?")
            args.append(published_from.isoformat())
        if published_to:
            where.append("b.published <= ?")
            args.append(published_to.isoformat())
        order = SORTS[sort] + (" DESC" if descending else " ASC")
        if sort == "published" and not descending:
            order += " NULLS LAST"  # undated briefings go last either way (NULL sorts first in SQLite)
        counts = f"""SELECT briefing_id, count(*) AS c FROM notes
                     WHERE deleted_at IS NULL AND kind != '{ACTOR_NOTE}' AND briefing_id IS NOT NULL
                     GROUP BY briefing_id"""
        join = f"LEFT JOIN ({counts}) nc ON nc.briefing_id = b.id" if sort == "notes" else ""
        # Two steps: the ordered page of ids first (indexes, no row bodies), then the rows of
        # that page only; a briefing's text sits in the row before source and date, so reading
        # those for every row of a large library would read every text.
        page_sql = f"""SELECT b.id FROM briefings b {join} WHERE {" AND ".join(where)}
                       ORDER BY {order.replace("note_count", "coalesce(nc.c, 0)")} LIMIT ? OFFSET ?"""
        with self.conn.translating():
            ids = [r[0] for r in self.conn.db.execute(page_sql, [*args, -1 if limit is None else limit, offset])]
            found: dict[str, BriefingSummary] = {}
            for chunk in chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                rows = self.conn.db.execute(
                    f"""SELECT b.id, b.title, b.published, b.source, b.imported_at,
                          (SELECT count(*) FROM notes n WHERE n.briefing_id = b.id AND n.deleted_at IS NULL
                             AND n.kind != '{ACTOR_NOTE}'),
                          EXISTS (SELECT 1 FROM analyses a WHERE a.content_hash = b.content_hash
                                  AND a.engine_version = ?)
                        FROM briefings b WHERE b.id IN ({marks})""",
                    [ENGINE_VERSION, *chunk],
                ).fetchall()
                for r in rows:
                    found[r[0]] = BriefingSummary(
                        id=r[0],
                        title=r[1] or "",
                        published=iso_date(r[2]),
                        source=r[3] or "",
                        imported_at=r[4],
                        note_count=r[5],
                        analysed=bool(r[6]),
                    )
            summaries = [found[i] for i in ids if i in found]
            if top_actors and summaries:
                tops = self._top_actors([s.id for s in summaries], top_actors)
                for s in summaries:
                    s.top_actors = tops.get(s.id, [])
        return summaries

    def briefings_mentioning(self, actor_name: str) -> list[BriefingSummary]:
        """Every briefing naming the actor (under any name the alias book maps to it), newest first."""
        return self.list_briefings(sort="published", actor=actor_name)

    def _top_actors(self, ids: Sequence[str], n: int) -> dict[str, list[str]]:
        book = self.corrections.alias_book()
        counts: dict[str, dict[str, int]] = {}
        for chunk in chunks(ids, 500):
            rows = self.conn.db.execute(
                f"SELECT briefing_id, name, mentions FROM briefing_actors WHERE briefing_id IN ({','.join('?' * len(chunk))})",
                list(chunk),
            ).fetchall()
            for briefing_id, name, mentions in rows:
                per = counts.setdefault(briefing_id, {})
                shown = canonical_name(name, book)
                per[shown] = per.get(shown, 0) + (mentions or 0)
        return {
            bid: [name for name, _ in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
            for bid, per in counts.items()
        }

    def actor_keys(self, actor_name: str) -> list[str]:
        """Folded names that stand for this actor: its canonical name and every alias-book entry."""
        book = self.corrections.alias_book()
        target = _key(canonical_name(actor_name, book))
        keys = {target, _key(actor_name)}
        keys.update(old for old, new in book.items() if _key(new) == target)
        return sorted(keys)

    def get_analysis(self, briefing_id: str) -> Analysis | None:
        """The cached analysis as the engine made it (no corrections), None when not cached."""
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            return None
        with self.conn.translating():
            return self.analyses.cached(briefing.content_hash, briefing.document)

    def analysis_for(self, briefing_id: str, engine: AnalysisEngine | None = None) -> Analysis | None:
        """The briefing's analysis with the reader's corrections applied.

        Uses the cache (no spaCy); only when nothing is cached for this engine version and an
        engine is given is the text analysed (and cached). None when neither is possible.
        """
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self.conn.where}")
        with self.conn.translating():
            analysis = self.analyses.cached(briefing.content_hash, briefing.document)
        if analysis is None:
            if engine is None:
                return None
            analysis = next(iter(engine.analyze_many([briefing.document])))
            self.analyses.put(briefing_id, analysis)
        return self.analyses.corrected(analysis, briefing_id)
