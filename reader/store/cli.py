"""Library commands of the `briefing` CLI (import, list, search, notes, export)."""

from __future__ import annotations

import argparse


def register_library_commands(sub: argparse._SubParsersAction) -> None:
    """Add the library subcommands to the `briefing` parser."""
