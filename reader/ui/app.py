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
from typing import Any  # noqa: E402

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
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen on FILE into OUT.png and exit (a temporary library and settings unless --db)",
    )
    parser.add_argument("--size", metavar="WxH", default="1366x768", help="the window's size for --screenshot (default 1366x768)")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system", help="colours: the system's (default), light or dark")
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
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.screenshot:
        from reader.ui.screenshot import parse_size

        try:
            size = parse_size(args.size)
        except ValueError as exc:
            parser.error(str(exc))
    if args.smoke_test or args.screenshot:
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
    if args.screenshot:
        from reader.ui.screenshot import take_screenshot

        _application(QApplication)
        quiet_offscreen_warnings()
        return take_screenshot(Path(args.screenshot), path, size, build_window, theme=args.theme, db=args.db)
    if args.smoke_test:
        return smoke_test(path, db=args.db)
    return run_window(path, QApplication, db=args.db, theme=args.theme)


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


def build_window(
    engine: Any = None,
    settings: Any = None,
    warm_up: bool = True,
    library_path: str | Path | None = None,
) -> Any:
    """The window, with the library's features wired to it when `library_path` is given.

    The one place that knows every feature: each is a controller that sees the window through
    reader.ui.window_api.ReaderWindow and the library through LibrarySession, and talks to the
    others through the signals connected here.
    """
    from reader.session import EngineSlot
    from reader.ui.main_window import MainWindow

    slot = EngineSlot(engine)
    if library_path is None:
        return MainWindow(settings=settings, warm_up=warm_up, slot=slot)
    from reader.ui.library_session import LibrarySession

    session = LibrarySession(library_path, slot)
    window = MainWindow(settings=settings, warm_up=warm_up, slot=slot, cache=session.engine)
    session.setParent(window)
    attach_library(window, session)
    return window


def attach_library(window: Any, session: Any) -> None:
    """Notes, corrections, the library dock, export and print, and the inbox, on `window`."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMenu

    from reader.ui.corrections_controller import CorrectionsController
    from reader.ui.export_controller import ExportController
    from reader.ui.inbox_watcher import InboxWatcher
    from reader.ui.library_browser import LibraryBrowser
    from reader.ui.notes_controller import NotesController
    from reader.ui.storylines_controller import StorylinesController

    notes = NotesController(window, session)
    corrections = CorrectionsController(window, session, note_entries=notes.add_to_context_menu)
    browser = LibraryBrowser(window, session)
    exports = ExportController(window, session, notes=lambda: notes.notes, flush_notes=notes.notes_panel.flush)
    storylines = StorylinesController(window, session)
    session.notebook, session.corrector, session.browser, session.exports = notes, corrections, browser, exports
    session.storylines = storylines

    corrections.actor_note_requested.connect(notes.add_actor_note)
    corrections.event_note_requested.connect(notes.add_event_note)
    corrections.mentioning_requested.connect(browser.show_briefings_mentioning)
    corrections.timeline_requested.connect(browser.show_timeline)
    corrections.notes_changed.connect(notes.reload_notes)
    browser.note_wanted.connect(notes.want_note)
    browser.note_awaited.connect(lambda note_id: notes.wait_for_note(note_id or None))

    # File: the library, import, export and print before Quit; the library and the notes panel in
    # View too; Notes before Help (menus by object, never by label).
    file_menu, quit_action = window.file_menu, window.quit_action
    for action in (browser.library_action, browser.import_files_action, browser.import_folder_action):
        file_menu.insertAction(quit_action, action)
    file_menu.insertMenu(quit_action, exports.export_menu)
    file_menu.insertAction(quit_action, exports.print_action)
    file_menu.insertSeparator(quit_action)
    notes_menu = QMenu("&Notes", window.menuBar())
    notes.fill_menu(notes_menu)
    notes_menu.addAction(corrections.undo_correction_action)
    notes_menu.addSeparator()
    notes_menu.addAction(notes.notes_toggle)
    storylines.fill_menu(notes_menu)
    window.menuBar().insertMenu(window.help_menu.menuAction(), notes_menu)
    session.notes_menu = notes_menu
    window.view_menu.addSeparator()
    window.view_menu.addAction(notes.notes_toggle)
    window.view_menu.addAction(browser.library_action)
    window.view_menu.addAction(storylines.show_action)

    docks = (notes.notes_dock, browser.library_dock, storylines.dock)
    follow_reading_mode(window, docks)
    state = window.settings.value("window/docks")
    restored = bool(state is not None and window.restoreState(state))
    window.panel_layout.add_docks(notes.notes_dock, browser.library_dock, restored)
    for panel in (notes.notes_panel, browser.library_view):  # F6 reaches them, the focus frame rings them
        window.extra_panels.append(panel)
        window.focus_frame.watch(panel)

    def close() -> None:
        """Save what is being typed and the docks, stop an import, finish the library's queue."""
        if session.closed:
            return
        notes.flush()
        if not window.isFullScreen():
            window.settings.setValue("window/docks", window.saveState())
        browser.close()
        session.close()

    window.closing.connect(close)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(close)
    session.attach(window)
    window.inbox_watcher = InboxWatcher(window, session, window.settings)
    window.closing.connect(window.inbox_watcher.close)
    window.library_session = session


def follow_reading_mode(window: Any, docks: tuple[Any, ...]) -> None:
    """Reading mode (full screen) hides the docks like the other panels, and brings them back after."""
    shown_before: list[bool] = []

    def follow(full_screen: bool) -> None:
        if full_screen and not shown_before:
            shown_before.extend(d.isVisible() for d in docks)
            for dock in docks:
                dock.hide()
        elif not full_screen and shown_before:
            for dock, visible in zip(docks, shown_before, strict=True):
                dock.setVisible(visible)
            shown_before.clear()

    window.reading_mode_changed.connect(follow)


def run_window(path: Path | None, app_class, db: str | None = None, theme: str = "system") -> int:
    from reader.resources import sample_briefing
    from reader.ui.dialogs import install_excepthook, setup_logging
    from reader.ui.theme import apply_theme

    log_file = setup_logging()
    app = _application(app_class)
    apply_theme(app, theme)
    from reader.paths import default_library_path

    window = build_window(library_path=Path(db).expanduser() if db else default_library_path())
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

    path = path or sample_briefing()
    app = _application(QApplication)
    quiet_offscreen_warnings()
    failures: list[str] = []
    # A dialog would wait for a click nobody can give: record it as the failure instead.
    def record(box: QMessageBox) -> int:
        failures.append(box.text())
        return 0

    QMessageBox.exec = record  # type: ignore[method-assign,assignment]
    origin = time.perf_counter() - seconds_since_process_start()
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(settings=settings, library_path=Path(db).expanduser() if db else None)
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
