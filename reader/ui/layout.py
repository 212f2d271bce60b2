"""How the window shares its width: the side panels as wide as their content, the article the rest.

- The actors panel wants its longest name on one line, the timeline its summaries on two lines
  (reader/ui/panels.py, `preferred_width`). They get that when the window has room; the article
  keeps at least `ARTICLE_MIN_CHARS` of its own font, and the panels give way first (a name or a
  summary that no longer fits wraps to another line; nothing is elided).
- A panel the reader drags wider or narrower stays as the reader left it, in this window and the
  next (kept in the settings, which are per user); View → Reset Layout goes back to fitting.
- The notes dock opens at a width for a short paragraph of notes, taken from the article; closing
  it gives the width back to the article, and the panels are fitted again. The library dock
  opens at about a third of the window's height. Where the docks are is kept per user too.
- On a first start on a narrow screen (under `NOTES_BESIDE_MIN_WIDTH`) the notes dock starts
  closed: Ctrl+3, or adding a note, opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from reader.ui.main_window import MainWindow

#: The article's least width, in average characters of its own font (a newspaper column is 35-45).
ARTICLE_MIN_CHARS = 44
#: The most each side panel may take of the window's width while fitting to its content.
ACTORS_SHARE, EVENTS_SHARE = 0.24, 0.34
#: The least width of each side panel, in average characters of the window's font.
ACTORS_MIN_CHARS, EVENTS_MIN_CHARS = 22, 38
#: The notes dock's width when it opens, in average characters of the window's font.
NOTES_CHARS = 40
#: Narrower than this (a 1366 or 1440 pixel laptop screen), the notes dock starts closed.
NOTES_BESIDE_MIN_WIDTH = 1500
#: Before a briefing is analysed the panels start this wide (average characters), which fits most
#: briefings: a panel then grows when its content needs more, and shrinks only when it is more
#: than `SHRINK_CHARS` too wide, so the article's text is seldom laid out again for a few pixels
#: (a long briefing takes a while to lay out).
START_ACTORS_CHARS, START_EVENTS_CHARS = 34, 56
SHRINK_CHARS = 8

SETTINGS_KEY = "layout/panel_widths"  # [actors, events] the reader chose; absent: fit to content


class PanelLayout(QObject):
    """Fits the side panels to their content; remembers what the reader chose instead."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = window.splitter
        self.chosen: list[int] | None = _widths(window.settings.value(SETTINGS_KEY))
        self._applying = False
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self.docks: dict[str, QDockWidget] = {}
        self._fresh: set[QDockWidget] = set()
        self._decide_notes = False
        self.splitter.splitterMoved.connect(self._on_moved)
        self.splitter.installEventFilter(self)
        window.analysis_shown.connect(lambda _generation: self.fit())
        char = window.fontMetrics().averageCharWidth()
        window.actors_panel.setMinimumWidth(char * ACTORS_MIN_CHARS)
        window.events_panel.setMinimumWidth(char * EVENTS_MIN_CHARS)
        start = self.chosen or [char * START_ACTORS_CHARS, char * START_EVENTS_CHARS]
        self.splitter.setSizes([start[0], max(1, window.width() - sum(start)), start[1]])

    # ------------------------------------------------------------------ the splitter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()  # after the resize is done, once
        elif watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            self._place_notes()
        return False

    def _place_notes(self) -> None:
        """A first start: the notes dock beside the article when the window is wide enough for it."""
        if self._decide_notes and "notes" in self.docks:
            self._decide_notes = False
            self.docks["notes"].setVisible(self.window.width() >= NOTES_BESIDE_MIN_WIDTH)

    def _on_moved(self, _pos: int, _index: int) -> None:
        """The reader dragged a handle (setSizes does not emit this): keep their widths."""
        if self._applying:
            return
        sizes = self.splitter.sizes()
        self.chosen = [sizes[0], sizes[2]]
        self.window.settings.setValue(SETTINGS_KEY, self.chosen)

    def reset(self) -> None:
        """Fit the panels to their content again (View → Reset Layout), and the docks to their defaults."""
        self.chosen = None
        self.window.settings.remove(SETTINGS_KEY)
        for dock in self.docks.values():
            self._size_dock(dock, force=True)
        self.fit(force=True)

    def targets(self) -> tuple[int, int]:
        """The widths the side panels get now: their content's, within the window's room."""
        window = self.window
        total = self.splitter.width() - self.splitter.handleWidth() * 2
        actors_min, events_min = window.actors_panel.minimumWidth(), window.events_panel.minimumWidth()
        if self.chosen is not None:
            actors, events = self.chosen
        else:
            actors = min(max(window.actors_panel.preferred_width(), actors_min), max(actors_min, int(total * ACTORS_SHARE)))
            events = min(max(window.events_panel.preferred_width(), events_min), max(events_min, int(total * EVENTS_SHARE)))
        article_min = window.article.fontMetrics().averageCharWidth() * ARTICLE_MIN_CHARS + 2 * 16
        shown = [window.actors_panel.isVisible(), window.events_panel.isVisible()]
        over = (actors if shown[0] else 0) + (events if shown[1] else 0) + article_min - total
        if over > 0 and shown[1]:
            cut = min(over, max(0, events - events_min))
            events, over = events - cut, over - cut
        if over > 0 and shown[0]:
            actors -= min(over, max(0, actors - actors_min))
        return actors, events

    def fit(self, force: bool = False) -> None:
        window = self.window
        if window.isFullScreen() or self.splitter.width() <= 0:
            return
        actors, events = self.targets()
        sizes = self.splitter.sizes()
        slack = window.fontMetrics().averageCharWidth() * SHRINK_CHARS
        if not force and self.chosen is None:
            # Grow to what the content needs; shrink only when much too wide (see SHRINK_CHARS).
            room = sizes[0] + sizes[1] + sizes[2] - window.article.fontMetrics().averageCharWidth() * ARTICLE_MIN_CHARS
            actors = actors if actors > sizes[0] or sizes[0] - actors > slack or sizes[0] + sizes[2] > room else sizes[0]
            events = events if events > sizes[2] or sizes[2] - events > slack or actors + sizes[2] > room else sizes[2]
        if not force and (actors, events) == (sizes[0], sizes[2]):
            return
        total = sum(sizes)
        self._applying = True
        try:
            self.splitter.setSizes([actors, max(1, total - actors - events), events])
        finally:
            self._applying = False

    # ------------------------------------------------------------------ the docks

    def add_docks(self, notes: QDockWidget, library: QDockWidget, restored: bool) -> None:
        """The notes and library docks: default sizes when they open, the article's width back when
        the notes close; `restored`: the reader's own dock layout was restored from the settings."""
        self.docks = {"notes": notes, "library": library}
        # Docks the reader has not sized yet open at their default size the first time.
        self._fresh = set() if restored else {notes, library}
        if not restored:
            self._decide_notes = True
            if self.window.isVisible():
                self._place_notes()
            else:
                self.window.installEventFilter(self)  # decided when the window is shown, at its real size
        for dock in (notes, library):
            dock.visibilityChanged.connect(lambda visible, d=dock: self._dock_shown(d, visible))

    def _dock_shown(self, dock: QDockWidget, visible: bool) -> None:
        if self.window.isFullScreen():
            return
        if visible and not dock.isFloating():
            QTimer.singleShot(0, lambda: self._size_dock(dock, force=False))
        self._fit_timer.start()

    def _size_dock(self, dock: QDockWidget, force: bool) -> None:
        """The dock's default size, when `force`d, the first time it opens (unless the reader's dock
        layout was restored), or when the size it opens at is no use (a sliver, or most of the
        window); a size the reader gave it is kept."""
        window = self.window
        if not dock.isVisible() or dock.isFloating():
            return
        force = force or dock in self._fresh
        self._fresh.discard(dock)
        area = window.dockWidgetArea(dock)
        if area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            width = min(window.fontMetrics().averageCharWidth() * NOTES_CHARS, int(window.width() * 0.26))
            if force or not width * 0.7 <= dock.width() <= window.width() * 0.4:
                window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        else:
            height = int(window.height() * 0.36)
            if force or not height * 0.6 <= dock.height() <= window.height() * 0.6:
                window.resizeDocks([dock], [height], Qt.Orientation.Vertical)


def _widths(value: Any) -> list[int] | None:
    """Two positive widths from the settings (an INI file gives strings), else None."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    try:
        widths = [int(v) for v in value]
    except (TypeError, ValueError):
        return None
    return widths if all(w > 0 for w in widths) else None
