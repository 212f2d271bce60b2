"""Render docs/screenshot.png: the real window (xcb under Xvfb) with the bundled sample open.

Run through scripts/screenshot.sh, which starts Xvfb. Usage:
    python scripts/screenshot.py [OUTPUT.png] [--width 1400 --height 860]
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


def dark_palette():
    """What a dark desktop theme hands Qt (Xvfb has no theme to ask)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#272727"), (roles.Text, "#e8e8e8"), (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"), (roles.Highlight, "#3d7bd9"), (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#7fb2ff"), (roles.PlaceholderText, "#9a9a9a"), (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e8e8e8"), (roles.Mid, "#444444"), (roles.Dark, "#1a1a1a"), (roles.Light, "#505050"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--file", help="briefing to show (default: the bundled sample)")
    parser.add_argument("--actor", help="select the actor with this name (marks its mentions, filters events)")
    parser.add_argument("--event", type=int, default=1, help="select the Nth event of the timeline (0: none)")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme (as a dark desktop would)")
    args = parser.parse_args()

    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("screenshot: run me under Xvfb with the xcb platform: scripts/screenshot.sh", file=sys.stderr)
        return 2
    from reader.ui.platform_check import xcb_libraries_message

    problem = xcb_libraries_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.resources import sample_briefing
    from reader.ui.app import _application
    from reader.ui.main_window import MainWindow

    app = _application(QApplication)
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        window.resize(args.width, args.height)
        window.show()
        window.open_path(args.file or sample_briefing())
        loop = QEventLoop()
        window.analysis_shown.connect(loop.quit)
        window.load_failed.connect(loop.quit)
        QTimer.singleShot(180_000, loop.quit)
        loop.exec()
        if window.analysis is None:
            print("screenshot: the analysis did not arrive", file=sys.stderr)
            return 1
        if args.actor:
            actor = next((a for a in window.analysis.actors if a.name == args.actor), None)
            if actor is None:
                print(f"screenshot: no actor named {args.actor!r}", file=sys.stderr)
                return 1
            window.select_actor(actor.id)
        if args.event and window.events_proxy.rowCount() >= args.event:
            index = window.events_proxy.index(args.event - 1, 0)
            window.events_view.setCurrentIndex(index)
            window.go_to_event_index(index)
            window.article.verticalScrollBar().setValue(0)
        deadline = time.perf_counter() + 0.6  # let the flash settle to a visible tint
        while time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output)):
            print(f"screenshot: could not write {output}", file=sys.stderr)
            return 1
        window.close()
        window.service.wait(5000)
    print(f"screenshot: wrote {output} ({args.width}x{args.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
