"""The window's look beyond the system's: a dark palette on request, and a visible focus frame.

`--theme dark` (and the screenshots of docs/) use `dark_palette`; by default the system's palette
is used as it is. `FocusFrame` draws a ring in the palette's highlight colour around the panel
that has the keyboard (the actors, the article, the timeline, the notes, the library), whatever
the style draws itself: with Tab, F6 or Ctrl+K / Ctrl+T / Ctrl+E a reader always sees where
the keys go.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#333333",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#333333",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3c3c3c",
    QPalette.ColorRole.Mid: "#2f2f2f",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb2ff",
    QPalette.ColorRole.LinkVisited: "#c39bff",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.WindowText: "#1a1a1a",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f5f5f5",
    QPalette.ColorRole.PlaceholderText: "#6b6b6b",
    QPalette.ColorRole.Text: "#1a1a1a",
    QPalette.ColorRole.Button: "#efefef",
    QPalette.ColorRole.ButtonText: "#1a1a1a",
    QPalette.ColorRole.Highlight: "#2a6ec9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#1f5fb8",
}


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def dark_palette() -> QPalette:
    """A dark palette whose text keeps WCAG AA contrast on every background role it is drawn on."""
    return _palette(_DARK, "#8c8c8c")


def light_palette() -> QPalette:
    return _palette(_LIGHT, "#767676")


def apply_theme(app: QApplication, theme: str) -> None:
    """"dark" or "light": that palette for the whole application; "system": leave the system's."""
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(light_palette())


class FocusFrame(QWidget):
    """A ring around whichever of the watched panels has the keyboard focus."""

    WIDTH = 2

    def __init__(self, window: QWidget, panels: list[QWidget] | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.panels: list[QWidget] = []
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        for panel in panels or []:
            self.watch(panel)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def watch(self, panel: QWidget) -> None:
        """Draw the ring around `panel` (or the panel holding the focus widget) when it has the focus."""
        if panel not in self.panels:
            self.panels.append(panel)
            panel.installEventFilter(self)
            panel.destroyed.connect(lambda _obj=None, p=panel: self._forget(p))

    def _forget(self, panel: QWidget) -> None:
        """A watched panel is going: the ring must not go with it (Qt deletes a widget's children)."""
        if panel in self.panels:
            self.panels.remove(panel)
        if self.target is panel:
            self.target = None
            if shiboken6.isValid(self) and shiboken6.isValid(self.window_):  # not when the window itself goes
                self.hide()
                self.setParent(self.window_)

    def _panel_of(self, widget: QWidget | None) -> QWidget | None:
        while widget is not None:
            if widget in self.panels:
                return widget
            widget = widget.parentWidget()
        return None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.window_):
            return
        panel = self._panel_of(new)
        if panel is not None and panel.window() is not self.window_:
            panel = None
        if panel is None and new is not None and new.window() is not self.window_:
            return  # a dialog or menu took the focus for a moment: keep the ring where it was
        self.target = panel
        self._follow()

    def _follow(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        if self.parentWidget() is not target:
            self.setParent(target)  # a child drawn over the panel: it moves with it, wherever it is
        self.setGeometry(QRect(0, 0, target.width(), target.height()))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._follow()
        return False

    def paintEvent(self, _event: QEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(self.WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = self.WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1 + self.WIDTH % 2, -half - 1 + self.WIDTH % 2))
        painter.end()
