"""`briefing-reader` as a command: version, no display, and the smoke test through the real window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parents[2]


def run_app(*args: str, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "reader.ui.app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**base, **(env or {})},
        check=False,
    )


def test_version():
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"briefing-reader {__version__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display detection is for X11/Wayland")
def test_without_a_display_it_says_how_to_run_and_exits_2():
    result = run_app()
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "xvfb-run -a briefing-reader" in lines[0] and "--smoke-test" in lines[0]


@pytest.mark.slow
def test_smoke_test_on_the_sample():
    result = run_app("--smoke-test")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "smoke test ok: sample-briefing.md" in lines[0]
    assert "actors" in lines[0] and "dates" in lines[0] and "events" in lines[0]
    assert "text shown" in lines[0] and "highlights shown" in lines[0]


@pytest.mark.slow
def test_smoke_test_fails_clearly_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run_app("--smoke-test", str(bad))
    assert result.returncode == 1
    assert "smoke test FAILED" in result.stderr and "binary" in result.stderr
    assert "Traceback" not in result.stderr
