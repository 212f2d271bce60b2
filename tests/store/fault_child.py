"""The child process of the fault-injection suite: runs one store operation and dies where told.

    python fault_child.py OPERATION DB ARG KILL_AT [--full PAGES] [--out FILE]

Every "point" is a place where a crash can happen: each time SQLite's VM has run a few dozen
instructions (its progress handler), and each os.write / os.fsync / os.replace / os.link the
reader makes (the atomic file writes). KILL_AT = 0 counts the points and prints `points N` at
the end (the parent's calibration run); KILL_AT = k sends SIGKILL to this process at the k-th
point: no cleanup, no atexit, as a crash or `kill -9` does. `--full PAGES` caps the library at
that many more pages, so SQLite answers SQLITE_FULL as on a full disk. `--out` is the export's
target.

A line is printed (and flushed) only after the write it reports has returned.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader.store import Library  # noqa: E402
from reader.store import database as store_database  # noqa: E402

#: SQLite VM instructions between two points.
VM_STEP = 40


class Points:
    def __init__(self, kill_at: int) -> None:
        self.kill_at = kill_at
        self.count = 0

    def hit(self) -> int:
        self.count += 1
        if self.count == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0  # let SQLite go on


def install(points: Points, full_after: int | None) -> None:
    connect = store_database.connect

    def instrumented(path, *args, **kwargs):
        db = connect(path, *args, **kwargs)
        db.conn.set_progress_handler(points.hit, VM_STEP)
        if full_after is not None:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages + full_after}")
        return db

    import reader.store.library as library_module

    library_module.connect = instrumented
    for name in ("write", "fsync", "replace", "link"):
        real = getattr(os, name)

        def wrapped(*args, _real=real, **kwargs):
            points.hit()
            return _real(*args, **kwargs)

        setattr(os, name, wrapped)


def autosave(db: str, briefing_id: str) -> None:
    """Write notes the way the window's autosave does: create, then save drafts one by one."""
    with Library.open(db) as lib:
        for n in range(3):
            note = lib.add_note(briefing_id, "", quote="Istanbul", color="yellow")
            print("created", note.id, flush=True)
            for version in range(4):
                lib.update_note(note.id, body=draft(n, version))
                print("saved", note.id, version, flush=True)


def draft(n: int, version: int) -> str:
    return f"note {n} draft {version} ✓ " + "typed text " * (version * 150)


def import_folder(db: str, folder: str) -> None:
    from store.fakes import FakeEngine

    with Library.open(db) as lib:
        report = lib.import_paths([folder], FakeEngine(), progress=lambda d, t, p: print("imported", p, flush=True))
        if report.stopped:
            print("stopped", report.stopped, flush=True)


def export(db: str, briefing_id: str, out: str) -> int:
    from reader.cli import main

    return main(["export", briefing_id, "--db", db, "--out", out, "--force"])


def main(argv: list[str]) -> int:
    operation, db, arg, kill_at = argv[0], argv[1], argv[2], int(argv[3])
    options = dict(zip(argv[4::2], argv[5::2], strict=True))
    full_after = int(options["--full"]) if "--full" in options else None
    points = Points(kill_at)
    install(points, full_after)
    code = 0
    try:
        if operation == "autosave":
            autosave(db, arg)
        elif operation == "import":
            import_folder(db, arg)
        elif operation == "export":
            code = export(db, arg, options["--out"])
        else:
            raise SystemExit(f"unknown operation {operation}")
    except Exception as exc:  # a refusal (full disk): reported, the parent checks what was kept
        print("error", type(exc).__name__, exc, flush=True)
        code = 1
    print("points", points.count, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
