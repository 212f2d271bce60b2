"""A search is bounded in terms and length, with a clear message (issue 12, item 8)."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.model import Document
from reader.store import StoreError
from reader.store.fts_query import MAX_CHARS, MAX_TERMS, check_query, fts_queries


def test_a_pasted_wall_of_words_is_refused_with_the_limit(library):
    library.add_document(Document(text="Talks in Istanbul between the delegations.", source="a.txt"))
    with pytest.raises(StoreError, match=f"1700 words; at most {MAX_TERMS}"):
        library.search(" ".join(["talks"] * 1700))
    with pytest.raises(StoreError, match=f"at most {MAX_CHARS}"):
        library.search("x" * (MAX_CHARS + 1))
    assert library.search(" ".join(["talks"] * MAX_TERMS))  # up to the limit it simply works


def test_a_quoted_passage_counts_as_one_term():
    passage = '"' + " ".join(f"word{i}" for i in range(40)) + '"'
    check_query(passage)  # one phrase, however many words
    check_query(" OR ".join(f"w{i}" for i in range(MAX_TERMS)))  # operators are not terms
    with pytest.raises(StoreError):
        check_query(" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))


def test_repeated_words_are_searched_once():
    assert fts_queries("talks talks Istanbul talks") == ['"talks" "Istanbul"']


def test_the_cli_says_it_in_one_line(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["search", " ".join(["word"] * 1700), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "at most" in err
