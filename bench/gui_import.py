"""The window while it imports a folder: event-loop lateness, note autosave round trips, throughput.

    python -m bench.gui_import [--files 60]

Opens the real window on a temporary library with the sample open and a note being edited,
loads the model first, then imports BBC politics articles (../shared/corpus/bbc-politics/txt)
through File > Import (the import's own thread and connection). Meanwhile a 5 ms precise
QTimer records how late the GUI thread is, and the note is saved every 250 ms: each save's
round trip (flush to "saved") is timed. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
BBC_TXT = ROOT.parent / "shared" / "corpus" / "bbc-politics" / "txt"
TICK_MS = 5


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument(
        "--in-process", action="store_true", help="give the window an in-process Engine (default: the window's own choice)"
    )
    args = parser.parse_args()
    files = sorted(BBC_TXT.glob("*.txt"))[: args.files]
    if not files:
        print(f"{BBC_TXT}: no articles (../shared is needed)", file=sys.stderr)
        return 2

    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.engine import Engine
    from reader.resources import sample_briefing
    from reader.ui.app import build_window

    app = QApplication.instance() or QApplication([])

    def spin(condition, seconds: float = 600) -> None:
        deadline = time.perf_counter() + seconds
        while not condition() and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    engine = Engine().load() if args.in_process else None
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = build_window(engine=engine, settings=settings, warm_up=False, library_path=Path(tmp) / "library.db")
        session = window.library_session
        window.resize(1400, 900)
        window.show()
        session.worker.start()
        spin(lambda: session.available)
        session.engine.load()  # the model is loaded before the measurement (in whichever process runs it)
        shown: list[int] = []
        window.analysis_shown.connect(shown.append)
        window.open_path(sample_briefing())
        spin(lambda: bool(shown) and session.briefing_id is not None)
        text = window.document.text
        start = text.index("fait accompli")
        window.article.select_range(start, start + len("fait accompli"))
        session.notebook.add_note_on_selection()
        spin(lambda: session.notebook.notes_panel.current is not None)

        lateness: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            last[0] = now

        saves: list[float] = []
        sent: list[float] = []
        session.notebook.note_saved.connect(lambda _id: saves.append((time.perf_counter() - sent[-1]) * 1000) if sent else None)
        typed = [0]

        def type_and_save() -> None:
            typed[0] += 1
            session.notebook.notes_panel.editor.setPlainText(f"edit {typed[0]}")
            sent.append(time.perf_counter())
            session.notebook.notes_panel.flush()

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(tick)
        saver = QTimer()
        saver.timeout.connect(type_and_save)
        finished: list = []
        session.browser.import_finished.connect(finished.append)
        started = time.perf_counter()
        session.browser.import_paths(files)
        last[0] = time.perf_counter()
        timer.start(TICK_MS)
        saver.start(250)
        spin(lambda: bool(finished))
        elapsed = time.perf_counter() - started
        timer.stop()
        saver.stop()
        report = finished[0]
        window.close()
        window.service.wait(5000)

    where = "in the window's process" if args.in_process else "the window's default engine"
    print(f"engine: {where}")
    print(f"import: {len(report.added)} of {len(files)} BBC articles in {elapsed:.1f} s ({len(report.added) / elapsed:.1f} per s)")
    print(
        f"GUI lateness during the import (5 ms timer, {len(lateness)} ticks): median {statistics.median(lateness):.1f} ms, "
        f"p99 {percentile(lateness, 0.99):.1f} ms, max {max(lateness):.1f} ms"
    )
    print(
        f"note saves during the import: {len(saves)} of {len(sent)}, round trip median {statistics.median(saves):.1f} ms, "
        f"max {max(saves):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
