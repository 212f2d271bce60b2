"""Where the reader keeps its files: one place, overridable for tests and synced folders."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "briefing-reader"
#: Environment variable naming the library database (tests, libraries kept in a synced folder).
DB_ENV = "BRIEFING_DB"
LIBRARY_FILENAME = "library.db"


def data_dir() -> Path:
    """The platform's per-user data directory for the reader (not created here)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    """The library database: $BRIEFING_DB when set, else library.db in the data directory."""
    override = os.environ.get(DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return data_dir() / LIBRARY_FILENAME
