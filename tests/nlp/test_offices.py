"""Who held which office when (reader/nlp/offices.py) and the role references it settles."""

from __future__ import annotations

import datetime as dt
import json
from itertools import pairwise
from pathlib import Path

import pytest

from reader.documents import document_from_text
from reader.jsonl import ResourceFileError, read_jsonl
from reader.nlp.offices import OFFICES_FILE, load_offices, offices
from reader.resources import resource


def write_table(tmp_path: Path, *rows: object) -> Path:
    path = tmp_path / "lexicons" / OFFICES_FILE
    path.parent.mkdir()
    path.write_text("// a comment\n" + "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


PRESIDENT = {"office": "President", "of": "country:FR", "terms": [["Ann Vale", "2000-01-01", "2004-12-31"],
                                                                 ["Ben Orr", "2004-12-31", None]]}


def test_a_full_name_holds_the_office_of_its_term(tmp_path):
    table = load_offices(write_table(tmp_path, PRESIDENT))
    assert [t.holder for t in table.held_on("Ann Vale", dt.date(2002, 5, 1))] == ["Ann Vale"]
    assert table.held_on("Ann Vale", dt.date(2005, 5, 1)) == []
    assert [t.holder for t in table.held_on("Ben Orr", dt.date(2026, 1, 1))] == ["Ben Orr"]  # still in office
    # the hand-over day belongs to both
    assert table.held_on("Ann Vale", dt.date(2004, 12, 31)) and table.held_on("Ben Orr", dt.date(2004, 12, 31))


def test_a_surname_alone_is_never_enough_but_a_middle_initial_may_be_left_out(tmp_path):
    table = load_offices(write_table(tmp_path, {**PRESIDENT, "terms": [["Ann K. Vale", "2000-01-01", None]]}))
    assert table.held_on("Vale", dt.date(2002, 1, 1)) == []
    assert table.held_on("Ann Vale", dt.date(2002, 1, 1))[0].of == "country:FR"
    assert table.held_on("ann k vale", dt.date(2002, 1, 1))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({**PRESIDENT, "of": "country:XX"}, "not a gazetteer key"),
        ({**PRESIDENT, "terms": [["Ann Vale", "2000-13-01", None]]}, "not an ISO date"),
        ({**PRESIDENT, "terms": [["Ann Vale", "2004-01-01", "2000-01-01"]]}, "ends before it starts"),
        ({**PRESIDENT, "terms": [["Ann Vale", "2000-01-01"]]}, "a term is [holder, from, to or null]"),
        ({**PRESIDENT, "terms": "Ann Vale"}, "'terms' should be array"),
        ({"office": "President", "of": "country:FR"}, "missing key 'terms'"),
    ],
)
def test_a_malformed_office_is_an_error_naming_the_line(tmp_path, row, message):
    with pytest.raises(ResourceFileError, match=r"offices\.jsonl") as caught:
        load_offices(write_table(tmp_path, row))
    assert message in str(caught.value)


def test_the_shipped_table_loads_and_no_office_has_two_holders_at_once():
    """Terms of one office follow each other (a hand-over day may be shared), in order."""
    rows = read_jsonl(resource("lexicons", OFFICES_FILE))
    assert len(rows) >= 40
    offices()  # every term parses
    for row in rows:
        terms = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else None, h) for h, a, b in row["terms"]]
        for (start, end, holder), (next_start, _, following) in pairwise(terms):
            assert end is not None and end <= next_start, (row["office"], row["of"], holder, following)
            assert start < next_start


def analyze(engine, text: str, published: dt.date | None):
    return engine.analyze(document_from_text(text, published=published))


def doers_of(analysis, trigger: str) -> list[str]:
    names = {a.id: a.name for a in analysis.actors}
    return [names[i] for e in analysis.events if e.trigger == trigger for i in e.agents]


TEXT = ("Royal visit ends\n\nJohn Major met union leaders in Leeds on Monday. "
        "The prime minister told them the government would not change course.")


def test_the_office_held_on_the_publication_date_settles_the_role_reference(engine):
    a = analyze(engine, TEXT, dt.date(1995, 3, 1))
    assert doers_of(a, "told") == ["John Major"]
    major = next(x for x in a.actors if x.name == "John Major")
    assert major.roles == ["Prime Minister (United Kingdom)", "Leader of the Conservative Party (United Kingdom)"]


def test_no_office_without_a_publication_date_or_out_of_term(engine):
    assert doers_of(analyze(engine, TEXT, None), "told") == []
    # in 1989 he was chancellor, not prime minister
    assert doers_of(analyze(engine, TEXT.replace("The prime minister", "The chancellor"), dt.date(1990, 3, 1)),
                    "told") == ["John Major"]
    assert doers_of(analyze(engine, TEXT, dt.date(1990, 3, 1)), "told") == []


def test_two_holders_of_a_title_leave_the_reference_open(engine):
    text = ("Budget talks\n\nAngela Merkel met Alistair Darling in Berlin on Monday. "
            "The chancellor told reporters the talks had gone well.")
    assert doers_of(analyze(engine, text, dt.date(2008, 3, 1)), "told") == []


def test_the_minister_is_not_the_prime_minister_and_the_president_of_a_firm_is_not_the_president(engine):
    text = "Talks\n\nJohn Major met union leaders on Monday. The minister told them the plan would go ahead."
    assert doers_of(analyze(engine, text, dt.date(1995, 3, 1)), "told") == []
    text = ("Trade talks\n\nJacques Chirac met business leaders in Lyon on Monday. "
            "The president of Renault told them sales had risen.")
    assert "Jacques Chirac" not in doers_of(analyze(engine, text, dt.date(2000, 3, 1)), "told")


def test_another_word_for_the_office_is_the_office(engine):
    text = ("Talks\n\nEhud Olmert met Mahmoud Abbas in Jericho on Monday. "
            "The premier told reporters the talks had gone well.")
    assert doers_of(analyze(engine, text, dt.date(2007, 8, 6)), "told") == ["Ehud Olmert"]


def test_a_party_leader_named_by_party_alone_is_the_leader_of_the_day(engine):
    text = "Row\n\nMichael Howard spoke in Leeds. The Tory leader told reporters the plan was wrong."
    assert doers_of(analyze(engine, text, dt.date(2005, 3, 1)), "told") == ["Michael Howard"]
    assert doers_of(analyze(engine, text, dt.date(2008, 3, 1)), "told") != ["Michael Howard"]  # no longer
    # a party of two words, and a leader who is also prime minister, beside another party's leader
    text = "Row\n\nCharles Kennedy spoke in Leeds. The Lib Dem leader told reporters voters wanted change."
    assert doers_of(analyze(engine, text, dt.date(2005, 3, 1)), "told") == ["Charles Kennedy"]
    text = "Row\n\nTony Blair and Michael Howard clashed. The Labour leader told reporters the Tories were wrong."
    assert doers_of(analyze(engine, text, dt.date(2005, 3, 1)), "told") == ["Tony Blair"]


def test_a_headline_names_the_office_without_the(engine):
    text = "Chancellor defends budget\n\nGordon Brown has said his plans are sound."
    assert doers_of(analyze(engine, text, dt.date(2005, 3, 1)), "defends budget") == ["Gordon Brown"]
    assert doers_of(analyze(engine, text, dt.date(2012, 3, 1)), "defends budget") == []  # no longer chancellor
