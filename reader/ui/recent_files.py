"""File ▸ Open Recent: the last briefings opened, kept in the settings, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

MAX_RECENT = 10
SETTING = "recent_files"


class RecentFiles(QObject):
    """Fills `menu` each time it opens; asks to open a file through `open_requested`."""

    open_requested = Signal(str)
    missing = Signal(str)  # the one-line message for a file that is gone

    def __init__(self, settings: Any, menu: QMenu) -> None:
        super().__init__(menu)
        self.settings, self.menu = settings, menu
        menu.aboutToShow.connect(self.fill_menu)

    def paths(self) -> list[str]:
        value = self.settings.value(SETTING, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def remember(self, path: Path) -> None:
        name = str(path.resolve())
        recent = [name] + [p for p in self.paths() if p != name]
        self.settings.setValue(SETTING, recent[:MAX_RECENT])

    def fill_menu(self) -> None:
        self.menu.clear()
        recent = self.paths()
        if not recent:
            action = self.menu.addAction("No recent briefings")
            action.setEnabled(False)
            return
        for number, name in enumerate(recent, start=1):
            label = f"&{number} {Path(name).name}" if number < 10 else Path(name).name
            action = self.menu.addAction(label)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(self._opener(name))
        self.menu.addSeparator()
        self.menu.addAction("Clear the List", lambda: self.settings.setValue(SETTING, []))

    def _opener(self, name: str) -> Callable[[], None]:
        return lambda *_args: self.open(name)

    def open(self, name: str) -> None:
        if not Path(name).exists():
            self.settings.setValue(SETTING, [p for p in self.paths() if p != name])
            self.missing.emit(f"{name}: the file is no longer there; it was removed from the recent list")
            return
        self.open_requested.emit(name)
