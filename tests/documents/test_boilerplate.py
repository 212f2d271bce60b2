import pytest

from reader.documents import document_from_text
from reader.documents.boilerplate import trim_tail


@pytest.mark.parametrize(
    ("tail", "dropped"),
    [
        ("\nShort link:", ["Short link:"]),
        ("Short link:", ["Short link:"]),
        ("\nShort link: https://ex.am/ple", ["Short link: https://ex.am/ple"]),
        ("\n\nShare this\nShare this article", ["Share this", "Share this article"]),
        ("\nRelated", ["Related"]),
        ("\n\nRelated articles\nStorm closes coastal road\nLocal team wins the cup", ["Related articles", "Storm closes coastal road", "Local team wins the cup"]),
        ("\nRead more", ["Read more"]),
        ("\nFollow us on Twitter and Facebook", ["Follow us on Twitter and Facebook"]),
        ("\nCopyright 2025 Harbour Times\nAll rights reserved.", ["Copyright 2025 Harbour Times", "All rights reserved."]),
        ("\n© 2025 Harbour Times. All rights reserved.", ["© 2025 Harbour Times. All rights reserved."]),
        ("\nSubscribe to our newsletter", ["Subscribe to our newsletter"]),
        ("\n\nAdvertisement\n\nTags: talks, Turkey", ["Advertisement", "Tags: talks, Turkey"]),
    ],
)  # fmt: skip
def test_furniture_at_the_end_is_cut(tail, dropped):
    body = "The talks ended without a deal.\nBoth sides will meet again."
    end, found = trim_tail(body + tail)
    assert end == len(body)
    assert found == dropped


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell sharply on Monday.",
        "Copyright law was the main topic.",
        "The minister said subscribers would pay more.",
        "He asked reporters to read more carefully.",
        "Follow-up talks are planned.",
        "Related talks will take place in June.",
    ],
)
def test_article_sentences_are_kept(text):
    body = "The talks ended without a deal.\n" + text
    assert trim_tail(body) == (len(body), [])


def test_only_the_tail_is_trimmed():
    text = "Share this\nThe talks ended without a deal.\nBoth sides will meet again."
    assert trim_tail(text) == (len(text), [])


def test_a_long_line_stops_a_related_section():
    long_line = "This paragraph is part of the article and it is far too long to be a headline in a list of related stories " * 2
    text = f"Related\n{long_line.strip()}\nShort headline"
    assert trim_tail(text) == (len(text), [])


def test_nothing_but_furniture_keeps_the_text():
    doc = document_from_text("Share this article")
    assert doc.text == "Share this article"
    assert doc.warnings == []


def test_markdown_blocks_and_marks_are_clipped():
    doc = document_from_text("Talks *ended*.\n\n## Related articles\n\n- [Other story](http://x.org/a)\n", fmt="md")
    assert doc.text == "Talks ended."
    assert [(b.kind, b.end) for b in doc.blocks] == [("paragraph", len("Talks ended."))]
    assert [m.kind for m in doc.marks] == ["em"]
    assert "Related articles" in doc.warnings[0]


def test_page_controls_at_the_head():
    from reader.documents.boilerplate import trim_head

    text = "Skip to main content\nMenu\n\nTalks resume in Geneva\nThe delegations met on Monday."
    start, dropped = trim_head(text)
    assert text[start:].lstrip().startswith("Talks resume")
    assert dropped == ["Skip to main content", "Menu"]
    assert trim_head("Menu planning for the summit took weeks.") == (0, [])


def test_head_controls_dropped_in_text_and_markdown():
    doc = document_from_text("Skip to content\n\nTalks resume\n\nThe delegations met on Monday.")
    assert doc.text == "Talks resume\n\nThe delegations met on Monday."
    assert doc.title == "Talks resume"
    assert any("at the start" in w and "Skip to content" in w for w in doc.warnings)
    doc = document_from_text("Advertisement\n\n# Talks resume\n\nThey met *on Monday*.", fmt="md")
    assert doc.text == "Talks resume\n\nThey met on Monday."
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("heading", "Talks resume"),
        ("paragraph", "They met on Monday."),
    ]
    assert [doc.text[m.start : m.end] for m in doc.marks] == ["on Monday"]
