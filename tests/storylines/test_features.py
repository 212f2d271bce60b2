"""The act, the dates, the figures and the announcements one event gives the matcher."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.storylines.features import (
    act_family,
    announcement,
    date_interval,
    figures,
    figures_disagree,
    stem,
    trigger_family,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("resigned", "stepped down"), ("quit", "resignation"), ("exchanged", "swapped"), ("met", "held talks"),
     ("denied", "denies"), ("freed", "released")],
)
def test_verbs_of_one_act_are_one_family(a, b):
    assert trigger_family(a) == trigger_family(b)


@pytest.mark.parametrize(
    ("noun", "verb"),
    [("resignation", "resigned"), ("decision", "decided"), ("refusal", "refused"), ("approval", "approves"),
     ("agreement", "agreed"), ("suspension", "suspended"), ("election", "elected"), ("opposition", "opposing"),
     ("nomination", "nominated"), ("acceptance", "accepted"), ("seizure", "seized"), ("discussions", "discussed")],
)
def test_a_noun_of_an_act_is_its_verb_family(noun, verb):
    assert trigger_family(noun) == trigger_family(verb)


@pytest.mark.parametrize(
    ("trigger", "text", "act"),
    [("announced", "The minister announced her decision to step down", "stepped down"),
     ("pledged", "The rebels have pledged to oppose the ceasefire", "opposed"),
     ("announced", "The party announced its support for the treaty on Monday", "backed"),
     ("decided", "He had decided to back the plans", "supported"),
     ("decision", "the decision to withdraw troops", "withdrew"),
     ("announced", "She announced that she would resign", "quit"),
     ("announced", "The army announced the release of 40 prisoners", "freed")],
)
def test_a_telling_verb_stands_for_the_act_it_tells(trigger, text, act):
    assert act_family(trigger, text) == trigger_family(act)


@pytest.mark.parametrize(
    ("trigger", "text"),
    [("announced", "He announced his decision not to resign"), ("announced", "They announced a new party"),
     ("vowed", "He vowed to the crowd that nothing would change"), ("threatened", "He threatened to resign")],
)
def test_no_act_told_keeps_the_verb_family(trigger, text):
    assert act_family(trigger, text) == trigger_family(trigger)


@pytest.mark.parametrize(
    ("trigger", "act"),
    [("plans to close", "closed"), ("began selling", "sold"), ("was allowed to bid", "bid"), ("set to visit", "visited")],
)
def test_a_trigger_that_shows_the_verb_governing_the_act_is_the_acts_family(trigger, act):
    assert trigger_family(trigger) == trigger_family(act)


def test_a_phrasal_verb_is_not_read_as_a_governed_act():
    assert trigger_family("set up") != trigger_family("up")
    assert trigger_family("threatened to resign") != trigger_family("resigned")


def test_other_acts_are_other_families():
    assert trigger_family("resigned") != trigger_family("attacked")
    assert trigger_family("has not resigned") == trigger_family("resigned")
    assert stem("planned") == stem("plans") == stem("planning")


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [("2005-03-16", "2005-03-16", "2005-03-16"), ("2005-03-16T12:30Z", "2005-03-16", "2005-03-16"),
     ("2025-W15", "2025-04-07", "2025-04-13"), ("2005-03", "2005-03-01", "2005-03-31"), ("2004-12", "2004-12-01", "2004-12-31"),
     ("2005-Q1", "2005-01-01", "2005-03-31"), ("2005-H2", "2005-07-01", "2005-12-31"), ("2004-WI", "2004-12-01", "2005-02-28"),
     ("2005", "2005-01-01", "2005-12-31"), ("199", "1990-01-01", "1999-12-31")],
)
def test_a_date_value_is_the_days_it_can_mean(value, lo, hi):
    assert date_interval(value) == (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))


@pytest.mark.parametrize("value", [None, "", "XXXX-05-15", "PRESENT_REF", "P3D"])
def test_an_unresolved_date_means_no_days(value):
    assert date_interval(value) is None


def test_figures_by_kind():
    found = {f.kind: f.value for f in figures("freed 1,200 prisoners and paid $2.5bn; 30 people were killed; up 4 per cent")}
    assert found == {"prisoners": 1200, "money": 2.5e9, "casualties": 30, "percent": 4}
    assert figures("elected in 2004 by 300 voters")[0].value == 300
    assert [f.approximate for f in figures("about 500 refugees")] == [True]


def test_figures_disagree_only_beyond_their_precision():
    assert figures_disagree(figures("1,000 prisoners"), figures("1,200 prisoners"))
    assert not figures_disagree(figures("about 1,000 prisoners"), figures("1,100 prisoners"))
    assert not figures_disagree(figures("rose from 10% to 12%"), figures("12%"))


def test_announced_means_dated_after_publication_or_told_as_what_will_happen():
    day = dt.date(2025, 4, 1)
    assert announcement("will resume talks next week", "hypothetical", date_interval("2025-W15"), day)
    assert announcement("is due to visit Berlin", "hypothetical", None, day)
    assert not announcement("could resume talks if asked", "hypothetical", None, day)
    assert not announcement("resumed talks", "asserted", date_interval("2025-03-30"), day)
    assert not announcement("did not resume talks", "negated", date_interval("2025-04-20"), day)
