"""Anchor notes to text by what was quoted, so they survive edits of the briefing.

Offsets alone break as soon as a re-imported briefing gains or loses a sentence. Following the
W3C Web Annotation TextQuoteSelector, an anchor also keeps the exact quote and a little
context on each side; when the offsets no longer point at the quote, the quote is searched
for again and the occurrence whose surroundings best match the stored context wins. When the
quote is gone the note is orphaned: it keeps its quote and is shown apart, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Characters of context kept before and after the quote.
CONTEXT_CHARS = 32

ANCHORED = "anchored"
MOVED = "moved"
ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A range of a text plus the quote and its surroundings, to find it again after edits."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Reanchored:
    """The outcome of looking for an anchor in a (possibly edited) text."""

    anchor: Anchor
    #: ``anchored`` (unchanged), ``moved`` (found elsewhere or with new context) or ``orphaned``.
    status: str

    @property
    def orphaned(self) -> bool:
        return self.status == ORPHANED


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Anchor the range [start, end) of `text`; raises ValueError for an empty or invalid range."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"invalid text range {start}–{end} for a text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Offsets of the n-th (1-based) occurrence of `quote` in `text`, or None."""
    if not quote or occurrence < 1:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(quote)


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_score(text: str, anchor: Anchor, start: int) -> int:
    """How many context characters around an occurrence at `start` agree with the anchor's."""
    end = start + len(anchor.quote)
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix_len(before, anchor.prefix) + _common_prefix_len(after, anchor.suffix)


def reanchor(text: str, anchor: Anchor, context: int = CONTEXT_CHARS) -> Reanchored:
    """Find `anchor` in `text`: same place if it still fits, else the best-matching occurrence.

    Candidates are all occurrences of the quote; the one whose surroundings share the most
    characters with the stored prefix and suffix wins, ties going to the one nearest the old
    offset. No occurrence at all means the note is orphaned (the anchor is returned unchanged).
    """
    quote = anchor.quote
    if not quote:
        return Reanchored(anchor, ORPHANED)
    full = len(anchor.prefix) + len(anchor.suffix)
    in_place = text[anchor.start : anchor.end] == quote
    if in_place and context_score(text, anchor, anchor.start) == full:
        return Reanchored(anchor, ANCHORED)
    best: tuple[int, int] | None = None  # (score, -distance) of the best start so far
    best_start = -1
    pos = text.find(quote)
    while pos >= 0:
        key = (context_score(text, anchor, pos), -abs(pos - anchor.start))
        if best is None or key > best:
            best, best_start = key, pos
        pos = text.find(quote, pos + 1)
    if best is None:
        return Reanchored(anchor, ORPHANED)
    found = make_anchor(text, best_start, best_start + len(quote), context)
    status = ANCHORED if found == anchor else MOVED
    return Reanchored(found, status)
