"""The briefing's text as a QTextDocument whose positions are ``Document.text`` offsets.

``Document.text`` is inserted as it is (each "\\n" becomes a block break that still counts as
one position; characters outside the BMP are handled by ``OffsetMap``); block and character
formats for headings, lists, quotes, emphasis and links are then applied at the same offsets.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from reader.model import Document
from reader.ui.offsets import OffsetMap

LIST_MARKERS = ("-", "*", "+", "•", "–", "—")


def build_text_document(
    document: Document, offsets: OffsetMap, font: QFont, palette: QPalette, parent=None
) -> QTextDocument:
    """A QTextDocument whose positions are ``document.text`` offsets, formatted from blocks and marks."""
    doc = QTextDocument(parent)
    doc.setDefaultFont(font)
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(8)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.insertText(document.text)
    body = QTextBlockFormat()
    body.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(body)
    _shrink_blank_lines(doc)
    length = doc.characterCount() - 1

    def span(start: int, end: int) -> QTextCursor:
        c = QTextCursor(doc)
        c.setPosition(min(offsets.to_qt(start), length))
        c.setPosition(min(offsets.to_qt(end), length), QTextCursor.MoveMode.KeepAnchor)
        return c

    current_list = None
    for block in sorted(document.blocks, key=lambda b: b.start):
        kind = block.kind.lower()
        c = span(block.start, block.end)
        if kind in ("heading", "title", "h"):
            _format_heading(c, block.level or 1)
        elif kind in ("quote", "blockquote"):
            fmt = QTextBlockFormat()
            fmt.setLeftMargin(28 * max(1, block.level))
            fmt.setRightMargin(16)
            c.mergeBlockFormat(fmt)
            char = QTextCharFormat()
            char.setFontItalic(True)
            char.setForeground(palette.color(QPalette.ColorRole.Text))
            c.mergeCharFormat(char)
        elif kind in ("code", "code_block", "pre", "fence"):
            fmt = QTextBlockFormat()
            fmt.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
            fmt.setLeftMargin(16)
            fmt.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            c.mergeBlockFormat(fmt)
            char = QTextCharFormat()
            char.setFontFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
            c.mergeCharFormat(char)
        elif "item" in kind or "list" in kind or kind in ("bullet", "li"):
            text = c.selectedText().lstrip()
            fmt = QTextBlockFormat()
            fmt.setBottomMargin(2)
            c.mergeBlockFormat(fmt)
            if text.startswith(LIST_MARKERS) or text[:3].rstrip(".)").isdigit():
                fmt.setLeftMargin(24 * max(1, block.level))
                c.mergeBlockFormat(fmt)
                current_list = None
                continue
            ordered = "ordered" in kind or "number" in kind
            if current_list is not None and _follows(current_list, c):
                current_list.add(c.block())
            else:
                list_format = QTextListFormat()
                list_format.setStyle(
                    QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
                )
                list_format.setIndent(max(1, block.level))
                current_list = c.createList(list_format)
            continue
        current_list = None

    for mark in document.marks:
        c = span(mark.start, mark.end)
        char = QTextCharFormat()
        kind = mark.kind.lower()
        if kind in ("em", "emphasis", "italic", "i"):
            char.setFontItalic(True)
        elif kind in ("strong", "bold", "b"):
            char.setFontWeight(QFont.Weight.Bold)
        elif kind in ("code", "kbd"):
            char.setFontFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
            char.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
        elif kind in ("link", "a") and mark.href:
            char.setAnchor(True)
            char.setAnchorHref(mark.href)
            char.setForeground(palette.color(QPalette.ColorRole.Link))
            char.setFontUnderline(True)
            char.setToolTip(mark.href)
        elif kind in ("del", "strike", "s"):
            char.setFontStrikeOut(True)
        else:
            continue
        c.mergeCharFormat(char)
    cursor.endEditBlock()
    doc.setModified(False)
    return doc


def _format_heading(cursor: QTextCursor, level: int) -> None:
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(level)
    fmt.setTopMargin(10 if level <= 2 else 6)
    fmt.setBottomMargin(4)
    fmt.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(fmt)
    char = QTextCharFormat()
    char.setFontWeight(QFont.Weight.Bold)
    char.setProperty(QTextFormat.Property.FontSizeAdjustment, {1: 3, 2: 2, 3: 1}.get(level, 0))
    cursor.mergeCharFormat(char)


def _shrink_blank_lines(doc: QTextDocument) -> None:
    """Blank lines between paragraphs become smaller gaps instead of full empty lines.

    Done with a smaller font on the empty block, not a line height under 100 %: Qt then
    disagrees with itself about where the following lines are (hit tests land a line off).
    """
    fmt = QTextCharFormat()
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -2)
    block = doc.begin()
    while block.isValid():
        if not block.text().strip():
            c = QTextCursor(block)
            c.mergeBlockCharFormat(fmt)
        block = block.next()


def _follows(text_list, cursor: QTextCursor) -> bool:
    """Whether the block at ``cursor`` continues ``text_list`` (only blank lines between)."""
    last = text_list.item(text_list.count() - 1)
    block = last.next()
    while block.isValid() and block != cursor.block():
        if block.text().strip():
            return False
        block = block.next()
    return block.isValid()
