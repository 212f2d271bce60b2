"""Shared fixtures: the engine is loaded once per test session; ../shared is optional."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(config, items):
    """Every test that needs Qt is marked `gui` (`-m "not gui"` runs the rest without a display stack)."""
    gui = pytest.mark.gui
    for item in items:
        path = Path(str(item.fspath))
        if "ui" in path.relative_to(ROOT / "tests").parts[:-1] or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(gui)


@pytest.fixture(scope="session")
def engine():
    from reader.engine import Engine

    return Engine().load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def _upgrade_from_before_storylines(path: Path) -> None:
    """Make a library file what a version without storylines left, then apply their migration to it."""
    import sqlite3

    from sqlite_utils import Database

    from reader.store.storyline_schema import create_storyline_tables

    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER briefings_storylines_ad")
    for table in ("story_events", "story_index", "story_actors", "story_items", "story_corrections", "dossier_seen", "story_pending"):
        conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    create_storyline_tables(Database(path))


@pytest.fixture
def from_before_storylines():
    """Turns a library file into one upgraded from a version without storylines (store and window tests)."""
    return _upgrade_from_before_storylines
