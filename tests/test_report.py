"""The CLI's report says what the window shows: one title, the highlighted names, labels, one mark."""

import datetime as dt

from reader.documents import document_from_text, load_document
from reader.model import Actor, Analysis, Block, Document, Event, Mention, briefing_title
from reader.report import markdown_report, modality_mark, plural, shown_aliases, text_report

TEXT = "The Trump Administration said on Monday it may widen tariffs. Washington did not sign."


def _analysis() -> Analysis:
    doc = Document(text=TEXT, title="Tariffs", source="/tmp/tariffs.txt", published=dt.date(2025, 5, 22), published_origin="option")
    administration = TEXT.index("Administration")
    washington = TEXT.index("Washington")
    actors = [
        Actor("A1", "Donald Trump", "PERSON", ["Trump"], [Mention(4, 9, "Trump")]),
        # The engine's alias list names the phrase; the highlights are "Administration" and "Washington".
        Actor(
            "A2",
            "United States",
            "GPE",
            ["Trump Administration", "Washington"],
            [Mention(administration, administration + 14, "Administration"), Mention(washington, washington + 10, "Washington")],
        ),
        Actor("A3", "African Union", "ORG", [], [Mention(0, 3, "the African  Union")]),
    ]
    events = [
        Event("E1", 0, 61, TEXT[:61], "widen", 45, 50, "ECON", "Economy and business", "US: may widen tariffs (hypothetical)", modality="hypothetical"),
        Event("E2", 62, 87, TEXT[62:], "sign", 81, 85, "03", "Express intent to cooperate", "Washington: did not sign", modality="negated"),
        Event("E3", 0, 61, TEXT[:61], "said", 25, 29, "01", "Make public statement", "US: said", date="2025-05-19"),
    ]
    return Analysis(doc, actors, [], events)


def test_aliases_are_what_the_mentions_say_not_the_engines_alias_list():
    us, union = _analysis().actors[1:]
    assert shown_aliases(us) == ["Administration", "Washington"]
    assert shown_aliases(union) == []  # "the African Union" is the name with its article


def test_the_text_report_has_labels_one_mark_and_plurals():
    report = text_report(_analysis())
    assert "(also: Administration, Washington)" in report and "Trump Administration" not in report
    assert "[Economy and business] US: may widen tariffs (hypothetical)\n" in report + "\n"
    assert "(hypothetical) (hypothetical)" not in report and "[hypothetical]" not in report
    assert "[Express intent to cooperate] Washington: did not sign (negated)" in report
    assert "2025-05-19   [Make public statement] US: said\n" in report + "\n"
    assert "Timeline (3 events)" in report
    markdown = markdown_report(_analysis())
    assert "(1 mention)" in markdown and "(1 mentions)" not in markdown and "(2 mentions)" in markdown
    assert "| 03 Express intent to cooperate |" in markdown and "| Economy and business |" in markdown


def test_modality_marks_and_plurals():
    hedged = _analysis().events[0]
    assert modality_mark(hedged) == ""
    hedged.summary = "US: may widen tariffs"
    assert modality_mark(hedged) == " (hypothetical)"
    assert plural(1, "event") == "1 event" and plural(2, "event") == "2 events" and plural(0, "entry", "entries") == "0 entries"


def test_one_title_first_heading_then_file_name_then_first_line(tmp_path):
    text = "A long first sentence that is not a title at all, and goes on.\nAnother paragraph here."
    assert briefing_title(Document(text=text, title="  Front   matter ")) == "Front matter"
    with_heading = Document(text="Intro line.\nTalks resume\nBody.", blocks=[Block("heading", 12, 24, 2)])
    assert briefing_title(with_heading, "x.txt") == "Talks resume"
    assert briefing_title(Document(text=text), "notes.txt") == "notes.txt"
    assert briefing_title(Document(text="x " * 80)).endswith("…")
    path = tmp_path / "istanbul.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_document(path)
    assert loaded.title == "istanbul.txt" == briefing_title(loaded)
    assert loaded.to_dict()["title"] == "istanbul.txt"
    pasted = document_from_text(text)
    assert briefing_title(pasted) == text.splitlines()[0]
