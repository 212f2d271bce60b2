"""`briefing analyze-archive` on a Dask cluster, then `briefing import --analyses`.

A LocalCluster of one worker process serves the whole module (its address is the
`--scheduler`, as an existing cluster's would be); its worker runs fake engines imported by
name. The equivalence test at the end runs the real engine through `--scheduler local:1`.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from store.fakes import FakeEngine, write

from reader.archive.runner import analyze_archive
from reader.archive.shards import ArchiveFolder, ShardError, shard_name
from reader.cli import main
from reader.model import ENGINE_VERSION
from reader.store import Library

from .fakes import POISON
from .test_pool import _rows

FAKE = f"{FakeEngine.__module__}:FakeEngine"
POISONED = "archive.fakes:PoisonEngine"


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _folder(tmp_path: Path, n: int, poison: tuple[int, ...] = ()) -> Path:
    folder = tmp_path / "in"
    for i in range(n):
        text = f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey and Ukraine, day {i}.\n"
        write(folder, f"{i:03}.txt", (POISON + " " if i in poison else "") + text)
    return folder


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(out.glob("shard-*.jsonl.gz")) for line in gzip.decompress(p.read_bytes()).splitlines()]


def test_a_failing_document_is_recorded_with_its_reason_and_the_run_goes_on(tmp_path, scheduler):
    folder = _folder(tmp_path, 20, poison=(3, 11))
    out = tmp_path / "out"
    report = analyze_archive([folder], out, scheduler, files_per_shard=4, engine=POISONED)
    assert report.documents == 18 and not report.lost and not report.cancelled
    assert sorted(Path(f["source"]).name for f in report.failures) == ["003.txt", "011.txt"]
    assert all("ValueError: the engine choked on a poisoned text" in f["reason"] for f in report.failures)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["engine_version"] == ENGINE_VERSION and manifest["complete"]
    assert manifest["counts"] == {"shards": 5, "files": 20, "documents": 18, "failures": 2}
    assert {Path(f["source"]).name for f in manifest["failures"]} == {"003.txt", "011.txt"}
    # the poisoned documents' neighbours in the same shard were analysed
    assert len({Path(a["document"]["source"]).name for a in _lines(out)}) == 18


def test_a_stopped_run_resumes_where_it_stopped(tmp_path, scheduler):
    folder = _folder(tmp_path, 20)
    out = tmp_path / "out"
    said: list[str] = []
    first = analyze_archive(
        [folder], out, scheduler, files_per_shard=4, engine=FAKE,
        progress=lambda done, total, shard: said.append(shard), cancel=lambda: bool(said),
    )
    assert first.cancelled and 1 <= first.shards < 5
    assert not json.loads((out / "manifest.json").read_text())["complete"]
    # a kill between a shard's data file and its sidecar: the data file is written again
    (out / shard_name(first.shards + 1)).write_bytes(b"a shard cut short by a kill, without its sidecar")
    second = analyze_archive([folder], out, scheduler, files_per_shard=4, engine=FAKE)
    assert second.skipped == 4 * first.shards and second.documents == 20 - second.skipped
    sources = [a["document"]["source"] for a in _lines(out) if a]
    assert len(sources) == len(set(sources)) == 20  # every file once: nothing analysed twice
    assert json.loads((out / "manifest.json").read_text())["complete"]


def _with_other_version(tmp_path: Path) -> Path:
    out = tmp_path / "old"
    folder = ArchiveFolder.open(out, create=True)
    folder.write_shard(1, gzip.compress(b""), "0.1.0+0123456789", ["x.txt"], 0, [])
    return out


def test_shards_of_another_engine_version_are_refused(tmp_path, scheduler, capsys):
    out = _with_other_version(tmp_path)
    with pytest.raises(ShardError, match=r"made by engine 0\.1\.0"):
        analyze_archive([_folder(tmp_path, 2)], out, scheduler, engine=FAKE)
    db = tmp_path / "lib.db"
    assert main(["import", "--analyses", str(out), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "made by engine 0.1.0+0123456789" in err and ENGINE_VERSION in err
    with Library.open(db) as lib:
        assert lib.count_briefings() == 0


def test_import_analyses_without_dask_work_and_says_so_when_the_folder_is_empty(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["import", "--analyses", str(tmp_path / "empty"), "--db", str(tmp_path / "lib.db")]) == 1
    assert "no finished shards" in capsys.readouterr().err
    assert main(["import", "--db", str(tmp_path / "lib.db")]) == 2


def test_a_missing_dask_is_one_line(monkeypatch, tmp_path, capsys):
    import builtins

    real = builtins.__import__

    def without_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("distributed", "dask"):
            raise ImportError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_dask)
    assert main(["analyze-archive", str(tmp_path), "--out", str(tmp_path / "o"), "--scheduler", "local:1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'briefing-reader[archive]'" in err


def _search(db: Path, words: list[str]) -> list:
    with Library.open(db) as lib:
        return [[(h.kind, h.briefing_id, h.title, h.snippet) for h in lib.search(w)] for w in words]


def _timeline(db: Path) -> list:
    with Library.open(db) as lib:
        return [(e.briefing_id, e.event.id, e.event.date, e.agents, e.targets) for e in lib.timeline()]


@pytest.mark.slow
def test_archive_then_import_analyses_is_the_library_a_plain_import_makes(tmp_path, engine, capsys):
    """The real engine on a small subset: the same briefings, analyses, actors, events and search results."""
    shared = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc-politics" / "txt"
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples"
    picked = sorted(shared.glob("*.txt"))[:6] if shared.is_dir() else sorted(sample.glob("*.md"))[:3]
    assert picked, "no texts to analyse"
    folder = tmp_path / "in"
    folder.mkdir()
    for path in picked:
        (folder / path.name).write_bytes(path.read_bytes())
    plain, loaded, out = tmp_path / "plain.db", tmp_path / "loaded.db", tmp_path / "out"
    with Library.open(plain) as lib:
        assert len(lib.import_paths([folder], engine).added) == len(picked)
    assert main(["analyze-archive", str(folder), "--out", str(out), "--scheduler", "local:1", "-q"]) == 0
    assert main(["import", "--analyses", str(out), "--db", str(loaded), "-q"]) == 0
    assert f"{len(picked)} added" in capsys.readouterr().err
    assert _rows(plain) == _rows(loaded)
    words = ["minister", "election", "tax", "said", "Blair"]
    assert _search(plain, words) == _search(loaded, words)
    assert _timeline(plain) == _timeline(loaded) and _timeline(plain)


@pytest.mark.slow
def test_ctrl_c_stops_an_archive_run_in_one_line_and_the_same_command_resumes_it(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    child = Path(__file__).with_name("archive_child.py")
    folder, out = _folder(tmp_path, 300), tmp_path / "out"
    command = [sys.executable, str(child), "archive.fakes:SlowEngine", str(out), str(folder), "1"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("["):
            os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the client and its LocalCluster
            break
    err = proc.stderr.read()
    assert proc.wait(120) == 130, err
    assert "stopped;" in err and "Run the same command again to resume" in err and "Traceback" not in err
    assert not json.loads((out / "manifest.json").read_text())["complete"]
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    sources = [a["document"]["source"] for a in _lines(out)]
    assert len(sources) == len(set(sources)) == 300
