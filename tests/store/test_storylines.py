"""Storylines in the library: matching as analyses arrive, the reader's splits and merges, removal,
corrections, marks for the sidebar, notes that follow an act, the dossier and the command line.

Analyses are written by hand (no engine), so each test says exactly which events there are.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.model import Actor, Analysis, Document, Event, Mention
from reader.store import Correction, Library, StoreError
from reader.store.corrections import EVENT_CATEGORY, MERGE


def _event(eid: str, text: str, trigger: str, category: str, agents: list[str], targets: list[str] = (),
           date: str | None = None, precision: str | None = "day", modality: str = "asserted") -> Event:
    return Event(
        id=eid, start=0, end=len(text), text=text, trigger=trigger, trigger_start=0, trigger_end=len(trigger),
        category=category, category_label="", summary=text, actors=[*agents, *targets], agents=list(agents),
        targets=list(targets), date=date, date_precision=precision if date else None, modality=modality,
    )


def add(library: Library, text: str, published: str, actors: dict[str, str], events: list[Event]) -> str:
    """A briefing whose analysis has these actors (id -> name) and events."""
    document = Document(text=text, title=text[:40], published=dt.date.fromisoformat(published), source=text[:40])
    briefing_id = library.add_document(document)
    analysis = Analysis(
        document=document,
        actors=[Actor(i, n, "GPE", mentions=[Mention(0, 1, n)]) for i, n in actors.items()],
        events=events,
    )
    library.put_analysis(briefing_id, analysis)
    return briefing_id


SWAP = "Russia and Ukraine exchanged 1,000 prisoners on Monday."


@pytest.fixture
def library():
    lib = Library.in_memory()
    yield lib
    lib.close()


def swap(library: Library, text: str = SWAP, published: str = "2025-05-20", date: str = "2025-05-19", eid: str = "E1",
         modality: str = "asserted") -> str:
    return add(library, text, published, {"A1": "Russia", "A2": "Ukraine"},
               [_event(eid, text, "exchanged", "08", ["A1", "A2"], date=date, modality=modality)])


def test_two_reports_of_one_act_are_one_item_with_the_reasons(library):
    a = swap(library)
    b = swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    items = library.storylines.items()
    assert len(items) == 1
    assert {s.briefing_id for s in items[0].sources} == {a, b}
    why = next(s.why for s in items[0].sources if s.why)
    assert any("trigger family 'exchange'" in r for r in why["reasons"])
    assert any("russia" in r and "ukraine" in r for r in why["reasons"] if r.startswith("participants"))
    assert items[0].conflicts == []


def test_an_act_of_another_week_or_other_actors_is_another_item(library):
    swap(library)
    swap(library, "Russia and Ukraine exchanged 1,000 prisoners on 2 June.", "2025-06-03", date="2025-06-02")
    add(library, "Israel and Hamas exchanged prisoners on Monday.", "2025-05-20", {"A1": "Israel", "A2": "Hamas"},
        [_event("E1", "Israel and Hamas exchanged prisoners on Monday.", "exchanged", "08", ["A1", "A2"], date="2025-05-19")])
    assert library.storylines.items() == []
    assert len(library.storylines.items(min_briefings=1)) == 3


def test_figures_and_denials_are_conflicts_with_their_sources(library):
    a = swap(library)
    b = swap(library, "Russia and Ukraine exchanged 1,200 prisoners on Monday.", "2025-05-21")
    c = swap(library, "Russia denied it exchanged prisoners with Ukraine on Monday.", "2025-05-22", modality="negated")
    (item,) = library.storylines.items(contradictions=True)
    fields = {c.field: c for c in item.conflicts}
    assert {v.briefing_id: v.value for v in fields["prisoners"].values} == {a: "1,000 prisoners", b: "1,200 prisoners"}
    assert {v.briefing_id for v in fields["happened"].values} == {a, b, c}
    assert item.to_dict()["conflicts"][0].keys() == {"field", "values"}


def test_reimporting_a_briefing_keeps_its_item(library):
    a = swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    (before,) = library.storylines.items()
    library.put_analysis(a, library.get_analysis(a))
    (after,) = library.storylines.items()
    assert after.id == before.id and len(after.sources) == 2


def test_removing_a_briefing_takes_its_sources_out(library):
    a = swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    library.remove_briefing(a)
    assert library.storylines.items() == []
    assert len(library.storylines.items(min_briefings=1)) == 1
    assert library.db.execute("SELECT count(*) FROM story_events WHERE briefing_id = ?", [a]).fetchone()[0] == 0


def test_a_split_is_remembered_when_the_briefing_is_analysed_again_and_undone(library):
    a = swap(library)
    b = swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    (item,) = library.storylines.items()
    kept, new = library.storylines.split(item.id, [(b, "E1")])
    assert kept != new and library.storylines.items() == []
    library.put_analysis(b, library.get_analysis(b))  # matched again from scratch: still apart
    assert library.storylines.items() == []
    assert library.storylines.undo_last()
    (again,) = library.storylines.items()
    assert {s.briefing_id for s in again.sources} == {a, b}


def test_a_merge_joins_what_the_matcher_kept_apart_and_is_remembered(library):
    a = swap(library)
    b = add(library, "Kyiv got 1,000 soldiers back from Moscow.", "2025-05-21", {"A1": "Kyiv", "A2": "Moscow"},
            [_event("E1", "Kyiv got 1,000 soldiers back from Moscow.", "got back", "ACT", ["A1"], ["A2"], date="2025-05-19")])
    ids = [i.id for i in library.storylines.items(min_briefings=1)]
    merged = library.storylines.merge(ids)
    (item,) = library.storylines.items()
    assert item.id == merged and {s.briefing_id for s in item.sources} == {a, b}
    assert "joined by the reader" in json.dumps([s.why for s in item.sources])
    library.put_analysis(a, library.get_analysis(a))
    assert len(library.storylines.items()) == 1


def test_the_alias_book_and_a_briefing_correction_reach_the_matching(library):
    swap(library)
    b = add(library, "Moscow and Kyiv swapped 1,000 prisoners on Monday.", "2025-05-21", {"A1": "Moscow", "A2": "Kyiv"},
            [_event("E1", "Moscow and Kyiv swapped 1,000 prisoners on Monday.", "swapped", "ACT", ["A1", "A2"], date="2025-05-19")])
    assert library.storylines.items() == []
    library.add_correction(Correction(MERGE, "Moscow", "Russia"))
    library.add_correction(Correction(EVENT_CATEGORY, "Moscow and Kyiv swapped 1,000 prisoners on Monday.", "08",
                                      briefing_id=b, trigger="swapped"))
    (item,) = library.storylines.items()
    assert len(item.sources) == 2


def test_an_announcement_is_upcoming_then_happened_and_the_later_report_is_linked(library):
    text = "Russia and Ukraine will resume talks in Istanbul next week."
    a = add(library, text, "2025-04-01", {"A1": "Russia", "A2": "Ukraine"},
            [_event("E1", text, "resume", "04", ["A1", "A2"], date="2025-W15", precision="week", modality="hypothetical")])
    (announced,) = library.storylines.upcoming(as_of=dt.date(2025, 4, 2))
    assert (announced.status, announced.due, announced.source.briefing_id) == ("upcoming", dt.date(2025, 4, 13), a)
    assert library.storylines.upcoming(as_of=dt.date(2025, 5, 1))[0].status == "overdue"
    assert library.storylines.marks(a, as_of=dt.date(2025, 5, 1))["E1"].overdue
    later = "Russia and Ukraine resumed talks in Istanbul on Tuesday."
    b = add(library, later, "2025-04-09", {"A1": "Russia", "A2": "Ukraine"},
            [_event("E1", later, "resumed", "04", ["A1", "A2"], date="2025-04-08")])
    (announced,) = library.storylines.upcoming(as_of=dt.date(2025, 5, 1))
    assert announced.status == "happened" and announced.happened_in.briefing_id == b
    assert announced.to_dict()["happened_in"] == {"briefing_id": b, "quote": later}
    assert not library.storylines.marks(a, as_of=dt.date(2025, 5, 1))["E1"].overdue


def test_a_note_on_an_event_shows_beside_the_same_act_in_another_briefing(library):
    a = swap(library)
    b = swap(library, "Ukraine and Russia exchanged 1,200 prisoners on Monday, Kyiv said.", "2025-05-21")
    event = library.analysis_for(a).events[0]
    note = library.add_event_note(a, event, "The POW exchange: check the numbers")
    marks = library.storylines.marks(b)
    assert [n.id for n in marks["E1"].notes] == [note.id]
    assert marks["E1"].briefings == 2 and marks["E1"].conflicts == ["prisoners"]
    assert library.storylines.marks(a)["E1"].notes == []  # its own note is in its own notes already


def test_the_dossier_and_what_is_new_since_it_was_read(library):
    swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    library.add_actor_note("Ukraine", "Watch the next swap")
    dossier = library.storylines.dossier("Ukraine", library.briefings_mentioning("Ukraine"))
    assert dossier.seen_at is None and len(dossier.briefings) == 2 and len(dossier.items) == 1
    assert dossier.co_actors == [("Russia", 2)]
    assert [n.body for n in dossier.notes] == ["Watch the next swap"]
    assert dossier.to_dict()["network"] == []
    library.storylines.mark_dossier_seen("Ukraine")
    assert library.storylines.dossier("Ukraine", []).new_items == []
    add(library, "Russia attacked Ukraine on 1 June.", "2025-06-02", {"A1": "Russia", "A2": "Ukraine"},
        [_event("E1", "Russia attacked Ukraine on 1 June.", "attacked", "19", ["A1"], ["A2"], date="2025-06-01")])
    dossier = library.storylines.dossier("Ukraine", library.briefings_mentioning("Ukraine"))
    assert len(dossier.new_items) == 1 and len(dossier.new_briefings) == 1
    assert [(e.agent, e.target, e.category) for e in dossier.edges] == [("Russia", "Ukraine", "19")]


def test_reading_storylines_never_writes(library):
    swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    before = library.db.conn.total_changes
    library.storylines.items()
    library.storylines.upcoming()
    library.storylines.dossier("Russia", [])
    library.storylines.marks(library.list_briefings()[0].id)
    assert library.db.conn.total_changes == before


def test_a_split_needs_sources_on_both_sides(library):
    swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    (item,) = library.storylines.items()
    with pytest.raises(StoreError):
        library.storylines.split(item.id, [(s.briefing_id, s.event_id) for s in item.sources])


def test_rebuild_matches_what_is_cached_again(library):
    swap(library)
    swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    library.db.execute("DELETE FROM story_items")
    assert library.storylines.rebuild() == 2
    assert len(library.storylines.items()) == 1


def test_the_command_line_prints_the_issues_json_shapes(tmp_path, capsys):
    from reader.cli import main

    db = tmp_path / "library.db"
    with Library.open(db) as library:
        swap(library)
        swap(library, "Russia and Ukraine exchanged 1,200 prisoners on Monday.", "2025-05-21")
        text = "Russia and Ukraine will resume talks in Istanbul next week."
        add(library, text, "2025-04-01", {"A1": "Russia", "A2": "Ukraine"},
            [_event("E1", text, "resume", "04", ["A1", "A2"], date="2025-W15", precision="week", modality="hypothetical")])
    assert main(["storylines", "--db", str(db), "--contradictions", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert {"id", "category", "summary", "date", "sources", "conflicts"} <= item.keys()
    assert {"briefing_id", "event_id", "start", "end", "quote", "modality", "date"} <= item["sources"][0].keys()
    assert item["conflicts"][0]["field"] == "prisoners"
    assert main(["upcoming", "--db", str(db), "--as-of", "2025-06-01", "--json"]) == 0
    (announced,) = json.loads(capsys.readouterr().out)
    assert announced.keys() == {"summary", "due", "status", "source", "happened_in"}
    assert (announced["status"], announced["due"], announced["happened_in"]) == ("overdue", "2025-04-13", None)
    assert main(["dossier", "Russia", "--db", str(db), "--json"]) == 0
    dossier = json.loads(capsys.readouterr().out)
    assert dossier["name"] == "Russia" and len(dossier["briefings"]) == 3
    assert main(["storylines", "--db", str(db), "--actor", "Ukraine"]) == 0
    assert "prisoners" in capsys.readouterr().out


def test_a_repaired_library_keeps_the_readers_splits_and_matches_again(tmp_path):
    from reader.store.repair import repair

    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        swap(lib)
        b = swap(lib, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
        (item,) = lib.storylines.items()
        lib.storylines.split(item.id, [(b, "E1")])
        swap(lib, "Russia and Ukraine swapped 1,000 prisoners on Monday.", "2025-05-22", eid="E2")
        before = sorted(sorted(s.briefing_id for s in i.sources) for i in lib.storylines.items(min_briefings=1))
    out = tmp_path / "repaired.db"
    repair(path, out)
    with Library.open(out) as lib:
        after = sorted(sorted(s.briefing_id for s in i.sources) for i in lib.storylines.items(min_briefings=1))
    assert after == before and len(after) == 2  # items matched again, the split still holds


def test_briefings_from_before_storylines_are_matched_by_the_first_command_that_reads_them(tmp_path, capsys, from_before_storylines):
    from reader.cli import main

    db = tmp_path / "library.db"
    with Library.open(db) as library:
        swap(library)
        swap(library, "Ukraine and Russia exchanged 1,000 prisoners on Monday, Kyiv said.", "2025-05-21")
    from_before_storylines(db)
    with Library.open(db) as library:
        assert library.storylines.pending() == 2 and library.storylines.items() == []  # reading never writes
    assert main(["storylines", "--db", str(db), "--json"]) == 0
    out = capsys.readouterr()
    assert "matched 2 briefings from before storylines" in out.err
    (item,) = json.loads(out.out)
    assert len(item["sources"]) == 2
    with Library.open(db) as library:
        assert library.storylines.pending() == 0
    assert main(["storylines", "--db", str(db), "--json"]) == 0
    assert "from before" not in capsys.readouterr().err  # once


def test_matching_the_briefings_from_before_goes_in_batches_and_a_removed_one_leaves_the_queue(tmp_path, from_before_storylines):
    db = tmp_path / "library.db"
    with Library.open(db) as library:
        ids = [swap(library, f"Russia and Ukraine exchanged {n} prisoners on Monday.", f"2025-05-2{n}") for n in range(1, 4)]
    from_before_storylines(db)
    with Library.open(db) as library:
        library.remove_briefing(ids[0])
        assert library.storylines.pending() == 2
        assert library.storylines.match_pending(1) == 1
        assert library.storylines.match_pending(1) == 0
        assert len(library.storylines.items(min_briefings=1)) == 1
