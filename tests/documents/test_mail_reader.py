"""E-mail (.eml and Outlook .msg): article, sender, subject, date, attachments; nothing fetched."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from file_makers import newsletter_email, write_msg, write_report_pdf

from reader.documents import load_document, load_documents
from reader.errors import DocumentError

PARAGRAPHS = [
    "Erdoğan said on 11 May that Turkey was ready to host the talks in Istanbul.",
    "Putin sent a delegation to Istanbul instead of attending the talks in person.",
]
REPORT = [f"Section {i}: the Black Sea grain corridor stayed open through the talks in Istanbul." for i in range(90)]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("something tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_newsletter_article_subject_sender_and_date(tmp_path, no_network):
    path = tmp_path / "news.eml"
    path.write_bytes(newsletter_email(PARAGRAPHS, "Istanbul talks", date=dt.datetime(2025, 5, 22, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))))
    document = load_document(path)
    assert document.title == "Istanbul talks" and document.source == "Regional Security Monitor"
    assert (document.published, document.published_origin) == (dt.date(2025, 5, 22), "mail-header")  # as written, not UTC
    assert all(p in document.text for p in PARAGRAPHS)
    for furniture in ("Unsubscribe", "View in browser", "tracker.example", "logo"):
        assert furniture not in document.text


def test_attached_report_becomes_a_linked_briefing(tmp_path):
    pdf = write_report_pdf(tmp_path / "r.pdf", REPORT).read_bytes()
    path = tmp_path / "with-report.eml"
    path.write_bytes(newsletter_email(PARAGRAPHS, "Weekly", attachments=[("report.pdf", pdf, "application/pdf")]))
    mail, report = load_documents(path)
    assert report.part == "attachment: report.pdf" and report.format == "pdf"
    assert report.text.startswith("Section 0:")
    assert report.published == mail.published and any("attached to the mail “Weekly”" in w for w in report.warnings)


def test_an_unreadable_attachment_does_not_stop_the_mail(tmp_path):
    path = tmp_path / "bad-attachment.eml"
    path.write_bytes(newsletter_email(PARAGRAPHS, "Weekly", attachments=[("broken.pdf", b"%PDF-1.4 nothing", "application/pdf")]))
    (mail,) = load_documents(path)
    assert any("broken.pdf was not read" in w for w in mail.warnings)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"Just a line of text\nand another\n\nbody", "not an e-mail"),
        (
            b"From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\nContent-Type: image/png\n\n\x89PNG\n--zz--\n",
            "no readable text",
        ),
    ],
)
def test_malformed_mail_gets_one_message(tmp_path, data, match):
    path = tmp_path / "bad.eml"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=match) as info:
        load_document(path)
    assert "\n" not in str(info.value)


def test_deeply_nested_mime_is_refused(tmp_path):
    depth = 2000
    head = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    path = tmp_path / "nested.eml"
    path.write_text("From: a@b.example\nSubject: nest\n" + head + "Content-Type: text/plain\n\nHello Putin.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="MIME"):
        load_document(path)


def test_outlook_msg_reads_like_the_eml(tmp_path, no_network):
    pdf = write_report_pdf(tmp_path / "r.pdf", REPORT).read_bytes()
    html = "<html><head><title>Template</title></head><body>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</body></html>"
    path = write_msg(tmp_path / "news.msg", "Istanbul talks", "\n\n".join(PARAGRAPHS), html=html, attachments=[("report.pdf", pdf)])
    mail, report = load_documents(path)
    assert (mail.format, mail.title, mail.source) == ("msg", "Istanbul talks", "Regional Security Monitor")
    assert (mail.published, mail.published_origin) == (dt.date(2025, 5, 22), "mail-header")
    assert all(p in mail.text for p in PARAGRAPHS) and "Template" not in mail.text
    assert report.part == "attachment: report.pdf"


def test_a_damaged_msg_gets_one_message(tmp_path):
    good = write_msg(tmp_path / "good.msg", "S", "Body text about Putin.").read_bytes()
    broken = tmp_path / "broken.msg"
    broken.write_bytes(good[:700])
    with pytest.raises(DocumentError, match=r"damaged|not an Outlook"):
        load_document(broken)
