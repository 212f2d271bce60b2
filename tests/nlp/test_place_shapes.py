"""Names told by their neighbours (`reader.nlp.place_shapes`): on hand-parsed docs and through the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.documents import document_from_text
from reader.nlp.entity_candidate import Candidate
from reader.nlp.place_shapes import shape_by_neighbours


def parse(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_compass_word_before_a_place_begins_its_name():
    doc = parse(["killings", "in", "West", "Darfur", "."], [0, 0, 3, 1, 0], ["ROOT", "prep", "compound", "pobj", "punct"])
    west, darfur = Candidate(2, 3, "NORP", "region:the west"), Candidate(3, 4, "GPE", "territory:darfur")
    (region,) = shape_by_neighbours(doc, [west, darfur])
    assert (region.start, region.end, region.label, region.kb) == (2, 4, "GPE", "")
    # a longer name of its own keeps its shape
    doc = parse(["in", "the", "Central", "African", "Republic"], [0, 4, 4, 4, 0], ["ROOT", "det", "amod", "amod", "pobj"])
    car = Candidate(2, 5, "GPE", "country:CF")
    assert shape_by_neighbours(doc, [car]) == [Candidate(2, 5, "GPE", "country:CF")]


def test_a_place_noun_or_a_kin_noun_in_apposition_says_what_a_name_is():
    words = ["El", "Fasher", ",", "the", "last", "city", ",", "fell"]
    doc = parse(words, [1, 7, 1, 5, 5, 1, 1, 7], ["compound", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"])
    town = Candidate(0, 2, "ORG")
    shape_by_neighbours(doc, [town])
    assert town.label == "GPE"
    words = ["his", "brother", ",", "Abdelrahim", ",", "fled"]
    doc = parse(words, [1, 5, 1, 1, 1, 5], ["poss", "nsubj", "punct", "appos", "punct", "ROOT"])
    brother = Candidate(3, 4, "ORG")
    shape_by_neighbours(doc, [brother])
    assert brother.label == "PERSON"


def test_regions_places_and_kin_through_the_model(engine):
    text = ("The US accused the RSF of killings in West Darfur and North Darfur. It tightened its siege of "
            "El Fasher, the last city in Darfur. The US sanctioned Mr Dagalo's brother, Abdelrahim, in September.")
    actors = {a.name: a.type for a in engine.analyze(document_from_text(text)).actors}
    assert actors.get("West Darfur") == "GPE" and "North Darfur" in actors and "the West" not in actors
    assert actors.get("El Fasher") == "GPE"
    assert actors.get("Abdelrahim") == "PERSON"


def test_a_name_a_business_noun_describes_is_an_organisation():
    # "Telvora, the largest telecoms company, warned": untagged, opening its sentence
    words = ["Telvora", ",", "the", "largest", "company", ",", "warned"]
    heads, deps = [6, 0, 4, 4, 0, 0, 6], ["nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              pos=["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB"])
    assert shape_by_neighbours(doc, []) == [Candidate(0, 1, "ORG")]
    # typed as a people or a person by the model: relabelled, not doubled
    for label in ("NORP", "PERSON"):
        assert shape_by_neighbours(doc, [Candidate(0, 1, label)]) == [Candidate(0, 1, "ORG")]
    # a name in the body's own name ("the Association of Police Officers' spokesman") is no description
    named = Doc(doc.vocab, words=words, heads=heads, deps=deps, pos=["PROPN", "PUNCT", "DET", "ADJ", "PROPN", "PUNCT", "VERB"])
    assert shape_by_neighbours(named, [Candidate(0, 1, "PERSON")]) == [Candidate(0, 1, "PERSON")]
    # a noun that is no business ("Telvora, the largest city") makes none
    words[4] = "city"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              pos=["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB"])
    assert shape_by_neighbours(doc, []) == []



def test_a_syllable_glued_by_a_hyphen_is_part_of_a_given_name():
    words = ["Lee", "Jae", "-", "myung", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, False, False, True, False])
    (name,) = shape_by_neighbours(doc, [Candidate(0, 2, "PERSON")])
    assert (name.start, name.end) == (0, 4)
    # spaced as a dash, or after a word in lower case, it is no part of the name
    spaced = Doc(doc.vocab, words=words, spaces=[True, True, True, True, False])
    assert shape_by_neighbours(spaced, [Candidate(0, 2, "PERSON")])[0].end == 2
    # an English word that makes a compound of a name ("Bush-style tax cuts") is none either
    styled = Doc(doc.vocab, words=["Bush", "-", "style", "cuts"], spaces=[False, False, True, False])
    assert shape_by_neighbours(styled, [Candidate(0, 1, "PERSON")])[0].end == 1


def test_a_name_beside_a_title_held_by_one_person_is_that_person():
    # "Dae Min-ho, the prime minister, resigned": the model typed the name as a work or a body
    words = ["Dae", "Min", "-", "ho", ",", "the", "prime", "minister", ",", "resigned"]
    heads = [3, 3, 3, 9, 3, 7, 7, 3, 3, 9]
    deps = ["compound", "compound", "punct", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, False, False, False, True, True, True, False, True, False],
              heads=heads, deps=deps, pos=pos)
    for label in ("WORK_OF_ART", "ORG"):
        name = Candidate(0, 2, label)  # (the model's span may stop before the syllable after the hyphen)
        shape_by_neighbours(doc, [name])
        assert (name.label, name.end) == ("PERSON", 4)
    # a title in the plural, or a noun for a business, says nothing of the kind
    words = ["Velo", "Works", ",", "the", "largest", "company", ",", "closed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 7, 1, 5, 5, 1, 1, 7],
              deps=["compound", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"],
              pos=["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB"])
    body = Candidate(0, 2, "ORG")
    shape_by_neighbours(doc, [body])
    assert body.label == "ORG"


def test_the_name_a_noun_for_a_settled_place_takes_is_that_place():
    words = ["retook", "the", "northern", "town", "of", "Bakal", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 3, 3, 0, 3, 4, 0],
              deps=["ROOT", "det", "amod", "dobj", "prep", "pobj", "punct"],
              pos=["VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"])
    town = Candidate(5, 6, "NORP")
    shape_by_neighbours(doc, [town])
    assert town.label == "GPE"
    # "the head of Velo": no place noun
    words = ["the", "head", "of", "Velo"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2], deps=["det", "ROOT", "prep", "pobj"],
              pos=["DET", "NOUN", "ADP", "PROPN"])
    body = Candidate(3, 4, "ORG")
    shape_by_neighbours(doc, [body])
    assert body.label == "ORG"


def test_people_and_towns_told_by_their_neighbours_through_the_model(engine):
    text = ("Dae Min-ho, Norland's president, declared martial law on Tuesday. Mr Dae lifted it six hours later.\n\n"
            "Rebels retook the northern town of Bakal in November.\n\n"
            "Kemi Badenoch, who was elected leader of the Conservative Party on November 2nd, accused Labour of lying.")
    actors = {a.name: a.type for a in engine.analyze(document_from_text(text)).actors}
    assert actors.get("Dae Min-ho") == "PERSON" and actors.get("Kemi Badenoch") == "PERSON"
    assert actors.get("Bakal") == "GPE"


def test_a_common_word_opening_a_sentence_before_its_noun_is_no_name():
    from reader.nlp.place_shapes import common_word_opening_a_sentence

    def doc_of(words: list[str]) -> Doc:
        d = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "punct"],
                sent_starts=[True, False, False, False])
        return d

    assert common_word_opening_a_sentence(doc_of(["Labour", "unions", "struck", "."]), Candidate(0, 1, "ORG", "org:labour"))
    assert not common_word_opening_a_sentence(doc_of(["Labour", "MPs", "rebelled", "."]), Candidate(0, 1, "ORG", "org:labour"))


def test_trade_unions_are_not_the_labour_party_through_the_model(engine):
    text = "Strike called off\n\nLabour unions called off a general strike in July after the government raised wages."
    assert "Labour" not in {a.name for a in engine.analyze(document_from_text(text)).actors}


def test_an_untagged_name_opening_its_sentence_beside_a_title_is_that_person(engine):
    """The model leaves "Mehmet Simsek" untagged; ", the finance minister," says who he is."""
    text = ("Officials have signalled that any easing would be gradual.\n\nMehmet Simsek, the finance minister, has "
            "reportedly won President Recep Tayyip Erdogan's backing to keep fiscal policy tight.")
    people = [a.name for a in engine.analyze(document_from_text(text)).actors if a.type == "PERSON"]
    assert "Mehmet Simsek" in people


def test_a_name_right_after_a_noun_for_a_business_is_that_business(engine):
    """The model types an unknown firm as a place or a product, or leaves it out ("the state miner
    Codelco" GPE); the noun before the name says what it is."""
    text = ("Copper slides\n\nThe state miner Minsur cut its forecast on Monday. The national statistics agency Andecorstat "
            "reported on Wednesday that prices rose. The shipping group Nordmark said it would avoid the strait.")
    analysis = engine.analyze(document_from_text(text))
    actors = {a.name: a.type for a in analysis.actors}
    assert actors.get("Minsur") == "ORG" and actors.get("Andecorstat") == "ORG" and actors.get("Nordmark") == "ORG"
    # and the noun is no reference back to the firm of the sentence before
    reported = next(e for e in analysis.events if e.trigger.startswith("reported"))
    assert {analysis.actor(i).name for i in reported.agents} == {"Andecorstat"}
    # a person's trade before a person's full name leaves the person
    text = "Pit closures\n\nThe former miner Tom Vallemar led the strike in 1984."
    assert {a.name: a.type for a in engine.analyze(document_from_text(text)).actors}.get("Tom Vallemar") == "PERSON"


def test_a_name_before_a_lower_case_party_is_that_party(engine):
    text = "Reform passes\n\nThe ruling Vallemar party controls most state legislatures."
    actors = {a.name: a.type for a in engine.analyze(document_from_text(text)).actors}
    assert actors.get("Vallemar") == "ORG"


def test_a_title_after_the_noun_is_no_firm():
    """ "the company chairman Tom Lane": a title ends the name run, and a person is no firm."""
    words = ["the", "union", "Vestcom", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 1, 3], deps=["det", "nsubj", "appos", "ROOT"],
              pos=["DET", "NOUN", "PROPN", "VERB"])
    (found,) = shape_by_neighbours(doc, [])
    assert (found.start, found.end, found.label) == (2, 3, "ORG")
    words = ["the", "union", "Chairman", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 1, 3], deps=["det", "nsubj", "appos", "ROOT"],
              pos=["DET", "NOUN", "PROPN", "VERB"])
    assert shape_by_neighbours(doc, []) == []
