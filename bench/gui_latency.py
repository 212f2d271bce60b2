"""Event-loop latency of the window while a long briefing (~20,000 words) is analysed.

    python -m bench.gui_latency [--words 20000] [--runs 3] [--switch-interval MS]

A 5 ms precise QTimer runs on the GUI thread; every tick records how late it fired. The
window opens the long briefing (the model is loaded beforehand, so only the analysis is
measured) and the recording runs until the highlights are on screen. By default the engine
runs where the window runs it, in its own process; ``--in-process`` runs it on a worker
thread of the window's process instead, where it shares the GIL with the GUI thread.
Target: p99 lateness under 50 ms. The long briefing is made of BBC politics articles from
../shared/corpus when present, else the bundled sample repeated.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpus" / "bbc-politics" / "politics.jsonl"
TICK_MS = 5


def long_briefing(words: int) -> tuple[str, str]:
    """Markdown text of about ``words`` words, and where it came from."""
    parts: list[str] = []
    count = 0
    if BBC.exists():
        with BBC.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                parts.append(f"## {record['title']}\n\n{record['text'].strip()}\n")
                count += len(record["text"].split())
                if count >= words:
                    break
        source = f"{len(parts)} BBC politics articles"
    if count < words:
        from reader.resources import sample_briefing

        body = sample_briefing().read_text(encoding="utf-8").split("---", 2)[-1]
        while count < words:
            parts.append(body)
            count += len(body.split())
        source = "the bundled sample, repeated"
    return "# A long briefing\n\n" + "\n".join(parts), f"{count} words from {source}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def lateness_timer():
    """A precise QTimer every TICK_MS that records how late each tick came (ms), and its list."""
    from PySide6.QtCore import Qt, QTimer

    lateness: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    return timer, lateness


def summary(lateness: list[float]) -> dict[str, float]:
    return {"ticks": len(lateness), "p50": statistics.median(lateness), "p99": percentile(lateness, 0.99), "max": max(lateness)}


def baseline(app, seconds: float) -> dict[str, float]:
    """The same timer with nothing else running: how noisy the machine itself is."""
    from PySide6.QtCore import QEventLoop, QTimer

    timer, lateness = lateness_timer()
    loop = QEventLoop()
    timer.start(TICK_MS)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return summary(lateness)


def measure(window, path: Path, app) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    timer, lateness = lateness_timer()
    loop = QEventLoop()
    window.analysis_shown.connect(loop.quit)
    window.load_failed.connect(loop.quit)
    started = time.perf_counter()
    timer.start(TICK_MS)
    window.open_path(path)
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    deadline = time.perf_counter() + 5
    while "highlights" not in window.paint_times and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    timer.stop()
    window.analysis_shown.disconnect(loop.quit)
    window.load_failed.disconnect(loop.quit)
    if window.analysis is None:
        raise SystemExit("gui_latency: the analysis did not arrive")
    return {
        **summary(lateness),
        "seconds": time.perf_counter() - started,
        "analysis_s": window.service.last_analysis_seconds,
        "text_ms": (window.paint_times["text"] - started) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--switch-interval", type=float, help="sys.setswitchinterval in ms (default: Python's 5 ms)")
    parser.add_argument("--in-process", action="store_true", help="engine on a worker thread, not in its own process")
    parser.add_argument("--baseline", type=float, default=5.0, help="seconds of idle timer first, to show machine noise (0: skip)")
    args = parser.parse_args(argv)
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval / 1000)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.engine import Engine
    from reader.ui.app import quiet_offscreen_warnings
    from reader.ui.main_window import MainWindow
    from reader.ui.qt_compat import guard_none_refcount

    app = QApplication.instance() or QApplication([])
    quiet_offscreen_warnings()
    guard_none_refcount()
    text, origin = long_briefing(args.words)
    engine = Engine().load() if args.in_process else None
    where = "worker thread (in process)" if args.in_process else "its own process"
    print(
        f"briefing: {origin}; engine in {where}; switch interval {sys.getswitchinterval() * 1000:.1f} ms; "
        f"timer {TICK_MS} ms",
        flush=True,
    )
    if args.baseline:
        b = baseline(app, args.baseline)
        print(
            f"idle baseline: {b['ticks']} ticks over {args.baseline:.0f} s: lateness p50 {b['p50']:.1f} ms, "
            f"p99 {b['p99']:.1f} ms, max {b['max']:.1f} ms (load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-briefing.md"
        path.write_text(text, encoding="utf-8")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(engine=engine, settings=settings, warm_up=False)
        window.service.engine.load()  # model loaded before measuring (in the child process by default)
        window.resize(1300, 850)
        window.show()
        for n in range(1, args.runs + 1):
            r = measure(window, path, app)
            results.append(r)
            print(
                f"run {n}: {r['ticks']} ticks over {r['seconds']:.1f} s (analysis {r['analysis_s']:.1f} s, "
                f"text shown after {r['text_ms']:.0f} ms): lateness p50 {r['p50']:.1f} ms, "
                f"p99 {r['p99']:.1f} ms, max {r['max']:.1f} ms (load average {os.getloadavg()[0]:.1f})",
                flush=True,
            )
        window.close()
        window.service.wait(60_000)  # closing also stops the analysis process
    p99 = statistics.median(r["p99"] for r in results)
    verdict = "under" if p99 < 50 else "OVER"
    print(
        f"median of {len(results)}: p50 {statistics.median(r['p50'] for r in results):.1f} ms, "
        f"p99 {p99:.1f} ms ({verdict} the 50 ms target), max {statistics.median(r['max'] for r in results):.1f} ms"
    )
    return 0 if p99 < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
