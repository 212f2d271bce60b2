"""Same act or not, and the conflicts of one item, on events written by hand."""

from __future__ import annotations

import datetime as dt

from reader.model import Event
from reader.storylines.matching import Groups, conflicts, fold, match, same_actor, story_event

NAMES = {"A1": "Russia", "A2": "Ukraine", "A3": "Israel", "A4": "Hamas"}


def ev(briefing: str, text: str, trigger: str = "exchanged", category: str = "08", agents=("A1", "A2"), targets=(),
       date: str | None = "2025-05-19", modality: str = "asserted", published: str = "2025-05-20"):
    event = Event("E1", 0, len(text), text, trigger, 0, 0, category, "", text, actors=[*agents, *targets],
                  agents=list(agents), targets=list(targets), date=date, date_precision="day" if date else None,
                  modality=modality)
    return story_event(event, briefing, dt.date.fromisoformat(published), NAMES, {})


def test_names_fold_and_alike():
    assert fold("Robert Kilroy-Silk") == fold("robert kilroy silk")
    assert same_actor("UK Independence Party", "London UKIP")
    assert not same_actor("Conservative Party", "Labour Party")


def test_one_act_in_two_briefings_matches_with_its_reasons():
    found = match(ev("a", "Russia and Ukraine exchanged 1,000 prisoners"), ev("b", "Ukraine and Russia swapped POWs", "swapped"))
    assert found is not None and len(found.reasons) == 3


def test_not_the_same_act():
    a = ev("a", "Russia and Ukraine exchanged prisoners")
    assert match(a, ev("a", "Russia and Ukraine exchanged prisoners")) is None  # one briefing: the engine's business
    assert match(a, ev("b", "Israel and Hamas exchanged prisoners", agents=("A3", "A4"))) is None
    assert match(a, ev("b", "Russia attacked Ukraine", "attacked", "19", ("A1",), ("A2",))) is None
    assert match(a, ev("b", "Russia and Ukraine exchanged prisoners", date="2025-06-19", published="2025-06-20")) is None
    assert match(a, ev("b", "Russia and Ukraine should exchange prisoners", modality="hypothetical", date=None)) is None


def test_statements_must_say_the_same_thing():
    a = ev("a", "Russia said the talks had failed", "said", "01", ("A1",), date=None)
    assert match(a, ev("b", "Russia said the talks had failed completely", "said", "01", ("A1",), date=None))
    assert match(a, ev("b", "Russia said grain exports would rise", "said", "01", ("A1",), date=None)) is None


def test_an_act_told_by_another_verb_matches_the_act_across_categories():
    done = ev("b", "Russia withdrew from the treaty", "withdrew", "16", ("A1",), date=None)
    told = ev("a", "Russia announced its decision to withdraw from the treaty", "announced", "01", ("A1",), date=None)
    found = match(told, done)
    assert found is not None and "category ACT/16" in found.reasons[0]
    pledged = ev("a", "Ukraine pledged to oppose the grain deal", "pledged", "03", ("A2",), date=None)
    assert match(pledged, ev("b", "Ukraine opposes the grain deal", "opposes", "11", ("A2",), date=None))


def test_an_act_told_still_needs_its_doers_dates_and_no_refusal():
    done = ev("b", "Russia withdrew from the treaty", "withdrew", "16", ("A1",), date=None)
    assert match(ev("a", "Israel announced its decision to withdraw from the treaty", "announced", "01", ("A3",),
                    date=None), done) is None
    assert match(ev("a", "Russia announced its decision not to withdraw from the treaty", "announced", "01", ("A1",),
                    date=None), done) is None
    assert match(ev("a", "Russia threatened to withdraw from the treaty", "threatened", "13", ("A1",), date=None),
                 done) is None
    assert match(ev("a", "Russia announced its decision to withdraw from the treaty", "announced", "01", ("A1",),
                    date="2025-09-01", published="2025-09-02"), ev("b", "Russia withdrew from the treaty", "withdrew",
                    "16", ("A1",))) is None


def test_a_noun_of_an_act_matches_its_verb():
    assert match(ev("a", "Israel's release of the prisoners", "release", "ACT", ("A3",), date=None),
                 ev("b", "Israel freed the prisoners", "freed", "08", ("A3",), date=None))


def test_conflicts_side_by_side():
    items = [ev("a", "exchanged 1,000 prisoners on Monday"), ev("b", "exchanged 1,200 prisoners on Monday"),
             ev("c", "did not exchange prisoners", modality="negated")]
    found = {c.field: [(v.value, v.briefing_id) for v in c.values] for c in conflicts(items)}
    assert found["prisoners"] == [("1,000 prisoners", "a"), ("1,200 prisoners", "b")]
    assert ("no (denied or negated)", "c") in found["happened"]
    assert conflicts([ev("a", "exchanged 1,000 prisoners"), ev("b", "swapped 1,000 prisoners")]) == []


def test_a_day_apart_is_no_date_conflict_but_four_days_are():
    assert conflicts([ev("a", "x"), ev("b", "x", date="2025-05-20")]) == []
    assert [c.field for c in conflicts([ev("a", "x"), ev("b", "x", date="2025-05-23")])] == ["date"]


def test_groups_keep_pairs_apart_and_chains_from_joining_what_cannot_agree():
    keys = [("a", "1"), ("b", "1"), ("c", "1")]
    groups = Groups(keys, {frozenset((("a", "1"), ("c", "1")))})
    assert groups.union(keys[0], keys[1]) and not groups.union(keys[1], keys[2])
    assert groups.union(keys[1], keys[2], force=True)
    dated = Groups(keys, set(), dates=lambda x, y: {x[0], y[0]} != {"a", "c"})
    assert dated.union(keys[0], keys[1]) and not dated.union(keys[1], keys[2])
