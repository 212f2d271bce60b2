"""How a search's cost grows with its number of terms, and what the bounds leave.

    python -m bench.store_long_query [--db /tmp/briefing-bench/fts.db]

On the 10,000-briefing library of bench/store_fts.py: CPU time of one FTS5 AND query of n
copies of a common word (the bounds bypassed, to show why they exist), and of searches at the
bound through `Library.search` (24 distinct common words; 24 copies of one word, which are
searched once).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

WORDS = (
    "minister government tax election labour party blair brown said would people year "
    "plans public told britain new report chancellor campaign vote country spending policy leader time"
).split()


def cpu_ms(call) -> float:
    start = time.process_time()
    call()
    return (time.process_time() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench/fts.db"))
    args = parser.parse_args()
    if not args.db.exists():
        print(f"bench: {args.db} is missing; build it with python -m bench.store_fts --db {args.db}", file=sys.stderr)
        return 2
    from reader.store import Library

    with Library.open(args.db) as lib:
        lib.search("government")  # warm the page cache
        for n in (1, 8, 24, 64, 200):
            fts = " ".join(['"government"'] * n)
            print(f"raw FTS5, {n:3} x 'government': {cpu_ms(lambda fts=fts: lib._search._search_briefings(fts, 20)):8.1f} ms CPU")
        distinct = " ".join(WORDS[:24])
        print(f"Library.search, 24 distinct common words: {cpu_ms(lambda: lib.search(distinct)):8.1f} ms CPU")
        same = " ".join(["government"] * 24)
        print(f"Library.search, 24 x 'government':        {cpu_ms(lambda: lib.search(same)):8.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
