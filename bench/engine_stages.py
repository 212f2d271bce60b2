"""Where the engine's time goes, stage by stage, on the 417 BBC articles.

    python -m bench.engine_stages [--bbc-limit 417] [--batch-size 16]

One `Engine.analyze_many` pass (after a warm-up on 20 articles), every rule component of the
pipeline (ours and the model's attribute rules and lemmatizer) and every stage after the parse
(actors, dates, events) timed in CPU seconds; the model's networks and the tokenizer are the rest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from spacy.pipeline import TrainablePipe

import reader.engine as engine_module
from bench.engine_speed import bbc_texts
from reader.documents import document_from_text
from reader.engine import Engine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbc-limit", type=int, default=417)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    texts = bbc_texts(args.bbc_limit)
    if not texts:
        print("engine_stages: ../shared/corpus/bbc-politics not found")
        return 1
    documents = [document_from_text(t) for t in texts]
    engine = Engine().load()
    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0
        return run

    nlp = engine.nlp
    for index, (name, component) in enumerate(list(nlp.pipeline)):
        if isinstance(component, TrainablePipe):
            continue  # the model's networks run on whole batches: counted in "the rest"
        # swapped in place (same name, same position); a plain function is called once per Doc
        nlp._components[index] = (name, timed(name, component))
    for stage in ("drop_runaway_entities", "extract_actors", "extract_dates", "extract_events"):
        setattr(engine_module, stage, timed(stage, getattr(engine_module, stage)))
    for _ in engine.analyze_many(documents[:20], batch_size=args.batch_size):
        pass
    spent.clear()
    t0 = time.process_time()
    for _ in engine.analyze_many(documents, batch_size=args.batch_size):
        pass
    total = time.process_time() - t0
    print(f"{len(texts)} BBC politics articles, CPU seconds, one pass at batch {args.batch_size}: {total:.2f} s in all")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")
    rest = total - sum(spent.values())
    print(f"  {'the rest (networks, tokenizer)':24} {rest:6.2f} s  {100 * rest / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
