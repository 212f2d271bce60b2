"""Storylines as the reader reads them: items, announcements, an actor's dossier, marks for the sidebar.

Reads never write: opening a dossier reads when it was last opened, and `mark_dossier_seen` is
the explicit write the window and the CLI make after showing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.model import Analysis
from reader.store.connection import chunks, now
from reader.store.records import ACTOR_NOTE, EVENT_NOTE, BriefingSummary, Note
from reader.store.rows import document_from_row, note_from_row
from reader.store.storyline_schema import EVENT_COLUMNS, event_from_row
from reader.store.storylines import Storylines
from reader.storylines.matching import conflicts, fold
from reader.storylines.records import (
    HAPPENED_STATUS,
    OVERDUE,
    UPCOMING,
    Announcement,
    StoryEvent,
    StoryItem,
)

if TYPE_CHECKING:
    from reader.store.analyses import Analyses

_COLUMNS = ", ".join(f"e.{c.strip()}" for c in EVENT_COLUMNS.split(","))


@dataclass(slots=True)
class EventMark:
    """What the events sidebar shows beside one event of the briefing on screen."""

    item_id: str
    sources: int
    briefings: int
    conflicts: list[str] = field(default_factory=list)
    overdue: bool = False
    #: Notes written on the same act in other briefings.
    notes: list[Note] = field(default_factory=list)


@dataclass(slots=True)
class Edge:
    """Who acts on whom in a dossier's network: agent -> target, by category, with the items behind it."""

    agent: str
    target: str
    category: str
    count: int
    items: list[str]


@dataclass(slots=True)
class Dossier:
    """Everything the library knows of one actor."""

    name: str
    briefings: list[BriefingSummary]
    items: list[StoryItem]
    co_actors: list[tuple[str, int]]
    notes: list[Note]
    edges: list[Edge]
    seen_at: str | None
    new_briefings: list[str]
    new_items: list[str]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "seen_at": self.seen_at,
            "briefings": [
                {"id": b.id, "title": b.title, "published": b.published.isoformat() if b.published else None,
                 "new": b.id in self.new_briefings}
                for b in self.briefings
            ],
            "items": [{**i.to_dict(), "new": i.id in self.new_items} for i in self.items],
            "co_actors": [{"name": n, "events": c} for n, c in self.co_actors],
            "notes": [{"id": n.id, "kind": n.kind, "briefing_id": n.briefing_id, "body": n.body} for n in self.notes],
            "network": [
                {"agent": e.agent, "target": e.target, "category": e.category, "count": e.count} for e in self.edges
            ],
        }


