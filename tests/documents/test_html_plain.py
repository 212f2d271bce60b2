"""Deeply nested HTML degrades to plain text, never to nothing (issue 12, item 9)."""

from __future__ import annotations

import pytest

from reader.documents import load_document
from reader.documents.html_plain import WARNING, plain_text_of_html


def _nested(depth: int) -> str:
    body = "<p>Erdoğan met Zelensky in Istanbul on 15 May 2025.</p><script>var x = 1;</script><p>The talks went on.</p>"
    return f"<html><head><title>Deep page</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [300, 10_000])
def test_ten_thousand_nested_divs_keep_their_text(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(_nested(depth), encoding="utf-8")
    document = load_document(path)
    assert "Erdoğan met Zelensky in Istanbul on 15 May 2025." in document.text
    assert "The talks went on." in document.text and "var x" not in document.text
    assert WARNING in document.warnings
    assert document.title == "Deep page"


def test_a_shallow_page_keeps_its_structure(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_nested(3), encoding="utf-8")
    document = load_document(path)
    assert WARNING not in document.warnings and "The talks went on." in document.text


def test_the_flat_reader_splits_paragraphs_and_drops_unread_elements():
    text, blocks, title = plain_text_of_html(
        "<title>T</title><style>p{}</style><div>One <b>two</b></div><br>Three<ul><li>four</li></ul>"
    )
    assert text.split("\n\n") == ["One two", "Three", "four"] and title == "T"
    assert len(blocks) == 3
    assert plain_text_of_html("<div><script>only code</script></div>")[0] == ""
