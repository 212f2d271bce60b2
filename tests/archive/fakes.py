"""Engines for the archive tests, importable by name in spawned workers ("archive.fakes:...")."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from store.fakes import FakeEngine, fake_analysis

from reader.errors import BriefingError
from reader.model import Analysis, Document

#: A text containing this makes `PoisonEngine` fail, as a bug in the engine would.
POISON = "POISON"


class PoisonEngine(FakeEngine):
    """The fake engine, failing on any document that contains POISON (the whole batch fails, as nlp.pipe would)."""

    def _flush(self, batch: list[Document]) -> Iterator[Analysis]:
        if any(POISON in d.text for d in batch):
            raise ValueError("the engine choked on a poisoned text")
        yield from super()._flush(batch)


class SlowEngine(FakeEngine):
    """The fake engine taking 20 ms a document, so an import lasts long enough to be interrupted."""

    def analyze_many(self, documents: Iterable[Document], batch_size: int = 4) -> Iterator[Analysis]:
        for document in documents:
            time.sleep(0.02)
            yield fake_analysis(document)


class BrokenEngine:
    """An engine whose pipeline cannot load."""

    def __init__(self) -> None:
        raise BriefingError("the English pipeline is missing")
