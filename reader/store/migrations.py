"""The library's schema, built and upgraded step by step with sqlite-utils `Migrations`.

Never edit a migration that has shipped: add a new one. Each runs in a transaction together
with its record in `_sqlite_migrations`, so a library is always at one whole version.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("briefing-reader")

#: The FTS5 tokenizer: Porter stemming ("negotiations" finds "negotiate") and accents folded
#: ("Erdogan" finds "Erdoğan").
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


@migrations()
def m001_briefings_analyses_notes(db: Database) -> None:
    db.table("briefings").create(
        {
            "id": str,
            "title": str,
            "format": str,
            "source": str,
            "content_hash": str,
            "published": str,
            "published_origin": str,
            "imported_at": str,
            "updated_at": str,
            # Blocks, marks and loader warnings of the Document, as JSON.
            "structure": str,
            # Last: a long text spills into overflow pages, and SQLite walks them to reach any
            # column stored after it (the library view reads 10,000 rows 3x faster this way).
            "text": str,
        },
        pk="id",
        not_null={"text", "content_hash", "imported_at"},
    )
    db.table("briefings").create_index(["source"])
    db.table("briefings").create_index(["content_hash"])
    db.table("briefings").create_index(["published"])
    db.table("analyses").create(
        {"content_hash": str, "engine_version": str, "data": str, "created_at": str},
        pk=("content_hash", "engine_version"),
        not_null={"data"},
    )
    # Actor names per briefing (after that briefing's corrections): the library list, "all
    # briefings mentioning X" and actor notes read this instead of every analysis.
    db.table("briefing_actors").create(
        {"briefing_id": str, "name_key": str, "name": str, "type": str, "mentions": int},
        pk=("briefing_id", "name_key"),
        foreign_keys=[("briefing_id", "briefings", "id")],
    )
    db.table("briefing_actors").create_index(["name_key"])
    db.table("notes").create(
        {
            "id": str,
            # The briefing a text or event note belongs to; for an actor note, where it was written.
            "briefing_id": str,
            "kind": str,
            "start_offset": int,
            "end_offset": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "status": str,
            "actor_name": str,
            "event_id": str,
            "color": str,
            "body": str,
            "created_at": str,
            "updated_at": str,
            # Deleted notes are kept (and can be restored) until the reader empties the bin.
            "deleted_at": str,
        },
        pk="id",
        not_null={"kind", "body", "created_at", "updated_at"},
        defaults={"body": "", "status": "anchored"},
        foreign_keys=[("briefing_id", "briefings", "id")],
    )
    db.table("notes").create_index(["briefing_id"])
    db.table("notes").create_index(["actor_name"])


@migrations()
def m002_corrections(db: Database) -> None:
    db.table("corrections").create(
        {
            "id": str,
            # NULL: a global correction (the personal alias book).
            "briefing_id": str,
            "kind": str,
            "target": str,
            "value": str,
            "trigger": str,
            "start_offset": int,
            "end_offset": int,
            "label": str,
            "created_at": str,
        },
        pk="id",
        not_null={"kind", "target", "created_at"},
        foreign_keys=[("briefing_id", "briefings", "id")],
    )
    db.table("corrections").create_index(["briefing_id"])


@migrations()
def m003_full_text_search(db: Database) -> None:
    db.table("briefings").enable_fts(["title", "text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db.table("notes").enable_fts(["body"], create_triggers=True, tokenize=FTS_TOKENIZE)


@migrations()
def m004_library_view_indexes(db: Database) -> None:
    # The library view sorts by these; without an index SQLite reads every briefing's text
    # (stored before these columns' values in the row) to sort 10,000 rows.
    db.table("briefings").create_index(["imported_at"])
    db.execute("CREATE INDEX IF NOT EXISTS idx_briefings_title_nocase ON briefings (title COLLATE NOCASE)")


@migrations()
def m005_event_dates(db: Database) -> None:
    # The dates of each cached analysis's events, kept by triggers, so the timeline's first page
    # of a large library reads an index instead of every analysis (reader/store/timeline_index.py).
    from reader.store.timeline_index import create_event_dates

    create_event_dates(db)


@migrations()
def m006_storylines(db: Database) -> None:
    # Storylines across briefings (reader/store/storyline_schema.py). Independent of every other
    # migration, so it applies in whatever order it lands beside them; briefings already in the
    # library join storylines with `briefing storylines --rebuild`.
    from reader.store.storyline_schema import create_storyline_tables

    create_storyline_tables(db)


@migrations()
def m007_event_actors(db: Database) -> None:
    # Who takes part in each dated event, kept by triggers, so an actor's timeline reads an index
    # instead of every analysis naming the actor (reader/store/actor_index.py). The analyses
    # already cached are indexed after the upgrade, in batches (event_actors_pending).
    from reader.store.actor_index import create_event_actors

    create_event_actors(db)


@migrations()
def m008_list_filter(db: Database) -> None:
    # The library list's filter box answered by the store: a trigram index of titles, sources and
    # dates, and every actor name once (reader/store/list_filter.py).
    from reader.store.list_filter import create_list_filter

    create_list_filter(db)


def schema_version(db: Database) -> int:
    """How many of our migrations this database has applied."""
    return len(migrations.applied(db))


def latest_version() -> int:
    return len(migrations._migrations)


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]
