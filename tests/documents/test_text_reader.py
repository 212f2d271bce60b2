import datetime as dt

from doc_checks import DATA, SHARED, assert_consistent, block_texts

from reader.documents import document_from_text, load_document


def test_title_dateline_and_glued_short_link():
    doc = load_document(DATA / "dateline.txt")
    assert_consistent(doc)
    assert doc.format == "txt"
    assert doc.title == "Ceasefire monitors arrive in the border zone"
    assert doc.published == dt.date(2025, 5, 20)
    assert doc.published_origin == "dateline"
    assert doc.source == str(DATA / "dateline.txt")
    assert doc.text.endswith("before the end of the month.")
    assert "Short link" not in doc.text
    assert any("Short link:" in w for w in doc.warnings)
    raw = (DATA / "dateline.txt").read_text(encoding="utf-8")
    assert raw.startswith(doc.text)  # trimming the tail moves no offset
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_one_paragraph_per_line_when_lines_are_long():
    text = "First paragraph is a full sentence that goes on for a while.\nSecond paragraph is also a sentence."
    doc = document_from_text(text)
    assert block_texts(doc) == text.split("\n")
    assert doc.title == ""


def test_hard_wrapped_paragraphs_are_joined_without_moving_offsets():
    text = (
        "Talks resume\n\n"
        "Egypt and Ethiopia returned to the table in Geneva on 2 December, the\n"
        "first round since the talks collapsed.\n\n"
        "- The African Union will host a second round.\n"
        "- The World Bank may fund a station.\n\n"
        "Background\n\n"
        "The dam has divided the two countries for\n"
        "more than a decade."
    )
    doc = document_from_text(text)
    assert_consistent(doc)
    assert len(doc.text) == len(text)
    assert block_texts(doc) == [
        "Talks resume",
        "Egypt and Ethiopia returned to the table in Geneva on 2 December, the first round since the talks collapsed.",
        "- The African Union will host a second round.",
        "- The World Bank may fund a station.",
        "Background",
        "The dam has divided the two countries for more than a decade.",
    ]
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 0),
        ("list_item", 1),
        ("list_item", 1),
        ("heading", 2),
        ("paragraph", 0),
    ]


def test_dateline_forms():
    for line, date in [
        ("Published: 20 May 2025", dt.date(2025, 5, 20)),
        ("Posted on 3 March 2024", dt.date(2024, 3, 3)),
        ("22 May 2025 12:30 GMT", dt.date(2025, 5, 22)),
        ("2025-05-22", dt.date(2025, 5, 22)),
        ("Updated: May 21, 2025", dt.date(2025, 5, 21)),
    ]:
        doc = document_from_text(f"Border talks\n{line}\n\nThe talks went on for hours on Monday without a result.")
        assert (doc.published, doc.published_origin) == (date, "dateline"), line


def test_a_date_inside_a_sentence_is_not_a_dateline():
    doc = document_from_text("Talks opened in Istanbul on 15 May 2025, the first round since March 2022.")
    assert doc.published is None
    assert doc.published_origin == "none"


def test_option_overrides_dateline():
    doc = document_from_text("Published: 20 May 2025\n\nText.", published=dt.date(2024, 1, 1))
    assert (doc.published, doc.published_origin) == (dt.date(2024, 1, 1), "option")


def test_crlf_tabs_nbsp_and_zero_width_characters():
    text = "Title line\r\n\r\nThe\tminister\u00a0met Putin\u200b in\u00adAnkara.\r\n\r\nEnd.\rReally."
    doc = document_from_text(text)
    assert_consistent(doc)
    assert doc.text == "Title line\n\nThe minister met Putin inAnkara.\n\nEnd. Really."
    assert "\r" not in doc.text
    assert block_texts(doc)[1] == "The minister met Putin inAnkara."


def test_istanbul_briefing_ends_before_short_link():
    path = SHARED / "eval" / "istanbul-talks.txt"
    if not path.is_file():
        import pytest

        pytest.skip("../shared is not present")
    raw = path.read_text(encoding="utf-8")
    doc = load_document(path)
    assert_consistent(doc)
    assert raw.endswith("extraction.\nShort link:")
    assert doc.text == raw[: raw.rindex("\nShort link:")]
    assert doc.text.endswith("mineral resource extraction.")
    assert doc.warnings == ["dropped web page furniture at the end of the text: 'Short link:'"]
    assert len(doc.blocks) == 23
    assert doc.published is None
