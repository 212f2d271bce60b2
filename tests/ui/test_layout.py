"""The window at real sizes: every actor name and event summary readable in the default layout.

Checked with the views' own font metrics at 1366×768 and 1920×1080, on the sample (the real
engine) and on a long briefing with long names and long summaries; then the docks and the
widths a reader chooses.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle
from test_notes import TIMEOUT_MS, close_window, make_library_window
from ui_helpers import ANALYSIS_TIMEOUT_MS

from reader.model import Actor, Analysis, DateMention, Document, Event, Mention
from reader.resources import sample_briefing
from reader.ui.delegates import HEADER_GAP, PAD, EventDelegate
from reader.ui.layout import ARTICLE_MIN_CHARS, NOTES_CHARS, SETTINGS_KEY
from reader.ui.models import DateTextRole, EventRole

pytestmark = pytest.mark.gui

SIZES = [(1366, 768), (1920, 1080)]
LONG_NAMES = [
    "Office of the United Nations High Commissioner for Human Rights",
    "Recep Tayyip Erdoğan",
    "Organisation for Security and Co-operation in Europe",
    "Mohammed bin Salman bin Abdulaziz Al Saud",
    "Democratic Republic of the Congo",
]
#: A full clause of the engine's longest kind: a doer, 14 words and a mark.
SUMMARY = "{who}: told reporters after the session that the government will not accept a fait accompli"
MARKS = ["", " (hypothetical)", " (reported by a senior official familiar with the negotiations)", " (not so)"]
MODALITIES = ["asserted", "hypothetical", "reported", "negated"]


class LongEngine:
    """A long briefing: 120 paragraphs, 60 actors (some with very long names), 360 events with full clauses."""

    def __init__(self) -> None:
        paragraphs = []
        for n in range(120):
            name = LONG_NAMES[n % len(LONG_NAMES)]
            paragraphs.append(f"In paragraph {n} {name} spoke on 15 May 2025 about the talks and the river.")
        self.text = "\n\n".join(paragraphs)

    def load(self) -> LongEngine:
        return self

    def analyze_many(self, documents):
        for document in documents:
            yield self.analyze(document)

    def analyze(self, document: Document, published=None, progress=None) -> Analysis:
        text = document.text
        actors: list[Actor] = []
        for n in range(60):
            name = LONG_NAMES[n % len(LONG_NAMES)] if n < len(LONG_NAMES) else f"{LONG_NAMES[n % len(LONG_NAMES)].split()[0]} Delegate Number {n}"
            start = text.index(LONG_NAMES[n % len(LONG_NAMES)])
            actors.append(Actor(f"A{n}", name, ("PERSON", "ORG", "GPE", "NORP", "LOC")[n % 5], mentions=[Mention(start, start + 5, text[start : start + 5])]))
        events, dates = [], []
        offset = 0
        for n, paragraph in enumerate(text.split("\n\n")):
            date_at = offset + paragraph.index("15 May 2025")
            dates.append(DateMention(date_at, date_at + 11, "15 May 2025", "DATE", "2025-05-15"))
            for k in range(3):
                modality = MODALITIES[(n + k) % 4]
                events.append(
                    Event(
                        id=f"E{n}-{k}",
                        start=offset,
                        end=offset + len(paragraph),
                        text=paragraph,
                        trigger="spoke",
                        trigger_start=offset + paragraph.index("spoke"),
                        trigger_end=offset + paragraph.index("spoke") + 5,
                        category=("04", "VOTE", "DISASTER", "19")[k],
                        category_label=("Consult", "Elections and votes", "Disasters and casualties", "Fight")[k],
                        summary=SUMMARY.format(who=LONG_NAMES[n % len(LONG_NAMES)].split()[-1]) + MARKS[(n + k) % 4],
                        date=(None, "2025-05-15", "XXXX-05-15")[k],
                        modality=modality,
                    )
                )
            offset += len(paragraph) + 2
        return Analysis(document=document, actors=actors, dates=dates, events=events)


def _text_width(view, index) -> int:
    """The room the actors view gives a name in its row (its rect, less the style's margins and the swatch)."""
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = view.iconSize().width() + margin if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
    return view.visualRect(index).width() - margin - max(icon, 16 if icon else 0)


def assert_nothing_elided(qtbot, window, one_line_names: bool, two_lines_share: float = 0.8) -> None:
    """Every actor name and event summary fits its row, by the views' own font metrics."""
    last = window.events_view.model().index(window.events_view.model().rowCount() - 1, 0)
    qtbot.waitUntil(lambda: window.events_view.visualRect(last).isValid(), timeout=10_000)  # laid out in batches
    actors = window.actors_view
    actors.doItemsLayout()
    fm = actors.fontMetrics()
    model = actors.model()
    checked = 0
    for group in range(model.rowCount()):
        group_index = model.index(group, 0)
        rows = [group_index] + [model.index(r, 0, group_index) for r in range(model.rowCount(group_index))]
        for index in rows:
            name = str(index.data())
            room = _text_width(actors, index)
            rect = actors.visualRect(index)
            assert rect.isValid(), name
            if one_line_names:
                assert fm.horizontalAdvance(name) <= room, f"{name!r} needs {fm.horizontalAdvance(name)} px, has {room}"
            needed = fm.boundingRect(QRect(0, 0, room, 10**6), Qt.TextFlag.TextWordWrap, name)
            assert needed.width() <= room and needed.height() <= rect.height(), f"{name!r} does not fit {rect}"
            checked += 1
    assert checked > 3

    events = window.events_view
    proxy = events.model()
    base, bold, small = EventDelegate.fonts(events.font())
    two_lines = 0
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        event = index.data(EventRole)
        rect = events.visualRect(index)
        assert rect.isValid()
        room = rect.width() - 2 * PAD
        font = EventDelegate.summary_font(event, base)
        summary = " ".join(event.summary.split())
        needed = QFontMetrics(font).boundingRect(QRect(0, 0, room, 10**6), Qt.TextFlag.TextWordWrap, summary)
        header = QFontMetrics(small).height() + HEADER_GAP if proxy.group_header(row) else 0
        assert needed.width() <= room, f"a word of {summary!r} is wider than the timeline"
        assert header + QFontMetrics(bold).height() + needed.height() + 2 * PAD <= rect.height(), f"{summary!r} is cut in {rect}"
        date = index.data(DateTextRole) or "undated"
        assert QFontMetrics(bold).horizontalAdvance(date) + 40 <= room, f"the date {date!r} does not fit"
        two_lines += needed.height() <= 2 * QFontMetrics(font).height()
    assert proxy.rowCount() > 0
    # At the width the layout gives the timeline, most summaries take two lines or fewer.
    assert two_lines >= two_lines_share * proxy.rowCount(), f"{two_lines} of {proxy.rowCount()} summaries in two lines"
    # ... and the article keeps a readable column.
    assert window.article.viewport().width() >= window.article.fontMetrics().averageCharWidth() * ARTICLE_MIN_CHARS


def _show(qtbot, window, size) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.splitter.width() >= size[0] - 40, timeout=5_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sample_reads_without_elision(qtbot, window, size):
    _show(qtbot, window, size)
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        window.open_path(sample_briefing())
    qtbot.wait(50)
    assert_nothing_elided(qtbot, window, one_line_names=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_briefing_reads_without_elision(qtbot, settings, dialogs, tmp_path, size):
    from ui_helpers import make_window

    engine = LongEngine()
    path = tmp_path / "long.txt"
    path.write_text(engine.text, encoding="utf-8")
    window = make_window(qtbot, engine, settings)
    try:
        _show(qtbot, window, size)
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.open_path(path)
        qtbot.wait(50)
        # A summary with a long attribution takes a third line at 1366 pixels.
        assert_nothing_elided(qtbot, window, one_line_names=False, two_lines_share=0.7 if size[0] < 1600 else 0.95)
        # The longest name wraps rather than being cut, and the panel kept to its share of the window.
        assert window.actors_panel.width() <= size[0] * 0.25
    finally:
        window.service.cancel()
        window.service.wait(10_000)


def test_docks_take_their_room_from_the_article_and_give_it_back(qtbot, fake_engine, settings, dialogs, tmp_path, fake_file):
    window = make_library_window(qtbot, fake_engine, settings, tmp_path / "library.db")
    try:
        _show(qtbot, window, (1366, 768))
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.open_path(fake_file)
        notes = window.library_session.notebook.notes_dock
        assert not notes.isVisible()  # a first start at 1366 pixels: the notes open when wanted
        before = window.splitter.sizes()
        window.library_session.notebook.notes_toggle.trigger()
        char = window.fontMetrics().averageCharWidth()
        least = max(char * NOTES_CHARS, notes.minimumSizeHint().width())
        try:
            qtbot.waitUntil(lambda: notes.isVisible() and least - char * 4 <= notes.width() <= least + char * 4, timeout=5_000)
        except Exception:
            raise AssertionError(f"notes {notes.isVisible()} {notes.width()} least {least} window {window.width()} sizes {window.splitter.sizes()} min {window.centralWidget().minimumSizeHint().width()}") from None
        opened = window.splitter.sizes()
        assert opened[0] == before[0] and opened[2] == before[2]  # the panels keep their width; the article gives way
        window.library_session.notebook.notes_toggle.trigger()
        qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= before[1] - 4, timeout=5_000)
        assert window.splitter.sizes()[0] == before[0]
        library = window.library_session.browser.library_dock
        window.library_session.browser.library_action.trigger()
        qtbot.waitUntil(lambda: library.isVisible() and library.height() > 0.25 * window.height(), timeout=5_000)
    finally:
        close_window(window)


def test_widths_the_reader_chooses_are_kept_until_reset(qtbot, fake_engine, settings, dialogs, tmp_path, fake_file):
    from ui_helpers import make_window

    window = make_window(qtbot, fake_engine, settings)
    _show(qtbot, window, (1600, 900))
    with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
        window.open_path(fake_file)
    fitted = window.splitter.sizes()
    handle = window.splitter.handle(1)
    # The reader drags the handle between the actors and the article 120 pixels to the right.
    window.splitter.moveSplitter(fitted[0] + 120, 1)
    chosen = window.splitter.sizes()
    assert chosen[0] == fitted[0] + 120 and handle is not None
    assert [int(v) for v in settings.value(SETTINGS_KEY)] == [chosen[0], chosen[2]]
    window.close()

    again = make_window(qtbot, fake_engine, settings)
    _show(qtbot, again, (1600, 900))
    with qtbot.waitSignal(again.analysis_shown, timeout=TIMEOUT_MS):
        again.open_path(fake_file)
    assert again.splitter.sizes()[0] == chosen[0]
    again.panel_layout.reset()
    assert abs(again.splitter.sizes()[0] - fitted[0]) <= 2 and settings.value(SETTINGS_KEY) is None


def test_the_windows_spans_are_the_clis(qtbot, window, engine, capsys, monkeypatch):
    """What the window highlights is exactly what `briefing analyze --json` reports, span for span."""
    import json

    from reader.cli import main
    from reader.ui.article_view import LAYER_PROPERTY, TYPE_PROPERTY

    monkeypatch.setattr("reader.engine.Engine", lambda: engine)  # the session's engine, not a second model
    assert main(["analyze", str(sample_briefing()), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    expected = {(m["start"], m["end"], a["type"]) for a in report["actors"] for m in a["mentions"]}
    expected |= {(d["start"], d["end"], d["type"]) for d in report["dates"]}
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        window.open_path(sample_briefing())
    qtbot.waitUntil(lambda: bool(window.article.highlight_counts()), timeout=5_000)
    shown = set()
    for selection in window.article.extraSelections():
        if selection.format.property(LAYER_PROPERTY) == "type":
            start = window.article.offsets.to_py(selection.cursor.selectionStart())
            end = window.article.offsets.to_py(selection.cursor.selectionEnd())
            shown.add((start, end, selection.format.property(TYPE_PROPERTY)))
    assert shown == expected
    assert report["document"]["title"] == window.windowTitle().split(" — ")[0]


def test_a_document_has_paragraph_groups(qtbot):
    """Paragraph numbers come from the document's blocks, else its lines."""
    from reader.ui.models import paragraph_spans

    doc = Document(text="One.\nTwo.\n\nThree.")
    assert paragraph_spans(doc) == [(0, 4), (5, 9), (11, 17)]
    assert paragraph_spans(dataclasses.replace(doc, blocks=[])) == [(0, 4), (5, 9), (11, 17)]
