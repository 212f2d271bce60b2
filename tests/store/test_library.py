import datetime as dt
from pathlib import Path

import pytest

from reader.model import Analysis, Document
from reader.store import Correction, Library, StoreError
from reader.store.corrections import MERGE, RENAME

from .fakes import FakeEngine, fake_analysis, write

ISTANBUL = "Talks in Istanbul.\nErdoğan hosted Zelensky on Thursday.\nRussia did not attend the negotiations.\n"
KYIV = "Zelensky returned to Kyiv.\nUkraine and Turkey signed a grain deal.\n"


def test_import_analyses_once_and_reimport_is_a_no_op(library, fake_engine, tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", ISTANBUL)
    write(folder, "b.md", KYIV)
    write(folder, ".hidden/c.txt", "never imported")
    write(folder, "notes.pptx", "not a briefing")
    seen = []
    report = library.import_paths([folder], fake_engine, progress=lambda d, t, p: seen.append((d, t)))
    assert len(report.added) == 2 and not report.failed
    assert seen == [(1, 2), (2, 2)]
    assert library.count_briefings() == 2

    again = FakeEngine()
    report = library.import_paths([folder], again)
    assert report.added == [] and len(report.unchanged) == 2
    assert again.analysed == []  # unchanged files are never analysed again


def test_identical_files_in_one_batch_make_one_briefing(library, fake_engine, tmp_path):
    write(tmp_path / "in", "a.txt", ISTANBUL)
    write(tmp_path / "in", "copy of a.txt", ISTANBUL)
    report = library.import_paths([tmp_path / "in"], fake_engine)
    assert len(report.added) == 1 and len(report.unchanged) == 1
    assert library.count_briefings() == 1


def test_bad_files_are_reported_and_the_rest_imported(library, fake_engine, tmp_path):
    good = write(tmp_path, "good.txt", ISTANBUL)
    empty = write(tmp_path, "empty.txt", "   \n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    report = library.import_paths([empty, good, binary, tmp_path / "missing.txt"], fake_engine)
    assert len(report.added) == 1
    assert {p.split("/")[-1] for p, _ in report.failed} == {"empty.txt", "bin.txt", "missing.txt"}
    assert all(message for _, message in report.failed)


def test_cancel_keeps_what_was_imported(library, fake_engine, tmp_path):
    for i in range(10):
        write(tmp_path / "many", f"{i:02}.txt", f"Briefing number {i}.\nErdoğan met Zelensky.\n")
    report = library.import_paths([tmp_path / "many"], fake_engine, cancel=lambda: library.count_briefings() >= 3)
    assert report.cancelled
    assert library.count_briefings() == len(report.added) == 3


def test_reopening_uses_the_cached_analysis(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "a.txt", ISTANBUL)], fake_engine)
    (summary,) = library.list_briefings()
    assert summary.analysed

    class Exploding:
        def analyze_many(self, documents):
            raise AssertionError("spaCy must not run for a cached briefing")

    analysis = library.analysis_for(summary.id, Exploding())
    assert [a.name for a in analysis.actors] == ["Erdoğan", "Zelensky", "Russia"]
    assert analysis.document.text == ISTANBUL.strip()


def test_engine_version_change_invalidates_the_cache(library, fake_engine, tmp_path, monkeypatch):
    library.import_paths([write(tmp_path, "a.txt", ISTANBUL)], fake_engine)
    (summary,) = library.list_briefings()
    monkeypatch.setattr("reader.store.analyses.ENGINE_VERSION", "999")  # the cache is keyed on it
    assert library.analysis_for(summary.id) is None
    engine = FakeEngine()
    assert library.analysis_for(summary.id, engine) is not None
    assert len(engine.analysed) == 1


