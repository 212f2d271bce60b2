"""Where the shipped data lives: the source tree, an installed bundle, or an override."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The `resources/` folder: $BRIEFING_RESOURCES, a PyInstaller bundle, or the source tree."""
    override = os.environ.get("BRIEFING_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_briefing() -> Path:
    return resource("samples", "sample-briefing.md")
