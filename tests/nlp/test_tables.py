"""Sides in results-table lines are organisations, by the shape of the line only."""

from __future__ import annotations

import pytest

from reader.nlp.tables import team_spans


@pytest.mark.parametrize(
    ("line", "sides"),
    [
        ("Schalke 2 ( Mulder 2nd and 27th ) Hansa Rostock 0 .", ["Schalke", "Hansa Rostock"]),
        ("Alloa 16 7 4 5 24 21 25", ["Alloa"]),
        ("Parma ( 14 ) v Lecce ( 15 ) 1330", ["Parma", "Lecce"]),
        ("DENVER AT GREEN BAY", ["DENVER", "GREEN BAY"]),
        ("Portland 97 Charlotte 93", ["Portland", "Charlotte"]),
    ],
)
def test_sides_of_a_results_line(line, sides):
    assert [line[a:b] for a, b, _ in team_spans(line)] == sides


@pytest.mark.parametrize("line", ["Tony Blair said 3 things.", "Turnout was 61 percent in 2005.", "In 2004 2 men died"])
def test_prose_is_no_table(line):
    assert list(team_spans(line)) == []


def test_a_side_in_a_result_is_an_organisation_but_a_country_with_figures_stays_a_country(engine):
    doc = engine.nlp("Results:\nLeeds 2 Sunderland 1\nGermany 2.1 1.5 0.8 1.1\n")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Leeds") == "ORG" and labels.get("Sunderland") == "ORG"
    assert labels.get("Germany") == "GPE"
