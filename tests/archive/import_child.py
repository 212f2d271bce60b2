"""Child process of the worker-pool tests: `briefing import --workers N` with a fake engine in the workers.

    python import_child.py ENGINE DB FOLDER WORKERS

Prints `pids P1 P2...` (the workers) on stderr as soon as they start, then runs the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader.archive import pool  # noqa: E402
from reader.cli import main  # noqa: E402


def run(engine: str, db: str, folder: str, workers: str) -> int:
    pool.ENGINE = engine
    start = pool.WorkerPool.start

    def start_and_tell(self: pool.WorkerPool) -> pool.WorkerPool:
        started = start(self)
        print("pids", *self.pids, file=sys.stderr, flush=True)
        return started

    pool.WorkerPool.start = start_and_tell  # type: ignore[method-assign]
    return main(["import", folder, "--db", db, "--workers", workers])


if __name__ == "__main__":
    sys.exit(run(*sys.argv[1:5]))
