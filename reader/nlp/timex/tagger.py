"""Find temporal expressions in plain text: every rule runs over the text, the longest match wins.

This part needs no parse, so it can be tested on strings; the caller may veto candidates that
the parse shows are not dates (the verb "May", a year that is a sum of money).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.nlp.timex.lexicon import Rule, lexicon, modifier_regexes, rules, trigger_classes

DURATION_KINDS = frozenset({"duration", "vague_duration"})
POINT_KINDS = frozenset({"mdy", "ymd", "month", "month_year", "year", "decade", "quarter", "half", "season",
                         "weekday", "deictic", "rel_unit", "century", "month_pair", "day_pair"})
_SUFFIX_APPROX = re.compile(r"^,? or so(?![\w])", re.I)


@dataclass(slots=True)
class Candidate:
    """One rule match, possibly widened to the left by a modifier ('less than', 'early')."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    order: int
    mod: str | None = None
    mod_text: str = ""

    @property
    def kind(self) -> str:
        return self.rule.kind

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None

    def need(self, name: str) -> str:
        """A group the rule's pattern always fills; KeyError (so: no date, and a log line) when it did not."""
        value = self.group(name)
        if value is None:
            raise KeyError(f"timex rule {self.rule.name!r} matched no {name!r} group")
        return value


def _with_modifier(text: str, cand: Candidate) -> None:
    quantity, point = modifier_regexes()
    before = text[max(0, cand.start - 24) : cand.start]
    mods = lexicon()["mods"]
    kind = cand.kind
    found = None
    if kind in DURATION_KINDS or kind in ("clock", "rel_unit", "deictic", "weekday", "mdy", "year", "month"):
        found = quantity.search(before)
    if found is None and kind in POINT_KINDS and not (cand.group("pmod") or ""):
        found = point.search(before)
    if found is not None:
        word = found.group("mod").lower()
        cand.mod = mods.get(word) or mods.get(word.rstrip("-"))
        cand.mod_text = word
        cand.start -= len(before) - found.start()
    after = _SUFFIX_APPROX.match(text[cand.end : cand.end + 10])
    if after and kind in DURATION_KINDS:
        cand.end += after.end()
        cand.mod = cand.mod or "APPROX"


_HYPHEN_PREFIXES = ("mid", "pre", "post", "early", "late", "end", "start")


def _free_standing(text: str, start: int) -> bool:
    """A match glued to a word by a hyphen ('year-earlier', '10-year') is only a date after 'mid-', 'post-'..."""
    if start == 0 or text[start - 1] != "-":
        return True
    word = re.search(r"(\w+)-$", text[max(0, start - 12) : start])
    return word is not None and word.group(1).lower() in _HYPHEN_PREFIXES


#: How far from its trigger word a match can start or end (the widest rule reaches about 45 characters).
WINDOW_PAD = 60
_WORD_OR_DIGIT = re.compile(r"[A-Za-z]+|\d")


_SPACE = re.compile(r"\s")


class Windows:
    """Where each class of trigger word occurs, as padded and merged stretches of the text.

    A rule runs only inside the windows of its `near` classes. Each window ends just before
    white space, so that the rules' look-aheads see what they would see in the whole text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.hits: dict[str, list[tuple[int, int]]] = {}
        self._merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        classes = trigger_classes()
        digits = self.hits.setdefault("DIGIT", [])
        for match in _WORD_OR_DIGIT.finditer(text):
            word = match.group()
            if word.isdigit():
                if not digits or digits[-1][1] < match.start():
                    digits.append(match.span())
                continue
            lower = word.lower()
            names = classes.get(lower) or (classes.get(lower[:-1]) if lower.endswith("s") else None)
            for name in names or ():
                self.hits.setdefault(name, []).append(match.span())

    def spans(self, near: tuple[str, ...]) -> list[tuple[int, int]] | None:
        """The stretches to scan for a rule needing `near` (None: the whole text)."""
        if not near:
            return None
        if near not in self._merged:
            hits = sorted(h for name in near for h in self.hits.get(name, ()))
            self._merged[near] = self._merge(hits)
        return self._merged[near]

    def _merge(self, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
        text, size = self.text, len(self.text)
        windows: list[tuple[int, int]] = []
        for hit_start, hit_end in hits:
            start, end = max(0, hit_start - WINDOW_PAD), min(size, hit_end + WINDOW_PAD)
            if windows and end <= windows[-1][1]:
                continue  # inside the window before, which already ends at white space
            # the next white space, found by the regex engine: a character loop here made a long
            # line without spaces quadratic (every hit walked to the end of the line)
            space = _SPACE.search(text, end)
            end = space.start() if space else size
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows


def scan_windows(text: str) -> Windows:
    return Windows(text)


def _matches(rule: Rule, text: str, windows: Windows | None) -> Iterator[re.Match[str]]:
    spans = windows.spans(rule.near) if windows is not None else None
    if spans is None:
        yield from rule.regex.finditer(text)
        return
    for start, end in spans:
        yield from rule.regex.finditer(text, start, end)


def find_candidates(
    text: str, accept: Callable[[Candidate], bool] | None = None, windows: Windows | None = None
) -> list[Candidate]:
    """Non-overlapping candidates in text order (longest first on overlap, then rule order).

    `windows` limits the scan (see `scan_windows`); None scans the whole text.
    """
    found: list[Candidate] = []
    for order, rule in enumerate(rules()):
        for match in _matches(rule, text, windows):
            if match.end() == match.start():
                continue
            cand = Candidate(match.start(), match.end(), rule, match, order)
            if not _free_standing(text, cand.start):
                continue
            if accept is not None and not accept(cand):
                continue
            _with_modifier(text, cand)
            found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []  # the taken candidates never overlap: kept sorted, two neighbours tell
    ends: list[int] = []
    for cand in found:
        k = bisect_right(starts, cand.start)
        if (k and ends[k - 1] > cand.start) or (k < len(starts) and starts[k] < cand.end):
            continue
        taken.append(cand)
        starts.insert(k, cand.start)
        ends.insert(k, cand.end)
    taken.sort(key=lambda c: c.start)
    return taken
