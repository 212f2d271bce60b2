"""The window end to end: real engine on the sample, plus a deterministic fake engine for timing cases."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from ui_helpers import ANALYSIS_TIMEOUT_MS, FakeEngine, make_window

from reader.documents import load_document
from reader.resources import sample_briefing
from reader.ui.article_view import LAYER_PROPERTY, TYPE_PROPERTY
from reader.ui.tooltips import date_tooltip

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def open_and_wait(qtbot, window, path) -> int:
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS) as blocker:
        generation = window.open_path(path)
    assert blocker.args == [generation]
    return generation


def expected_counts(analysis) -> Counter:
    counts: Counter = Counter()
    for actor in analysis.actors:
        counts[actor.type] += len(actor.mentions)
    for date in analysis.dates:
        counts[date.type] += 1
    return counts


def point_inside(view, start: int, end: int) -> QPoint:
    """A viewport point over the middle of the text range [start, end)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt((start + end) // 2))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


# ---------------------------------------------------------------------- the real engine on the sample


def test_sample_highlights_equal_the_engines_mentions_per_type(qtbot, window, engine):
    open_and_wait(qtbot, window, sample_briefing())
    reference = engine.analyze(load_document(sample_briefing()))
    assert reference.actors, "the engine found no actors in the sample"
    assert window.article.highlight_counts() == expected_counts(reference)
    # Every highlight covers exactly its mention's text: view positions are Document.text offsets.
    doc_text = window.document.text
    for selection in window.article.extraSelections():
        if selection.format.property(LAYER_PROPERTY) == "type":
            start = window.article.offsets.to_py(selection.cursor.selectionStart())
            end = window.article.offsets.to_py(selection.cursor.selectionEnd())
            assert selection.cursor.selectedText().replace("\u2029", "\n") == doc_text[start:end]
    for actor in window.analysis.actors:
        for m in actor.mentions:
            cursor = QTextCursor(window.article.document())
            cursor.setPosition(m.start)
            cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == m.text


def test_text_is_shown_before_the_analysis_arrives(qtbot, window):
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        window.open_path(sample_briefing())
    assert window.article.toPlainText().startswith(window.document.text[:40].split("\n")[0])
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        pass
    assert window.analysis is not None


def test_clicking_an_event_puts_the_cursor_in_its_clause(qtbot, window):
    open_and_wait(qtbot, window, sample_briefing())
    proxy = window.events_proxy
    assert proxy.rowCount() > 0, "the engine found no events in the sample"
    window.article.verticalScrollBar().setValue(0)
    row = proxy.rowCount() - 1
    index = proxy.index(row, 0)
    window.events_view.scrollTo(index)
    rect = window.events_view.visualRect(index)
    qtbot.mouseClick(window.events_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    event = index.data(Qt.ItemDataRole.UserRole + 10)
    position = window.article.offsets.to_py(window.article.textCursor().position())
    assert event.start <= position < event.end
    assert window.article.flash_active()
    caret = window.article.cursorRect()
    assert window.article.viewport().rect().contains(caret.center())


def test_toggling_a_type_off_removes_its_highlights(qtbot, window):
    open_and_wait(qtbot, window, sample_briefing())
    before = window.article.highlight_counts()
    key = max(before, key=before.get)
    qtbot.mouseClick(window.legend.buttons[key], Qt.MouseButton.LeftButton)
    after = window.article.highlight_counts()
    assert after[key] == 0
    assert {k: v for k, v in after.items() if k != key} == {k: v for k, v in before.items() if k != key}
    qtbot.mouseClick(window.legend.buttons[key], Qt.MouseButton.LeftButton)
    assert window.article.highlight_counts() == before


def test_setting_the_publication_date_changes_a_dates_tooltip(qtbot, window):
    open_and_wait(qtbot, window, sample_briefing())
    view = window.article
    first = {(d.start, d.end): d for d in window.analysis.dates}
    tips_before = {span: view.tooltip_at(point_inside(view, *span)) for span in first}
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        window.set_publication_date(dt.date(2031, 3, 10))
    assert window.analysis.document.published == dt.date(2031, 3, 10)
    changed = [
        span
        for span, date in first.items()
        if (new := next((d for d in window.analysis.dates if (d.start, d.end) == span), None)) and new.value != date.value
    ]
    assert changed, "no date re-resolved against the new publication date"
    for span in changed:
        new = next(d for d in window.analysis.dates if (d.start, d.end) == span)
        tip = view.tooltip_at(point_inside(view, *span))
        assert tip != tips_before[span]
        assert date_tooltip(new) in tip
    assert "set by you" in window.header.meta.text()


def test_a_binary_file_shows_an_error_dialog(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "photo.md"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with qtbot.waitSignal(window.load_failed, timeout=30_000) as blocker:
        window.open_path(bad)
    assert "binary" in blocker.args[0]
    assert len(dialogs) == 1 and "binary" in dialogs[0] and "Traceback" not in dialogs[0]
    assert window.document is None


def test_opening_two_files_quickly_shows_only_the_second(qtbot, window, tmp_path):
    first = tmp_path / "first.md"
    shutil.copy(sample_briefing(), first)
    second = tmp_path / "second.md"
    second.write_text("# Second\n\nThe talks in Geneva ended on 3 May 2024 without a deal.\n", encoding="utf-8")
    shown: list[int] = []
    window.analysis_shown.connect(shown.append)
    window.open_path(first)
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        generation = window.open_path(second)
    window.service.wait(60_000)
    qtbot.wait(100)
    assert shown == [generation]
    assert window.document.source == str(second)
    assert window.analysis.document.text == window.document.text
    assert "Second" in window.windowTitle()


# ---------------------------------------------------------------------- deterministic cases (fake engine)


def test_a_late_result_of_a_superseded_file_is_dropped(qtbot, settings, dialogs, tmp_path, fake_file):
    gate = threading.Event()
    engine = FakeEngine(gate=gate)
    window = make_window(qtbot, engine, settings)
    other = tmp_path / "other.md"
    other.write_text("Syldavia met Borduria on 3 June.\n", encoding="utf-8")
    shown: list[int] = []
    window.analysis_shown.connect(shown.append)
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(fake_file)
    qtbot.waitUntil(lambda: len(engine.calls) == 1, timeout=10_000)  # the first analysis is running
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        second = window.open_path(other)
    gate.set()
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        pass
    window.service.wait(10_000)
    qtbot.wait(50)
    assert shown == [second]
    assert window.document.source == str(other)
    assert {a.name for a in window.analysis.actors} == {"Syldavia", "Borduria"}
    assert window.article.highlight_counts() == Counter({"GPE": 2, "DATE": 1})


def test_offsets_survive_emoji_and_markdown(qtbot, fake_window, fake_file):
    open_and_wait(qtbot, fake_window, fake_file)
    view = fake_window.article
    for actor in fake_window.analysis.actors:
        for m in actor.mentions:
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.offsets.to_qt(m.start))
            cursor.setPosition(view.offsets.to_qt(m.end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == m.text
    assert not view.offsets.identity  # the emoji really is there


def test_selecting_an_actor_marks_steps_and_filters(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    actor = next(a for a in window.analysis.actors if a.name == "Mara Velkova")
    window.select_actor(actor.id)
    marks = [s for s in window.article.extraSelections() if s.format.property(LAYER_PROPERTY) == "actor"]
    assert len(marks) == len(actor.mentions) == 3
    proxy = window.events_proxy
    assert proxy.rowCount() >= 1
    for row in range(proxy.rowCount()):
        event = proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 10)
        assert actor.id in set(event.actors) | set(event.agents) | set(event.targets)
    window.article.setFocus()
    starts = sorted(m.start for m in actor.mentions)
    seen = []
    for _ in range(len(starts)):
        seen.append(window.article.offsets.to_py(window.article.textCursor().selectionStart()))
        qtbot.keyClick(window.article, Qt.Key.Key_F3)
    assert sorted(seen) == starts
    qtbot.keyClick(window.article, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.article.offsets.to_py(window.article.textCursor().selectionStart()) in starts
    window.select_actor(None)
    assert proxy.rowCount() == len(window.analysis.events)
    assert not [s for s in window.article.extraSelections() if s.format.property(LAYER_PROPERTY) == "actor"]


def test_timeline_filter_order_and_keyboard(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    proxy = window.events_proxy
    assert proxy.rowCount() == 4
    dated = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 10).date for r in range(proxy.rowCount())]
    assert dated[:2] == ["XXXX-05-15", "XXXX-06-02"] or dated[:2] == sorted(d for d in dated if d)[:2]
    qtbot.keyClicks(window.events_filter, "accord")
    assert proxy.rowCount() == 1
    window.events_filter.clear()
    window.events_view.setFocus()
    window.events_view.setCurrentIndex(proxy.index(0, 0))
    qtbot.keyClick(window.events_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.events_view, Qt.Key.Key_Return)
    event = window.events_view.currentIndex().data(Qt.ItemDataRole.UserRole + 10)
    position = window.article.offsets.to_py(window.article.textCursor().position())
    assert event.start <= position < event.end


def test_find_bar_counts_and_cycles_matches(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "borduria")
    total = window.document.text.lower().count("borduria")
    assert window.find_bar.status.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == f"2 of {total}"
    assert window.article.textCursor().selectedText() == "Borduria"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert not [s for s in window.article.extraSelections() if s.format.property(LAYER_PROPERTY) == "find"]


def test_zoom_keys_change_the_text_size(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    size = window.article.document().defaultFont().pointSizeF()
    qtbot.keyClick(window.article, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.article.document().defaultFont().pointSizeF() > size
    qtbot.keyClick(window.article, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.article.document().defaultFont().pointSizeF() == pytest.approx(size)
    qtbot.keyClick(window.article, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.article.document().defaultFont().pointSizeF() < size


def test_paste_a_briefing_from_the_clipboard(qtbot, fake_window):
    window = fake_window
    QGuiApplication.clipboard().setText("Klow, 15 May. Mara Velkova met Syldavia officials in Klow.")
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.paste_action.trigger()
    assert window.document.source == "clipboard"
    assert window.article.highlight_counts()["GPE"] == 3
    assert "clipboard" in window.header.meta.text().lower()


def test_dropping_a_file_opens_it_and_remembers_it(qtbot, fake_window, fake_file, settings):
    window = fake_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fake_file))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.dropEvent(drop)
    assert window.document.source == str(fake_file)
    assert window.recent.paths()[0] == str(fake_file.resolve())
    window.recent.fill_menu()
    assert any(fake_file.name in a.text() for a in window.recent_menu.actions())


def test_the_date_tooltip_says_the_year_is_unknown_until_a_date_is_set(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    view = window.article
    date = window.analysis.dates[0]
    assert "15 May (year unknown)" in view.tooltip_at(point_inside(view, date.start, date.end))
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.set_publication_date(dt.date(2025, 5, 20))
    assert "Thu 15 May 2025" in view.tooltip_at(point_inside(view, date.start, date.end))
    actor = window.analysis.actors[0]
    tip = view.tooltip_at(point_inside(view, actor.mentions[0].start, actor.mentions[0].end))
    assert actor.name in tip and "mention" in tip


def test_reading_mode_hides_the_panels_and_comes_back(qtbot, fake_window):
    window = fake_window
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.actors_panel.isVisible() and not window.events_panel.isVisible()
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.actors_panel.isVisible() and window.events_panel.isVisible()


def test_links_open_only_when_clicked_and_only_web_links(qtbot, fake_window, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("reader.ui.article_view.QDesktopServices.openUrl", lambda url: opened.append(url.toString()))
    view = fake_window.article
    view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    view.anchorClicked.emit(QUrl("https://example.org/report"))
    assert opened == ["https://example.org/report"]
    assert view.loadResource(2, QUrl("https://example.org/tracker.png")) is None


def test_settings_survive_a_restart(qtbot, fake_engine, settings, dialogs):
    first = make_window(qtbot, fake_engine, settings)
    first.article.zoom_by(2)
    first.set_type_visible("GPE", False)
    first.close()
    second = make_window(qtbot, fake_engine, settings)
    assert second.article.zoom_steps == 2
    assert "GPE" in second.article.hidden_types


def test_window_types_highlights_use_their_own_property(qtbot, fake_window, fake_file):
    open_and_wait(qtbot, fake_window, fake_file)
    kinds = Counter(s.format.property(TYPE_PROPERTY) for s in fake_window.article.extraSelections()
                    if s.format.property(LAYER_PROPERTY) == "type")
    assert kinds == Counter({"GPE": 7, "PERSON": 3, "DATE": 2})
    assert QApplication.instance() is not None
    assert Path(fake_window.document.source).name == "talks.md"
