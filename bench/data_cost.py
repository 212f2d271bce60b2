"""What the engine's own data costs at start-up: time and memory of loading every rule and lexicon.

    python -m bench.data_cost [--runs 7]

Each run is a fresh Python process that imports spaCy first (so its own start-up is not
counted), then loads, one after the other, the gazetteer (countryinfo + our place lexicons), the
entity rules, the date rules, the event lexicon with the PETRARCH verb index, and the Phoenix
dictionary of figures (index lines; rows are read on first use). It prints the wall time and
the growth of resident memory of each step; this prints the medians over the runs. The issue's
budget: at most 150 ms and 100 MB added to a cold start.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, resource, time
import spacy  # noqa: F401  (not counted)

def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6

out = {}
base_t, base_m = time.perf_counter(), rss()
def step(name, fn):
    t, m = time.perf_counter(), rss()
    fn()
    out[name] = ((time.perf_counter() - t) * 1000, rss() - m)

from reader.nlp.gazetteer import gazetteer
step("gazetteer", gazetteer)
from reader.nlp.components import load_rules
step("entity rules", load_rules)
from reader.nlp import timex  # noqa: F401  (compiles the date rules on import)
step("date rules", lambda: timex.warm())
from reader.nlp.events.lexicon import load_lexicon
step("event lexicon + PETRARCH index", load_lexicon)
from reader.nlp.figures import figures
step("Phoenix figures", lambda: figures().load())
out["total"] = ((time.perf_counter() - base_t) * 1000, rss() - base_m)
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"median of {args.runs} fresh processes (spaCy already imported):")
    for name in runs[0]:
        ms = statistics.median(r[name][0] for r in runs)
        mb = statistics.median(r[name][1] for r in runs)
        print(f"  {name:32} {ms:7.1f} ms  {mb:6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
