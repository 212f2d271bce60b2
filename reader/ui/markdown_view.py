"""A note's Markdown, rendered safely: no raw HTML, no images, links only to http, https and mailto.

Notes are the reader's own text, but they are often pasted from elsewhere; the preview must
never run or fetch anything. markdown-it renders with raw HTML off (tags show as text), links
whose scheme is not allowed stay plain text, and the browser widget opens a link in the system
browser only when it is clicked.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

#: Link schemes a note may use; anything else (javascript:, file:, data:, relative paths) is dropped.
SAFE_LINK_SCHEMES = ("http", "https", "mailto")


def safe_href(url: str) -> bool:
    """Whether a link target may be shown as a link (absolute http/https/mailto only)."""
    url = url.strip()
    if any(ord(ch) < 32 for ch in url):
        return False
    scheme = urlsplit(url).scheme.lower()
    return scheme in SAFE_LINK_SCHEMES


@cache
def _parser():
    from markdown_it import MarkdownIt  # on first use: keeps window start-up short

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")  # an image would be a remote fetch; its text shows instead
    md.validateLink = safe_href  # type: ignore[method-assign]
    return md


def render_markdown(text: str) -> str:
    """HTML for the preview; the empty note gets a hint instead of nothing."""
    if not text.strip():
        return "<p style='color:gray'><i>Nothing written yet.</i></p>"
    return _parser().render(text)


class MarkdownPreview(QTextBrowser):
    """Read-only rendered Markdown; clicked safe links open in the system browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.opened_links: list[str] = []  # what was handed to the system browser (tests)

    def set_markdown_text(self, text: str) -> None:
        self.setHtml(render_markdown(text))

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        target = url.toString()
        if safe_href(target):
            self.opened_links.append(target)
            QDesktopServices.openUrl(url)

    def loadResource(self, type_: int, name: QUrl | str) -> object:
        """Nothing is ever fetched for a note."""
        return None
