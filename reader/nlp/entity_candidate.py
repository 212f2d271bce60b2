"""An entity span the corrections may keep, relabel or drop (token offsets), shared by components.py
and entity_shapes.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    label: str
    kb: str = ""

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end
