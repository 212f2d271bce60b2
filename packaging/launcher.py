"""Entry point of the frozen bundle, shared by both executables.

PyInstaller builds two executables (`briefing-reader` and `briefing`) from this one script so
they share a single `_internal/` folder; the name the executable was built under picks the
program, like a multi-call binary. In the source tree the pyproject entry points are used instead.
"""

from __future__ import annotations

import sys
from pathlib import Path


def program_for(executable: str) -> str:
    """'gui' for briefing-reader[.exe], 'cli' for anything else (briefing, briefing.exe)."""
    return "gui" if Path(executable).name.lower().startswith("briefing-reader") else "cli"


def main() -> int:
    if program_for(sys.executable) == "gui":
        from reader.ui.app import main as run
    else:
        from reader.cli import main as run
    return run() or 0


if __name__ == "__main__":
    sys.exit(main())
