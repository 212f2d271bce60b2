"""Plain records the library hands to the CLI and the window (no SQL, no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reader.model import Document, Event, briefing_title
from reader.store.anchoring import ORPHANED, Anchor

#: What a note is attached to.
TEXT_NOTE = "text"  # a range of the briefing's text (a highlight when the body is empty)
ACTOR_NOTE = "actor"  # an actor by canonical name: shown in every briefing naming it
EVENT_NOTE = "event"  # an event, anchored by its clause text
BRIEFING_NOTE = "briefing"  # the briefing as a whole
NOTE_KINDS = (TEXT_NOTE, ACTOR_NOTE, EVENT_NOTE, BRIEFING_NOTE)

#: Snippet markers around matched terms in search results (control characters never found in
#: briefing text). Use `SearchHit.parts()` or `SearchHit.marked()` rather than these directly.
MATCH_OPEN = "\x02"
MATCH_CLOSE = "\x03"


@dataclass(slots=True)
class Briefing:
    """One briefing in the library: its document and where it came from."""

    id: str
    document: Document
    content_hash: str
    imported_at: str
    updated_at: str

    @property
    def title(self) -> str:
        return briefing_title(self.document)


@dataclass(slots=True)
class BriefingSummary:
    """A row of the library view."""

    id: str
    title: str
    published: dt.date | None
    source: str
    imported_at: str
    note_count: int
    #: Canonical names of the most mentioned actors, most mentioned first.
    top_actors: list[str] = field(default_factory=list)
    analysed: bool = False


@dataclass(slots=True)
class Note:
    """A note, a highlight (empty body, a colour) or a note on an actor or event."""

    id: str
    kind: str
    body: str
    briefing_id: str | None = None
    anchor: Anchor | None = None
    #: ``anchored``, ``moved`` (re-anchored after an edit) or ``orphaned`` (its quote is gone).
    status: str = "anchored"
    actor_name: str | None = None
    event_id: str | None = None
    color: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def is_highlight(self) -> bool:
        return self.kind == TEXT_NOTE and not self.body.strip() and bool(self.color)

    @property
    def orphaned(self) -> bool:
        return self.status == ORPHANED


@dataclass(slots=True)
class SearchHit:
    """A briefing or a note matching a search, with a snippet around the matched words."""

    kind: str  # "briefing" or "note"
    briefing_id: str | None
    title: str
    snippet: str
    rank: float
    note_id: str | None = None

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, for rich-text display."""
        out: list[tuple[str, bool]] = []
        for i, chunk in enumerate(self.snippet.split(MATCH_OPEN)):
            if i == 0:
                if chunk:
                    out.append((chunk, False))
                continue
            matched, _, rest = chunk.partition(MATCH_CLOSE)
            if matched:
                out.append((matched, True))
            if rest:
                out.append((rest, False))
        return out

    def marked(self, open_: str = "[", close: str = "]") -> str:
        """The snippet with matched words between `open_` and `close` (plain-text display)."""
        return self.snippet.replace(MATCH_OPEN, open_).replace(MATCH_CLOSE, close)


@dataclass(slots=True)
class TimelineEntry:
    """One event on the cross-briefing timeline."""

    briefing_id: str
    briefing_title: str
    published: dt.date | None
    event: Event
    #: Names of the event's agents, targets and other actors (after corrections).
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ImportReport:
    """What `Library.import_paths` did, file by file."""

    added: list[str] = field(default_factory=list)  # briefing ids
    updated: list[str] = field(default_factory=list)  # briefing ids whose text changed
    unchanged: list[str] = field(default_factory=list)  # paths already in the library as they are
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    cancelled: bool = False
    #: Why the import stopped before the end (a full disk, say); everything counted above is kept.
    stopped: str = ""

    @property
    def total(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.failed)

