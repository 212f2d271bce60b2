"""reader/store/bulk.py: analyses made elsewhere load into the library a plain import would have made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.store import Correction, Library, StoreError
from reader.store.bulk import load_analyses
from reader.store.records import ImportReport

from .fakes import FakeEngine, fake_analysis, write


def _records(folder: Path) -> list[dict]:
    """What analyze-archive writes for the files of `folder` (sources named as import_paths names them)."""
    records = []
    for path in sorted(folder.iterdir()):
        document = load_document(path)
        document.source = str(path.resolve())
        records.append(fake_analysis(document).to_dict())
    return records


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    for i in range(n):
        write(folder, f"{i:03}.txt", f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey and Ukraine, day {i}.\n")
    return folder


def _rows(path: Path) -> tuple[list, list, list, list]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT id, title, format, source, content_hash, published, published_origin, structure, text FROM briefings ORDER BY id").fetchall(),
            conn.execute("SELECT content_hash, engine_version, data FROM analyses ORDER BY content_hash").fetchall(),
            conn.execute("SELECT * FROM briefing_actors ORDER BY briefing_id, name_key").fetchall(),
            conn.execute("SELECT rowid FROM briefings_fts WHERE briefings_fts MATCH 'zelensky' ORDER BY rank").fetchall(),
            # The indexes the loader fills a batch at a time, where import_paths' triggers fill them row by row:
            conn.execute("SELECT content_hash, engine_version, date, name FROM event_actors ORDER BY 1, 2, 3, 4").fetchall(),
            conn.execute("SELECT name FROM event_actor_names ORDER BY name").fetchall(),
            conn.execute("SELECT name_key FROM actor_name_keys ORDER BY name_key").fetchall(),
            conn.execute("SELECT b.id FROM briefing_labels l JOIN briefings b ON b.rowid = l.rowid "
                         "WHERE briefing_labels MATCH '\"txt\"' ORDER BY b.id").fetchall(),
            conn.execute("SELECT count(*) FROM indexes_deferred").fetchall(),
        )
    finally:
        conn.close()


@pytest.mark.parametrize("global_correction", [False, True], ids=["direct", "with-alias-book"])
def test_a_bulk_load_stores_what_import_paths_stores(tmp_path, global_correction):
    folder = _folder(tmp_path, 23)
    records = _records(folder) + _records(folder)[:2]  # a text twice: the second copy is unchanged
    with Library.open(tmp_path / "plain.db") as plain, Library.open(tmp_path / "bulk.db") as bulk:
        for lib in (plain, bulk):
            if global_correction:
                lib.add_correction(Correction("rename", "Zelensky", "Volodymyr Zelensky"))
        plain.import_paths([folder], FakeEngine())
        said: list[tuple[int, int]] = []
        report = load_analyses(bulk, records, len(records), progress=lambda d, t, s: said.append((d, t)), batch=5)
        assert len(report.added) == 23 and len(report.unchanged) == 2
        assert said == [(i, 25) for i in range(1, 26)]
        assert plain.list_briefings(limit=5) and [s.top_actors for s in plain.list_briefings()] == [s.top_actors for s in bulk.list_briefings()]
    a, b = _rows(tmp_path / "plain.db"), _rows(tmp_path / "bulk.db")
    assert a[0] == b[0] and a[1] == b[1] and a[2] == b[2] and a[3] == b[3]
    assert a[4:] == b[4:] and a[4] and a[5] and a[6] and len(a[7]) == 23 and b[8] == [(0,)]


def test_a_changed_text_from_a_known_file_updates_its_briefing_and_keeps_its_notes(library, tmp_path):
    folder = _folder(tmp_path, 2)
    load_analyses(library, _records(folder), 2)
    bid = library.list_briefings(sort="title", descending=False)[0].id
    note = library.add_note(bid, "On Istanbul", quote="Istanbul")
    write(folder, "000.txt", "Briefing 0, revised.\nErdoğan met Zelensky in Istanbul.\n")
    report = load_analyses(library, _records(folder), 2)
    assert report.updated == [bid] and len(report.unchanged) == 1
    kept = library.get_note(note.id)
    assert kept is not None and kept.anchor is not None and kept.anchor.quote == "Istanbul"
    assert "revised" in library.get_briefing(bid).document.text


def test_a_cancelled_load_keeps_whole_batches_and_the_next_load_finishes(library, tmp_path):
    records = _records(_folder(tmp_path, 30))
    said: list[int] = []
    report = load_analyses(library, records, 30, progress=lambda d, t, s: said.append(d), cancel=lambda: len(said) >= 10, batch=10)
    assert report.cancelled and library.count_briefings() == 10 == len(said)
    again = load_analyses(library, records, 30)
    assert len(again.added) == 20 and len(again.unchanged) == 10


def test_an_analysis_of_another_engine_version_is_refused_and_its_batch_is_not_kept(library, tmp_path):
    records = _records(_folder(tmp_path, 4))
    records[3]["engine_version"] = "0.0.1+old"
    report = load_analyses(library, records, 4, batch=2)
    assert "analysed by engine 0.0.1+old" in report.stopped
    assert library.count_briefings() == 2  # the first batch; nothing of the second


def test_a_read_only_library_refuses_a_bulk_load(tmp_path):
    path = tmp_path / "lib.db"
    Library.open(path).close()
    with Library.open(path) as lib:
        lib.conn.refusal = "the library is read-only"
        with pytest.raises(StoreError, match="read-only"):
            load_analyses(lib, [], 0, report=ImportReport())


def test_the_load_settings_are_restored_after_it(library, tmp_path):
    load_analyses(library, _records(_folder(tmp_path, 3)), 3)
    assert library.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: notes survive a power cut
    assert library.db.execute("PRAGMA cache_size").fetchone()[0] == -32000
    assert library.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
