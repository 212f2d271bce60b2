"""Export targets: never the library, never a database, never an existing file unasked (issue 12, item 1)."""

from __future__ import annotations

import sqlite3

import pytest

from reader.store import StoreError
from reader.store.targets import check_export_target


def _database(path):
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    return path


def test_the_library_and_its_companion_files_are_refused(tmp_path):
    lib = _database(tmp_path / "library.db")
    for name in ("library.db", "library.db-wal", "library.db-shm", "library.db-journal"):
        with pytest.raises(StoreError, match="library itself"):
            check_export_target(tmp_path / name, lib, force=True)
    # the same file under another spelling
    with pytest.raises(StoreError, match="library itself"):
        check_export_target(tmp_path / "sub" / ".." / "library.db", lib, force=True)
    link = tmp_path / "alias.md"
    link.symlink_to(lib)
    with pytest.raises(StoreError, match="library itself"):
        check_export_target(link, lib, force=True)


def test_any_sqlite_file_is_refused_even_with_force(tmp_path):
    other = _database(tmp_path / "other.sqlite")
    with pytest.raises(StoreError, match="SQLite database"):
        check_export_target(other, tmp_path / "library.db", force=True)
    with pytest.raises(StoreError, match="belongs to the database"):
        check_export_target(tmp_path / "other.sqlite-wal", None, force=True)


def test_an_existing_file_needs_force(tmp_path):
    out = tmp_path / "notes.md"
    assert check_export_target(out, None, force=False) == out
    out.write_text("mine")
    with pytest.raises(StoreError, match="--force"):
        check_export_target(out, None, force=False)
    assert check_export_target(out, None, force=True) == out


def test_folders_devices_and_dangling_links_are_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        check_export_target(tmp_path, None, force=True)
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(StoreError, match="loop"):
        check_export_target(loop, None, force=True)
