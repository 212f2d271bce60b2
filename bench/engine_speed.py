"""Engine cost against raw spaCy, in one process, on the same texts.

    python -m bench.engine_speed [--runs 15] [--bbc-limit 417] [--batch-sizes 8,16,32] [--rounds 3]

Times are CPU time of this process (all its threads), which other work on the machine
barely moves; the single-briefing part also prints wall-clock medians.

1. One briefing (~1,300 tokens: ../shared/eval/istanbul-talks.txt, else the bundled sample
   repeated to that length): median of `Engine.analyze` against median of raw `nlp(text)` with
   the same model loaded without our components. The issue's bar: ratio <= 1.2.
2. Batch: the 417 BBC politics articles through `Engine.analyze_many` (nlp.pipe inside)
   against raw `nlp.pipe`, words per second and the ratio (bar: >= 0.85), and the peak RSS
   growth of each batch size, to choose DEFAULT_BATCH_SIZE by measurement.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

from reader.documents import document_from_text
from reader.engine import DEFAULT_BATCH_SIZE, Engine
from reader.nlp.pipeline import DEFAULT_MODEL
from reader.resources import sample_briefing

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_briefing_text() -> tuple[str, str]:
    ist = SHARED / "eval" / "istanbul-talks.txt"
    if ist.exists():
        return ist.read_text(encoding="utf-8"), str(ist)
    text = sample_briefing().read_text(encoding="utf-8")
    return (text + "\n\n") * 2, "sample x2"


def median_ms(fn, runs: int, clock=time.process_time) -> float:
    """Median milliseconds of `fn`; CPU time by default, which other work on the machine barely moves."""
    times = []
    for _ in range(runs):
        t0 = clock()
        fn()
        times.append((clock() - t0) * 1000)
    return statistics.median(times)


def single(runs: int) -> None:
    text, label = one_briefing_text()
    raw = spacy.load(DEFAULT_MODEL)
    engine = Engine().load()
    document = document_from_text(text)
    tokens = len(raw(text))
    raw(text), engine.analyze(document)  # warm both
    print(f"single briefing ({label}, {tokens} tokens, median of {runs} x 3 interleaved)")
    for clock, name in ((time.process_time, "CPU"), (time.perf_counter, "wall")):
        pairs = []
        for _ in range(3):  # interleave to share machine noise
            pairs.append((median_ms(lambda: raw(text), runs, clock), median_ms(lambda: engine.analyze(document), runs, clock)))
        raw_ms = statistics.median(p[0] for p in pairs)
        eng_ms = statistics.median(p[1] for p in pairs)
        print(f"  {name:4}  raw nlp(text) {raw_ms:7.1f} ms   Engine.analyze {eng_ms:7.1f} ms   "
              f"ratio {eng_ms / raw_ms:.3f}  (bar: <= 1.2)")


def bbc_texts(limit: int) -> list[str]:
    folder = SHARED / "corpus" / "bbc-politics" / "txt"
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


def batch(limit: int, batch_sizes: list[int], rounds: int = 1) -> None:
    texts = bbc_texts(limit)
    if not texts:
        print("batch: ../shared/corpus/bbc-politics not found; skipped")
        return
    raw = spacy.load(DEFAULT_MODEL)
    engine = Engine().load()
    documents = [document_from_text(t) for t in texts]
    words = sum(len(t.split()) for t in texts)
    print(f"batch: {len(texts)} BBC politics articles, {words} words")
    for size in batch_sizes:
        before = peak_rss_mb()
        pairs = []
        for _ in range(rounds):  # raw and engine in turn, so both see the same machine
            t0 = time.process_time()
            for _ in raw.pipe(texts, batch_size=size):
                pass
            raw_s = time.process_time() - t0
            t0 = time.process_time()
            for _ in engine.analyze_many(documents, batch_size=size):
                pass
            pairs.append((raw_s, time.process_time() - t0))
        raw_s = statistics.median(p[0] for p in pairs)
        eng_s = statistics.median(p[1] for p in pairs)
        each = ", ".join(f"{r / e:.3f}" for r, e in pairs)
        print(
            f"  batch_size {size:3} (CPU time, median of {rounds} rounds): raw nlp.pipe {words / raw_s:7.0f} w/s, "
            f"engine {words / eng_s:7.0f} w/s, ratio {raw_s / eng_s:.3f} (rounds: {each}) (bar: >= 0.85), "
            f"peak RSS {peak_rss_mb():.0f} MB (was {before:.0f})"
        )
    print(f"  DEFAULT_BATCH_SIZE = {DEFAULT_BATCH_SIZE}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--bbc-limit", type=int, default=417)
    ap.add_argument("--batch-sizes", default=str(DEFAULT_BATCH_SIZE))
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument("--rounds", type=int, default=1, help="batch: raw and engine this many times in turn (median)")
    args = ap.parse_args(argv)
    single(args.runs)
    if not args.skip_batch:
        batch(args.bbc_limit, [int(s) for s in args.batch_sizes.split(",")], args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
