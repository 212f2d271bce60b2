"""Write briefings in the formats they arrive in (PDF, Word, e-mail, feeds), for tests and bench/.

Every file is made here from text the caller passes in, so no document written by somebody
else is ever committed. PDFs are laid out by reportlab (test extra only): two columns, a
running header and a page footer with the page number, like a think-tank report.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import zipfile
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = "Regional Security Monitor"
FOOTER = "Confidential analysis for subscribers"


def _fonts() -> tuple[str, str]:
    """Bitstream Vera, shipped inside reportlab: it has the letters the base-14 fonts lack (ğ)."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in (("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    return "Vera", "VeraBd"


def write_report_pdf(
    path: Path,
    paragraphs: Sequence[str],
    title: str = "",
    heading: str = "",
    columns: int = 2,
    header: str = HEADER,
    footer: str = FOOTER,
    font_size: float = 10,
) -> Path:
    """A report: an optional heading, then `paragraphs` flowing through `columns` columns per page.

    `title` goes into the document properties only.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    regular, bold = _fonts()
    width, height = A4
    margin, gap = 56, 18
    frame_width = (width - 2 * margin - (columns - 1) * gap) / columns
    frames = [
        Frame(margin + i * (frame_width + gap), margin + 20, frame_width, height - 2 * margin - 50, id=f"col{i}")
        for i in range(columns)
    ]

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(margin, height - margin + 8, header)
        canvas.line(margin, height - margin + 4, width - margin, height - margin + 4)
        canvas.drawString(margin, margin - 10, footer)
        canvas.drawRightString(width - margin, margin - 10, f"Page {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author="Test desk", invariant=True)
    doc.addPageTemplates([PageTemplate(id="report", frames=frames, onPage=furniture)])
    body = ParagraphStyle("body", fontName=regular, fontSize=font_size, leading=font_size * 1.25, spaceAfter=6)
    big = ParagraphStyle("title", fontName=bold, fontSize=font_size * 1.6, leading=font_size * 2, spaceAfter=10)
    story = []
    if heading:
        story += [Paragraph(escape(heading), big), Spacer(1, 4)]
    story += [Paragraph(escape(p), body) for p in paragraphs]
    doc.build(story)
    return path


def write_lines_pdf(path: Path, pages: Sequence[Sequence[str]], font_size: float = 11) -> Path:
    """One column of lines exactly as given, one list of lines per page (hyphenation, page breaks)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    regular, _ = _fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    width, height = A4
    for lines in pages:
        y = height - 72
        canvas.setFont(regular, font_size)
        for line in lines:
            if line:
                canvas.drawString(72, y, line)
            y -= font_size * 1.3
        canvas.showPage()
    canvas.save()
    return path


def write_image_only_pdf(path: Path, pages: int = 2) -> Path:
    """A 'scan': pages holding only drawn shapes, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    for i in range(pages):
        for j in range(30):
            canvas.rect(72, 700 - j * 20, 300 + (i * j) % 100, 8, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def write_encrypted_pdf(path: Path, text: str = "A secret briefing.") -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    encrypt = pdfencrypt.StandardEncryption("user-password", "owner-password", canPrint=0)
    canvas = Canvas(str(path), encrypt=encrypt)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return path


def write_docx(
    path: Path,
    paragraphs: Sequence[str],
    title: str = "",
    heading: str = "",
    bullets: Sequence[str] = (),
    table: Sequence[Sequence[str]] = (),
    created: dt.datetime | None = None,
) -> Path:
    """A Word file: an optional heading, paragraphs, a bulleted list and a table."""
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    props = document.core_properties
    props.title = title
    if created is not None:
        props.created = created
    document.save(str(path))
    return path


def write_zip_bomb_docx(path: Path, inflated_mib: int = 300) -> Path:
    """A .docx whose document.xml inflates to `inflated_mib` MiB of zeros-like XML (a few hundred KiB on disk)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="x"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(inflated_mib):
                fh.write(chunk)
    return path


