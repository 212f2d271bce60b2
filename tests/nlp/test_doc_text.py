"""Reading a Doc's columns through numpy (reader/nlp/doc_text.py)."""

import random

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, LOWER, ORTH

from reader.nlp.doc_text import hashed_in, indices_flagged, indices_where, sentences_back, sorted_hashes

nlp = spacy.blank("en")


def test_indices_where_reads_the_column_asked_for():
    doc = nlp("The talks and the Talks  were held\n\nin May; talks.")
    assert indices_where(doc, LOWER, ["talks", "may"]) == [1, 4, 10, 12]
    assert indices_where(doc, ORTH, ["talks"]) == [1, 12]
    assert indices_where(doc, LOWER, []) == []
    assert indices_where(nlp(""), LOWER, ["talks"]) == []


def test_indices_flagged_finds_white_space_tokens():
    doc = nlp("One  two\n\nthree")
    assert [doc[i].text for i in indices_flagged(doc, IS_SPACE)] == [" ", "\n\n"]
    assert indices_flagged(nlp(""), IS_SPACE) == []


def test_hashed_in_agrees_with_a_set_lookup():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(300)]
    for _ in range(50):
        wanted_words = rng.sample(vocabulary, rng.randint(0, 40))
        column_words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 60))]
        column = np.array([nlp.vocab.strings.add(w) for w in column_words], dtype=np.uint64)
        mask = hashed_in(column, sorted_hashes(wanted_words))
        assert mask.tolist() == [w in set(wanted_words) for w in column_words]


def test_sorted_hashes_are_kept_per_word_set():
    words = frozenset({"talks", "summit"})
    assert sorted_hashes(words) is sorted_hashes(words)
    assert sorted_hashes(words).tolist() == sorted(nlp.vocab.strings.add(w) for w in words)


def test_sentences_back_gives_the_start_of_an_earlier_sentence_and_stops_at_the_first():
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    doc = splitter("One two. Three four. Five six.")
    five = doc[6]
    assert [sentences_back(five, n) for n in (0, 1, 2, 3)] == [6, 3, 0, 0]
