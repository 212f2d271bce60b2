"""E-mail briefings (.eml): the newsletter's article, its sender, subject and date; nothing fetched.

Python's own `email` package (policy.default) parses the message. The article comes from the
HTML part through the same offline HTML reader as saved web pages (images, tracking pixels
and remote styles are never loaded: lxml parses with network access off and images are not
read at all), or from the plain-text part when there is no HTML or it says much less. The
subject is the title, the sender the source, the Date header the publication date.

Attached PDF and Word files become briefings of their own, each linked to the mail by its
`part` ("attachment: report.pdf") and a warning naming the mail. An attachment that cannot be
read does not stop the mail: the mail's warnings say why it was left out.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from reader.documents.parts import Part, _dateline, from_document
from reader.errors import DocumentError

#: More MIME parts than this is not a newsletter; walking them all would be unbounded work.
MAX_MIME_PARTS = 500
MAX_ATTACHMENTS = 20
#: Newsletter controls around the article: an element saying only these goes before reading.
_NEWSLETTER_CONTROLS = re.compile(
    r"^(?:[\s|·•/-]*(?:unsubscribe(?: here)?|view (?:this (?:e-?mail|newsletter|message) )?(?:in|on) (?:your |a |the )?(?:browser|web)|"
    r"(?:manage|update) (?:your )?(?:preferences|subscription|e-?mail settings)|forward (?:this )?to a friend|privacy policy|"
    r"having trouble viewing this e-?mail\??|click here)[\s|·•/.!-]*)+$",
    re.IGNORECASE,
)


def read_eml(path: Path) -> list[Part]:
    data = path.read_bytes()
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not any(message.get(h) for h in ("From", "Subject", "Date", "To")):
            raise DocumentError("not an e-mail message: it has no From, To, Subject or Date header")
        return mail_parts(message)
    except RecursionError:
        raise DocumentError("the e-mail is malformed: its MIME parts are nested too deeply") from None
    except (ValueError, TypeError, IndexError, LookupError) as exc:
        raise DocumentError(f"the e-mail is malformed ({type(exc).__name__}: {exc})") from None


def mail_parts(message: EmailMessage) -> list[Part]:
    """The mail's article, then each attached briefing; DocumentError for malformed MIME."""
    parts = list(_walk(message))
    subject = " ".join(str(message.get("Subject", "") or "").split())
    sender = _sender(message)
    date = _date(message)
    html = _text_of(next((p for p in parts if p.get_content_type() == "text/html" and not _is_attachment(p)), None))
    plain = _text_of(next((p for p in parts if p.get_content_type() == "text/plain" and not _is_attachment(p)), None))
    body = mail_body(clean_newsletter_html(html, subject), plain, message.defects)
    body.title = subject or body.title
    body.source = sender or body.source
    if date is not None:
        body.published, body.origin = date, "mail-header"
    result = [body]
    for attachment in [p for p in parts if _is_attachment(p)][:MAX_ATTACHMENTS]:
        result.extend(_attachment(attachment, body))
    return result


def mail_body(html: str, plain: str, defects: list[Any] | tuple[Any, ...] = ()) -> Part:
    """The article from the HTML part, or the plain part when the HTML says much less."""
    from reader.documents.from_text import document_from_text

    candidates = []
    for text, fmt in ((html, "html"), (plain, "txt")):
        if text.strip():
            try:
                candidates.append(from_document(document_from_text(text, fmt=fmt), "eml"))
            except DocumentError:
                continue
    if not candidates:
        why = f" (malformed MIME: {defects[0].__class__.__name__})" if defects else ""
        raise DocumentError(f"the e-mail has no readable text{why}")
    best = candidates[0]
    if len(candidates) == 2 and len(best.text) < 0.6 * len(candidates[1].text):
        best = candidates[1]
        best.warnings.append("the mail's HTML part held less text than its plain-text part; the plain text was read")
    best.fmt = "eml"
    return best


def clean_newsletter_html(html: str, subject: str) -> str:
    """The HTML without newsletter controls ("Unsubscribe | View in browser"), titled by the subject.

    A newsletter's <title> is often the sender's template name; the subject names the piece.
    """
    if not html.strip():
        return html
    from lxml import etree
    from lxml import html as lxml_html

    from reader.documents.html_reader import parse_html

    tree = parse_html(html)
    if tree is None:
        return html
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        words = " ".join(el.text_content().split())
        if words and len(words) < 120 and _NEWSLETTER_CONTROLS.match(words):
            el.drop_tree()
    if subject:
        title = tree.find(".//title")
        if title is None:
            head = tree.find("head")
            if head is None:
                head = etree.SubElement(tree, "head")
                tree.insert(0, head)
            title = etree.SubElement(head, "title")
        title.text = subject
    written: str = lxml_html.tostring(tree, encoding="unicode")
    return written


def _walk(message: EmailMessage) -> Iterator[EmailMessage]:
    for count, part in enumerate(message.walk(), 1):
        if count > MAX_MIME_PARTS:
            raise DocumentError(f"the e-mail has more than {MAX_MIME_PARTS} MIME parts; refused")
        if not part.is_multipart():
            yield part


def _is_attachment(part: Any) -> bool:
    return part.get_content_disposition() == "attachment" or (
        bool(part.get_filename()) and part.get_content_maintype() not in ("text", "multipart")
    )


def _text_of(part: Any) -> str:
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode(part.get_content_charset() or "utf-8", errors="replace") if payload else ""
    return content if isinstance(content, str) else ""


def _sender(message: EmailMessage) -> str:
    raw = str(message.get("From", "") or "")
    name, address = email.utils.parseaddr(raw)
    return " ".join((name or address or raw).split())


def _date(message: EmailMessage) -> dt.date | None:
    raw = message.get("Date")
    if raw is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    return when.date() if when and 1970 <= when.year <= 2200 else None


def _attachment(part: Any, mail: Part) -> list[Part]:
    from reader.documents.attachments import ATTACHMENT_FORMATS, read_attachment

    name = Path(part.get_filename() or "").name
    if Path(name).suffix.lower() not in ATTACHMENT_FORMATS:
        return []
    data = part.get_payload(decode=True) or b""
    return attached_briefing(name, data, mail, read_attachment)


def attached_briefing(name: str, data: bytes, mail: Part, reader: Any) -> list[Part]:
    """One attached file read as a briefing linked to `mail`; a failure becomes a warning on the mail."""
    try:
        found = reader(name, data)
    except DocumentError as exc:
        mail.warnings.append(f"the attachment {name} was not read: {exc}")
        return []
    found.part = f"attachment: {name}"
    found.source = mail.source
    found.title = found.title or name
    found.warnings.append(f"attached to the mail “{mail.title}” from {mail.source or 'an unknown sender'}")
    if found.published is None and mail.published is not None and _dateline(found.text) is None:
        found.published, found.origin = mail.published, "mail-header"
    return [found]
