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

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlite_utils import Database

from reader.model import Analysis, Document, Event
from reader.paths import default_library_path
from reader.store.analyses import Analyses
from reader.store.briefings import AnalysisEngine, Briefings
from reader.store.connection import Connection
from reader.store.correction_log import CorrectionLog
from reader.store.corrections import Correction
from reader.store.database import BUSY_TIMEOUT_MS, StoreError, connect, migrate
from reader.store.importer import Importer, Progress
from reader.store.integrity import (
    BackgroundCheck,
    check_on_open,
    read_only_message,
    refuse_upgrade,
    unwritable_reason,
)
from reader.store.integrity import Progress as OpenProgress
from reader.store.migrations import migrations
from reader.store.notes import _UNSET, Notes
from reader.store.records import Briefing, BriefingSummary, ImportReport, Note, SearchHit, TimelineEntry
from reader.store.search import Search
from reader.store.storyline_reads import StorylineLibrary
from reader.store.timeline import Timeline


class Library:
    """Everything the reader keeps, behind plain-Python methods returning plain records.

    A facade: each method hands over to one part (reader/store/briefings.py, analyses.py,
    notes.py, correction_log.py, search.py, timeline.py, importer.py), all on one connection.
    Reads never write; anchors follow a changed text through `reanchor_notes`, which
    `update_document` (a re-import) and the window (opening a briefing) call.
    """

    def __init__(
        self, db: Database, path: Path | None = None, refusal: str | None = None, progress: OpenProgress | None = None
    ) -> None:
        self.conn = Connection(db, path, refusal)
        #: The backup written before upgrading an older library (None when none was needed).
        self.backup: Path | None = None
        with self.conn.translating():
            if path is None:
                db.execute("PRAGMA foreign_keys = ON")
            if refusal is None:
                self.backup = migrate(db, path, progress)
            else:
                refuse_upgrade(db, refusal)
        self._corrections = CorrectionLog(self.conn, changed=lambda briefing_id: self._analyses.changed_corrections(briefing_id))
        #: Storylines across briefings (reader/store/storylines.py; its reads: `.reads`).
        self.storylines = StorylineLibrary(self.conn, self._corrections)
        self._analyses = Analyses(self.conn, self._corrections, indexed=self.storylines.indexed)
        self._notes = Notes(self.conn, self._corrections)
        self._briefings = Briefings(self.conn, self._analyses, self._notes, self._corrections)
        self._search = Search(self.conn)
        self._timeline = Timeline(self.conn, self._briefings, self._corrections)
        self.importer = Importer(self.conn, self._briefings, self._analyses)

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        check_in_background: bool = False,
        on_checked: Callable[[], None] | None = None,
        progress: OpenProgress | None = None,
    ) -> Library:
        """Open the library at `path` (default: $BRIEFING_DB or the platform data directory).

        The integrity check reads the whole file (seconds for a large library). With
        `check_in_background` it runs on a thread of its own: reads start at once, writes wait
        for its verdict, and `on_checked` is called from that thread once it is known. A
        library that needs upgrading is checked at open as before (upgrading writes), and
        `on_checked` is not called: the verdict is in `refusal` already.

        `progress` hears what a long open is doing ("Backing up the library before upgrading: 40%"),
        for a progress line: at 100,000 briefings the check and an upgrade take seconds each.
        """
        where = Path(path).expanduser() if path else default_library_path()
        unwritable = unwritable_reason(where)
        db = connect(where, busy_timeout_ms, read_only=unwritable is not None)
        try:
            if check_in_background and _nothing_to_upgrade(db):
                refusal = read_only_message(where, unwritable) if unwritable is not None else None
                library = cls(db, where, refusal=refusal)
                library.conn.defer_check(BackgroundCheck(where, on_checked).start())
                return library
            return cls(db, where, refusal=check_on_open(db, where, unwritable, progress), progress=progress)
        except BaseException:
            db.close()
            raise

    @classmethod
    def in_memory(cls) -> Library:
        return cls(Database(memory=True))

    def close(self) -> None:
        self.conn.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> Database:
        return self.conn.db

    @property
    def path(self) -> Path | None:
        return self.conn.path

    @property
    def refusal(self) -> str | None:
        """Why nothing may be saved (a damaged or read-only library), said in full; None when writable."""
        return self.conn.refusal

    @property
    def checking(self) -> bool:
        """True while the integrity check of a background-checked open has not been applied yet."""
        return self.conn.pending_check is not None

    def settle_check(self, timeout: float | None = None) -> bool:
        """Apply the background check's verdict (waiting up to `timeout`); False while it still runs."""
        return self.conn.settle_check(timeout)

    def require_writable(self) -> None:
        self.conn.require_writable()

    # ------------------------------------------------------------------ briefings and analyses

    def import_paths(
        self,
        paths: Iterable[str | Path],
        engine: AnalysisEngine,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        published: dt.date | None = None,
        report: ImportReport | None = None,
    ) -> ImportReport:
        """Import files and folders (see reader/store/importer.py)."""
        return self.importer.run(paths, engine, progress=progress, cancel=cancel, published=published, report=report)

    def find_text(self, text: str) -> str | None:
        return self._briefings.find_text(text)

    def add_document(self, document: Document) -> str:
        return self._briefings.add_document(document)

    def store_document(self, document: Document) -> tuple[str, str]:
        return self._briefings.store_document(document)

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        return self._briefings.add_documents(documents)

    def update_document(self, briefing_id: str, document: Document) -> None:
        self._briefings.update_document(briefing_id, document)

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        return self._briefings.get_briefing(briefing_id)

    def set_published(self, briefing_id: str, published: dt.date | None, origin: str = "option") -> None:
        """Date the briefing (the reader's date: `origin` "option"); every view of it follows."""
        self._briefings.set_published(briefing_id, published, origin)

    def resolve_id(self, prefix: str) -> str:
        return self._briefings.resolve_id(prefix)

    def remove_briefing(self, briefing_id: str, delete_notes: bool = False) -> None:
        self._briefings.remove_briefing(briefing_id, delete_notes)

    def count_briefings(self, matching: str = "", at_most: int | None = None) -> int:
        """How many briefings there are; with `matching`, how many the list's filter finds (up to `at_most` + 1)."""
        return self._briefings.count_briefings(matching, at_most)

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
        """The library view: sorted by imported, published, title or notes; filtered as asked
        (`matching`: the filter box's words, each in the title, source, date or an actor's name)."""
        return self._briefings.list_briefings(
            sort, descending, actor, title_contains, published_from, published_to, limit, offset, top_actors, matching
        )

    def briefings_mentioning(self, actor_name: str) -> list[BriefingSummary]:
        return self._briefings.briefings_mentioning(actor_name)

    def put_analysis(self, briefing_id: str, analysis: Analysis) -> None:
        self._analyses.put(briefing_id, analysis)

    def get_analysis(self, briefing_id: str) -> Analysis | None:
        return self._briefings.get_analysis(briefing_id)

    def analysis_for(self, briefing_id: str, engine: AnalysisEngine | None = None) -> Analysis | None:
        return self._briefings.analysis_for(briefing_id, engine)

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
        return self._notes.add_note(briefing_id, body, start=start, end=end, quote=quote, occurrence=occurrence, color=color)

    def add_actor_note(self, actor_name: str, body: str = "", briefing_id: str | None = None, color: str | None = None) -> Note:
        return self._notes.add_actor_note(actor_name, body, briefing_id, color)

    def add_event_note(self, briefing_id: str, event: Event, body: str = "", color: str | None = None) -> Note:
        return self._notes.add_event_note(briefing_id, event, body, color)

    def update_note(self, note_id: str, *, body: str | None = None, color: str | None = _UNSET) -> Note:
        return self._notes.update_note(note_id, body=body, color=color)

    def delete_note(self, note_id: str) -> None:
        self._notes.delete_note(note_id)

    def restore_note(self, note_id: str) -> Note:
        return self._notes.restore_note(note_id)

    def deleted_notes(self) -> list[Note]:
        return self._notes.deleted_notes()

    def get_note(self, note_id: str) -> Note | None:
        return self._notes.get_note(note_id)

    def all_notes(self) -> list[Note]:
        return self._notes.all_notes()

    def notes_for(self, briefing_id: str) -> list[Note]:
        return self._notes.notes_for(briefing_id)

    def reanchor_notes(self, briefing_id: str) -> int:
        """Move the briefing's note anchors to its current text (the explicit write); how many moved."""
        return self._notes.reanchor(briefing_id)

    # ------------------------------------------------------------------ corrections

    def add_correction(self, correction: Correction) -> Correction:
        return self._corrections.add(correction)

    def delete_correction(self, correction_id: str) -> None:
        self._corrections.delete(correction_id)

    def corrections(self, briefing_id: str | None = None) -> list[Correction]:
        return self._corrections.for_briefing(briefing_id)

    # ------------------------------------------------------------------ search, timeline, export

    def search(self, query: str, limit: int = 20, notes: bool = True, briefings: bool = True) -> list[SearchHit]:
        return self._search.search(query, limit, notes, briefings)

    def rebuild_search_index(self) -> None:
        self._search.rebuild_search_index()

    def timeline(
        self, actor: str | None = None, limit: int | None = None, offset: int = 0, after: TimelineEntry | None = None
    ) -> list[TimelineEntry]:
        """Events in date order; a page of `limit` from `offset`, or after the entry `after` (see reader/store/timeline.py)."""
        return self._timeline.entries(actor, limit, offset, after)

    def timeline_index_pending(self) -> int:
        """How many analyses from before the actor index are not in it yet (an actor's timeline reads them all until then)."""
        from reader.store import actor_index

        return actor_index.pending(self.conn)

    def index_timeline_pending(self, limit: int = 500) -> int:
        """Put up to `limit` of those analyses into the actor index, in one short write; how many are left."""
        from reader.store import actor_index

        return actor_index.index_pending(self.conn, limit)

    def export(self, briefing_id: str, fmt: str = "md") -> str:
        """The briefing as Markdown (with events and notes), or its events as CSV or JSON."""
        from reader.store import exporting

        if fmt not in exporting.FORMATS:
            raise StoreError(f"cannot export as {fmt!r}; choose one of {', '.join(exporting.FORMATS)}")
        briefing = self._briefing(briefing_id)
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

        briefing = self._briefing(briefing_id)
        return exporting.notes_markdown(self.notes_for(briefing_id), briefing.title)

    def _briefing(self, briefing_id: str) -> Briefing:
        briefing = self.get_briefing(briefing_id)
        if briefing is None:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self.conn.where}")
        return briefing


def _nothing_to_upgrade(db: Database) -> bool:
    """True when opening will not write (no migration pending); False when unsure (the check at open says why)."""
    try:
        return not migrations.pending(db)
    except sqlite3.DatabaseError:
        return False
