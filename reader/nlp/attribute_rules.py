"""The model's attribute rules (tag map and exceptions), applied by table lookup.

The English model's `attribute_ruler` sets each token's coarse part of speech and morphology
from its fine tag, plus ~120 word exceptions ("n't" is PART, "has" heading a clause is VERB).
It runs its 179 one- and two-token patterns through spaCy's general `Matcher`, which tries
every pattern at every token: on the 417 BBC articles that was 5.0 s of raw `nlp.pipe`'s 41 s,
against 0.7 s here (bench/model_rules.py measures both and checks the output is the same).

`CompiledAttributeRules` takes the same patterns from the loaded model and indexes them by a
value one of their tokens must have (a tag, a lower-case form, a dependency label), so each
token is checked only against the patterns that can match it. What is set, and in what order,
is what the ruler sets: every match found on the Doc as it arrives, then applied in the order
the patterns were added (a later pattern wins). Patterns of a shape not compiled here (other
operators, attributes or quantifiers) leave the model's own ruler in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: token attributes a compiled pattern may test (all readable with `Doc.to_array`)
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "TEXT": ORTH,
            "NORM": NORM, "POS": POS}

Check = tuple[int, str, Any]  # (column, "eq" | "in" | "not_in" | "regex", value)


@dataclass(frozen=True)
class _Pattern:
    group: int  # which `add` call of the ruler: later groups win
    tokens: tuple[tuple[Check, ...], ...]
    index: int  # which token of the match receives the attributes


def compile_rules(patterns: Sequence[dict[str, Any]]) -> list[_Pattern] | None:
    """The ruler's patterns (`AttributeRuler.patterns`), or None if one has a shape not handled."""
    columns = list(_COLUMNS)
    compiled: list[_Pattern] = []
    for group, entry in enumerate(patterns):
        for pattern in entry["patterns"]:
            tokens: list[tuple[Check, ...]] = []
            for spec in pattern:
                checks: list[Check] = []
                for name, value in spec.items():
                    check = _check(columns.index(name) if name in _COLUMNS else -1, value)
                    if check is None:
                        return None
                    checks.append(check)
                tokens.append(tuple(checks))
            if not tokens:
                return None
            compiled.append(_Pattern(group, tuple(tokens), entry.get("index", 0)))
    return compiled


