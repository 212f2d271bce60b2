"""The model's attribute rules and lemmatizer: spaCy's own against ours, same output, time each.

    python -m bench.model_rules [--bbc-limit 417]

The 417 BBC politics articles are parsed once up to the attribute ruler (copies of the Docs for
each run), then each component runs alone: CPU seconds of spaCy's `AttributeRuler` against
`CompiledAttributeRules`, and of the model's `Lemmatizer` against `CachedLemmatizer`, first
cold (empty caches) then warm (the same texts again: the state of a long session or import).
Then both whole pipelines run on the articles and the part of speech, tag, morphology, lemma and
dependency of every token are compared: the count of Docs that differ must be 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from bench.engine_speed import bbc_texts
from reader.nlp.attribute_rules import compile_model_ruler
from reader.nlp.lemma_cache import cache_model_lemmatizer
from reader.nlp.pipeline import DEFAULT_MODEL

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def seconds(component: Callable[[Doc], Doc], docs: list[Doc]) -> float:
    copies = [d.copy() for d in docs]
    t0 = time.process_time()
    for doc in copies:
        component(doc)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbc-limit", type=int, default=417)
    args = ap.parse_args(argv)
    texts = bbc_texts(args.bbc_limit)
    if not texts:
        print("model_rules: ../shared/corpus/bbc-politics not found")
        return 1
    theirs = spacy.load(DEFAULT_MODEL)
    ours = spacy.load(DEFAULT_MODEL)
    if not (compile_model_ruler(ours) and cache_model_lemmatizer(ours)):
        print("model_rules: this model's rules are not compiled here (the model's own are kept)")
        return 1
    print(f"{len(texts)} BBC politics articles, CPU seconds of one component over all of them")
    for name, later in (("attribute_ruler", ["attribute_ruler", "lemmatizer", "ner"]), ("lemmatizer", ["lemmatizer", "ner"])):
        their_docs = list(theirs.pipe(texts, disable=later))
        our_docs = list(ours.pipe(texts, disable=later))
        if name == "lemmatizer":  # the lemmatizer reads what the ruler set
            their_docs = [theirs.get_pipe("attribute_ruler")(d) for d in their_docs]
            our_docs = [ours.get_pipe("attribute_ruler")(d) for d in our_docs]
        spacy_s = [seconds(theirs.get_pipe(name), their_docs) for _ in range(2)]
        our_s = [seconds(ours.get_pipe(name), our_docs) for _ in range(2)]
        print(f"  {name:16} spaCy {spacy_s[0]:6.2f} s cold, {spacy_s[1]:6.2f} s warm;   "
              f"ours {our_s[0]:6.2f} s cold, {our_s[1]:6.2f} s warm")
    differ = sum(
        a.to_array(COLUMNS).tolist() != b.to_array(COLUMNS).tolist()
        for a, b in zip(theirs.pipe(texts, batch_size=16), ours.pipe(texts, batch_size=16), strict=True)
    )
    print(f"  whole pipelines: {differ} of {len(texts)} Docs differ in tag, POS, morphology, lemma or parse")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
