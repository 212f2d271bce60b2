"""A missing package is one clear line, never a traceback (issue 12, item 5)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.errors import DocumentError

ROOT = Path(__file__).resolve().parents[2]
PAGE = "<html><head><title>Talks</title></head><body><article><p>Erdoğan met Zelensky in Istanbul on 15 May 2025.</p></article></body></html>"

# pip 23 skipped lxml[html_clean] silently: lxml_html_clean absent, lxml.html.clean raising ImportError.
WITHOUT_HTML_CLEAN = textwrap.dedent(
    """
    import sys
    sys.modules["lxml_html_clean"] = None  # `import lxml_html_clean` now fails, as when it is not installed
    from reader.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_the_dependency_is_declared_directly():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lxml_html_clean' in text.split("[project.optional-dependencies]")[0]


def test_html_without_lxml_html_clean_is_one_line_and_other_files_go_on(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Ankara hosted the talks on Thursday.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_HTML_CLEAN, "import", str(page), str(plain), "--db", str(tmp_path / "l.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert "page.html: cannot read HTML" in proc.stderr and "pip install lxml_html_clean" in proc.stderr
    assert "1 added" in proc.stderr and "1 failed" in proc.stderr


def test_an_import_error_while_reading_becomes_a_document_error(tmp_path, monkeypatch):
    def broken(_text):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.", name="lxml.html.clean")

    monkeypatch.setattr("reader.documents.html_reader.read_html", broken)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(DocumentError, match="pip install lxml_html_clean"):
        load_document(page)


def test_the_window_says_what_is_missing_not_unexpected_error():
    from reader.ui.workers import _describe_unexpected

    message = _describe_unexpected("load", ImportError("No module named 'trafilatura'", name="trafilatura"))
    assert "Unexpected" not in message and "pip install trafilatura" in message



def test_a_missing_reader_for_pdf_or_word_is_one_line(tmp_path, monkeypatch):
    from file_makers import write_docx

    path = write_docx(tmp_path / "report.docx", ["A paragraph about Ankara and the talks."])

    def broken(path, fmt, published=None):
        raise ImportError("No module named 'docx'", name="docx")

    monkeypatch.setattr("reader.documents.rich.read_rich", broken)
    with pytest.raises(DocumentError, match=r"report\.docx: cannot read this docx file: .*pip install python-docx"):
        load_document(path)
