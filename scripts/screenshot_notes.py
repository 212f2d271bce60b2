"""Render docs/notes-library.png: the window with the notes panel and the library view, on a fresh library.

Run under Xvfb (apt-get install xvfb); the window pictures without docks come from scripts/screenshots.sh:
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" .venv/bin/python scripts/screenshot_notes.py
Imports the sample and (when ../shared is there) a few BBC politics articles into a temporary
library, writes a note and a highlight, searches, and prints how long re-opening took from the cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED_TXT = ROOT.parent / "shared" / "corpus" / "bbc-politics" / "txt"
NOTE = """Abdelatty's **red line**: no *fait accompli*.

- compare with the July filling statement
- source: [AU communiqué](https://au.int)
"""


def wait(app, condition, seconds: float = 240.0) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return condition()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(ROOT / "docs" / "notes-library.png"))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=980)
    parser.add_argument("--query", default="minister")
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("screenshot: run me under Xvfb with the xcb platform (see the docstring)", file=sys.stderr)
        return 2

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader.resources import sample_briefing
    from reader.ui.app import _application, build_window

    app = _application(QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = build_window(settings=settings, library_path=db)
        session = window.library_session
        window.resize(args.width, args.height)
        window.show()
        if not wait(app, lambda: session.available):
            print(f"screenshot: the library did not open: {session.worker.error}", file=sys.stderr)
            return 1
        files = sorted(SHARED_TXT.glob("*.txt"))[:8] if SHARED_TXT.is_dir() else []
        if files:
            done: list = []
            session.browser.import_finished.connect(done.append)
            started = time.perf_counter()
            session.browser.import_paths(files)
            wait(app, lambda: bool(done))
            print(f"imported {len(done[0].added)} BBC articles in {time.perf_counter() - started:.1f} s")
        loaded: list = []
        window.analysis_shown.connect(loaded.append)
        started = time.perf_counter()
        window.open_path(sample_briefing())
        if not wait(app, lambda: bool(loaded) and session.briefing_id is not None):
            print("screenshot: the sample was not analysed", file=sys.stderr)
            return 1
        first = time.perf_counter() - started
        text = window.document.text
        start = text.index("will not accept a fait accompli")
        window.article.select_range(start, start + len("will not accept a fait accompli on the river"))
        session.notebook.add_note_on_selection()
        wait(app, lambda: session.notebook.notes_panel.current is not None)
        session.notebook.notes_panel.editor.setPlainText(NOTE)
        session.notebook.notes_panel.flush()
        start = text.index("share hydrological data every month")
        window.article.select_range(start, start + len("share hydrological data every month"))
        session.notebook.highlight_selection("#fff176")
        wait(app, lambda: len(session.notebook.notes) == 2)
        session.notebook.notes_panel.select_note(session.notebook.notes[0].id)
        window.article.select_range(0, 0)
        window.article.verticalScrollBar().setValue(0)
        session.browser.show_library()
        found: list = []
        session.browser.search_done.connect(lambda q, n: found.append(n))
        session.browser.library_view.tabs.setCurrentIndex(1)
        session.browser.library_view.search_field.setText(args.query)
        wait(app, lambda: bool(found), 10)
        window.resizeDocks([session.browser.library_dock], [300], Qt.Orientation.Vertical)
        wait(app, lambda: False, 0.8)
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(output))
        window.close()
        window.service.wait(5000)

        # Re-open the same briefing in a new window on the same library: from the cache, no spaCy.
        again = build_window(settings=settings, library_path=db, warm_up=False)
        again.show()
        wait(app, lambda: again.library_session.available)
        shown: list = []
        again.analysis_shown.connect(shown.append)
        started = time.perf_counter()
        again.open_path(sample_briefing())
        wait(app, lambda: bool(shown))
        cached = time.perf_counter() - started
        engine = again.library_session.engine
        print(
            f"sample: first open with analysis {first:.2f} s; re-open from the library {cached * 1000:.0f} ms "
            f"(engine runs {engine.engine_runs}, cache hits {engine.cache_hits}); search {args.query!r}: {found[0] if found else 0} hits"
        )
        again.close()
        again.service.wait(5000)
    print(f"screenshot: wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
