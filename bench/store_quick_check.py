"""What `PRAGMA quick_check` adds to opening a 10,000-briefing library (run on every open).

    python -m bench.store_quick_check [--db /tmp/briefing-bench/fts.db] [--runs 5]

Uses the synthetic library of bench/store_fts.py (built there first when missing: 10,000
briefings, 2,000 notes, about 150 MB). Each run is a fresh process that opens the library
with `Library.open` (which runs the check) and then runs the check again alone, so the
figures are: the whole open, the check inside it, and `integrity_check` once for comparison.
The file is in the OS page cache after the first run; `--cold` asks the kernel to drop its
caches first (root only), which is what the first open after a reboot pays.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, sys, time
from pathlib import Path
from reader.store import Library
from reader.store.integrity import quick_check
t = time.perf_counter(); c = time.process_time()
lib = Library.open(Path(sys.argv[1]))
opened, opened_cpu = time.perf_counter() - t, time.process_time() - c
t = time.perf_counter()
problems = quick_check(lib.db)
check = time.perf_counter() - t
full = None
if sys.argv[2] == "1":
    t = time.perf_counter()
    lib.db.execute("PRAGMA integrity_check").fetchall()
    full = time.perf_counter() - t
lib.close()
print(json.dumps({"open": opened, "open_cpu": opened_cpu, "check": check, "integrity": full, "ok": not problems}))
"""


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench/fts.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the OS page cache before each run (root)")
    args = parser.parse_args()
    if not args.db.exists():
        from bench.store_fts import CORPUS, build

        if not CORPUS.is_dir():
            print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
            return 2
        build(args.db, 10_000)
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*")) / 1e6
    results = []
    for run in range(args.runs):
        if args.cold and not drop_caches():
            print("bench: cannot drop the page cache (needs root)", file=sys.stderr)
            return 2
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.db), "1" if run == 0 else "0"], capture_output=True, text=True, check=True
        ).stdout
        results.append(json.loads(out))
    first = results[0]
    med = {k: statistics.median(r[k] for r in results) * 1000 for k in ("open", "open_cpu", "check")}
    print(f"library: {args.db} ({size:.0f} MB), {args.runs} runs{' (page cache dropped before each)' if args.cold else ''}")
    print(f"Library.open with quick_check: median {med['open']:.0f} ms (CPU {med['open_cpu']:.0f} ms)")
    runs = ", ".join(f"{r['check'] * 1000:.0f}" for r in results)
    print(f"quick_check alone: median {med['check']:.0f} ms (runs: {runs} ms)")
    print(f"integrity_check (once, for comparison): {first['integrity'] * 1000:.0f} ms; all checks ok: {all(r['ok'] for r in results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
