"""The main window: article in the middle, actors on the left, the events timeline on the right."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.model import ACTOR_TYPES, DATE_TYPES, Actor, Analysis, Document, Event
from reader.session import EngineSlot, EngineStartPlan, engine_start_plan
from reader.ui.article_view import ArticleView
from reader.ui.delegates import EventDelegate
from reader.ui.dialogs import PublicationDateDialog, show_error
from reader.ui.models import ActorRole, ActorTreeModel, EventFilterProxy, EventListModel, EventRole
from reader.ui.settings_file import SettingsFile
from reader.ui.widgets import BusyIndicator, FindBar, HeaderBar, Legend, document_title
from reader.ui.workers import AnalysisService

MAX_RECENT = 10
FILE_FILTER = (
    "Briefings (*.md *.markdown *.txt *.html *.htm *.pdf *.docx *.eml *.msg *.xml *.rss *.atom);;"
    "PDF (*.pdf);;Word (*.docx);;E-mail (*.eml *.msg);;Feeds (*.xml *.rss *.atom);;All files (*)"
)


def default_settings() -> SettingsFile:
    """settings.json in the user's config folder, written atomically; the old QSettings values carry over."""
    from platformdirs import user_config_path

    from reader.paths import APP_NAME

    path = user_config_path(APP_NAME, appauthor=False) / "settings.json"
    return SettingsFile(path, legacy=QSettings("BriefingReader", "briefing-reader"))


def guess_format(text: str) -> str:
    """Pasted text: Markdown if it looks like it (headings, lists, emphasis), else plain text."""
    lines = [line.lstrip() for line in text.splitlines()[:200]]
    if text.lstrip().lower().startswith(("<!doctype html", "<html")):
        return "html"
    markdownish = sum(line.startswith(("# ", "## ", "### ", "- ", "* ", "> ", "---")) for line in lines)
    return "md" if markdownish >= 2 or "**" in text else "txt"


