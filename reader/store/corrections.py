"""The reader's corrections to an analysis, and the pure function that re-applies them.

Corrections are stored, never baked into the cached analysis: every time an analysis is shown
(a new engine version, a re-import, another briefing) `apply_corrections` replays them, so the
reader fixes a name or a type once. Actors are matched by name (canonical or alias, ignoring
case), never by engine id, because ids change between analyses; events by their clause text.
Global corrections (no briefing) form a personal alias book that applies to every briefing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.model import ACTOR_TYPES, Actor, Analysis, Event, Mention

RENAME = "rename"  # actor -> value (new canonical name)
RETYPE = "retype"  # actor -> value (PERSON, ORG...)
MERGE = "merge"  # actor merged into the actor named value
SPLIT = "split"  # the mention at mention_start/mention_end of actor becomes its own actor named value
NOT_ACTOR = "not_actor"  # actor is dropped
DISMISS_EVENT = "dismiss_event"  # the event is dropped
EVENT_DATE = "event_date"  # the event's date becomes value (TIMEX3 value, "" for none)
EVENT_CATEGORY = "event_category"  # the event's category becomes value ("04"), label in label

ACTOR_KINDS = (RENAME, RETYPE, MERGE, SPLIT, NOT_ACTOR)
EVENT_KINDS = (DISMISS_EVENT, EVENT_DATE, EVENT_CATEGORY)
KINDS = ACTOR_KINDS + EVENT_KINDS
#: Kinds that may be global: the personal alias book.
GLOBAL_KINDS = (RENAME, RETYPE, MERGE)


@dataclass(slots=True)
class Correction:
    """One thing the reader corrected. `briefing_id` None means every briefing."""

    kind: str
    #: Actor name (actor kinds) or the event's clause text (event kinds).
    target: str
    value: str = ""
    briefing_id: str | None = None
    #: Event kinds: the trigger word, to tell apart two events in the same clause.
    trigger: str = ""
    #: Event kinds: the event's start offset when corrected (breaks ties between equal clauses).
    #: Split: the offsets of the mention split off.
    start: int | None = None
    end: int | None = None
    #: Event category: the human label of the new category.
    label: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"))

    def validate(self) -> None:
        """Raise ValueError when the correction cannot make sense."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction {self.kind!r}; expected one of {', '.join(KINDS)}")
        if not self.target.strip():
            raise ValueError("a correction needs the actor name or event text it applies to")
        if self.briefing_id is None and self.kind not in GLOBAL_KINDS:
            raise ValueError(f"a {self.kind} correction applies to one briefing; give the briefing")
        if self.kind in (RENAME, MERGE) and not self.value.strip():
            raise ValueError(f"a {self.kind} correction needs the new name")
        if self.kind == RETYPE and self.value not in ACTOR_TYPES:
            raise ValueError(f"unknown actor type {self.value!r}; expected one of {', '.join(ACTOR_TYPES)}")
        if self.kind == SPLIT and (self.start is None or self.end is None):
            raise ValueError("a split correction needs the offsets of the mention")
        if self.kind == EVENT_CATEGORY and not self.value.strip():
            raise ValueError("an event category correction needs the new category")

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "briefing_id": self.briefing_id,
            "kind": self.kind,
            "target": self.target,
            "value": self.value,
            "trigger": self.trigger,
            "start_offset": self.start,
            "end_offset": self.end,
            "label": self.label,
            "created_at": self.created_at,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Correction:
        return cls(
            id=row["id"],
            briefing_id=row["briefing_id"],
            kind=row["kind"],
            target=row["target"],
            value=row["value"] or "",
            trigger=row["trigger"] or "",
            start=row["start_offset"],
            end=row["end_offset"],
            label=row["label"] or "",
            created_at=row["created_at"],
        )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def alias_book(corrections: Iterable[Correction]) -> dict[str, str]:
    """Global renames and merges as a map from folded old name to the final canonical name."""
    step: dict[str, str] = {}
    for c in corrections:
        if c.briefing_id is None and c.kind in (RENAME, MERGE):
            step[_key(c.target)] = c.value.strip()
    book: dict[str, str] = {}
    for old in step:
        name, seen = step[old], {old}
        while _key(name) in step and _key(name) not in seen:
            seen.add(_key(name))
            name = step[_key(name)]
        book[old] = name
    return book


def canonical_name(name: str, book: dict[str, str]) -> str:
    """The name the reader chose for `name` in the alias book (the name itself if none)."""
    return book.get(_key(name), name)


def _find_actor(actors: list[Actor], name: str) -> Actor | None:
    key = _key(name)
    for actor in actors:
        if _key(actor.name) == key:
            return actor
    for actor in actors:
        if any(_key(alias) == key for alias in actor.aliases) or any(_key(m.text) == key for m in actor.mentions):
            return actor
    return None


