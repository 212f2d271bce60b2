"""A full name the model left untagged, made a person's by a later "Mr Surname"."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Span

from reader.documents import document_from_text
from reader.nlp.entity_candidate import Candidate
from reader.nlp.full_names import full_names_before, given_names_before, last_name_after, people_named_with_honorific

HONORIFICS = frozenset({"Mr", "Ms"})


def tagged(words: list[str], tags: list[str]):
    return spacy.tokens.Doc(spacy.blank("en").vocab, words=words, tags=tags)


def test_the_full_name_before_an_honorific_surname_is_the_persons():
    doc = tagged(["Ashok", "Varga", "of", "Acme", "said", "so", ".", "Mr", "Varga", "left", "."],
                 ["NNP", "NNP", "IN", "NNP", "VBD", "RB", ".", "NNP", "NNP", "VBD", "."])
    found = full_names_before(doc, [Candidate(3, 4, "ORG"), Candidate(8, 9, "PERSON")], HONORIFICS, lambda t: False)
    assert [(c.start, c.end, c.label) for c in found] == [(0, 2, "PERSON")]


@pytest.mark.parametrize(
    ("words", "tags", "cands"),
    [
        # a surname tagged alone, with no honorific before it, makes nobody a person ("New Labour")
        (["New", "Labour", "won", ".", "Labour", "left", "."], ["NNP", "NNP", "VBD", ".", "NNP", "VBD", "."],
         [Candidate(4, 5, "PERSON")]),
        # a title is no given name
        (["President", "Varga", "said", ".", "Mr", "Varga", "left", "."], ["NNP", "NNP", "VBD", ".", "NNP", "NNP", "VBD", "."],
         [Candidate(5, 6, "PERSON")]),
    ],
)
def test_no_full_name_is_made_without_an_honorific_or_from_a_title(words, tags, cands):
    assert full_names_before(tagged(words, tags), cands, HONORIFICS, lambda t: t.text == "President") == []


def test_the_first_saying_is_the_persons(engine):
    text = ("Cabinet row\n\nAshok Vishwanathan of Operation Black Vote said the result showed shortlists were not"
            " effective. Mr Vishwanathan said more work was needed.")
    analysis = engine.analyze(document_from_text(text, published=dt.date(2024, 3, 20)))
    names = {a.id: a.name for a in analysis.actors}
    first = analysis.events[0] if analysis.events[0].start < analysis.events[-1].start else analysis.events[-1]
    assert "Ashok Vishwanathan" in [names[i] for i in first.agents]


def test_a_name_typed_as_a_body_is_the_person_a_surname_with_particles_names():
    """ "Marine Le Pen's party" tagged as an organisation, then "Ms Le Pen said": the person."""
    doc = tagged(["Colette", "Le", "Brun", "'s", "party", "won", ".", "Ms", "Le", "Brun", "said", "so", "."],
                 ["NNP", "NNP", "NNP", "POS", "NN", "VBD", ".", "NNP", "NNP", "NNP", "VBD", "RB", "."])
    ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 8, 10, label="PERSON")]
    assert [e.label_ for e in people_named_with_honorific(doc, ents)] == ["PERSON", "PERSON"]
    ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 9, 10, label="PERSON")]  # "Brun" alone after "Le": no honorific
    assert [e.label_ for e in people_named_with_honorific(doc, ents)] == ["ORG", "PERSON"]


def test_given_names_before_a_surname_that_opens_an_aside_are_the_persons():
    """ "the governor of the central bank, Sahap Kavcioglu, on March 20th": the model tagged "Kavcioglu"."""
    doc = tagged(["the", "governor", ",", "Sahap", "Varga", ",", "left", ".", "Acme", "Varga", "said"],
                 ["DT", "NN", ",", "NNP", "NNP", ",", "VBD", ".", "NNP", "NNP", "VBD"])
    cands = [Candidate(4, 5, "PERSON"), Candidate(9, 10, "PERSON")]
    given_names_before(doc, cands, lambda t: False, lambda text: text == "Acme")
    assert [(c.start, c.end) for c in cands] == [(3, 5), (9, 10)]  # no comma before "Acme Varga": left alone


def proper(words: list[str]):
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, pos=["PROPN" if w[:1].isupper() else "X" for w in words])
    return doc


def test_the_last_word_of_a_name_the_model_left_out_joins_it():
    doc = proper(["impeached", "President", "Yoon", "Suk", "Yeol", "over", "it"])
    cands = [Candidate(2, 4, "PERSON")]
    last_name_after(doc, cands, lambda t: t.lower_ in ("president", "councillor"))
    assert (cands[0].start, cands[0].end) == (2, 5)


def test_a_title_after_a_name_is_not_its_last_word():
    doc = proper(["said", "Nottingham", "City", "Councillor", "Brian", "Parbutt"])
    cands = [Candidate(1, 3, "PERSON"), Candidate(4, 6, "PERSON")]
    last_name_after(doc, cands, lambda t: t.lower_ in ("president", "councillor"))
    assert [(c.start, c.end) for c in cands] == [(1, 3), (4, 6)]


def test_a_surname_the_model_reads_as_a_people_is_a_persons_name(engine):
    """ "the prime minister, Han Duck-soo," and "Mr Han": the model tags "Han" as the Han people (NORP); before a
    hyphenated given name, or after "Mr", it is a person's name, one actor."""
    text = ("The prime minister, Han Duck-soo, became acting president. On Friday the assembly also impeached Mr Han, "
            "accusing him of obstructing the investigations.")
    analysis = engine.analyze(document_from_text(text))
    people = [a for a in analysis.actors if a.type == "PERSON"]
    assert [a.name for a in people] == ["Han Duck-soo"] and len(people[0].mentions) == 2
    (accusing,) = [e for e in analysis.events if e.trigger.startswith("accusing")]
    assert accusing.targets == [people[0].id]
