"""Turn files into `Document`s: one plain text plus its structure and metadata."""

from reader.documents.from_text import document_from_text
from reader.documents.loader import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, load_document, load_documents

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "document_from_text", "load_document", "load_documents"]
