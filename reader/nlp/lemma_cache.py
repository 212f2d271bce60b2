"""The model's lemmatizer, remembered per word form, part of speech and morphology.

spaCy's rule lemmatizer caches its answers, but not for the forms it returns early (base
forms, proper nouns, punctuation: most tokens), and it walks every token in Python either way:
2.7 s of raw `nlp.pipe`'s 41 s on the 417 BBC articles (bench/model_rules.py). Its answer depends
on nothing but the token's form, part of speech and morphology (spaCy's own cache key), so
`CachedLemmatizer` keeps it per (form, POS, morphology) for the life of the process, asks the
model's lemmatizer on a miss, and sets what the model would set.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

#: forgotten past this many entries (a long archive import meets new word forms for ever)
MAX_ENTRIES = 500_000


class CachedLemmatizer:
    """Drop-in for a `Lemmatizer` in "rule" or "lookup" mode (see module doc)."""

    def __init__(self) -> None:
        self.inner: Lemmatizer | None = None
        self.overwrite = False
        self.cache: dict[tuple[int, int, int], int] = {}
        self._checked = False

    def wrap(self, inner: Lemmatizer) -> None:
        self.inner = inner
        self.overwrite = bool(inner.overwrite)
        self.cache.clear()
        self._checked = False

    @property
    def lookups(self) -> Lookups:
        """The model's tables, for components that read them (prefixed verbs)."""
        if self.inner is None:
            raise RuntimeError("cached_lemmatizer: no model lemmatizer to cache (use cache_model_lemmatizer)")
        return self.inner.lookups

    def __call__(self, doc: Doc) -> Doc:
        if self.inner is None:
            raise RuntimeError("cached_lemmatizer: no model lemmatizer to cache (use cache_model_lemmatizer)")
        if not self._checked:
            self._checked = True
            return self.inner(doc)  # the model's own first run checks its tables
        strings = doc.vocab.strings
        cache = self.cache
        if len(cache) > MAX_ENTRIES:
            cache.clear()
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not self.overwrite:
                continue  # set by an attribute rule ("n't" -> "not"): the lemmatizer keeps it
            key = (orth, pos, morph)
            value = cache.get(key)
            token = doc[i]
            if value is None:
                value = cache[key] = strings.add(self.inner.lemmatize(token)[0])
            token.lemma = value
        return doc


def cache_model_lemmatizer(nlp: Language) -> bool:
    """Put `CachedLemmatizer` around the model's `lemmatizer`; False (model's kept) when there is
    none or its mode's answer may depend on more than the token (other modes, other classes)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    inner = nlp.get_pipe("lemmatizer")
    if not isinstance(inner, Lemmatizer) or inner.mode not in ("rule", "lookup"):
        return False
    wrapper = nlp.replace_pipe("lemmatizer", "cached_lemmatizer")
    assert isinstance(wrapper, CachedLemmatizer)
    wrapper.wrap(inner)
    return True


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()
