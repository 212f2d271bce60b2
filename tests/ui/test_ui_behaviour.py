"""Window behaviour around the edges: dark palettes, busy indicator, error hook, links, formatting."""

from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from ui_helpers import FakeEngine, make_window

from reader.model import Block, Document, Mark
from reader.ui import dialogs as ui_dialogs
from reader.ui.article_view import LAYER_PROPERTY, ArticleView

pytestmark = pytest.mark.gui


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#7fb2ff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def type_backgrounds(view: ArticleView) -> list[QColor]:
    return [
        s.format.background().color()
        for s in view.extraSelections()
        if s.format.property(LAYER_PROPERTY) == "type"
    ]


def open_and_wait(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.open_path(path)


def test_highlights_stay_readable_in_light_and_dark(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    view = window.article
    counts = view.highlight_counts()
    text = view.palette().color(QPalette.ColorRole.Text)
    assert all(contrast(bg, text) >= 4.5 for bg in type_backgrounds(view))
    app = QApplication.instance()
    light = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: all(bg.lightness() < 110 for bg in type_backgrounds(view)), timeout=5_000)
        text = view.palette().color(QPalette.ColorRole.Text)
        assert all(contrast(bg, text) >= 4.5 for bg in type_backgrounds(view))
        assert view.highlight_counts() == counts
        window.select_actor(window.analysis.actors[0].id)
        marks = [s.format.background().color() for s in view.extraSelections() if s.format.property(LAYER_PROPERTY) == "actor"]
        assert marks and all(contrast(bg, text) >= 4.5 for bg in marks)
        mention = window.analysis.actors[0].mentions[0]
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(mention.start))
        cursor.setPosition(view.offsets.to_qt(mention.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == mention.text  # the rebuilt text keeps the offsets
    finally:
        app.setPalette(light)


def test_busy_indicator_shows_while_the_engine_works(qtbot, settings, dialogs, fake_file):
    gate = threading.Event()
    engine = FakeEngine(gate=gate)
    window = make_window(qtbot, engine, settings)
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(fake_file)
    assert window.busy.isVisible()
    assert window.article.toPlainText()  # the text is readable while the analysis runs
    assert "Analysing" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        gate.set()
    assert not window.busy.isVisible()
    assert "Analysed" in window.statusBar().currentMessage()
    window.service.wait(10_000)


def test_an_unexpected_error_becomes_a_logged_dialog(monkeypatch, tmp_path, dialogs):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    ui_dialogs.install_excepthook(log_file=tmp_path / "briefing-reader.log")
    try:
        raise ValueError("the flux capacitor is empty")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(dialogs) == 1
    assert "the flux capacitor is empty" in dialogs[0]
    assert str(tmp_path / "briefing-reader.log") in dialogs[0]
    assert "Traceback" not in dialogs[0]
    ui_dialogs.install_excepthook()
    try:
        raise KeyError("nope")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert "printed to the console" in dialogs[1]


def test_links_show_where_they_go_and_headings_are_formatted(qtbot):
    text = "Talks\n\nSee the AU statement for details."
    start = text.index("AU statement")
    document = Document(
        text=text,
        blocks=[Block("heading", 0, 5, 1), Block("paragraph", 7, len(text))],
        marks=[Mark("link", start, start + len("AU statement"), "https://au.int/en/newsevents"), Mark("em", 7, 10)],
    )
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 3)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() + 2, rect.center().y())
    assert view.anchorAt(point) == "https://au.int/en/newsevents"
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert "https://au.int/en/newsevents" in QToolTip.text()
    heading = view.document().findBlock(0)
    assert heading.blockFormat().headingLevel() == 1
    assert heading.charFormat().fontWeight() >= 600 or QTextCursor(heading).charFormat().fontWeight() >= 600
    em = QTextCursor(view.document())
    em.setPosition(8)
    assert em.charFormat().fontItalic()
    assert view.toPlainText() == text


