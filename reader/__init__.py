"""Briefing Reader: actors, resolved dates and events in news briefings, read offline."""

from reader.model import ENGINE_VERSION

__version__ = "0.1.0"
__all__ = ["ENGINE_VERSION", "__version__"]