def test_list_sort_filter_and_top_actors(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "istanbul.txt", ISTANBUL), write(tmp_path, "kyiv.txt", KYIV)], fake_engine)
    by_title = library.list_briefings(sort="title", descending=False)
    assert [s.title for s in by_title] == ["istanbul.txt", "kyiv.txt"]
    assert by_title[0].top_actors == ["Erdoğan", "Russia", "Zelensky"]
    assert [s.title for s in library.list_briefings(actor="Russia")] == ["istanbul.txt"]
    assert len(library.briefings_mentioning("zelensky")) == 2
    assert [s.title for s in library.list_briefings(title_contains="kyiv")] == ["kyiv.txt"]
    with pytest.raises(StoreError):
        library.list_briefings(sort="colour")


def test_search_briefings_and_notes_with_snippets(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "istanbul.txt", ISTANBUL), write(tmp_path, "kyiv.txt", KYIV)], fake_engine)
    istanbul = library.list_briefings(title_contains="Istanbul")[0].id
    library.add_note(istanbul, "Compare with the **grain** corridor talks", quote="Istanbul")
    hits = library.search("grain")
    assert [h.kind for h in hits] == ["note", "briefing"]
    assert hits[0].briefing_id == istanbul and hits[0].note_id
    assert ("grain", True) in hits[1].parts()
    assert "[grain]" in hits[1].marked()
    # Stemming and accent folding: "negotiate" finds "negotiations", "erdogan" finds "Erdoğan".
    assert [h.briefing_id for h in library.search("negotiate")] == [istanbul]
    assert [h.briefing_id for h in library.search("erdogan")] == [istanbul]
    # FTS5 syntax is honoured, broken syntax falls back to plain words.
    assert {h.briefing_id for h in library.search("Kyiv OR Istanbul")} == {istanbul, library.list_briefings(title_contains="Kyiv")[0].id}
    assert library.search('"Talks in') != [] or library.search("Talks in") != []
    assert library.search("   ") == []


def test_notes_crud_highlights_and_bin(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "a.txt", ISTANBUL)], fake_engine)
    bid = library.list_briefings()[0].id
    note = library.add_note(bid, "first", quote="Zelensky")
    highlight = library.add_note(bid, "", start=0, end=5, color="yellow")
    whole = library.add_note(bid, "about the whole briefing")
    assert highlight.is_highlight and not note.is_highlight
    updated = library.update_note(note.id, body="second")
    assert updated.body == "second" and updated.updated_at >= note.updated_at
    assert [n.id for n in library.notes_for(bid)] == [highlight.id, note.id, whole.id]
    assert library.list_briefings()[0].note_count == 3
    library.delete_note(note.id)
    assert note.id not in [n.id for n in library.notes_for(bid)]
    assert [n.id for n in library.deleted_notes()] == [note.id]
    library.restore_note(note.id)
    assert library.get_note(note.id).body == "second"
    with pytest.raises(StoreError):
        library.add_note(bid, "x", quote="not in the text")
    with pytest.raises(StoreError):
        library.update_note("nope", body="x")


def test_notes_reanchor_after_reimport_and_orphans_are_kept(library, fake_engine, tmp_path):
    path = write(tmp_path, "a.txt", ISTANBUL)
    library.import_paths([path], fake_engine)
    bid = library.list_briefings()[0].id
    kept = library.add_note(bid, "the host", quote="Erdoğan hosted Zelensky")
    lost = library.add_note(bid, "absent", quote="did not attend")
    path.write_text("Update: a second day was added.\n" + ISTANBUL.replace("Russia did not attend the negotiations.\n", ""), encoding="utf-8")
    report = library.import_paths([path], FakeEngine())
    assert report.updated == [bid]  # same briefing, new text
    assert library.db.execute("SELECT count(*) FROM analyses").fetchone()[0] == 1  # the old text's is gone
    notes = {n.id: n for n in library.notes_for(bid)}
    text = library.get_briefing(bid).document.text
    moved = notes[kept.id]
    assert moved.status == "moved" and text[moved.anchor.start : moved.anchor.end] == "Erdoğan hosted Zelensky"
    assert notes[lost.id].orphaned and notes[lost.id].anchor.quote == "did not attend"
    assert notes[lost.id].body == "absent"


