"""Plain data shared by the engine, the store and the window.

Every offset in this module is a character offset into ``Document.text``, the exact text
that was analysed: highlights, events, notes and search hits all live in that one space.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ENGINE_RELEASE = "0.2.0"


def _engine_fingerprint() -> str:
    """Digest of the engine's code and rule data, so a cached analysis never outlives a rule change.

    In a frozen bundle the sources are not on disk; the release number alone then identifies it.
    """
    from reader.resources import resources_dir

    root = Path(__file__).resolve().parent
    files = [*sorted((root / "nlp").rglob("*.py")), root / "engine.py"]
    data = resources_dir()
    for folder in ("lexicons", "patterns", "timex"):
        files += sorted((data / folder).glob("*.json*"))
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update(path.read_bytes())
        except OSError:
            return ""
    return digest.hexdigest()[:10]


#: Cached analyses are keyed on this: the release plus a digest of the engine's code and rules.
ENGINE_VERSION = f"{ENGINE_RELEASE}+{_engine_fingerprint()}".rstrip("+")

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")
MODALITIES = ("asserted", "reported", "hypothetical", "negated")


@dataclass(slots=True)
class Block:
    """A structural block of the document (heading, paragraph, list item, quote, code).

    A ``page`` block (PDF) spans the text of one page and overlaps the others; its level is the
    page number.
    """

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(slots=True)
class Mark:
    """Inline formatting over a range of text: ``em``, ``strong``, ``code`` or ``link`` (with href)."""

    kind: str
    start: int
    end: int
    href: str | None = None


@dataclass(slots=True)
class Document:
    """A briefing reduced to one plain text plus the structure that was around it."""

    text: str
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    #: Where ``published`` came from: "option", "front-matter", "html-meta", "properties" (PDF or
    #: Word document properties), "mail-header", "feed", "dateline" or "none".
    published_origin: str = "none"
    format: str = "txt"
    blocks: list[Block] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    #: Things the reader should know about the loading (replaced bytes, dropped boilerplate...).
    warnings: list[str] = field(default_factory=list)
    #: The piece of a file holding several briefings: a feed entry's link, "attachment: x.pdf".
    part: str = ""

    @property
    def id(self) -> str:
        """Stable id derived from the analysed text, so the same text is the same document."""
        return content_hash(self.text)[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_origin": self.published_origin,
            "source": self.source,
            "format": self.format,
            "text": self.text,
            "blocks": [[b.kind, b.start, b.end, b.level] for b in self.blocks],
            "marks": [[m.kind, m.start, m.end, m.href] for m in self.marks],
            "warnings": list(self.warnings),
            "part": self.part,
        }

    def page_at(self, offset: int) -> int | None:
        """The page number (as printed, from 1) holding `offset`, for documents read from PDF."""
        for block in self.blocks:
            if block.kind == "page" and block.start <= offset < max(block.end, block.start + 1):
                return block.level
        return None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        published = data.get("published")
        return cls(
            text=data["text"],
            title=data.get("title") or "",
            source=data.get("source") or "",
            published=dt.date.fromisoformat(published) if published else None,
            published_origin=data.get("published_origin") or ("option" if published else "none"),
            format=data.get("format") or "txt",
            blocks=[Block(*b) for b in data.get("blocks", [])],
            marks=[Mark(*m) for m in data.get("marks", [])],
            warnings=list(data.get("warnings", [])),
            part=data.get("part") or "",
        )


#: Longest title made from a briefing's first line when it has no title, heading or file name.
TITLE_LIMIT = 90


def briefing_title(document: Document, file_name: str = "") -> str:
    """The one title of a briefing, the same in the window, the library, the reports and the JSON.

    In order: the title the file gives (front matter, page metadata, a mail's subject, or the
    first heading or title line, which the loaders find), the first heading of the text, the
    file's name, and for text with none of these (pasted text) its first line, clipped. The
    loaders store it in `Document.title` (reader.documents.loader), so every later reader of
    the document finds it there.
    """
    title = " ".join(document.title.split())
    if title:
        return title
    for block in sorted(document.blocks, key=lambda b: b.start):
        if block.kind.lower() in ("heading", "title"):
            heading = " ".join(document.text[block.start : block.end].split())
            if heading:
                return heading
    if file_name:
        return file_name
    first = next((line.strip() for line in document.text.splitlines() if line.strip()), "")
    if not first:
        return "Untitled briefing"
    return first if len(first) <= TITLE_LIMIT else first[: TITLE_LIMIT - 1].rstrip() + "…"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """One real-world entity, with every mention of it in the text."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Titles and offices seen with the name ("President of Turkey"), for tooltips and role resolution.
    roles: list[str] = field(default_factory=list)
    #: For people and institutions: the id of the country actor they belong to, when the text says.
    country: str | None = None
    #: Who this is, from the field's dictionary of political figures, as of the publication date
    #: ("Turkish government figure (2004)"); None when the dictionary does not know the name.
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            aliases=list(data.get("aliases", [])),
            mentions=[Mention(m["start"], m["end"], m["text"]) for m in data.get("mentions", [])],
            roles=list(data.get("roles", [])),
            country=data.get("country"),
            description=data.get("description"),
        )


