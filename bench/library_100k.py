"""A 100,000-briefing library built from real analyses: bulk load, search, list, timeline, file size.

    python -m bench.library_100k [--analyses /tmp/briefing-bench/bbc-archive] [--briefings 100000] [--runs 40]

The analyses are the engine's own, of the 417 BBC politics articles, as `bench.archive_bbc`
(analyze-archive) leaves them in --analyses (run it first). Copy k of an article gets one line
appended to its text ("Archive copy k.", so every text is new and every offset still right),
a publication date k×15 days after 1 January 2000, and its dated events moved by (k mod 25) − 12
years, so the timeline spans decades as an archive's does. They are written as shards of
1,000 with a manifest, like analyze-archive's; then, each in a fresh process:

- `briefing import --analyses` of all of them into a new library (briefings per second);
- search (`Library.search`, briefings and notes, top 20 with snippets, as the window asks) on the
  queries of bench/store_fts.py, median and p95 per query over --runs;
- the library list's first page (`list_briefings(sort="imported", limit=100)`), and the whole
  list as the window asks for it today (no limit);
- the unfiltered timeline's first page (`timeline(limit=200)`), and the whole timeline once;
- the file's size (after a WAL checkpoint).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.store_fts import QUERIES

_YEAR = re.compile(r"^(\d{4})")


def shifted(value: str | None, years: int) -> str | None:
    if not value:
        return value
    match = _YEAR.match(value)
    if not match:
        return value
    year = min(9999, max(1, int(match.group(1)) + years))
    return f"{year:04d}{value[4:]}"


def synthesise(source: Path, target: Path, count: int) -> int:
    """Write `count` synthetic analyses as shards in `target`; returns how many were written."""
    from reader.archive.shards import ArchiveFolder, encode_shard
    from reader.model import ENGINE_VERSION

    folder = ArchiveFolder.open(source)
    folder.check_version(ENGINE_VERSION, "build the synthetic library from them")
    real = [r for shard in sorted(folder.shards, key=lambda s: s.number) for r in folder.read(shard)]
    if not real:
        raise SystemExit(f"bench: no analyses in {source}; run python -m bench.archive_bbc first")
    out = ArchiveFolder.open(target, create=True)
    if out.documents() == count and out.engine_version == ENGINE_VERSION:
        return count
    for old in target.glob("shard-*"):
        old.unlink()
    out = ArchiveFolder.open(target)
    batch: list[dict] = []
    number = 0
    for n in range(count):
        k, record = divmod(n, len(real))
        base = real[record]
        document = dict(base["document"])
        document["text"] = base["document"]["text"] + f"\n\nArchive copy {k}."
        document["title"] = f"{base['document']['title'] or base['document']['text'][:60].splitlines()[0]} ({k})"
        document["published"] = (dt.date(2000, 1, 1) + dt.timedelta(days=k * 15 + record % 15)).isoformat()
        document["published_origin"] = "option"
        document["source"] = f"/archive/copy-{k:04d}/{Path(base['document']['source']).name}"
        years = k % 25 - 12
        events = [{**e, "date": shifted(e.get("date"), years)} for e in base["events"]]
        batch.append({**base, "document": document, "events": events})
        if len(batch) == 1000 or n == count - 1:
            number += 1
            out.write_shard(number, encode_shard(batch), ENGINE_VERSION, [b["document"]["source"] for b in batch], len(batch), [])
            batch = []
    out.write_manifest(ENGINE_VERSION, [], complete=True)
    return count


_MEASURE = r"""
import json, statistics, sys, time
from reader.store import Library
db, runs, queries = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
def timed(fn, n):
    out = []
    for _ in range(n):
        t0 = time.perf_counter(); fn(); out.append((time.perf_counter() - t0) * 1000)
    return out
result = {}
t0 = time.perf_counter()
lib = Library.open(db)
result["open_ms"] = (time.perf_counter() - t0) * 1000
result["count"] = lib.count_briefings()
for q in queries:
    lib.search(q, limit=20)  # first touch of the pages
result["search"] = {q: timed(lambda q=q: lib.search(q, limit=20), runs) for q in queries}
result["search_hits"] = {q: len(lib.search(q, limit=20)) for q in queries}
result["list_page"] = timed(lambda: lib.list_briefings(sort="imported", limit=100), runs)
result["list_published_page"] = timed(lambda: lib.list_briefings(sort="published", limit=100), runs)
result["timeline_page"] = timed(lambda: lib.timeline(limit=200), runs)
result["list_all"] = timed(lambda: lib.list_briefings(sort="imported"), 1)
result["timeline_all"] = timed(lambda: lib.timeline(), 1)
lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
lib.close()
print(json.dumps(result))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyses", type=Path, default=Path("/tmp/briefing-bench/bbc-archive"))
    parser.add_argument("--briefings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-bench/library-100k"))
    parser.add_argument("--keep", action="store_true", help="reuse the library of an earlier run (measure only)")
    args = parser.parse_args(argv)
    shards, db = args.work / "shards", args.work / "library.db"
    if not (args.keep and db.exists()):
        t0 = time.perf_counter()
        synthesise(args.analyses, shards, args.briefings)
        print(f"{args.briefings:,} synthetic analyses in {shards} ({sum(p.stat().st_size for p in shards.glob('*.gz')) / 1e6:.0f} MB of shards; made in {time.perf_counter() - t0:.0f} s)")
        for old in args.work.glob("library.db*"):
            old.unlink()
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "reader.cli", "import", "--analyses", str(shards), "--db", str(db), "-q"],
            capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            print(f"bench: briefing import --analyses failed: {proc.stderr.strip()}", file=sys.stderr)
            return 1
        print(f"briefing import --analyses: {seconds:.1f} s, {args.briefings / seconds:.0f} briefings/s  ({proc.stderr.strip()})")
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(db), str(args.runs), json.dumps(QUERIES)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{r['count']:,} briefings; Library.open {r['open_ms']:.0f} ms; file {db.stat().st_size / 1e9:.2f} GB")
    medians = []
    for q, times in r["search"].items():
        medians.append(statistics.median(times))
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        print(f"  search {q!r:24} median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  ({r['search_hits'][q]} hits)")
    every = [t for times in r["search"].values() for t in times]
    print(f"search, all queries: median {statistics.median(every):.1f} ms, p95 {sorted(every)[int(0.95 * (len(every) - 1))]:.1f} ms, worst query median {max(medians):.1f} ms")
    for name, label in (
        ("list_page", "library list, first page of 100 (newest imported)"),
        ("list_published_page", "library list, first page of 100 (newest published)"),
        ("timeline_page", "timeline, first page of 200 events, unfiltered"),
        ("list_all", "library list, everything (as the window asks today)"),
        ("timeline_all", "timeline, everything"),
    ):
        times = r[name]
        print(f"  {label:54} median {statistics.median(times):8.1f} ms  max {max(times):8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
