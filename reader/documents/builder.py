"""Accumulate one plain text with block and inline structure, for the Markdown and HTML readers.

Both readers walk a tree (Markdown tokens, HTML elements) and call `open_block`/`text`/
`open_mark`... in document order. The builder owns the white-space rules, so both formats give
the same kind of text: blocks separated by a blank line (consecutive list items by one
newline), runs of white space inside a block collapsed to one space, no leading or trailing
space in a block, and every `Block`/`Mark` offset pointing into the final string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.documents.textnorm import normalize_text
from reader.model import Block, Mark

#: A paragraph inside one of these containers takes the container's kind.
_CONTAINERS = ("list_item", "blockquote")


@dataclass(slots=True)
class _Frame:
    kind: str
    level: int
    #: Index into `TextBuilder.blocks` of the open segment of this frame, or None before its first text.
    segment: int | None = None


@dataclass(slots=True)
class _OpenMark:
    kind: str
    href: str | None
    start: int | None = None


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    _stack: list[_Frame] = field(default_factory=list)
    _open_marks: list[_OpenMark] = field(default_factory=list)
    #: White space owed before the next text of the block: "", " ", a newline or a cell separator.
    _pending: str = ""

    # -- blocks -------------------------------------------------------------------------

    def open_block(self, kind: str, level: int = 0) -> None:
        """Start a block; a paragraph inside a list item or quote becomes part of that container."""
        if kind == "paragraph":
            container = next((f for f in reversed(self._stack) if f.kind in _CONTAINERS), None)
            if container is not None:
                kind, level = container.kind, container.level
        elif kind == "list_item":
            level = level or 1 + sum(1 for f in self._stack if f.kind == "list_item")
        elif kind == "blockquote":
            level = level or 1 + sum(1 for f in self._stack if f.kind == "blockquote")
        self._end_segment()
        self._stack.append(_Frame(kind, level))

    def close_block(self) -> None:
        self._end_segment()
        if self._stack:
            self._stack.pop()

    def _end_segment(self) -> None:
        """Finish the text run of the innermost block; later text of that block opens a new run."""
        if self._stack and self._stack[-1].segment is not None:
            self.blocks[self._stack[-1].segment].end = self.length
            self._stack[-1].segment = None
        self._pending = ""

    def _ensure_segment(self) -> None:
        if not self._stack:
            self._stack.append(_Frame("paragraph", 0))
        frame = self._stack[-1]
        if frame.segment is not None:
            return
        if self.length:
            previous = self.blocks[-1] if self.blocks else None
            joined_list = previous is not None and previous.kind == "list_item" and frame.kind == "list_item"
            self._write("\n" if joined_list else "\n\n")
        frame.segment = len(self.blocks)
        self.blocks.append(Block(frame.kind, self.length, self.length, frame.level))

    # -- text ---------------------------------------------------------------------------

    def text(self, text: str) -> None:
        """Add flowing text: white space collapses, as in HTML and Markdown paragraphs."""
        if not (text.isascii() and text.isprintable()):
            text = normalize_text(text)
        if not text:
            return
        words = text.split()
        if text[0].isspace() and not self._pending:
            self._pending = " "
        if words:
            self._emit(" ".join(words))
            if text[-1].isspace():
                self._pending = " "

    def raw(self, text: str) -> None:
        """Add text verbatim (code): only characters are cleaned, white space is kept."""
        text = normalize_text(text)
        if text:
            self._emit(text)

    def line_break(self) -> None:
        """A hard line break inside a block (`<br>`, Markdown hard break); dropped at a block's edges."""
        self._pending = "\n"

    def separator(self, sep: str) -> None:
        """A literal separator between inline pieces (table cells); dropped at a block's edges."""
        if self._pending != "\n":
            self._pending = sep

    def _emit(self, text: str) -> None:
        self._ensure_segment()
        index = self._stack[-1].segment
        assert index is not None  # _ensure_segment opened one
        segment = self.blocks[index]
        if self._pending and self.length > segment.start:
            self._write(self._pending)
        self._pending = ""
        for mark in self._open_marks:
            if mark.start is None:
                mark.start = self.length
        self._write(text)

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    # -- marks --------------------------------------------------------------------------

    def open_mark(self, kind: str, href: str | None = None) -> None:
        self._open_marks.append(_OpenMark(kind, href))

    def close_mark(self) -> None:
        if not self._open_marks:
            return
        mark = self._open_marks.pop()
        if mark.start is not None and self.length > mark.start:
            self.marks.append(Mark(mark.kind, mark.start, self.length, mark.href))

    # -- result -------------------------------------------------------------------------

    def finish(self) -> tuple[str, list[Block], list[Mark]]:
        while self._stack:
            self.close_block()
        while self._open_marks:
            self.close_mark()
        text = "".join(self.parts)
        blocks = [b for b in self.blocks if b.end > b.start]
        marks = sorted(self.marks, key=lambda m: (m.start, -m.end))
        return text, blocks, marks
