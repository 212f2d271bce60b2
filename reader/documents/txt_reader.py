"""Plain-text briefings: the text stays as written; blocks are found from its lines.

Paragraphs are separated by blank lines, or, when a file has long unwrapped lines (one
paragraph per line, as text copied from a web page usually is), each line is a paragraph.
In a hard-wrapped file (blank lines between paragraphs, every line shorter than about 100
characters) the newlines inside a paragraph are replaced by spaces: same length, so offsets
do not move, but the parser no longer sees a line break in the middle of a sentence.
A bulleted line ("- ", "* ", "• ", "1. ", "a) ") is a list item; its block includes the bullet,
which is part of the text (the window shows it as written instead of drawing its own); a short first line that is not a sentence is the title (a level-1 heading), and other
short lines standing alone between paragraphs are level-2 headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.documents.metadata import dateline_date, looks_like_title
from reader.model import Block

_BULLET = re.compile(r"^(?P<indent>[ ]*)(?P<bullet>[-*•·▪◦–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ ]+(?=\S)")
#: Lines this long are not hard-wrapped prose; 100 covers the usual 72–80 column wrapping.
_WRAP_WIDTH = 100
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    bullet: re.Match[str] | None

    @property
    def content_start(self) -> int:
        """Offset of the line's first visible character (a bullet counts)."""
        return self.start + len(self.text) - len(self.text.lstrip())


def _chunks(text: str) -> list[list[_Line]]:
    """Non-empty lines grouped into runs separated by blank lines."""
    chunks: list[list[_Line]] = [[]]
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.rstrip()
        if stripped.strip():
            chunks[-1].append(_Line(pos, pos + len(stripped), stripped, _BULLET.match(stripped)))
        elif chunks[-1]:
            chunks.append([])
        pos += len(raw) + 1
    return [c for c in chunks if c]


def _is_hard_wrapped(chunks: list[list[_Line]]) -> bool:
    lines = [line for chunk in chunks for line in chunk]
    if len(chunks) < 2 or not any(len(c) > 1 for c in chunks):
        return False
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(len(lengths) * 0.9)] <= _WRAP_WIDTH


def read_plain(text: str) -> tuple[str, list[Block]]:
    """Blocks for a plain text, and the text with wrapped paragraphs unwrapped (same length)."""
    chunks = _chunks(text)
    wrapped = _is_hard_wrapped(chunks)
    blocks: list[Block] = []
    joins: list[tuple[int, int]] = []
    for chunk in chunks:
        current: Block | None = None
        for line in chunk:
            if line.bullet:
                indent = len(line.bullet["indent"])
                current = Block("list_item", line.content_start, line.end, 1 + min(indent // 2, 3))
                blocks.append(current)
            elif wrapped and current is not None:
                joins.append((current.end, line.start))
                current.end = line.end
            else:
                current = Block("paragraph", line.content_start, line.end)
                blocks.append(current)
    if joins:
        chars = list(text)
        for gap_start, gap_end in joins:
            for pos in range(gap_start, gap_end):
                if chars[pos] == "\n":
                    chars[pos] = " "
        text = "".join(chars)
    _mark_headings(text, blocks, chunks)
    return text, blocks


def _mark_headings(text: str, blocks: list[Block], chunks: list[list[_Line]]) -> None:
    if len(blocks) < 2:
        return
    first = blocks[0]
    if first.kind == "paragraph" and looks_like_title(text[first.start : first.end]):
        first.kind, first.level = "heading", 1
    alone = {chunk[0].content_start for chunk in chunks if len(chunk) == 1}
    for block, following in zip(blocks[1:], blocks[2:], strict=False):
        line = text[block.start : block.end]
        if (
            block.kind == "paragraph"
            and following.kind != "heading"
            and (block.start in alone or len(chunks) == 1)
            and len(line) <= _HEADING_MAX_CHARS
            and "\n" not in line
            and (line[0].isupper() or line[0].isdigit())
            and len(line.split()) <= _HEADING_MAX_WORDS
            and not line.endswith((".", ",", ";", ":", "!", "?", '"', "”", "’", ")"))
            and dateline_date(line) is None
        ):
            block.kind, block.level = "heading", 2
