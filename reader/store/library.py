"""The reader's library: briefings, cached analyses, notes and corrections in one SQLite file.

    library = Library.open()                 # $BRIEFING_DB or the platform data directory
    report = library.import_paths(["briefings/"], Engine(), progress=print)
    analysis = library.analysis_for(briefing_id)          # cached: no spaCy, corrections applied
    note = library.add_note(briefing_id, "**Check** this", start=120, end=164)
    library.update_note(note.id, body="…")                # one short transaction: autosave-safe

One `Library` is one connection: use it from one thread at a time (the window should send
all library calls through a single worker). Every write is one short transaction, so two
instances on one file take turns; one that waits longer than the busy timeout gets a
`LibraryBusyError` saying the library is in use, never a half-written note.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from reader.documents import SUPPORTED_SUFFIXES, load_documents
from reader.documents.loader import missing_path_message
from reader.errors import DocumentError
from reader.model import ENGINE_VERSION, Analysis, Document, Event, content_hash
from reader.paths import default_library_path
from reader.store.anchoring import ANCHORED, MOVED, ORPHANED, Anchor, find_quote, make_anchor, reanchor
from reader.store.corrections import Correction, _key, alias_book, apply_corrections_in_place, canonical_name
from reader.store.database import BUSY_TIMEOUT_MS, StoreError, connect, migrate, translating
from reader.store.fts_query import check_query, fts_queries
from reader.store.integrity import check_on_open, refuse_upgrade, unwritable_reason
from reader.store.records import (
    ACTOR_NOTE,
    BRIEFING_NOTE,
    EVENT_NOTE,
    MATCH_CLOSE,
    MATCH_OPEN,
    TEXT_NOTE,
    Briefing,
    BriefingSummary,
    ImportReport,
    Note,
    SearchHit,
    TimelineEntry,
    _first_line,
)

#: Called as progress(done, total, path) after each file of an import.
Progress = Callable[[int, int, str], None]
SORTS = {
    "imported": "b.imported_at",
    "published": "b.published",
    "title": "b.title COLLATE NOCASE",
    "notes": "note_count",
}
_UNSET: Any = object()


class AnalysisEngine(Protocol):
    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]: ...


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to import (folders searched recursively, hidden ones skipped) and paths that failed."""
    files: list[Path] = []
    failed: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                failed.append((str(path), f"{path}: no briefing files ({', '.join(SUPPORTED_SUFFIXES)}) in this folder"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        elif path.is_symlink():  # a dangling link or a loop: the same words as `briefing analyze`
            failed.append((str(path), missing_path_message(path)))
        else:
            failed.append((str(path), f"{path}: no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, failed


class Library:
    """Everything the reader keeps, behind plain-Python methods returning plain records."""

    def __init__(self, db: Database, path: Path | None = None, refusal: str | None = None) -> None:
        self.db = db
        self.path = path
        self._where = str(path) if path else "the library"
        #: Why nothing may be saved (a damaged or read-only library), said in full; None when writable.
        self.refusal = refusal
        #: The backup written before upgrading an older library (None when none was needed).
        self.backup: Path | None = None
        with translating(self._where):
            if path is None:
                db.execute("PRAGMA foreign_keys = ON")
            if refusal is None:
                self.backup = migrate(db, path)
            else:
                refuse_upgrade(db, refusal)

    @classmethod
    def open(cls, path: str | Path | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Library:
        """Open the library at `path` (default: $BRIEFING_DB or the platform data directory)."""
        where = Path(path).expanduser() if path else default_library_path()
        unwritable = unwritable_reason(where)
        db = connect(where, busy_timeout_ms, read_only=unwritable is not None)
        try:
            return cls(db, where, refusal=check_on_open(db, where, unwritable))
        except BaseException:
            db.close()
            raise

    @classmethod
    def in_memory(cls) -> Library:
        return cls(Database(memory=True))

    def close(self) -> None:
        self.db.close()

    def require_writable(self) -> None:
        """StoreError saying why, when the library is damaged or read-only (called before every write)."""
        if self.refusal is not None:
            raise StoreError(self.refusal)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ briefings

    def import_paths(
        self,
        paths: Iterable[str | Path],
        engine: AnalysisEngine,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        published: dt.date | None = None,
        report: ImportReport | None = None,
    ) -> ImportReport:
        """Import files and folders, analysing new texts in batches through `engine.analyze_many`.

        A file already in the library with the same text is a no-op; a file whose text changed
        since it was imported updates its briefing in place (its notes are re-anchored). Files
        that cannot be read are reported and skipped. Each briefing is stored in its own short
        transaction as soon as it is analysed, so cancelling (or a crash) keeps every briefing
        finished before it. `cancel` is polled between files. Pass `report` to watch it fill.
        """
        self.require_writable()
        files, failed = expand_paths(paths)
        report = report if report is not None else ImportReport()
        report.failed.extend(failed)
        total, done = len(files), 0
        waiting: deque[tuple[Path, Document, str | None]] = deque()

        def tick(path: Path) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, total, str(path))

        def cancelled() -> bool:
            if cancel is not None and cancel():
                report.cancelled = True
            return report.cancelled

        def to_analyse() -> Iterator[Document]:
            nonlocal total
            for path in files:
                if cancelled():
                    return
                try:
                    documents = load_documents(path, published=published)
                except DocumentError as exc:
                    report.failed.append((str(path), str(exc)))
                    tick(path)
                    continue
                total += len(documents) - 1
                for document in documents:  # a feed's entries, a mail and its attachments: one "#part" each
                    document.source = f"{path}#{document.part}" if document.part else str(path)
                    with translating(self._where):
                        state, briefing_id = self._classify(document)
                        if state == "unchanged":
                            report.unchanged.append(document.source)
                            tick(path)
                            continue
                        cached = self._cached_analysis(content_hash(document.text), document)
                        if cached is not None:
                            self._store_imported(document, briefing_id, cached, report)
                            tick(path)
                            continue
                    waiting.append((path, document, briefing_id))
                    yield document

        try:
            for analysis in engine.analyze_many(to_analyse()):
                path, document, briefing_id = waiting.popleft()
                with translating(self._where):
                    self._store_imported(document, briefing_id, analysis, report)
                tick(path)
                if cancelled():
                    break
        except StoreError as exc:  # a full disk, say: stop, and say what was kept (each briefing committed alone)
            report.stopped = str(exc)
        return report

    def _classify(self, document: Document) -> tuple[str, str | None]:
        """("unchanged", id), ("changed", id of the briefing from the same file) or ("new", None)."""
        digest = content_hash(document.text)
        row = self.db.execute("SELECT id FROM briefings WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
        if row:
            return "unchanged", row[0]
        row = self.db.execute(
            "SELECT id FROM briefings WHERE source = ? ORDER BY imported_at DESC LIMIT 1", [document.source]
        ).fetchone()
        if row:
            return "changed", row[0]
        return "new", None

    def _store_imported(
        self, document: Document, briefing_id: str | None, analysis: Analysis, report: ImportReport
    ) -> None:
        with self._writing():
            if briefing_id is None:
                digest = content_hash(document.text)
                if self.db.execute("SELECT 1 FROM briefings WHERE content_hash = ?", [digest]).fetchone():
                    # The same text came twice in one batch: the first copy was stored meanwhile.
                    report.unchanged.append(document.source)
                    return
                briefing_id = self.add_document(document)
                report.added.append(briefing_id)
            else:
                self.update_document(briefing_id, document)
                report.updated.append(briefing_id)
            self.put_analysis(briefing_id, analysis)

    def add_document(self, document: Document) -> str:
        """Store a new briefing (no analysis); returns its id. A known text returns the existing id."""
        digest = content_hash(document.text)
        with translating(self._where), self._writing():
            row = self.db.execute("SELECT id FROM briefings WHERE content_hash = ?", [digest]).fetchone()
            if row:
                return row[0]
            stamp = now()
            self.db.table("briefings").insert(
                {"id": document.id, **_document_row(document), "imported_at": stamp, "updated_at": stamp}
            )
        return document.id

    def store_document(self, document: Document) -> tuple[str, str]:
        """Keep a document the reader opened: ("added" | "updated" | "unchanged", briefing id).

        The same rules as an import, without analysis: a known text is a no-op; a changed text
        from a file already in the library (same `document.source`) updates that briefing in
        place and re-anchors its notes; anything else is added.
        """
        digest = content_hash(document.text)
        known = "SELECT id FROM briefings WHERE content_hash = ? LIMIT 1"
        with translating(self._where):
            row = self.db.execute(known, [digest]).fetchone()  # the common case takes no write lock
        if row:
            return "unchanged", row[0]
        with translating(self._where), self._writing():
            row = self.db.execute(known, [digest]).fetchone()
            if row:
                return "unchanged", row[0]
            state, briefing_id = self._classify(document) if document.source else ("new", None)
            if state == "changed" and briefing_id is not None:
                self.update_document(briefing_id, document)
                return "updated", briefing_id
            return "added", self.add_document(document)

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        """Store many briefings (no analysis) in one transaction; returns their ids in order."""
        with translating(self._where), self._writing():
            return [self.add_document(document) for document in documents]

    def update_document(self, briefing_id: str, document: Document) -> None:
        """Replace a briefing's text (a re-import of an edited file); its notes are re-anchored."""
        with translating(self._where), self._writing():
            old_hash = self._require_briefing(briefing_id)["content_hash"]
            self.db.table("briefings").update(briefing_id, {**_document_row(document), "updated_at": now()})
            self.db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            self._drop_unused_analyses(old_hash)
            self._reanchor_notes(briefing_id, document.text)

    def _drop_unused_analyses(self, digest: str) -> None:
        self.db.execute(
            "DELETE FROM analyses WHERE content_hash = ? AND NOT EXISTS (SELECT 1 FROM briefings WHERE content_hash = ?)",
            [digest, digest],
        )

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        with translating(self._where):
            rows = list(self.db.table("briefings").rows_where("id = ?", [briefing_id]))
        if not rows:
            return None
        row = rows[0]
        return Briefing(
            id=row["id"],
            document=_document_from_row(row),
            content_hash=row["content_hash"],
            imported_at=row["imported_at"],
            updated_at=row["updated_at"],
        )

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one briefing whose id starts with `prefix` (for the command line)."""
        prefix = prefix.strip()
        if not prefix:
            raise StoreError("no briefing id given")
        with translating(self._where):
            rows = self.db.execute(
                "SELECT id FROM briefings WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", [prefix, prefix + "\U0010ffff"]
            ).fetchall()
        if not rows:
            raise StoreError(f"no briefing with id {prefix!r} in {self._where}; `briefing list` shows them")
        if len(rows) > 1:
            raise StoreError(f"{prefix!r} matches more than one briefing; give more characters of the id")
        return rows[0][0]

    def remove_briefing(self, briefing_id: str, delete_notes: bool = False) -> None:
        """Remove a briefing; refuses while it has notes unless `delete_notes` (they go to the bin)."""
        with translating(self._where), self._writing():
            self._require_briefing(briefing_id)
            count = self._note_count(briefing_id)
            if count and not delete_notes:
                raise StoreError(f"briefing {briefing_id} has {count} note(s); delete them first or pass delete_notes")
            stamp = now()
            # Notes survive in the bin, detached from the briefing they were on.
            self.db.execute(
                "UPDATE notes SET deleted_at = coalesce(deleted_at, ?), briefing_id = NULL, updated_at = ? "
                "WHERE briefing_id = ? AND kind != ?",
                [stamp, stamp, briefing_id, ACTOR_NOTE],
            )
            self.db.execute("UPDATE notes SET briefing_id = NULL WHERE briefing_id = ?", [briefing_id])
            self.db.execute("DELETE FROM corrections WHERE briefing_id = ?", [briefing_id])
            self.db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            digest = self._require_briefing(briefing_id)["content_hash"]
            self.db.table("briefings").delete(briefing_id)
            self._drop_unused_analyses(digest)

    def count_briefings(self) -> int:
        with translating(self._where):
            return self.db.execute("SELECT count(*) FROM briefings").fetchone()[0]

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
    ) -> list[BriefingSummary]:
        """The library view: sorted by imported, published, title or notes; filtered as asked."""
        if sort not in SORTS:
            raise StoreError(f"cannot sort by {sort!r}; choose one of {', '.join(SORTS)}")
        where, args = ["1"], []
        if actor:
            keys = self._actor_keys(actor)
            where.append(
                f"b.id IN (SELECT briefing_id FROM briefing_actors WHERE name_key IN ({','.join('?' * len(keys))}))"
            )
            args += keys
        if title_contains:
            where.append("b.title LIKE ? ESCAPE '\\'")
            args.append("%" + title_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
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
        with translating(self._where):
            ids = [r[0] for r in self.db.execute(page_sql, [*args, -1 if limit is None else limit, offset])]
            found: dict[str, BriefingSummary] = {}
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
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
                        published=_date(r[2]),
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
        book = self._alias_book()
        counts: dict[str, dict[str, int]] = {}
        for chunk in _chunks(ids, 500):
            rows = self.db.execute(
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

    def _actor_keys(self, actor_name: str) -> list[str]:
        """Folded names that stand for this actor: its canonical name and every alias-book entry."""
        book = self._alias_book()
        target = _key(canonical_name(actor_name, book))
        keys = {target, _key(actor_name)}
        keys.update(old for old, new in book.items() if _key(new) == target)
        return sorted(keys)

    # ------------------------------------------------------------------ analyses

    def put_analysis(self, briefing_id: str, analysis: Analysis) -> None:
        """Cache an analysis of the briefing's current text (keyed by content hash + engine version)."""
        with translating(self._where), self._writing():
            row = self._require_briefing(briefing_id)
            if content_hash(analysis.document.text) != row["content_hash"]:
                raise StoreError(f"briefing {briefing_id}: the analysis is of another text")
            data = analysis.to_dict()
            del data["document"]
            version = analysis.engine_version or ENGINE_VERSION
            self.db.execute(
                "DELETE FROM analyses WHERE content_hash = ? AND engine_version != ?", [row["content_hash"], version]
            )
            self.db.table("analyses").upsert(
                {
                    "content_hash": row["content_hash"],
                    "engine_version": version,
                    "data": json.dumps(data, ensure_ascii=False),
                    "created_at": now(),
                },
                pk=("content_hash", "engine_version"),
            )
            self._refresh_actor_index(briefing_id, self._with_document(data, _document_from_row(row)))

    def get_analysis(self, briefing_id: str) -> Analysis | None:
        """The cached analysis as the engine made it (no corrections), None when not cached."""
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            return None
        with translating(self._where):
            return self._cached_analysis(briefing.content_hash, briefing.document)

    def analysis_for(self, briefing_id: str, engine: AnalysisEngine | None = None) -> Analysis | None:
        """The briefing's analysis with the reader's corrections applied.

        Uses the cache (no spaCy); only when nothing is cached for this engine version and an
        engine is given is the text analysed (and cached). None when neither is possible.
        """
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self._where}")
        with translating(self._where):
            analysis = self._cached_analysis(briefing.content_hash, briefing.document)
        if analysis is None:
            if engine is None:
                return None
            analysis = next(iter(engine.analyze_many([briefing.document])))
            self.put_analysis(briefing_id, analysis)
        return apply_corrections_in_place(analysis, self.corrections(briefing_id), briefing_id)

    def _cached_analysis(self, digest: str, document: Document) -> Analysis | None:
        row = self.db.execute(
            "SELECT data FROM analyses WHERE content_hash = ? AND engine_version = ?", [digest, ENGINE_VERSION]
        ).fetchone()
        if not row:
            return None
        return self._with_document(json.loads(row[0]), document)

    @staticmethod
    def _with_document(data: dict[str, Any], document: Document) -> Analysis:
        analysis = Analysis.from_dict({**data, "document": {"text": ""}})
        analysis.document = document
        return analysis

    def _refresh_actor_index(self, briefing_id: str, analysis: Analysis | None = None) -> None:
        if analysis is None:
            row = self._require_briefing(briefing_id)
            analysis = self._cached_analysis(row["content_hash"], _document_from_row(row))
        self.db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
        if analysis is None:
            return
        corrected = apply_corrections_in_place(analysis, self.corrections(briefing_id), briefing_id)
        rows: dict[str, dict[str, Any]] = {}
        for actor in corrected.actors:
            key = _key(actor.name)
            if key in rows:
                rows[key]["mentions"] += len(actor.mentions)
            else:
                rows[key] = {
                    "briefing_id": briefing_id,
                    "name_key": key,
                    "name": actor.name,
                    "type": actor.type,
                    "mentions": len(actor.mentions),
                }
        if rows:
            self.db.table("briefing_actors").insert_all(rows.values())

    # ------------------------------------------------------------------ notes

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
        briefing = self._briefing_or_error(briefing_id)
        text = briefing.document.text
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
                raise StoreError(f"briefing {briefing_id}: the quote {_short(quote)!r} is not in its text")
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
            self._briefing_or_error(briefing_id)
        note = Note(id="", kind=ACTOR_NOTE, body=body, briefing_id=briefing_id, actor_name=actor_name.strip(), color=color)
        return self._insert_note(note)

    def add_event_note(self, briefing_id: str, event: Event, body: str = "", color: str | None = None) -> Note:
        """A note on an event, anchored by the event's clause so it survives re-analysis."""
        briefing = self._briefing_or_error(briefing_id)
        try:
            anchor = make_anchor(briefing.document.text, event.start, event.end)
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
        with translating(self._where), self._writing():
            self.db.table("notes").insert(_note_row(note))
        return note

    def update_note(self, note_id: str, *, body: str | None = None, color: str | None = _UNSET) -> Note:
        """Save a note's new body and/or colour (autosave calls this: one short transaction)."""
        changes: dict[str, Any] = {"updated_at": now()}
        if body is not None:
            changes["body"] = body
        if color is not _UNSET:
            changes["color"] = color
        sets = ", ".join(f"{name} = ?" for name in changes)
        self.require_writable()
        with translating(self._where):
            cursor = self.db.execute(
                f"UPDATE notes SET {sets} WHERE id = ? AND deleted_at IS NULL", [*changes.values(), note_id]
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no note with id {note_id!r} (it may have been deleted)")
        return self._note_or_error(note_id)

    def delete_note(self, note_id: str) -> None:
        """Move a note to the bin (restore_note brings it back)."""
        self.require_writable()
        with translating(self._where):
            stamp = now()
            cursor = self.db.execute(
                "UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                [stamp, stamp, note_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no note with id {note_id!r}")

    def restore_note(self, note_id: str) -> Note:
        self.require_writable()
        with translating(self._where):
            cursor = self.db.execute(
                "UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                [now(), note_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no deleted note with id {note_id!r}")
        return self._note_or_error(note_id)

    def deleted_notes(self) -> list[Note]:
        with translating(self._where):
            rows = self.db.table("notes").rows_where("deleted_at IS NOT NULL", order_by="deleted_at DESC")
            return [_note_from_row(r) for r in rows]

    def get_note(self, note_id: str) -> Note | None:
        with translating(self._where):
            rows = list(self.db.table("notes").rows_where("id = ?", [note_id]))
        return _note_from_row(rows[0]) if rows else None

    def all_notes(self) -> list[Note]:
        """Every note not in the bin, oldest first (export, backups)."""
        with translating(self._where):
            rows = self.db.table("notes").rows_where("deleted_at IS NULL", order_by="created_at, id")
            return [_note_from_row(r) for r in rows]

    def notes_for(self, briefing_id: str) -> list[Note]:
        """The briefing's notes, re-anchored to its current text, in reading order.

        Text and event notes come by position, orphaned ones (quote gone) after them, then notes
        on the briefing as a whole, then notes on actors this briefing names (under any name the
        alias book maps to the note's actor).
        """
        briefing = self._briefing_or_error(briefing_id)
        with translating(self._where):
            moved = self._reanchor_notes(briefing_id, briefing.document.text)
            rows = self.db.table("notes").rows_where(
                "briefing_id = ? AND deleted_at IS NULL AND kind != ?", [briefing_id, ACTOR_NOTE]
            )
            own = [_note_from_row(r) for r in rows]
            for note in own:  # a read-only library cannot store the new anchors: use them all the same
                if note.id in moved:
                    note.anchor, note.status = moved[note.id]
            book = self._alias_book()
            names = {
                _key(canonical_name(r[0], book))
                for r in self.db.execute("SELECT name FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
            }
            actor_notes = [
                _note_from_row(r)
                for r in self.db.table("notes").rows_where(
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

    def _reanchor_notes(self, briefing_id: str, text: str) -> dict[str, tuple[Anchor, str]]:
        """Bring stored anchors up to date with the text; orphaned notes keep their old anchor.

        Returns the new (anchor, status) of every note that changed; they are stored unless
        the library is read-only.
        """
        rows = list(
            self.db.table("notes").rows_where("briefing_id = ? AND quote IS NOT NULL AND quote != ''", [briefing_id])
        )
        updates = []
        for row in rows:
            note = _note_from_row(row)
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
        if updates and self.refusal is None:
            with self._writing():
                for anchor, status, note_id in updates:
                    self.db.execute(
                        "UPDATE notes SET start_offset = ?, end_offset = ?, prefix = ?, suffix = ?, status = ? WHERE id = ?",
                        [anchor.start, anchor.end, anchor.prefix, anchor.suffix, status, note_id],
                    )
        return {note_id: (anchor, status) for anchor, status, note_id in updates}

    def _note_count(self, briefing_id: str) -> int:
        return self.db.execute(
            "SELECT count(*) FROM notes WHERE briefing_id = ? AND deleted_at IS NULL AND kind != ?",
            [briefing_id, ACTOR_NOTE],
        ).fetchone()[0]

    def _note_or_error(self, note_id: str) -> Note:
        note = self.get_note(note_id)
        if note is None:
            raise StoreError(f"no note with id {note_id!r}")
        return note

    # ------------------------------------------------------------------ corrections

    def add_correction(self, correction: Correction) -> Correction:
        """Store a correction; it applies from now on to every analysis it concerns."""
        try:
            correction.validate()
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        with translating(self._where), self._writing():
            if correction.briefing_id is not None:
                self._require_briefing(correction.briefing_id)
            self.db.table("corrections").insert(correction.to_row())
            self._after_correction(correction.briefing_id)
        return correction

    def delete_correction(self, correction_id: str) -> None:
        with translating(self._where), self._writing():
            row = self.db.execute("SELECT briefing_id FROM corrections WHERE id = ?", [correction_id]).fetchone()
            if row is None:
                raise StoreError(f"no correction with id {correction_id!r}")
            self.db.table("corrections").delete(correction_id)
            self._after_correction(row[0])

    def corrections(self, briefing_id: str | None = None) -> list[Correction]:
        """Global corrections plus, when given, that briefing's own; oldest first."""
        with translating(self._where):
            if briefing_id is None:
                rows = self.db.table("corrections").rows_where("briefing_id IS NULL", order_by="created_at")
            else:
                rows = self.db.table("corrections").rows_where(
                    "briefing_id IS NULL OR briefing_id = ?", [briefing_id], order_by="created_at"
                )
            return [Correction.from_row(r) for r in rows]

    def _after_correction(self, briefing_id: str | None) -> None:
        # Global renames and merges are read through the alias book at query time; a
        # briefing's own corrections change its actor index.
        if briefing_id is not None:
            self._refresh_actor_index(briefing_id)

    def _alias_book(self) -> dict[str, str]:
        return alias_book(self.corrections())

    # ------------------------------------------------------------------ search and timeline

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
        with translating(self._where):
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
        rows = self.db.execute(
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
        rows = self.db.execute(
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
        """Rebuild both full-text indexes from the tables (after a VACUUM or a damaged index)."""
        with translating(self._where), self._writing():
            self.db.execute("INSERT INTO briefings_fts(briefings_fts) VALUES('rebuild')")
            self.db.execute("INSERT INTO notes_fts(notes_fts) VALUES('rebuild')")

    def timeline(self, actor: str | None = None, limit: int | None = None) -> list[TimelineEntry]:
        """Events of every briefing in date order (undated last), optionally only those involving `actor`.

        Reads the cached analyses in bulk; only briefings with corrections are fully rebuilt.
        """
        summaries = {s.id: s for s in self.list_briefings(sort="published", actor=actor, top_actors=0)}
        entries: list[TimelineEntry] = []
        with translating(self._where):
            global_corrections = self.corrections()
            local: dict[str, list[Correction]] = {}
            for row in self.db.table("corrections").rows_where("briefing_id IS NOT NULL", order_by="created_at"):
                correction = Correction.from_row(row)
                local.setdefault(correction.briefing_id or "", []).append(correction)
            book = alias_book(global_corrections)
            target = _key(canonical_name(actor, book)) if actor else None
            for chunk in _chunks(list(summaries), 500):
                rows = self.db.execute(
                    f"""SELECT b.id, a.data FROM briefings b JOIN analyses a
                          ON a.content_hash = b.content_hash AND a.engine_version = ?
                        WHERE b.id IN ({",".join("?" * len(chunk))})""",
                    [ENGINE_VERSION, *chunk],
                ).fetchall()
                for briefing_id, data in rows:
                    summary = summaries[briefing_id]
                    for event, names in self._timeline_events(json.loads(data), global_corrections + local.get(briefing_id, []), briefing_id):
                        involved = [names.get(i, i) for i in dict.fromkeys(event.agents + event.targets + event.actors)]
                        if target and not any(_key(canonical_name(n, book)) == target for n in involved):
                            continue
                        entries.append(
                            TimelineEntry(
                                briefing_id=briefing_id,
                                briefing_title=summary.title,
                                published=summary.published,
                                event=event,
                                agents=[names.get(i, i) for i in event.agents],
                                targets=[names.get(i, i) for i in event.targets],
                                actors=involved,
                            )
                        )
        entries.sort(
            key=lambda e: (
                e.event.date is None or e.event.date.startswith("X"),
                e.event.date or "",
                e.published or dt.date.max,
                e.briefing_id,
                e.event.start,
            )
        )
        return entries[:limit] if limit is not None else entries

    def _timeline_events(
        self, data: dict[str, Any], corrections: list[Correction], briefing_id: str
    ) -> Iterator[tuple[Event, dict[str, str]]]:
        """(event, actor names by id) of one cached analysis; corrections applied when there are any."""
        if corrections:
            analysis = apply_corrections_in_place(self._with_document(data, Document(text="")), corrections, briefing_id)
            names = {a.id: a.name for a in analysis.actors}
            for event in analysis.events:
                yield event, names
            return
        names = {a["id"]: a["name"] for a in data.get("actors", [])}
        for event in data.get("events", []):
            yield Event.from_dict(event), names

    # ------------------------------------------------------------------ export

    def export(self, briefing_id: str, fmt: str = "md") -> str:
        """The briefing as Markdown (with events and notes), or its events as CSV or JSON."""
        from reader.store import exporting

        if fmt not in exporting.FORMATS:
            raise StoreError(f"cannot export as {fmt!r}; choose one of {', '.join(exporting.FORMATS)}")
        briefing = self._briefing_or_error(briefing_id)
        analysis = self.analysis_for(briefing_id)
        if fmt == "md":
            return exporting.briefing_markdown(briefing, analysis, self.notes_for(briefing_id))
        if analysis is None:
            raise StoreError(f"briefing {briefing_id} has not been analysed yet; import it again to analyse it")
        rows = exporting.event_rows(analysis, briefing)
        return exporting.events_csv(rows) if fmt == "csv" else exporting.events_json(rows)

    def export_notes(self, briefing_id: str) -> str:
        """The briefing's notes as Markdown."""
        from reader.store import exporting

        briefing = self._briefing_or_error(briefing_id)
        return exporting.notes_markdown(self.notes_for(briefing_id), briefing.title)

    # ------------------------------------------------------------------ helpers

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Database]:
        """`db.atomic()` that takes the write lock first (BEGIN IMMEDIATE) when it opens the transaction.

        A deferred transaction that reads and then writes cannot wait for another instance's
        write lock (SQLite reports "locked" at once to avoid a deadlock); asking for the lock
        up front lets the busy timeout do its job, so two instances simply take turns.
        """
        self.require_writable()
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            with self.db.atomic():
                yield self.db
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def _require_briefing(self, briefing_id: str) -> dict[str, Any]:
        rows = list(self.db.table("briefings").rows_where("id = ?", [briefing_id]))
        if not rows:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self._where}")
        return rows[0]

    def _briefing_or_error(self, briefing_id: str) -> Briefing:
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self._where}")
        return briefing


def _document_row(document: Document) -> dict[str, Any]:
    return {
        "title": document.title or _first_line(document.text),
        "text": document.text,
        "format": document.format,
        "source": document.source,
        "content_hash": content_hash(document.text),
        "published": document.published.isoformat() if document.published else None,
        "published_origin": document.published_origin,
        "structure": json.dumps(
            {
                "blocks": [[b.kind, b.start, b.end, b.level] for b in document.blocks],
                "marks": [[m.kind, m.start, m.end, m.href] for m in document.marks],
                "warnings": list(document.warnings),
            },
            ensure_ascii=False,
        ),
    }


def _document_from_row(row: dict[str, Any]) -> Document:
    structure = json.loads(row.get("structure") or "{}")
    return Document.from_dict(
        {
            "text": row["text"],
            "title": row["title"],
            "source": row["source"],
            "published": row["published"],
            "published_origin": row["published_origin"],
            "format": row["format"],
            **structure,
        }
    )


def _note_row(note: Note) -> dict[str, Any]:
    anchor = note.anchor
    return {
        "id": note.id,
        "briefing_id": note.briefing_id,
        "kind": note.kind,
        "start_offset": anchor.start if anchor else None,
        "end_offset": anchor.end if anchor else None,
        "quote": anchor.quote if anchor else None,
        "prefix": anchor.prefix if anchor else None,
        "suffix": anchor.suffix if anchor else None,
        "status": note.status,
        "actor_name": note.actor_name,
        "event_id": note.event_id,
        "color": note.color,
        "body": note.body,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "deleted_at": note.deleted_at,
    }


def _note_from_row(row: dict[str, Any]) -> Note:
    anchor = None
    if row.get("quote"):
        anchor = Anchor(row["start_offset"], row["end_offset"], row["quote"], row["prefix"] or "", row["suffix"] or "")
    return Note(
        id=row["id"],
        kind=row["kind"],
        body=row["body"] or "",
        briefing_id=row["briefing_id"],
        anchor=anchor,
        status=row["status"] or ANCHORED,
        actor_name=row["actor_name"],
        event_id=row["event_id"],
        color=row["color"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        deleted_at=row["deleted_at"],
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
