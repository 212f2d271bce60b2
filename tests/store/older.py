"""A library as the first release wrote it, for the tests of upgrading."""

from reader.store import migrations as schema
from reader.store.database import connect


def old_library(path):
    """A library as the first release wrote it: only the first migration, one briefing, one note."""
    db = connect(path)
    first = schema.known_names()[0]
    schema.migrations.apply(db, stop_before=schema.known_names()[1])
    assert [m.name for m in schema.migrations.applied(db)] == [first]
    db.table("briefings").insert(
        {"id": "b1", "title": "Old briefing", "text": "Ankara hosted the talks.", "format": "txt", "source": "",
         "content_hash": "h1", "structure": "{}", "imported_at": "2025-01-01", "updated_at": "2025-01-01"}
    )
    db.table("notes").insert(
        {"id": "n1", "briefing_id": "b1", "kind": "text", "start_offset": 0, "end_offset": 6, "quote": "Ankara",
         "prefix": "", "suffix": " hosted the talks.", "status": "anchored", "body": "remember the venue",
         "created_at": "2025-01-01", "updated_at": "2025-01-01"}
    )
    db.close()


def before_the_actor_index(path):
    """Take a library back to before m007 (the actor index), keeping its analyses."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "DROP TRIGGER analyses_event_actors_ai; DROP TRIGGER analyses_event_actors_ad; DROP TRIGGER analyses_event_actors_au;"
            "DROP TABLE event_actors; DROP TABLE event_actor_names; DROP TABLE event_actors_pending; DROP TABLE indexes_deferred;"
            "DELETE FROM _sqlite_migrations WHERE name = 'm007_event_actors';"
        )
    finally:
        conn.close()