def newsletter_email(
    paragraphs: Sequence[str],
    subject: str,
    sender: str = "Regional Security Monitor <newsletter@monitor.example>",
    date: dt.datetime | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
    tracker: str = "https://tracker.example/open.gif?u=42",
) -> bytes:
    """A newsletter as mail clients send it: plain and HTML alternatives, a tracking pixel, attachments."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(date or dt.datetime(2025, 5, 22, 9, 30, tzinfo=dt.UTC))
    message["Message-ID"] = "<briefing-42@monitor.example>"
    message.set_content("\n\n".join(paragraphs))
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    message.add_alternative(
        "<html><head><title>Newsletter</title></head><body>"
        '<table><tr><td><a href="https://monitor.example/unsubscribe">Unsubscribe</a> | View in browser</td></tr></table>'
        f"<h1>{escape(subject)}</h1>{html}"
        f'<img src="{tracker}" width="1" height="1" alt="">'
        '<img src="https://monitor.example/logo.png" alt="Monitor logo">'
        "</body></html>",
        subtype="html",
    )
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def write_feed(
    path: Path,
    entries: Sequence[tuple[str, str, Sequence[str], dt.datetime]],
    kind: str = "rss",
) -> Path:
    """An RSS 2.0 or Atom feed; each entry is (title, link, paragraphs, published)."""
    items = []
    for title, link, paragraphs, when in entries:
        body = escape("".join(f"<p>{escape(p)}</p>" for p in paragraphs))
        if kind == "atom":
            items.append(
                f"<entry><title>{escape(title)}</title><link href=\"{escape(link)}\"/><id>{escape(link)}</id>"
                f"<published>{when.isoformat()}</published><updated>{when.isoformat()}</updated>"
                f'<content type="html">{body}</content></entry>'
            )
        else:
            items.append(
                f"<item><title>{escape(title)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
                f"<pubDate>{email.utils.format_datetime(when)}</pubDate><description>{body}</description></item>"
            )
    if kind == "atom":
        xml = (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Monitor feed</title><id>urn:monitor</id><updated>2025-05-22T00:00:00Z</updated>"
            + "".join(items)
            + "</feed>"
        )
    else:
        xml = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Monitor feed</title>'
            "<link>https://monitor.example/</link><description>Analyses</description>" + "".join(items) + "</channel></rss>"
        )
    path.write_text(xml, encoding="utf-8")
    return path


# -- Outlook .msg: a minimal OLE compound file writer ([MS-CFB] version 3) --------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def write_cfb(path: Path, streams: dict[str, bytes]) -> Path:
    """An OLE compound file holding `streams` ("storage/name" paths), as Outlook's .msg is one."""
    import math
    import struct

    # the tree: every storage and stream, children listed in order
    nodes: dict[str, dict] = {"": {"name": "Root Entry", "type": 5, "kids": [], "data": b""}}
    for full, data in streams.items():
        parts = full.split("/")
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in nodes:
                nodes[key] = {"name": parts[depth - 1], "type": 1, "kids": [], "data": b""}
                nodes["/".join(parts[: depth - 1])]["kids"].append(key)
        nodes[full] = {"name": parts[-1], "type": 2, "kids": [], "data": data}
        nodes["/".join(parts[:-1])]["kids"].append(full)
    order = list(nodes)
    index = {key: i for i, key in enumerate(order)}

    mini, mini_fat = bytearray(), []
    big: list[tuple[str, bytes]] = []
    for key in order:
        node = nodes[key]
        if node["type"] != 2 or not node["data"]:
            node["start"] = _END
            continue
        if len(node["data"]) < 4096:
            node["start"] = len(mini) // 64
            count = math.ceil(len(node["data"]) / 64)
            mini_fat += [node["start"] + i + 1 for i in range(count - 1)] + [_END]
            mini += node["data"] + b"\0" * (count * 64 - len(node["data"]))
        else:
            big.append((key, node["data"]))
    dir_sectors = math.ceil(len(order) / 4)
    minifat_sectors = math.ceil(len(mini_fat) / 128)
    container_sectors = math.ceil(len(mini) / 512)
    big_sectors = [math.ceil(len(data) / 512) for _, data in big]
    body = dir_sectors + minifat_sectors + container_sectors + sum(big_sectors)
    fat_sectors = 1
    while math.ceil((body + fat_sectors) / 128) > fat_sectors:
        fat_sectors += 1
    fat: list[int] = []

    def chain(count: int) -> int:
        start = len(fat)
        fat.extend([start + i + 1 for i in range(count - 1)] + [_END])
        return start

    dir_start = chain(dir_sectors)
    minifat_start = chain(minifat_sectors) if minifat_sectors else _END
    nodes[""]["start"] = chain(container_sectors) if container_sectors else _END
    for (key, _), count in zip(big, big_sectors, strict=True):
        nodes[key]["start"] = chain(count)
    fat_start = len(fat)
    fat += [_FATSECT] * fat_sectors
    fat += [_FREE] * (fat_sectors * 128 - len(fat))

    def entry(key: str) -> bytes:
        node = nodes[key]
        name = node["name"].encode("utf-16-le") + b"\0\0"
        parent = key.rpartition("/")[0] if "/" in key else ""
        siblings = nodes[parent]["kids"] if key else []
        right = siblings[siblings.index(key) + 1] if key and siblings.index(key) + 1 < len(siblings) else None
        child = node["kids"][0] if node["kids"] else None
        size = len(mini) if node["type"] == 5 else len(node["data"])
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            name,
            len(name),
            node["type"],
            1,
            _NOSTREAM,
            index[right] if right else _NOSTREAM,
            index[child] if child else _NOSTREAM,
            b"\0" * 16,
            0,
            0,
            0,
            node["start"],
            size,
        )

    directory = b"".join(entry(key) for key in order)
    directory += (b"\0" * 64 + struct.pack("<H", 0) + b"\0" * 2 + struct.pack("<III", _NOSTREAM, _NOSTREAM, _NOSTREAM) + b"\0" * 48) * (
        dir_sectors * 4 - len(order)
    )
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_sectors,
        dir_start,
        0,
        4096,
        minifat_start,
        minifat_sectors,
        _END,
        0,
    )
    difat = [fat_start + i for i in range(fat_sectors)] + [_FREE] * (109 - fat_sectors)
    header += struct.pack("<109I", *difat)

    def pad(data: bytes) -> bytes:
        return data + b"\0" * (-len(data) % 512)

    out = [header, pad(directory)]
    out.append(pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat) + struct.pack("<I", _FREE) * (-len(mini_fat) % 128)))
    out.append(pad(bytes(mini)))
    out += [pad(data) for _, data in big]
    out.append(struct.pack(f"<{len(fat)}I", *fat))
    path.write_bytes(b"".join(out))
    return path


def write_msg(
    path: Path,
    subject: str,
    body: str,
    html: str = "",
    sender: str = "Regional Security Monitor",
    date: dt.datetime | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> Path:
    """An Outlook message: subject, sender, plain and HTML bodies, the Date in its headers, attachments."""

    def text(value: str) -> bytes:
        return value.encode("utf-16-le")

    when = email.utils.format_datetime(date or dt.datetime(2025, 5, 22, 9, 30, tzinfo=dt.UTC))
    streams = {
        "__substg1.0_0037001F": text(subject),
        "__substg1.0_0C1A001F": text(sender),
        "__substg1.0_1000001F": text(body),
        "__substg1.0_007D001F": text(f"From: {sender} <news@monitor.example>\r\nSubject: {subject}\r\nDate: {when}\r\n\r\n"),
        "__properties_version1.0": b"\0" * 32,
    }
    if html:
        streams["__substg1.0_10130102"] = html.encode("utf-8")
    for i, (name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{i:08X}"
        streams[f"{storage}/__substg1.0_3707001F"] = text(name)
        streams[f"{storage}/__substg1.0_37010102"] = data
    return write_cfb(path, streams)
