"""What the PETRARCH verb entries cost to load: median time and memory in fresh processes.

    python -m bench.petrarch_load [--runs 5]

Each run is a new interpreter that imports the loader first (spaCy's import is not counted), then
reads resources/lexicons/petrarch_verbs.jsonl as checked dicts and turns them into LexEntry objects.
Memory is the growth of the resident set over that, and what tracemalloc sees held by the dicts and,
once they are freed, by the LexEntry objects alone (measured on a second, untimed load).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_PROBE = """
import gc, json, time, tracemalloc
from reader.nlp.events.petrarch_verbs import read_petrarch_verbs, to_lex_entry

def rss_kib():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4

out = {}
gc.collect()
rss = rss_kib()
started = time.perf_counter()
rows = read_petrarch_verbs()
out["dicts_ms"] = (time.perf_counter() - started) * 1000
started = time.perf_counter()
entries = [to_lex_entry(r) for r in rows]
out["lexentry_ms"] = (time.perf_counter() - started) * 1000
out["rss_kib"] = rss_kib() - rss
out["entries"] = len(entries)
del rows, entries
gc.collect()
# memory on a second load, traced (tracemalloc would slow the timed one)
tracemalloc.start()
rows = read_petrarch_verbs()
out["dicts_kib"] = tracemalloc.get_traced_memory()[0] / 1024
entries = [to_lex_entry(r) for r in rows]
del rows
gc.collect()
out["lexentry_kib"] = tracemalloc.get_traced_memory()[0] / 1024
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.petrarch_load")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        probe = subprocess.run([sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True)
        runs.append(json.loads(probe.stdout))
    print(f"{runs[0]['entries']} entries, median of {args.runs} fresh processes")
    for key, label in (
        ("dicts_ms", "read + check as dicts, ms"),
        ("lexentry_ms", "then dicts -> LexEntry, ms"),
        ("dicts_kib", "dicts held, KiB"),
        ("lexentry_kib", "LexEntry objects held (dicts freed), KiB"),
        ("rss_kib", "resident set growth (dicts + LexEntry), KiB"),
    ):
        print(f"  {label:<42} {statistics.median(r[key] for r in runs):10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
