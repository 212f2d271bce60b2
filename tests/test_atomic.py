"""The one helper every writer uses: the old file or the new one, never a fragment (issue 12, item 2)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.atomic import TEMP_SUFFIX, WriteError, atomic_target, atomic_write

ROOT = Path(__file__).resolve().parents[1]


def test_writes_and_replaces_keeping_the_mode(tmp_path):
    path = tmp_path / "out.md"
    atomic_write(path, "first")
    assert path.read_text() == "first"
    path.chmod(0o640)
    atomic_write(path, "second ✓")
    assert path.read_text(encoding="utf-8") == "second ✓"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_refuses_to_overwrite_when_asked_not_to(tmp_path):
    path = tmp_path / "backup.db"
    path.write_text("precious")
    with pytest.raises(WriteError, match="already exists"):
        atomic_write(path, "other", overwrite=False)
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.db"]


def test_a_failure_inside_the_block_leaves_the_old_file(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"old pdf")
    with pytest.raises(RuntimeError), atomic_target(path) as tmp:
        tmp.write_bytes(b"half a pd")
        raise RuntimeError("the PDF writer crashed")
    assert path.read_bytes() == b"old pdf"
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


def test_never_writes_over_a_device_or_a_folder(tmp_path):
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(tmp_path, "x")
    if Path("/dev/null").exists():
        with pytest.raises(WriteError, match="not a regular file"):
            atomic_write("/dev/null", "x")


def test_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    # A file-size limit makes every write past it fail, as a full disk does (EFBIG instead of ENOSPC).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    from reader.atomic import atomic_write
    from reader.errors import BriefingError
    try:
        atomic_write(sys.argv[1], "new export " * 10_000)
    except BriefingError as exc:
        print(exc)
        sys.exit(1)
    """
)


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs RLIMIT_FSIZE (Linux)")
def test_a_full_disk_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "events.md"
    old = "the previous export\n" * 100
    path.write_text(old)
    proc = subprocess.run([sys.executable, "-c", FULL_DISK, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "cannot write" in proc.stdout and "nothing was changed" in proc.stdout
    assert path.read_text() == old
    assert [p.name for p in tmp_path.iterdir()] == ["events.md"]
