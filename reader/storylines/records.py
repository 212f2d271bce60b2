"""Plain records of storylines: one event as the matcher sees it, an item, its conflicts, an announcement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reader.storylines.features import Figure

#: Modalities that report the act as having happened.
HAPPENED = ("asserted", "reported")


@dataclass(slots=True)
class StoryEvent:
    """One event of one briefing, with what matching compares (names after the reader's corrections)."""

    briefing_id: str
    event_id: str
    start: int
    end: int
    text: str
    trigger: str
    category: str
    family: str
    summary: str
    date: str | None
    precision: str | None
    modality: str
    published: dt.date | None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    #: Folded names and aliases of every participant: what two events must share.
    keys: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    #: The days its own date can mean (None: undated or unresolved).
    interval: tuple[dt.date, dt.date] | None = None
    #: The days a report of the same act may put it on (its date widened by the precision's slack).
    window: tuple[dt.date, dt.date] | None = None
    announced: bool = False
    #: When an announced act is due: the last day of the period it was announced for.
    due: dt.date | None = None
    item_id: str = ""
    #: Why it joined its item: {"with": [briefing_id, event_id], "reasons": [...]}, None for the first.
    why: dict[str, Any] | None = None
    added_at: str = ""
    title: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.briefing_id, self.event_id

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys(self.agents + self.targets + self.others))

    @property
    def happened(self) -> bool:
        return self.modality in HAPPENED


@dataclass(frozen=True, slots=True)
class Match:
    """Why two events are one act: the reasons, said plainly, and a score that orders the joins."""

    score: float
    reasons: tuple[str, ...]


@dataclass(slots=True)
class ConflictValue:
    value: str
    briefing_id: str
    event_id: str = ""
    quote: str = ""


@dataclass(slots=True)
class Conflict:
    """Sources of one item that disagree on `field` (date, figure kind, participants or happened)."""

    field: str
    values: list[ConflictValue]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "values": [{"value": v.value, "briefing_id": v.briefing_id} for v in self.values]}


@dataclass(slots=True)
class StoryItem:
    """One act across briefings: every source clause, what they disagree on, and its notes."""

    id: str
    category: str
    summary: str
    date: str | None
    sources: list[StoryEvent]
    conflicts: list[Conflict] = field(default_factory=list)
    created_at: str = ""

    @property
    def briefings(self) -> list[str]:
        return list(dict.fromkeys(s.briefing_id for s in self.sources))

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys(n for s in self.sources for n in s.participants))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "summary": self.summary,
            "date": self.date,
            "sources": [
                {
                    "briefing_id": s.briefing_id,
                    "event_id": s.event_id,
                    "start": s.start,
                    "end": s.end,
                    "quote": s.text,
                    "modality": s.modality,
                    "date": s.date,
                    "why": s.why,
                }
                for s in self.sources
            ],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


UPCOMING, HAPPENED_STATUS, OVERDUE = "upcoming", "happened", "overdue"


@dataclass(slots=True)
class Announcement:
    """An act announced in one briefing: when it is due, and whether a later briefing reports it."""

    summary: str
    due: dt.date | None
    status: str
    source: StoryEvent
    happened_in: StoryEvent | None = None
    item_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "source": {"briefing_id": self.source.briefing_id, "quote": self.source.text},
            "happened_in": (
                {"briefing_id": self.happened_in.briefing_id, "quote": self.happened_in.text} if self.happened_in else None
            ),
        }