def _find_event(events: list[Event], c: Correction) -> Event | None:
    candidates = [e for e in events if e.text == c.target and (not c.trigger or e.trigger == c.trigger)]
    if not candidates and c.start is not None and c.trigger:
        # A newer engine may tell the same act with more words ("close" -> "plans to close", the text
        # reaching back to the doer): the event over the corrected text whose trigger holds the old one.
        old_end = c.start + len(c.target)
        candidates = [e for e in events if e.start < old_end and c.start < e.end
                      and _holds(e.trigger, c.trigger) and _holds(e.text, c.target)]
    if not candidates:
        return None
    if c.start is None:
        return candidates[0]
    return min(candidates, key=lambda e: abs(e.start - (c.start or 0)))


def _holds(wider: str, narrower: str) -> bool:
    return narrower.casefold() in wider.casefold()


def _replace_actor_id(events: list[Event], old: str, new: str | None) -> None:
    for event in events:
        for attr in ("actors", "agents", "targets"):
            ids = getattr(event, attr)
            if old in ids:
                replaced = [new if i == old else i for i in ids] if new else [i for i in ids if i != old]
                setattr(event, attr, list(dict.fromkeys(i for i in replaced if i)))
        if event.place == old:
            event.place = new


def _add_alias(actor: Actor, name: str) -> None:
    if name and _key(name) != _key(actor.name) and all(_key(a) != _key(name) for a in actor.aliases):
        actor.aliases.append(name)


def _rename(actor: Actor, name: str) -> None:
    old, actor.name = actor.name, name.strip()
    actor.aliases = [a for a in actor.aliases if _key(a) != _key(actor.name)]
    _add_alias(actor, old)


def _apply_one(analysis: Analysis, c: Correction) -> None:
    actors, events = analysis.actors, analysis.events
    if c.kind in EVENT_KINDS:
        event = _find_event(events, c)
        if event is None:
            return
        if c.kind == DISMISS_EVENT:
            events.remove(event)
        elif c.kind == EVENT_DATE:
            event.date = c.value or None
        else:
            event.category, event.category_label = c.value, c.label or c.value
        return
    actor = _find_actor(actors, c.target)
    if actor is None:
        return
    if c.kind == RENAME:
        _rename(actor, c.value)
    elif c.kind == RETYPE:
        actor.type = c.value
    elif c.kind == NOT_ACTOR:
        actors.remove(actor)
        _replace_actor_id(events, actor.id, None)
    elif c.kind == MERGE:
        into = _find_actor([a for a in actors if a is not actor], c.value)
        if into is None:  # the other actor is not in this briefing: this one takes its name
            _rename(actor, c.value)
            return
        _add_alias(into, actor.name)
        for alias in actor.aliases:
            _add_alias(into, alias)
        into.mentions = sorted(into.mentions + actor.mentions, key=lambda m: (m.start, m.end))
        into.roles = list(dict.fromkeys(into.roles + actor.roles))
        actors.remove(actor)
        _replace_actor_id(events, actor.id, into.id)
    elif c.kind == SPLIT:
        mention = next((m for m in actor.mentions if m.start == c.start and m.end == c.end), None)
        if mention is None:
            return
        actor.mentions = [m for m in actor.mentions if m is not mention]
        name = c.value.strip() or mention.text
        existing = _find_actor([a for a in actors if a is not actor], name)
        if existing is not None:
            existing.mentions = sorted([*existing.mentions, mention], key=lambda m: (m.start, m.end))
        else:
            taken = {a.id for a in actors}
            new_id, n = f"{actor.id}-split", 1
            while new_id in taken:
                n += 1
                new_id = f"{actor.id}-split{n}"
            actors.append(Actor(new_id, name, actor.type, mentions=[Mention(mention.start, mention.end, mention.text)]))
        if not actor.mentions:
            actors.remove(actor)
            _replace_actor_id(events, actor.id, None)


def apply_corrections(
    analysis: Analysis, corrections: Iterable[Correction], briefing_id: str | None = None
) -> Analysis:
    """A corrected copy of `analysis` (the argument is not changed).

    `briefing_id` names the briefing in the library (it stays that of the first import when
    the text changes); by default it is the document's own id.
    Global corrections come first, then this briefing's own, each in the order they were made,
    so a correction made in one briefing overrides the alias book there. Corrections for
    other briefings and those whose actor or event is not in this analysis are ignored.
    """
    corrected = Analysis.from_dict(analysis.to_dict())
    corrected.document = analysis.document
    return apply_corrections_in_place(corrected, corrections, briefing_id or analysis.document.id)


def apply_corrections_in_place(analysis: Analysis, corrections: Iterable[Correction], briefing_id: str) -> Analysis:
    """`apply_corrections` without the copy, for an analysis nobody else holds (just parsed)."""
    chosen = [c for c in corrections if c.briefing_id is None or c.briefing_id == briefing_id]
    chosen.sort(key=lambda c: (c.briefing_id is not None, c.created_at))
    for c in chosen:
        _apply_one(analysis, c)
    return analysis
