"""Names in tables of results: in "Schalke 2 Hansa Rostock 0", "Alloa 16 7 4 5 24 21 25" or
"Parma ( 14 ) v Atalanta ( 15 )" the names are sides (organisations), whatever the name is
otherwise (a city, a person's surname). Briefings carry such lines for elections and markets as
well as sport; a line is read as a table row only by its shape, never by a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NAME = r"(?:[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|de|of|the|and|St|FC))*)"
_NUM = r"\d+(?:[.,]\d+)?"
_ROWS = (
    # league table: a name, then only numbers
    re.compile(rf"^(?P<a>{_NAME})(?: {_NUM}| -?\.\d+| \d+ \d+/\d+){{3,}}\s*$"),
    # a result: name score name score, with scorers in brackets
    re.compile(rf"^(?P<a>{_NAME}) {_NUM}(?: \([^)]*\))? (?P<b>{_NAME}) {_NUM}(?: \([^)]*\))?\s*\.?\s*$"),
    # a fixture: name (position) v name (position)
    re.compile(rf"^(?P<a>{_NAME})(?: \( {_NUM} \))? (?:v|vs|vs\.|AT|at) (?P<b>{_NAME})(?: \( {_NUM} \))?(?: {_NUM})?\s*$"),
)


def team_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_result) of every name that stands as a side in a results-table line of
    `text`; `is_result` is False for a row of a table of figures ("Alloa 16 7 4 5"), where a
    country is more likely a country with its figures than a side."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if 3 <= len(line) <= 160 and line[:1].isupper():
            for k, row in enumerate(_ROWS):
                m = row.match(line)
                if m:
                    for group in ("a", "b"):
                        if group in row.groupindex and m.group(group):
                            yield start + m.start(group), start + m.end(group), k > 0
                    break
        start = end + 1
