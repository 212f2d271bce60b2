"""Whatever text comes in, the structure stays consistent with the text that comes out."""

from doc_checks import assert_consistent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.documents import document_from_text
from reader.errors import DocumentError

_PIECES = st.sampled_from(
    [
        "Talks", "resumed", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u00ad", "é", "e\u0301",
        "# ", "## ", "- ", "* ", "1. ", "> ", "**", "*", "_", "`", "```\n", "[link](http://x.org)", "![img](a.png)",
        "<b>", "</b>", "<p>", "</p>", "<script>x</script>", "<br>", "<!-- c -->", "&amp;", "---\n", "title: T\n",
        "| a | b |\n|---|---|\n", "[^1]", "[^1]: note\n", "Published: 20 May 2025", "Skip to content\n", "Menu\n", "Short link:", "Share this", ".", "\x07",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, min_size=1, max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, fmt=st.sampled_from(["txt", "md", "html"]))
def test_offsets_always_slice_the_text(text, fmt):
    try:
        doc = document_from_text(text, fmt=fmt)
    except DocumentError:
        return
    assert_consistent(doc)
    assert "\r" not in doc.text and "\u200b" not in doc.text and "\x07" not in doc.text
    assert doc.published is None or doc.published_origin in ("front-matter", "html-meta", "dateline")
