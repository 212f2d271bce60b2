"""Web page furniture at the end of a copied article: "Short link:", "Share this", "Related"...

Mostly the tail is trimmed, so every offset in the article text stays what it was. At the head
only lines that are certainly page controls go ("Skip to main content", "Advertisement",
"Toggle navigation"): dropping them shifts the text, which is built after trimming. A line is
furniture when it matches one of the patterns below as a whole; a section opener such as
"Related articles" also takes the short headline-like lines after it. A furniture phrase
glued to the end of the last sentence ("...extraction.Short link:") is cut off too.
"""

from __future__ import annotations

import re

_URL = r"(?:\s*(?:https?://|www\.)\S*)?"
_FURNITURE = re.compile(
    r"^\W*(?:"
    r"short\s*link|short\s*url|permalink|print(?:\s+this(?:\s+\w+)?)?|e-?mail(?:\s+this(?:\s+\w+)?)?|"
    r"share(?:\s+(?:this|on|via|the|article|story|page|post)(?:\s+[\w.]+){0,3})?|"
    r"tweet(?:\s+this)?|"
    r"follow\s+(?:us|me)\b.*|follow\s+@\S+.*|"
    r"copyright\s*(?:©|\(c\)|\d{4}|by\b).*|©.*|\(c\)\s*\d{4}.*|all\s+rights\s+reserved\W*|"
    r"subscribe\b.*|sign\s+up\b.*newsletter.*|get\s+our\s+newsletter.*|newsletter|"
    r"advertisement|sponsored(?:\s+content)?|"
    r"tags?\s*:.*|topics?\s*:.*|filed\s+under\s*:?.*|"
    r"comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|"
    r"back\s+to\s+top|top\s+of\s+page"
    r")\s*:?" + _URL + r"\s*[:.!]?\s*$",
    re.IGNORECASE,
)
#: Openers of a trailing list of other stories: they take the short lines after them with them.
_SECTION_OPENER = re.compile(
    r"^\W*(?:related(?:\s+(?:articles?|stories|content|posts?|news|topics|reading|coverage|links))?|"
    r"read\s+more(?:\s*:.*|\s+about\b.*|\s+on\b.*)?|more\s+(?:on|from|about)\s+(?:this|the)?\b.{0,60}|"
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|see\s+also|most\s+(?:read|popular|viewed)|"
    r"recommended(?:\s+(?:for\s+you|articles|stories))?|also\s+read|further\s+coverage|latest\s+news"
    r")\s*[:.]?\s*$",
    re.IGNORECASE,
)
#: The furniture phrases that may be glued to the last sentence without a newline.
_GLUED = re.compile(
    r"(?<=[.!?\"'”’)\]])\s*(?:short\s*link|share\s+this(?:\s+article|\s+story)?|read\s+more|related\s+articles)"
    r"\s*:?\s*" + _URL + r"\s*$",
    re.IGNORECASE,
)
#: Page controls a copied web page may start with; never article prose.
_HEAD_CONTROLS = re.compile(
    r"^\W*(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|article|search)|jump\s+to\s+(?:main\s+)?content|"
    r"toggle\s+navigation|open\s+menu|main\s+menu|menu|search|advertisement|sign\s+in|log\s+in|"
    r"accept(?:\s+all)?\s+cookies)\W*$",
    re.IGNORECASE,
)
#: A section opener may take this many lines of headlines after it, each at most this long.
_MAX_SECTION_LINES = 15
_MAX_HEADLINE_CHARS = 160


def trim_tail(text: str) -> tuple[int, list[str]]:
    """Where the article ends in `text`, and the furniture lines found after that point."""
    end = len(text.rstrip())
    dropped: list[str] = []
    while end > 0:
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end]
        if _FURNITURE.match(line):
            dropped.append(line.strip())
            end = len(text[:line_start].rstrip())
            continue
        section = _section_start(text, end)
        if section is not None:
            dropped.extend(s.strip() for s in reversed(text[section:end].split("\n")) if s.strip())
            end = len(text[:section].rstrip())
            continue
        glued = _GLUED.search(line)
        if glued and glued.start() > 0:
            dropped.append(line[glued.start() :].strip())
            end = len(text[: line_start + glued.start()].rstrip())
        break
    dropped.reverse()
    return end, dropped


def _section_start(text: str, end: int) -> int | None:
    """Start of a trailing "Related articles" section (opener plus headline lines), if any."""
    pos = end
    for _ in range(_MAX_SECTION_LINES + 1):
        line_start = text.rfind("\n", 0, pos) + 1
        line = text[line_start:pos].strip()
        if line and _SECTION_OPENER.match(line):
            return line_start if line_start < end else None
        if len(line) > _MAX_HEADLINE_CHARS:
            return None
        if line_start == 0:
            return None
        pos = line_start - 1
    return None


def trim_head(text: str) -> tuple[int, list[str]]:
    """Where the article starts in `text`, and the page-control lines found before that point."""
    start = 0
    dropped: list[str] = []
    while start < len(text):
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[start:line_end]
        if line.strip() and not _HEAD_CONTROLS.match(line):
            break
        if line.strip():
            dropped.append(line.strip())
        start = line_end + 1
    if not dropped:
        return 0, []
    return min(start, len(text)), dropped
