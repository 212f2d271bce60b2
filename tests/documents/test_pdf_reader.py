"""PDF: reading order, furniture, hyphenation, paragraphs and pages; scans, passwords, damage, size."""

from __future__ import annotations

import pytest
from doc_checks import assert_consistent
from file_makers import (
    FOOTER,
    HEADER,
    write_encrypted_pdf,
    write_image_only_pdf,
    write_lines_pdf,
    write_report_pdf,
)

from reader.documents import load_document, pdf_reader
from reader.errors import DocumentError

PARAGRAPHS = [
    f"Paragraph {i}: Turkish mediators met the Russian and Ukrainian delegations in Istanbul, "
    "where they discussed a ceasefire, an exchange of prisoners and the safety of shipping in the Black Sea. "
    "Both sides said they would report back to their capitals before the next round."
    for i in range(1, 31)
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = write_report_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf", PARAGRAPHS, heading="Talks in Istanbul", title="Meta title")
    return load_document(path)


def test_two_columns_read_in_order_as_paragraphs(report):
    paragraphs = [report.text[b.start : b.end] for b in report.blocks if b.kind == "paragraph"]
    assert paragraphs == PARAGRAPHS
    assert_consistent(report)


def test_heading_and_title(report):
    headings = [report.text[b.start : b.end] for b in report.blocks if b.kind == "heading"]
    assert headings == ["Talks in Istanbul"]
    assert report.title == "Meta title"  # the document properties name it


def test_running_header_footer_and_page_numbers_are_gone(report):
    assert HEADER not in report.text and FOOTER not in report.text
    assert "Page " not in report.text
    assert any("running headers" in w for w in report.warnings)


def test_pages_are_ranges_of_the_text(report):
    pages = [b for b in report.blocks if b.kind == "page"]
    assert [b.level for b in pages] == list(range(1, len(pages) + 1)) and len(pages) >= 3
    assert all(a.end <= b.start for a, b in zip(pages, pages[1:], strict=False))
    last = report.text.index("Paragraph 30:")
    assert report.page_at(last) == pages[-1].level
    assert report.page_at(0) == 1


def test_hyphenated_words_are_joined_and_real_hyphens_kept(tmp_path):
    path = write_lines_pdf(
        tmp_path / "lines.pdf",
        [
            [
                "The negoti-",
                "ations between the Russian-",
                "Ukrainian delegations and the well-",
                "known mediators went on. The well-known",
                "facts stayed the same.",
            ]
        ],
    )
    text = load_document(path).text
    assert "negotiations between the Russian-Ukrainian delegations" in text
    assert "the well-known mediators" in text  # "well-known" is written whole elsewhere: its hyphen is real


def test_a_page_break_keeps_the_sentence_and_says_which_page(tmp_path):
    path = write_lines_pdf(
        tmp_path / "pages.pdf",
        [["First page says the talks were", "held in Istanbul on 15 May and"], ["went on until late.", ""], ["Third page."]],
    )
    document = load_document(path)
    assert "held in Istanbul on 15 May and went on until late." in document.text
    assert document.page_at(document.text.index("Third")) == 3
    assert document.page_at(document.text.index("went")) == 2


def test_a_scan_without_text_layer_gets_one_message(tmp_path):
    with pytest.raises(DocumentError, match=r"no text layer .*OCR"):
        load_document(write_image_only_pdf(tmp_path / "scan.pdf"))


def test_a_password_protected_pdf_gets_one_message(tmp_path):
    with pytest.raises(DocumentError, match="protected by a password"):
        load_document(write_encrypted_pdf(tmp_path / "secret.pdf"))


def test_a_damaged_pdf_gets_one_message(tmp_path):
    good = write_report_pdf(tmp_path / "good.pdf", PARAGRAPHS[:3]).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good[:200])
    with pytest.raises(DocumentError, match="damaged") as info:
        load_document(broken)
    assert str(info.value).startswith(str(broken)) and "\n" not in str(info.value)


