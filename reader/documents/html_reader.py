"""HTML briefings: the main text of a saved web page, with its structure, fully offline.

The page is parsed once with lxml (no network: nothing is ever fetched, not even a
stylesheet). Title, source and publication date come from the page's metadata (Open Graph
and other <meta> tags, <title>, and htmldate's reading of the markup with its extensive
search off). The article body comes from trafilatura's XML output, which keeps headings,
paragraphs, lists, quotes, code and inline emphasis/links; when trafilatura finds nothing we
walk the page's <article>/<main>/<body> ourselves with navigation, scripts, styles, forms and
footers removed. trafilatura is imported here only, because importing it takes ~0.2 s.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from reader.documents.builder import TextBuilder
from reader.documents.metadata import parse_date
from reader.model import Block, Mark

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

#: Elements never read, in the page itself and in HTML embedded in Markdown.
_SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio img picture source "
    "nav header footer aside form button select option input textarea label head title meta link "
    "figure dialog menu".split()
)
_ARTICLE_TYPES = frozenset(("BlogPosting", "Report", "LiveBlogPosting", "WebPage"))
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKS = frozenset("p div section article main address dd dt figcaption caption summary details center".split())
_EM = frozenset("em i cite dfn var".split())
_STRONG = frozenset("strong b".split())
_CODE = frozenset("code kbd samp tt".split())

#: (meta attribute, value) pairs read in order for the title and the source.
_TITLE_META = (("property", "og:title"), ("name", "twitter:title"), ("name", "dc.title"), ("name", "title"))
_SOURCE_META = (
    ("property", "og:site_name"),
    ("name", "application-name"),
    ("name", "publisher"),
    ("name", "dc.publisher"),
    ("name", "citation_publisher"),
    ("name", "citation_journal_title"),
)


@dataclass
class HtmlResult:
    text: str
    blocks: list[Block]
    marks: list[Mark]
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


def parse_html(text: str) -> lxml_html.HtmlElement | None:
    """An lxml tree for the page, or None when there is no markup to read."""
    return _parse(text)[0]


def _parse(text: str) -> tuple[lxml_html.HtmlElement | None, bool]:
    """(tree, True when libxml2 cut the tree short at its nesting limit)."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None, False
    parser = lxml_html.HTMLParser(remove_comments=True, no_network=True)
    try:
        tree = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    return tree, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def read_html(text: str) -> HtmlResult:
    tree, cut_short = _parse(text)
    if cut_short:
        return _read_flat(text)
    if tree is None:
        return HtmlResult("", [], [])
    try:
        return _read_tree(tree)
    except RecursionError:  # nesting under libxml2's limit but beyond Python's
        return _read_flat(text)


def _read_flat(text: str) -> HtmlResult:
    """The page's text without its structure (see html_plain), with a warning saying so."""
    from reader.documents.html_plain import WARNING, plain_text_of_html

    plain, blocks, title = plain_text_of_html(text)
    return HtmlResult(plain, blocks, [], title=title, warnings=[WARNING] if plain else [])


def _read_tree(tree: lxml_html.HtmlElement) -> HtmlResult:
    title, source = _page_title_and_source(tree)
    published = _page_date(tree)
    builder = TextBuilder()
    main = _main_content(tree)
    warnings = []
    if main is None:
        warnings.append("the page's main text could not be told apart; all its visible text was kept")
    root, classify = (main, _classify_tei) if main is not None else (_fallback_root(tree), _classify_html)
    headings = root.xpath(".//head" if main is not None else ".//h1|.//h2|.//h3")
    has_headline = any(
        h.get("rend") == "h1" or h.tag == "h1" or " ".join("".join(h.itertext()).split()).lower() == title.lower()
        for h in headings[:3]
    )
    if title and not has_headline:
        _title_heading(builder, title)
    before = builder.length
    _walk_children(root, builder, classify)
    if builder.length == before:
        return HtmlResult("", [], [], title, source, published, warnings)  # a title alone is not a briefing
    plain, blocks, marks = builder.finish()
    if not title:
        first = next((b for b in blocks if b.kind == "heading"), None)
        title = plain[first.start : first.end] if first else ""
    return HtmlResult(plain, blocks, marks, title, source, published, warnings)


