"""Ctrl+C for a long command: the first asks it to stop at the next safe point, a second stops at once.

One handler for `briefing import` and `briefing analyze-archive` (reader/store/cli.py and
reader/archive/cli.py); it lives here so that neither command module imports the other.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import Any


class Interrupts:
    """Within `with`, SIGINT sets `requested` (and says `notice` on stderr); a second raises KeyboardInterrupt."""

    def __init__(self, notice: str) -> None:
        self.notice = notice
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> Interrupts:
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print(f"\nbriefing: {self.notice} (Ctrl+C again to stop now)…", file=sys.stderr)
