"""`briefing-reader --screenshot OUT.png [--size WxH] [--theme dark] [FILE]`: the real window, as a PNG.

The window is built offscreen exactly as `briefing-reader` builds it (the library's features
included, on a temporary library and temporary settings unless `--db` is given, so it shows the
default layout a new reader gets), opens FILE (the bundled sample by default), waits for the
analysis and its highlights, grabs the window and exits. For docs/, tests and bug reports.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Gives up (and fails) after this long without an analysis on screen.
TIMEOUT_S = 240


def parse_size(text: str) -> tuple[int, int]:
    """ "1366x768" → (1366, 768); a ValueError that says what is wrong otherwise."""
    width, sep, height = text.lower().partition("x")
    try:
        size = (int(width), int(height)) if sep else (0, 0)
    except ValueError:
        size = (0, 0)
    if not (320 <= size[0] <= 10_000 and 240 <= size[1] <= 10_000):
        raise ValueError(f"{text!r} is not a window size such as 1366x768 (320x240 to 10000x10000)")
    return size


def take_screenshot(
    out: Path,
    path: Path | None,
    size: tuple[int, int],
    build_window: Callable[..., Any],
    theme: str = "system",
    db: str | None = None,
    engine: Any = None,
) -> int:
    """Render the window on `path` at `size` into `out`; 0 when written, 1 (and one line) otherwise.

    `build_window` is reader.ui.app's (which calls this); `engine`: what analyses (tests give
    theirs), by default the window's own, in its own process.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.resources import sample_briefing
    from reader.ui.theme import apply_theme

    path = path or sample_briefing()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("take_screenshot needs the QApplication made first (reader.ui.app does)")
    apply_theme(app, theme)
    failures: list[str] = []

    def record(box: QMessageBox) -> int:  # a dialog would wait for a click nobody can give
        failures.append(box.text())
        return 0

    exec_before = QMessageBox.exec
    QMessageBox.exec = record  # type: ignore[method-assign,assignment]
    try:
        return _render(app, out, path, size, theme, build_window, library_path=db, engine=engine, failures=failures)
    finally:
        QMessageBox.exec = exec_before  # type: ignore[method-assign]


def _render(
    app: Any,
    out: Path,
    path: Path,
    size: tuple[int, int],
    theme: str,
    build_window: Callable[..., Any],
    library_path: str | None,
    engine: Any,
    failures: list[str],
) -> int:
    from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QSettings, QTimer

    from reader.atomic import WriteError, atomic_write

    db = library_path
    with tempfile.TemporaryDirectory(prefix="briefing-screenshot-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        library = Path(db).expanduser() if db else Path(tmp) / "library.db"
        window = build_window(engine=engine, settings=settings, warm_up=engine is None, library_path=library)
        window.resize(*size)
        window.show()
        window.open_path(path)
        loop = QEventLoop()
        window.analysis_shown.connect(loop.quit)
        window.load_failed.connect(loop.quit)
        QTimer.singleShot(TIMEOUT_S * 1000, loop.quit)
        loop.exec()
        deadline = time.perf_counter() + 5
        while "highlights" not in window.paint_times and time.perf_counter() < deadline and not failures:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        session = window.library_session
        while session is not None and not session.worker.ready and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        settle = time.perf_counter() + 0.3  # the panels are fitted and the timeline laid out in slices
        while time.perf_counter() < settle:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        ok = window.analysis is not None and not failures
        image = window.grab().toImage() if ok else None
        window.close()
        window.service.wait(5000)
        window.deleteLater()
    if image is None:
        reason = failures[0] if failures else f"no analysis within {TIMEOUT_S} s"
        print(f"briefing-reader: screenshot FAILED on {path}: {reason}", file=sys.stderr)
        return 1
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    try:
        atomic_write(out, bytes(data.data()))
    except WriteError as exc:
        print(f"briefing-reader: {exc}", file=sys.stderr)
        return 1
    print(f"briefing-reader: wrote {out} ({image.width()}×{image.height()}, {theme} theme) of {path.name}")
    return 0
