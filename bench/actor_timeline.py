"""An actor's timeline at 100,000 briefings: the page from the actor index against reading the actor's analyses.

    python -m bench.actor_timeline --db PRIVATE_COPY [--actor NAME] [--runs 5] [--rekey]

--db must be a private copy of bench.library_100k's library (it is upgraded and written). With
--rekey its cached analyses are first keyed to today's engine version (`UPDATE analyses SET
engine_version = ?`, which the triggers follow), as a library analysed by this reader would
be; without, the timeline has no events. Then, each in a fresh process:

1. the open that upgrades the copy to the actor index (m007), and the indexing of the analyses
   it left pending, 500 a batch as the window does it (each batch's time: what the library's
   thread is busy with at a time);
2. for the most named actor (or --actor): the first page of their timeline as the window asks
   it (`timeline(actor, limit=301)`), the next 10 pages after the last entry, the same first page
   with the index out of use (as before it: every analysis of a briefing naming the actor is
   read), and the whole timeline.
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

_REKEY = r"""
import sys, time
from reader.model import ENGINE_VERSION
from reader.store import Library
lib = Library.open(sys.argv[1])
with lib.conn.writing():
    lib.db.execute("UPDATE analyses SET engine_version = ? WHERE engine_version != ?", [ENGINE_VERSION, ENGINE_VERSION])
lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
lib.close()
"""

_UPGRADE = r"""
import json, sys, time
from reader.store import Library
t0 = time.perf_counter()
lib = Library.open(sys.argv[1])
opened = time.perf_counter() - t0
pending = lib.timeline_index_pending()
batches = []
while lib.timeline_index_pending():
    t = time.perf_counter()
    lib.index_timeline_pending(500)
    batches.append((time.perf_counter() - t) * 1000)
lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
rows = lib.db.execute("SELECT count(*), count(DISTINCT name) FROM event_actors").fetchone()
lib.close()
print(json.dumps({"open_ms": opened * 1000, "pending": pending, "batches": batches, "rows": rows[0], "names": rows[1]}))
"""

_MEASURE = r"""
import json, sys, time
from reader.store import Library
from reader.store import timeline_index
lib = Library.open(sys.argv[1])
actor, runs = sys.argv[2], int(sys.argv[3])
if not actor:
    actor = lib.db.execute("SELECT name FROM briefing_actors GROUP BY name_key ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
from reader.store.corrections import _key
briefings = lib.db.execute("SELECT count(*) FROM briefing_actors WHERE name_key = ?", [_key(actor)]).fetchone()[0]
def timed(fn):
    t = time.perf_counter(); out = fn(); return (time.perf_counter() - t) * 1000, out
first = [timed(lambda: lib.timeline(actor, limit=301)) for _ in range(runs)]
page = first[-1][1]
indexed = timeline_index.first_page(lib._timeline, 301, actor) is not None
nexts = []
for _ in range(10):
    if len(page) < 301:
        break
    ms, page = timed(lambda: lib.timeline(actor, limit=301, after=page[-2]))
    nexts.append(ms)
real = timeline_index.first_page
timeline_module = sys.modules["reader.store.timeline"]
timeline_module.first_page = lambda *a, **k: None  # the index out of use: what the timeline did before it
before = [timed(lambda: lib.timeline(actor, limit=301))[0] for _ in range(max(1, runs // 2))]
timeline_module.first_page = real
whole_ms, whole = timed(lambda: lib.timeline(actor))
same = [(e.briefing_id, e.event.start) for e in first[-1][1][:301]] == [(e.briefing_id, e.event.start) for e in whole[:301]]
print(json.dumps({"actor": actor, "briefings": briefings, "indexed": indexed, "first": [f[0] for f in first], "next": nexts,
                  "before": before, "whole_ms": whole_ms, "whole": len(whole), "same": same}))
"""


def _run(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench: a measuring process failed:\n{proc.stderr.strip()}")
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a private copy of the 100,000-briefing library (it is written)")
    parser.add_argument("--actor", default="", help="default: the actor named in the most briefings")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rekey", action="store_true", help="key the copy's analyses to today's engine version first")
    args = parser.parse_args(argv)
    if not args.db.is_file() or args.db.resolve() == Path("/tmp/briefing-bench/library-100k/library.db"):
        print(f"{args.db}: give a private copy of the library (it is written)", file=sys.stderr)
        return 2
    print(f"{args.db} ({args.db.stat().st_size / 1e9:.2f} GB); {time.strftime('%H:%M')}, load average {os.getloadavg()[0]:.2f}", flush=True)
    if args.rekey:
        t0 = time.perf_counter()
        _run(_REKEY, str(args.db))
        print(f"analyses keyed to today's engine version in {time.perf_counter() - t0:.1f} s", flush=True)
    r = _run(_UPGRADE, str(args.db))
    if r["batches"]:
        b = r["batches"]
        print(
            f"open with the upgrade to the actor index: {r['open_ms'] / 1000:.1f} s; then {r['pending']:,} analyses indexed in "
            f"{len(b)} batches of 500, {sum(b) / 1000:.1f} s in all (a batch: median {statistics.median(b):.0f} ms, max {max(b):.0f} ms); "
            f"{r['rows']:,} rows, {r['names']:,} names",
            flush=True,
        )
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    m = _run(_MEASURE, str(args.db), args.actor, str(args.runs))
    print(
        f"{m['actor']!r} (in {m['briefings']:,} briefings; {m['whole']:,} events): first page of 301 "
        f"{'from the actor index' if m['indexed'] else 'NOT from the index'}: median {statistics.median(m['first']):.0f} ms "
        f"(runs {[round(x) for x in m['first']]}); the next {len(m['next'])} pages median "
        f"{statistics.median(m['next']) if m['next'] else 0:.0f} ms, max {max(m['next'], default=0):.0f} ms; "
        f"without the index (as before): {[round(x) for x in m['before']]} ms; the whole timeline {m['whole_ms']:.0f} ms; "
        f"first page equals the whole timeline cut: {m['same']}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
