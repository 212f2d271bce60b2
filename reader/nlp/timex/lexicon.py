"""The tagger's data: words from resources/timex/lexicon.json, rules from rules.jsonl and fixed.jsonl.

Rules are regular expressions written with placeholders ({MONTH}, {DAY}, {NUM}...) so that the
data file stays readable; this module expands and compiles them once, at import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.jsonl import read_jsonl
from reader.resources import resource


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern and the name of the resolver that turns its match into a value."""

    name: str
    kind: str
    regex: re.Pattern[str]
    #: Trigger classes (DIGIT, MONTH, UNIT...) one of which every match contains: the rule runs only near them.
    near: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FixedWord:
    regex: re.Pattern[str]
    type: str
    value: str


def _alternation(words: Any, flags: str = "") -> str:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@cache
def lexicon() -> dict[str, Any]:
    with resource("timex", "lexicon.json").open(encoding="utf-8") as fh:
        words: dict[str, Any] = json.load(fh)
    return words


TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _names(words: dict[str, Any]) -> str:
    """Case-sensitive alternation; short forms (Jan, Sept, Tues) may carry their full stop."""
    longest: dict[str, str] = {}
    for word, key in words.items():
        if len(word) > len(longest.get(str(key), "")):
            longest[str(key)] = word
    full = set(longest.values())
    parts = [re.escape(w) + ("" if w in full else r"\.?") for w in sorted(words, key=len, reverse=True)]
    return f"(?-i:{'|'.join(parts)})"


def _fragments(lex: dict[str, Any]) -> dict[str, str]:
    months = _names(lex["months"])
    weekdays = _names(lex["weekdays"])
    compound = f"(?:{'|'.join(TENS)})[- ](?:{'|'.join(UNITS_1_9)})"
    numbers = "|".join(
        [r"\d{1,3}(?:,\d{3})+", r"\d+(?:\.\d+)?", compound]
        + [re.escape(w) for w in sorted([*lex["numbers"], *lex["vague_numbers"]], key=len, reverse=True)]
    )
    ordinals = rf"(?:{_alternation(lex['ordinals'])}|\d{{1,2}}(?:st|nd|rd|th))"
    units = _alternation(lex["units"])
    return {
        "MONTH": rf"(?P<month>{months})(?![\w])",
        "MONTH2": rf"(?P<month2>{months})(?![\w])",
        "WEEKDAY": rf"(?P<weekday>{weekdays})(?![\w])",
        "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)",
        "DAY2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%])",
        "YEAR2": r"(?P<year2>(?:1[0-9]|20)\d\d)(?![\d%])",
        "NUM": rf"(?P<num>{numbers})",
        "ORD": rf"(?P<ord>{ordinals})",
        "UNIT": rf"(?P<unit>{units})",
        "SEASON": rf"(?P<season>{_alternation(lex['seasons'])})",
        "HOLIDAY": rf"(?P<holiday>{_names(lex['holidays'])})",
    }


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z0-9]+)\}", lambda m: fragments[m.group(1)], pattern)


def _read_jsonl(name: str) -> list[dict[str, Any]]:
    return read_jsonl(resource("timex", name))


@cache
def fixed_words() -> list[FixedWord]:
    out = []
    for row in _read_jsonl("fixed.jsonl"):
        out.append(FixedWord(re.compile(rf"(?<![\w-])(?:{row['pattern']})(?![\w-])", re.I), row["type"], row["value"]))
    return out


@cache
def rules() -> list[Rule]:
    lex = lexicon()
    fragments = _fragments(lex)
    fragments["FIXED"] = "|".join(f"(?:{row['pattern']})" for row in _read_jsonl("fixed.jsonl"))
    compiled = []
    for row in _read_jsonl("rules.jsonl"):
        body = _expand(row["pattern"], fragments)
        regex = re.compile(rf"(?<![\w$£€.,/])(?:{body})(?![\w]|[-/.]\d|,\d\d\d)", re.I)
        compiled.append(Rule(row["name"], row["kind"], regex, tuple(row.get("near", ()))))
    return compiled


@cache
def modifier_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before an expression that become its TimeML ``mod`` (quantity mods; point mods)."""
    lex = lexicon()
    quantity = re.compile(rf"(?<![\w-])(?P<mod>{_alternation(lex['quantity_mods'])}) $", re.I)
    point = re.compile(rf"(?<![\w-])(?P<mod>{_alternation(lex['point_mods'])})(?: |-)(?:in )?$", re.I)
    return quantity, point


def number_value(text: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '1,000' -> 1000, 'several' -> None (vague)."""
    lex = lexicon()
    word = text.lower().strip()
    if word in lex["numbers"]:
        return float(lex["numbers"][word])
    digits = word.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS_1_9:
        return float(lex["numbers"][parts[0]] + lex["numbers"][parts[1]])
    return None


def event_synonyms() -> dict[str, frozenset[str]]:
    """Lemma -> the set of lemmas a text may use for the same event ('talks' ~ 'negotiations')."""
    out: dict[str, frozenset[str]] = {}
    for group in lexicon()["event_nouns"]:
        members = frozenset(group)
        for lemma in group:
            out[lemma] = members
    return out


#: Words of the fixed phrases that are too common to mark a place worth scanning.
_NOT_TRIGGERS = frozenset("""the and for that this with from per each every last next coming near long short very more most right
just as of in at to a these being times late""".split())


@cache
def trigger_classes() -> dict[str, frozenset[str]]:
    """Lower-case word -> the trigger classes it belongs to (digits are the DIGIT class, found apart).

    The classes are the lexicon's names (MONTH, WEEKDAY, UNIT, SEASON, POD, HOLIDAY), the words of
    the fixed phrases (FIXED) and the `triggers` list (WORD); rules name theirs in `near`.
    """
    lex = lexicon()
    classes: dict[str, set[str]] = {
        "MONTH": {w.lower() for w in lex["months"]},
        "WEEKDAY": {w.lower() for w in lex["weekdays"]},
        "UNIT": {w.lower() for w in lex["units"]},
        "SEASON": {w.lower() for w in lex["seasons"]},
        "POD": {w.lower() for w in lex["parts_of_day"]} | {w.lower() for w in lex["deictic_words"]},
        "HOLIDAY": {w.lower().split()[-1].removesuffix("'s") for w in lex["holidays"]},
        "WORD": {w.lower() for w in lex["triggers"]},
        "FIXED": set(),
    }
    for row in _read_jsonl("fixed.jsonl"):
        classes["FIXED"].update(w.lower() for w in re.findall(r"[A-Za-z]+", row["pattern"]))
    classes["FIXED"] -= _NOT_TRIGGERS
    out: dict[str, set[str]] = {}
    for name, words in classes.items():
        for word in words:
            out.setdefault(word, set()).add(name)
    return {word: frozenset(names) for word, names in out.items()}
