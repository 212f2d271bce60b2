import datetime as dt

import pytest

from reader.documents.metadata import dateline_date, find_date, find_dateline, looks_like_title, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-05-22", dt.date(2025, 5, 22)),
        ("2025-05-22T12:30:00+02:00", dt.date(2025, 5, 22)),
        ("22 May 2025", dt.date(2025, 5, 22)),
        ("22nd of May, 2025", dt.date(2025, 5, 22)),
        ("May 22, 2025", dt.date(2025, 5, 22)),
        ("Sept. 3, 2024", dt.date(2024, 9, 3)),
        ("22.05.2025", dt.date(2025, 5, 22)),
        ("22/05/2025", dt.date(2025, 5, 22)),
        ("05/22/2025", dt.date(2025, 5, 22)),
        ("05/06/2025", None),  # day and month could be either way round
        ("2025-02-30", None),
        ("22 May", None),  # no year: cannot anchor anything
        ("build 1.2.2025.7", None),
        ("on 22.05.2025.", dt.date(2025, 5, 22)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_date_objects():
    assert parse_date(dt.datetime(2024, 1, 2, 3, 4)) == dt.date(2024, 1, 2)
    assert parse_date(dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert parse_date(20240102) is None


def test_find_date_returns_the_earliest():
    assert find_date("from 3 March 2024 to 2024-04-01") == (dt.date(2024, 3, 3), 5, 17)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 20 May 2025", (dt.date(2025, 5, 20), False)),
        ("Posted on 3 March 2024 by the editors", (dt.date(2024, 3, 3), False)),
        ("Last updated: 21 May 2025", (dt.date(2025, 5, 21), True)),
        ("22 May 2025 12:30 GMT", (dt.date(2025, 5, 22), False)),
        ("Thursday, 22 May 2025", (dt.date(2025, 5, 22), False)),
        ("Analysis — 4 December 2024", (dt.date(2024, 12, 4), False)),
        ("On 15 May 2025 the two delegations met in Istanbul for the first time since 2022.", None),
        ("Ministers from all six countries will gather again in Rome, 15 May 2025", None),
        ("Published recently", None),
    ],
)
def test_dateline_date(line, expected):
    assert dateline_date(line) == expected


def test_published_beats_updated_and_position_is_reported():
    lines = [(0, "Title"), (6, "Updated: 21 May 2025"), (27, "Published: 20 May 2025")]
    assert find_dateline(lines) == (dt.date(2025, 5, 20), 27)
    assert find_dateline(lines[:2]) == (dt.date(2025, 5, 21), 6)


def test_dateline_must_be_near_the_top():
    lines = [(i * 10, f"Paragraph {i} of the article.") for i in range(12)] + [(500, "Published: 20 May 2025")]
    assert find_dateline(lines) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ceasefire monitors arrive in the border zone", True),
        ("Will the talks resume?", True),
        ("Istanbul hosted the first direct round of talks.", False),
        ("Published: 20 May 2025", False),
        ("NAIROBI, Kenya (AP) _", False),
        ("x" * 200, False),
    ],
)
def test_looks_like_title(line, expected):
    assert looks_like_title(line) is expected
