"""How many analysis workers this machine can hold: its cores, bounded by available memory.

Each worker is a whole spaCy pipeline plus a batch of parsed documents. `WORKER_PEAK_MB` is
what bench/import_workers.py measured for one worker process analysing the BBC corpus in
batches of 16 (its peak resident set); a worker is only started when the memory the kernel
says is available holds it with `RESERVE_MB` to spare for the writer and everything else.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Peak resident memory of one worker process: `python -m bench.import_workers` measured 334-388 MB
#: on the BBC articles, and bench/engine_speed.py 465 MB for the engine at batch 16 (see the README);
#: rounded up for longer texts.
WORKER_PEAK_MB = 520
#: Memory left for the writer process, the window and the rest of the machine.
RESERVE_MB = 768


def usable_cores() -> int:
    """Cores this process may run on (the affinity mask, where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def available_mb() -> int | None:
    """Memory the kernel could give without swapping (MemAvailable), None when it cannot be read."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (AttributeError, ValueError, OSError):
        return None


def default_workers(cores: int | None = None, memory_mb: int | None = None) -> int:
    """Workers for `briefing import` when `--workers` is not given: one per core, as memory allows."""
    cores = usable_cores() if cores is None else cores
    memory_mb = available_mb() if memory_mb is None else memory_mb
    if memory_mb is None:
        return cores
    return max(1, min(cores, (memory_mb - RESERVE_MB) // WORKER_PEAK_MB))
