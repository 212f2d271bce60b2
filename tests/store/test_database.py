"""Opening, upgrading and refusing library files."""

import sqlite3

import pytest

from reader.model import Document
from reader.store import Library, LibraryBusyError, StoreError
from reader.store import migrations as schema
from reader.store.database import connect


def test_new_library_settings(tmp_path):
    with Library.open(tmp_path / "sub" / "library.db") as lib:
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert schema.schema_version(lib.db) == schema.latest_version()
        assert lib.backup is None
        assert {"briefings", "analyses", "notes", "corrections", "briefings_fts", "notes_fts"} <= set(lib.db.table_names())


def test_environment_variable_chooses_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "synced" / "lib.db"))
    with Library.open() as lib:
        assert lib.path == tmp_path / "synced" / "lib.db"
    assert (tmp_path / "synced" / "lib.db").exists()


def _old_library(path):
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


def test_old_schema_is_upgraded_in_place_after_a_backup(tmp_path):
    path = tmp_path / "library.db"
    _old_library(path)
    with Library.open(path) as lib:
        assert lib.backup is not None and lib.backup.parent == tmp_path
        assert lib.backup.name.startswith("library.db.bak-v1-")
        assert schema.schema_version(lib.db) == schema.latest_version()
        assert lib.get_note("n1").body == "remember the venue"
        assert [h.note_id for h in lib.search("venue")] == ["n1"]  # old rows are in the new index
        assert [h.briefing_id for h in lib.search("ankara") if h.kind == "briefing"] == ["b1"]
    backup = sqlite3.connect(lib.backup)
    try:
        assert backup.execute("SELECT body FROM notes").fetchall() == [("remember the venue",)]
        tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "corrections" not in tables  # the backup is the old version, untouched
    finally:
        backup.close()
    with Library.open(path) as lib:  # already current: no second backup
        assert lib.backup is None
    assert len(list(tmp_path.glob("library.db.bak-*"))) == 1


@pytest.mark.parametrize(
    "content",
    [
        b"My shopping list\nmilk\n",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 4000,  # right header, garbage after it
    ],
    ids=["text", "binary", "damaged-sqlite"],
)
def test_foreign_or_corrupt_files_are_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "library.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Library.open(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == content


def test_truncated_library_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        lib.add_document(Document(text="x " * 5000))
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    content = path.read_bytes()[:6000]
    path.write_bytes(content)
    with pytest.raises(StoreError):
        lib = Library.open(path)
        lib.search("x")  # the damage may only show on reading
    assert path.read_bytes() == content


def test_another_sqlite_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Briefing Reader library"):
        Library.open(path)
    assert path.read_bytes() == before


def test_library_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "library.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('briefing-reader', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Library.open(path)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Library.open(tmp_path)


def test_busy_library_says_it_is_in_use(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as first, Library.open(path, busy_timeout_ms=100) as second:
        bid = first.add_document(Document(text="Shared."))
        first.db.execute("BEGIN IMMEDIATE")  # another instance in the middle of a long write
        try:
            with pytest.raises(LibraryBusyError, match="in use"):
                second.add_note(bid, "waiting")
            assert second.notes_for(bid) == []  # reading still works under WAL
        finally:
            first.db.rollback()
        second.add_note(bid, "now it works")
        assert [n.body for n in first.notes_for(bid)] == ["now it works"]


def test_default_path_is_in_the_user_data_directory(monkeypatch):
    from reader.paths import data_dir, default_library_path

    monkeypatch.delenv("BRIEFING_DB", raising=False)
    assert default_library_path() == data_dir() / "library.db"
    assert "briefing-reader" in str(data_dir())
    monkeypatch.setenv("BRIEFING_DB", "~/Sync/briefings.db")
    assert default_library_path().name == "briefings.db" and "~" not in str(default_library_path())
