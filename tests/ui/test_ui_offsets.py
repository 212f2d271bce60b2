"""Python offsets and Qt (UTF-16) positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.offsets import OffsetMap, find_spans


def test_identity_for_bmp_text():
    m = OffsetMap("plain text, accents é and ünïcode")
    assert m.identity
    assert m.to_qt(7) == 7 and m.to_py(7) == 7


def test_astral_characters_take_two_qt_positions():
    text = "a🙂b🙂c"
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.to_py(p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert m.qt_length() == len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from(["a", "é", "\n", "🙂", "𝔘", " "]), max_size=40))
def test_round_trip(text):
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        assert m.to_py(m.to_qt(i)) == i
        assert m.to_qt(i) == len(text[:i].encode("utf-16-le")) // 2


def test_find_spans_returns_every_span_holding_the_offset():
    spans = [(0, 5, "a"), (3, 9, "b"), (10, 12, "c")]
    assert find_spans(spans, 4) == ["a", "b"]
    assert find_spans(spans, 5) == ["b"]
    assert find_spans(spans, 9) == []
    assert find_spans(spans, 11) == ["c"]
    assert find_spans([], 3) == []
