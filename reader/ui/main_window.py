"""The main window: article in the middle, actors on the left, the events timeline on the right."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.documents.sniff import guess_format
from reader.model import Actor, Analysis, Document, Event
from reader.report import plural
from reader.session import AnalysisEngine, EngineSlot, EngineStartPlan, engine_start_plan
from reader.ui.article_view import ArticleView
from reader.ui.dialogs import FILE_FILTER, PublicationDateDialog, show_error
from reader.ui.file_drops import FileDrops
from reader.ui.help_dialogs import shortcut_rows, show_about, show_shortcuts
from reader.ui.layout import PanelLayout
from reader.ui.menus import build_menus
from reader.ui.models import ActorRole, EventRole
from reader.ui.panels import ActorsPanel, EventsPanel
from reader.ui.reading_controls import ReadingControls
from reader.ui.recent_files import RecentFiles
from reader.ui.settings_file import SettingsFile, default_settings
from reader.ui.theme import FocusFrame
from reader.ui.widgets import BusyIndicator, FindBar, HeaderBar, Legend, document_title
from reader.ui.workers import AnalysisService


class MainWindow(ReadingControls, FileDrops, QMainWindow):
    """One briefing at a time; every slow step happens in ``AnalysisService`` off the GUI thread."""

    document_shown = Signal(int)  # generation: the text is in the view
    analysis_shown = Signal(int)  # generation: highlights, actors and events are in the views
    load_failed = Signal(str)  # the one-line message shown to the user
    closing = Signal()  # the window is about to close: save what is open
    reading_mode_changed = Signal(bool)  # True when the window went full screen

    # Made by reader.ui.menus.build_menus; the library's features add to these menus.
    file_menu: QMenu
    quit_action: QAction
    view_menu: QMenu
    help_menu: QMenu
    recent_menu: QMenu
    recent: RecentFiles
    open_action: QAction
    paste_action: QAction
    date_action: QAction
    reading_action: QAction
    actors_action: QAction
    events_action: QAction

    def __init__(
        self,
        engine: AnalysisEngine | None = None,
        settings: QSettings | SettingsFile | None = None,
        warm_up: bool = True,
        parent: QWidget | None = None,
        *,
        slot: EngineSlot | None = None,
        cache: AnalysisEngine | None = None,
    ) -> None:
        """``engine`` (or ``slot``, which holds it): what analyses; ``cache``: the library's cache in
        front of it (reader.cached_engine). The library's features are attached by reader.ui.app."""
        super().__init__(parent)
        self.settings = settings or default_settings()
        #: The engine (given, or made on first use: in its own process).
        self.engine_slot = slot or EngineSlot(engine)
        self.service = AnalysisService(self.engine_slot, cache, self)
        #: Set by reader.ui.app when a library is attached (notes, corrections, the library view).
        self.library_session: Any = None
        self.inbox_watcher: Any = None
        self.document: Document | None = None
        self.analysis: Analysis | None = None
        self.path: Path | None = None
        self.published_override: dt.date | None = None
        self._paths: dict[int, Path] = {}
        self._pending_panels: tuple[int, Analysis, Actor | None] | None = None
        self._restoring_actor = False
        self._reading_mode_state: dict[str, bool] = {}
        self.paint_times: dict[str, float] = {}
        self.setWindowTitle("Briefing Reader")
        self.setAcceptDrops(True)
        self._build_views()
        build_menus(self)
        self._connect()
        self._restore_settings()
        self.header.set_document(None)
        self.statusBar().showMessage("Loading the language model in the background…" if warm_up else "Ready")
        self._schedule_engine_start(engine_start_plan(warm_up=warm_up, isolated=self.engine_slot.isolated, cached=cache is not None))

    def _schedule_engine_start(self, plan: EngineStartPlan) -> None:
        """Do what reader.session decided about starting the engine; this window only keeps the time."""
        if plan.start_with_window_ms is not None:
            QTimer.singleShot(plan.start_with_window_ms, self.service.start_engine)
        if plan.warm_up_with_window_ms is not None:
            QTimer.singleShot(plan.warm_up_with_window_ms, self.service.warm_up)
        delay = plan.start_after_analysis_ms
        if delay is not None:
            self.analysis_shown.connect(lambda _g: QTimer.singleShot(delay, self.engine_slot.start_in_background))

    # ------------------------------------------------------------------ construction

    def _build_views(self) -> None:
        self.article = ArticleView(self)
        self.header = HeaderBar(self)
        self.legend = Legend(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()

        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.legend)
        column.addWidget(self.find_bar)
        column.addWidget(self.article, 1)

        self.actors_panel = ActorsPanel(self)
        self.actors_model, self.actors_view = self.actors_panel.model, self.actors_panel.view
        self.events_panel = EventsPanel(self)
        self.events_model, self.events_proxy = self.events_panel.model, self.events_panel.proxy
        self.events_view, self.events_filter = self.events_panel.view, self.events_panel.filter
        actors_panel, events_panel = self.actors_panel, self.events_panel

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(actors_panel)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(events_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        # docks (notes, library) take their width from the splitter: the side panels keep the
        # width their content wants and the article gives way (reader/ui/layout.py)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.panel_layout = PanelLayout(self)

        self.article.setAccessibleName("Briefing text")
        self.article.setAccessibleDescription("The briefing, with actors and dates highlighted")
        self.extra_panels: list[QWidget] = []
        self.focus_frame = FocusFrame(self, [self.actors_view, self.article, self.events_view])
        for before, after in (
            (self.actors_view, self.article),
            (self.article, self.events_filter),
            (self.events_filter, self.events_panel.order),
            (self.events_panel.order, self.events_view),
        ):
            QWidget.setTabOrder(before, after)

        self.busy = BusyIndicator(self)
        self.counts_label = QLabel("")
        # Shown while a long text is analysed (it reports progress): stops it between two chunks.
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setToolTip("Stop analysing this long briefing (Esc); the text stays readable")
        self.stop_button.setFlat(True)
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.stop_analysis)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.stop_button)
        # as large as a reading desk wants, but never larger than the screen
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1720, 1040  # on a 1920x1080 screen, room for the notes beside the article
        if room is not None and room.width() > 0:
            width, height = min(width, int(room.width() * 0.94)), min(height, int(room.height() * 0.94))
        self.resize(width, height)

    def _connect(self) -> None:
        s = self.service
        s.document_ready.connect(self._on_document_ready)
        s.analysis_ready.connect(self._on_analysis_ready)
        s.failed.connect(self._on_failed)
        s.busy_changed.connect(self.busy.set_busy)
        s.busy_changed.connect(lambda busy: None if busy else self.stop_button.hide())
        s.progress.connect(self._on_progress)
        s.stopped.connect(self._on_stopped)
        s.model_ready.connect(self._on_model_ready)
        self.header.set_date_requested.connect(self.ask_publication_date)
        self.legend.toggled.connect(self.set_type_visible)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.closed.connect(self._close_find)
        self.article.mention_stepped.connect(self._on_mention_stepped)
        self.article.link_hovered.connect(self._on_link_hovered)
        self.article.text_painted.connect(lambda: self._mark_timing("text"))
        self.article.highlights_painted.connect(lambda: self._mark_timing("highlights"))
        self.article.highlights_applied.connect(self._apply_panels, Qt.ConnectionType.QueuedConnection)
        self.actors_view.selectionModel().selectionChanged.connect(self._on_actor_selection)
        self.events_view.selectionModel().currentChanged.connect(self._on_event_current)
        self.events_view.clicked.connect(self.go_to_event_index)
        self.events_view.activated.connect(self.go_to_event_index)
        self.events_filter.textChanged.connect(self._on_events_filter)
        self.events_panel.actor_filter_clear.clicked.connect(self.actors_view.clearSelection)
        self.events_proxy.modelReset.connect(self._update_events_empty)
        self.events_proxy.layoutChanged.connect(self._update_events_empty)
        self.events_proxy.rowsInserted.connect(self._update_events_empty)
        self.events_proxy.rowsRemoved.connect(self._update_events_empty)

    # ------------------------------------------------------------------ opening things

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open a briefing", start, FILE_FILTER)
        if name:
            self.open_path(name)

    def open_path(self, path: str | Path) -> int:
        """Open a file: its text shows as soon as it is read, highlights when the analysis is done."""
        path = Path(path)
        self.paint_times = {}
        generation = self.service.open_path(path)
        self._paths[generation] = path
        self.statusBar().showMessage(f"Reading {path.name}…")
        return generation

    def open_sample(self) -> int:
        from reader.resources import sample_briefing

        return self.open_path(sample_briefing())

    def open_document(self, document: Document) -> int:
        self.paint_times = {}
        return self.service.open_document(document)

    def paste_briefing(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        fmt = guess_format(text)
        if not text.strip() and mime is not None and mime.hasHtml():
            text, fmt = mime.html(), "html"
        if not text.strip():
            self.statusBar().showMessage("The clipboard has no text to read", 5000)
            return
        self.paint_times = {}
        self.service.open_text(text, fmt, "clipboard")  # parsed off the GUI thread (HTML can be slow)
        self.statusBar().showMessage("Reading the pasted briefing…")

    @Slot(int, object)
    def _on_document_ready(self, generation: int, document: Document) -> None:
        self.document = document
        self.analysis = None
        self._pending_panels = None
        self.published_override = None
        self.path = self._paths.pop(generation, None)
        self.article.set_document(document)
        self.header.set_document(document)
        self.actors_view.clearSelection()
        self.actors_model.set_analysis(None)
        self.events_panel.set_analysis(None)
        self.legend.set_counts({}, self.article.hidden_types)
        self.counts_label.setText("")
        self.date_action.setEnabled(True)
        self.setWindowTitle(f"{document_title(document)} — Briefing Reader")
        if self.path is not None:
            self.recent.remember(self.path)
        self._update_events_empty()
        self.statusBar().showMessage("Analysing… the text is readable now; highlights follow.")
        self.document_shown.emit(generation)

    @Slot(int, object)
    def _on_analysis_ready(self, generation: int, analysis: Analysis) -> None:
        """Apply an analysis in two slices (text first, then the panels) so the event loop breathes between."""
        if self.document is None or analysis.document.text != self.document.text:
            return
        self.analysis = analysis
        self._adopt_date(analysis.document)
        current_actor = self.selected_actor()
        self.header.set_document(analysis.document)
        self.legend.set_counts(self.mention_counts(analysis), self.article.hidden_types)
        self._pending_panels = (generation, analysis, current_actor)
        self.article.set_analysis(analysis)  # highlights_applied → _apply_panels

    @Slot()
    def _apply_panels(self) -> None:
        if self._pending_panels is None:
            return
        generation, analysis, current_actor = self._pending_panels
        self._pending_panels = None
        if self.analysis is not analysis:
            return  # a newer analysis arrived in between
        self.actors_model.set_analysis(analysis)
        self.actors_view.expandAll()
        self.events_panel.set_analysis(analysis)
        self._restore_actor(current_actor)
        mentions = sum(len(a.mentions) for a in analysis.actors)
        self.counts_label.setText(
            f"{len(analysis.actors)} actors ({mentions} mentions) · {len(analysis.dates)} dates · {len(analysis.events)} events"
        )
        seconds = self.service.last_analysis_seconds
        self.statusBar().showMessage(f"Analysed in {seconds:.2f} s", 8000)
        self._update_events_empty()
        self.analysis_shown.emit(generation)

    @Slot(int, str, str)
    def _on_failed(self, generation: int, stage: str, message: str) -> None:
        if stage == "model":
            self.statusBar().showMessage(f"The language model could not be loaded: {message}")
            return
        if stage == "load":
            self._paths.pop(generation, None)
            self.show_load_error(message)
            # The failed request superseded the analysis of the briefing still on screen: redo it.
            if self.document is not None and self.analysis is None:
                self.service.reanalyse(self.document, self.published_override)
            return
        self.statusBar().showMessage("The analysis failed; the text stays readable without highlights.")
        self.load_failed.emit(message)
        show_error(self, "Could not analyse this briefing", message)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.busy.set_progress(done, total)
        self.stop_button.show()
        if done >= total:
            self.statusBar().showMessage("Parsed; finding actors, dates and events…")
        else:
            self.statusBar().showMessage(f"Analysing a long briefing: {done * 100 // max(total, 1)}% of {total:,} characters (Esc stops)")

    def stop_analysis(self) -> None:
        """Stop a long analysis between two chunks; the text stays on screen without highlights."""
        if self.service.busy:
            self.service.stop_analysis()
            self.statusBar().showMessage("Stopping the analysis…")

    @Slot(int)
    def _on_stopped(self, _generation: int) -> None:
        self.stop_button.hide()
        self.statusBar().showMessage("Analysis stopped; the text stays readable without highlights.")

    def show_load_error(self, message: str) -> None:
        self.statusBar().showMessage("Could not open the file", 8000)
        self.load_failed.emit(message)
        show_error(self, "Could not open this file", message)

    @Slot(float)
    def _on_model_ready(self, seconds: float) -> None:
        if not self.service.busy:
            self.statusBar().showMessage(f"Language model ready ({seconds:.1f} s)", 5000)

    # ------------------------------------------------------------------ publication date

    def ask_publication_date(self) -> None:
        if self.document is None:
            return
        shown = self.analysis.document if self.analysis else self.document
        date = PublicationDateDialog.ask(shown.published, shown.published_origin, self)
        if date is not None:
            self.set_publication_date(date)

    def _adopt_date(self, dated: Document) -> None:
        """The analysis says which date it resolved against (the library keeps a date the reader
        set, which wins over the file's): the briefing on screen takes it."""
        document = self.document
        if document is None or (dated.published, dated.published_origin) == (document.published, document.published_origin):
            return
        self.document = dataclasses.replace(document, published=dated.published, published_origin=dated.published_origin)
        if dated.published_origin == "option":
            self.published_override = dated.published

    def set_publication_date(self, date: dt.date) -> int:
        """Re-run the analysis against ``date``; every date re-resolves when it arrives."""
        if self.document is None:
            raise RuntimeError("no briefing is open")
        self.published_override = date
        self.header.set_document(dataclasses.replace(self.document, published=date, published_origin="option"))
        self.statusBar().showMessage(f"Resolving dates against {date.isoformat()}…")
        return self.service.reanalyse(self.document, date)

    # ------------------------------------------------------------------ highlights, actors, events

    @staticmethod
    def mention_counts(analysis: Analysis) -> dict[str, int]:
        """Mentions per type in legend order: actor types first, then date types."""
        return analysis.mention_counts()

    def set_type_visible(self, key: str, visible: bool) -> None:
        self.article.set_type_visible(key, visible)
        self.legend.set_visible_type(key, visible)

    def selected_actor(self) -> Actor | None:
        indexes = self.actors_view.selectionModel().selectedIndexes()
        return indexes[0].data(ActorRole) if indexes else None

    def select_actor(self, actor_id: str | None) -> None:
        if actor_id is None:
            self.actors_view.clearSelection()
            return
        index = self.actors_model.actor_index(actor_id)
        if index.isValid():
            self.actors_view.setCurrentIndex(index)

    def _restore_actor(self, previous: Actor | None) -> None:
        """After a re-analysis, keep the same actor selected (if it still exists) without moving the text."""
        index = self.actors_model.actor_index(previous.id) if previous is not None else QModelIndex()
        same = previous is not None and index.isValid() and index.data(ActorRole).name == previous.name
        self._restoring_actor = True
        try:
            if same:
                self.actors_view.setCurrentIndex(index)
            else:
                self.actors_view.clearSelection()
            self._on_actor_selection()
        finally:
            self._restoring_actor = False

    @Slot(QItemSelection, QItemSelection)
    def _on_actor_selection(self, *_args) -> None:
        actor = self.selected_actor()
        if actor is not None and not self._restoring_actor:
            self.article.clear_mark()
        self.article.select_actor(actor, move=not self._restoring_actor)
        self.events_panel.set_actor(actor)
        self._update_events_empty()

    def step_mention(self, step: int) -> None:
        if not self.article.step_mention(step):
            if self.find_bar.isVisible() and self.find_bar.field.text():
                self.find_again(step < 0)
            else:
                self.statusBar().showMessage("Select an actor first to step through its mentions", 4000)

    @Slot(int, int)
    def _on_mention_stepped(self, index: int, total: int) -> None:
        actor = self.selected_actor()
        name = actor.name if actor else "the actor"
        self.statusBar().showMessage(f"Mention {index} of {total} of {name}", 4000)

    def go_to_event(self, event: Event) -> None:
        """Scroll the article to the event's clause, put the caret on its trigger and mark the clause
        and its other sources (a headline and its lead) until the reader moves on."""
        caret = event.trigger_start if event.start <= event.trigger_start < event.end else event.start
        ranges = [(event.start, event.end), *((s.start, s.end) for s in event.sources)]
        self.article.mark_event(ranges, caret=caret)
        if event.sources:
            self.statusBar().showMessage(f"Also reported in {plural(len(event.sources), 'other place')} (marked with a dashed line)", 6000)

    @Slot(QModelIndex)
    def go_to_event_index(self, index: QModelIndex) -> None:
        event = index.data(EventRole) if index.isValid() else None
        if event is not None:
            self.go_to_event(event)

    @Slot(QModelIndex, QModelIndex)
    def _on_event_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.events_view.hasFocus():
            self.go_to_event_index(current)

    def _on_events_filter(self, text: str) -> None:
        self.events_proxy.set_text_filter(text)
        self._update_events_empty()

    def _update_events_empty(self, *_args) -> None:
        self.events_panel.update_empty(self.analysis, self.document is not None)

    def on_escape(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.isFullScreen():
            self.toggle_reading_mode()
        elif self.article.event_marked():
            self.article.clear_mark()
        elif self.selected_actor() is not None:
            self.actors_view.clearSelection()
        elif self.stop_button.isVisible():
            self.stop_analysis()

    def _on_link_hovered(self, url: str) -> None:
        if url:
            self.statusBar().showMessage(f"Click to open in your browser: {url}")
        else:
            self.statusBar().clearMessage()

    # ------------------------------------------------------------------ settings, help, closing

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        try:
            zoom = int(str(self.settings.value("view/zoom", 0)))
        except (TypeError, ValueError):
            zoom = 0
        self.article.set_zoom_steps(zoom)
        hidden = self.settings.value("view/hidden_types", [])
        keys = [hidden] if isinstance(hidden, str) else list(hidden) if isinstance(hidden, list | tuple) else []
        for key in keys:
            self.article.set_type_visible(str(key), False)

    def _save_settings(self) -> None:
        if not self.isFullScreen():
            self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("view/zoom", self.article.zoom_steps)
        self.settings.setValue("view/hidden_types", sorted(self.article.hidden_types))
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Light/dark switch: the legend's swatches are pixmaps, so they are drawn again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.analysis is not None:
            self.legend.set_counts(self.mention_counts(self.analysis), self.article.hidden_types)
        elif event.type() == QEvent.Type.WindowStateChange:
            self.reading_mode_changed.emit(self.isFullScreen())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self._save_settings()
        self.service.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ what the window's features use (reader.ui.window_api)

    def status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def main_window(self) -> QMainWindow:
        """The window as a widget: the parent of dialogs, docks and actions."""
        return self

    def reanalyse(self) -> int | None:
        """Analyse the briefing on screen again (after a correction), against the same publication date."""
        if self.document is None:
            return None
        return self.service.reanalyse(self.document, self.published_override)

    def show_about(self) -> None:
        show_about(self)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every action's shortcut, read from the actions themselves so the list never goes stale."""
        return shortcut_rows(self)

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def _mark_timing(self, key: str) -> None:
        """Remember when the text, then the highlights, first reached the screen (perf_counter seconds)."""
        self.paint_times.setdefault(key, time.perf_counter())
