"""Temporal expressions with TimeML TIMEX3 values resolved against the publication date.

Three steps, all plain Python on top of the spaCy Doc:

1. `tagger.find_candidates` runs the regex rules of resources/timex/ over the text (spaCy's own
   DATE extents miss "the eve of the talks" and split "March and April 2022");
2. the parse vetoes false friends (the verb "May", a year that is a sum of money) and gives
   the tense that decides whether "15 May" is the last or the next one;
3. `resolve.Resolver` normalises each candidate in reading order, so "the next day" and
   "the eve of the talks" can lean on what the text dated before.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from reader.model import DateMention
from reader.nlp.doc_text import text_of
from reader.nlp.timex.lexicon import fixed_words, modifier_regexes, rules, trigger_classes
from reader.nlp.timex.lexicon import lexicon as lexicon_words
from reader.nlp.timex.resolve import Resolved, Resolver, RuleKindError, check_rule_kinds
from reader.nlp.timex.tagger import Candidate, find_candidates, scan_windows
from reader.nlp.timex.tense import direction_of

__all__ = ["extract_dates"]

log = logging.getLogger(__name__)

#: Words before a bare year or an ambiguous month that show it is a date.
DATE_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "from", "to", "between", "and", "or", "before", "after", "during", "of",
    "early", "late", "mid", "fiscal", "last", "next", "this", "through", "throughout", "on", "for", "circa", "-",
})
POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our", "its"})
NUMERIC_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


class _DocView:
    """Character-to-token lookups over one Doc, built once per document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        #: character offset -> token index (Token objects are made only when asked for)
        self.starts = {idx: i for i, idx in enumerate(doc.to_array([IDX]).tolist())} if len(doc) else {}
        self._direction: dict[int, int] = {}

    def token(self, char: int) -> Token | None:
        i = self.starts.get(char)
        if i is not None:
            return self.doc[i]
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def direction(self, char: int) -> int:
        token = self.token(char)
        if token is None:
            return 0
        if token.i not in self._direction:
            self._direction[token.i] = direction_of(token)
        return self._direction[token.i]

    def nouns(self, char: int) -> frozenset[str]:
        token = self.token(char)
        if token is None:
            return frozenset()
        sent = token.sent if self.doc.has_annotation("SENT_START") else self.doc[:]
        return frozenset(t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN"))

    def frames(self, char: int) -> bool:
        """Whether the date at `char` dates its clause ("In 2016, the court ruled", "signed in 2019")
        rather than describing a thing ("the August 1988 cease-fire")."""
        token = self.token(char)
        if token is None:
            return False
        root = token
        for _ in range(4):
            if root.head.i == root.i or root.head.ent_type_ not in ("DATE", "TIME") and root.dep_ not in ("nummod", "compound"):
                break
            root = root.head
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in ("in", "on", "during") and head.head.pos_ in ("VERB", "AUX"):
            return not _measures(head.head)
        return root.dep_ in ("npadvmod", "advmod", "nmod", "obl") and root.head.pos_ in ("VERB", "AUX") \
            and not _measures(root.head)

    def same_sentence(self, a: int, b: int) -> bool:
        first, second = self.token(a), self.token(b)
        if first is None or second is None or not self.doc.has_annotation("SENT_START"):
            return False
        return first.sent.start == second.sent.start

    def accept(self, cand: Candidate) -> bool:
        """Veto matches the parse shows are not temporal (a veto that fails drops the match, and says so in the log)."""
        veto = VETOES.get(cand.kind)
        if veto is None:
            return True
        try:
            return veto(self, cand)
        except (IndexError, KeyError, ValueError, AttributeError):
            log.exception("timex veto for rule %s failed on %r", cand.rule.name, cand.match.group(0))
            return False

    def _before(self, token: Token, n: int = 1) -> set[str]:
        return {t.lower_ for t in self.doc[max(0, token.i - n) : token.i]}

    def _accept_month(self, cand: Candidate) -> bool:
        """A bare 'May' or 'March' must look like a date: a DATE entity or a preposition before it."""
        if cand.group("rel"):
            return True
        name = cand.need("month").rstrip(".")
        token = self.token(cand.match.start("month"))
        if token is None:
            return False
        dated = token.ent_type_ == "DATE"
        after = self.doc[token.i + 1 : token.i + 3]
        if len(after) == 2 and after[0].lower_ in ("for", "of") and after[1].is_title and after[1].is_alpha \
                and not cand.group("year") and not cand.group("day"):
            return False  # "the annual March for Life", "the March of Dimes": a name, not a month
        if name in lexicon_words()["ambiguous_months"]:
            if not dated and not self._before(token) & DATE_PREPOSITIONS:
                return False
            if name == "May":
                return token.tag_ != "MD"
            return len(name) > 3 or cand.match.group(0).endswith(".")
        return len(name) > 4 or cand.match.group(0).endswith(".") or dated

    def _accept_year(self, cand: Candidate) -> bool:
        """A four-digit number is a year unless the parse reads it as an amount ('$2025', '1990 percent')."""
        if not cand.group("year") or cand.group("fy"):
            return True
        token = self.token(cand.match.start("year"))
        if token is None:
            return False
        if token.ent_type_ == "DATE":
            return True
        if token.ent_type_ in NUMERIC_ENTS and not self._before(token) & DATE_PREPOSITIONS:
            return False
        after = token.nbor(1).lower_ if token.i + 1 < len(self.doc) else ""
        return after not in ("%", "percent", "per", "-", "to")

    def _accept_decade(self, cand: Candidate) -> bool:
        token = self.token(cand.match.start())
        return token is None or not self._before(token, 2) & POSSESSIVES  # "in his 30s" is an age

    def _accept_season(self, cand: Candidate) -> bool:
        """ "the 'Winter of Discontent'", "the Arab Spring": a capitalised season inside a name is
        no date (a season of a year, "Winter 2004", still is)."""
        if cand.group("year"):
            return True
        word = next((t for t in self.doc.char_span(cand.start, cand.end, alignment_mode="expand") or ()
                     if t.lower_ in lexicon_words()["seasons"]), None)
        if word is None or not word.text[:1].isupper():
            return True
        after = self.doc[word.i + 1 : word.i + 3]
        if len(after) == 2 and after[0].lower_ == "of" and after[1].text[:1].isupper() and not after[1].like_num:
            return False
        before = self.doc[word.i - 1] if word.i > 0 else None
        return not (before is not None and before.text[:1].isupper() and not before.is_sent_start
                    and before.pos_ in ("PROPN", "ADJ") and not before.like_num)

    def _accept_holiday(self, cand: Candidate) -> bool:
        token = self.token(cand.match.start("holiday"))
        if token is None or token.i == 0:
            return True
        previous = token.nbor(-1)
        return previous.pos_ != "PROPN" or previous.ent_type_ == "DATE"  # not "Holocaust Memorial Day"

    def _accept_weekday(self, cand: Candidate) -> bool:
        """ "the Sunday Times", "the Sunday Telegraph": a weekday at the head of a name is no day."""
        if cand.group("rel") or cand.group("pod"):
            return True
        token = self.token(cand.match.start("weekday"))
        if token is None or token.dep_ != "compound":
            return True
        head = token.head
        if token.ent_type_ in ("DATE", "TIME") and self._before(token) != {"the"}:
            return True  # the parser's date, unless "the Sunday Telegraph" (the newspaper named)
        return not (head.i == token.i + 1 and head.pos_ == "PROPN" and head.text[:1].isupper()
                    and head.ent_type_ not in ("DATE", "TIME") and head.lower_ not in lexicon_words()["seasons"])

    def _accept_deictic(self, cand: Candidate) -> bool:
        """ "the overnight deposit rate", "overnight lending": a money market's term, not last night."""
        if cand.group("word") != "overnight":
            return True
        token = self.token(cand.match.start("word"))
        return token is None or token.dep_ not in ("amod", "compound", "nmod") or token.head.lemma_.lower() not in _MONEY_TERMS

    def _accept_mdy(self, cand: Candidate) -> bool:
        if cand.group("month") != "May" or cand.group("year"):
            return True
        token = self.token(cand.match.start("month"))
        return token is None or token.tag_ != "MD"


def _measures(verb: Token) -> bool:
    """ "The economy grew by 5% in 2023", "inflation fell to 4.6% in June": the date is the period a
    figure was measured over, not the time a story is at."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "to") and any(
                g.dep_ == "pobj" and (g.ent_type_ in NUMERIC_ENTS or g.like_num) for g in child.children):
            return True
        if child.dep_ in ("dobj", "npadvmod") and child.ent_type_ in NUMERIC_ENTS:
            return True
    return False


#: Rule kinds whose matches the parse may veto, and the check that does it.
#: Nouns "overnight" names a money market's term for ("the overnight rate", "overnight lending").
_MONEY_TERMS = frozenset({"rate", "lending", "loan", "deposit", "borrowing", "funding", "repo", "market", "facility"})

VETOES: dict[str, Callable[[_DocView, Candidate], bool]] = {
    "deictic": _DocView._accept_deictic,
    "month": _DocView._accept_month,
    "year": _DocView._accept_year,
    "decade": _DocView._accept_decade,
    "holiday": _DocView._accept_holiday,
    "season": _DocView._accept_season,
    "mdy": _DocView._accept_mdy,
    "weekday": _DocView._accept_weekday,
}


def _to_mentions(text: str, items: list[Resolved]) -> list[DateMention]:
    out: list[DateMention] = []
    last_end = -1
    for item in sorted(items, key=lambda r: (r.start, -r.end)):
        start, end = item.start, item.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " \t\n,;:":
            end -= 1
        if start >= end or start < last_end:
            continue
        out.append(DateMention(start, end, text[start:end], item.type, item.value, item.mod))
        last_end = end
    return out


def _merge_clock_and_day(text: str, items: list[Resolved]) -> list[Resolved]:
    """'5 p.m. EST Nov. 9' and 'Friday at 3 p.m.' are one TIME: the day comes from the date part."""
    merged: list[Resolved] = []
    for item in items:
        if merged:
            prev = merged[-1]
            glue = text[prev.end : item.start]
            # "from 1130 to 1215 GMT on Wednesday": the clock ends a range, so the day keeps no time of
            # day of its own (merging would give Wednesday only the range's end)
            range_end = re.search(r"\b(?:to|until|till|and)\s*$|[-–]\s*$", text[max(0, prev.start - 8) : prev.start]) is not None
            if len(glue) <= 5 and glue.strip(" ,").lower() in ("", "on", "at", "est", "edt", "gmt", "utc") and not range_end:
                clock, day = (prev, item) if "T" in prev.value and prev.type == "TIME" else (item, prev)
                if clock.type == "TIME" and ":" in clock.value and day.type == "DATE" and len(day.value) == 10 and day.value[0].isdigit():
                    time_part = clock.value.split("T", 1)[1]
                    merged[-1] = Resolved(prev.start, item.end, "TIME", f"{day.value}T{time_part}", clock.mod or day.mod)
                    continue
        merged.append(item)
    return merged


def warm() -> None:
    """Load the lexicon and compile every rule (about 50 ms), so no document pays for it; check that
    every rule's kind has a resolver and every resolver a rule (RuleKindError otherwise)."""
    check_rule_kinds(rules())
    unknown = set(VETOES) - {rule.kind for rule in rules()}
    if unknown:
        raise RuleKindError(f"timex vetoes for kinds no rule has: {', '.join(sorted(unknown))}")
    fixed_words()
    modifier_regexes()
    trigger_classes()


warm()


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """All DATE/TIME/DURATION/SET expressions of `doc`, sorted, non-overlapping, with TIMEX3 values."""
    if isinstance(published, dt.datetime):
        published = published.date()  # a timestamp would leak its clock time into day values
    text = text_of(doc)
    view = _DocView(doc)
    candidates = find_candidates(text, view.accept, scan_windows(text))
    resolver = Resolver(text, published, view.direction, view.nouns, view.same_sentence, view.frames)
    items: list[Resolved] = []
    for cand in candidates:
        items.extend(resolver.resolve(cand))
    return _to_mentions(text, _merge_clock_and_day(text, items))
