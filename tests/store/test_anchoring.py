from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.anchoring import ANCHORED, CONTEXT_CHARS, MOVED, ORPHANED, find_quote, make_anchor, reanchor

# A small alphabet makes repeated quotes (and so ambiguous anchors) common.
TEXT = st.text(alphabet="ab .\n", max_size=120)
QUOTE = st.text(alphabet="ab .\n", min_size=1, max_size=12)
#: Long enough to leave room outside the context window for the edit.
LONG = st.text(alphabet="ab .\n", min_size=CONTEXT_CHARS + 1, max_size=150)


def test_anchor_keeps_quote_and_context():
    text = "The talks opened in Istanbul on Thursday after a delay."
    start = text.index("Istanbul")
    anchor = make_anchor(text, start, start + len("Istanbul"), context=10)
    assert anchor.quote == "Istanbul"
    assert anchor.prefix == "opened in "
    assert anchor.suffix == " on Thursd"
    assert reanchor(text, anchor).status == ANCHORED


def test_invalid_ranges_are_refused():
    for start, end in [(3, 3), (-1, 2), (2, 1), (0, 99)]:
        try:
            make_anchor("abcdef", start, end)
        except ValueError:
            continue
        raise AssertionError(f"{start}-{end} accepted")


def test_context_chooses_between_repeated_quotes():
    text = "Russia said no. Later, in Istanbul, Russia said yes."
    second = text.index("Russia", 5)
    anchor = make_anchor(text, second, second + 6)
    edited = "Preface. " + text.replace("Later, ", "")
    result = reanchor(edited, anchor)
    assert result.status == MOVED
    assert result.anchor.start == edited.index("Russia", 15)


def test_find_quote_occurrences():
    assert find_quote("a b a b", "a", 2) == (4, 5)
    assert find_quote("a b", "c") is None
    assert find_quote("a b", "a", 3) is None


@settings(max_examples=300, deadline=None)
@given(before=TEXT, quote=QUOTE, after=TEXT, insert=st.text(alphabet="ab .\nxyz", min_size=1, max_size=40), data=st.data())
def test_insertions_away_from_the_quote_keep_the_anchor(before, quote, after, insert, data):
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    anchor = make_anchor(text, start, end)
    window_start, window_end = start - len(anchor.prefix), end + len(anchor.suffix)
    at = data.draw(st.sampled_from([p for p in range(len(text) + 1) if p <= window_start or p >= window_end]))
    edited = text[:at] + insert + text[at:]
    expected = start + (len(insert) if at <= window_start else 0)
    result = reanchor(edited, anchor)
    assert result.status != ORPHANED
    assert edited[result.anchor.start : result.anchor.end] == quote
    window = anchor.prefix + quote + anchor.suffix
    if edited.count(window) == 1 and not _overlapping_repeat(edited, window):
        assert result.anchor.start == expected


@settings(max_examples=300, deadline=None)
@given(before=LONG, quote=QUOTE, after=LONG, data=st.data())
def test_deletions_away_from_the_quote_keep_the_anchor(before, quote, after, data):
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    anchor = make_anchor(text, start, end)
    window_start, window_end = start - len(anchor.prefix), end + len(anchor.suffix)
    side = data.draw(st.sampled_from(["before", "after"]))
    if side == "before":
        a = data.draw(st.integers(0, window_start - 1))
        b = data.draw(st.integers(a + 1, window_start))
    else:
        a = data.draw(st.integers(window_end, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
    edited = text[:a] + text[b:]
    expected = start - (b - a) if side == "before" else start
    result = reanchor(edited, anchor)
    assert result.status != ORPHANED
    assert edited[result.anchor.start : result.anchor.end] == quote
    window = anchor.prefix + quote + anchor.suffix
    if edited.count(window) == 1 and not _overlapping_repeat(edited, window):
        assert result.anchor.start == expected


@settings(max_examples=300, deadline=None)
@given(before=TEXT, quote=QUOTE, after=TEXT, data=st.data())
def test_deleting_the_quote_orphans_the_note_and_keeps_it(before, quote, after, data):
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    anchor = make_anchor(text, start, end)
    a = data.draw(st.integers(max(0, start - 5), start))
    b = data.draw(st.integers(end, min(len(text), end + 5)))
    edited = text[:a] + text[b:]
    result = reanchor(edited, anchor)
    if quote in edited:
        assert edited[result.anchor.start : result.anchor.end] == quote
    else:
        assert result.status == ORPHANED
        assert result.anchor == anchor  # the quote and its context are kept, never dropped


@given(text=st.text(min_size=1, max_size=200), data=st.data())
def test_unedited_text_anchors_in_place(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    anchor = make_anchor(text, start, end)
    assert len(anchor.prefix) <= CONTEXT_CHARS and len(anchor.suffix) <= CONTEXT_CHARS
    assert reanchor(text, anchor).anchor == anchor


def _overlapping_repeat(text: str, window: str) -> bool:
    """str.count misses overlapping repeats ("aaa" holds "aa" twice)."""
    first = text.find(window)
    return first >= 0 and text.find(window, first + 1) >= 0


WORDS = st.lists(st.sampled_from(["Ankara", "talks", "the", "said", "Kyiv", "on", "May", "."]), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(words=WORDS, data=st.data())
def test_library_never_drops_a_note_over_any_edit(words, data):
    """Through the library: whatever the re-import does to the text, the note is still listed."""
    from reader.model import Document
    from reader.store import Library

    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 20)))
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    insert = " ".join(data.draw(WORDS))
    edited = text[:a] + insert + text[b:]
    lib = Library.in_memory()
    try:
        bid = lib.add_document(Document(text=text))
        note = lib.add_note(bid, "keep me", start=start, end=end)
        lib.update_document(bid, Document(text=edited))
        (again,) = lib.notes_for(bid)
        assert again.id == note.id and again.body == "keep me"
        assert again.anchor.quote == text[start:end]
        if again.orphaned:
            assert text[start:end] not in edited
        else:
            assert edited[again.anchor.start : again.anchor.end] == text[start:end]
    finally:
        lib.close()
