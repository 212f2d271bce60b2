"""A page of the timeline, unfiltered or of one actor, without reading every analysis.

`Timeline.entries()` reads and sorts the events of every cached analysis: about 3 s for
100,000 briefings. Its first page only needs the events with the earliest dates, so the
library keeps, by triggers on `analyses` (migration m005), the dates of each analysis's
dated events in `event_dates`. `first_page(timeline, n)` then:

1. finds D, the n-th smallest date among briefings without corrections of their own, walking
   the date index (n rows, however large the library);
2. builds entries, exactly as `Timeline.entries` does, for the briefings with an event dated
   on or before D plus every briefing with corrections of its own (a correction can re-date
   or dismiss an event, so those are always read whole);
3. sorts them with the timeline's key and keeps n.

Every entry of the true first page is among them: n events of uncorrected briefings are dated
on or before D, so an event of an uncorrected briefing dated after D is not in the first n.
Global corrections (renames, retypes, merges) change names, never dates. When there are fewer
than n dated events, None: the caller reads everything as before.

An actor's page (`first_page(timeline, n, actor)`) reasons the same way over the rows of
`event_actors` (reader/store/actor_index.py) whose names are the actor's under the alias book,
counting each briefing and date once, and only among the briefings the whole timeline reads for
the actor (those whose actor index names them); its entries keep the events involving the actor.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlite_utils import Database

from reader.model import ENGINE_VERSION
from reader.store.corrections import Correction, _key, alias_book, canonical_name
from reader.store.records import TimelineEntry

if TYPE_CHECKING:
    from reader.store.timeline import Timeline

_DATED = "json_extract(e.value, '$.date') IS NOT NULL AND substr(json_extract(e.value, '$.date'), 1, 1) != 'X'"


def create_event_dates(db: Database) -> None:
    """The table, its indexes, the triggers that keep it, and its rows for analyses already cached."""
    db.execute("CREATE TABLE event_dates (content_hash TEXT NOT NULL, engine_version TEXT NOT NULL, date TEXT NOT NULL)")
    db.execute("CREATE INDEX idx_event_dates_date ON event_dates (date)")
    db.execute("CREATE INDEX idx_event_dates_analysis ON event_dates (content_hash, engine_version)")
    insert = f"""INSERT INTO event_dates (content_hash, engine_version, date)
                 SELECT DISTINCT NEW.content_hash, NEW.engine_version, json_extract(e.value, '$.date')
                 FROM json_each(NEW.data, '$.events') e WHERE {_DATED};"""
    delete = "DELETE FROM event_dates WHERE content_hash = OLD.content_hash AND engine_version = OLD.engine_version;"
    db.execute(f"CREATE TRIGGER analyses_event_dates_ai AFTER INSERT ON analyses BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER analyses_event_dates_ad AFTER DELETE ON analyses BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER analyses_event_dates_au AFTER UPDATE ON analyses BEGIN {delete} {insert} END")
    db.execute(
        f"""INSERT INTO event_dates (content_hash, engine_version, date)
            SELECT DISTINCT a.content_hash, a.engine_version, json_extract(e.value, '$.date')
            FROM analyses a, json_each(a.data, '$.events') e WHERE {_DATED}"""
    )


@dataclass(frozen=True, slots=True)
class _Scope:
    """Which index rows and briefings a page reads: every dated event, or one actor's."""

    #: (content_hash, engine_version, date) rows, as SQL, and its arguments.
    rows: str
    args: list[str]
    #: A condition on the briefing `b`, and its arguments.
    where: str = ""
    where_args: list[str] = field(default_factory=list)
    #: For an actor: whether an event with these involved names (after corrections) is theirs.
    keep: Callable[[list[str]], bool] | None = None


_EVERY = _Scope("event_dates", [])


def _scope(timeline: Timeline, actor: str | None) -> _Scope | None:
    """The actor's scope from `event_actors`, or None while analyses from before that index are pending."""
    if actor is None:
        return _EVERY
    db = timeline.conn.db
    if db.execute("SELECT 1 FROM event_actors_pending LIMIT 1").fetchone() is not None:
        return None
    book = alias_book(timeline.corrections.for_briefing())
    target = _key(canonical_name(actor, book))
    folded = {old for old, new in book.items() if _key(new) == target} | ({target} if target not in book else set())
    names = timeline.name_folds.names(db, folded)
    keys = timeline.briefings.actor_keys(actor)
    return _Scope(
        rows=f"""(SELECT DISTINCT content_hash, engine_version, date FROM event_actors
                  WHERE name IN ({",".join("?" * len(names))}))""",
        args=names,
        where=f"EXISTS (SELECT 1 FROM briefing_actors ba WHERE ba.briefing_id = b.id AND ba.name_key IN ({','.join('?' * len(keys))}))",
        where_args=keys,
        keep=lambda involved: any(_key(canonical_name(n, book)) == target for n in involved),
    )