def test_find_previous_with_shift_enter(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    window.open_find()
    qtbot.keyClicks(window.find_bar.field, "Klow")
    total = window.document.text.count("Klow")
    assert window.find_bar.status.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.status.text() == f"{total} of {total}"
    qtbot.keyClicks(window.find_bar.field, "zzz")
    assert window.find_bar.status.text() == "not found"


def test_a_reanalysis_keeps_the_selected_actor_and_the_place(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    actor = next(a for a in window.analysis.actors if a.name == "Mara Velkova")
    window.select_actor(actor.id)
    filtered = window.events_proxy.rowCount()
    window.article.step_mention(1)
    caret = window.article.textCursor().position()
    scroll = window.article.verticalScrollBar().value()
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.set_publication_date(dt.date(2025, 5, 20))
    assert window.selected_actor() is not None and window.selected_actor().name == "Mara Velkova"
    assert window.events_proxy.rowCount() == filtered
    assert window.article.textCursor().position() == caret
    assert window.article.verticalScrollBar().value() == scroll
    marks = [s for s in window.article.extraSelections() if s.format.property(LAYER_PROPERTY) == "actor"]
    assert len(marks) == len(actor.mentions)


def test_outside_layers_are_drawn_and_dropped_with_the_text(qtbot, fake_window, fake_file):
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    view = window.article
    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QTextEdit

    fmt = QTextCharFormat()
    fmt.setProperty(LAYER_PROPERTY, "note")
    selection = QTextEdit.ExtraSelection()
    selection.cursor = QTextCursor(view.document())
    selection.cursor.setPosition(3)
    selection.cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)
    selection.format = fmt
    view.set_outside_layer("notes", [selection])
    view.set_type_visible("GPE", False)  # any refresh keeps the outside layer
    assert [s.format.property(LAYER_PROPERTY) for s in view.extraSelections()].count("note") == 1
    with qtbot.waitSignal(view.text_rebuilt, timeout=5_000):
        window.open_path(fake_file)
    assert "note" not in [s.format.property(LAYER_PROPERTY) for s in view.extraSelections()]


def test_the_publication_date_dialog_reanalyses(qtbot, fake_window, fake_file, monkeypatch):
    from PySide6.QtCore import QDate

    from reader.ui.dialogs import PublicationDateDialog

    dialog = PublicationDateDialog(None, "none")
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    assert "no publication date" in dialog.findChildren(QLabel)[0].text()
    dialog.date_edit.setDate(QDate(2025, 5, 20))
    assert dialog.date() == dt.date(2025, 5, 20)
    window = fake_window
    open_and_wait(qtbot, window, fake_file)
    monkeypatch.setattr(PublicationDateDialog, "ask", classmethod(lambda cls, current, origin, parent=None: dt.date(2025, 5, 20)))
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        qtbot.mouseClick(window.header.date_button, Qt.MouseButton.LeftButton)
    assert window.analysis.dates[0].value == "2025-05-15"
    assert "Tue 20 May 2025" in window.header.meta.text() and "set by you" in window.header.meta.text()


def test_paste_html_only_and_an_empty_clipboard(qtbot, fake_window):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    window = fake_window
    QGuiApplication.clipboard().setText("   ")
    window.paste_action.trigger()
    assert "no text" in window.statusBar().currentMessage()
    assert window.document is None
    mime = QMimeData()
    mime.setHtml("<html><body><h1>Klow talks</h1><p>Mara Velkova met Syldavia envoys in Klow on 15 May.</p></body></html>")
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.analysis_shown, timeout=10_000):
        window.paste_action.trigger()
    assert window.document.format == "html"
    assert "<p>" not in window.document.text and "Mara Velkova" in window.document.text
    assert window.article.highlight_counts()["PERSON"] == 1


def test_pasted_text_format_is_guessed():
    from reader.ui.main_window import guess_format

    assert guess_format("# Title\n\n- one\n- two\n") == "md"
    assert guess_format("A plain paragraph.\nAnother line with a **bold** word.") == "md"
    assert guess_format("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert guess_format("Klow, 15 May. Talks went on.\n\nMore talks.") == "txt"
