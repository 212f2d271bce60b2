"""Parties counted as a group (`reader.nlp.events.counted_parties`): "the two leaders", "the three
countries", "both parties" stand for the ones named just before, on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text


def rows(engine, text: str) -> dict[str, list[str]]:
    analysis = engine.analyze(document_from_text("Cabinet row\n\n" + text, published=dt.date(2024, 7, 10)))
    return {e.trigger: [analysis.actor(a).name for a in e.agents] for e in analysis.events}


@pytest.mark.parametrize(
    "text, trigger, doers",
    [
        ("Chad, Sudan and Libya left the customs union in January. The three countries signed a defence "
         "treaty in Bergen on July 6th.", "signed a defence treaty", ["Chad", "Sudan", "Libya"]),
        ("Ann Lund met Piet Hals in Bergen on Monday. The two leaders agreed to open the border.", "agreed",
         ["Ann Lund", "Piet Hals"]),
        ("The Labour Party and the Green Party criticised the budget. Both parties said they would vote against it.",
         "said", ["Labour", "Green Party"]),
        # a pronoun counts as the person it stands for ("she ... a threat from Hals": two people)
        ("Ann Lund took office in May, succeeding Eva Berg. Within weeks she was confronted by a threat from Piet Hals. "
         "The two leaders then spoke by telephone.", "spoke", ["Ann Lund", "Piet Hals"]),
    ],
)
def test_a_counted_group_is_the_parties_named_just_before(engine, text, trigger, doers):
    assert sorted(rows(engine, text)[trigger]) == sorted(doers)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # not counted back: new ones
        ("Chad, Sudan and Libya left the customs union. Three countries signed a treaty in Bergen.", "signed"),
        # more named than counted, and no list of that many: not guessed
        ("Ann Lund, Piet Hals and Eva Berg met in Bergen. The two leaders agreed to open the border.", "agreed"),
    ],
)
def test_a_group_not_counted_back_or_not_told_apart_names_nobody(engine, text, trigger):
    found = rows(engine, text)
    assert all(doers == [] for t, doers in found.items() if t.startswith(trigger))


def test_both_parties_are_not_two_places_each_named_once(engine):
    """ "Speaking in Leeds": a town named once as where someone spoke is no side of "both parties"."""
    text = ("Cabinet row\n\nConservative leader Tom Lane has accused the government of losing control of Britain's "
            "borders. Speaking in Leeds on Monday, Mr Lane said a Tory government would cut immigration. "
            "The Liberal Democrats accused both parties of stoking tension.")
    analysis = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1)))
    (accused,) = [e for e in analysis.events if e.trigger == "accused" and e.start > 100]
    assert accused.targets == []


def test_the_two_sides_after_a_meeting_are_who_met(engine):
    """ "Lane met Berg in Vik, and the two sides signed agreements": the one who met and the one met."""
    text = ("State visit\n\nMr Tom Lane met Vestian President Ivo Berg in Vik on 9 March, and the two sides signed "
            "agreements worth $10bn.")
    analysis = engine.analyze(document_from_text(text))
    signed = next(e for e in analysis.events if e.trigger.startswith("signed"))
    assert {analysis.actor(i).name for i in signed.agents} == {"Tom Lane", "Ivo Berg"}
