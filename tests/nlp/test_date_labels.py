"""Dates that label a thing (reader/nlp/events/date_labels.py), on hand-made sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text

PUBLISHED = dt.date(2025, 1, 10)


def row_date(engine, text: str, trigger: str) -> str | None:
    analysis = engine.analyze(document_from_text(text, published=PUBLISHED))
    (event,) = [e for e in analysis.events if e.trigger.startswith(trigger)]
    return event.date


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a year naming a thing told below another noun does not date the act ...
        ("The Norland coalition collapsed on November 6th when Karl Lund dismissed his finance minister, Anna Berg, "
         "after weeks of disputes over how to fill a hole in the 2025 budget.", "dismissed", "2024-11-06"),
        ("Karl Lund resigned after a row over the 2023 accounts.", "resigned", None),
        # ... but the act's own occasion does, and so does a time the parser hung on the object noun
        ("Anna Berg won a seat in the 2001 election.", "won", "2001"),
        ("The 1981 Brixton riots shocked the country.", "riots", "1981"),
        ("Unveiling the slogan at the party's spring conference, Karl Lund said there was no ceiling.", "said", "2025-SP"),
    ],
)
def test_a_date_labelling_a_thing_does_not_date_the_act(engine, text, trigger, date):
    assert row_date(engine, text, trigger) == date
