"""Bodies named after a place (reader/nlp/place_bodies.py): on Docs built by hand, then whole."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from reader.documents import document_from_text
from reader.nlp.entity_candidate import Candidate
from reader.nlp.place_bodies import bank_named_for_country, place_before_acronym, place_heading_a_body


def _doc(text: str) -> Doc:
    return spacy.blank("en")(text)


def spans(doc: Doc, cands: list[Candidate]) -> list[tuple[str, str]]:
    return [(doc[c.start : c.end].text, c.label) for c in cands]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The UK Independence Party has lost a member .", "UK Independence Party"),
        ("She said the US Chamber of Commerce opposed it .", "US Chamber of Commerce"),
        ("A letter from the Wales Office arrived .", "Wales Office"),
    ],
)
def test_a_country_heading_capitalised_words_with_a_body_noun_is_that_body(text, body):
    doc = _doc(text)
    country = next(t.i for t in doc if t.text in ("UK", "US", "Wales"))
    cands = [Candidate(country, country + 1, "GPE", "country:XX")]
    place_heading_a_body(doc, cands)
    assert spans(doc, cands) == [(body, "ORG")]
    assert cands[0].kb == ""


@pytest.mark.parametrize(
    "text",
    [
        "The UK Government said so .",  # no noun for a body: the country's government
        "UK Independence Party members met .",  # no "the": a headline's run of capitals
        "The UK Prime Minister arrived .",
    ],
)
def test_a_country_without_the_or_without_a_body_noun_stays_the_country(text):
    doc = _doc(text)
    country = next(t.i for t in doc if t.text == "UK")
    cands = [Candidate(country, country + 1, "GPE", "country:GB")]
    place_heading_a_body(doc, cands)
    assert spans(doc, cands) == [("UK", "GPE")]


def test_a_body_named_after_a_country_stops_before_a_title_or_a_person():
    doc = _doc("The US Navy Secretary John Smith spoke .")
    cands = [Candidate(1, 2, "GPE", "country:US"), Candidate(4, 6, "PERSON")]
    place_heading_a_body(doc, cands)
    assert spans(doc, cands) == [("US Navy", "ORG"), ("John Smith", "PERSON")]
    doc = _doc("The UK Party John Smith leads spoke .")
    cands = [Candidate(1, 2, "GPE", "country:GB"), Candidate(3, 5, "PERSON")]
    place_heading_a_body(doc, cands)
    assert spans(doc, cands) == [("UK Party", "ORG"), ("John Smith", "PERSON")]


def test_a_place_run_into_an_acronym_used_alone_is_the_place_and_the_body():
    doc = _doc("Members of London UKIP left . UKIP said it was calm .")
    cands = place_before_acronym(doc, [Candidate(2, 4, "ORG")])
    assert spans(doc, cands) == [("London", "GPE"), ("UKIP", "ORG")]
    alone = _doc("Members of London UKIP left .")  # never used alone: left to the model
    assert spans(alone, place_before_acronym(alone, [Candidate(2, 4, "ORG")])) == [("London UKIP", "ORG")]


def test_the_body_and_its_acronym_are_one_actor(engine):
    text = ("Party loses member\n\nThe UK Independence Party has lost one of its members. Eight other members of "
            "London UKIP are also planning to leave, but UKIP said it was calm.")
    a = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1)))
    names = {x.name: [m.text for m in x.mentions] for x in a.actors}
    assert names.get("UK Independence Party") == ["UK Independence Party", "UKIP", "UKIP"]
    assert "United Kingdom" not in names


@pytest.mark.parametrize(
    ("text", "country", "body"),
    [
        ("Bank Indonesia cut its policy rate .", "Indonesia", "Bank Indonesia"),
        ("Separately , Bank Negara Malaysia held rates .", "Malaysia", "Bank Negara Malaysia"),
    ],
)
def test_bank_run_into_a_countrys_name_is_that_bank(text, country, body):
    doc = _doc(text)
    at = next(t.i for t in doc if t.text == country)
    cands = [Candidate(at, at + 1, "GPE", "country:XX")]
    bank_named_for_country(doc, cands)
    assert spans(doc, cands) == [(body, "ORG")]


def test_a_bank_ending_a_longer_name_leaves_the_country():
    doc = _doc("The Asian Development Bank Indonesia office said so .")
    at = next(t.i for t in doc if t.text == "Indonesia")
    cands = [Candidate(at, at + 1, "GPE", "country:ID")]
    bank_named_for_country(doc, cands)
    assert spans(doc, cands) == [("Indonesia", "GPE")]


def test_bank_indonesia_is_one_actor_in_a_whole_analysis(engine):
    analysis = engine.analyze(document_from_text("In January Bank Indonesia unexpectedly cut its policy rate.",
                                                 published=dt.date(2025, 1, 20)))
    assert [(a.name, a.type) for a in analysis.actors] == [("Bank Indonesia", "ORG")]
