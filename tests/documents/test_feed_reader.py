"""Feeds: each entry a briefing with title, link and date; bad feeds get one message."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from file_makers import write_feed

from reader.cli import main
from reader.documents import feed_reader, load_document, load_documents
from reader.errors import DocumentError

WHEN = dt.datetime(2025, 5, 22, 9, 0, tzinfo=dt.UTC)
ENTRIES = [
    ("Istanbul talks", "https://monitor.example/1", ["Putin sent a delegation to Istanbul on 15 May."], WHEN),
    ("Grain deal", "https://monitor.example/2", ["Turkey brokered the Black Sea Grain deal in July 2022."], WHEN - dt.timedelta(days=2)),
]


@pytest.mark.parametrize(("kind", "suffix"), [("rss", ".rss"), ("atom", ".atom"), ("rss", ".xml")])
def test_each_entry_is_a_briefing(tmp_path, kind, suffix):
    documents = load_documents(write_feed(tmp_path / f"feed{suffix}", ENTRIES, kind=kind))
    assert [(d.title, d.part, d.published, d.published_origin) for d in documents] == [
        ("Istanbul talks", "https://monitor.example/1", dt.date(2025, 5, 22), "feed"),
        ("Grain deal", "https://monitor.example/2", dt.date(2025, 5, 20), "feed"),
    ]
    assert documents[0].text == "Putin sent a delegation to Istanbul on 15 May."
    assert all(d.source == "Monitor feed" and d.format == "feed" for d in documents)


def test_the_window_shows_the_first_entry_and_says_there_are_more(tmp_path):
    document = load_document(write_feed(tmp_path / "feed.rss", ENTRIES))
    assert document.title == "Istanbul talks"
    assert any("holds 2 briefings" in w for w in document.warnings)


def test_analyze_jsonl_prints_one_analysis_per_entry(tmp_path, capsys, engine):
    path = write_feed(tmp_path / "feed.rss", ENTRIES)
    assert main(["analyze", str(path), "--jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    analyses = [json.loads(line) for line in lines]
    assert [a["document"]["title"] for a in analyses] == ["Istanbul talks", "Grain deal"]
    assert analyses[0]["document"]["part"] == "https://monitor.example/1"
    assert any(d["value"] == "2025-05-15" for d in analyses[0]["dates"])  # resolved against the entry's date


def test_thousands_of_entries_are_refused_whole(tmp_path, monkeypatch):
    many = [(f"Entry {i}", f"https://monitor.example/{i}", [f"Text {i} about Ankara."], WHEN) for i in range(feed_reader.MAX_ENTRIES + 1)]
    path = write_feed(tmp_path / "archive.rss", many)
    with pytest.raises(DocumentError, match=r"holds 501 entries, more than the 500.*nothing was read"):
        load_documents(path)


def test_entries_without_text_are_left_out_and_said(tmp_path):
    path = tmp_path / "links.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title>'
        "<item><title>Only a link</title><link>https://x.example/a</link></item>"
        "<item><title>Text</title><link>https://x.example/b</link><description>Erdoğan spoke in Ankara.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (document,) = load_documents(path)
    assert document.title == "Text" and any("1 entry of the feed held no text" in w for w in document.warnings)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "no entries"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item>', "no text|malformed"),
        ('<?xml version="1.0"?><rss><channel><title>Only links</title><item><link>https://x</link></item></channel></rss>', "no text"),
    ],
)
def test_bad_feeds_get_one_message(tmp_path, content, match):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=match) as info:
        load_documents(path)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


def test_an_entity_bomb_does_not_expand(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 9))
    path = tmp_path / "bomb.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&l8;</title><description>Putin spoke.</description></item></channel></rss>',
        encoding="utf-8",
    )
    try:
        documents = load_documents(path)
    except DocumentError:
        return  # refused as malformed: fine too
    assert all(len(d.title) < 10_000 and len(d.text) < 10_000 for d in documents)