def test_actor_notes_follow_the_actor_across_briefings_and_renames(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "istanbul.txt", ISTANBUL), write(tmp_path, "kyiv.txt", KYIV)], fake_engine)
    ids = {s.title: s.id for s in library.list_briefings()}
    note = library.add_actor_note("Zelensky", "President of Ukraine since 2019", briefing_id=ids["istanbul.txt"])
    for bid in ids.values():
        assert note.id in [n.id for n in library.notes_for(bid)]
    library.add_correction(Correction(RENAME, "Zelensky", "Volodymyr Zelensky"))
    assert note.id in [n.id for n in library.notes_for(ids["kyiv.txt"])]
    assert len(library.briefings_mentioning("Volodymyr Zelensky")) == 2
    assert "Volodymyr Zelensky" in library.list_briefings(title_contains="Kyiv")[0].top_actors


def test_corrections_persist_and_reapply(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "istanbul.txt", ISTANBUL), write(tmp_path, "kyiv.txt", KYIV)], fake_engine)
    ids = {s.title: s.id for s in library.list_briefings()}
    istanbul = ids["istanbul.txt"]
    local = library.add_correction(Correction("not_actor", "Russia", briefing_id=istanbul))
    library.add_correction(Correction(MERGE, "Turkey", "Türkiye"))
    assert "Russia" not in [a.name for a in library.analysis_for(istanbul).actors]
    assert [s.id for s in library.briefings_mentioning("Russia")] == []
    assert "Türkiye" in [a.name for a in library.analysis_for(ids["kyiv.txt"]).actors]
    assert len(library.corrections(istanbul)) == 2 and len(library.corrections()) == 1
    library.delete_correction(local.id)
    assert "Russia" in [a.name for a in library.analysis_for(istanbul).actors]
    with pytest.raises(StoreError):
        library.add_correction(Correction("not_actor", "Russia"))  # not global


def test_timeline_across_briefings_filtered_by_actor(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "a.txt", ISTANBUL), write(tmp_path, "b.txt", KYIV)], fake_engine)
    everything = library.timeline()
    assert len(everything) == 2
    only = library.timeline(actor="Erdoğan")
    assert len(only) == 1 and only[0].agents == ["Erdoğan"] and only[0].targets == ["Zelensky"]
    assert library.timeline(actor="Nobody") == []
    library.add_correction(Correction(RENAME, "Zelensky", "Volodymyr Zelensky"))
    renamed = library.timeline(actor="volodymyr zelensky")
    assert len(renamed) == 1 and renamed[0].targets == ["Volodymyr Zelensky"]
    assert [e.event.id for e in library.timeline(limit=1)] == [everything[0].event.id]


def test_put_analysis_refuses_another_text(library):
    bid = library.add_document(Document(text="One text."))
    with pytest.raises(StoreError):
        library.put_analysis(bid, fake_analysis(Document(text="Another text.")))
    library.put_analysis(bid, Analysis(document=Document(text="One text.")))
    assert library.get_analysis(bid) is not None


def test_published_dates_round_trip(library):
    doc = Document(text="Dated.", title="T", published=dt.date(2025, 5, 20), published_origin="option")
    bid = library.add_document(doc)
    briefing = library.get_briefing(bid)
    assert briefing.document.published == dt.date(2025, 5, 20)
    assert library.list_briefings(published_from=dt.date(2025, 1, 1))[0].id == bid
    assert library.list_briefings(published_to=dt.date(2024, 1, 1)) == []


def test_resolve_id_and_remove(library):
    bid = library.add_document(Document(text="Something."))
    assert library.resolve_id(bid[:6]) == bid
    with pytest.raises(StoreError):
        library.resolve_id("zzzz")
    note = library.add_note(bid, "keep me")
    with pytest.raises(StoreError):
        library.remove_briefing(bid)
    library.remove_briefing(bid, delete_notes=True)
    assert library.get_briefing(bid) is None
    assert [n.id for n in library.deleted_notes()] == [note.id]  # in the bin, not gone


