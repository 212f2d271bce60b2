"""The text of an HTML page when its structure cannot be read: a flat, streaming extraction.

libxml2 stops building the tree at a nesting depth of 256 (2,048 with its "huge" option), so a
page of 10,000 nested <div>s parsed to an empty tree and was refused as "no readable text";
our own tree walks are recursive too. This reader never builds a tree: Python's streaming
`html.parser` reports tags and text in order, text inside scripts, styles and other unread
elements is dropped, block-level tags end a paragraph, and the result is read like a plain
text briefing. Headings, lists and links are not kept; a warning says so.
"""

from __future__ import annotations

from html.parser import HTMLParser

from reader.documents.txt_reader import read_plain
from reader.model import Block

#: Elements whose content is never text of the briefing.
_SKIP = frozenset("script style noscript template svg math iframe object head title select option textarea".split())
#: Elements that end a paragraph.
_BREAKS = frozenset(
    "p div section article main header footer aside nav address blockquote pre ul ol li dl dt dd table tr "
    "h1 h2 h3 h4 h5 h6 hr br figure figcaption form fieldset details summary center".split()
)
WARNING = "the page is nested too deeply to read its structure; its text was read as plain text"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping: list[str] = []  # open unread elements, innermost last
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self._skipping.append(tag)
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._skipping:
            while self._skipping and self._skipping.pop() != tag:
                pass
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data)


def plain_text_of_html(html: str) -> tuple[str, list[Block], str]:
    """(text, blocks, title) of a page read without its structure; empty text when it has none."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in "".join(collector.parts).split("\n\n"))
    text = "\n\n".join(p for p in paragraphs if p)
    title = " ".join("".join(collector.title).split())
    if not text:
        return "", [], title
    text, blocks = read_plain(text)
    return text, blocks, title
