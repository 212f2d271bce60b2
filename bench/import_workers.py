"""`briefing import --workers 1` against `--workers N` on the same 400 BBC articles, in one run.

    python -m bench.import_workers [--limit 400] [--workers 2] [--rounds 1]

Each round imports the articles (a private copy of ../shared/corpus/bbc-politics/txt) into a
fresh library once per worker count, each as its own `briefing import` process, so model
loading, reading, analysis and writing are all in the time. Prints wall-clock seconds,
briefings per second, the throughput ratio, the writer's peak resident memory and each
worker's (as the workers report it), the CPU seconds of the writer and of each worker, and the
load average before each import: the 2 cores
are shared, and a busy minute for one count and a quiet one for the other skews a ratio.
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

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-politics" / "txt"

#: Runs one import in a child process and prints its peak memory and the workers' as JSON.
_CHILD = """
import json, resource, sys
from reader.archive import pool
from reader.cli import main
seen, cpu = {}, {}
close = pool.WorkerPool.close
def keep(self):
    seen.update(self.peak_rss)
    cpu.update(self.cpu_seconds)
    close(self)
pool.WorkerPool.close = keep
code = main(sys.argv[1:])
me = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "writer_mb": me.ru_maxrss / 1024, "writer_cpu": me.ru_utime + me.ru_stime,
                  "workers_mb": sorted(seen.values()), "workers_cpu": sorted(cpu.values())}))
"""


def run_import(folder: Path, db: Path, workers: int) -> dict:
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, "import", str(folder), "--db", str(db), "--workers", str(workers), "-q"],
        capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"bench: the import with --workers {workers} failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(seconds=seconds, load=load, summary=proc.stderr.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2, help="the worker count compared with 1 (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds (each: 1 worker, then N, then N, then 1 on the next)")
    parser.add_argument("--tmp", type=Path, default=Path("/tmp/briefing-bench/workers"))
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
        return 2
    files = sorted(CORPUS.glob("*.txt"))[: args.limit]
    folder = Path(tempfile.mkdtemp(prefix="briefing-workers-"))
    for f in files:
        shutil.copy(f, folder / f.name)
    args.tmp.mkdir(parents=True, exist_ok=True)
    print(f"{len(files)} articles, {sum(f.stat().st_size for f in files) / 1e6:.2f} MB; {os.cpu_count()} cores")
    times: dict[int, list[float]] = {1: [], args.workers: []}
    for round_ in range(args.rounds):
        order = [1, args.workers] if round_ % 2 == 0 else [args.workers, 1]
        for workers in order:
            r = run_import(folder, args.tmp / f"w{workers}.db", workers)
            times[workers].append(r["seconds"])
            per = ", ".join(f"{mb:.0f}" for mb in r["workers_mb"]) or "-"
            cpu = ", ".join(f"{s:.1f}" for s in r["workers_cpu"]) or "-"
            print(
                f"round {round_ + 1} --workers {workers}: {r['seconds']:6.1f} s  {len(files) / r['seconds']:5.2f} briefings/s  "
                f"writer peak {r['writer_mb']:.0f} MB, CPU {r['writer_cpu']:.1f} s; workers peak [{per}] MB, CPU [{cpu}] s (up to their last batch); "
                f"load avg before {r['load']:.2f}  ({r['summary']})"
            )
    one, many = min(times[1]), min(times[args.workers])
    print(f"best of {args.rounds}: --workers 1 {len(files) / one:.2f} briefings/s, --workers {args.workers} "
          f"{len(files) / many:.2f} briefings/s: {one / many:.2f}x the throughput")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