def test_too_many_pages_are_refused_before_any_page_is_read(tmp_path, monkeypatch):
    path = write_lines_pdf(tmp_path / "huge.pdf", [[f"Page body {i}."] for i in range(pdf_reader.MAX_PAGES * 4)])
    monkeypatch.setattr(pdf_reader, "_read_page", lambda *a: pytest.fail("a page was read"))
    with pytest.raises(DocumentError, match=r"2,000 pages, more than the 500"):
        load_document(path)


def test_a_pdf_named_txt_is_read_as_pdf_with_a_warning(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(write_report_pdf(tmp_path / "r.pdf", PARAGRAPHS).read_bytes())
    document = load_document(path)
    assert document.format == "pdf" and document.text.startswith("Paragraph 1:")
    assert any("named .txt but is a PDF document" in w for w in document.warnings)


def test_the_report_says_on_which_page_an_event_is(tmp_path, engine):
    from reader.report import markdown_report, text_report

    path = write_lines_pdf(
        tmp_path / "two.pdf",
        [["Briefing on the talks."], ["Putin met Erdoğan in Ankara on 11 May 2025."]],
    )
    analysis = engine.analyze(load_document(path))
    assert analysis.events and all(analysis.document.page_at(e.start) == 2 for e in analysis.events)
    assert "(p. 2)" in text_report(analysis) and "(p. 2)" in markdown_report(analysis)


def test_lines_with_other_than_ascii_are_cleaned_like_the_others(tmp_path):
    """Printable ASCII lines take a short way in `_read_page`; the rest go through `_clean_line`."""
    path = write_lines_pdf(
        tmp_path / "accents.pdf",
        [["Talks with Erdoğan on the negoti\u00ad", "ations held  with  “care”.", "Menemencioğlu-", "Ankara route."]],
    )
    text = load_document(path).text
    assert "Talks with Erdoğan on the negotiations held with “care”." in text  # soft hyphen joined, spaces collapsed
    assert "Menemencioğlu-Ankara route." in text  # a hyphen before a capital is kept


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one line",
        "  First line  \r\nSecond\r\n\r\n   \r\nThird\r\n",
        "lone\rcarriage return\r\nand\nlone line feed\n",
        "\r\n\r\nlate start\x0bwith a vertical tab\u00a0and NBSP \u2028 inside\r\n\t tabbed \t",
        "\u3000ideographic space\u3000\r\nend",
        "no space around\r\nany line\r\nof this page",
    ],
)
def test_line_segments_find_the_lines_the_pattern_finds(text):
    """`_segments` + strip, and `_line_spans`, must give each line and its ends exactly as `_LINE.finditer` would."""
    segments, step = pdf_reader._segments(text)
    found, start = [], 0
    for segment in segments:
        if segment.strip():
            found.append((start + segment.index(segment.strip()), segment.strip()))
        start += len(segment) + step
    assert found == [(m.start(), m.group()) for m in pdf_reader._LINE.finditer(text)]
    assert start - step == len(text)
    texts, firsts, lasts = pdf_reader._line_spans(text)
    assert list(zip(texts, firsts, lasts, strict=True)) == [(m.group(), m.start(), m.end() - 1) for m in pdf_reader._LINE.finditer(text)]


@pytest.mark.parametrize(
    "text", ["", "Plain line\r\nand another", "tab\there", "Erdoğan", "bell\x07", "del\x7f", "lone\rbreak\n", "~ !"]
)
def test_printable_ascii_is_isprintable_but_for_line_ends(text):
    expected = text.isascii() and text.replace("\r", "").replace("\n", "").isprintable()
    assert pdf_reader._printable_ascii(text) == expected


def test_page_text_is_pypdfium2s_text_range(tmp_path):
    """`_page_text` reads through the C API what `PdfTextPage.get_text_range()` gives."""
    import pypdfium2 as pdfium

    paths = [
        write_report_pdf(tmp_path / "report.pdf", PARAGRAPHS[:12], heading="Talks in Istanbul"),
        write_lines_pdf(tmp_path / "lines.pdf", [["Talks with Erdoğan on the negoti\u00ad", "ations  “held”."], [], ["Third page."]]),
    ]
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                assert pdf_reader._page_text(textpage.raw) == textpage.get_text_range()
                textpage.close()
                page.close()
        finally:
            pdf.close()
