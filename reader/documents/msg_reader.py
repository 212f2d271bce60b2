"""Outlook messages (.msg): subject, sender, date, the HTML or plain body, and attached briefings.

A .msg file is an OLE compound file; olefile (BSD) reads the container, and the message's MAPI
properties are streams named after their property tag ([MS-OXMSG]): ``__substg1.0_0037001F``
is the subject as UTF-16, ``...1000001F`` the plain body, ``...10130102`` the HTML body,
``...007D001F`` the internet headers (with the Date), and each attachment is a storage
``__attach_version1.0_#0000000N`` with its file name (3707) and bytes (3701). The date falls
back to the submit or delivery time in the fixed-size property stream. The body then goes
through the same steps as an .eml (`mail_reader`). extract-msg would do this too, but it is
GPL-3.0 and would change the licence of the bundle; the few properties we need are simple.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import struct
from pathlib import Path
from typing import Any

from reader.documents.mail_reader import MAX_ATTACHMENTS, _date, attached_briefing, clean_newsletter_html, mail_body
from reader.documents.parts import Part
from reader.errors import DocumentError

_SUBJECT, _BODY, _HTML, _HEADERS = 0x0037, 0x1000, 0x1013, 0x007D
_SENDER_NAME, _SENDER_ADDRESS = 0x0C1A, 0x0C1F
_SUBMIT_TIME, _DELIVERY_TIME = 0x0039, 0x0E06
_ATTACH_NAME, _ATTACH_SHORT_NAME, _ATTACH_DATA = 0x3707, 0x3704, 0x3701
_MAX_STREAM = 30 * 1024 * 1024


def read_msg(path: Path) -> list[Part]:
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except (OSError, ValueError) as exc:
        raise DocumentError(f"the Outlook message is damaged ({exc})") from None
    with ole:
        try:
            return _message(ole)
        except (OSError, ValueError, struct.error) as exc:
            raise DocumentError(f"the Outlook message is damaged ({exc})") from None


def _message(ole: Any) -> list[Part]:
    subject = _string(ole, "", _SUBJECT)
    headers = _string(ole, "", _HEADERS)
    header = email.parser.HeaderParser(policy=email.policy.default).parsestr(headers) if headers else None
    sender = _string(ole, "", _SENDER_NAME) or _string(ole, "", _SENDER_ADDRESS)
    html = _html(ole)
    plain = _string(ole, "", _BODY)
    body = mail_body(clean_newsletter_html(html, subject), plain)
    body.fmt = "msg"
    body.title = " ".join(subject.split()) or body.title
    body.source = " ".join(sender.split()) or body.source
    date = (_date(header) if header is not None else None) or _property_date(ole)
    if date is not None:
        body.published, body.origin = date, "mail-header"
    result = [body]
    storages = sorted({e[0] for e in ole.listdir(streams=True, storages=True) if e[0].startswith("__attach_version1.0_#")})
    for storage in storages[:MAX_ATTACHMENTS]:
        name = Path(_string(ole, storage, _ATTACH_NAME) or _string(ole, storage, _ATTACH_SHORT_NAME)).name
        data = _binary(ole, f"{storage}/__substg1.0_{_ATTACH_DATA:04X}0102")
        if name and data:
            from reader.documents.attachments import ATTACHMENT_FORMATS, read_attachment

            if Path(name).suffix.lower() in ATTACHMENT_FORMATS:
                result.extend(attached_briefing(name, data, body, read_attachment))
    return result


def _binary(ole: Any, stream: str) -> bytes:
    if not ole.exists(stream):
        return b""
    if ole.get_size(stream) > _MAX_STREAM:
        raise DocumentError(f"the Outlook message has a part larger than {_MAX_STREAM // 1048576} MiB; refused")
    data: bytes = ole.openstream(stream).read()
    return data


def _string(ole: Any, storage: str, prop: int) -> str:
    prefix = f"{storage}/" if storage else ""
    data = _binary(ole, f"{prefix}__substg1.0_{prop:04X}001F")
    if data:
        return data.decode("utf-16-le", errors="replace").rstrip("\x00")
    data = _binary(ole, f"{prefix}__substg1.0_{prop:04X}001E")
    return data.decode("cp1252", errors="replace").rstrip("\x00") if data else ""


def _html(ole: Any) -> str:
    data = _binary(ole, f"__substg1.0_{_HTML:04X}0102")
    if data:
        from reader.documents.from_text import declared_charset

        return data.decode(declared_charset(data) or "utf-8", errors="replace")
    return _string(ole, "", _HTML)


def _property_date(ole: Any) -> dt.date | None:
    """The submit (else delivery) time from the top-level fixed-size property stream."""
    data = _binary(ole, "__properties_version1.0")
    found: dict[int, int] = {}
    for offset in range(32, len(data) - 15, 16):
        tag, _flags, value = struct.unpack_from("<IIQ", data, offset)
        if tag & 0xFFFF == 0x0040:  # PT_SYSTIME: 100 ns ticks since 1601
            found[tag >> 16] = value
    for prop in (_SUBMIT_TIME, _DELIVERY_TIME):
        ticks = found.get(prop)
        if ticks:
            try:
                return (dt.datetime(1601, 1, 1) + dt.timedelta(microseconds=ticks // 10)).date()
            except OverflowError:
                continue
    return None
