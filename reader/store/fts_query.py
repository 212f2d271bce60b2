"""What the reader types into search, turned into an FTS5 query, within bounds.

FTS5 matches every term of an AND query separately, and the cost grows faster than the
number of terms: on the 10,000-briefing bench library one common word takes 16 ms of CPU,
24 copies of it 165 ms and 200 copies 7.0 s (`python -m bench.store_long_query`). A
pasted paragraph is not a search, so a query is bounded: at most `MAX_TERMS` terms (a quoted
phrase counts as one, and costs about as much as one word) and `MAX_CHARS` characters, with
a message saying so. Repeated plain words are searched once (the same word twice adds nothing
to an AND).
"""

from __future__ import annotations

import re

from reader.store.database import StoreError

MAX_TERMS = 24
MAX_CHARS = 500
_TOKENS = re.compile(r'"[^"]*"?|[^\s"]+')
_OPERATORS = frozenset(("AND", "OR", "NOT", "NEAR"))


def check_query(query: str) -> None:
    """StoreError with the limits when the query is longer than a search should be."""
    terms = [t for t in _TOKENS.findall(query) if t.strip("()") and t not in _OPERATORS]
    if len(terms) > MAX_TERMS:
        raise StoreError(
            f"the search has {len(terms)} words; at most {MAX_TERMS} are searched at once. "
            "Search for a few distinctive words, or put a passage in \"quotes\" to find it as a phrase"
        )
    if len(query) > MAX_CHARS:
        raise StoreError(
            f"the search is {len(query):,} characters long; at most {MAX_CHARS} are searched. "
            "Search for a few distinctive words, or a short \"quoted phrase\""
        )


def fts_queries(query: str) -> list[str]:
    """The query as FTS5 should read it: as written if it uses FTS5 syntax (else quoted words)."""
    words = " ".join('"' + w.replace('"', '""') + '"' for w in dict.fromkeys(query.split()))
    uses_syntax = any(ch in query for ch in '"*()^:') or any(w in _OPERATORS for w in query.split())
    return [query, words] if uses_syntax else [words]
