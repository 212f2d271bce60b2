"""The window's menu bar. Features add to it through the menus the window keeps, never by label."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.recent_files import RecentFiles

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def add_action(window: QWidget, text: str, slot, shortcut=None, menu: QMenu | None = None, tip: str = "") -> QAction:
    """An action on `window` (so its shortcut works with the menu bar hidden), in `menu` when given."""
    action = QAction(text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts keep working with the menu bar hidden (reading mode)
    if menu is not None:
        menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    """File, View, Go and Help; the window keeps `file_menu`, `quit_action`, `view_menu` and `help_menu` for its features."""
    bar = w.menuBar()
    w.file_menu = file_menu = bar.addMenu("&File")
    w.open_action = add_action(
        w, "&Open…", w.choose_file, QKeySequence.StandardKey.Open, file_menu, "Open a briefing file"
    )
    w.recent_menu = file_menu.addMenu("Open &Recent")
    w.recent = RecentFiles(w.settings, w.recent_menu)
    w.recent.open_requested.connect(w.open_path)
    w.recent.missing.connect(w.show_load_error)
    w.paste_action = add_action(
        w,
        "&Paste as New Briefing",
        w.paste_briefing,
        "Ctrl+Shift+V",
        file_menu,
        "Read the clipboard's text as a new briefing",
    )
    file_menu.addSeparator()
    w.date_action = add_action(
        w,
        "Set Publication &Date…",
        w.ask_publication_date,
        "Ctrl+D",
        file_menu,
        "Resolve every date against a publication date",
    )
    w.date_action.setEnabled(False)
    file_menu.addSeparator()
    w.quit_action = add_action(w, "&Quit", w.close, QKeySequence.StandardKey.Quit, file_menu)

    w.view_menu = view_menu = bar.addMenu("&View")
    add_action(w, "&Find…", w.open_find, QKeySequence.StandardKey.Find, view_menu, "Find text in the briefing")
    add_action(w, "Find &Next", lambda: w.find_again(False), "Ctrl+G", view_menu)
    add_action(w, "Find &Previous", lambda: w.find_again(True), "Ctrl+Shift+G", view_menu)
    view_menu.addSeparator()
    add_action(w, "Zoom &In", lambda: w.zoom(1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], view_menu)
    add_action(w, "Zoom &Out", lambda: w.zoom(-1), QKeySequence.StandardKey.ZoomOut, view_menu)
    add_action(w, "&Actual Size", lambda: w.zoom(0), "Ctrl+0", view_menu)
    view_menu.addSeparator()
    w.reading_action = add_action(w, "&Reading Mode (Full Screen)", w.toggle_reading_mode, "F11", view_menu)
    w.reading_action.setCheckable(True)
    w.actors_action = add_action(w, "Show &Actors Panel", w.toggle_actors_panel, "Ctrl+1", view_menu)
    w.actors_action.setCheckable(True)
    w.actors_action.setChecked(True)
    w.events_action = add_action(w, "Show &Events Panel", w.toggle_events_panel, "Ctrl+2", view_menu)
    w.events_action.setCheckable(True)
    w.events_action.setChecked(True)
    add_action(
        w, "Reset &Layout", w.panel_layout.reset, None, view_menu, "Fit the side panels to their content again"
    )

    go_menu = bar.addMenu("&Go")
    add_action(w, "&Next Mention", lambda: w.step_mention(1), "F3", go_menu, "Next mention of the selected actor")
    add_action(w, "&Previous Mention", lambda: w.step_mention(-1), "Shift+F3", go_menu)
    add_action(w, "&Events Timeline", w.events_view.setFocus, "Ctrl+E", go_menu)
    add_action(w, "&Actors", w.actors_view.setFocus, "Ctrl+K", go_menu)
    add_action(w, "&Text", w.article.setFocus, "Ctrl+T", go_menu)
    add_action(w, "Next &Panel", lambda: w.focus_next_panel(1), "F6", go_menu, "The keyboard goes to the next panel")
    add_action(w, "Previous Pa&nel", lambda: w.focus_next_panel(-1), "Shift+F6", go_menu)

    w.help_menu = help_menu = bar.addMenu("&Help")
    add_action(w, "&Keyboard Shortcuts", w.show_shortcuts, "F1", help_menu)
    add_action(w, "Open the &Sample Briefing", w.open_sample, None, help_menu)
    add_action(w, "&About Briefing Reader", w.show_about, None, help_menu)
    escape = QAction(w)
    escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    escape.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    escape.triggered.connect(w.on_escape)
    w.addAction(escape)
