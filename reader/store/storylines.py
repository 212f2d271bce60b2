"""Storylines in the library: each analysed briefing's events matched, as it arrives, to those already there.

`Storylines.index(briefing_id, analysis)` runs inside the transaction that caches an analysis
(reader/store/analyses.py calls it): the briefing's old rows go (their items are grouped again
without them), its events are written, each looks up its candidates through `story_index` (same
category, trigger family and participant name, overlapping date windows) and joins the item of
every candidate that is the same act (reader/storylines/matching.py), unless the reader set two
of their events apart. The reader's splits and merges are `story_corrections`, replayed whenever
the events they name are grouped again. Reads are in reader/store/storyline_reads.py.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from reader.model import Analysis
from reader.store.connection import Connection, chunks, now
from reader.store.correction_log import CorrectionLog
from reader.store.database import StoreError
from reader.store.storyline_schema import EVENT_COLUMNS, event_from_row, event_row
from reader.storylines.matching import Groups, conflicts, dates_agree, fold, match, roles_agree, story_event
from reader.storylines.records import StoryEvent

Key = tuple[str, str]
APART, TOGETHER = "apart", "together"


def new_id() -> str:
    return uuid.uuid4().hex[:16]


class Storylines:
    """The storyline tables of one library (writes); `reads` has the lists, the dossier and the marks."""

    def __init__(self, conn: Connection, corrections: CorrectionLog) -> None:
        self.conn = conn
        self.corrections = corrections

    # ------------------------------------------------------------------ the alias book

    def book(self) -> tuple[dict[str, str], Callable[[str], str]]:
        """The alias book keyed by folded name (see `fold`), and folded name -> folded canonical name."""
        book = {fold(old): new for old, new in self.corrections.alias_book().items()}
        return book, lambda key: fold(book.get(key, key))

    def expand(self, keys: Iterable[str], book: dict[str, str]) -> list[str]:
        """Every folded name that stands for the same actors as `keys` under the alias book."""
        out = set(keys)
        canon = {fold(book.get(k, k)) for k in out}
        out |= canon
        out |= {old for old, new in book.items() if fold(new) in canon}
        return sorted(out)

    # ------------------------------------------------------------------ indexing a briefing

    def index(self, briefing_id: str, analysis: Analysis | None, published: dt.date | None) -> None:
        """Match the briefing's (corrected) events to the library's; replaces what it had before."""
        book, folded = self.book()
        events: list[StoryEvent] = []
        if analysis is not None:
            names = {a.id: a.name for a in analysis.actors}
            aliases = {a.id: list(a.aliases) for a in analysis.actors}
            seen: set[str] = set()
            for event in analysis.events:
                if event.id in seen:
                    continue
                seen.add(event.id)
                events.append(
                    story_event(event, briefing_id, published, names, aliases, lambda n: book.get(fold(n), n))
                )
        with self.conn.writing():
            self.conn.db.execute("DELETE FROM story_pending WHERE briefing_id = ?", [briefing_id])
            affected = self._remove(briefing_id)
            if affected:
                self.regroup(affected, folded)
            stamp = now()
            for e in events:
                e.item_id, e.added_at = new_id(), stamp
            self._insert(events, book)
            touched = {e.item_id for e in events}
            candidates: dict[Key, StoryEvent] = {}
            edges: list[tuple[float, Key, Key, tuple[str, ...]]] = []
            for e in events:
                for c in self._candidates(e, book):
                    m = match(e, c, folded)
                    if m is not None:
                        candidates[c.key] = c
                        edges.append((m.score, e.key, c.key, m.reasons))
            members = self._members({c.item_id for c in candidates.values()} | self._partner_items(briefing_id))
            touched |= self._group([*events, *members], edges, folded, preset={e.item_id for e in members})
            self.refresh_items(touched)

    def _remove(self, briefing_id: str) -> set[str]:
        db = self.conn.db
        items = {r[0] for r in db.execute("SELECT DISTINCT item_id FROM story_events WHERE briefing_id = ?", [briefing_id])}
        for table in ("story_events", "story_index", "story_actors"):
            db.execute(f"DELETE FROM {table} WHERE briefing_id = ?", [briefing_id])
        return items

    def _insert(self, events: Sequence[StoryEvent], book: dict[str, str]) -> None:
        db = self.conn.db
        marks = ",".join("?" * len(EVENT_COLUMNS.split(",")))
        db.conn.executemany(f"INSERT INTO story_events ({EVENT_COLUMNS}) VALUES ({marks})", [event_row(e) for e in events])
        index_rows, actor_rows = [], []
        for e in events:
            for role, names in (("agent", e.agents), ("target", e.targets), ("other", e.others)):
                actor_rows += [(fold(n), role, e.briefing_id, e.event_id, n) for n in names]
            if e.window is None or not e.family:
                continue
            lo, hi = e.window[0].isoformat(), e.window[1].isoformat()
            index_rows += [(key, lo, hi, e.briefing_id, e.event_id) for key in index_keys(e, e.keys)]
        db.conn.executemany("INSERT INTO story_index (key, win_lo, win_hi, briefing_id, event_id) VALUES (?, ?, ?, ?, ?)", index_rows)
        db.conn.executemany("INSERT INTO story_actors (name_key, role, briefing_id, event_id, name) VALUES (?, ?, ?, ?, ?)", actor_rows)

    def _candidates(self, e: StoryEvent, book: dict[str, str]) -> list[StoryEvent]:
        if e.window is None or not e.family or not e.keys:
            return []
        keys = index_keys(e, self.expand(e.keys, book))
        columns = ", ".join(f"e.{c.strip()}" for c in EVENT_COLUMNS.split(","))
        rows = self.conn.db.execute(
            f"""SELECT DISTINCT {columns} FROM story_index i INDEXED BY idx_story_index_key
                  JOIN story_events e ON e.briefing_id = i.briefing_id AND e.event_id = i.event_id
                WHERE i.key IN ({",".join("?" * len(keys))}) AND i.win_hi >= ? AND i.win_lo <= ? AND i.briefing_id != ?""",
            [*keys, e.window[0].isoformat(), e.window[1].isoformat(), e.briefing_id],
        ).fetchall()
        return [event_from_row(r) for r in rows]

    def _members(self, item_ids: Iterable[str]) -> list[StoryEvent]:
        columns = ", ".join(c.strip() for c in EVENT_COLUMNS.split(","))
        found: list[StoryEvent] = []
        for chunk in chunks(sorted(item_ids), 500):
            rows = self.conn.db.execute(
                f"SELECT {columns} FROM story_events WHERE item_id IN ({','.join('?' * len(chunk))})", list(chunk)
            ).fetchall()
            found += [event_from_row(r) for r in rows]
        return found

    # ------------------------------------------------------------------ grouping

    def _partner_items(self, briefing_id: str) -> set[str]:
        """Items of the events the reader joined to one of this briefing's (they may match nothing)."""
        rows = self.conn.db.execute(
            """SELECT e.item_id FROM story_corrections c JOIN story_events e
                 ON (e.briefing_id = c.b_briefing AND e.text = c.b_text AND e.trigger = c.b_trigger AND c.a_briefing = ?)
                 OR (e.briefing_id = c.a_briefing AND e.text = c.a_text AND e.trigger = c.a_trigger AND c.b_briefing = ?)
               WHERE c.kind = ? AND e.briefing_id != ?""",
            [briefing_id, briefing_id, TOGETHER, briefing_id],
        ).fetchall()
        return {r[0] for r in rows}

    def _reader_pairs(self, keys: set[Key]) -> tuple[set[frozenset[Key]], list[tuple[Key, Key]]]:
        """The reader's apart and together pairs among these events (named by clause and trigger)."""
        rows = self.conn.db.execute(
            """SELECT c.kind, a.briefing_id, a.event_id, b.briefing_id, b.event_id FROM story_corrections c
               JOIN story_events a ON a.briefing_id = c.a_briefing AND a.text = c.a_text AND a.trigger = c.a_trigger
               JOIN story_events b ON b.briefing_id = c.b_briefing AND b.text = c.b_text AND b.trigger = c.b_trigger
               ORDER BY c.created_at"""
        ).fetchall()
        apart: set[frozenset[Key]] = set()
        together: list[tuple[Key, Key]] = []
        for kind, ab, ae, bb, be in rows:
            a, b = (ab, ae), (bb, be)
            if a in keys and b in keys:
                (apart.add(frozenset((a, b))) if kind == APART else together.append((a, b)))
        return apart, together

    def _group(
        self,
        events: list[StoryEvent],
        edges: list[tuple[float, Key, Key, tuple[str, ...]]],
        folded: Callable[[str], str],
        preset: set[str],
        rewrite: bool = False,
    ) -> set[str]:
        """Join events along `edges` (best first) and the reader's pairs; write item ids and reasons.

        Events of one item in `preset` start together (an item already in the library keeps its
        members). Returns every item id touched (kept, merged away or new).
        """
        by_key = {e.key: e for e in events}
        apart, together = self._reader_pairs(set(by_key))
        groups = Groups(
            by_key, apart, lambda x, y: dates_agree(by_key[x], by_key[y]), lambda x, y: roles_agree(by_key[x], by_key[y])
        )
        for item in preset if not rewrite else ():
            members = [e.key for e in events if e.item_id == item]
            for other in members[1:]:
                groups.union(members[0], other, force=True)
        why: dict[Key, dict[str, object]] = {}
        for a, b in together:
            if groups.union(a, b, force=True):
                why.setdefault(a, {"with": list(b), "reasons": ["joined by the reader"]})
        for _score, a, b, reasons in sorted(edges, key=lambda edge: -edge[0]):
            if groups.union(a, b):
                why.setdefault(a, {"with": list(b), "reasons": list(reasons)})
        touched = {e.item_id for e in events}
        db = self.conn.db
        used: set[str] = set()
        for group in sorted(groups.groups(), key=len, reverse=True):
            members = sorted(group)
            ids = Counter(by_key[k].item_id for k in members)
            free = [i for i in ids if i not in used]
            # An item already in the library keeps its id over one made this moment; the bigger part keeps it.
            keep = min(free, key=lambda i: (i not in preset, -ids[i], i)) if free else new_id()
            used.add(keep)
            for k in members:
                e = by_key[k]
                if e.item_id != keep or k in why or rewrite:
                    e.item_id = keep
                    reason = why.get(k, e.why)
                    e.why = reason if isinstance(reason, dict) else None
                    db.execute(
                        "UPDATE story_events SET item_id = ?, why = ? WHERE briefing_id = ? AND event_id = ?",
                        [keep, _json(e.why), k[0], k[1]],
                    )
            touched.add(keep)
        return touched

    def regroup(self, item_ids: Iterable[str], folded: Callable[[str], str] | None = None) -> set[str]:
        """Group the members of these items again from scratch (after a split, an undo or a removal)."""
        if folded is None:
            folded = self.book()[1]
        members = self._members(item_ids)
        for e in members:
            e.why = None
        edges = []
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                m = match(a, b, folded)
                if m is not None:
                    edges.append((m.score, a.key, b.key, m.reasons))
        touched = set(item_ids) | self._group(members, edges, folded, preset=set(item_ids), rewrite=True)
        self.refresh_items(touched)
        return touched

    def refresh_items(self, item_ids: Iterable[str]) -> None:
        """Recompute each item's row from its members (an item with none is deleted)."""
        db = self.conn.db
        ids = sorted(set(item_ids))
        members: dict[str, list[StoryEvent]] = {}
        for e in self._members(ids):
            members.setdefault(e.item_id, []).append(e)
        stamp = now()
        for item_id in ids:
            sources = members.get(item_id)
            if not sources:
                db.execute("DELETE FROM story_items WHERE id = ?", [item_id])
                continue
            lead = representative(sources)
            db.execute(
                """INSERT INTO story_items (id, category, summary, date, lo, sources, briefings, conflict, announced,
                                            created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET category = excluded.category, summary = excluded.summary,
                     date = excluded.date, lo = excluded.lo, sources = excluded.sources, briefings = excluded.briefings,
                     conflict = excluded.conflict, announced = excluded.announced, updated_at = excluded.updated_at""",
                [
                    item_id,
                    Counter(s.category for s in sources).most_common(1)[0][0],
                    lead.summary or lead.text,
                    lead.date,
                    item_lo(sources),
                    len(sources),
                    len({s.briefing_id for s in sources}),
                    int(bool(conflicts(sources))),
                    int(any(s.announced for s in sources)),
                    min(s.added_at for s in sources) or stamp,
                    stamp,
                ],
            )

    # ------------------------------------------------------------------ the reader's splits and merges

    def _event(self, key: Key) -> StoryEvent:
        columns = ", ".join(c.strip() for c in EVENT_COLUMNS.split(","))
        row = self.conn.db.execute(
            f"SELECT {columns} FROM story_events WHERE briefing_id = ? AND event_id = ?", list(key)
        ).fetchone()
        if row is None:
            raise StoreError(f"no event {key[1]} of briefing {key[0]} in any storyline")
        return event_from_row(row)

    def _pair(self, kind: str, a: StoryEvent, b: StoryEvent) -> None:
        """Record that `a` and `b` are apart or together; the opposite word about them is withdrawn."""
        db = self.conn.db
        for x, y in ((a, b), (b, a)):
            db.execute(
                """DELETE FROM story_corrections WHERE a_briefing = ? AND a_text = ? AND a_trigger = ?
                   AND b_briefing = ? AND b_text = ? AND b_trigger = ?""",
                [x.briefing_id, x.text, x.trigger, y.briefing_id, y.text, y.trigger],
            )
        db.execute(
            "INSERT INTO story_corrections (id, kind, a_briefing, a_text, a_trigger, b_briefing, b_text, b_trigger, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, kind, a.briefing_id, a.text, a.trigger, b.briefing_id, b.text, b.trigger, now()],
        )

    def split(self, item_id: str, moved: Sequence[Key]) -> tuple[str, str]:
        """Take `moved` sources out of the item into one of their own; remembered. (kept id, new id)"""
        with self.conn.translating(), self.conn.writing():
            members = self._members([item_id])
            out = [e for e in members if e.key in set(moved)]
            stay = [e for e in members if e.key not in set(moved)]
            if not out or not stay:
                raise StoreError("a split needs some of the item's sources to move and some to stay")
            for a in out:
                for b in stay:
                    self._pair(APART, a, b)
            for group in (out, stay):
                for a, b in zip(group, group[1:], strict=False):
                    self._pair(TOGETHER, a, b)
            self.regroup([item_id])
            kept = self._event(stay[0].key).item_id
            return kept, self._event(out[0].key).item_id

    def merge(self, item_ids: Sequence[str]) -> str:
        """Join these items into one; remembered. Returns the id of the item they make."""
        with self.conn.translating(), self.conn.writing():
            members = self._members(item_ids)
            firsts = [next((e for e in members if e.item_id == i), None) for i in item_ids]
            if any(f is None for f in firsts) or len(firsts) < 2:
                raise StoreError("a merge needs two items or more that are in the library")
            heads = [f for f in firsts if f is not None]
            for i, a in enumerate(item_ids):
                for b in item_ids[i + 1 :]:
                    for x in (e for e in members if e.item_id == a):
                        for y in (e for e in members if e.item_id == b):
                            self._withdraw(x, y)
            for head in heads[1:]:
                self._pair(TOGETHER, heads[0], head)
            self.regroup(item_ids)
            return self._event(heads[0].key).item_id

    def _withdraw(self, a: StoryEvent, b: StoryEvent) -> None:
        for x, y in ((a, b), (b, a)):
            self.conn.db.execute(
                """DELETE FROM story_corrections WHERE kind = ? AND a_briefing = ? AND a_text = ? AND a_trigger = ?
                   AND b_briefing = ? AND b_text = ? AND b_trigger = ?""",
                [APART, x.briefing_id, x.text, x.trigger, y.briefing_id, y.text, y.trigger],
            )

    def undo_last(self) -> bool:
        """Withdraw the reader's last split or merge (every pair it recorded); False when there is none."""
        with self.conn.translating(), self.conn.writing():
            db = self.conn.db
            last = db.execute("SELECT max(created_at) FROM story_corrections").fetchone()[0]
            if last is None:
                return False
            # One split or merge writes its pairs within moments of each other.
            since = (dt.datetime.fromisoformat(last) - dt.timedelta(seconds=2)).isoformat(timespec="milliseconds")
            rows = db.execute(
                "SELECT a_briefing, a_text, a_trigger, b_briefing, b_text, b_trigger FROM story_corrections WHERE created_at >= ?",
                [since],
            ).fetchall()
            items: set[str] = set()
            for ab, at, ag, bb, bt, bg in rows:
                items |= {
                    r[0]
                    for r in db.execute(
                        "SELECT item_id FROM story_events WHERE (briefing_id = ? AND text = ? AND trigger = ?) "
                        "OR (briefing_id = ? AND text = ? AND trigger = ?)",
                        [ab, at, ag, bb, bt, bg],
                    )
                }
            db.execute("DELETE FROM story_corrections WHERE created_at >= ?", [since])
            for item in list(items):  # an item split off before may now join its old item again
                items |= {
                    c.item_id
                    for e in self._members([item])
                    for c in self._candidates(e, self.book()[0])
                    if match(e, c, self.book()[1]) is not None
                }
            self.regroup(items)
            return True


def index_keys(e: StoryEvent, names: Iterable[str]) -> list[str]:
    """Where an event's candidates are looked up: its trigger family and, for a CAMEO category, the
    category (one act told with another verb), each with every participant name."""
    keys = [f"f|{e.family}|{k}" for k in names]
    if e.category not in ("ACT", "01"):
        keys += [f"c|{e.category}|{k}" for k in names]
    return keys


def representative(sources: list[StoryEvent]) -> StoryEvent:
    """The source an item is shown by: one that says it happened, dated as precisely as any, reported first."""
    rank = {"day": 0, "week": 1, "month": 2}
    return min(
        sources,
        key=lambda s: (
            not s.happened,
            rank.get(s.precision or "", 3),
            s.published or dt.date.max,
            s.briefing_id,
            s.start,
        ),
    )


def item_lo(sources: list[StoryEvent]) -> str | None:
    lead = representative(sources)
    if lead.interval is not None:
        return lead.interval[0].isoformat()
    days = [s.interval[0] for s in sources if s.interval is not None] or [s.published for s in sources if s.published]
    return min(days).isoformat() if days else None


def _json(value: object) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None