class MainWindow(QMainWindow):
    """One briefing at a time; every slow step happens in ``AnalysisService`` off the GUI thread."""

    document_shown = Signal(int)  # generation: the text is in the view
    analysis_shown = Signal(int)  # generation: highlights, actors and events are in the views
    load_failed = Signal(str)  # the one-line message shown to the user

    def __init__(
        self,
        engine=None,
        settings: QSettings | SettingsFile | None = None,
        warm_up: bool = True,
        parent: QWidget | None = None,
        library_path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or default_settings()
        #: The engine (given, or made on first use: in its own process) and, with a library, its cache.
        self.engine_slot = EngineSlot(engine)
        # Library (notes, corrections, cached analyses): off when no path is given.
        self.library_session = None
        cache = None
        if library_path is not None:
            from reader.ui.library_session import LibrarySession

            self.library_session = LibrarySession(self, library_path, self.engine_slot)
            cache = self.library_session.engine
        self.service = AnalysisService(self.engine_slot, cache, self)
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
        self._build_actions()
        self._connect()
        self._restore_settings()
        self.inbox_watcher = None
        if self.library_session is not None:
            self.library_session.attach()
            from reader.ui.inbox_watcher import InboxWatcher

            self.inbox_watcher = InboxWatcher(self, self.library_session, self.settings)
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

        # Actors panel.
        self.actors_model = ActorTreeModel(self)
        self.actors_view = QTreeView(self)
        self.actors_view.setModel(self.actors_model)
        self.actors_view.setUniformRowHeights(True)
        self.actors_view.setAlternatingRowColors(False)
        self.actors_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actors_view.header().setStretchLastSection(False)
        self.actors_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column: sizing it to its contents asks every row for its data on each reset.
        self.actors_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.actors_view.header().resizeSection(1, self.fontMetrics().horizontalAdvance("99999") + 12)
        self.actors_view.setAccessibleName("Actors")
        actors_panel = QWidget(self)
        actors_layout = QVBoxLayout(actors_panel)
        actors_layout.setContentsMargins(6, 8, 0, 6)
        actors_title = QLabel("<b>Actors</b>")
        actors_layout.addWidget(actors_title)
        actors_layout.addWidget(self.actors_view, 1)
        self.actors_hint = QLabel("Select an actor to mark its mentions (F3 / Shift+F3 to step).")
        self.actors_hint.setWordWrap(True)
        self.actors_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        actors_layout.addWidget(self.actors_hint)

        # Events timeline.
        self.events_model = EventListModel(self)
        self.events_proxy = EventFilterProxy(self)
        self.events_proxy.setSourceModel(self.events_model)
        self.events_proxy.sort(0)
        self.events_view = QListView(self)
        self.events_view.setModel(self.events_proxy)
        self.events_view.setItemDelegate(EventDelegate(self.events_view))
        self.events_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.events_view.setLayoutMode(QListView.LayoutMode.Batched)  # long timelines lay out in slices
        self.events_view.setBatchSize(60)
        self.events_view.setAccessibleName("Events timeline")
        self.events_filter = QLineEdit(self)
        self.events_filter.setPlaceholderText("Filter events…")
        self.events_filter.setClearButtonEnabled(True)
        self.events_order = QComboBox(self)
        self.events_order.addItems(["By date", "As in the text"])
        self.events_order.setToolTip("Order of the timeline")
        self.actor_filter_label = QLabel("")
        self.actor_filter_label.setWordWrap(True)
        self.actor_filter_clear = QToolButton(self)
        self.actor_filter_clear.setText("Show all")
        self.actor_filter_clear.setAutoRaise(True)
        actor_filter_row = QHBoxLayout()
        actor_filter_row.addWidget(self.actor_filter_label, 1)
        actor_filter_row.addWidget(self.actor_filter_clear)
        self.actor_filter_label.hide()
        self.actor_filter_clear.hide()
        self.events_empty = QLabel("")
        self.events_empty.setWordWrap(True)
        self.events_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        events_panel = QWidget(self)
        events_layout = QVBoxLayout(events_panel)
        events_layout.setContentsMargins(0, 8, 6, 6)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel("<b>Events</b>"), 1)
        title_row.addWidget(self.events_order)
        events_layout.addLayout(title_row)
        events_layout.addWidget(self.events_filter)
        events_layout.addLayout(actor_filter_row)
        events_layout.addWidget(self.events_view, 1)
        events_layout.addWidget(self.events_empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(actors_panel)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(events_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([260, 760, 340])
        # docks (notes, library) take their width from the splitter: the side panels keep a
        # readable width and the article gives way
        char = self.fontMetrics().averageCharWidth()
        actors_panel.setMinimumWidth(char * 26)
        events_panel.setMinimumWidth(char * 34)
        self.splitter.setChildrenCollapsible(False)
        self.actors_panel, self.events_panel = actors_panel, events_panel
        self.setCentralWidget(self.splitter)

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
        width, height = 1480, 920
        if room is not None and room.width() > 0:
            width, height = min(width, int(room.width() * 0.94)), min(height, int(room.height() * 0.94))
        self.resize(width, height)

    def _action(self, text: str, slot, shortcut=None, menu: QMenu | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts keep working with the menu bar hidden (reading mode)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_action = self._action("&Open…", self.choose_file, QKeySequence.StandardKey.Open, file_menu, "Open a briefing file")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.paste_action = self._action(
            "&Paste as New Briefing", self.paste_briefing, "Ctrl+Shift+V", file_menu, "Read the clipboard's text as a new briefing"
        )
        file_menu.addSeparator()
        self.date_action = self._action(
            "Set Publication &Date…", self.ask_publication_date, "Ctrl+D", file_menu, "Resolve every date against a publication date"
        )
        self.date_action.setEnabled(False)
        file_menu.addSeparator()
        self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, file_menu)

        view_menu = bar.addMenu("&View")
        self._action("&Find…", self.open_find, QKeySequence.StandardKey.Find, view_menu, "Find text in the briefing")
        self._action("Find &Next", lambda: self._find_again(False), "Ctrl+G", view_menu)
        self._action("Find &Previous", lambda: self._find_again(True), "Ctrl+Shift+G", view_menu)
        view_menu.addSeparator()
        self._action("Zoom &In", lambda: self.zoom(1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], view_menu)
        self._action("Zoom &Out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut, view_menu)
        self._action("&Actual Size", lambda: self.zoom(0), "Ctrl+0", view_menu)
        view_menu.addSeparator()
        self.reading_action = self._action("&Reading Mode (Full Screen)", self.toggle_reading_mode, "F11", view_menu)
        self.reading_action.setCheckable(True)
        self.actors_action = self._action("Show &Actors Panel", self._toggle_actors_panel, "Ctrl+1", view_menu)
        self.actors_action.setCheckable(True)
        self.actors_action.setChecked(True)
        self.events_action = self._action("Show &Events Panel", self._toggle_events_panel, "Ctrl+2", view_menu)
        self.events_action.setCheckable(True)
        self.events_action.setChecked(True)

        go_menu = bar.addMenu("&Go")
        self._action("&Next Mention", lambda: self.step_mention(1), "F3", go_menu, "Next mention of the selected actor")
        self._action("&Previous Mention", lambda: self.step_mention(-1), "Shift+F3", go_menu)
        self._action("&Events Timeline", self.events_view.setFocus, "Ctrl+E", go_menu)
        self._action("&Actors", self.actors_view.setFocus, "Ctrl+K", go_menu)
        self._action("&Text", self.article.setFocus, "Ctrl+T", go_menu)

        help_menu = bar.addMenu("&Help")
        self._action("&Keyboard Shortcuts", self.show_shortcuts, "F1", help_menu)
        self._action("Open the &Sample Briefing", self.open_sample, None, help_menu)
        self._action("&About Briefing Reader", self.show_about, None, help_menu)
        self._escape = QAction(self)
        self._escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self._escape.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.triggered.connect(self._on_escape)
        self.addAction(self._escape)

    def _connect(self) -> None:
        s = self.service
        s.document_ready.connect(self._on_document_ready)
        s.analysis_ready.connect(self._on_analysis_ready)
        s.failed.connect(self._on_failed)
        s.busy_changed.connect(self.busy.set_busy)
        s.busy_changed.connect(lambda busy: busy or self.stop_button.hide())
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
        self.events_order.currentIndexChanged.connect(lambda i: self.events_proxy.set_chronological(i == 0))
        self.actor_filter_clear.clicked.connect(self.actors_view.clearSelection)
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
        self.events_model.set_analysis(None)
        self.legend.set_counts({}, self.article.hidden_types)
        self.counts_label.setText("")
        self.date_action.setEnabled(True)
        self.setWindowTitle(f"{document_title(document)} — Briefing Reader")
        if self.path is not None:
            self._remember_recent(self.path)
        self._update_events_empty()
        self.statusBar().showMessage("Analysing… the text is readable now; highlights follow.")
        self.document_shown.emit(generation)

    @Slot(int, object)
    def _on_analysis_ready(self, generation: int, analysis: Analysis) -> None:
        """Apply an analysis in two slices (text first, then the panels) so the event loop breathes between."""
        if self.document is None or analysis.document.text != self.document.text:
            return
        self.analysis = analysis
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
        self.events_model.set_analysis(analysis)
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
            self._show_load_error(message)
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

    def _show_load_error(self, message: str) -> None:
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
        counts: dict[str, int] = {}
        for actor in analysis.actors:
            counts[actor.type] = counts.get(actor.type, 0) + len(actor.mentions)
        for date in analysis.dates:
            counts[date.type] = counts.get(date.type, 0) + 1
        order = {t: i for i, t in enumerate((*ACTOR_TYPES, *DATE_TYPES))}
        return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

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
        same = index.isValid() and index.data(ActorRole).name == previous.name
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
        self.article.select_actor(actor, move=not self._restoring_actor)
        self.events_proxy.set_actor_filter(actor.id if actor else None)
        if actor is None:
            self.actor_filter_label.hide()
            self.actor_filter_clear.hide()
        else:
            self.actor_filter_label.setText(f"Events with <b>{actor.name}</b>")
            self.actor_filter_label.show()
            self.actor_filter_clear.show()
        self._update_events_empty()

    def step_mention(self, step: int) -> None:
        if not self.article.step_mention(step):
            if self.find_bar.isVisible() and self.find_bar.field.text():
                self._find_again(step < 0)
            else:
                self.statusBar().showMessage("Select an actor first to step through its mentions", 4000)

    @Slot(int, int)
    def _on_mention_stepped(self, index: int, total: int) -> None:
        actor = self.selected_actor()
        name = actor.name if actor else "the actor"
        self.statusBar().showMessage(f"Mention {index} of {total} of {name}", 4000)

    def go_to_event(self, event: Event) -> None:
        """Scroll the article to the event's clause, put the caret on its trigger and flash the clause."""
        caret = event.trigger_start if event.start <= event.trigger_start < event.end else event.start
        self.article.show_range(event.start, event.end, caret=caret)

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
        if self.analysis is None:
            text = "Events appear here when the analysis is done." if self.document else ""
        elif not self.analysis.events:
            text = "No events were found in this briefing."
        elif self.events_proxy.rowCount() == 0:
            text = "No event matches the filter."
        else:
            text = ""
        self.events_empty.setText(text)
        self.events_empty.setVisible(bool(text))

    # ------------------------------------------------------------------ find, zoom, reading mode

    def open_find(self) -> None:
        selected = self.article.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")

    def _find(self, text: str, backward: bool) -> None:
        index, total = self.article.find_text(text, backward)
        self.find_bar.set_result(index, total)

    def _find_again(self, backward: bool) -> None:
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

    def _toggle_actors_panel(self) -> None:
        self.actors_panel.setVisible(not self.actors_panel.isVisible())
        self.actors_action.setChecked(self.actors_panel.isVisible())

    def _toggle_events_panel(self) -> None:
        self.events_panel.setVisible(not self.events_panel.isVisible())
        self.events_action.setChecked(self.events_panel.isVisible())

    def _on_escape(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.isFullScreen():
            self.toggle_reading_mode()
        elif self.selected_actor() is not None:
            self.actors_view.clearSelection()
        elif self.stop_button.isVisible():
            self.stop_analysis()

    def _on_link_hovered(self, url: str) -> None:
        if url:
            self.statusBar().showMessage(f"Click to open in your browser: {url}")
        else:
            self.statusBar().clearMessage()

    # ------------------------------------------------------------------ recent files, drag and drop

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _remember_recent(self, path: Path) -> None:
        name = str(path.resolve())
        recent = [name] + [p for p in self.recent_files() if p != name]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        if not recent:
            action = self.recent_menu.addAction("No recent briefings")
            action.setEnabled(False)
            return
        for number, name in enumerate(recent, start=1):
            label = f"&{number} {Path(name).name}" if number < 10 else Path(name).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _=False, n=name: self._open_recent(n))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the List", lambda: self.settings.setValue("recent_files", []))

    def _open_recent(self, name: str) -> None:
        if not Path(name).exists():
            self.settings.setValue("recent_files", [p for p in self.recent_files() if p != name])
            self._show_load_error(f"{name}: the file is no longer there; it was removed from the recent list")
            return
        self.open_path(name)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # ------------------------------------------------------------------ settings, help, closing

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        try:
            zoom = int(self.settings.value("view/zoom", 0))
        except (TypeError, ValueError):
            zoom = 0
        self.article.set_zoom_steps(zoom)
        hidden = self.settings.value("view/hidden_types", [])
        if isinstance(hidden, str):
            hidden = [hidden]
        for key in hidden or []:
            self.article.set_type_visible(str(key), False)

    def _save_settings(self) -> None:
        if not self.isFullScreen():
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("view/zoom", self.article.zoom_steps)
        self.settings.setValue("view/hidden_types", sorted(self.article.hidden_types))
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Light/dark switch: the legend's swatches are pixmaps, so they are drawn again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.analysis is not None:
            self.legend.set_counts(self.mention_counts(self.analysis), self.article.hidden_types)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        if self.inbox_watcher is not None:
            self.inbox_watcher.close()
        self.service.shutdown()
        super().closeEvent(event)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Briefing Reader",
            f"<b>Briefing Reader {__version__}</b><p>Read news and analytical briefings: who acts, when, "
            "and what happened. Everything is analysed on this computer; nothing is sent anywhere.</p>",
        )

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every action's shortcut, read from the actions themselves so the list never goes stale."""
        rows: dict[str, str] = {}
        for action in self.findChildren(QAction):
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

    def show_shortcuts(self) -> None:
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in self.shortcut_rows())
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{table}</table>")

    def _mark_timing(self, key: str) -> None:
        """Remember when the text, then the highlights, first reached the screen (perf_counter seconds)."""
        self.paint_times.setdefault(key, time.perf_counter())
