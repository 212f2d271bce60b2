"""An actor's timeline page from the actor index is exactly their whole timeline cut there."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from reader.model import Document
from reader.store import Correction, Library
from reader.store.timeline_index import first_page, page_after

from .fakes import fake_analysis
from .older import before_the_actor_index

DATES = ["2024-03-01", "2023-11-30", None, "XXXX-05-15", "2024-03-01", "2022-01-07", "2025", "2024-W10", ""]


def _fill(lib: Library, n: int) -> list[str]:
    """Briefings whose analyses spell some names in other cases (ERDOĞAN, zelensky), as engines do."""
    ids = []
    for i in range(n):
        text = f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey met Ukraine again.\nRussia met Turkey, {i}.\n"
        document = Document(text=text, title=f"B{i:03}", source=f"{i}.txt")
        document.published = None if i % 7 == 0 else dt.date(2024, 1 + i % 12, 1 + i % 27)
        bid = lib.add_document(document)
        analysis = fake_analysis(document)
        for actor in analysis.actors:
            if i % 5 == 1 and actor.name == "Erdoğan":
                actor.name = "ERDOĞAN"  # folds to erdoğan only with str.casefold, not SQLite's lower()
            if i % 4 == 2 and actor.name == "Zelensky":
                actor.name = "zelensky"
        for k, event in enumerate(analysis.events):
            event.date = DATES[(i * 3 + k) % len(DATES)]
        lib.put_analysis(bid, analysis)
        ids.append(bid)
    return ids


def _key(entries):
    return [(e.briefing_id, e.event.id, e.event.date, e.agents, e.targets, e.actors, e.briefing_title, e.published) for e in entries]


def _expected_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """What event_actors must hold, computed in Python from every cached analysis."""
    conn = sqlite3.connect(path)
    try:
        rows = set()
        for digest, version, data in conn.execute("SELECT content_hash, engine_version, data FROM analyses"):
            analysis = json.loads(data)
            names = {a["id"]: a["name"] for a in analysis["actors"]}
            for event in analysis["events"]:
                date = event.get("date")
                if date is None or date.startswith("X"):
                    continue
                for i in event["agents"] + event["targets"] + event["actors"]:
                    rows.add((digest, version, date, names.get(i, i)))
        return sorted(rows)
    finally:
        conn.close()


def _rows(path: Path) -> list[tuple[str, str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT content_hash, engine_version, date, name FROM event_actors ORDER BY 1, 2, 3, 4").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("actor", ["Erdoğan", "zelensky", "Turkey"])
@pytest.mark.parametrize("limit", [1, 3, 8, 20])
def test_an_actors_first_page_from_the_index_is_their_whole_timeline_cut(library, actor, limit):
    _fill(library, 30)
    whole = library.timeline(actor)
    assert len(whole) > 20 and len(whole) < len(library.timeline())
    page = first_page(library._timeline, limit, actor)
    assert page is not None  # from the index, not the whole read
    assert _key(page) == _key(whole[:limit])
    assert _key(library.timeline(actor, limit=limit)) == _key(whole[:limit])


def test_every_spelling_of_a_name_is_found(library):
    _fill(library, 12)
    assert {n for e in library.timeline("Erdoğan", limit=40) for n in e.actors} >= {"Erdoğan", "ERDOĞAN"}
    assert _key(library.timeline("ERDOĞAN", limit=5)) == _key(library.timeline("erdoğan")[:5])


@pytest.mark.parametrize("limit", [1, 4, 9])
def test_the_pages_after_an_entry_walk_the_actors_whole_timeline_with_corrections(library, limit):
    ids = _fill(library, 30)
    zelensky = next(e for e in library.analysis_for(ids[5]).events if "Zelensky" in e.text)
    library.add_correction(Correction("event_date", zelensky.text, "2021-06-30", briefing_id=ids[5], trigger=zelensky.trigger, start=zelensky.start))
    first = library.timeline("Zelensky")[1]  # [0] is the one just re-dated to 2021
    library.add_correction(Correction("dismiss_event", first.event.text, briefing_id=first.briefing_id, trigger=first.event.trigger, start=first.event.start))
    library.add_correction(Correction("rename", "Russia", "Zelensky", briefing_id=ids[8]))  # now takes part there
    library.add_correction(Correction("rename", "Zelensky", "Volodymyr Zelensky"))
    library.add_correction(Correction("merge", "Ukraine", "Turkey"))
    for actor in ("Volodymyr Zelensky", "zelensky", "Turkey", "Ukraine"):
        whole = library.timeline(actor)
        assert whole
        assert first_page(library._timeline, limit, actor) is not None
        walked = library.timeline(actor, limit=limit)
        while len(walked) < len(whole):
            page = library.timeline(actor, limit=limit, after=walked[-1])
            assert page
            walked += page
        assert _key(walked) == _key(whole)
    whole = library.timeline("Volodymyr Zelensky")
    dates = [e.event.date for e in whole]
    assert "2021-06-30" in dates and all(d in ("", "2021-06-30") for d in dates[: dates.index("2021-06-30")])
    assert ids[8] in {e.briefing_id for e in whole}
    assert first.event.id not in {e.event.id for e in whole if e.briefing_id == first.briefing_id}
    page = page_after(library._timeline, whole[1], limit, "Volodymyr Zelensky")
    assert page is not None and _key(page) == _key(whole[2 : 2 + limit])


def test_the_index_follows_every_analysis_put_replaced_and_removed(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        ids = _fill(lib, 12)
        lib.remove_briefing(ids[0])
        analysis = fake_analysis(lib.get_briefing(ids[1]).document)
        for event in analysis.events:
            event.date = "1990-02-02"
        lib.put_analysis(ids[1], analysis)
        assert lib.timeline_index_pending() == 0
    rows = _rows(path)
    assert rows == _expected_rows(path) and ("1990-02-02" in {r[2] for r in rows})
    assert {r[3] for r in rows} >= {"ERDOĞAN", "Erdoğan", "zelensky", "Zelensky"}


def test_an_older_library_is_indexed_after_its_upgrade_in_batches_and_reads_everything_until_then(tmp_path):
    path = tmp_path / "old.db"
    with Library.open(path) as lib:
        _fill(lib, 20)
        whole = lib.timeline("Zelensky")
    before_the_actor_index(path)
    with Library.open(path) as lib:
        assert lib.backup is not None and lib.timeline_index_pending() == 20
        assert first_page(lib._timeline, 3, "Zelensky") is None  # not from a half-built index
        assert _key(lib.timeline("Zelensky", limit=3)) == _key(whole[:3])
        left = [lib.index_timeline_pending(limit=6) for _ in range(4)]
        assert left == [14, 8, 2, 0]
        assert _key(first_page(lib._timeline, 3, "Zelensky") or []) == _key(whole[:3])
    assert _rows(path) == _expected_rows(path)