def first_page(timeline: Timeline, limit: int, actor: str | None = None) -> list[TimelineEntry] | None:
    """The first `limit` entries of `timeline.entries(actor)`, or None when the index cannot tell them."""
    if limit < 1:
        return None
    with timeline.conn.translating():
        scope = _scope(timeline, actor)
        if scope is None:
            return None
        entries = _between(timeline, scope, None, limit)
    if entries is None:
        return None
    entries.sort(key=_order)
    return entries[:limit]


def page_after(timeline: Timeline, after: TimelineEntry, limit: int, actor: str | None = None) -> list[TimelineEntry] | None:
    """The `limit` entries that follow `after` in `timeline.entries(actor)`, or None when the index cannot tell them.

    The same reasoning as `first_page`, from `after`'s date on: D is the `limit`-th smallest
    date after it among uncorrected briefings, so the next `limit` entries are dated between
    `after`'s date and D, or belong to a briefing with corrections of its own.
    """
    start = after.event.date
    if limit < 1 or start is None or start.startswith("X"):
        return None
    with timeline.conn.translating():
        scope = _scope(timeline, actor)
        if scope is None:
            return None
        found = _between(timeline, scope, start, limit)
    if found is None:
        return None
    floor = _order(after)
    entries = [e for e in found if _order(e) > floor]
    entries.sort(key=_order)
    return entries[:limit]


def _between(timeline: Timeline, scope: _Scope, start: str | None, limit: int) -> list[TimelineEntry] | None:
    """Entries of the briefings with an event in scope dated from `start` (exclusive for D, inclusive
    for the candidates) up to D, the `limit`-th such date among uncorrected briefings, plus every
    briefing in scope with corrections of its own; None when fewer than `limit` dates follow."""
    db = timeline.conn.db
    after, after_args = ("AND e.date > ?", [start]) if start is not None else ("", [])
    within = f"AND {scope.where}" if scope.where else ""
    row = db.execute(
        f"""SELECT e.date FROM {scope.rows} e JOIN briefings b ON b.content_hash = e.content_hash
            WHERE e.engine_version = ? {after} {within}
              AND b.id NOT IN (SELECT briefing_id FROM corrections WHERE briefing_id IS NOT NULL)
            ORDER BY e.date LIMIT 1 OFFSET ?""",
        [*scope.args, ENGINE_VERSION, *after_args, *scope.where_args, limit - 1],
    ).fetchone()
    if row is None:
        return None
    since, since_args = ("AND e.date >= ?", [start]) if start is not None else ("", [])
    corrected = f"AND {scope.where.replace('b.id', 'c.briefing_id')}" if scope.where else ""
    candidates = [
        r[0]
        for r in db.execute(
            f"""SELECT DISTINCT b.id FROM {scope.rows} e JOIN briefings b ON b.content_hash = e.content_hash
                WHERE e.engine_version = ? {since} AND e.date <= ? {within}
                UNION SELECT c.briefing_id FROM corrections c WHERE c.briefing_id IS NOT NULL {corrected}""",
            [*scope.args, ENGINE_VERSION, *since_args, row[0], *scope.where_args, *scope.where_args],
        )
    ]
    return _entries(timeline, candidates, scope.keep)


def timeline_order(e: TimelineEntry) -> tuple[bool, str, dt.date, str, int]:
    """The timeline's order: dated first, by date, then publication, briefing and position."""
    return (
        e.event.date is None or e.event.date.startswith("X"),
        e.event.date or "",
        e.published or dt.date.max,
        e.briefing_id,
        e.event.start,
    )


_order = timeline_order


def _entries(timeline: Timeline, ids: list[str], keep: Callable[[list[str]], bool] | None = None) -> list[TimelineEntry]:
    """Timeline entries of these briefings, built as `Timeline.entries` builds them (corrections applied)."""
    global_corrections: list[Correction] = timeline.corrections.for_briefing()
    local = timeline.corrections.local()
    entries: list[TimelineEntry] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = timeline.conn.db.execute(
            f"""SELECT b.id, b.title, b.published, a.data FROM briefings b JOIN analyses a
                  ON a.content_hash = b.content_hash AND a.engine_version = ?
                WHERE b.id IN ({",".join("?" * len(chunk))})""",
            [ENGINE_VERSION, *chunk],
        ).fetchall()
        for briefing_id, title, published, data in rows:
            day = _date(published)
            for event, names in timeline._timeline_events(json.loads(data), global_corrections + local.get(briefing_id, []), briefing_id):
                involved = [names.get(i, i) for i in dict.fromkeys(event.agents + event.targets + event.actors)]
                if keep is not None and not keep(involved):
                    continue
                entries.append(
                    TimelineEntry(
                        briefing_id=briefing_id,
                        briefing_title=title or "",
                        published=day,
                        event=event,
                        agents=[names.get(i, i) for i in event.agents],
                        targets=[names.get(i, i) for i in event.targets],
                        actors=involved,
                    )
                )
    return entries


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
