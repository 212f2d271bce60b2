"""The library list's filter answered by the store: words found in a briefing's title, source, date or actor names.

The window's filter box used to match the rows it had loaded and, while fewer than 100 matched,
load the next page: a word found in few of 100,000 briefings walked the whole list a page at a
time. Now `list_briefings(matching=...)` asks two indexes (migration m008):

- `briefing_labels`, an FTS5 index with the trigram tokenizer over each briefing's title, source
  and publication date (its content is the `briefings` table, kept by triggers): any run of
  three or more characters is found by the index, case folded, as the box matched before;
- `actor_name_keys`, every folded actor name once (kept by a trigger on `briefing_actors`): a
  word is looked for in this short list, and the briefings naming a name found come from the
  index on `briefing_actors`.

Each word must be found in one of them. A word found in many briefings, or of one or two
characters (which the trigram index cannot look up), is tested on each row in the list's order
instead (see `matching`).
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.store.actor_index import IDLE


def create_list_filter(db: Database) -> None:
    """The two indexes, the triggers that keep them, and their rows for the briefings already stored."""
    db.execute(
        "CREATE VIRTUAL TABLE briefing_labels USING fts5(title, source, published, content='briefings', tokenize='trigram')"
    )
    insert = "INSERT INTO briefing_labels (rowid, title, source, published) VALUES (new.rowid, new.title, new.source, new.published);"
    delete = (
        "INSERT INTO briefing_labels (briefing_labels, rowid, title, source, published) "
        "VALUES ('delete', old.rowid, old.title, old.source, old.published);"
    )
    db.execute(f"CREATE TRIGGER briefings_labels_ai AFTER INSERT ON briefings {IDLE} BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER briefings_labels_ad AFTER DELETE ON briefings BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER briefings_labels_au AFTER UPDATE OF title, source, published ON briefings BEGIN {delete} {insert} END")
    db.execute("INSERT INTO briefing_labels (briefing_labels) VALUES ('rebuild')")
    # Never emptied: a name no briefing has any more finds no briefing.
    db.execute("CREATE TABLE actor_name_keys (name_key TEXT PRIMARY KEY)")
    db.execute(
        f"""CREATE TRIGGER briefing_actors_name_keys_ai AFTER INSERT ON briefing_actors {IDLE} BEGIN
             INSERT INTO actor_name_keys (name_key) SELECT NEW.name_key
             WHERE NOT EXISTS (SELECT 1 FROM actor_name_keys WHERE name_key = NEW.name_key);
           END"""
    )
    db.execute("INSERT INTO actor_name_keys SELECT DISTINCT name_key FROM briefing_actors")


def index_briefings(db: Database, ids: list[str]) -> None:
    """Put these briefings and their actors' names in the indexes at once: what the bulk loader's batch stored."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(
            f"""INSERT INTO briefing_labels (rowid, title, source, published)
                SELECT rowid, title, source, published FROM briefings WHERE id IN ({marks})""",
            chunk,
        )
        db.execute(
            f"""INSERT INTO actor_name_keys (name_key) SELECT DISTINCT a.name_key FROM briefing_actors a
                WHERE a.briefing_id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM actor_name_keys k WHERE k.name_key = a.name_key)""",
            chunk,
        )


def words(text: str) -> list[str]:
    """The filter's words, folded as the list folds what it shows."""
    return list(dict.fromkeys(text.casefold().split()))


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def matching(db: Database, text: str) -> tuple[list[str], list[str]]:
    """SQL conditions on the briefing `b` (all must hold) and their arguments, for the filter `text`.

    A word found in few briefings is looked up in the indexes, and those briefings only are read.
    A word found in many (or too short for the trigram index) is tested on each row in the list's
    order instead: a page of matches is found within the first few pages, where gathering every
    match first would take half a second at 100,000 briefings.
    """
    where: list[str] = []
    args: list[str] = []
    for word in words(text):
        keys = [r[0] for r in db.execute("SELECT name_key FROM actor_name_keys WHERE name_key LIKE ? ESCAPE '\\'", [_like(word)])]
        marks = ",".join("?" * len(keys))
        phrase = '"' + word.replace('"', '""') + '"'
        if len(word) >= 3 and (not word.isascii() or _rare(db, phrase, keys)):
            where.append(
                "(b.rowid IN (SELECT rowid FROM briefing_labels WHERE briefing_labels MATCH ?) OR b.rowid IN "
                f"(SELECT b2.rowid FROM briefings b2 WHERE b2.id IN (SELECT briefing_id FROM briefing_actors WHERE name_key IN ({marks}))))"
            )
            args += [phrase, *keys]
        else:  # LIKE folds ASCII letters only: the word is ASCII here, or too short to be anything else
            where.append(
                "(b.title LIKE ? ESCAPE '\\' OR b.source LIKE ? ESCAPE '\\' OR b.published LIKE ? ESCAPE '\\' "
                f"OR EXISTS (SELECT 1 FROM briefing_actors ba WHERE ba.briefing_id = b.id AND ba.name_key IN ({marks})))"
            )
            args += [_like(word)] * 3 + keys
    return where, args


#: A word in fewer briefings than this (by title, source and date, and by actor) is looked up, not scanned for.
RARE = 1000


def _rare(db: Database, phrase: str, keys: list[str]) -> bool:
    labels = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM briefing_labels WHERE briefing_labels MATCH ? LIMIT ?)", [phrase, RARE]
    ).fetchone()[0]
    actors = db.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM briefing_actors WHERE name_key IN ({','.join('?' * len(keys))}) LIMIT ?)", [*keys, RARE]
    ).fetchone()[0]
    return bool(labels < RARE and actors < RARE)
