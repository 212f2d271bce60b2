"""Opening, upgrading and refusing library files."""

import sqlite3

import pytest

from reader.model import Document
from reader.store import Library, LibraryBusyError, StoreError
from reader.store import migrations as schema

from .older import old_library


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


def test_old_schema_is_upgraded_in_place_after_a_backup(tmp_path):
    path = tmp_path / "library.db"
    old_library(path)
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


def test_an_upgrade_says_each_step_and_an_open_with_nothing_to_upgrade_says_only_the_check(tmp_path):
    """Issue 17: an older 100,000-briefing library took minutes to open, silently; now each step is said."""
    path = tmp_path / "library.db"
    old_library(path)
    said: list[str] = []
    Library.open(path, progress=said.append).close()
    steps = len(schema.known_names()) - 1
    backup = [m for m in said if m.startswith("Backing up the library before upgrading: ")]
    assert backup and backup[-1].endswith(": 100%")
    assert [m for m in said if not m.startswith("Backing up")] == [
        "Checking the library…",
        *[f"Upgrading the library (step {n} of {steps})…" for n in range(1, steps + 1)],
        "Saving the upgraded library…",
    ]
    assert said.index("Checking the library…") < said.index(backup[0]) < said.index(f"Upgrading the library (step 1 of {steps})…")
    said.clear()
    Library.open(path, progress=said.append).close()
    assert said == ["Checking the library…"]
    said.clear()
    Library.open(tmp_path / "new.db", progress=said.append).close()
    assert said == ["Checking the library…"]


@pytest.mark.parametrize("error", [RuntimeError("disk said no"), KeyboardInterrupt()], ids=["error", "ctrl-c"])
def test_an_upgrade_that_fails_at_a_later_step_leaves_the_library_as_it_was(tmp_path, monkeypatch, error):
    from reader.store import timeline_index

    path = tmp_path / "library.db"
    old_library(path)
    real = timeline_index.create_event_dates

    def fails_halfway(db):
        real(db)  # its table, indexes and triggers are made, then the step fails
        raise error

    monkeypatch.setattr(timeline_index, "create_event_dates", fails_halfway)
    with pytest.raises(type(error)):
        Library.open(path)
    conn = sqlite3.connect(path)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")] == [schema.known_names()[0]]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert not tables & {"corrections", "briefings_fts", "event_dates", "analyses_event_dates_ai"}
        assert conn.execute("SELECT body FROM notes").fetchall() == [("remember the venue",)]
    finally:
        conn.close()
    monkeypatch.undo()
    with Library.open(path) as lib:  # the next open upgrades it whole
        assert schema.schema_version(lib.db) == schema.latest_version()
        assert lib.get_note("n1").body == "remember the venue"


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
