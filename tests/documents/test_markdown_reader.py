import datetime as dt

import pytest
from doc_checks import DATA, assert_consistent, block_texts, mark_texts

from reader.documents import document_from_text, load_document
from reader.errors import DocumentError


@pytest.fixture(scope="module")
def doc():
    return load_document(DATA / "front-matter.md")


def test_front_matter_gives_title_source_and_date(doc):
    assert doc.format == "md"
    assert doc.title == "Grain corridor talks stall in Ankara"
    assert doc.source == "Test Desk Weekly"
    assert doc.published == dt.date(2025, 3, 14)
    assert doc.published_origin == "front-matter"


def test_front_matter_is_not_in_the_text(doc):
    assert "---" not in doc.text
    assert "Test Desk Weekly" not in doc.text
    assert doc.text.startswith("Grain corridor talks stall\n\n")


def test_blocks_keep_structure(doc):
    assert_consistent(doc)
    assert [(b.kind, b.level) for b in doc.blocks if b.kind == "heading"] == [("heading", 1), ("heading", 2), ("heading", 2)]
    assert block_texts(doc, "heading") == ["Grain corridor talks stall", "Positions", "Next steps"]
    items = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("Kyiv wants insurance guarantees for ships.", 1),
        ("Moscow asks for:", 1),
        ("access for its fertiliser exports;", 2),
        ("reconnection of one bank to SWIFT.", 2),
        ("The UN offers to monitor inspections.", 1),
    ]
    assert block_texts(doc, "blockquote") == ["The corridor cannot wait for another summer, one delegate said."]


def test_soft_line_breaks_become_spaces(doc):
    paragraph = block_texts(doc, "paragraph")[1]
    assert paragraph.startswith("Negotiators met in Ankara on Thursday for a third round on the Black Sea grain corridor.")
    assert "\n" not in paragraph


def test_marks_slice_the_emphasised_text(doc):
    assert mark_texts(doc, "strong") == ["Ankara"]
    assert mark_texts(doc, "em") == ["Briefing — 14 March 2025", "Turkish foreign ministry"]
    assert mark_texts(doc, "code") == ["JCC"]
    links = [(doc.text[m.start : m.end], m.href) for m in doc.marks if m.kind == "link"]
    assert links == [("joint statement", "https://example.org/statement")]


def test_no_markup_characters_left(doc):
    for token in ("**", "*", "`", "](", "#", "> ", "- "):
        assert token not in doc.text, token


def test_list_items_one_newline_apart_other_blocks_a_blank_line(doc):
    assert "Kyiv wants insurance guarantees for ships.\nMoscow asks for:\n" in doc.text
    assert "Positions\n\nKyiv" in doc.text


def test_trailing_share_line_is_dropped_with_a_warning(doc):
    assert doc.text.endswith("A fourth round is planned for April.")
    assert any("Share this article" in w for w in doc.warnings)


def test_first_heading_is_the_title_without_front_matter():
    doc = document_from_text("# Talks resume\n\nThey met on Monday.\n", fmt="md")
    assert doc.title == "Talks resume"
    assert doc.published is None and doc.published_origin == "none"


def test_dateline_in_markdown():
    doc = document_from_text("# Talks resume\n\n*Posted on 3 March 2024*\n\nThey met on Monday.\n", fmt="md")
    assert doc.published == dt.date(2024, 3, 3)
    assert doc.published_origin == "dateline"


def test_front_matter_date_key_and_datetime_values():
    doc = document_from_text("---\ndate: 2024-06-01T10:00:00Z\n---\nText here.\n", fmt="md")
    assert doc.published == dt.date(2024, 6, 1)
    doc = document_from_text("---\ndate: 1 June 2024\n---\nText here.\n", fmt="md")
    assert doc.published == dt.date(2024, 6, 1)


def test_invalid_front_matter_is_a_warning_not_a_crash():
    doc = document_from_text("---\ntitle: [unclosed\n---\nThe text.\n", fmt="md")
    assert doc.text == "The text."
    assert any("front matter" in w for w in doc.warnings)


def test_option_overrides_front_matter():
    doc = document_from_text("---\npublished: 2024-12-04\n---\nText.\n", fmt="md", published=dt.date(2020, 1, 2))
    assert doc.published == dt.date(2020, 1, 2)
    assert doc.published_origin == "option"


def test_code_tables_images_and_inline_html():
    md = (
        "Intro with `x = 1`, <b>inline tag</b> and ![a chart](chart.png) picture.\n\n"
        "| Country | Seats |\n|---|---|\n| Egypt | 4 |\n\n"
        "```\nline one\n  indented\n```\n\n"
        "<div>Raw <em>HTML</em> block<script>alert(1)</script></div>\n\n"
        "Hard  \nbreak\n"
    )
    doc = document_from_text(md, fmt="md")
    assert_consistent(doc)
    assert block_texts(doc) == [
        "Intro with x = 1, inline tag and picture.",
        "Country\tSeats",
        "Egypt\t4",
        "line one\n  indented",
        "Raw HTML block",
        "Hard\nbreak",
    ]
    assert [b.kind for b in doc.blocks][3] == "code"
    assert "chart" not in doc.text and "alert" not in doc.text and "<" not in doc.text


def test_markdown_without_text_is_an_error():
    with pytest.raises(DocumentError, match="no readable text"):
        document_from_text("---\ntitle: Only metadata\n---\n\n<!-- a comment -->\n\n---\n", fmt="md")


def test_sample_briefing_loads():
    from reader.resources import sample_briefing

    sample = load_document(sample_briefing())
    assert_consistent(sample)
    assert sample.title == "Nile water talks resume in Geneva after a year of stalemate"
    assert sample.source.startswith("Briefing Reader sample")
    assert sample.published == dt.date(2024, 12, 4)
    assert sample.published_origin == "front-matter"
    assert [b.kind for b in sample.blocks].count("heading") == 4
    assert block_texts(sample, "list_item")[0] == "The African Union will host a second round in Addis Ababa next month."
    assert block_texts(sample, "blockquote")[0].endswith("a diplomat close to the talks said.")
    assert ("link", "African Union statement") in [(m.kind, sample.text[m.start : m.end]) for m in sample.marks]
    assert sample.warnings == []


def test_a_leading_rule_with_prose_is_not_front_matter():
    doc = document_from_text("---\n\nThe talks resumed on Monday.\n\n---\n\nA second paragraph.\n", fmt="md")
    assert doc.text == "The talks resumed on Monday.\n\nA second paragraph."
    assert doc.warnings == []


def test_footnotes_and_inline_breaks():
    doc = document_from_text("Claim one[^1] and two.<br>Next line.\n\n[^1]: Ministry figures, *2024*.\n", fmt="md")
    assert_consistent(doc)
    assert doc.text == "Claim one and two.\nNext line.\n\nMinistry figures, 2024."
    assert mark_texts(doc, "em") == ["2024"]


def test_a_datetime_option_becomes_a_date():
    doc = document_from_text("Text.", published=dt.datetime(2025, 5, 20, 13, 45))
    assert doc.published == dt.date(2025, 5, 20)
    assert type(doc.published) is dt.date
