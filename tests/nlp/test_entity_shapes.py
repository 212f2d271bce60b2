"""Shape rules on Docs built by hand (spacy.blank), so each rule is tested on the parse it is for."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from reader.documents import document_from_text
from reader.nlp.entity_candidate import Candidate
from reader.nlp.entity_shapes import (
    _can_be_a_name,
    _join_company_forms,
    _join_coordinated_first_word,
    _person_after_government_body,
    _speaker_typed_as_thing,
    _split_at_bracket,
    _split_at_inner_honorific,
    _titles_of_places,
    trim_trailing_words,
)
from reader.nlp.gazetteer import gazetteer


def _doc(words: list[str], tags: list[str]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, tags=tags, sent_starts=[True] + [False] * (len(words) - 1))


def test_a_sentences_first_word_tagged_an_adjective_is_no_name():
    doc = _doc(["Controversial", "new", "casinos", "will", "be", "banned"], ["JJ", "JJ", "NNS", "MD", "VB", "VBN"])
    assert not _can_be_a_name(doc, Candidate(0, 1, "ORG"))


def test_a_first_word_that_is_a_proper_noun_or_known_stays_a_name():
    doc = _doc(["Controversial", "Norland", "said", "no"], ["JJ", "NNP", "VBD", "UH"])
    assert _can_be_a_name(doc, Candidate(1, 2, "ORG"))
    assert _can_be_a_name(doc, Candidate(0, 1, "ORG", kb="org:x"))  # the gazetteer knows it
    doc = _doc(["Reuters", "said", "no"], ["NNP", "VBD", "UH"])
    assert _can_be_a_name(doc, Candidate(0, 1, "ORG"))


def test_an_adjective_inside_a_sentence_is_left_to_the_model():
    doc = _doc(["He", "met", "Conservative", "leaders"], ["PRP", "VBD", "JJ", "NNS"])
    assert _can_be_a_name(doc, Candidate(2, 3, "ORG"))


def test_a_plural_acronym_is_no_name():
    doc = _doc(["The", "UAVs", "flew"], ["DT", "NNPS", "VBD"])
    assert not _can_be_a_name(doc, Candidate(1, 2, "ORG"))


def test_a_name_does_not_end_in_a_lower_case_word_or_a_date():
    doc = _doc(["the", "Commons", "on", "Monday"], ["DT", "NNP", "IN", "NNP"])
    assert trim_trailing_words(doc, Candidate(1, 4, "ORG")) == Candidate(1, 2, "ORG")


def test_an_amount_or_a_date_keeps_its_lower_case_words():
    doc = _doc(["lost", "$", "4.8", "billion", "in", "the", "fourth", "quarter"], ["VBD", "$", "CD", "CD", "IN", "DT", "JJ", "NN"])
    assert trim_trailing_words(doc, Candidate(1, 4, "MONEY")) == Candidate(1, 4, "MONEY")
    assert trim_trailing_words(doc, Candidate(5, 8, "DATE")) == Candidate(5, 8, "DATE")


def test_a_legal_form_after_a_company_is_part_of_its_name():
    doc = _doc(["Chrysler", "LLC", "and", "Fiat", "SpA", "sought", "Norland", "co", "-", "operation"],
               ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "NNP", "NN", "HYPH", "NN"])
    # tagged apart by the model ("LLC" an organisation of its own), or left out ("SpA")
    joined = _join_company_forms(doc, [Candidate(0, 1, "ORG"), Candidate(1, 2, "ORG"), Candidate(3, 4, "ORG")])
    assert joined == [Candidate(0, 2, "ORG"), Candidate(3, 5, "ORG")]
    # a legal form alone is no name; a lower-case "co" is another word
    assert _join_company_forms(doc, [Candidate(1, 2, "ORG")]) == []
    assert _join_company_forms(doc, [Candidate(6, 7, "ORG")]) == [Candidate(6, 7, "ORG")]


def test_a_capitalised_word_and_and_before_an_organisation_begin_its_name():
    words = ["The", "Public", "and", "Commercial", "Services", "Union", "met", "Vestia", "and", "Norland", "Union"]
    heads = [5, 5, 1, 5, 3, 6, 6, 10, 7, 10, 6]
    deps = ["det", "nmod", "cc", "compound", "conj", "nsubj", "ROOT", "nmod", "cc", "compound", "dobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              sent_starts=[True] + [False] * (len(words) - 1))
    # left out by the model, or tagged alone: either way the first word starts the name
    assert _join_coordinated_first_word(doc, [Candidate(3, 6, "ORG")]) == [Candidate(1, 6, "ORG")]
    assert _join_coordinated_first_word(doc, [Candidate(1, 2, "ORG"), Candidate(3, 6, "ORG")]) == [Candidate(1, 6, "ORG")]
    # a name of its own before "and" (here from the gazetteer) stays its own
    joined = _join_coordinated_first_word(doc, [Candidate(7, 8, "GPE", "vestia"), Candidate(9, 11, "ORG")])
    assert joined == [Candidate(7, 8, "GPE", "vestia"), Candidate(9, 11, "ORG")]


def test_a_name_run_into_the_bracket_after_it_is_cut_there():
    doc = _doc(["the", "Norland", "Workers", "Union", "(", "NWU", ")", "met"], ["DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD"])
    assert _split_at_bracket(doc, [Candidate(1, 6, "ORG")]) == [Candidate(1, 4, "ORG"), Candidate(5, 6, "ORG")]
    assert _split_at_bracket(doc, [Candidate(1, 4, "ORG")]) == [Candidate(1, 4, "ORG")]


def test_an_honorific_inside_a_name_starts_a_person():
    doc = _doc(["the", "Foreign", "Policy", "Centre", "Mr", "Straw", "said"], ["DT", "NNP", "NNP", "NNP", "NNP", "NNP", "VBD"])
    parts = _split_at_inner_honorific(doc, [Candidate(1, 6, "ORG")], gazetteer())
    assert parts == [Candidate(1, 4, "ORG"), Candidate(4, 6, "PERSON")]
    # a name that starts with the honorific is left to the other rules
    assert _split_at_inner_honorific(doc, [Candidate(4, 6, "ORG")], gazetteer()) == [Candidate(4, 6, "ORG")]


def _parsed(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_a_name_typed_as_a_product_that_says_something_is_a_person():
    # '"It is over," said Lars Eide, the chief economist.' (quotation left out): the model's PRODUCT
    words = ["said", "Lars", "Eide", ",", "the", "economist"]
    doc = _parsed(words, [0, 2, 0, 2, 5, 2], ["ROOT", "compound", "nsubj", "punct", "det", "appos"],
                  ["say", "Lars", "Eide", ",", "the", "economist"])
    said = Candidate(1, 3, "PRODUCT")
    _speaker_typed_as_thing(doc, [said])
    assert said.label == "PERSON"
    doc = _parsed(["Windows", "Vista", "crashed"], [1, 2, 2], ["compound", "nsubj", "ROOT"], ["Windows", "Vista", "crash"])
    product = Candidate(0, 2, "PRODUCT")
    _speaker_typed_as_thing(doc, [product])
    assert product.label == "PRODUCT"


def test_a_name_set_off_after_a_body_noun_is_that_body_even_when_the_model_says_person(engine):
    analysis = engine.analyze(document_from_text("The steelworkers' union, Metall Norland, said it would hold a strike ballot."))
    (union,) = [a for a in analysis.actors if a.name == "Metall Norland"]
    assert union.type == "ORG"
    # after "the head of" such a body, the name is whoever heads it
    text = "The envoy met the head of the general intelligence agency, Hassan Mahmoud Rashad."
    analysis = engine.analyze(document_from_text(text))
    (head,) = [a for a in analysis.actors if a.name == "Hassan Mahmoud Rashad"]
    assert head.type == "PERSON"


@pytest.mark.parametrize(
    ("sentence", "body"),
    [("The Islamist movement Ennahda won the election.", "Ennahda"),
     ("Polling company Mori carried out both surveys.", "Mori")],
)
def test_a_name_the_model_leaves_untagged_after_a_body_noun_is_that_body(engine, sentence, body):
    analysis = engine.analyze(document_from_text(sentence))
    assert (body, "ORG") in [(a.name, a.type) for a in analysis.actors]


def test_an_honorific_after_a_body_noun_opens_a_persons_name(engine):
    analysis = engine.analyze(document_from_text("Parliamentary watchdog Sir Philip Mawer will report to the committee."))
    assert [a.name for a in analysis.actors] == ["Philip Mawer"]


def _posdoc(words: list[str], pos: list[str]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))


def test_a_title_held_of_a_place_is_its_holder():
    # "the Duke of Norland said": one person, not "Duke" and a place Norland that speaks
    doc = _posdoc(["the", "Duke", "of", "Norland", "said", "so"], ["DET", "PROPN", "ADP", "PROPN", "VERB", "ADV"])
    out = _titles_of_places(doc, [Candidate(1, 2, "PERSON"), Candidate(3, 4, "GPE")])
    assert [(c.start, c.end, c.label) for c in out] == [(1, 4, "PERSON")]
    # the place the model left untagged: "the Archbishop of Vestby spoke"
    doc = _posdoc(["the", "Archbishop", "of", "Vestby", "spoke"], ["DET", "PROPN", "ADP", "PROPN", "VERB"])
    assert [(c.start, c.end, c.label) for c in _titles_of_places(doc, [])] == [(1, 4, "PERSON")]


def test_a_title_before_of_and_a_common_word_is_no_holder():
    doc = _posdoc(["Lord", "of", "the", "Rings"], ["PROPN", "ADP", "DET", "PROPN"])
    assert _titles_of_places(doc, [Candidate(3, 4, "ORG")]) == [Candidate(3, 4, "ORG")]


def test_a_person_run_into_the_body_that_ends_a_title_is_split_off():
    words = ["Chief", "Secretary", "to", "the", "Treasury", "Darren", "Jones", "said", ".", "Jones", "added"]
    doc = _doc(words, ["NNP", "NNP", "IN", "DT", "NNP", "NNP", "NNP", "VBD", ".", "NNP", "VBD"])
    cands = [Candidate(4, 7, "ORG"), Candidate(9, 10, "PERSON")]
    shaped = _person_after_government_body(doc, cands)
    assert [(c.start, c.end, c.label) for c in shaped] == [(4, 5, "ORG"), (5, 7, "PERSON"), (9, 10, "PERSON")]
    # a name the text never gives a person, after no body's word, stays whole
    doc = _doc(["JP", "Morgan", "Chase", "said"], ["NNP", "NNP", "NNP", "VBD"])
    assert [(c.start, c.end) for c in _person_after_government_body(doc, [Candidate(0, 3, "ORG")])] == [(0, 3)]
    doc = _doc(["the", "Treasury", "Select", "Committee", "said"], ["DT", "NNP", "NNP", "NNP", "VBD"])
    assert [(c.start, c.end) for c in _person_after_government_body(doc, [Candidate(1, 4, "ORG")])] == [(1, 4)]


def test_a_number_alone_is_no_name_but_a_name_with_a_number_is():
    """The model's "288" in "It needed 288 votes to pass" tagged as a building."""
    doc = _doc(["It", "needed", "288", "votes", ".", "The", "1922", "Committee", "met"],
               ["PRP", "VBD", "CD", "NNS", ".", "DT", "CD", "NNP", "VBD"])
    assert not _can_be_a_name(doc, Candidate(2, 3, "FAC"))
    assert _can_be_a_name(doc, Candidate(6, 8, "ORG"))
