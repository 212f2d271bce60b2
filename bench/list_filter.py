"""The library list's filter at 100,000 briefings: the store's answer against walking the loaded pages.

    python -m bench.list_filter --db PRIVATE_COPY [--runs 5]

--db must be a private copy of bench.library_100k's library (opening it upgrades it). In a fresh
process, for each filter (rare and common words, a source, a date, an actor's name, two letters):

- the store's answer as the window asks it: the first page (`list_briefings(matching=..., limit=301)`)
  and the count of matches up to 1,000 (`count_briefings(matching, 1000)`), median of --runs;
- what the window did before: pages of 300 newest first, each row's title, date, top actors and
  source matched in Python, until 100 rows match or the list ends (the library's thread's time,
  one run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORDS = ["copy-0137", "hewitt decries", "2003-05", "kilroy-silk", "blair", "labour", "uk", "no-such-word"]

_MEASURE = r"""
import json, statistics, sys, time
from reader.store import Library
t0 = time.perf_counter()
lib = Library.open(sys.argv[1])
opened = time.perf_counter() - t0
runs, words = int(sys.argv[2]), json.loads(sys.argv[3])
out = {"open_ms": opened * 1000, "words": {}}
def timed(fn):
    t = time.perf_counter(); r = fn(); return (time.perf_counter() - t) * 1000, r
for word in words:
    lib.list_briefings(matching=word, limit=301)
    page = [timed(lambda: lib.list_briefings(matching=word, limit=301)) for _ in range(runs)]
    count = [timed(lambda: lib.count_briefings(word, 1000)) for _ in range(runs)]
    exact = lib.count_briefings(word)
    needles = word.casefold().split()
    def walk():
        found, offset = 0, 0
        while found < 100:
            rows = lib.list_briefings(limit=300, offset=offset)
            for r in rows:
                hay = f"{r.title}\n{r.published.isoformat() if r.published else ''}\n{', '.join(r.top_actors)}\n{r.source}".casefold()
                found += " ".join(needles) in hay
            offset += 300
            if len(rows) < 300:
                break
        return found, offset // 300
    before, (found, pages) = timed(walk)
    out["words"][word] = {"page": [p[0] for p in page], "rows": len(page[0][1]), "count": [c[0] for c in count],
                          "matches": exact, "counted": count[0][1], "before": before, "before_found": found, "before_pages": pages}
lib.close()
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a private copy of the 100,000-briefing library (it is upgraded)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", nargs="*", default=WORDS)
    args = parser.parse_args(argv)
    if not args.db.is_file() or args.db.resolve() == Path("/tmp/briefing-bench/library-100k/library.db"):
        print(f"{args.db}: give a private copy of the library (it is written)", file=sys.stderr)
        return 2
    print(f"{args.db} ({args.db.stat().st_size / 1e9:.2f} GB); {time.strftime('%H:%M')}, load average {os.getloadavg()[0]:.2f}", flush=True)
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(args.db), str(args.runs), json.dumps(args.words)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"Library.open {r['open_ms'] / 1000:.1f} s (with the upgrade when the copy had no filter index yet)")
    for word, w in r["words"].items():
        print(
            f"  {word!r:18} {w['matches']:>6,} briefings match: first page ({w['rows']} rows) median {statistics.median(w['page']):6.1f} ms, "
            f"count as the window asks it (up to 1,000: {w['counted']:,}) median {statistics.median(w['count']):6.1f} ms; before: {w['before']:8.0f} ms to walk {w['before_pages']} pages "
            f"of 300 and show {w['before_found']} rows",
            flush=True,
        )
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
