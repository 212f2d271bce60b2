"""What the cyclic garbage collector costs a batch, with the loaded engine frozen and not.

    python -m bench.gc_passes [--articles 417] [--rounds 2]

`Engine.load` ends with `gc.freeze()`: the model and the lexicons it loaded live as long as the
process, and each full (generation 2) pass of the collector would walk them again. This runs
the BBC politics articles through `Engine.analyze_many`, alternately frozen and unfrozen, and
prints the seconds spent in collector passes per generation (wall time, from `gc.callbacks`).
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path
from typing import Any

from reader.documents import document_from_text
from reader.engine import Engine

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


class PassTimer:
    """Seconds and counts of collector passes by generation, while installed."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.passes = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds[info["generation"]] += time.perf_counter() - self._started
            self.passes[info["generation"]] += 1


def timed_batch(engine: Engine, documents: list[Any]) -> tuple[PassTimer, float]:
    timer = PassTimer()
    gc.callbacks.append(timer)
    started = time.process_time()
    try:
        for _ in engine.analyze_many(documents):
            pass
    finally:
        gc.callbacks.remove(timer)
    return timer, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=417)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    paths = sorted((SHARED / "corpus" / "bbc-politics" / "txt").glob("*.txt"))[: args.articles]
    documents = [document_from_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    engine = Engine().load()
    print(f"{len(documents)} BBC politics articles; objects frozen by Engine.load: {gc.get_freeze_count()}")
    for round_no in range(args.rounds):
        for frozen in (True, False):
            gc.collect()
            if frozen:
                gc.freeze()
            else:
                gc.unfreeze()
            timer, cpu = timed_batch(engine, documents)
            passes = ", ".join(f"gen{g} {timer.passes[g]} passes {timer.seconds[g]:.3f} s" for g in range(3))
            print(f"  round {round_no + 1} {'frozen  ' if frozen else 'unfrozen'}: {passes}; batch CPU {cpu:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
