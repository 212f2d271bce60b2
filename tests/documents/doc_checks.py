"""Checks every loader test applies: the structure must slice the text it claims to cover."""

from __future__ import annotations

from pathlib import Path

from reader.model import Document

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BLOCK_KINDS = {"heading", "paragraph", "list_item", "blockquote", "code"}
MARK_KINDS = {"em", "strong", "code", "link"}


def assert_consistent(doc: Document) -> None:
    """Blocks are ordered, disjoint and trimmed; marks sit inside the text; no stray markup."""
    text = doc.text
    assert text and text == text.strip()
    previous_end = 0
    pages = [b for b in doc.blocks if b.kind == "page"]  # PDF pages overlap the other blocks
    for page, following in zip(pages, pages[1:], strict=False):
        assert 0 <= page.start < page.end <= following.start <= len(text), page
    for block in (b for b in doc.blocks if b.kind != "page"):
        assert block.kind in BLOCK_KINDS
        assert previous_end <= block.start < block.end <= len(text), block
        piece = text[block.start : block.end]
        assert piece == piece.strip(), piece
        previous_end = block.end
    for mark in doc.marks:
        assert mark.kind in MARK_KINDS
        assert 0 <= mark.start < mark.end <= len(text), mark
        assert (mark.href is not None) == (mark.kind == "link")
        piece = text[mark.start : mark.end]
        assert piece == piece.strip(), piece


def block_texts(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def mark_texts(doc: Document, kind: str) -> list[str]:
    return [doc.text[m.start : m.end] for m in doc.marks if m.kind == kind]
