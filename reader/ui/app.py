"""`briefing-reader [FILE]`: the window's entry point, its command-line options and the smoke test."""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # as early as possible: the smoke test reports times from here

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from reader import __version__  # noqa: E402
from reader.ui.platform_check import (  # noqa: E402
    import_error_message,
    needs_display_message,
    x_display_unreachable_message,
    xcb_libraries_message,
)

#: The smoke test gives up (and fails) after this long.
SMOKE_TIMEOUT_S = 240


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-reader",
        description="Read a news or analytical briefing: actors, resolved dates and a timeline of events.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help=".md, .txt or .html briefing (default: the bundled sample)")
    parser.add_argument("--version", action="version", version=f"briefing-reader {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open FILE offscreen through the real window, analyse it, print one line and exit",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="library database for notes, corrections and cached analyses (default: $BRIEFING_DB, else the data folder)",
    )
    return parser


def seconds_since_process_start() -> float:
    """Time since the process started: $BRIEFING_START_TIME (epoch, set by benchmarks), /proc, or import time."""
    override = os.environ.get("BRIEFING_START_TIME")
    if override:
        try:
            return time.time() - float(override)
        except ValueError:
            pass
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start_ticks / ticks)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - STARTED


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build re-runs itself as the analysis process
    args = build_parser().parse_args(argv)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        message = needs_display_message()
        if message:
            print(message, file=sys.stderr)
            return 2
    message = xcb_libraries_message() or x_display_unreachable_message()
    if message:
        print(message, file=sys.stderr)
        return 2
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        print(import_error_message(exc), file=sys.stderr)
        return 2
    from reader.ui.qt_compat import guard_none_refcount

    guard_none_refcount()
    path = Path(args.file) if args.file else None
    if args.smoke_test:
        return smoke_test(path, db=args.db)
    return run_window(path, QApplication, db=args.db)


def _application(app_class):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setApplicationName("briefing-reader")
    QGuiApplication.setApplicationDisplayName("Briefing Reader")
    QGuiApplication.setOrganizationName("BriefingReader")
    QGuiApplication.setDesktopFileName("briefing-reader")
    app = app_class.instance() or app_class([sys.argv[0]])
    from PySide6.QtGui import QIcon

    from reader.resources import resource

    icon = resource("icons", "briefing-reader.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_window(path: Path | None, app_class, db: str | None = None) -> int:
    from reader.resources import sample_briefing
    from reader.ui.dialogs import install_excepthook, setup_logging
    from reader.ui.main_window import MainWindow

    log_file = setup_logging()
    app = _application(app_class)
    from reader.paths import default_library_path

    window = MainWindow(library_path=Path(db).expanduser() if db else default_library_path())
    install_excepthook(lambda: window, log_file)
    window.show()
    window.open_path(path or sample_briefing())
    code = app.exec()
    if not window.service.wait(300):
        # An analysis of a long briefing is still running and cannot be interrupted; nothing is
        # left to save (settings were written on close), so leave now instead of waiting for it.
        logging.shutdown()
        os._exit(code)
    return code


def quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window features it lacks; those lines are noise here."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind, _context, message: str) -> None:
        if "does not support" in message:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def smoke_test(path: Path | None, db: str | None = None) -> int:
    """Open a briefing through the real window offscreen; print one line; 0 when everything showed.

    With `db`, the window also uses that library: the briefing must be stored in it.
    """
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.resources import sample_briefing
    from reader.ui.main_window import MainWindow

    path = path or sample_briefing()
    app = _application(QApplication)
    quiet_offscreen_warnings()
    failures: list[str] = []
    # A dialog would wait for a click nobody can give: record it as the failure instead.
    QMessageBox.exec = lambda box: failures.append(box.text()) or 0  # type: ignore[method-assign]
    origin = time.perf_counter() - seconds_since_process_start()
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, library_path=Path(db).expanduser() if db else None)
        window.show()
        generation = window.open_path(path)
        loop = QEventLoop()
        window.analysis_shown.connect(loop.quit)
        window.load_failed.connect(loop.quit)
        QTimer.singleShot(SMOKE_TIMEOUT_S * 1000, loop.quit)
        loop.exec()
        deadline = time.perf_counter() + 10
        while "highlights" not in window.paint_times and time.perf_counter() < deadline and not failures:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        session = window.library_session
        while session is not None and session.briefing_id is None and time.perf_counter() < deadline and not failures:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if session is not None and session.briefing_id is None and not failures:
            failures.append(f"the briefing was not stored in the library {db}: {session.worker.error or 'no answer'}")
        analysis = window.analysis
        ok = analysis is not None and not failures and {"text", "highlights"} <= window.paint_times.keys()
        if ok:
            expected = window.mention_counts(analysis)
            shown = dict(window.article.highlight_counts())
            if shown != expected:
                failures.append(f"highlights on screen {shown} differ from the engine's mentions {expected}")
                ok = False
        window.close()
        window.service.wait(5000)
    if not ok or analysis is None:
        reason = failures[0] if failures else f"no analysis within {SMOKE_TIMEOUT_S} s (generation {generation})"
        print(f"briefing-reader: smoke test FAILED on {path}: {reason}", file=sys.stderr)
        return 1
    text_ms = (window.paint_times["text"] - origin) * 1000
    highlights_ms = (window.paint_times["highlights"] - origin) * 1000
    mentions = sum(len(a.mentions) for a in analysis.actors)
    print(
        f"briefing-reader smoke test ok: {path.name}: {len(analysis.actors)} actors ({mentions} mentions), "
        f"{len(analysis.dates)} dates, {len(analysis.events)} events; "
        f"text shown {text_ms:.0f} ms, highlights shown {highlights_ms:.0f} ms after process start"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
