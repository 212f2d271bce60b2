"""The timeline a daily reader scans: order and groups, modality chips, sources, the marked clause, the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import make_window

from reader.model import Actor, Analysis, Document, Event, Mention, SourceClause
from reader.ui.article_view import LAYER_PROPERTY
from reader.ui.delegates import modality_label, sources_label
from reader.ui.models import EventRole

pytestmark = pytest.mark.gui

TEXT = (
    "Borduria to sign water accord\n\n"  # 0: the headline, a source of the lead
    "Borduria will sign the water accord on 2 June, officials said.\n\n"
    "Syldavia did not attack the border post.\n\n"
    "Klow may host the next round. Velkova met the envoys in Klow.\n\n"
    "The talks began on 15 May 2025."
)


def _at(text: str, words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


class TimelineEngine:
    def load(self):
        return self

    def analyze_many(self, documents):
        for document in documents:
            yield self.analyze(document)

    def analyze(self, document: Document, published=None, progress=None) -> Analysis:
        def event(n, words, date, modality, summary, sources=()):
            start, end = _at(TEXT, words)
            return Event(
                f"E{n}", start, end, words, words.split()[1], start, start + 3, "04", "Consult", summary,
                date=date, modality=modality, sources=[SourceClause(*_at(TEXT, s), s) for s in sources],
            )

        events = [
            event(1, "Klow may host the next round", None, "hypothetical", "Klow: may host the next round (hypothetical)"),
            event(2, "Borduria will sign the water accord on 2 June", "2025-06-02", "reported", "Borduria: will sign the water accord (reported by officials)", ["Borduria to sign water accord"]),
            event(3, "Syldavia did not attack the border post", None, "negated", "Syldavia: did not attack the border post"),
            event(4, "Velkova met the envoys in Klow", None, "asserted", "Velkova: met the envoys in Klow"),
            event(5, "The talks began on 15 May 2025", "2025-05-15", "asserted", "talks: began on 15 May 2025"),
        ]
        start, end = _at(TEXT, "Velkova")
        actors = [Actor("A1", "Mara Velkova", "PERSON", mentions=[Mention(start, end, "Velkova")])]
        return Analysis(document=document, actors=actors, events=events)


@pytest.fixture
def timeline_window(qtbot, settings, dialogs, tmp_path):
    path = tmp_path / "accord.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(qtbot, TimelineEngine(), settings)
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.open_path(path)
    yield window
    window.service.cancel()
    window.service.wait(10_000)


def rows(window) -> list[str]:
    proxy = window.events_proxy
    return [proxy.index(r, 0).data(EventRole).id for r in range(proxy.rowCount())]


def test_dated_events_in_order_then_undated_under_their_paragraph(timeline_window):
    window = timeline_window
    assert rows(window) == ["E5", "E2", "E3", "E1", "E4"]
    headers = [window.events_proxy.group_header(r) for r in range(5)]
    assert headers[:2] == ["", ""]
    assert headers[2].startswith("Undated · paragraph 3 · “Syldavia did not attack")
    assert headers[3].startswith("Undated · paragraph 4") and headers[4] == ""  # same paragraph, one heading
    window.events_panel.order.setCurrentIndex(1)  # as in the text: no headings
    assert rows(window) == ["E2", "E3", "E1", "E4", "E5"] and not any(window.events_proxy.group_header(r) for r in range(5))


def test_the_modality_chips_filter_the_timeline(qtbot, timeline_window):
    window = timeline_window
    chips = window.events_panel.modality_chips.chips
    assert {k: c.text() for k, c in chips.items() if c.isVisible()} == {
        "asserted": "Asserted 2", "reported": "Reported 1", "hypothetical": "Hypothetical 1", "negated": "Negated 1"
    }
    chips["asserted"].click()
    assert rows(window) == ["E2", "E3", "E1"]
    chips["hypothetical"].click()
    chips["negated"].click()
    chips["reported"].click()
    assert rows(window) == [] and "filters" in window.events_panel.empty.text()
    chips["reported"].click()
    assert rows(window) == ["E2"]


def test_one_mark_of_modality_and_the_other_sources(timeline_window):
    window = timeline_window
    events = {e.id: e for e in window.analysis.events}
    assert modality_label(events["E1"]) == "" and modality_label(events["E2"]) == ""  # the summary says it
    assert "negated" in modality_label(events["E3"])
    assert sources_label(events["E2"]) == "+1 source" and sources_label(events["E4"]) == ""
    assert "Also reported in: “Borduria to sign water accord”" in window.events_model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_chosen_clause_stays_marked_until_the_reader_moves_on(qtbot, timeline_window):
    window = timeline_window
    proxy = window.events_proxy
    window.go_to_event_index(proxy.index(1, 0))  # E2, with the headline as its other source
    flash = window.article._flash
    flash.setCurrentTime(flash.duration())  # the flash is over: what stays is the mark
    marks = [s for s in window.article.extraSelections() if s.format.property(LAYER_PROPERTY) == "mark"]
    assert [(window.article.offsets.to_py(s.cursor.selectionStart()), window.article.offsets.to_py(s.cursor.selectionEnd())) for s in marks] == [
        _at(TEXT, "Borduria will sign the water accord on 2 June"),
        _at(TEXT, "Borduria to sign water accord"),
    ]
    # Another event replaces it; Esc takes it away; so does moving the caret out of the clause.
    window.go_to_event_index(proxy.index(0, 0))
    assert window.article.event_marked()[0] == _at(TEXT, "The talks began on 15 May 2025")
    window.on_escape()
    assert window.article.event_marked() == []
    window.go_to_event_index(proxy.index(2, 0))
    assert window.article.event_marked()
    window.article.select_range(0, 5)
    assert window.article.event_marked() == []
    window.go_to_event_index(proxy.index(2, 0))
    window.select_actor("A1")
    assert window.article.event_marked() == []


def test_every_panel_is_reached_by_keyboard_and_named(qtbot, timeline_window):
    window = timeline_window
    window.activateWindow()
    window.actors_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.actors_view, timeout=2_000)
    seen = []
    for _ in range(3):
        window.focus_next_panel(1)
        seen.append(QApplication.focusWidget())
    assert seen == [window.article, window.events_view, window.actors_view]
    window.focus_next_panel(-1)
    assert QApplication.focusWidget() is window.events_view
    # The focus frame rings the panel that has the keyboard.
    frame = window.focus_frame
    qtbot.waitUntil(lambda: frame.isVisible() and frame.parentWidget() is window.events_view, timeout=2_000)
    assert frame.geometry() == window.events_view.rect()
    # Keys go into the timeline: Down and Enter choose an event and mark its clause.
    qtbot.keyClick(window.events_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.events_view, Qt.Key.Key_Return)
    assert window.article.event_marked()
    names = [window.actors_view, window.article, window.events_view, window.events_filter, window.events_panel.order]
    assert all(w.accessibleName() for w in names)
    assert all(chip.accessibleName() for chip in window.events_panel.modality_chips.chips.values())
    assert all(button.accessibleName() for button in window.legend.buttons.values())
