"""The application layer without Qt: when the engine starts, the one factory, the cache policy."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store.fakes import fake_analysis

import reader.session as session_module
from reader.cached_engine import CachingEngine, store_opened
from reader.library_thread import LibraryThread
from reader.model import Document
from reader.session import ENGINE_START_DELAY_MS, WARM_UP_DELAY_MS, EngineSlot, EngineStartPlan, engine_start_plan
from reader.store import Correction, Library
from reader.store.corrections import RENAME

TEXT = "Talks in Istanbul.\nErdoğan hosted Zelensky on Thursday.\n"


class CountingEngine:
    """Analyses like tests/store/fakes.py and counts what it was asked."""

    def __init__(self) -> None:
        self.calls: list[dt.date | None] = []
        self.closed = False

    def load(self) -> CountingEngine:
        return self

    def analyze(self, document, published=None, progress=None):
        if published is not None:
            document = dataclasses.replace(document, published=published, published_origin="option")
        self.calls.append(document.published)  # the date it analysed against
        return fake_analysis(document)

    def analyze_many(self, documents):
        for document in documents:
            yield self.analyze(document)

    def close(self, timeout: float = 1.0) -> None:
        self.closed = True


def test_the_plan_for_starting_the_engine():
    # no library: a child process loads the model while the window opens; in this process, a moment later
    assert engine_start_plan(warm_up=True, isolated=True, cached=False) == EngineStartPlan(0, None, None)
    assert engine_start_plan(warm_up=True, isolated=False, cached=False) == EngineStartPlan(None, WARM_UP_DELAY_MS, None)
    # a library's cache may answer without spaCy: start the engine after the first briefing is shown
    assert engine_start_plan(warm_up=True, isolated=True, cached=True) == EngineStartPlan(
        None, WARM_UP_DELAY_MS, ENGINE_START_DELAY_MS
    )
    assert engine_start_plan(warm_up=False, isolated=True, cached=True) == EngineStartPlan(None, None, ENGINE_START_DELAY_MS)
    assert engine_start_plan(warm_up=False, isolated=False, cached=False) == EngineStartPlan(None, None, None)


def test_a_slot_makes_its_engine_once_and_closes_only_what_it_made(monkeypatch):
    made: list[CountingEngine] = []

    def factory(isolate: bool = True) -> CountingEngine:
        made.append(CountingEngine())
        return made[-1]

    monkeypatch.setattr(session_module, "make_engine", factory)
    slot = EngineSlot()
    assert slot.isolated and not slot.started
    assert slot.engine is slot.engine and len(made) == 1
    slot.close()
    assert made[0].closed and not slot.started

    given = CountingEngine()
    lent = EngineSlot(given)
    assert not lent.isolated and lent.engine is given
    lent.close()
    assert not given.closed  # the giver's to close


@pytest.fixture
def library_thread(tmp_path):
    thread = LibraryThread(tmp_path / "library.db").start()
    assert thread.wait_ready(30)
    yield thread
    thread.close()


def test_a_briefing_is_analysed_once_then_read_from_the_cache(library_thread):
    engine = CountingEngine()
    cache = CachingEngine(EngineSlot(engine), library_thread)
    document = Document(text=TEXT, published=dt.date(2025, 5, 22))
    first = cache.analyze(document)
    again = cache.analyze(Document(text=TEXT, published=dt.date(2025, 5, 22)))
    assert engine.calls == [dt.date(2025, 5, 22)] and cache.engine_runs == 1 and cache.cache_hits == 1
    assert again.to_dict()["actors"] == first.to_dict()["actors"]


def test_a_date_the_reader_sets_becomes_the_briefings_and_is_cached_against(library_thread):
    engine = CountingEngine()
    cache = CachingEngine(EngineSlot(engine), library_thread)
    own = dt.date(2025, 5, 22)
    cache.analyze(Document(text=TEXT, published=own, published_origin="dateline"))
    other = dt.date(2024, 1, 1)
    dated = cache.analyze(Document(text=TEXT, published=own, published_origin="dateline"), published=other)
    assert engine.calls == [own, other] and dated.document.published == other
    briefing = library_thread.call(lambda lib: lib.get_briefing(lib.find_text(TEXT)))
    assert (briefing.document.published, briefing.document.published_origin) == (other, "option")
    # Opened again from the file (which says another date, or none): the reader's date, from the cache.
    for again in (Document(text=TEXT, published=own, published_origin="dateline"), Document(text=TEXT)):
        shown = cache.analyze(again)
        assert (shown.document.published, shown.document.published_origin) == (other, "option")
    assert engine.calls == [own, other] and cache.cache_hits == 2
    # The library's own list says it too.
    (summary,) = library_thread.call(lambda lib: lib.list_briefings())
    assert summary.published == other


def test_a_read_only_library_keeps_the_readers_date_in_memory(library_thread, monkeypatch):
    engine = CountingEngine()
    cache = CachingEngine(EngineSlot(engine), library_thread)
    cache.analyze(Document(text=TEXT))
    library_thread.call(lambda lib: monkeypatch.setattr(lib.conn, "refusal", "read-only for this test"))
    other = dt.date(2024, 1, 1)
    assert cache.analyze(Document(text=TEXT), published=other).document.published == other
    assert cache.analyze(Document(text=TEXT), published=other).document.published == other
    assert engine.calls == [None, other]  # the second from memory
    briefing = library_thread.call(lambda lib: lib.get_briefing(lib.find_text(TEXT)))
    assert briefing.document.published is None


def test_corrections_apply_to_cached_analyses(library_thread):
    cache = CachingEngine(EngineSlot(CountingEngine()), library_thread)
    document = Document(text=TEXT)
    cache.analyze(document)
    library_thread.call(lambda lib: lib.add_correction(Correction(RENAME, "Zelensky", "Volodymyr Zelensky")))
    names = {a.name for a in cache.analyze(Document(text=TEXT)).actors}
    assert "Volodymyr Zelensky" in names and "Zelensky" not in names


def test_without_a_library_the_engine_answers_alone():
    engine = CountingEngine()
    cache = CachingEngine(EngineSlot(engine), None)
    cache.analyze(Document(text=TEXT))
    cache.analyze(Document(text=TEXT))
    assert len(engine.calls) == 2 and cache.cache_hits == 0


def test_an_opened_file_that_changed_updates_its_briefing(tmp_path):
    path = tmp_path / "talks.txt"
    with Library.open(tmp_path / "library.db") as lib:
        first = store_opened(lib, Document(text=TEXT), path)
        assert store_opened(lib, Document(text=TEXT), path) == first
        assert store_opened(lib, Document(text="Preface.\n" + TEXT), path) == first  # the same file, edited
        pasted = store_opened(lib, Document(text="Another text entirely.\n"))
        assert pasted != first and lib.count_briefings() == 2
