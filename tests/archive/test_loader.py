"""`briefing import --analyses`: a kill -9 keeps whole batches, a damaged shard is one line, the reader process exits."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store.fakes import fake_analysis

from reader.archive.shards import ArchiveFolder, encode_shard
from reader.cli import main
from reader.model import ENGINE_VERSION, Document
from reader.store import Library

from .test_pool import _gone, _wait_gone

ROOT = Path(__file__).resolve().parents[2]


def _shards(out: Path, n: int, per_shard: int = 1000) -> Path:
    folder = ArchiveFolder.open(out, create=True)
    records = []
    for i in range(n):
        text = f"Briefing {i}.\nErdoğan met Zelensky in Istanbul.\nTurkey and Ukraine, day {i}.\n"
        records.append(fake_analysis(Document(text=text, title=f"B{i}", source=f"/archive/{i:05}.txt")).to_dict())
    for number, start in enumerate(range(0, n, per_shard), 1):
        chunk = records[start : start + per_shard]
        folder.write_shard(number, encode_shard(chunk), ENGINE_VERSION, [r["document"]["source"] for r in chunk], len(chunk), [])
    return out


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_kill_9_during_a_bulk_load_keeps_whole_batches_and_the_load_can_be_run_again(tmp_path):
    out, db = _shards(tmp_path / "out", 6000), tmp_path / "lib.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "import", "--analyses", str(out), "--db", str(db)],
        stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("[2000/6000]"):
            break
    readers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert readers and _wait_gone(readers), "the shard reader outlived its writer"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM briefings").fetchone()[0]
        analysed = conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    finally:
        conn.close()
    assert stored == analysed and stored % 2000 == 0 and 2000 <= stored < 6000
    assert main(["import", "--analyses", str(out), "--db", str(db), "-q"]) == 0
    with Library.open(db) as lib:
        assert lib.count_briefings() == 6000


def test_a_damaged_shard_is_one_line_and_the_shards_before_it_are_kept(tmp_path, capsys):
    out, db = _shards(tmp_path / "out", 4500, per_shard=1500), tmp_path / "lib.db"
    third = out / "shard-000003.jsonl.gz"
    third.write_bytes(third.read_bytes()[:-40] + b"x" * 40)
    assert main(["import", "--analyses", str(out), "--db", str(db), "-q"]) == 1
    err = capsys.readouterr().err
    assert "shard-000003.jsonl.gz: the shard is damaged" in err and "Traceback" not in err
    with Library.open(db) as lib:
        assert lib.count_briefings() == 2000  # the first batch, committed before the damaged shard was read
    assert not [p for p in _children(os.getpid()) if not _gone(p) and "spawn" in Path(f"/proc/{p}/cmdline").read_text()]
