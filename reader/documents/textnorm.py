"""Character clean-up applied to every text before any offset is computed.

Offsets are only ever taken on the cleaned text, so removing characters here is safe: what
the engine, the window and the store see is one self-consistent string.
"""

from __future__ import annotations

import re
import unicodedata

#: Invisible characters that split words for the tokenizer but carry no meaning in news text.
#: Zero-width joiner/non-joiner are kept: they matter inside emoji and some scripts.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"), None)

#: Unicode spaces that should read as one plain space (NBSP, thin and narrow spaces, tab...).
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
#: C0/C1 control characters other than the newline (tab was mapped to a space already).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")

_TABLE = {**_INVISIBLE, **_SPACES}
_ODD = re.compile("[" + "".join(map(chr, _TABLE)) + "]")


def normalize_text(text: str) -> str:
    """One newline convention, plain spaces, no invisible or control characters, NFC."""
    text = _LINE_BREAKS.sub("\n", text)
    if _ODD.search(text):
        text = text.translate(_TABLE)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text

