"""The cached lemmatizer gives the model's lemmas, cold and warm, and keeps the ruler's."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA

from reader.nlp.lemma_cache import MAX_ENTRIES, CachedLemmatizer, cache_model_lemmatizer
from reader.nlp.pipeline import DEFAULT_MODEL

TEXTS = [
    "The ministers haven't agreed; talks were suspended and the envoys left Geneva.",
    "Britain's Foreign Secretary said he would meet his counterparts, who are meeting in Paris.",
    # one form, two parts of speech, two lemmas: the cache must tell them apart
    "The meeting ended while they were meeting reporters; the talks stalled, and he talks again today.",
    "She was re-elected with 54 per cent of the votes cast, better than in 2019.",
    "The ministers haven't agreed; talks were suspended and the envoys left Geneva.",  # again: warm
]


def test_same_lemmas_as_the_model_cold_and_warm():
    model = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    cached = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert cache_model_lemmatizer(cached)
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    for _ in range(2):
        for text in TEXTS:
            expected, got = model(text), cached(text)
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], text
    wrapper = cached.get_pipe("lemmatizer")
    assert isinstance(wrapper, CachedLemmatizer) and wrapper.cache  # it did remember
    assert wrapper.lookups.has_table("lemma_rules")  # the model's tables stay readable


def test_a_lemma_already_set_is_kept():
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    cache_model_lemmatizer(nlp)
    nlp("warm the cache once")
    doc = nlp("They haven't left.")
    assert [t.lemma_ for t in doc][:3] == ["they", "have", "not"]  # "n't" -> "not" is the ruler's
    doc = nlp.make_doc("They left.")
    for name, proc in nlp.pipeline:
        if name != "lemmatizer":
            doc = proc(doc)
    doc[1].lemma_ = "depart"
    nlp.get_pipe("lemmatizer")(doc)
    assert doc[1].lemma_ == "depart" and doc[0].lemma_ == "they"


def test_the_cache_is_bounded(monkeypatch):
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    cache_model_lemmatizer(nlp)
    wrapper = nlp.get_pipe("lemmatizer")
    assert isinstance(wrapper, CachedLemmatizer)
    nlp("warm")
    monkeypatch.setattr("reader.nlp.lemma_cache.MAX_ENTRIES", 3)
    nlp("One two three four five six seven.")
    assert len(wrapper.cache) > 3
    doc = nlp("Talks were suspended.")
    assert 0 < len(wrapper.cache) <= 4 < MAX_ENTRIES  # forgotten, then filled again
    assert [t.lemma_ for t in doc] == ["talk", "be", "suspend", "."]
    assert doc.to_array([LEMMA]).all()


def test_other_lemmatizers_are_left_alone():
    nlp = spacy.blank("en")
    assert not cache_model_lemmatizer(nlp)  # none
    nlp.add_pipe("sentencizer", name="lemmatizer")  # not a Lemmatizer
    assert not cache_model_lemmatizer(nlp)
