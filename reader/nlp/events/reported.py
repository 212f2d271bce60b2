"""What a saying reports: its clausal complement and any quotation, as token indices, so that a row's
words and its doers stop where what is said begins."""

from __future__ import annotations

from spacy.tokens import Span, Token

from reader.nlp.doc_text import text_of
from reader.nlp.events.clause_shapes import lead_in_before_colon, opens_quotation_after
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.lexicon import Lexicon
from reader.nlp.events.subjects import VERBAL
from reader.nlp.events.text_regions import CLOSING_MARKS, OPENING_MARKS

QUOTES = frozenset('"“”')
_QUOTE_CHARS = '"“”‘’`'


def content_tokens(c: EventClause) -> frozenset[int]:
    """The tokens of what a speech verb reports: its clausal complement and any quotation."""
    if c.content is None:
        c.content = frozenset(reported_tokens(c.trigger))
    return c.content


def reported_tokens(trig: Token) -> set[int]:
    out: set[int] = set()
    for child in trig.children:
        if lead_in_before_colon(trig, child):
            continue
        if child.dep_ in ("ccomp", "xcomp", "parataxis") or (child.dep_ == "dobj" and child.pos_ in VERBAL):
            out.update(t.i for t in child.subtree)
    if trig.dep_ == "parataxis" and not out:
        out.update(said_around(trig))
    sent = trig.sent
    if not any(q in text_of(trig.doc)[sent.start_char : sent.end_char] for q in _QUOTE_CHARS):
        out.discard(trig.i)
        return out  # no quotation mark in the sentence (most): no need to look at each word
    # a quotation may open in an earlier sentence ("“It is over. We won,” he said"): from this one's start
    inside, opened = False, sent.start
    # ('called it "a betrayal" and threatened strikes': the first verb's quotation is not the second's)
    firsts = range(trig.head.i, trig.left_edge.i) if trig.dep_ == "conj" and trig.head.i < trig.i else range(0)
    for tok in sent:  # (``...'' is a quotation too: the tokenizer splits the opening into two backticks)
        if tok.text in QUOTES or tok.text in OPENING_MARKS + CLOSING_MARKS or tok.text in ("‘", "’") and tok.pos_ == "PUNCT":
            if tok.text in ('"', "'", "’", "''") and inside or tok.text == "”":
                out.update(range(opened, tok.i + 1) if not (opened in firsts and tok.i in firsts) else ())
                inside = False
            elif not inside:
                inside, opened = True, tok.i
    out.discard(trig.i)
    return out


def splits_quotation(trig: Token) -> bool:
    """ '“History shows alliances fail,” Ms Lee said, “even if ...”': a saying set between the two parts of one
    quotation (a closing mark after a comma just before its sayer, an opening one just after it)."""
    doc = trig.doc
    j = trig.i + 1 + (trig.i + 1 < len(doc) and doc[trig.i + 1].text == ",")
    if j >= len(doc) or doc[j].text not in OPENING_MARKS:
        return False
    k = trig.i - 1
    while k > 0 and not doc[k].is_punct and trig.i - k <= 6:
        k -= 1  # back over the sayer ("Ms Lee", "the bank's chief economist")
    return k > 0 and doc[k].text in CLOSING_MARKS and doc[k - 1].text == ","


def said_around(trig: Token) -> list[int]:
    """"The switch, he said, would happen next year": what a saying set into its own words says, without
    the saying and the commas around it."""
    lo, hi = trig.left_edge.i, trig.right_edge.i
    return [t.i for t in trig.head.subtree if not lo - 1 <= t.i <= hi + 1 or not t.is_punct and not lo <= t.i <= hi]


def running_quotation_speaker(sent: Span, events: list[EventClause], quoted: set[int], lex: Lexicon) -> EventClause | None:
    """The saying that opened a quotation this sentence runs on in ('Mr Lane said: "We lost. Ms Ward and
    I will fight on."': the second sentence is his words too, not the text's), in its paragraph. Not a
    sentence with a saying of its own: 'He added: "...' between quotation marks the source left
    unclosed is no one's words."""
    doc = sent.doc
    if sent.root.i not in quoted or any(
            t.pos_ == "VERB" and lex.speech_verb(t.lemma_.lower()) and any(c.dep_ == "nsubj" for c in t.children) for t in sent):
        return None
    current = sent
    for _ in range(6):
        if not quotation_runs_on(current, quoted):
            return None
        current = doc[current.start - 1].sent
        for ev in reversed(events):
            if ev.trigger.i < current.start:
                break
            if (ev.trigger.i < current.end and ev.match.entry.speech and ev.trigger.i not in quoted
                    and opens_quotation_after(ev.trigger)):
                return ev
    return None


def quotation_runs_on(sent: Span, quoted: set[int]) -> bool:
    """The quotation this sentence starts in runs on from the sentence before, in the same paragraph."""
    first = sent[0]
    return not (first.i == 0 or first.i not in quoted and first.i - 1 not in quoted or "\n" in sent.doc[first.i - 1].text)
