"""TIMEX3 values in words, as tooltips and the timeline show them."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.ui.date_words import describe_date, describe_duration, describe_short, describe_value


@pytest.mark.parametrize(
    ("value", "type_", "words"),
    [
        ("2025-05-15", "DATE", "Thu 15 May 2025"),
        ("2024-12-02", "DATE", "Mon 2 December 2024"),
        ("2025-05", "DATE", "May 2025"),
        ("2025", "DATE", "2025"),
        ("XXXX-05-15", "DATE", "15 May (year unknown)"),
        ("XXXX-05", "DATE", "May (year unknown)"),
        ("XXXX", "DATE", "not resolved"),
        ("", "DATE", "not resolved"),
        ("2025-W20", "DATE", "week 20 of 2025"),
        ("2025-W20-WE", "DATE", "the weekend of week 20 of 2025"),
        ("2025-Q2", "DATE", "second quarter of 2025"),
        ("2025-SU", "DATE", "summer 2025"),
        ("2025-H1", "DATE", "first half of 2025"),
        ("197", "DATE", "the 1970s"),
        ("19", "DATE", "the 20th century"),
        ("PRESENT_REF", "DATE", "now"),
        ("PAST_REF", "DATE", "some time in the past"),
        ("2025-05-15TMO", "TIME", "Thu 15 May 2025, morning"),
        ("2025-05-15T14:30", "TIME", "Thu 15 May 2025, 14:30"),
        ("XXXX-XX-XXT09:00", "TIME", "09:00"),
        ("PT2H", "DURATION", "2 hours"),
        ("PT1H", "DURATION", "1 hour"),
        ("P1Y6M", "DURATION", "1 year 6 months"),
        ("PT30M", "DURATION", "30 minutes"),
        ("P3D", "DURATION", "3 days"),
        ("PXD", "DURATION", "some days"),
        ("P1.5Y", "DURATION", "1.5 years"),
        ("P1DE", "DURATION", "1 decade"),
        ("P1M", "SET", "every month"),
        ("P1W", "SET", "every week"),
        ("P2D", "SET", "every 2 days"),
        ("XXXX-WXX-1", "SET", "every Monday"),
        ("2025-02-30", "DATE", "2025-02-30"),
        ("something odd", "DATE", "something odd"),
    ],
)
def test_values_in_words(value, type_, words):
    assert describe_value(value, type_) == words


def test_mod_is_said_before_the_value():
    assert describe_value("PT4H", "DURATION", "LESS_THAN") == "less than 4 hours"
    assert describe_value("2025-05", "DATE", "START") == "the start of May 2025"
    assert describe_value("2025-05", "DATE", "UNKNOWN_MOD") == "May 2025"


def test_short_form_for_the_timeline():
    assert describe_short("2024-12-02") == "2 Dec 2024"
    assert describe_short("2024-12") == "December 2024"
    assert describe_short("XXXX") == ""
    assert describe_short(None) == ""


def test_duration_rejects_what_it_cannot_read():
    assert describe_duration("P") == "P"
    assert describe_duration("P2Z") == "P2Z"


def test_publication_date_in_words():
    assert describe_date(dt.date(2024, 12, 4)) == "Wed 4 December 2024"
