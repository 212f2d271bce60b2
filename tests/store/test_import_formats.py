"""`briefing import` and the library take feeds and mail: one briefing per entry or attachment."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
from file_makers import newsletter_email, write_feed, write_report_pdf

from reader.cli import main

from .fakes import FakeEngine

WHEN = dt.datetime(2025, 5, 22, tzinfo=dt.UTC)


def test_a_feed_gives_one_briefing_per_entry_and_reimport_is_a_no_op(library, tmp_path):
    feed = write_feed(
        tmp_path / "feed.rss",
        [("One", "https://x.example/1", ["Erdoğan met Zelensky."], WHEN), ("Two", "https://x.example/2", ["Turkey and Russia talked."], WHEN)],
    )
    seen = []
    report = library.import_paths([feed], FakeEngine(), progress=lambda d, t, p: seen.append((d, t)))
    assert len(report.added) == 2 and seen[-1] == (2, 2)
    sources = sorted(library.get_briefing(i).document.source for i in report.added)
    assert sources == [f"{feed}#https://x.example/1", f"{feed}#https://x.example/2"]
    assert len(library.import_paths([feed], FakeEngine()).unchanged) == 2


def test_a_mail_and_its_attached_report_are_two_linked_briefings(library, tmp_path):
    pdf = write_report_pdf(tmp_path / "r.pdf", [f"Section {i}: Zelensky visited Turkey." for i in range(60)]).read_bytes()
    mail = tmp_path / "news.eml"
    mail.write_bytes(newsletter_email(["Erdoğan met Zelensky in Ankara."], "Weekly", attachments=[("report.pdf", pdf, "application/pdf")]))
    report = library.import_paths([mail], FakeEngine())
    briefings = [library.get_briefing(i).document for i in report.added]
    assert sorted(d.source for d in briefings) == [str(mail), f"{mail}#attachment: report.pdf"]
    pages = [b for b in next(d for d in briefings if d.format == "pdf").blocks if b.kind == "page"]
    assert pages  # page structure is kept by the library


def test_briefing_import_on_the_command_line(tmp_path, capsys):
    feed = write_feed(tmp_path / "feed.atom", [("One", "https://x.example/1", ["Erdoğan met Zelensky."], WHEN)], kind="atom")
    db = tmp_path / "cli.db"
    assert main(["import", "--db", str(db), "--quiet", str(feed)]) == 0
    assert main(["list", "--db", str(db)]) == 0
    assert "One" in capsys.readouterr().out
