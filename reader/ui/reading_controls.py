"""Find, zoom, reading mode and the panels' toggles: what the window does for reading, as a mixin of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.ui.article_view import ArticleView
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

    def toggle_actors_panel(self) -> None:
        self.actors_panel.setVisible(not self.actors_panel.isVisible())
        self.actors_action.setChecked(self.actors_panel.isVisible())

    def toggle_events_panel(self) -> None:
        self.events_panel.setVisible(not self.events_panel.isVisible())
        self.events_action.setChecked(self.events_panel.isVisible())
