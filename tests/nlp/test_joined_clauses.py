"""A new subject after "and" that the parser joined to the object before it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.nlp.joined_clauses import JoinedClauses


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def misparsed() -> Doc:
    """The small model's reading: "in Nairobi and police", then "shot" a clause of "stormed" with no subject."""
    words = ["Protesters", "stormed", "parliament", "in", "Nairobi", "and", "police", "shot", "dead", "22", "people", "."]
    heads = [1, 1, 1, 1, 3, 4, 4, 1, 7, 10, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "advcl", "acomp", "nummod", "dobj", "punct"]
    tags = ["NNS", "VBD", "NN", "IN", "NNP", "CC", "NNS", "VBD", "JJ", "CD", "NNS", "."]
    return parsed(words, heads, deps, tags)


def test_the_noun_after_and_becomes_the_subject_of_the_verb_after_it():
    doc = JoinedClauses()(misparsed())
    police, shot = doc[6], doc[7]
    assert (police.dep_, police.head.i) == ("nsubj", shot.i)
    assert (shot.dep_, shot.head.i) == ("conj", 1)
    assert doc[5].head.i == 1  # "and" joins the two clauses
    assert [t.text for t in doc[4].subtree] == ["Nairobi"]  # the place ends where it did


def test_a_participle_after_the_noun_is_no_new_clause():
    doc = misparsed()
    doc[7].tag_ = "VBN"  # "and troops deployed there": no tense of its own
    before = [(t.head.i, t.dep_) for t in doc]
    assert [(t.head.i, t.dep_) for t in JoinedClauses()(doc)] == before


def test_a_noun_with_words_of_its_own_is_left_alone():
    words = ["Protesters", "stormed", "parliament", "in", "Nairobi", "and", "riot", "police", "shot", "22", "people", "."]
    heads = [1, 1, 1, 1, 3, 4, 7, 4, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "compound", "conj", "advcl", "nummod", "dobj", "punct"]
    tags = ["NNS", "VBD", "NN", "IN", "NNP", "CC", "NN", "NNS", "VBD", "CD", "NNS", "."]
    doc = parsed(words, heads, deps, tags)
    before = [(t.head.i, t.dep_) for t in doc]
    assert [(t.head.i, t.dep_) for t in JoinedClauses()(doc)] == before


def test_a_noun_joined_to_a_subject_is_left_alone():
    words = ["Protesters", "and", "police", "clashed", "."]
    doc = parsed(words, [3, 0, 0, 3, 3], ["nsubj", "cc", "conj", "ROOT", "punct"], ["NNS", "CC", "NNS", "VBD", "."])
    assert [(t.head.i, t.dep_) for t in JoinedClauses()(doc)] == [(3, "nsubj"), (0, "cc"), (0, "conj"), (3, "ROOT"),
                                                                   (3, "punct")]


def test_the_model_and_the_engine_read_the_new_clause(engine):
    doc = engine.nlp("Crowds gathered outside the palace and soldiers opened fire on them.")
    soldiers = next(t for t in doc if t.text == "soldiers")
    assert (soldiers.dep_, soldiers.head.text) == ("nsubj", "opened")
    doc = engine.nlp("Investors sold shares in Acme and bonds rose.")
    assert next(t for t in doc if t.text == "bonds").head.text == "rose"