def test_in_memory_library():
    lib = Library.in_memory()
    bid = lib.add_document(Document(text="Memory only."))
    assert lib.search("memory")[0].briefing_id == bid


def test_real_engine_import(engine, tmp_path):
    """One import through spaCy: analyses are cached and re-opening needs no engine."""
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample-briefing.md"
    with Library.open(tmp_path / "lib.db") as lib:
        report = lib.import_paths([sample], engine)
        assert len(report.added) == 1, report.failed
        analysis = lib.analysis_for(report.added[0])
        assert analysis is not None and analysis.actors
        assert lib.list_briefings()[0].top_actors


def test_store_document_adds_updates_or_does_nothing(library, tmp_path):
    source = str(tmp_path / "opened.txt")
    state, bid = library.store_document(Document(text=ISTANBUL, source=source))
    assert state == "added"
    note = library.add_note(bid, "host", quote="Erdoğan hosted")
    assert library.store_document(Document(text=ISTANBUL, source=source)) == ("unchanged", bid)
    assert library.store_document(Document(text="Preface.\n" + ISTANBUL, source=source)) == ("updated", bid)
    (moved,) = library.notes_for(bid)
    assert moved.id == note.id and moved.status == "moved"
    state, other = library.store_document(Document(text=KYIV))  # pasted text: no source
    assert state == "added" and other != bid


def test_listing_notes_never_writes_and_reanchoring_is_an_explicit_step(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as first, Library.open(path, busy_timeout_ms=100) as second:
        bid = first.add_document(Document(text=ISTANBUL))
        note = first.add_note(bid, "host", quote="Erdoğan hosted")
        # the stored text moves on without the notes (as an older library may have left it)
        first.db.execute("UPDATE briefings SET text = ? WHERE id = ?", ["Preface.\n" + ISTANBUL, bid])
        first.db.conn.commit()
        first.db.execute("BEGIN IMMEDIATE")  # another instance holds the write lock
        try:
            changes = second.db.conn.total_changes
            (listed,) = second.notes_for(bid)  # no LibraryBusyError: a read takes no lock
            assert listed.anchor.start == note.anchor.start and second.db.conn.total_changes == changes
        finally:
            first.db.rollback()
        assert second.reanchor_notes(bid) == 1
        (moved,) = second.notes_for(bid)
        assert moved.anchor.start == note.anchor.start + len("Preface.\n") and moved.status == "moved"
        assert second.reanchor_notes(bid) == 0


def test_a_publication_date_the_reader_sets_is_the_briefings(library, fake_engine, tmp_path):
    path = write(tmp_path, "istanbul.txt", ISTANBUL)
    library.import_paths([path], fake_engine)
    (summary,) = library.list_briefings()
    assert library.analysis_for(summary.id) is not None
    chosen = dt.date(2025, 5, 20)
    library.set_published(summary.id, chosen)
    assert library.list_briefings()[0].published == chosen
    assert library.analysis_for(summary.id) is None  # the cached one was made against no date
    # An edited file keeps the reader's date.
    library.update_document(summary.id, Document(text=ISTANBUL + "Talks go on.\n", source=str(path)))
    document = library.get_briefing(summary.id).document
    assert (document.published, document.published_origin) == (chosen, "option")


def test_a_briefing_stored_under_an_older_title_takes_its_one_title_when_opened(library):
    briefing_id = library.add_document(Document(text=ISTANBUL))  # stored as its first line once
    assert library.get_briefing(briefing_id).title == "Talks in Istanbul."
    assert library.store_document(Document(text=ISTANBUL, title="istanbul.txt", source="/tmp/istanbul.txt")) == ("unchanged", briefing_id)
    assert library.get_briefing(briefing_id).title == "istanbul.txt"
    library.store_document(Document(text=ISTANBUL, source="clipboard"))  # pasted, no title of its own
    assert [s.title for s in library.list_briefings()] == ["istanbul.txt"]
