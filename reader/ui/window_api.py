"""What the window's features (notes, corrections, the library view, export) may use of the window.

The features are controllers wired to the window by reader/ui/app.py. They see the window only
through `ReaderWindow`: the briefing on screen, its views, a few verbs, and the menus the window
keeps for them (found by object, never by their label). MainWindow is the one implementation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListView, QMainWindow, QMenu, QTreeView

from reader.model import Analysis, Document
from reader.ui.article_view import ArticleView


class ReaderWindow(Protocol):
    # signals
    document_shown: SignalInstance  # generation: a new text is on screen
    analysis_shown: SignalInstance  # generation: its analysis is on screen
    closing: SignalInstance  # save what is open
    reading_mode_changed: SignalInstance  # full screen on or off

    # the briefing on screen
    document: Document | None
    analysis: Analysis | None
    path: Path | None  # None for pasted text and briefings opened from the library
    published_override: Any
    settings: Any

    # views
    article: ArticleView
    actors_view: QTreeView
    events_view: QListView

    # menus kept for the features
    file_menu: QMenu
    quit_action: QAction
    view_menu: QMenu
    help_menu: QMenu

    def status(self, message: str, timeout_ms: int = 0) -> None: ...
    def open_document(self, document: Document) -> int: ...
    def select_actor(self, actor_id: str | None) -> None: ...
    def reanalyse(self) -> int | None: ...
    def main_window(self) -> QMainWindow: ...
