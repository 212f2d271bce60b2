"""The timeline's first page from the event-date index is exactly the first page of the whole timeline."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from reader.model import Document
from reader.store import Correction, Library
from reader.store.timeline_index import first_page, page_after

from .fakes import fake_analysis

DATES = ["2024-03-01", "2023-11-30", None, "XXXX-05-15", "2024-03-01", "2022-01-07", "2025", "2024-W10", ""]


def _fill(lib: Library, n: int) -> list[str]:
    ids = []
    for i in range(n):
        text = f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey met Ukraine again.\nRussia met Turkey, {i}.\n"
        document = Document(text=text, title=f"B{i:03}", source=f"{i}.txt")
        document.published = None if i % 7 == 0 else dt.date(2024, 1 + i % 12, 1 + i % 27)
        bid = lib.add_document(document)
        analysis = fake_analysis(document)
        for k, event in enumerate(analysis.events):
            event.date = DATES[(i * 3 + k) % len(DATES)]
        lib.put_analysis(bid, analysis)
        ids.append(bid)
    return ids


def _key(entries):
    return [(e.briefing_id, e.event.id, e.event.date, e.agents, e.targets, e.actors, e.briefing_title, e.published) for e in entries]


@pytest.mark.parametrize("limit", [1, 2, 5, 17, 40])
def test_the_first_page_is_the_whole_timeline_cut(library, limit):
    _fill(library, 30)
    whole = library.timeline()
    assert len(whole) > 40
    assert _key(library.timeline(limit=limit)) == _key(whole[:limit])


@pytest.mark.parametrize(("offset", "limit"), [(0, 5), (3, 4), (17, 17), (40, 10), (60, 500)])
def test_a_page_from_an_offset_is_the_whole_timeline_cut_there(library, offset, limit):
    """What the window's timeline asks as it scrolls: each page from the index where it can, the same entries."""
    _fill(library, 30)
    whole = library.timeline()
    assert _key(library.timeline(limit=limit, offset=offset)) == _key(whole[offset : offset + limit])
    pages = [library.timeline(limit=7, offset=start) for start in range(0, len(whole) + 7, 7)]
    assert _key([e for page in pages for e in page]) == _key(whole)


@pytest.mark.parametrize("limit", [1, 4, 9])
def test_the_pages_after_an_entry_walk_the_whole_timeline(library, limit):
    """A page after the last entry shown costs what the first page does, however deep (the window's next page)."""
    ids = _fill(library, 30)
    late = library.analysis_for(ids[5]).events[0]
    library.add_correction(Correction("event_date", late.text, "2023-11-30", briefing_id=ids[5], trigger=late.trigger, start=late.start))
    library.add_correction(Correction("rename", "Zelensky", "Volodymyr Zelensky"))
    whole = library.timeline()
    walked = library.timeline(limit=limit)
    while len(walked) < len(whole):
        page = library.timeline(limit=limit, after=walked[-1])
        assert page
        walked += page
    assert _key(walked) == _key(whole)
    deep = next(i for i, e in enumerate(whole) if (e.event.date or "").startswith("2024"))
    assert _key(page_after(library._timeline, whole[deep], limit) or []) == _key(whole[deep + 1 : deep + 1 + limit])


def test_an_actors_timeline_pages_the_same_way(library):
    _fill(library, 12)
    whole = library.timeline("Zelensky")
    assert whole and len(whole) < len(library.timeline())
    assert _key(library.timeline("Zelensky", limit=3, offset=2)) == _key(whole[2:5])
    assert _key(library.timeline("Zelensky", limit=3, after=whole[1])) == _key(whole[2:5])


def test_corrections_that_re_date_or_dismiss_events_and_renames_are_honoured(library):
    ids = _fill(library, 30)
    late = library.analysis_for(ids[4]).events[0]
    library.add_correction(Correction("event_date", late.text, "1999-01-01", briefing_id=ids[4], trigger=late.trigger, start=late.start))
    early = library.timeline()[0]
    library.add_correction(Correction("dismiss_event", early.event.text, briefing_id=early.briefing_id, trigger=early.event.trigger, start=early.event.start))
    library.add_correction(Correction("rename", "Zelensky", "Volodymyr Zelensky"))
    whole = library.timeline()
    assert "1999-01-01" in [e.event.date for e in whole[:20]] and any("Volodymyr Zelensky" in e.actors for e in whole)
    for limit in (1, 3, 10):
        assert _key(first_page(library._timeline, limit)) == _key(whole[:limit])


def test_too_few_dated_events_falls_back_to_reading_everything(library):
    _fill(library, 1)
    assert first_page(library._timeline, 500) is None
    assert _key(library.timeline(limit=500)) == _key(library.timeline())


def test_the_index_is_built_for_an_older_library_and_follows_updates_and_removals(tmp_path: Path):
    path = tmp_path / "old.db"
    with Library.open(path) as lib:
        ids = _fill(lib, 12)
    conn = sqlite3.connect(path)  # back to a library from before the index, with its analyses
    conn.executescript(
        "DROP TABLE event_dates; DROP TRIGGER analyses_event_dates_ai; DROP TRIGGER analyses_event_dates_ad;"
        "DROP TRIGGER analyses_event_dates_au; DELETE FROM _sqlite_migrations WHERE name = 'm005_event_dates';"
    )
    conn.close()
    with Library.open(path) as lib:  # upgraded: the index is built from the cached analyses
        assert lib.backup is not None
        lib.remove_briefing(ids[0])
        document = lib.get_briefing(ids[1]).document
        analysis = fake_analysis(document)
        for event in analysis.events:
            event.date = "1990-02-02"
        lib.put_analysis(ids[1], analysis)
        assert "1990-02-02" in [e.event.date for e in lib.timeline(limit=12)]
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT content_hash, engine_version, date FROM event_dates ORDER BY 1, 2, 3").fetchall()
        expected = conn.execute(
            "SELECT DISTINCT a.content_hash, a.engine_version, json_extract(e.value, '$.date') AS d FROM analyses a, "
            "json_each(a.data, '$.events') e WHERE d IS NOT NULL AND substr(d, 1, 1) != 'X' ORDER BY 1, 2, 3"
        ).fetchall()
    finally:
        conn.close()
    assert rows == expected and rows
