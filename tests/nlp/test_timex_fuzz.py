"""Odd mixtures of date-like words never make the tagger raise, and its output keeps its invariants."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.nlp.timex import extract_dates

WORDS = [
    "May", "may", "March", "15", "32", "2025", "2025/26", "FY2024", "Q3", "Q9", "the", "1990s", "'90s", "eve", "of",
    "talks", "next", "last", "day", "week", "weeks", "ago", "later", "earlier", "less", "than", "two", "hours", "a",
    "year", "Monday", "Mondays", "every", "on", "in", "and", "-", "/", ",", ".", "\u201c", "\u201d", "p.m.", "10:30",
    "GMT", "noon", "quarter", "third", "fiscal", "1/2", "$5", "million", "per", "mid-", "early", "late", "Christmas",
    "Easter", "century", "20th", "now", "recently", "31", "February", "0", "00:99", "summer", "fall", "\n",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=25),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_never_raises_and_keeps_invariants(engine, words, published):
    doc = engine.nlp(" ".join(words))
    dates = extract_dates(doc, published)
    last_end = -1
    for d in dates:
        assert d.start >= last_end
        assert doc.text[d.start : d.end] == d.text
        assert d.type in ("DATE", "TIME", "DURATION", "SET")
        assert d.value
        last_end = d.end
