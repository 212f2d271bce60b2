"""Headlinese: how many BBC politics titles yield an event, with and without `headline_verbs`.

    python -m bench.headlines [--show]

Each of the 417 titles of ``../shared/corpus/bbc-politics/politics.jsonl`` is analysed alone (a
title, a blank line, a one-word body) by the engine as shipped and again with the
``headline_verbs`` component disabled. It prints how many titles yield at least one event
either way, and with ``--show`` every title whose events differ.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.documents import document_from_text
from reader.engine import Engine

TITLES = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc-politics" / "politics.jsonl"


def events_of(engine: Engine, titles: list[str]) -> list[list[str]]:
    out = []
    for title in titles:
        analysis = engine.analyze(document_from_text(title + "\n\nBody."))
        out.append([f"{e.trigger} [{e.category}] {e.summary}" for e in analysis.events])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.headlines", description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the titles whose events differ")
    args = parser.parse_args(argv)
    if not TITLES.exists():
        print(f"bench.headlines: {TITLES} not found (the evaluation kit belongs beside the checkout)")
        return 2
    with TITLES.open(encoding="utf-8") as fh:
        titles = [json.loads(line)["title"] for line in fh if line.strip()]
    engine = Engine()
    shipped = events_of(engine, titles)
    engine.nlp.disable_pipe("headline_verbs")
    try:
        without = events_of(engine, titles)
    finally:
        engine.nlp.enable_pipe("headline_verbs")
    print(f"{len(titles)} titles; with an event: {sum(map(bool, shipped))} as shipped, "
          f"{sum(map(bool, without))} without headline_verbs")
    if args.show:
        for title, a, b in zip(titles, without, shipped, strict=True):
            if a != b:
                print(f"  {title}\n    without: {a}\n    shipped: {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
