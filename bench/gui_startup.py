"""Window start-up: process start → briefing text on screen → highlights on screen.

    python -m bench.gui_startup [--runs 5] [FILE]

Each run is a fresh `briefing-reader --smoke-test FILE` process (offscreen, the real window
code). The time origin is the moment just before the process is spawned (passed in
$BRIEFING_START_TIME), so interpreter start and imports are included. Prints each run and
the medians. Default FILE: the bundled sample.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"text shown (\d+) ms, highlights shown (\d+) ms")


def one_run(file: str | None) -> tuple[float, float, float]:
    """(text ms, highlights ms, whole process ms) for one cold process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "reader.ui.app", "--smoke-test", *([file] if file else [])]
    started = time.time()
    env["BRIEFING_START_TIME"] = repr(started)
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    total = (time.time() - started) * 1000
    match = LINE.search(result.stdout)
    if result.returncode != 0 or match is None:
        raise SystemExit(f"gui_startup: the smoke test failed: {result.stderr.strip() or result.stdout.strip()}")
    return float(match[1]), float(match[2]), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="briefing to open (default: the bundled sample)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = []
    for n in range(1, args.runs + 1):
        text_ms, highlights_ms, total_ms = one_run(args.file)
        runs.append((text_ms, highlights_ms, total_ms))
        print(f"run {n}: text {text_ms:.0f} ms, highlights {highlights_ms:.0f} ms, process {total_ms:.0f} ms", flush=True)
    texts, highlights, totals = zip(*runs, strict=True)
    print(
        f"median of {len(runs)}: text shown {statistics.median(texts):.0f} ms "
        f"(min {min(texts):.0f}, max {max(texts):.0f}); highlights shown {statistics.median(highlights):.0f} ms "
        f"(min {min(highlights):.0f}, max {max(highlights):.0f}); whole process {statistics.median(totals):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
