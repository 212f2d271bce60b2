"""`briefing import --workers N`: analysis in worker processes, one writer, the import's promises kept.

The workers run a fake engine (no spaCy), imported by name in each spawned process. Nothing
here sleeps before a signal: the tests wait for the import's own progress lines.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store.fakes import FakeEngine, fake_analysis, write

from reader.archive import pool as pool_module
from reader.archive.pool import WorkerPool, WorkerPoolError, import_engine
from reader.archive.sizing import default_workers
from reader.model import Document
from reader.store import Library

CHILD = Path(__file__).with_name("import_child.py")
FAKE = f"{FakeEngine.__module__}:FakeEngine"
SLOW = "archive.fakes:SlowEngine"


def _texts(n: int) -> list[str]:
    return [f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey and Ukraine, day {i}.\n" for i in range(n)]


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    for i, text in enumerate(_texts(n)):
        write(folder, f"{i:04}.txt", text)
    return folder


def _rows(path: Path) -> tuple[list, list, list]:
    """What an import stores, without the timestamps."""
    conn = sqlite3.connect(path)
    try:
        briefings = conn.execute("SELECT id, title, source, content_hash, published, structure, text FROM briefings ORDER BY id").fetchall()
        analyses = conn.execute("SELECT content_hash, engine_version, data FROM analyses ORDER BY content_hash").fetchall()
        actors = conn.execute("SELECT * FROM briefing_actors ORDER BY briefing_id, name_key").fetchall()
        return briefings, analyses, actors
    finally:
        conn.close()


def test_the_pool_yields_every_analysis_in_input_order():
    documents = [Document(text=t, source=f"{i}.txt") for i, t in enumerate(_texts(37))]
    with WorkerPool(2, engine=FAKE, batch_size=4) as pool:
        analyses = list(pool.analyze_many(documents))
        assert len(pool.peak_rss) == 2 and all(mb > 0 for mb in pool.peak_rss.values())
    assert [a.to_dict() for a in analyses] == [fake_analysis(d).to_dict() for d in documents]


def test_an_import_through_the_pool_stores_what_an_import_in_one_process_stores(tmp_path):
    folder = _folder(tmp_path, 40)
    with Library.open(tmp_path / "one.db") as lib:
        lib.import_paths([folder], FakeEngine())
    with Library.open(tmp_path / "two.db") as lib, WorkerPool(2, engine=FAKE, batch_size=3) as pool:
        report = lib.import_paths([folder], pool)
    assert len(report.added) == 40 and not report.failed
    assert _rows(tmp_path / "one.db") == _rows(tmp_path / "two.db")


def test_an_engine_error_is_raised_in_order_and_the_briefings_before_it_are_kept(tmp_path):
    folder = _folder(tmp_path, 12)
    write(folder, "0006.txt", "POISON in this one.\n")
    with Library.open(tmp_path / "lib.db") as lib, WorkerPool(2, engine="archive.fakes:PoisonEngine", batch_size=2) as pool:
        with pytest.raises(WorkerPoolError, match="ValueError: the engine choked on a poisoned text"):
            lib.import_paths([folder], pool)
        assert lib.count_briefings() == 6  # 0000-0005: the batches before the failing one


def test_a_worker_that_cannot_start_is_one_clear_error(tmp_path):
    folder = _folder(tmp_path, 3)
    with (
        Library.open(tmp_path / "lib.db") as lib,
        WorkerPool(2, engine="archive.fakes:BrokenEngine") as pool,
        pytest.raises(WorkerPoolError, match="could not start: the English pipeline is missing"),
    ):
        lib.import_paths([folder], pool)


def test_the_default_is_the_cores_bounded_by_memory_and_one_process_for_a_small_import(tmp_path):
    assert default_workers(cores=8, memory_mb=64_000) == 8
    assert default_workers(cores=8, memory_mb=2_000) == 2  # (2000 - 768) // 520
    assert default_workers(cores=8, memory_mb=500) == 1
    small = _folder(tmp_path, 3)
    engine, pool = import_engine(lambda: "in-process", [small])
    assert (engine, pool) == ("in-process", None)
    engine, pool = import_engine(lambda: "in-process", [small], workers=2)
    assert isinstance(engine, WorkerPool) and pool is engine and pool.workers == 2
    pool.close()


def _start_child(tmp_path: Path, engine: str, n: int, workers: int = 2) -> tuple[subprocess.Popen, Path]:
    folder = _folder(tmp_path, n)
    db = tmp_path / "lib.db"
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), engine, str(db), str(folder), str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    return proc, db


def _wait_for_progress(proc: subprocess.Popen, count: int) -> tuple[list[int], list[str]]:
    """Read stderr until `count` briefings are reported stored; returns (worker pids, lines read)."""
    pids: list[int] = []
    lines: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        lines.append(line)
        if line.startswith("pids "):
            pids = [int(p) for p in line.split()[1:]]
        if line.startswith(f"[{count}/"):
            return pids, lines
    raise AssertionError("the import ended before reporting progress: " + "".join(lines))


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie of an exited parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state == "Z"


def _wait_gone(pids: list[int], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(_gone(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not Path("/proc").is_dir(), reason="needs SIGKILL and /proc")
def test_kill_9_of_the_writer_keeps_what_was_stored_and_the_workers_exit(tmp_path):
    proc, db = _start_child(tmp_path, SLOW, 300)
    pids, _ = _wait_for_progress(proc, 20)
    assert len(pids) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert _wait_gone(pids), "a worker outlived its writer"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM briefings").fetchone()[0]
        # nothing half-written: every briefing stored has its analysis and its actor index
        bare = conn.execute(
            "SELECT count(*) FROM briefings b WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.content_hash = b.content_hash)"
            " OR NOT EXISTS (SELECT 1 FROM briefing_actors x WHERE x.briefing_id = b.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert 20 <= stored < 300 and bare == 0
    # the same import again finishes the rest
    again = subprocess.run(
        [sys.executable, str(CHILD), FAKE, str(db), str(tmp_path / "in"), "2"], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert f"{300 - stored} added" in again.stderr and f"{stored} unchanged" in again.stderr


@pytest.mark.slow
def test_ctrl_c_stops_after_the_current_briefing_keeps_everything_and_stops_the_workers(tmp_path):
    proc, db = _start_child(tmp_path, SLOW, 300)
    pids, _ = _wait_for_progress(proc, 10)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the writer and its workers
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "import cancelled" in err and "Everything imported so far is kept" in err
    assert "Traceback" not in err
    assert _wait_gone(pids)
    with Library.open(db) as lib:
        assert 10 <= lib.count_briefings() < 300


def test_a_worker_killed_mid_import_stops_the_import_with_one_line_and_keeps_the_rest(tmp_path):
    proc, db = _start_child(tmp_path, SLOW, 300)
    pids, _ = _wait_for_progress(proc, 5)
    os.kill(pids[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "an analysis worker stopped" in err and "Traceback" not in err
    assert _wait_gone(pids)
    with Library.open(db) as lib:
        assert lib.count_briefings() >= 5


def test_the_window_keeps_an_engine_it_was_given(tmp_path):
    class Caching:  # what reader.ui.library_worker.CachingEngine looks like with an injected engine
        _inner = FakeEngine()
        _owns_inner = False

        def analyze_many(self, documents):
            return self._inner.analyze_many(documents)

    engine = pool_module.WindowImportEngine(Caching(), [_folder(tmp_path, 40)])
    assert engine._workers == 1
    assert len(list(engine.analyze_many([Document(text="Erdoğan met Zelensky.")]))) == 1 and engine.pool is None


@pytest.mark.timeout(60)
def test_large_batches_and_large_results_do_not_deadlock_the_pipes():
    """Batches and results of megabytes each way: the worker drains its inbox while it works."""
    documents = [Document(text="Erdoğan met Zelensky in Turkey. " * 8000 + f"\nPart {i}.", source=f"{i}.txt") for i in range(12)]
    with WorkerPool(2, engine=FAKE, batch_size=4) as pool:
        analyses = list(pool.analyze_many(documents))
    assert [a.document.source for a in analyses] == [d.source for d in documents]
    assert sum(len(a.actors[0].mentions) for a in analyses) == 12 * 8000
