"""What the actor index and the list filter's indexes cost a bulk load: `import --analyses` with and without them.

    python -m bench.bulk_triggers --shards /tmp/briefing-bench/library-100k/shards [--rounds 1]

The shards are bench.library_100k's (of today's engine version). Each round loads them into two
fresh libraries, each with `briefing import --analyses` as its own process: one as the reader
does it (the loader fills `event_actors`, `briefing_labels` and `actor_name_keys` once per batch,
their insert triggers idle meanwhile), and one without those indexes: their triggers dropped and
the loader's batch fill (`bulk._index_fresh`) made a no-op in that process, as a library from
before them would load. The libraries are deleted afterwards.
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


_WITHOUT = r"""
import sys
from reader.store import bulk
bulk._index_fresh = lambda db, fresh: None
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def load(shards: Path, db: Path, without: bool) -> tuple[float, str]:
    command = ["import", "--analyses", str(shards), "--db", str(db), "-q"]
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _WITHOUT, *command] if without else [sys.executable, "-m", "reader.cli", *command],
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
                seconds, said = load(args.shards, db, kind == "without")
                added = int(said.split(" added")[0].split()[-1]) if " added" in said else 0
                print(
                    f"{time.strftime('%H:%M')} round {round_ + 1}, {kind} the new indexes (load {load_avg:.2f}): {seconds:.1f} s, "
                    f"{added / seconds:.0f} briefings/s stored ({said})",
                    flush=True,
                )
                for old in Path(tmp).glob(f"{kind}.db*"):
                    old.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