def _check(column: int, value: Any) -> Check | None:
    if column < 0:
        return None
    if isinstance(value, bool):
        return (column, "eq", int(value))
    if isinstance(value, str):
        return (column, "eq", get_string_id(value))
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return (column, op.lower(), frozenset(get_string_id(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return (column, "regex", re.compile(arg))
    return None


class CompiledAttributeRules:
    """Drop-in for the model's `attribute_ruler` (see module doc)."""

    def __init__(self, strings: Any) -> None:
        self.strings = strings
        self.column_ids = [IDS[name] if name != "TEXT" else ORTH for name in _COLUMNS]
        self.attrs: list[dict[int, int]] = []
        #: per column, value -> the patterns a token with that value may start (see `_Hit`)
        self.tables: list[dict[int, list[_Hit]]] = []
        #: per column, the patterns anchored by a test other than a value (a regex, NOT_IN):
        #: their hits for a value are worked out the first time the value is seen
        self.lazy: list[list[tuple[_Hit, Check]]] = []
        self._lazy_hits: list[dict[int, list[_Hit]]] = []
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def use(self, patterns: list[_Pattern], attrs: Sequence[dict[int, int]]) -> None:
        """Take compiled patterns and the ruler's normalised attributes (one dict per group)."""
        self.attrs = list(attrs)
        self.tables = [{} for _ in _COLUMNS]
        self.lazy = [[] for _ in _COLUMNS]
        self._lazy_hits = [{} for _ in _COLUMNS]
        self._merged.clear()
        for pattern in patterns:
            position, anchor = _anchor(pattern)
            rest = tuple((offset, check) for offset, checks in enumerate(pattern.tokens)
                         for check in checks if not (offset == position and check is anchor))
            hit = _Hit(pattern, -position, rest, bool(rest) or len(pattern.tokens) > 1)
            column, op, value = anchor
            if op == "eq":
                self.tables[column].setdefault(value, []).append(hit)
            elif op == "in":
                for v in value:
                    self.tables[column].setdefault(v, []).append(hit)
            else:
                self.lazy[column].append((hit, anchor))

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array(self.column_ids).tolist()
        groups: list[set[int] | None] = [None] * n
        tables = [(c, table) for c, table in enumerate(self.tables) if table]
        lazy = [(c, self.lazy[c], self._lazy_hits[c]) for c in range(len(_COLUMNS)) if self.lazy[c]]
        for i in range(n):
            row = rows[i]
            hits: list[_Hit] = []
            for c, table in tables:
                found_here = table.get(row[c])
                if found_here:
                    hits.extend(found_here)
            for c, tests, seen in lazy:
                known = seen.get(row[c])
                if known is None:
                    known = seen[row[c]] = [hit for hit, check in tests if self._holds(check, row[c])]
                hits.extend(known)
            for hit in hits:
                start = i + hit.shift
                if hit.check and not self._rest_holds(hit, start, rows):
                    continue
                pattern = hit.pattern
                at = start + pattern.index if pattern.index >= 0 else start + len(pattern.tokens) + pattern.index
                found = groups[at]
                if found is None:
                    groups[at] = {pattern.group}
                else:
                    found.add(pattern.group)
        for i, found in enumerate(groups):
            if found:
                set_token_attrs(doc[i], self._merged_attrs(tuple(sorted(found))))
        return doc

    def _rest_holds(self, hit: _Hit, start: int, rows: list[list[int]]) -> bool:
        if start < 0 or start + len(hit.pattern.tokens) > len(rows):
            return False
        return all(self._holds(check, rows[start + offset][check[0]]) for offset, check in hit.rest)

    def _holds(self, check: Check, actual: int) -> bool:
        _, op, value = check
        if op == "eq":
            return bool(actual == value)
        if op == "in":
            return actual in value
        if op == "not_in":
            return actual not in value
        return bool(value.search(self.strings[actual]))

    def _merged_attrs(self, groups: tuple[int, ...]) -> dict[int, int]:
        """The attributes the ruler would leave after applying these groups in order."""
        merged = self._merged.get(groups)
        if merged is None:
            merged = {}
            for g in groups:
                merged.update(self.attrs[g])
            self._merged[groups] = merged
        return merged


@dataclass(frozen=True)
class _Hit:
    """A pattern a token may match: it starts `shift` tokens from the token (zero or less), and
    `rest` lists the (position in the pattern, check) pairs still to pass besides the anchor;
    `check` is False when the anchor alone decides (one token, one test)."""

    pattern: _Pattern
    shift: int
    rest: tuple[tuple[int, Check], ...]
    check: bool


def _anchor(pattern: _Pattern) -> tuple[int, Check]:
    """The token position and check a token is indexed by: an exact value when the pattern has
    one (a lower-case form or tag before a dependency label), else its first check."""
    order = {_column("LOWER"): 0, _column("ORTH"): 0, _column("TAG"): 1, _column("DEP"): 2}
    best: tuple[int, int, Check] | None = None
    for position, checks in enumerate(pattern.tokens):
        for check in checks:
            rank = order.get(check[0], 3) if check[1] in ("eq", "in") else 9
            if best is None or rank < best[0]:
                best = (rank, position, check)
    if best is None:
        return 0, (0, "not_in", frozenset())  # a token with no test matches every token
    return best[1], best[2]


def _column(name: str) -> int:
    return list(_COLUMNS).index(name)


def compile_model_ruler(nlp: Language) -> bool:
    """Put `CompiledAttributeRules` in place of the model's `attribute_ruler`; False (and the
    model's ruler kept) when there is none or one of its patterns is not compiled here."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    patterns = compile_rules(ruler.patterns)
    if patterns is None:
        return False
    attrs = list(ruler.attrs)
    compiled = nlp.replace_pipe("attribute_ruler", "compiled_attribute_rules")
    assert isinstance(compiled, CompiledAttributeRules)
    compiled.use(patterns, attrs)
    return True


@Language.factory("compiled_attribute_rules")
def make_compiled_attribute_rules(nlp: Language, name: str) -> CompiledAttributeRules:
    return CompiledAttributeRules(nlp.vocab.strings)
