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


def _trim(part: Part) -> None:
    """Web furniture ("Short link:", "Share this") at either end goes, as for HTML and Markdown."""
    from reader.documents.from_text import trim_furniture

    trim_furniture(part)  # same fields as the loader's own parsed result
