"""The engine in its own process: same results as in this process, errors and shutdown handled."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from reader.documents import document_from_text, load_document
from reader.engine_process import EngineProcess, EngineProcessError
from reader.errors import AnalysisCancelledError
from reader.resources import sample_briefing

pytestmark = pytest.mark.slow


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
        long_text = "\n\n".join([sample_briefing().read_text(encoding="utf-8").split("---", 2)[-1]] * 40)
        errors: list[BaseException] = []
        parsing = threading.Event()  # the child reports progress once it is inside the analysis

        def analyse() -> None:
            try:
                process.analyze(document_from_text(long_text, fmt="md"), progress=lambda done, total: parsing.set())
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=analyse)
        worker.start()
        assert parsing.wait(60)
        os.kill(first, signal.SIGKILL)
        worker.join(30)
        assert len(errors) == 1 and isinstance(errors[0], EngineProcessError)
        assert "stopped unexpectedly" in str(errors[0])
        process.load()  # the next request gets a fresh child
        assert process.pid != first and alive(process.pid)
    finally:
        process.close()


def test_the_engine_process_reports_progress_and_stops_when_asked():
    process = EngineProcess().start().load()
    try:
        text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara on 15 May." for i in range(1400))
        assert len(text) > 100_000  # three chunks at least
        seen: list[tuple[int, int]] = []

        def stop_once_started(done: int, total: int) -> None:
            seen.append((done, total))
            if done > 0:
                raise AnalysisCancelledError("stopped by the reader")

        with pytest.raises(AnalysisCancelledError):
            process.analyze(document_from_text(text), progress=stop_once_started)
        assert seen[0] == (0, len(text)) and 0 < seen[-1][0] < len(text)
        # the same child goes on serving; a late cancel is not mistaken for a request
        short = process.analyze(document_from_text("Putin met Erdogan in Ankara."))
        assert {a.name for a in short.actors} >= {"Erdogan"}
    finally:
        process.close()
