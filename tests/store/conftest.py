"""Fixtures for the library tests: a library in tmp_path and a tiny engine that needs no spaCy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Library

from .fakes import FakeEngine


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()

