"""Storylines on a 10,000-briefing library: matching per imported briefing, storylines, upcoming, a dossier, the timeline.

    python -m bench.storylines [--db /tmp/briefing-bench/storylines.db] [--briefings 10000] [--rebuild]

`bench.store_fts` builds its 10,000 briefings without analyses (it measures search); storylines
need analysed events, so this builds its own: the 417 BBC politics articles of
../shared/corpus/bbc-politics/txt are analysed once by the engine (each given a publication date,
one a day from 1 September 2004; cached in /tmp/briefing-bench/bbc-analyses.pkl), then stored 24
times over as 10,000 briefings, copy k moved k years on (its publication date and every resolved
date in its analysis), so a copy's acts meet each other's and never another copy's. Every
analysis goes through `Library.put_analysis`, so the storylines are built as an import builds them.

Then, in a fresh process: the cost of matching (put_analysis of 50 more briefings into the full
library, with storylines on and with the hook switched off, median of each, on copies of the
library file), and the reads the window makes: the Storylines tab (first 500 items; by actor;
contradictions only), Upcoming, the dossier of the most and of a less named actor, and the
timeline (its first 200 entries, and all of it). Wall-clock milliseconds, median of 5, and CPU.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-politics" / "txt"
CACHE = Path("/tmp/briefing-bench/bbc-analyses.pkl")
FIRST_DAY = dt.date(2004, 9, 1)


def analyses() -> dict[str, object]:
    if CACHE.exists():
        with CACHE.open("rb") as handle:
            return pickle.load(handle)
    from reader.documents import load_document
    from reader.engine import Engine

    engine = Engine().load()
    docs = [
        load_document(path, published=FIRST_DAY + dt.timedelta(days=i))
        for i, path in enumerate(sorted(CORPUS.glob("*.txt")))
    ]
    started = time.perf_counter()
    found = {doc.source or str(i): a for i, (doc, a) in enumerate(zip(docs, engine.analyze_many(docs), strict=True))}
    print(f"analysed {len(found)} BBC articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE.open("wb") as handle:
        pickle.dump(found, handle)
    return found


_YEAR = re.compile(r"^(\d{4})")


def moved(analysis, k: int, n: int):
    """Copy `k` of an analysis, `k` years on: a text of its own (so a briefing of its own), every date moved."""
    from reader.model import ENGINE_VERSION, Analysis, Document

    data = analysis.to_dict()
    document = Document.from_dict(data["document"])
    document.text = document.text + f"\n\n[synthetic copy {k}]"
    if document.published is not None:
        day = document.published
        document.published = day.replace(year=day.year + k) if not (day.month == 2 and day.day == 29) else day.replace(year=day.year + k, day=28)
    document.source = f"synthetic/{k:02}/{n:03}.txt"
    document.title = f"{k:02}-{n:03} " + (document.title or "")

    def shift(value):
        return _YEAR.sub(lambda m: str(int(m[1]) + k), value) if isinstance(value, str) else value

    for event in data["events"]:
        event["date"] = shift(event.get("date"))
    for date in data["dates"]:
        date["value"] = shift(date.get("value"))
    copy = Analysis.from_dict({**data, "document": document.to_dict()})
    copy.document = document
    # the cache may hold analyses of an older engine: stored as this engine's, or the timeline and the
    # library's other reads of current analyses would find none
    copy.engine_version = ENGINE_VERSION
    return copy


def build(db: Path, count: int) -> None:
    from reader.store import Library

    found = list(analyses().values())
    db.parent.mkdir(parents=True, exist_ok=True)
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    started = time.perf_counter()
    with Library.open(db) as library:
        library.db.execute("PRAGMA synchronous = OFF")  # the build only; the measured library is the usual one
        for i in range(count):
            k, n = divmod(i, len(found))
            analysis = moved(found[n], k, n)
            briefing_id = library.add_document(analysis.document)
            library.put_analysis(briefing_id, analysis)
            if i % 1000 == 999:
                print(f"  {i + 1} briefings, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        events = library.db.execute("SELECT count(*) FROM story_events").fetchone()[0]
        items = library.db.execute("SELECT count(*) FROM story_items WHERE briefings > 1").fetchone()[0]
    print(f"built {count} briefings ({events} events, {items} items of two briefings or more) "
          f"in {time.perf_counter() - started:.0f} s")


def timed(call, runs: int = 5) -> tuple[float, float, object]:
    wall, cpu, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = call()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def matching_cost(db: Path, extra: int = 50) -> None:
    """Median put_analysis time of `extra` new briefings into the full library, storylines on and off."""
    from reader.store import Library

    found = list(analyses().values())
    fresh = [moved(found[n], 40, n) for n in range(extra)]
    results = {}
    for label, hook in (("with storylines", True), ("without (hook off)", False)):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "library.db"
            shutil.copyfile(db, copy)
            with Library.open(copy) as library:
                if not hook:
                    library._analyses.indexed = None
                times = []
                for analysis in fresh:
                    briefing_id = library.add_document(analysis.document)
                    started = time.perf_counter()
                    library.put_analysis(briefing_id, analysis)
                    times.append((time.perf_counter() - started) * 1000)
                results[label] = statistics.median(times)
                events = sum(len(a.events) for a in fresh) / len(fresh)
        print(f"put_analysis of a new briefing ({events:.0f} events), {label}: median {results[label]:.1f} ms")
    print(f"matching adds {results['with storylines'] - results['without (hook off)']:.1f} ms per imported briefing (the bar: 20 ms)")


def measure(db: Path) -> None:
    from reader.store import Library

    with Library.open(db) as library:
        print(f"{library.count_briefings()} briefings")
        rows = [
            ("storylines, first 500 items", lambda: library.storylines.items(limit=500)),
            ("storylines of Tony Blair", lambda: library.storylines.items(actor="Tony Blair", limit=500)),
            ("storylines, contradictions only", lambda: library.storylines.items(contradictions=True, limit=500)),
            ("upcoming (every announcement)", lambda: library.storylines.upcoming(as_of=dt.date(2030, 1, 1))),
            ("dossier of Tony Blair", lambda: library.storylines.dossier("Tony Blair", library.list_briefings(sort="published", actor="Tony Blair", top_actors=0))),
            ("dossier of Charles Kennedy", lambda: library.storylines.dossier("Charles Kennedy", library.list_briefings(sort="published", actor="Charles Kennedy", top_actors=0))),
            ("timeline, first 200 entries", lambda: library.timeline(limit=200)),
            ("timeline, all of it", lambda: library.timeline()),
        ]
        print(f"{'read':36} {'ms':>8} {'CPU ms':>8}  rows")
        for label, call in rows:
            wall, cpu, result = timed(call, runs=3 if "all of it" in label else 5)
            size = len(result.items) if hasattr(result, "items") and not isinstance(result, list) else len(result)  # type: ignore[arg-type]
            print(f"{label:36} {wall:8.1f} {cpu:8.1f}  {size}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench/storylines.db"))
    parser.add_argument("--briefings", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        measure(args.db)
        matching_cost(args.db)
        return 0
    if not CORPUS.is_dir():
        print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
        return 2
    if args.rebuild or not args.db.exists():
        build(args.db, args.briefings)
    return subprocess.call([sys.executable, "-m", "bench.storylines", "--measure-only", "--db", str(args.db)])


if __name__ == "__main__":
    sys.exit(main())