@dataclass(slots=True)
class DateMention:
    """A temporal expression with its TimeML TIMEX3 type and value (``2025-05-15``, ``PT2H``...)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    #: TimeML ``mod`` (APPROX, LESS_THAN, START...) when the expression carries one.
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            data["mod"] = self.mod
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(data["start"], data["end"], data["text"], data["type"], data["value"], data.get("mod"))


@dataclass(slots=True)
class SourceClause:
    """Another clause that reports the same act (a headline and its lead, a statement continued)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One act in one clause: who did what to whom, when, where, and how sure the text is."""

    id: str
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    category: str
    category_label: str
    summary: str
    actors: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    modality: str = "asserted"
    #: For reported events: who says so ("a Ukrainian source"), as written.
    attribution: str | None = None
    #: How precise `date` is: "day", "week", "month", "quarter", "half", "season", "year", "decade", "century".
    date_precision: str | None = None
    #: Other clauses reporting the same act, in text order (the event's own span is the first).
    sources: list[SourceClause] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            start=data["start"],
            end=data["end"],
            text=data["text"],
            trigger=data.get("trigger", ""),
            trigger_start=data.get("trigger_start", data["start"]),
            trigger_end=data.get("trigger_end", data["start"]),
            category=data.get("category", ""),
            category_label=data.get("category_label", ""),
            summary=data.get("summary", ""),
            actors=list(data.get("actors", [])),
            agents=list(data.get("agents", [])),
            targets=list(data.get("targets", [])),
            date=data.get("date"),
            place=data.get("place"),
            modality=data.get("modality", "asserted"),
            attribution=data.get("attribution"),
            date_precision=data.get("date_precision"),
            sources=[SourceClause(s["start"], s["end"], s["text"]) for s in data.get("sources", [])],
        )


@dataclass(slots=True)
class Analysis:
    """Everything the engine found in one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    engine_version: str = ENGINE_VERSION

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def mention_counts(self) -> dict[str, int]:
        """Mentions per type in legend order: actor types first, then date types."""
        counts: dict[str, int] = {}
        for actor in self.actors:
            counts[actor.type] = counts.get(actor.type, 0) + len(actor.mentions)
        for date in self.dates:
            counts[date.type] = counts.get(date.type, 0) + 1
        order = {t: i for i, t in enumerate((*ACTOR_TYPES, *DATE_TYPES))}
        return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "dates": [d.to_dict() for d in self.dates],
            "events": [e.to_dict() for e in self.events],
            "engine_version": self.engine_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            document=Document.from_dict(data["document"]),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            engine_version=data.get("engine_version", ""),
        )
