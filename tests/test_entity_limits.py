"""A run of characters without spaces never becomes an actor (issue 12, item 10)."""

from __future__ import annotations

from reader.entity_limits import MAX_WORD_CHARS, plausible_entity
from reader.model import Document


def test_a_200_kb_line_without_spaces_gives_no_actor(engine):
    analysis = engine.analyze(Document(text="A" * 200_000))
    assert analysis.actors == []


def test_real_names_beside_a_long_run_are_kept(engine):
    text = "Zelensky met officials in Istanbul on Thursday.\n" + "Abc" * 20_000
    names = {a.name for a in engine.analyze(Document(text=text)).actors}
    assert {"Zelensky", "Istanbul"} <= names
    assert all(len(name) <= 120 for name in names)


def test_plausible_entity_bounds():
    welsh = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"  # 58 letters, a real village
    assert plausible_entity(f"She visited {welsh} today.", 12, 12 + len(welsh))
    run = "x" * (MAX_WORD_CHARS + 1)
    assert not plausible_entity(f"The {run} said", 4, 10)  # part of an over-long run
    assert not plausible_entity("word " * 40, 0, 200)  # too long altogether