def walk_html_fragment(html: str, builder: TextBuilder) -> None:
    """Add the text of an HTML snippet (raw HTML inside Markdown) to `builder`."""
    try:
        nodes = lxml_html.fragments_fromstring(html, parser=lxml_html.HTMLParser(remove_comments=True, no_network=True))
    except (etree.ParserError, ValueError):
        return
    for node in nodes:
        if isinstance(node, str):
            builder.text(node)
        else:
            _walk(node, builder, _classify_html)


# -- metadata ----------------------------------------------------------------------------


def _meta(tree: lxml_html.HtmlElement, pairs: tuple[tuple[str, str], ...]) -> str:
    for attr, value in pairs:
        for el in tree.iter("meta"):
            if (el.get(attr) or "").strip().lower() == value:
                content = " ".join((el.get("content") or "").split())
                if content:
                    return content
    return ""


def _json_ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first schema.org Article-like object in the page's JSON-LD, or {}."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and (k.endswith("Article") or k in _ARTICLE_TYPES) for k in kinds):
                    return item
                stack.extend(v for k, v in item.items() if k == "@graph")
    return {}


def _publisher_name(article: dict[str, Any]) -> str:
    publisher = article.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    return " ".join(publisher.split()) if isinstance(publisher, str) else ""


def _page_title_and_source(tree: lxml_html.HtmlElement) -> tuple[str, str]:
    """The headline and the publication's name, from meta tags, JSON-LD, <title> and the URL."""
    article = _json_ld_article(tree)
    headline = article.get("headline")
    title = _meta(tree, _TITLE_META) or (" ".join(headline.split()) if isinstance(headline, str) else "")
    source = _meta(tree, _SOURCE_META) or _publisher_name(article)
    el = tree.find(".//title")
    page_title = " ".join(el.text_content().split()) if el is not None else ""
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = page_title.rpartition(sep)
        tail = tail.strip()
        short_tail = len(tail) <= len(head) and len(tail.split()) <= 5
        if found and head and tail and (tail.lower() == source.lower() or short_tail):
            # "Headline | Site": the part after the separator names the site.
            title = title or head.strip()
            source = source or tail
            break
    title = title or page_title
    if not source:
        url = _meta(tree, (("property", "og:url"),))
        if not url:
            links = (el.get("href", "") for el in tree.iter("link") if (el.get("rel") or "").lower() == "canonical")
            url = next(links, "")
        source = (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    return title, source


def _page_date(tree: lxml_html.HtmlElement) -> dt.date | None:
    """The original publication date from the markup; htmldate never fetches when given a tree."""
    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.ERROR)

    try:
        found = find_date(copy.deepcopy(tree), extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        found = None
    return parse_date(found) if found else None


# -- main content --------------------------------------------------------------------------


def _main_content(tree: lxml_html.HtmlElement) -> etree._Element | None:
    """trafilatura's <main> element for the page (TEI-like XML), or None when it finds nothing."""
    import trafilatura

    # Its warnings ("discarding data: None") are about its own heuristics, not the user's file;
    # left on, they would reach the CLI's stderr through logging's last-resort handler.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    xml = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="xml",
        include_formatting=True,
        include_links=True,
        include_tables=True,
        include_images=False,
        include_comments=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not xml:
        return None
    try:
        main = etree.fromstring(xml.encode("utf-8")).find("main")
    except etree.XMLSyntaxError:
        return None
    if main is None or not "".join(main.itertext()).strip():
        return None
    return main


def _fallback_root(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    for path in (".//article", ".//main", ".//*[@role='main']", ".//body"):
        found = tree.find(path) if not path.startswith(".//*[") else next(iter(tree.xpath(path)), None)
        if found is not None:
            return found
    return tree


def _title_heading(builder: TextBuilder, title: str) -> None:
    builder.open_block("heading", 1)
    builder.text(title)
    builder.close_block()


# -- walking -------------------------------------------------------------------------------

#: What to do with an element: ("block", kind, level), ("mark", kind, href), ("code",),
#: ("break",), ("cell",), ("inline",) or ("skip",).
Action = tuple[Any, ...]


def _classify_tei(el: etree._Element) -> Action:
    tag = el.tag
    if tag == "head":
        rend = el.get("rend") or ""
        return ("block", "heading", int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2)
    if tag == "p":
        return ("block", "paragraph", 0)
    if tag == "item":
        return ("block", "list_item", 0)
    if tag == "quote":
        return ("block", "blockquote", 0)
    if tag == "row":
        return ("block", "paragraph", 0)
    if tag == "cell":
        return ("cell",)
    if tag == "code":
        parent = el.getparent()
        inline = parent is not None and parent.tag in ("p", "item", "head", "cell", "hi", "ref", "quote") and (
            parent.tag != "quote" or bool((parent.text or "").strip())
        )
        return ("mark", "code", None) if inline else ("code",)
    if tag == "hi":
        rend = el.get("rend") or ""
        kind = {"#i": "em", "#b": "strong", "#t": "code"}.get(rend)
        return ("mark", kind, None) if kind else ("inline",)
    if tag == "ref":
        return ("mark", "link", el.get("target") or None)
    if tag == "lb":
        return ("break",)
    if tag in ("graphic", "comments", "fw", "note"):
        return ("skip",)
    return ("inline",)


def _classify_html(el: etree._Element) -> Action:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "header" and el.xpath(".//h1|.//h2"):
        return ("inline",)  # an article's own header holds its headline; its <nav>, if any, is skipped
    if not tag or tag in _SKIP or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return ("skip",)
    if tag in _HEADINGS:
        return ("block", "heading", _HEADINGS[tag])
    if tag in _BLOCKS or tag == "tr":
        return ("block", "paragraph", 0)
    if tag == "li":
        return ("block", "list_item", 0)
    if tag == "blockquote":
        return ("block", "blockquote", 0)
    if tag == "pre":
        return ("code",)
    if tag in ("td", "th"):
        return ("cell",)
    if tag in _EM:
        return ("mark", "em", None)
    if tag in _STRONG:
        return ("mark", "strong", None)
    if tag in _CODE:
        return ("mark", "code", None)
    if tag == "a":
        href = (el.get("href") or "").strip()
        return ("mark", "link", href) if href and not href.lower().startswith("javascript:") else ("inline",)
    if tag == "br":
        return ("break",)
    return ("inline",)


def _walk(el: etree._Element, builder: TextBuilder, classify: Callable[[etree._Element], Action]) -> None:
    if not isinstance(el.tag, str):
        builder.text(el.tail or "")
        return
    action = classify(el)
    what = action[0]
    if what == "block":
        builder.open_block(action[1], action[2])
        _walk_children(el, builder, classify)
        builder.close_block()
    elif what == "code":
        builder.open_block("code")
        builder.raw(textwrap.dedent("".join(el.itertext())).strip())
        builder.close_block()
    elif what == "mark":
        builder.open_mark(action[1], action[2])
        _walk_children(el, builder, classify)
        builder.close_mark()
    elif what == "break":
        builder.line_break()
    elif what == "cell":
        builder.separator("\t")
        _walk_children(el, builder, classify)
    elif what == "inline":
        _walk_children(el, builder, classify)
    builder.text(el.tail or "")


def _walk_children(el: etree._Element, builder: TextBuilder, classify: Callable[[etree._Element], Action]) -> None:
    builder.text(el.text or "")
    for child in el:
        _walk(child, builder, classify)
