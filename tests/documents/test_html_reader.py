import datetime as dt

import pytest
from doc_checks import DATA, assert_consistent, block_texts, mark_texts

from reader.documents import document_from_text, load_document
from reader.errors import DocumentError


@pytest.fixture(scope="module")
def doc():
    return load_document(DATA / "page.html")


def test_metadata_from_meta_tags(doc):
    assert doc.format == "html"
    assert doc.title == "Port strike spreads to the north"
    assert doc.source == "Harbour Times"
    assert doc.published == dt.date(2025, 5, 20)
    assert doc.published_origin == "html-meta"


def test_only_the_main_text(doc):
    assert_consistent(doc)
    for junk in ("Home", "Weather", "Most read", "Storm closes", "Copyright", "Follow us", "ANALYTICS", "INLINE-SCRIPT", "font-weight"):
        assert junk not in doc.text, junk
    assert "<" not in doc.text and ">" not in doc.text
    assert doc.text.startswith("Port strike spreads to the north\n\nDock workers in three more ports walked out")
    assert doc.text.endswith("if the strike lasts into June.")


def test_structure_survives(doc):
    assert block_texts(doc, "heading") == ["Port strike spreads to the north", "What the union wants"]
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2]
    assert block_texts(doc, "list_item") == [
        "A pay rise in line with inflation.",
        "An end to short-term contracts at the container terminals.",
    ]
    assert block_texts(doc, "blockquote") == [
        "We are ready to talk tomorrow if the ministry is serious, a union spokesperson said."
    ]
    assert mark_texts(doc, "strong") == ["three more ports"]
    assert mark_texts(doc, "em") == ["until the ministry reopens talks"]
    assert [(doc.text[m.start : m.end], m.href) for m in doc.marks if m.kind == "link"] == [
        ("parliament", "https://example.org/parliament")
    ]


def test_title_from_title_element_without_site_name():
    html = "<html><head><title>Budget vote delayed - Capital Post</title></head><body><p>The vote on the budget was delayed again on Friday, officials said, as coalition partners argued over spending.</p></body></html>"
    doc = document_from_text(html, fmt="html")
    assert doc.title == "Budget vote delayed"
    assert doc.source == "Capital Post"
    assert doc.text.startswith("Budget vote delayed\n\nThe vote on the budget")
    assert doc.published is None and doc.published_origin == "none"


def test_json_ld_headline_and_publisher():
    html = (
        "<html><head><title>Minister resigns - The Daily Example</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
        '"headline": "Minister resigns over leak", "datePublished": "2024-11-02T08:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "Example Media Group"}}]}</script></head>'
        "<body><div class='cookie'>We use cookies. <button>Accept</button></div><div class='story'>"
        "<p>The defence minister resigned on Saturday after a leaked memo showed that the ministry had known about the problems.</p>"
        "<p>The prime minister accepted the resignation and named an interim replacement until a reshuffle next week.</p>"
        "</div></body></html>"
    )
    doc = document_from_text(html, fmt="html")
    assert doc.title == "Minister resigns over leak"
    assert doc.source == "Example Media Group"
    assert (doc.published, doc.published_origin) == (dt.date(2024, 11, 2), "html-meta")
    assert "cookies" not in doc.text


def test_source_falls_back_to_the_canonical_host():
    html = (
        '<html><head><link rel="canonical" href="https://www.harbour.example/news/1"></head>'
        "<body><p>Dock workers walked out on Tuesday in three more ports, the union said in a statement.</p></body></html>"
    )
    assert document_from_text(html, fmt="html", source="fallback").source == "harbour.example"
    html = "<html><body><p>Dock workers walked out on Tuesday in three more ports, the union said.</p></body></html>"
    assert document_from_text(html, fmt="html", source="fallback").source == "fallback"


def test_dateline_in_html_text_when_no_metadata():
    html = "<html><body><article><h1>Budget vote delayed</h1><p>Published: 20 May 2025</p><p>The vote on the budget was delayed again on Friday.</p></article></body></html>"
    doc = document_from_text(html, fmt="html")
    assert doc.published == dt.date(2025, 5, 20)
    assert doc.published_origin == "dateline"


def test_a_url_as_content_is_never_fetched(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    doc = document_from_text("https://example.com/article", fmt="html")
    assert doc.text == "https://example.com/article"


def test_fallback_walk_when_trafilatura_finds_nothing(monkeypatch):
    import reader.documents.html_reader as html_reader

    monkeypatch.setattr(html_reader, "_main_content", lambda tree: None)
    doc = load_document(DATA / "page.html")
    assert_consistent(doc)
    assert block_texts(doc, "heading")[0] == "Port strike spreads to the north"
    assert "Storm closes" not in doc.text and "Copyright" not in doc.text and "ANALYTICS" not in doc.text
    assert "A pay rise in line with inflation." in block_texts(doc, "list_item")
    assert any("main text could not be told apart" in w for w in doc.warnings)


def test_title_is_not_repeated_when_the_text_opens_with_it():
    html = (
        "<html><head><title>Port strike spreads</title></head><body><article><h2>Port strike spreads</h2>"
        "<p>Dock workers in three more ports walked out on Tuesday, widening a strike that began last week.</p>"
        "</article></body></html>"
    )
    doc = document_from_text(html, fmt="html")
    assert doc.text.count("Port strike spreads") == 1


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a title</title><script>var a = 1;</script></head><body></body></html>",
        "<html><body><script>document.write('x')</script><style>p {}</style></body></html>",
        "<!-- just a comment -->",
    ],
)
def test_html_without_text_is_an_error(html):
    with pytest.raises(DocumentError, match="no readable text in this HTML file"):
        document_from_text(html, fmt="html")


def test_no_date_is_invented():
    html = (
        "<html><head><title>Quiet day</title></head><body><article>"
        "<p>Nothing happened at the border crossing on Wednesday, according to the local police chief.</p>"
        "</article><footer>© 2023 Example</footer></body></html>"
    )
    doc = document_from_text(html, fmt="html")
    assert doc.published is None
    assert doc.published_origin == "none"
