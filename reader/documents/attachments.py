"""PDF and Word files attached to a mail, read as briefings of their own."""

from __future__ import annotations

from pathlib import Path

from reader.documents.parts import Part

#: Attachments read as briefings of their own, by file name suffix.
ATTACHMENT_FORMATS = {".pdf": "pdf", ".docx": "docx"}


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
