"""Markdown briefings (CommonMark plus tables, strikethrough and footnotes) reduced to plain text with blocks and marks.

No markup character survives into the text: headings lose their `#`, emphasis its stars,
links their brackets and URL (kept as the link mark's href), list items their bullets.
Footnote references are dropped; footnote texts become paragraphs at the end.
YAML front matter (between `---` lines at the very top) gives title, source and date.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.documents.builder import TextBuilder
from reader.documents.metadata import parse_date
from reader.model import Block, Mark

_FRONT_MATTER = re.compile(r"\A---[ ]*\n(?P<body>.*?)(?:\n|^)(?:---|\.\.\.)[ ]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
#: Front matter starts with a "key:" line (after optional comments or blank lines).
_KEY_LINE = re.compile(r"\A(?:\s*#[^\n]*\n|\s*\n)*\s*[\w\"'][\w \"'.-]*:(?:\s|$)")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "publisher", "publication", "site", "site_name", "outlet", "url", "link")
_DATE_KEYS = ("published", "date", "pubdate", "publication_date", "published_at", "date_published", "created")

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_MARKS = {"em_open": "em", "strong_open": "strong"}


@dataclass
class MarkdownResult:
    text: str
    blocks: list[Block]
    marks: list[Mark]
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@cache
def _parser() -> MarkdownIt:
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").use(footnote_plugin)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """(metadata, Markdown body, warnings) for a text that may open with YAML front matter."""
    m = _FRONT_MATTER.match(text)
    if not m or not _KEY_LINE.match(m["body"]):
        return {}, text, []  # "---" then prose is a thematic break, not front matter
    import yaml

    try:
        data = yaml.safe_load(m["body"])
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        return {}, text[m.end() :], [f"the front matter is not valid YAML{line}; it was ignored"]
    if not isinstance(data, dict):
        return {}, text, []
    return {str(k).lower(): v for k, v in data.items()}, text[m.end() :], []


def front_matter_fields(meta: dict[str, Any]) -> tuple[str, str, Any]:
    """Title, source and raw date value from front matter, each empty when absent."""

    def first(keys: tuple[str, ...]) -> Any:
        return next((meta[k] for k in keys if meta.get(k) not in (None, "")), None)

    title, source, date = first(_TITLE_KEYS), first(_SOURCE_KEYS), first(_DATE_KEYS)
    return (str(title).strip() if title else ""), (str(source).strip() if source else ""), date


def read_markdown(text: str) -> MarkdownResult:
    meta, body, warnings = split_front_matter(text)
    builder = TextBuilder()
    tokens = _parser().parse(body)
    _walk_blocks(tokens, builder)
    plain, blocks, marks = builder.finish()
    result = MarkdownResult(plain, blocks, marks, meta, warnings)
    _, _, raw_date = front_matter_fields(meta)
    if raw_date is not None and parse_date(raw_date) is None:
        result.warnings.append(f"the front matter date {str(raw_date)!r} is not a full date; it was ignored")
    return result


def _walk_blocks(tokens: list[Token], builder: TextBuilder) -> None:
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            builder.open_block("heading", int(token.tag[1:]))
        elif kind in ("paragraph_open", "tr_open"):
            builder.open_block("paragraph")
        elif kind == "list_item_open":
            builder.open_block("list_item")
        elif kind == "blockquote_open":
            builder.open_block("blockquote")
        elif kind in ("heading_close", "paragraph_close", "tr_close", "list_item_close", "blockquote_close"):
            builder.close_block()
        elif kind in ("th_open", "td_open"):
            builder.separator("\t")
        elif kind == "inline":
            _walk_inline(token.children or [], builder)
        elif kind in ("fence", "code_block"):
            builder.open_block("code")
            builder.raw(textwrap.dedent(token.content).strip())
            builder.close_block()
        elif kind == "html_block":
            _html_block(token.content, builder)


def _walk_inline(children: list[Token], builder: TextBuilder) -> None:
    for child in children:
        kind = child.type
        if kind == "text":
            builder.text(child.content)
        elif kind == "softbreak":
            builder.text(" ")
        elif kind == "hardbreak":
            builder.line_break()
        elif kind == "code_inline":
            builder.open_mark("code")
            builder.text(child.content)
            builder.close_mark()
        elif kind in _INLINE_MARKS:
            builder.open_mark(_INLINE_MARKS[kind])
        elif kind == "link_open":
            builder.open_mark("link", str(child.attrs.get("href", "")) or None)
        elif kind in ("em_close", "strong_close", "link_close"):
            builder.close_mark()
        elif kind == "html_inline" and _BR.match(child.content):
            builder.line_break()
        # Images (their alt text is not article text), footnote references and other inline
        # HTML tags are left out; text between inline tags arrives as ordinary text tokens.


def _html_block(html: str, builder: TextBuilder) -> None:
    """Raw HTML inside Markdown: keep its text, drop tags, comments, scripts and styles."""
    if not html.strip() or html.lstrip().startswith("<!--"):
        return
    from reader.documents.html_reader import walk_html_fragment

    walk_html_fragment(html, builder)
