"""Errors a reader may see: each carries one clear sentence, never a traceback."""


class BriefingError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class DocumentError(BriefingError):
    """A file that cannot be read as a briefing (missing, binary, empty, too large...)."""


class ModelError(BriefingError):
    """The bundled English pipeline is missing or broken."""
