"""Map Python string offsets (the engine's) to QTextDocument positions (UTF-16) and back.

Qt counts characters outside the Basic Multilingual Plane (emoji, some CJK) as two
positions; Python counts them as one. For the usual all-BMP briefing both are equal and
the map is the identity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TypeVar


class OffsetMap:
    """Converts between ``Document.text`` offsets and Qt positions for one text."""

    def __init__(self, text: str) -> None:
        #: Python offsets of every astral character, sorted.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        #: Qt positions of the same characters (each earlier one shifts it by one more).
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        if not self._astral:
            return position
        # Astral characters starting strictly before `position`; the second half of a
        # surrogate pair maps back to its character's start.
        n = bisect_left(self._astral_qt, position)
        if n and self._astral_qt[n - 1] + 1 == position:
            return self._astral[n - 1]
        return position - n

    def qt_length(self) -> int:
        return self.length + len(self._astral)

_Payload = TypeVar("_Payload")


def find_spans(spans: Sequence[tuple[int, int, _Payload]], offset: int) -> list[_Payload]:
    """Payloads of ``(start, end, payload)`` spans (sorted by start) that contain ``offset``."""
    hits = []
    last = bisect_right(spans, offset, key=lambda s: s[0])
    for i in range(last - 1, -1, -1):
        start, end, payload = spans[i]
        if start <= offset < end:
            hits.append(payload)
        elif offset - start > 400:
            break
    return hits[::-1]
