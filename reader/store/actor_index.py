"""Who takes part in each dated event, so that an actor's timeline need not read every analysis.

An actor's timeline used to read the analysis of every briefing naming the actor: at 100,000
briefings the most named actor is in 63,544 of them (15–20 s). Beside `event_dates`
(reader/store/timeline_index.py), the library keeps by triggers on `analyses` (migration m007):

- `event_actors`: one row per analysis, dated event date and name taking part in an event of
  that date (agent, target or other actor, as the timeline names them: the analysis's actor name
  for an id, the id itself when no actor has it), the analysis as the engine made it;
- `event_actor_names`: every name seen there once. Names are matched as the timeline matches
  them, folded by Python (`str.casefold`, which SQLite cannot do) and through the alias book; the
  folding is done on this short list, and only new rows are read again (`NameFolds`).

A library from before m007 keeps its analyses in `event_actors_pending` and is indexed after the
upgrade, 500 at a time (`index_pending`: the window does it on the library's thread in the
background); until none is pending an actor's timeline reads the analyses as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlite_utils import Database

from reader.store.corrections import _key

if TYPE_CHECKING:  # the migration imports this module, and the connection module imports the migrations
    from reader.store.connection import Connection

#: The ids of an event's agents, targets and other actors (any other field: an empty array, whatever the plan).
_PARTS = "json_each(CASE WHEN f.key IN ('agents', 'targets', 'actors') AND f.type = 'array' THEN f.value ELSE '[]' END) r"
#: The WHEN clause of an index's insert trigger: idle while the bulk loader fills the index itself.
IDLE = "WHEN NOT EXISTS (SELECT 1 FROM indexes_deferred)"
_DATED = "json_extract(e.value, '$.date') IS NOT NULL AND substr(json_extract(e.value, '$.date'), 1, 1) != 'X'"


def _rows(source: str, where: str = "") -> str:
    """SELECT of (content_hash, engine_version, date, name) for the analyses `source` names as `a`."""
    return f"""SELECT DISTINCT x.h, x.v, x.d, coalesce(
                 (SELECT json_extract(n.value, '$.name') FROM json_each(x.data, '$.actors') n
                  WHERE json_extract(n.value, '$.id') = x.id LIMIT 1), x.id)
               FROM (SELECT a.content_hash AS h, a.engine_version AS v, a.data AS data,
                            json_extract(e.value, '$.date') AS d, r.value AS id
                     FROM {source}, json_each(a.data, '$.events') e, json_each(e.value) f, {_PARTS}
                     WHERE {_DATED}{where}) x"""


# No OR IGNORE: inside a trigger the outer statement's conflict policy (an upsert's) would win.
# NOT EXISTS, not NOT IN: one lookup in the names' key per name, not the whole list read each time.
_NAMES = """INSERT INTO event_actor_names (name)
            SELECT DISTINCT e.name FROM event_actors e WHERE e.content_hash = {h} AND e.engine_version = {v}
              AND NOT EXISTS (SELECT 1 FROM event_actor_names n WHERE n.name = e.name)"""


def create_event_actors(db: Database) -> None:
    """The tables, their indexes, the triggers that keep them, and every cached analysis left pending."""
    db.execute(
        "CREATE TABLE event_actors (content_hash TEXT NOT NULL, engine_version TEXT NOT NULL, "
        "date TEXT NOT NULL, name TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_event_actors_name ON event_actors (name, engine_version, date)")
    db.execute("CREATE INDEX idx_event_actors_analysis ON event_actors (content_hash, engine_version)")
    db.execute("CREATE TABLE event_actor_names (name TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE event_actors_pending (content_hash TEXT NOT NULL, engine_version TEXT NOT NULL)")
    # A row here, inside the bulk loader's transaction only, keeps the insert triggers of the
    # indexes idle: the loader fills them for its whole batch at once (reader/store/bulk.py).
    db.execute("CREATE TABLE indexes_deferred (loader INTEGER)")
    insert = f"INSERT INTO event_actors (content_hash, engine_version, date, name) {_rows('(SELECT NEW.content_hash AS content_hash, NEW.engine_version AS engine_version, NEW.data AS data) a')};"
    names = _NAMES.format(h="NEW.content_hash", v="NEW.engine_version") + ";"
    delete = (
        "DELETE FROM event_actors WHERE content_hash = OLD.content_hash AND engine_version = OLD.engine_version;"
        "DELETE FROM event_actors_pending WHERE content_hash = OLD.content_hash AND engine_version = OLD.engine_version;"
    )
    db.execute(f"CREATE TRIGGER analyses_event_actors_ai AFTER INSERT ON analyses {IDLE} BEGIN {insert} {names} END")
    db.execute(f"CREATE TRIGGER analyses_event_actors_ad AFTER DELETE ON analyses BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER analyses_event_actors_au AFTER UPDATE ON analyses BEGIN {delete} {insert} {names} END")
    # Reading every analysis takes seconds at 100,000 briefings: not during the upgrade (see index_pending).
    db.execute("INSERT INTO event_actors_pending SELECT content_hash, engine_version FROM analyses")


def pending(conn: Connection) -> int:
    """How many cached analyses from before the index are still to be indexed."""
    with conn.translating():
        return int(conn.one("SELECT count(*) FROM event_actors_pending") or 0)


def index_pending(conn: Connection, limit: int = 500) -> int:
    """Index up to `limit` pending analyses in one short transaction; how many are left."""
    db = conn.db
    with conn.translating():
        last = conn.one("SELECT max(rowid) FROM (SELECT rowid FROM event_actors_pending ORDER BY rowid LIMIT ?)", [limit])
        if last is None:
            return 0
        with conn.writing():
            db.execute(
                f"""INSERT INTO event_actors (content_hash, engine_version, date, name)
                    {_rows("event_actors_pending p JOIN analyses a ON a.content_hash = p.content_hash AND a.engine_version = p.engine_version", " AND p.rowid <= ?")}""",
                [last],
            )
            db.execute(
                """INSERT INTO event_actor_names (name)
                   SELECT DISTINCT e.name FROM event_actors_pending p JOIN event_actors e
                     ON e.content_hash = p.content_hash AND e.engine_version = p.engine_version
                   WHERE p.rowid <= ? AND NOT EXISTS (SELECT 1 FROM event_actor_names n WHERE n.name = e.name)""",
                [last],
            )
            db.execute("DELETE FROM event_actors_pending WHERE rowid <= ?", [last])
    return pending(conn)


def index_analyses(db: Database, digests: list[str], version: str) -> None:
    """Index these analyses (of one engine version) in one statement: what the bulk loader's batch stored."""
    for start in range(0, len(digests), 500):
        chunk = digests[start : start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM event_actors WHERE engine_version = ? AND content_hash IN ({marks})", [version, *chunk])
        db.execute(
            f"""INSERT INTO event_actors (content_hash, engine_version, date, name)
                {_rows(f"(SELECT * FROM analyses WHERE engine_version = ? AND content_hash IN ({marks})) a")}""",
            [version, *chunk],
        )
        db.execute(
            f"""INSERT INTO event_actor_names (name)
                SELECT DISTINCT e.name FROM event_actors e WHERE e.engine_version = ? AND e.content_hash IN ({marks})
                  AND NOT EXISTS (SELECT 1 FROM event_actor_names n WHERE n.name = e.name)""",
            [version, *chunk],
        )


class NameFolds:
    """The names of `event_actor_names` by folded key; reads only the rows added since the last look."""

    def __init__(self) -> None:
        self._by_key: dict[str, set[str]] = {}
        self._seen = 0

    def names(self, db: Database, keys: Iterable[str]) -> list[str]:
        """Every name in the index whose folded form is one of `keys`."""
        for rowid, name in db.execute("SELECT rowid, name FROM event_actor_names WHERE rowid > ? ORDER BY rowid", [self._seen]):
            self._by_key.setdefault(_key(name), set()).add(name)
            self._seen = rowid
        return sorted({n for k in keys for n in self._by_key.get(k, ())})
