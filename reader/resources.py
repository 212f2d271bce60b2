"""Where the shipped data lives: an override, a PyInstaller bundle, an installed wheel, or the source tree.

The top-level `resources/` folder is the one copy we edit; a wheel installs it as the package
data `reader/resources_data` (see `[tool.setuptools]` in pyproject.toml).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

#: The folder a wheel installs `resources/` into, beside this module.
INSTALLED = Path(__file__).resolve().parent / "resources_data"
#: The folder in a source checkout (and an editable install).
SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"


@cache
def resources_dir() -> Path:
    """The resources folder: $BRIEFING_RESOURCES, a PyInstaller bundle, an installed wheel, or the source tree."""
    override = os.environ.get("BRIEFING_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    if INSTALLED.is_dir():
        return INSTALLED
    return SOURCE_TREE


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_briefing() -> Path:
    return resource("samples", "sample-briefing.md")
