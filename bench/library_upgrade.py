"""Opening an older 100,000-briefing library: what the upgrade costs, step by step, on a copy.

    python -m bench.library_upgrade [--db OLDER_LIBRARY] [--downgrade-to m002_corrections] [--runs 2]

--db is a library from before the newest migration (default: the backup bench.library_100k's
library got when it was last upgraded, `library.db.bak-v5-*`: the 96,645 briefings at schema 5).
Each run copies it to --work, optionally takes the copy further back (--downgrade-to NAME drops
what the migrations after NAME made: their tables, indexes and triggers and their records, so
that they run again), and then, in a fresh process, opens it with `Library.open` as the command
line does, once with the copy's pages dropped from the page cache (`posix_fadvise(DONTNEED)`:
as after a reboot, as far as this machine's own cache goes) and once warm. Each step the open
reports (the check, the backup, each migration) is timed from its progress lines. The shared
library is never written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_OPEN = r"""
import json, os, sys, time
from reader.store import Library
path, cold = sys.argv[1], sys.argv[2] == "1"
if cold:
    fd = os.open(path, os.O_RDONLY)
    os.fsync(fd)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
steps = []
t0 = time.perf_counter()
def progress(message):
    what = message.split(":")[0].split("…")[0]
    if not steps or steps[-1][0] != what:
        steps.append([what, time.perf_counter() - t0])
try:
    lib = Library.open(path, progress=progress)
except TypeError:  # a reader from before open reported progress
    lib = Library.open(path)
total = time.perf_counter() - t0
out = []
for i, (what, start) in enumerate(steps):
    end = steps[i + 1][1] if i + 1 < len(steps) else total
    out.append([what, (end - start) * 1000])
result = {"open_ms": total * 1000, "first_step_ms": steps[0][1] * 1000 if steps else None, "steps": out,
          "backup": str(lib.backup), "refusal": lib.refusal, "count": lib.count_briefings()}
lib.close()
print(json.dumps(result))
"""


def default_source() -> Path:
    found = sorted(Path("/tmp/briefing-bench/library-100k").glob("library.db.bak-v5-*"))
    return found[-1] if found else Path("/tmp/briefing-bench/library-100k/library.db.bak-v5")


def downgrade(path: Path, keep_through: str) -> None:
    """Drop what every migration after `keep_through` made, and their records (the copy only)."""
    import sqlite3

    from reader.store.migrations import known_names

    names = known_names()
    later = names[names.index(keep_through) + 1 :]
    made = {
        "m003_full_text_search": ["TRIGGER briefings_ai", "TRIGGER briefings_ad", "TRIGGER briefings_au", "TABLE briefings_fts",
                                  "TRIGGER notes_ai", "TRIGGER notes_ad", "TRIGGER notes_au", "TABLE notes_fts"],
        "m004_library_view_indexes": ["INDEX idx_briefings_imported_at", "INDEX idx_briefings_title_nocase"],
        "m005_event_dates": ["TRIGGER analyses_event_dates_ai", "TRIGGER analyses_event_dates_ad",
                             "TRIGGER analyses_event_dates_au", "TABLE event_dates"],
        "m006_storylines": ["TRIGGER briefings_storylines_ad", "TABLE story_events", "TABLE story_index", "TABLE story_actors",
                            "TABLE story_items", "TABLE story_corrections", "TABLE dossier_seen", "TABLE story_pending"],
    }
    conn = sqlite3.connect(path)
    try:
        with conn:
            for name in later:
                for thing in made.get(name, []):
                    conn.execute(f"DROP {thing.split()[0]} IF EXISTS {thing.split()[1]}")
                conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="an older library (default: the 100k library's v5 backup)")
    parser.add_argument("--downgrade-to", default=None, help="keep only the migrations up to this one (on the copy)")
    parser.add_argument("--runs", type=int, default=1, help="cold and warm opens, each on a fresh copy")
    parser.add_argument("--work", type=Path, default=None, help="folder for the copy (default: a temporary one)")
    args = parser.parse_args(argv)
    source = args.db or default_source()
    if not source.is_file():
        print(f"{source}: no older library; build one with python -m bench.library_100k", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="briefing-upgrade-"))
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "library.db"
    try:
        for run in range(args.runs):
            for cold in ("1", "0"):
                for old in work.glob("library.db*"):
                    old.unlink()
                shutil.copyfile(source, copy)
                if args.downgrade_to:
                    downgrade(copy, args.downgrade_to)
                load = os.getloadavg()
                proc = subprocess.run([sys.executable, "-c", _OPEN, str(copy), cold], capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                steps = "; ".join(f"{what} {ms / 1000:.1f} s" for what, ms in r["steps"])
                print(
                    f"{time.strftime('%H:%M')} run {run + 1}, {'cold' if cold == '1' else 'warm'} cache, load {load[0]:.2f} / {load[1]:.2f}: "
                    f"Library.open {r['open_ms'] / 1000:.1f} s ({r['count']:,} briefings, {copy.stat().st_size / 1e9:.2f} GB"
                    f"{', from ' + args.downgrade_to if args.downgrade_to else ''})"
                    + (f"; first step after {r['first_step_ms'] / 1000:.1f} s: {steps}" if steps else ""),
                    flush=True,
                )
    finally:
        for old in work.glob("library.db*"):
            old.unlink()
        if args.work is None:
            work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
