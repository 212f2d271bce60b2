"""Names in one list are one kind of thing, on Docs built by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.entity_lists import bodies_in_lists, join_fields_of_a_body, join_portfolios, places_in_lists

HONORIFICS = frozenset({"Mr", "Mrs"})


def _doc(text: str) -> Doc:
    return spacy.blank("en")(text)


def test_a_one_word_person_listed_among_places_is_a_place():
    doc = _doc("He visits Norbury , Eastleigh , Wickton and Felham .")
    cands = [Candidate(2, 3, "GPE"), Candidate(4, 5, "GPE"), Candidate(6, 7, "PERSON"), Candidate(8, 9, "PERSON")]
    places_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["GPE"] * 4


def test_the_place_kind_is_the_lists_own():
    doc = _doc("At Norbury , Wickton and Felham airports")
    cands = [Candidate(1, 2, "FAC"), Candidate(3, 4, "PERSON"), Candidate(5, 6, "FAC")]
    places_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["FAC"] * 3


def test_people_stay_people():
    # one place is no list of places; an honorific says who is a person; a name apart is apart
    doc = _doc("Norbury , Mr Wickton and Eastleigh met Felham in Ruthby .")
    cands = [Candidate(0, 1, "GPE"), Candidate(3, 4, "PERSON"), Candidate(5, 6, "GPE"), Candidate(7, 8, "PERSON"),
             Candidate(9, 10, "GPE")]
    places_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["GPE", "PERSON", "GPE", "PERSON", "GPE"]
    doc = _doc("Wickton and Felham spoke in Norbury and Eastleigh .")
    cands = [Candidate(0, 1, "PERSON"), Candidate(2, 3, "PERSON"), Candidate(5, 6, "GPE"), Candidate(7, 8, "GPE")]
    places_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["PERSON", "PERSON", "GPE", "GPE"]


def _never_known(text: str) -> bool:
    return text == "Nato"


def test_a_department_for_a_list_of_portfolios_is_one_name():
    doc = _doc("A Department for Farming and Fisheries spokeswoman said so .")
    out = join_portfolios(doc, [Candidate(1, 4, "ORG"), Candidate(5, 6, "ORG")], _never_known)
    assert [(c.start, c.end) for c in out] == [(1, 6)]
    doc = _doc("The Ministry of Roads , Ports and Rural Affairs said so .")
    out = join_portfolios(doc, [Candidate(1, 4, "ORG"), Candidate(5, 6, "ORG")], _never_known)
    assert [(c.start, c.end) for c in out] == [(1, 9)]


def test_a_known_body_after_and_is_its_own():
    doc = _doc("The Ministry of Defence and Nato agreed .")
    cands = [Candidate(1, 4, "ORG"), Candidate(5, 6, "ORG")]
    assert join_portfolios(doc, cands, _never_known) == cands


def test_a_secretary_of_state_for_portfolios_is_a_title():
    doc = _doc("The Secretary of State for Farming , Roads and Sport , Ann Lee , spoke .")
    out = join_portfolios(doc, [Candidate(3, 6, "ORG"), Candidate(7, 8, "ORG"), Candidate(12, 14, "PERSON")], _never_known)
    assert [(c.start, c.end, c.label) for c in out] == [(12, 14, "PERSON")]


def test_a_place_the_gazetteer_does_not_know_listed_among_bodies_is_a_body():
    doc = _doc("Along with the GMB and Unison , the TGWU and Amicus worked together .")
    cands = [Candidate(3, 4, "ORG"), Candidate(5, 6, "GPE"), Candidate(8, 9, "ORG"), Candidate(10, 11, "ORG")]
    places_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["ORG"] * 4
    # towns the model took for bodies do not make a list of bodies
    doc = _doc("It spread to Merseyside , Bristol and Leeds .")
    cands = [Candidate(3, 4, "ORG"), Candidate(5, 6, "ORG"), Candidate(7, 8, "GPE")]
    places_in_lists(doc, cands, HONORIFICS)
    assert cands[2].label == "GPE"


def test_names_listed_after_a_plural_noun_for_bodies_are_bodies():
    doc = _doc("It hits British automakers such as Wexley and Aston Marlow .")
    cands = [Candidate(6, 7, "ORG"), Candidate(8, 10, "PERSON")]
    bodies_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["ORG", "ORG"]
    # a list introduced by a noun for people, or a member the text calls Mr, keeps its people
    doc = _doc("Leaders such as Aston Marlow spoke , and firms including Mr Wexley .")
    cands = [Candidate(3, 5, "PERSON"), Candidate(11, 12, "PERSON")]
    bodies_in_lists(doc, cands, HONORIFICS)
    assert [c.label for c in cands] == ["PERSON", "PERSON"]


def test_fields_before_and_and_a_body_word_are_one_name():
    doc = _doc("the Knesset 's Foreign Affairs and Security Committee met")
    cands = [Candidate(1, 2, "ORG", kb="org:knesset"), Candidate(3, 5, "ORG"), Candidate(6, 8, "ORG")]
    assert [(c.start, c.end) for c in join_fields_of_a_body(doc, cands)] == [(1, 2), (3, 8)]
    # a known body before "and" is a body of its own
    doc = _doc("Nato and Security Council")
    cands = [Candidate(0, 1, "ORG", kb="org:nato"), Candidate(2, 4, "ORG")]
    assert [(c.start, c.end) for c in join_fields_of_a_body(doc, cands)] == [(0, 1), (2, 4)]
