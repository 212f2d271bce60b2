"""`analyze-archive --scheduler local:2` on the 417 BBC articles, then `import --analyses`, against a plain import.

    python -m bench.archive_bbc [--scheduler local:2] [--out /tmp/briefing-bench/bbc-archive]

Three `briefing` commands, each timed as its own process: the archive run into --out, the
load of its shards into one library, and a plain `briefing import` of the same files into
another. Then the two libraries are compared: briefings (every column but the timestamps),
cached analyses, the actor index, events on the whole timeline, and search results for
the queries of bench/store_fts.py. The shards are kept in --out for bench/library_100k.py.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.store_fts import QUERIES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-politics" / "txt"


def briefing(*args: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    print(f"  briefing {' '.join(args[:1])}: {seconds:.1f} s, exit {proc.returncode}: {last}")
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return seconds


def tables(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        return {
            "briefings": conn.execute(
                "SELECT id, title, format, source, content_hash, published, published_origin, structure, text FROM briefings ORDER BY id"
            ).fetchall(),
            "analyses": conn.execute("SELECT content_hash, engine_version, data FROM analyses ORDER BY content_hash").fetchall(),
            "actor index": conn.execute("SELECT * FROM briefing_actors ORDER BY briefing_id, name_key").fetchall(),
        }
    finally:
        conn.close()


def views(db: Path) -> dict[str, list]:
    from reader.store import Library

    with Library.open(db) as lib:
        return {
            "timeline events": [(e.briefing_id, e.event.id, e.event.date, e.agents, e.targets) for e in lib.timeline()],
            "search results": [[(h.briefing_id, h.snippet) for h in lib.search(q)] for q in QUERIES],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scheduler", default="local:2")
    parser.add_argument("--out", type=Path, default=Path("/tmp/briefing-bench/bbc-archive"))
    parser.add_argument("--plain-workers", default="2", help="--workers of the plain import (1: in one process)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="briefing-archive-"))
    files = sorted(CORPUS.glob("*.txt"))
    for f in files:
        shutil.copy(f, folder / f.name)
    shutil.rmtree(args.out, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix="briefing-archive-db-"))
    loaded, plain = work / "loaded.db", work / "plain.db"
    print(f"{len(files)} articles")
    archive = briefing("analyze-archive", str(folder), "--out", str(args.out), "--scheduler", args.scheduler, "-q")
    load = briefing("import", "--analyses", str(args.out), "--db", str(loaded), "-q")
    direct = briefing("import", str(folder), "--db", str(plain), "--workers", args.plain_workers, "-q")
    same = True
    a, b = {**tables(plain), **views(plain)}, {**tables(loaded), **views(loaded)}
    for name in a:
        equal = a[name] == b[name]
        same &= equal
        print(f"  {name:16} plain {len(a[name]):6}  from shards {len(b[name]):6}  {'same' if equal else 'DIFFERENT'}")
    print(
        f"analyze-archive {archive:.1f} s ({len(files) / archive:.1f} briefings/s) + import --analyses {load:.1f} s "
        f"against a plain import (--workers {args.plain_workers}) {direct:.1f} s; libraries {'identical' if same else 'differ'}"
    )
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
