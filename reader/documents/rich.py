"""Dispatch for the formats that are not plain text: PDF, Word, e-mail (.eml, .msg) and feeds.

Each reader returns `Part`s; here they get the steps every briefing gets (web furniture cut
from the ends, the dateline, the user's date) and become `Document`s. A mail's attachments
that are briefings themselves are read by the same readers (`read_attachment`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.documents.parts import Part, finish
from reader.errors import DocumentError
from reader.model import Document

#: Attachments read as briefings of their own, by file name suffix.
ATTACHMENT_FORMATS = {".pdf": "pdf", ".docx": "docx"}


def read_rich(path: Path, fmt: str, published: dt.date | None = None) -> list[Document]:
    """Every briefing in the file at `path` of format `fmt`; DocumentError says why not."""
    if fmt == "pdf":
        from reader.documents.pdf_reader import read_pdf

        parts = [read_pdf(path)]
    elif fmt == "docx":
        from reader.documents.docx_reader import read_docx

        parts = [read_docx(path)]
    elif fmt == "eml":
        from reader.documents.mail_reader import read_eml

        parts = read_eml(path)
    elif fmt == "msg":
        from reader.documents.msg_reader import read_msg

        parts = read_msg(path)
    elif fmt == "feed":
        from reader.documents.feed_reader import read_feed

        parts = read_feed(path)
    else:
        raise DocumentError(f"unknown format {fmt!r}")
    documents = []
    for part in parts:
        _trim(part)
        if not part.text.strip():
            continue
        part.source = part.source or str(path)
        documents.append(finish(part, published))
    if not documents:
        raise DocumentError("no readable text in this file")
    return documents


def read_attachment(name: str, data: bytes) -> Part:
    """An attached PDF or Word file as a Part of its own (the caller names it after the mail)."""
    import tempfile

    fmt = ATTACHMENT_FORMATS[Path(name).suffix.lower()]
    # The readers work on files (PDFium reads from disk, so memory stays bounded): a private copy.
    with tempfile.TemporaryDirectory(prefix="briefing-attachment-") as folder:
        copy = Path(folder) / f"attachment{Path(name).suffix.lower()}"
        copy.write_bytes(data)
        if fmt == "pdf":
            from reader.documents.pdf_reader import read_pdf

            return read_pdf(copy)
        from reader.documents.docx_reader import read_docx

        return read_docx(copy)


def _trim(part: Part) -> None:
    """Web furniture ("Short link:", "Share this") at either end goes, as for HTML and Markdown."""
    from reader.documents.loader import _trim_furniture

    _trim_furniture(part)  # same fields as the loader's own parsed result
