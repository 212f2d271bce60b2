"""What resolving dates adds to the engine: median `extract_dates` time against `nlp(text)`.

    python -m bench.dates_overhead [--repeat 7] [--articles 5]

Runs on the shared briefing (../shared/eval/istanbul-talks.txt) and on the first BBC politics
articles of ../shared/corpus/bbc-politics/txt/. The target is a ratio of at most 10%: the
tagger is plain Python over the Doc spaCy already made, so it must stay small beside the parse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from reader.engine import Engine
from reader.nlp.timex import extract_dates

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def texts(articles: int) -> list[tuple[str, str]]:
    out = []
    briefing = SHARED / "eval" / "istanbul-talks.txt"
    if briefing.exists():
        out.append((briefing.name, briefing.read_text(encoding="utf-8")))
    bbc = sorted((SHARED / "corpus" / "bbc-politics" / "txt").glob("*.txt"))[:articles]
    out.extend((p.name, p.read_text(encoding="utf-8", errors="replace")) for p in bbc)
    return out


def median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dates_overhead")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--articles", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = texts(args.articles)
    if not corpus:
        print("bench.dates_overhead: ../shared is missing", file=sys.stderr)
        return 2
    nlp = Engine().nlp
    published = dt.date(2025, 5, 22)
    nlp(corpus[0][1])
    extract_dates(nlp(corpus[0][1]), published)  # warm-up: regex compilation, lexicon loading
    total_nlp = total_dates = 0.0
    print(f"{'text':<28} {'tokens':>6} {'nlp ms':>8} {'dates ms':>9} {'ratio':>7} {'dates':>5}")
    for name, text in corpus:
        doc = nlp(text)
        nlp_ms = median_ms(lambda text=text: nlp(text), args.repeat)
        dates_ms = median_ms(lambda doc=doc: extract_dates(doc, published), args.repeat)
        total_nlp += nlp_ms
        total_dates += dates_ms
        found = len(extract_dates(doc, published))
        print(f"{name:<28} {len(doc):>6} {nlp_ms:>8.1f} {dates_ms:>9.2f} {dates_ms / nlp_ms:>7.1%} {found:>5}")
    print(f"all: nlp {total_nlp:.1f} ms, dates {total_dates:.2f} ms, ratio {total_dates / total_nlp:.1%} (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
