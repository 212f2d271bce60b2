"""Find, zoom, reading mode and the panels' toggles: what the window does for reading, as a mixin of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QTreeView, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.ui.article_view import ArticleView
    from reader.ui.layout import PanelLayout
    from reader.ui.panels import ActorsPanel, EventsPanel
    from reader.ui.widgets import FindBar

    _Window = QMainWindow
else:
    _Window = object  # the window itself is the QMainWindow


class ReadingControls(_Window):
    """Mixed into MainWindow (a QMainWindow), whose widgets these are."""

    article: ArticleView
    find_bar: FindBar
    actors_panel: ActorsPanel
    events_panel: EventsPanel
    panel_layout: PanelLayout
    actors_view: QTreeView
    events_view: QListView
    #: Panels of the window's features (the notes, the library) that F6 also goes to.
    extra_panels: list[QWidget]
    reading_action: QAction
    actors_action: QAction
    events_action: QAction
    _reading_mode_state: dict[str, bool]

    def open_find(self) -> None:
        selected = self.article.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")

    def _find(self, text: str, backward: bool) -> None:
        index, total = self.article.find_text(text, backward)
        self.find_bar.set_result(index, total)

    def find_again(self, backward: bool) -> None:
        if not self.find_bar.field.text():
            self.open_find()
            return
        self._find(self.find_bar.field.text(), backward)

    def _close_find(self) -> None:
        self.article.clear_find()
        self.article.setFocus()

    def zoom(self, steps: int) -> None:
        if steps == 0:
            self.article.reset_zoom()
        else:
            self.article.zoom_by(steps)
        self.statusBar().showMessage(f"Text size {round(100 * 1.1 ** self.article.zoom_steps)} %", 2000)

    def toggle_reading_mode(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.menuBar().show()
            self.statusBar().show()
            self.actors_panel.setVisible(self._reading_mode_state.get("actors", True))
            self.events_panel.setVisible(self._reading_mode_state.get("events", True))
            self.reading_action.setChecked(False)
        else:
            self._reading_mode_state = {"actors": self.actors_panel.isVisible(), "events": self.events_panel.isVisible()}
            self.actors_panel.hide()
            self.events_panel.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            self.showFullScreen()
            self.reading_action.setChecked(True)
            self.article.setFocus()

    def focus_panels(self) -> list[QWidget]:
        """The panels F6 goes through, in order: actors, text, timeline, then the docks that are open."""
        panels = [self.actors_view, self.article, self.events_view, *self.extra_panels]
        return [p for p in panels if p.isVisible() and p.isEnabled()]

    def focus_next_panel(self, step: int = 1) -> None:
        """F6 / Shift+F6: the keyboard goes to the next (previous) panel."""
        panels = self.focus_panels()
        if not panels:
            return
        focus = QApplication.focusWidget()
        current = next((i for i, p in enumerate(panels) if focus is not None and (focus is p or p.isAncestorOf(focus))), -1)
        target = panels[(current + step) % len(panels)] if current >= 0 else panels[0 if step > 0 else -1]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)

    def toggle_actors_panel(self) -> None:
        self.actors_panel.setVisible(not self.actors_panel.isVisible())
        self.actors_action.setChecked(self.actors_panel.isVisible())
        self.panel_layout.fit(force=True)

    def toggle_events_panel(self) -> None:
        self.events_panel.setVisible(not self.events_panel.isVisible())
        self.events_action.setChecked(self.events_panel.isVisible())
        self.panel_layout.fit(force=True)