class StorylineLibrary(Storylines):
    """The storyline part of a library: matching as analyses arrive, and every read of it."""

    def indexed(self, briefing_id: str, analysis: Analysis | None) -> None:
        """The hook the analysis cache calls with a briefing's corrected analysis."""
        self.index(briefing_id, analysis, analysis.document.published if analysis else None)

    def pending(self) -> int:
        """How many briefings the library held before it had storylines and are not matched yet."""
        with self.conn.translating():
            return int(self.conn.one("SELECT count(*) FROM story_pending") or 0)

    def match_pending(self, limit: int = 50) -> int:
        """Match up to `limit` of the briefings from before storylines, oldest first (each in its own
        transaction, so the window's other work goes on between them); returns how many are left."""
        from reader.store.analyses import Analyses

        analyses = Analyses(self.conn, self.corrections)
        with self.conn.translating():
            ids = [r[0] for r in self.conn.db.execute(
                "SELECT b.id FROM story_pending p JOIN briefings b ON b.id = p.briefing_id "
                "ORDER BY b.published, b.imported_at LIMIT ?", [limit])]
            for briefing_id in ids:
                self._match_cached(briefing_id, analyses)
        return self.pending()

    def _match_cached(self, briefing_id: str, analyses: Analyses) -> None:
        """Match a stored briefing's cached (and corrected) analysis."""
        row = self.conn.briefing_row(briefing_id)
        document = document_from_row(row)
        cached = analyses.cached(row["content_hash"], document)
        self.index(briefing_id, analyses.corrected(cached, briefing_id) if cached else None, document.published)

    def rebuild(self, progress: object = None) -> int:
        """Match every cached analysis again from scratch (an older library, or a changed alias book)."""
        from reader.store.analyses import Analyses

        analyses = Analyses(self.conn, self.corrections)
        ids = [r[0] for r in self.conn.db.execute("SELECT id FROM briefings ORDER BY published, imported_at")]
        with self.conn.translating(), self.conn.writing():
            for table in ("story_events", "story_index", "story_actors", "story_items"):
                self.conn.db.execute(f"DELETE FROM {table}")
            for briefing_id in ids:
                self._match_cached(briefing_id, analyses)
        return len(ids)

    # ------------------------------------------------------------------ items

    def _load(self, item_ids: list[str]) -> list[StoryItem]:
        rows: dict[str, tuple[str, str, str | None, str]] = {}
        members: dict[str, list[StoryEvent]] = {}
        for chunk in chunks(item_ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.db.execute(
                f"SELECT id, category, summary, date, created_at FROM story_items WHERE id IN ({marks})", list(chunk)
            ):
                rows[r[0]] = (r[1], r[2], r[3], r[4])
            for r in self.conn.db.execute(
                f"""SELECT {_COLUMNS}, b.title FROM story_events e JOIN briefings b ON b.id = e.briefing_id
                    WHERE e.item_id IN ({marks})""",
                list(chunk),
            ):
                event = event_from_row(r)
                event.title = r[-1] or ""
                members.setdefault(event.item_id, []).append(event)
        items = []
        for item_id in item_ids:
            if item_id not in rows or item_id not in members:
                continue
            category, summary, date, created = rows[item_id]
            sources = sorted(members[item_id], key=lambda s: (s.published or dt.date.max, s.briefing_id, s.start))
            items.append(StoryItem(item_id, category, summary, date, sources, conflicts(sources), created))
        return items

    def items(
        self,
        actor: str | None = None,
        category: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        contradictions: bool = False,
        min_briefings: int = 2,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoryItem]:
        """Items reported by at least `min_briefings` briefings, latest first, filtered as asked."""
        where: list[str] = ["i.briefings >= ?"]
        args: list[object] = [min_briefings]
        if actor:
            keys = self.actor_keys(actor)
            where.append(
                f"""i.id IN (SELECT e.item_id FROM story_actors a JOIN story_events e
                      ON e.briefing_id = a.briefing_id AND e.event_id = a.event_id
                    WHERE a.name_key IN ({",".join("?" * len(keys))}))"""
            )
            args += keys
        if category:
            where.append("i.category = ?")
            args.append(category)
        if since:
            where.append("i.lo >= ?")
            args.append(since.isoformat())
        if until:
            where.append("i.lo <= ?")
            args.append(until.isoformat())
        if contradictions:
            where.append("i.conflict = 1")
        with self.conn.translating():
            ids = [
                r[0]
                for r in self.conn.db.execute(
                    f"""SELECT i.id FROM story_items i WHERE {" AND ".join(where)}
                        ORDER BY i.lo IS NULL, i.lo DESC, i.id LIMIT ? OFFSET ?""",
                    [*args, -1 if limit is None else limit, offset],
                )
            ]
            items = self._load(ids)
        if contradictions:  # the flag is kept as items change; a removed briefing may have taken the conflict
            items = [i for i in items if i.conflicts]
        return items

    def item(self, item_id: str) -> StoryItem | None:
        with self.conn.translating():
            found = self._load([item_id])
        return found[0] if found else None

    def item_of(self, briefing_id: str, event_id: str) -> str | None:
        row = self.conn.db.execute(
            "SELECT item_id FROM story_events WHERE briefing_id = ? AND event_id = ?", [briefing_id, event_id]
        ).fetchone()
        return row[0] if row else None

    def titles(self, briefing_ids: Iterable[str]) -> dict[str, str]:
        """Briefing titles by id (one query; never the texts)."""
        found: dict[str, str] = {}
        with self.conn.translating():
            for chunk in chunks(sorted(set(briefing_ids)), 500):
                found.update(
                    self.conn.db.execute(
                        f"SELECT id, title FROM briefings WHERE id IN ({','.join('?' * len(chunk))})", list(chunk)
                    ).fetchall()
                )
        return found

    def actor_keys(self, name: str) -> list[str]:
        return self.expand([fold(name)], self.book()[0])

    # ------------------------------------------------------------------ announcements

    def upcoming(self, as_of: dt.date | None = None, limit: int | None = None) -> list[Announcement]:
        """Every announced act by due date: upcoming, happened (a later briefing reports it) or overdue.

        `as_of` (default: today) decides what is overdue; an act announced without a date has no
        due date and stays upcoming until a later briefing reports it.
        """
        as_of = as_of or dt.date.today()
        with self.conn.translating():
            # The first later report of each announced act that says it happened, joined by row id;
            # only the columns a list shows (thousands of rows: no JSON to parse).
            rows = self.conn.db.execute(
                f"""SELECT {_BRIEF.format(t="e")}, {_BRIEF.format(t="h")} FROM story_events e
                    LEFT JOIN story_events h ON h.rowid = (
                      SELECT x.rowid FROM story_events x INDEXED BY idx_story_events_item
                      WHERE x.item_id = e.item_id AND x.briefing_id != e.briefing_id
                        AND x.modality IN ('asserted', 'reported') AND x.announced = 0
                        AND coalesce(x.published, '') >= coalesce(e.published, '')
                      ORDER BY x.published, x.briefing_id LIMIT 1)
                    WHERE e.announced = 1
                    ORDER BY e.due IS NULL, e.due, e.published LIMIT ?""",
                [-1 if limit is None else limit],
            ).fetchall()
        width = len(_BRIEF.split(","))
        found = []
        for r in rows:
            source = _brief_event(r[:width])
            link = _brief_event(r[width:]) if r[width] is not None else None
            if link is not None:
                status = HAPPENED_STATUS
            elif source.due is not None and source.due < as_of:
                status = OVERDUE
            else:
                status = UPCOMING
            found.append(Announcement(source.summary or source.text, source.due, status, source, link, source.item_id))
        return found

    # ------------------------------------------------------------------ the events sidebar

    def marks(self, briefing_id: str, as_of: dt.date | None = None) -> dict[str, EventMark]:
        """By event id: the briefing's events that belong to a multi-source item, carry a conflict or an
        overdue announcement, or have notes written on the same act in other briefings."""
        as_of = as_of or dt.date.today()
        db = self.conn.db
        with self.conn.translating():
            mine = [event_from_row(r) for r in db.execute(f"SELECT {_COLUMNS} FROM story_events e WHERE e.briefing_id = ?", [briefing_id])]
            shared = {
                r[0]: (r[1], r[2], r[3])
                for r in db.execute(
                    """SELECT i.id, i.sources, i.briefings, i.conflict FROM story_items i
                       WHERE i.id IN (SELECT item_id FROM story_events WHERE briefing_id = ?)""",
                    [briefing_id],
                )
            }
            multi = [i for i, (_s, b, _c) in shared.items() if b > 1]
            items = {i.id: i for i in self._load(multi)}
            notes: dict[str, list[Note]] = {}
            columns = [d[0] for d in db.execute("SELECT * FROM notes LIMIT 0").description]
            for r in db.execute(
                """SELECT mine.event_id, n.* FROM story_events mine
                   JOIN story_events other ON other.item_id = mine.item_id AND other.briefing_id != mine.briefing_id
                   JOIN notes n ON n.briefing_id = other.briefing_id AND n.kind = ? AND n.deleted_at IS NULL
                     AND (n.event_id = other.event_id OR n.quote = other.text)
                   WHERE mine.briefing_id = ?""",
                [EVENT_NOTE, briefing_id],
            ):
                notes.setdefault(r[0], []).append(note_from_row(dict(zip(columns, r[1:], strict=True))))
        marks: dict[str, EventMark] = {}
        for e in mine:
            sources, briefings, _flag = shared.get(e.item_id, (1, 1, 0))
            item = items.get(e.item_id)
            overdue = bool(e.announced and e.due is not None and e.due < as_of and not _fulfilled(item, e))
            fields = [c.field for c in item.conflicts] if item else []
            if briefings > 1 or overdue or e.event_id in notes:
                marks[e.event_id] = EventMark(e.item_id, sources, briefings, fields, overdue, notes.get(e.event_id, []))
        return marks

    # ------------------------------------------------------------------ the actor's dossier

    def dossier(self, name: str, briefings: list[BriefingSummary], max_items: int = 300) -> Dossier:
        """The actor's briefings (given: the library lists them), items in time, co-actors, notes, network."""
        keys = self.actor_keys(name)
        book = self.book()[0]
        db = self.conn.db
        marks = ",".join("?" * len(keys))
        with self.conn.translating():
            seen, items_mark, briefings_mark = db.execute(
                f"SELECT max(seen_at), max(items_mark), max(briefings_mark) FROM dossier_seen WHERE name_key IN ({marks})",
                keys,
            ).fetchone()
            fresh_briefings: set[str] = set()
            if seen:
                for chunk in chunks([b.id for b in briefings], 500):
                    fresh_briefings |= {
                        r[0]
                        for r in db.execute(
                            f"SELECT id FROM briefings WHERE rowid > ? AND id IN ({','.join('?' * len(chunk))})",
                            [briefings_mark or 0, *chunk],
                        )
                    }
            ids = [
                r[0]
                for r in db.execute(
                    f"""SELECT i.id FROM story_items i WHERE i.id IN (
                          SELECT e.item_id FROM story_actors a JOIN story_events e
                            ON e.briefing_id = a.briefing_id AND e.event_id = a.event_id WHERE a.name_key IN ({marks}))
                        ORDER BY i.lo IS NULL, i.lo DESC LIMIT ?""",
                    [*keys, max_items],
                )
            ]
            fresh = (
                {r[0] for r in db.execute(
                    f"SELECT id FROM story_items WHERE rowid > ? AND id IN ({','.join('?' * len(ids))})", [items_mark or 0, *ids]
                )}
                if seen and ids
                else set()
            )
            items = self._load(ids)
            items.sort(key=lambda i: (i.sources[0].interval[0] if i.sources[0].interval else dt.date.max, i.id))
            co = db.execute(
                f"""SELECT max(b.name), count(*) AS n FROM story_actors a JOIN story_actors b
                      ON b.briefing_id = a.briefing_id AND b.event_id = a.event_id
                    WHERE a.name_key IN ({marks}) AND b.name_key NOT IN ({marks})
                    GROUP BY b.name_key ORDER BY n DESC, b.name_key LIMIT 30""",
                [*keys, *keys],
            ).fetchall()
            actor_notes = [
                note_from_row(r)
                for r in db.table("notes").rows_where("kind = ? AND deleted_at IS NULL", [ACTOR_NOTE], order_by="created_at")
                if fold(str(r["actor_name"] or "")) in keys or fold(book.get(fold(str(r["actor_name"] or "")), "")) in keys
            ]
            event_notes = []
            pairs = [(s.briefing_id, s.event_id, s.text) for i in items for s in i.sources]
            for chunk in chunks([f"{b}\x1f{e}\x1f{t}" for b, e, t in pairs], 300):
                got = [p.split("\x1f") for p in chunk]
                clause = " OR ".join("(briefing_id = ? AND (event_id = ? OR quote = ?))" for _ in got)
                event_notes += [
                    note_from_row(r)
                    for r in db.table("notes").rows_where(
                        f"kind = ? AND deleted_at IS NULL AND ({clause})", [EVENT_NOTE, *[x for g in got for x in g]]
                    )
                ]
        co_actors = [(canonical(name, book), n) for name, n in co]
        edges = _edges(items, keys, book)
        new_items = [i.id for i in items if seen is None or i.id in fresh]
        new_briefings = [b.id for b in briefings if seen is None or b.id in fresh_briefings]
        return Dossier(
            name=canonical(name, book), briefings=briefings, items=items, co_actors=co_actors,
            notes=actor_notes + event_notes, edges=edges, seen_at=seen, new_briefings=new_briefings, new_items=new_items,
        )

    def mark_dossier_seen(self, name: str) -> None:
        """Remember that the reader has read the actor's dossier as it is now (the write after showing it)."""
        with self.conn.translating(), self.conn.writing():
            db = self.conn.db
            db.execute(
                """INSERT INTO dossier_seen (name_key, seen_at, items_mark, briefings_mark)
                   VALUES (?, ?, (SELECT coalesce(max(rowid), 0) FROM story_items), (SELECT coalesce(max(rowid), 0) FROM briefings))
                   ON CONFLICT(name_key) DO UPDATE SET seen_at = excluded.seen_at, items_mark = excluded.items_mark,
                     briefings_mark = excluded.briefings_mark""",
                [fold(canonical(name, self.book()[0])), now()],
            )


_BRIEF = "{t}.briefing_id, {t}.event_id, {t}.item_id, {t}.start, {t}.\"end\", {t}.text, {t}.summary, {t}.category, {t}.date, {t}.modality, {t}.published, {t}.due"


def _brief_event(row: Sequence[Any]) -> StoryEvent:
    """The few fields a list of announcements shows."""
    return StoryEvent(
        briefing_id=str(row[0]), event_id=str(row[1]), item_id=str(row[2]), start=int(row[3] or 0), end=int(row[4] or 0),
        text=str(row[5] or ""), trigger="", category=str(row[7] or ""), family="", summary=str(row[6] or ""),
        date=row[8] if isinstance(row[8], str) else None, precision=None, modality=str(row[9] or "asserted"),
        published=dt.date.fromisoformat(row[10]) if isinstance(row[10], str) else None,
        due=dt.date.fromisoformat(row[11]) if isinstance(row[11], str) else None, announced=True,
    )


def canonical(name: str, book: dict[str, str]) -> str:
    """The reader's name for an actor (the alias book's keys and `name` compared folded)."""
    return book.get(fold(name), name)


def _fulfilled(item: StoryItem | None, announced: StoryEvent) -> bool:
    if item is None:
        return False
    return any(
        s.briefing_id != announced.briefing_id and s.happened and not s.announced
        and (s.published or dt.date.min) >= (announced.published or dt.date.min)
        for s in item.sources
    )


def _edges(items: list[StoryItem], keys: list[str], book: dict[str, str]) -> list[Edge]:
    """Agent -> target pairs of the actor's items (one per item and pair), by category."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for item in items:
        pairs: set[tuple[str, str]] = set()
        for s in item.sources:
            for a in s.agents:
                for t in s.targets:
                    if fold(a) != fold(t):
                        pairs.add((canonical(a, book), canonical(t, book)))
        for a, t in pairs:
            found.setdefault((a, t, item.category), []).append(item.id)
    return [Edge(a, t, c, len(ids), ids) for (a, t, c), ids in sorted(found.items())]
