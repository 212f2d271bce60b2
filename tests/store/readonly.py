"""Run the `briefing` CLI against a folder it cannot write to, as a real reader would meet one.

As an ordinary user the folder is simply made read-only (chmod 555). Root writes through
permissions, so as root the command runs in a private mount namespace where the folder is
bind-mounted read-only (writes fail with EROFS, as on a read-only share or medium); when that
is not allowed either, the test is skipped with the reason.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _can_unshare() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    probe = subprocess.run([unshare, "--mount", "--propagation", "private", "true"], capture_output=True)
    return probe.returncode == 0


def run_read_only(folder: Path, argv: list[str], prelude: str = "") -> subprocess.CompletedProcess:
    """Run `python -c prelude + briefing argv` with `folder` read-only for it; returns the result."""
    code = f"{prelude}\nimport sys\nfrom reader.cli import main\nsys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, *argv]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        finally:
            folder.chmod(0o755)
    if not _can_unshare():
        pytest.skip("running as root without the right to make a read-only mount (unshare --mount)")
    quoted = shlex.quote(str(folder))
    script = f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted} && exec {shlex.join(command)}"
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
