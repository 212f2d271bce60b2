"""A long analysis in the window shows its progress and can be stopped (issue 12, item 6)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from ui_helpers import ANALYSIS_TIMEOUT_MS, FakeEngine, make_window

from reader.documents import document_from_text

pytestmark = pytest.mark.gui


class SteppedEngine(FakeEngine):
    """Reports progress in ten steps; each step waits for the test to let it go on."""

    def __init__(self) -> None:
        super().__init__()
        self.step = threading.Semaphore(0)

    def analyze(self, document, published=None, progress=None):
        total = len(document.text)
        for i in range(11):
            if progress is not None:
                progress(total * i // 10, total)
            if i < 10:
                self.step.acquire(timeout=30)
        return super().analyze(document, published)


def test_progress_is_shown_and_stop_leaves_the_text_readable(qtbot, settings, dialogs):
    engine = SteppedEngine()
    window = make_window(qtbot, engine, settings)
    try:
        document = document_from_text("Borduria and Syldavia met in Klow on 15 May.\n\n" * 2000)
        text = document.text
        with qtbot.waitSignal(window.service.progress, timeout=ANALYSIS_TIMEOUT_MS) as first:
            window.open_document(document)
        assert first.args == [0, len(text)]
        with qtbot.waitSignal(window.service.progress, timeout=ANALYSIS_TIMEOUT_MS) as second:
            engine.step.release()
        assert second.args[0] == len(text) // 10
        qtbot.waitUntil(lambda: window.stop_button.isVisible() and window.busy.value() == len(text) // 10 * 100 // len(text), timeout=5_000)
        with qtbot.waitSignal(window.service.stopped, timeout=ANALYSIS_TIMEOUT_MS):
            qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
            engine.step.release()  # the engine reaches its next chunk, where the stop takes effect
        assert not window.service.busy and not window.stop_button.isVisible()
        assert "stopped" in window.statusBar().currentMessage()
        assert window.analysis is None and not dialogs  # no error dialog, no half analysis
        assert "Borduria" in window.article.toPlainText()  # the text stays readable
    finally:
        for _ in range(12):
            engine.step.release()
        window.service.cancel()
        window.service.wait(30_000)
