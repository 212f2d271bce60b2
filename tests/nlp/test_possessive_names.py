"""Names joined by a possessive, on Docs built by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.possessive_names import owned_bodies, split_at_possessive

TITLE_WORDS = {"Minister", "President"}


def _doc(words: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, tags=tags)


def spans(doc: Doc, cands: list[Candidate]) -> list[tuple[str, str]]:
    return [(doc[c.start : c.end].text, c.label) for c in cands]


def test_the_untagged_name_after_an_owners_possessive_is_a_body():
    """ "deputies of Colette Le Brun's National Union": the model tagged the owner with its "'s" and left
    the party untagged."""
    doc = _doc(["deputies", "of", "Colette", "Brun", "'s", "National", "Union", "voted", "."],
               ["NNS", "IN", "NNP", "NNP", "POS", "NNP", "NNP", "VBD", "."])
    found = owned_bodies(doc, [Candidate(2, 5, "ORG")], lambda t: t.text in TITLE_WORDS)
    assert spans(doc, found) == [("Colette Brun 's", "ORG"), ("National Union", "ORG")]


def test_a_title_or_a_single_word_after_a_possessive_is_no_body():
    doc = _doc(["Norland", "'s", "Prime", "Minister", "spoke", "."], ["NNP", "POS", "NNP", "NNP", "VBD", "."])
    assert owned_bodies(doc, [Candidate(0, 2, "GPE")], lambda t: t.text in TITLE_WORDS) == [Candidate(0, 2, "GPE")]
    doc = _doc(["Acme", "'s", "Falcon", "flew", "."], ["NNP", "POS", "NNP", "VBD", "."])
    assert len(owned_bodies(doc, [Candidate(0, 2, "ORG")], lambda t: False)) == 1


def test_a_name_tagged_whole_across_a_possessive_is_two_bodies():
    doc = _doc(["Council", "of", "Europe", "'s", "Commission", "met"], ["NNP", "IN", "NNP", "POS", "NNP", "VBD"])
    assert spans(doc, split_at_possessive(doc, [Candidate(0, 5, "ORG")])) == [("Council of Europe", "ORG"),
                                                                             ("Commission", "ORG")]


def test_a_name_whose_possessive_belongs_to_a_common_noun_is_one_name():
    doc = _doc(["Republican", "People", "'s", "Party", "won"], ["NNP", "NNP", "POS", "NNP", "VBD"])
    assert spans(doc, split_at_possessive(doc, [Candidate(0, 4, "ORG")])) == [("Republican People 's Party", "ORG")]
