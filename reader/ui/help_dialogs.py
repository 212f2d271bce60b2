"""Help ▸ Keyboard Shortcuts and About: read from the window's own actions, so never stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__


def show_about(window: QWidget) -> None:
    QMessageBox.about(
        window,
        "About Briefing Reader",
        f"<b>Briefing Reader {__version__}</b><p>Read news and analytical briefings: who acts, when, "
        "and what happened. Everything is analysed on this computer; nothing is sent anywhere.</p>",
    )


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """Every action's shortcut, read from the actions themselves so the list never goes stale."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        text = action.text().replace("&", "").rstrip("…. ")
        if keys and text and keys not in rows:
            rows[keys] = text
    rows.update(
        {
            "Ctrl+F, Enter, Shift+Enter": "Find, next, previous",
            "F3, Shift+F3": "Next / previous mention of the selected actor",
            "↑ ↓, Enter": "Move in the timeline, show the event in the text",
            "Esc": "Leave reading mode or the find bar",
        }
    )
    return sorted(rows.items(), key=lambda kv: kv[1].lower())


def show_shortcuts(window: QWidget) -> None:
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in shortcut_rows(window))
    QMessageBox.information(window, "Keyboard shortcuts", f"<table>{table}</table>")
