"""The storyline tables (migration m006_storylines) and how one event is a row of them.

- `story_events`: every event of every analysed briefing as the matcher sees it (reader/storylines),
  with the item it belongs to and why it joined;
- `story_index`: one row per (category, trigger family, participant name) of each event, with the
  days a report of the same act may put it on: a new event's candidates are one indexed lookup;
- `story_actors`: who takes part in which event (the actor filter and the dossier);
- `story_items`: one row per item, what lists sort and filter by (sources, briefings, date, conflict);
- `story_corrections`: the reader's splits and merges, as pairs of events kept apart or together,
  each event named by its briefing, clause and trigger like the other corrections;
- `dossier_seen`: when the reader last opened each actor's dossier;
- `story_pending`: briefings the library held before it had storylines, to be matched (the window
  and `briefing storylines` match them, in the background and with progress).

Removing a briefing removes its rows (a trigger), so no other part of the store needs to know.
The tables depend on no other migration: they apply in any order with the others.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from reader.storylines.features import Figure
from reader.storylines.records import StoryEvent


def create_storyline_tables(db: Database) -> None:
    db.execute(
        """CREATE TABLE story_events (
             briefing_id TEXT NOT NULL, event_id TEXT NOT NULL, item_id TEXT NOT NULL,
             start INTEGER, "end" INTEGER, text TEXT, trigger TEXT, category TEXT, family TEXT, summary TEXT,
             date TEXT, precision TEXT, lo TEXT, hi TEXT, win_lo TEXT, win_hi TEXT, modality TEXT, published TEXT,
             agents TEXT, targets TEXT, others TEXT, keys TEXT, figures TEXT, words TEXT,
             announced INTEGER NOT NULL DEFAULT 0, due TEXT, why TEXT, added_at TEXT,
             PRIMARY KEY (briefing_id, event_id))"""
    )
    db.execute("CREATE INDEX idx_story_events_item ON story_events (item_id)")
    db.execute("CREATE INDEX idx_story_events_announced ON story_events (announced, due)")
    db.execute(
        "CREATE TABLE story_index (key TEXT NOT NULL, win_lo TEXT NOT NULL, win_hi TEXT NOT NULL, "
        "briefing_id TEXT NOT NULL, event_id TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_story_index_key ON story_index (key, win_hi)")
    db.execute("CREATE INDEX idx_story_index_briefing ON story_index (briefing_id)")
    db.execute(
        "CREATE TABLE story_actors (name_key TEXT NOT NULL, role TEXT NOT NULL, briefing_id TEXT NOT NULL, "
        "event_id TEXT NOT NULL, name TEXT)"
    )
    db.execute("CREATE INDEX idx_story_actors_name ON story_actors (name_key)")
    db.execute("CREATE INDEX idx_story_actors_briefing ON story_actors (briefing_id, event_id)")
    db.execute(
        """CREATE TABLE story_items (
             id TEXT PRIMARY KEY, category TEXT, summary TEXT, date TEXT, lo TEXT,
             sources INTEGER NOT NULL DEFAULT 0, briefings INTEGER NOT NULL DEFAULT 0,
             conflict INTEGER NOT NULL DEFAULT 0, announced INTEGER NOT NULL DEFAULT 0,
             created_at TEXT, updated_at TEXT)"""
    )
    db.execute("CREATE INDEX idx_story_items_briefings ON story_items (briefings, lo)")
    db.execute(
        """CREATE TABLE story_corrections (
             id TEXT PRIMARY KEY, kind TEXT NOT NULL,
             a_briefing TEXT NOT NULL, a_text TEXT NOT NULL, a_trigger TEXT NOT NULL,
             b_briefing TEXT NOT NULL, b_text TEXT NOT NULL, b_trigger TEXT NOT NULL,
             created_at TEXT NOT NULL)"""
    )
    # What the reader had seen when last reading a dossier: the last item and briefing rows then (row ids
    # only grow, so "new since" never depends on two clocks agreeing).
    db.execute(
        "CREATE TABLE dossier_seen (name_key TEXT PRIMARY KEY, seen_at TEXT NOT NULL, "
        "items_mark INTEGER NOT NULL DEFAULT 0, briefings_mark INTEGER NOT NULL DEFAULT 0)"
    )
    # A library that already holds briefings matches them after the upgrade, not during it (it may take minutes).
    db.execute("CREATE TABLE story_pending (briefing_id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO story_pending SELECT id FROM briefings")
    # A removed briefing takes its events out of their items; an item left with none goes.
    db.execute(
        """CREATE TRIGGER briefings_storylines_ad AFTER DELETE ON briefings BEGIN
             UPDATE story_items SET
               sources = (SELECT count(*) FROM story_events e WHERE e.item_id = story_items.id AND e.briefing_id != OLD.id),
               briefings = (SELECT count(DISTINCT e.briefing_id) FROM story_events e
                            WHERE e.item_id = story_items.id AND e.briefing_id != OLD.id)
             WHERE id IN (SELECT item_id FROM story_events WHERE briefing_id = OLD.id);
             DELETE FROM story_events WHERE briefing_id = OLD.id;
             DELETE FROM story_index WHERE briefing_id = OLD.id;
             DELETE FROM story_actors WHERE briefing_id = OLD.id;
             DELETE FROM story_items WHERE sources = 0;
             DELETE FROM story_corrections WHERE a_briefing = OLD.id OR b_briefing = OLD.id;
             DELETE FROM story_pending WHERE briefing_id = OLD.id;
           END"""
    )


EVENT_COLUMNS = (
    "briefing_id, event_id, item_id, start, \"end\", text, trigger, category, family, summary, date, precision, "
    "lo, hi, win_lo, win_hi, modality, published, agents, targets, others, keys, figures, words, announced, due, "
    "why, added_at"
)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def event_row(e: StoryEvent) -> tuple[Any, ...]:
    lo, hi = e.interval or (None, None)
    win_lo, win_hi = e.window or (None, None)
    return (
        e.briefing_id, e.event_id, e.item_id, e.start, e.end, e.text, e.trigger, e.category, e.family, e.summary,
        e.date, e.precision, _iso(lo), _iso(hi), _iso(win_lo), _iso(win_hi), e.modality, _iso(e.published),
        json.dumps(e.agents, ensure_ascii=False), json.dumps(e.targets, ensure_ascii=False),
        json.dumps(e.others, ensure_ascii=False), json.dumps(e.keys, ensure_ascii=False),
        json.dumps([[f.kind, f.value, f.text, f.approximate] for f in e.figures], ensure_ascii=False),
        " ".join(sorted(e.words)), int(e.announced), _iso(e.due),
        json.dumps(e.why, ensure_ascii=False) if e.why else None, e.added_at,
    )


def event_from_row(r: tuple[Any, ...] | Any) -> StoryEvent:
    lo, hi, win_lo, win_hi = _day(r[12]), _day(r[13]), _day(r[14]), _day(r[15])
    return StoryEvent(
        briefing_id=r[0], event_id=r[1], item_id=r[2], start=r[3], end=r[4], text=r[5] or "", trigger=r[6] or "",
        category=r[7] or "", family=r[8] or "", summary=r[9] or "", date=r[10], precision=r[11],
        interval=(lo, hi) if lo and hi else None, window=(win_lo, win_hi) if win_lo and win_hi else None,
        modality=r[16] or "asserted", published=_day(r[17]), agents=json.loads(r[18] or "[]"),
        targets=json.loads(r[19] or "[]"), others=json.loads(r[20] or "[]"), keys=json.loads(r[21] or "[]"),
        figures=[Figure(k, v, t, a) for k, v, t, a in json.loads(r[22] or "[]")],
        words=frozenset((r[23] or "").split()), announced=bool(r[24]), due=_day(r[25]),
        why=json.loads(r[26]) if r[26] else None, added_at=r[27] or "",
    )
