"""What the actor index and the list filter's indexes cost a bulk load: `import --analyses` with and without their triggers.

    python -m bench.bulk_triggers --shards /tmp/briefing-bench/library-100k/shards [--rounds 1]

The shards are bench.library_100k's (of today's engine version). Each round loads them into two
fresh libraries, each with `briefing import --analyses` as its own process: one as the reader
makes it, and one whose triggers that keep `event_actors` (m007), `briefing_labels` and
`actor_name_keys` (m008) were dropped first, as a library without those indexes would load.
The libraries are deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIGGERS = [
    "analyses_event_actors_ai", "analyses_event_actors_au", "analyses_event_actors_ad",
    "briefings_labels_ai", "briefings_labels_ad", "briefings_labels_au", "briefing_actors_name_keys_ai",
]


def load(shards: Path, db: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli", "import", "--analyses", str(shards), "--db", str(db), "-q"],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench: the load failed: {proc.stderr.strip()}")
    return time.perf_counter() - t0, proc.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shards", type=Path, default=Path("/tmp/briefing-bench/library-100k/shards"))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None, help="folder for the two libraries (default: a temporary one)")
    args = parser.parse_args(argv)
    from reader.store import Library

    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        for round_ in range(args.rounds):
            order = ("without", "with") if round_ % 2 == 0 else ("with", "without")
            for kind in order:
                db = Path(tmp) / f"{kind}.db"
                for old in Path(tmp).glob(f"{kind}.db*"):
                    old.unlink()
                Library.open(db).close()
                if kind == "without":
                    conn = sqlite3.connect(db)
                    for trigger in TRIGGERS:
                        conn.execute(f"DROP TRIGGER {trigger}")
                    conn.close()
                load_avg = os.getloadavg()[0]
                seconds, said = load(args.shards, db)
                added = int(said.split(" added")[0].split()[-1]) if " added" in said else 0
                print(
                    f"{time.strftime('%H:%M')} round {round_ + 1}, {kind} the triggers (load {load_avg:.2f}): {seconds:.1f} s, "
                    f"{added / seconds:.0f} briefings/s stored ({said})",
                    flush=True,
                )
                for old in Path(tmp).glob(f"{kind}.db*"):
                    old.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
