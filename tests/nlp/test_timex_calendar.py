"""The normaliser's date arithmetic and the text-only tagger, without spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.lexicon import number_value
from reader.nlp.timex.tagger import find_candidates
from reader.nlp.timex.values import granularity, point_date, spelled_year

D = dt.date


@pytest.mark.parametrize(("ref", "month", "day", "direction", "value"), [
    (D(2025, 5, 22), 5, 15, cal.PAST, "2025-05-15"),
    (D(2025, 5, 22), 3, 16, cal.FUTURE, "2026-03-16"),
    (D(2025, 5, 22), 3, 16, cal.PAST, "2025-03-16"),
    (D(2025, 5, 22), 6, 3, cal.NEAREST, "2025-06-03"),
    (D(2025, 1, 5), 12, 20, cal.NEAREST, "2024-12-20"),
    (D(2025, 1, 5), 12, 20, cal.FUTURE, "2025-12-20"),
    (None, 5, 15, cal.PAST, "XXXX-05-15"),
    (D(2025, 5, 22), 2, 29, cal.PAST, "2024-02-29"),
])
def test_month_day(ref, month, day, direction, value):
    assert cal.month_day(ref, month, day, direction) == value


def test_impossible_days_are_not_dates():
    assert cal.month_day(D(2025, 5, 22), 5, 32, cal.PAST) is None
    assert cal.month_day(D(2025, 5, 22), 13, 1, cal.PAST) is None
    assert cal.month_day(None, 2, 30, cal.PAST) is None


@pytest.mark.parametrize(("ref", "month", "direction", "value"), [
    (D(2025, 5, 22), 2, cal.NEAREST, "2025-02"),
    (D(2025, 5, 22), 2, cal.FUTURE, "2026-02"),
    (D(2025, 2, 10), 11, cal.NEAREST, "2024-11"),
    (D(2025, 2, 10), 11, cal.FUTURE, "2025-11"),
    (None, 4, cal.PAST, "XXXX-04"),
])
def test_month_only(ref, month, direction, value):
    assert cal.month_only(ref, month, direction) == value


@pytest.mark.parametrize(("isoday", "direction", "shift", "value"), [
    (1, cal.PAST, 0, "2025-05-19"),
    (1, cal.FUTURE, 0, "2025-05-26"),
    (4, cal.PAST, 0, "2025-05-22"),   # the day itself
    (4, cal.PAST, -1, "2025-05-15"),  # "last Thursday"
    (5, cal.NEAREST, 0, "2025-05-16"),
    (5, cal.FUTURE, 1, "2025-05-23"),
])
def test_weekday(isoday, direction, shift, value):
    assert cal.weekday(D(2025, 5, 22), isoday, direction, shift) == value


def test_weekday_without_a_publication_date():
    assert cal.weekday(None, 3, cal.PAST) == "XXXX-WXX-3"


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (-1, "W", "2025-W20"), (0, "W", "2025-W21"), (1, "M", "2025-06"), (-1, "Y", "2024"),
    (-1, "Q", "2025-Q1"), (2, "Q", "2025-Q4"), (-1, "D", "2025-05-21"), (-1, "WE", "2025-W20-WE"),
    (-1, "DE", "201"),
])
def test_shift_value(amount, unit, value):
    assert cal.shift_value(D(2025, 5, 22), amount, unit) == value


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (2, "H", "PT2H"), (15, "Y", "P15Y"), (1, "D", "P1D"), (None, "Y", "PXY"), (30, "MIN", "PT30M"),
    (1.5, "Y", "P18M"), (2, "DE", "P20Y"), (1, "2W", "P2W"), (3, "M", "P3M"),
])
def test_duration_value(amount, unit, value):
    assert cal.duration_value(amount, unit) == value


def test_seasons_quarters_centuries_two_digit_years():
    ref = D(1989, 10, 26)
    assert cal.season_year(ref, "SP", "last", cal.NEAREST) == 1988
    assert cal.season_year(ref, "SU", "this", cal.PAST) == 1989
    assert cal.quarter_year(ref, 3, cal.PAST) == 1989
    assert cal.quarter_year(D(1990, 2, 1), 4, cal.PAST) == 1989
    assert cal.century_value(20) == "19"
    assert cal.year_from_two_digits(24, D(2025, 1, 1)) == 2024
    assert cal.year_from_two_digits(98, D(2000, 1, 1)) == 1998


def test_holidays():
    assert cal.easter(2025) == D(2025, 4, 20)
    assert cal.holiday_date("nth 11 4 4", 1999) == D(1999, 11, 25)  # Thanksgiving
    assert cal.holiday(D(2000, 1, 7), "nth 11 4 4", cal.PAST) == "1999-11-25"
    assert cal.holiday(D(2025, 5, 22), "12-25", cal.FUTURE) == "2025-12-25"


def test_helpers():
    assert number_value("twenty-four") == 24
    assert number_value("1,000") == 1000
    assert number_value("several") is None
    assert spelled_year("nineteen ninety-six") == 1996
    assert spelled_year("two thousand") == 2000
    assert granularity("2025-W20") == "W" and granularity("2025-Q3") == "Q" and granularity("PAST_REF") is None
    assert point_date("2025-Q3") == D(2025, 7, 1)


@pytest.mark.parametrize(("text", "found"), [
    ("Istanbul hosted the talks since March 2022 on 15 May.", ["March 2022", "15 May"]),
    ("in March and April 2022 that", ["March and April 2022"]),
    ("the talks lasted less than two hours", ["less than two hours"]),
    ("On the eve of the talks, Russia", ["the eve of the talks"]),
    ("profits rose 20% to $2,025 million", []),
    ("The 15 May negotiations", ["The 15 May"]),
])
def test_tagger_extents(text, found):
    assert [text[c.start : c.end] for c in find_candidates(text)] == found


def test_scanning_only_around_triggers_finds_the_same_as_scanning_everything():
    from reader.nlp.timex.tagger import scan_windows

    text = (
        "Istanbul hosted the first direct round of negotiations since March 2022 on 15 May in a meeting. "
        + "Nothing of the kind happened here, the minister said, and the deputies agreed with the speaker. " * 5
        + "On the eve of the talks, Russia announced gains; the talks lasted less than two hours. "
        + "He spoke at 10:30 GMT on Friday, a year after the 1990s ended, and now the fund pays $5 million a year."
    )
    windows = scan_windows(text)
    assert sum(end - start for start, end in windows.spans(("MONTH",))) < len(text) / 2
    full = [(c.start, c.end, c.rule.name) for c in find_candidates(text)]
    assert [(c.start, c.end, c.rule.name) for c in find_candidates(text, windows=windows)] == full
    assert len(full) >= 10
