"""The library list's filter in the store finds what the window's filter box looked for, from indexes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from reader.model import Document
from reader.store import Library
from reader.store.list_filter import words

from .fakes import fake_analysis
from .older import old_library

PLACES = ["Borduria", "Syldavia", "Klow", "Szohôd", "ŞİRNAK"]


def _fill(lib: Library, n: int) -> list[str]:
    ids = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = f"Talks {i} in {place}.\nErdoğan met Zelensky.\n" + ("Turkey met Russia.\n" if i % 3 == 0 else "")
        document = Document(text=text, title=f"Water talks {i:03} in {place}", source=f"/desk/{'cables' if i % 4 else 'wires'}/{i}.txt")
        document.published = None if i % 6 == 0 else dt.date(2024, 1 + i % 12, 1 + i % 28)
        bid = lib.add_document(document)
        lib.put_analysis(bid, fake_analysis(document))
        ids.append(bid)
    return ids


def _expected(lib: Library, text: str) -> list[str]:
    """Every briefing whose title, source, date or any actor name holds each word (read the slow way)."""
    found = []
    for b in lib.list_briefings(top_actors=0):
        names = [r[0] for r in lib.db.execute("SELECT name FROM briefing_actors WHERE briefing_id = ?", [b.id])]
        fields = [b.title, b.source, b.published.isoformat() if b.published else "", *names]
        if all(any(w in f.casefold() for f in fields) for w in words(text)):
            found.append(b.id)
    return found


@pytest.mark.parametrize(
    "text",
    ["borduria", "BORDURIA", "talks 01", "wires", "2024-03", "zelensky", "russia", "russia wires", "szohôd", "şirnak",
     "in", "7", "nothing-like-this", "er", "water borduria erdoğan", '"quoted"', "50%", "a_b"],
)
@pytest.mark.parametrize("rare", [1000, 4], ids=["looked-up", "common-scanned"])
def test_the_filter_finds_what_reading_every_briefing_finds(library, monkeypatch, text, rare):
    from reader.store import list_filter

    monkeypatch.setattr(list_filter, "RARE", rare)  # below it a word is looked up in the indexes; else rows are tested in order
    _fill(library, 40)
    expected = _expected(library, text)
    found = library.list_briefings(matching=text)
    assert [b.id for b in found] == expected  # newest imported first, as the unfiltered list
    assert library.count_briefings(matching=text) == len(expected)
    assert library.count_briefings(matching=text, at_most=3) == min(len(expected), 4)
    assert [b.id for b in library.list_briefings(matching=text, sort="title", descending=False, limit=3, offset=1)] == [
        b.id for b in library.list_briefings(sort="title", descending=False) if b.id in set(expected)
    ][1:4]


def test_a_rare_word_is_found_without_reading_the_list(library):
    _fill(library, 30)
    plan = " ".join(
        str(r[-1]) for r in library.db.execute(
            "EXPLAIN QUERY PLAN SELECT b.id FROM briefings b WHERE b.rowid IN "
            "(SELECT rowid FROM briefing_labels WHERE briefing_labels MATCH ?)", ['"klow"']
        )
    )
    assert "VIRTUAL TABLE INDEX" in plan and [b.title for b in library.list_briefings(matching="klow")]


def test_the_filter_follows_new_retitled_redated_and_removed_briefings_and_actor_corrections(library):
    ids = _fill(library, 12)
    assert library.count_briefings(matching="vulgaria") == 0
    library.set_published(ids[1], dt.date(1999, 9, 9))
    library.remove_briefing(ids[2])
    library.db.execute("UPDATE briefings SET title = 'Vulgaria summit' WHERE id = ?", [ids[3]])
    from reader.store import Correction

    library.add_correction(Correction("rename", "Zelensky", "Carpania's president", briefing_id=ids[4]))
    for text in ("vulgaria", "1999-09", "borduria", "carpania", "zelensky"):
        assert [b.id for b in library.list_briefings(matching=text)] == _expected(library, text)
    assert ids[2] not in {b.id for b in library.list_briefings(matching="talks")}


def test_an_older_library_gets_the_filter_indexes_when_upgraded(tmp_path: Path):
    path = tmp_path / "library.db"
    old_library(path)
    with Library.open(path) as lib:
        assert [b.id for b in lib.list_briefings(matching="old brief")] == ["b1"]
        assert lib.list_briefings(matching="ankara") == []  # the text is search's, not the list's
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM briefing_labels WHERE briefing_labels MATCH '\"old\"'").fetchone() == (1,)
    finally:
        conn.close()


def test_rebuilding_the_search_indexes_rebuilds_the_filters_too(library):
    """A VACUUM may renumber the briefings' rowids, which the trigram index is keyed by, as search's is."""
    _fill(library, 8)
    library.db.execute("INSERT INTO briefing_labels (briefing_labels) VALUES ('delete-all')")
    assert library.list_briefings(matching="borduria") == []
    library.rebuild_search_index()
    assert [b.id for b in library.list_briefings(matching="borduria")] == _expected(library, "borduria") != []
