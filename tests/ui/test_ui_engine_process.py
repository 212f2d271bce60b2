"""The window runs its engine in a child process and stops it when it closes."""

from __future__ import annotations

import os

import pytest
from ui_helpers import ANALYSIS_TIMEOUT_MS

from reader.documents import load_document
from reader.resources import sample_briefing

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_window_analyses_in_its_own_process_and_stops_it_on_close(qtbot, settings, dialogs, engine):
    from reader.ui.main_window import MainWindow

    window = MainWindow(settings=settings)  # no engine given: the real app's setup
    qtbot.addWidget(window)
    window.show()
    assert window.service.isolated
    with qtbot.waitSignal(window.analysis_shown, timeout=ANALYSIS_TIMEOUT_MS):
        window.open_path(sample_briefing())
    reference = engine.analyze(load_document(sample_briefing()))
    assert window.analysis.to_dict() == reference.to_dict()
    pid = window.service.engine.pid
    assert pid is not None and pid != os.getpid() and alive(pid)
    window.close()
    qtbot.waitUntil(lambda: not alive(pid), timeout=5_000)
    assert not dialogs
