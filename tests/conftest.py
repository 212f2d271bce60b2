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
