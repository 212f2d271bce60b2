"""The engine in its own process: same results as in this process, errors and shutdown handled."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from ui_helpers import ANALYSIS_TIMEOUT_MS

from reader.documents import load_document
from reader.resources import sample_briefing
from reader.ui.engine_process import EngineProcess, EngineProcessError

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def engine_process():
    process = EngineProcess().start()
    yield process
    process.close()


def test_the_child_gives_the_same_analysis_as_this_process(engine_process, engine):
    document = load_document(sample_briefing())
    remote = engine_process.load().analyze(document)
    local = engine.analyze(document)
    assert remote.to_dict() == local.to_dict()


def test_a_failure_in_the_child_is_one_line_and_the_child_survives(engine_process):
    with pytest.raises(EngineProcessError) as info:
        engine_process._call("no-such-request")
    assert "\n" not in str(info.value) and "no-such-request" in str(info.value)
    assert engine_process.load() is engine_process


def test_a_child_killed_mid_analysis_is_reported_then_replaced():
    from reader.documents import document_from_text

    process = EngineProcess().start().load()
    try:
        first = process.pid
        long_text = "\n\n".join([sample_briefing().read_text(encoding="utf-8").split("---", 2)[-1]] * 20)
        errors: list[BaseException] = []

        def analyse() -> None:
            try:
                process.analyze(document_from_text(long_text, fmt="md"))
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=analyse)
        worker.start()
        time.sleep(0.5)
        os.kill(first, signal.SIGKILL)
        worker.join(30)
        assert len(errors) == 1 and isinstance(errors[0], EngineProcessError)
        assert "stopped unexpectedly" in str(errors[0])
        process.load()  # the next request gets a fresh child
        assert process.pid != first and alive(process.pid)
    finally:
        process.close()


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
