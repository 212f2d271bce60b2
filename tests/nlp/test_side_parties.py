"""Parties to an act that are not acted on (`reader.nlp.events.side_parties`), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.nlp.events.side_parties import go_between, reason_for


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_who_mediated_the_frame_of_an_act_is_a_go_between():
    # "swapped prisoners in a deal mediated by Qatar"
    words = ["swapped", "prisoners", "in", "a", "deal", "mediated", "by", "Qatar"]
    doc = parse(words, [0, 0, 0, 4, 2, 4, 5, 6], ["ROOT", "dobj", "prep", "det", "pobj", "acl", "agent", "pobj"],
                ["VERB", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "PROPN"],
                ["VBD", "NNS", "IN", "DT", "NN", "VBN", "IN", "NNP"])
    assert go_between(doc[7], doc[0])
    # "condemned the sanctions imposed by the EU": the act's own object, made by someone acted on
    words = ["condemned", "the", "sanctions", "imposed", "by", "EU"]
    doc = parse(words, [0, 2, 0, 2, 3, 4], ["ROOT", "det", "dobj", "acl", "agent", "pobj"],
                ["VERB", "DET", "NOUN", "VERB", "ADP", "PROPN"], ["VBD", "DT", "NNS", "VBN", "IN", "NNP"])
    assert not go_between(doc[5], doc[0])


def test_a_name_inside_the_cause_of_an_act_is_its_reason():
    # "expelled because of his opposition to Iraq"
    words = ["expelled", "because", "of", "his", "opposition", "to", "Iraq"]
    doc = parse(words, [0, 0, 1, 4, 2, 4, 5], ["ROOT", "prep", "pcomp", "poss", "pobj", "prep", "pobj"],
                ["VERB", "SCONJ", "ADP", "PRON", "NOUN", "ADP", "PROPN"], ["VBN", "IN", "IN", "PRP$", "NN", "IN", "NNP"])
    assert reason_for(doc[6], doc[0])
    words = ["expelled", "the", "envoy", "of", "Iraq"]
    doc = parse(words, [0, 2, 0, 2, 3], ["ROOT", "det", "dobj", "prep", "pobj"], ["VERB", "DET", "NOUN", "ADP", "PROPN"],
                ["VBD", "DT", "NN", "IN", "NNP"])
    assert not reason_for(doc[4], doc[0])
