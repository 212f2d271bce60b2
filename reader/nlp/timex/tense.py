"""Which way an under-specified date points, read from the tense of the verb that governs it."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from reader.nlp.timex.calendar import EVEN, FUTURE, NEAREST, NOW, PAST
from reader.nlp.timex.lexicon import lexicon as lexicon_words

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
#: Verbs whose complement lies ahead even in the present or past tense ("plans to meet on Friday").
FUTURE_LEMMAS = frozenset({
    "plan", "schedule", "expect", "intend", "hope", "aim", "due", "prepare", "propose", "promise", "vow", "pledge",
    "threaten", "await", "anticipate", "forecast", "project", "predict", "set to", "slate",
})
#: Verbs that look ahead only with an infinitive: "is to resume", "was set to expire", "is due to sign".
INFINITIVE_FUTURE = frozenset({"be", "set", "due", "poise", "slate", "go"})
#: Verbs whose infinitive happened when they did: "was forced to resign in April", "managed to
#: leave on Friday", "had to resign in March" (not "asked him to testify on Feb. 10", which may lie ahead).
IMPLICATIVE_LEMMAS = frozenset({"force", "compel", "oblige", "manage", "fail", "have"})
#: Verbs that bid someone to a gathering: a date after the gathering is its own ("invited them to talks on Friday").
INVITING_LEMMAS = frozenset({"invite", "summon", "call", "ask"})
#: Reporting verbs: "said Tuesday" is about when it was said, which is past in news copy.
REPORT_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "declare"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above `token` in the parse (the token itself if it is one)."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def verb_direction(verb: Token) -> tuple[int, bool]:
    """(direction, sure) of one verb from its own tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if verb.lemma_ in FUTURE_LEMMAS:
        return FUTURE, True  # "planned a rally on Saturday": intentions point ahead whatever the tense
    if "to" in words:
        return NEAREST, False  # an infinitive: its tense is the governing verb's
    if words & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return FUTURE, True
    if any(a.lower_ == "be" and a.tag_ == "VB" for a in auxes) and not any(a.tag_ == "MD" for a in auxes) or (
            verb.tag_ == "VB" and not auxes and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and verb.dep_ != "ROOT"):  # (a main verb so tagged is a present the tagger misread: "the posters attack")
        return FUTURE, True  # a subjunctive: "demanded that the vote be held in January", "urged that he resign"
    if "going" in words and any(c.lower_ == "to" for c in verb.children):
        return FUTURE, True
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST, True
    if words & {"has", "have", "'ve", "'s"} and verb.tag_ == "VBN":
        return PAST, True
    if any(a.tag_ == "MD" for a in auxes) or verb.tag_ == "MD":
        # "would meet on Friday", "could resume on 3 June": a possibility lies ahead
        return FUTURE, False
    if words & {"is", "are", "am", "'s", "'re"} and (verb.tag_ == "VBG" or "being" in words):
        return NOW, True  # present progressive: "is calling for the redemption on Dec. 7"
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return FUTURE, False  # present passive: "when the case is heard in May"
    if verb.tag_ == "VBN":
        return PAST, False
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in REPORT_LEMMAS and verb.lemma_ != "be":
        return FUTURE, False  # "the session opens on Friday": a timetable
    return NEAREST, False


#: Prepositions that introduce a deadline or a span end: the main verb's tense does not move them.
OPEN_PREPOSITIONS = frozenset({"until", "till", "through", "by", "to", "before", "pending", "ahead", "after", "from"})
_DATE_WORDS = frozenset({"the", "of", "early", "late", "mid", "this", "last", "next", "on", ",", "-", "."})
#: Unit words inside a date the model's entity may leave out ("the fourth *quarter*").
_UNIT_WORDS = frozenset({"quarter", "half", "week", "weekend", "month", "year", "day", "morning", "afternoon",
                         "evening", "night", "season", "decade", "century", "period"})


@cache
def _calendar_names() -> frozenset[str]:
    """Weekday and month names: a date the model left untagged ("debated in the Commons on Monday")."""
    words = lexicon_words()
    return frozenset(w.lower() for key in ("weekdays", "months") for w in words[key])


def _part_of_date(token: Token) -> bool:
    return (
        token.like_num
        or token.ent_type_ in ("DATE", "TIME")
        or token.lower_ in _calendar_names()
        or token.lower_ in _DATE_WORDS
        or token.lower_ in _UNIT_WORDS
        or token.shape_ in ("Xxx.", "Xxxx.")
    )


def before_complement_subject(i: int, verb: Token) -> bool:
    """Token `i` stands between a clausal complement's governor and the complement's subject ("said
    *on Thursday* it would close"): it belongs to the governor, wherever the parser hung it."""
    if verb.dep_ != "ccomp":
        return False
    return verb.head.i < i < min((c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), default=-1)


def direction_of(token: Token) -> int:
    """Past, future or nearest for a date whose first token is `token`.

    Only a verb that governs the date through prepositions counts: when the date hangs on a noun
    or an adjective ("The 15 May negotiations", "payable Dec. 7") the nearest occurrence wins.
    """
    current = token
    for _ in range(6):
        if current.lower_ in OPEN_PREPOSITIONS or not _part_of_date(current) or current.head.i == current.i:
            break
        current = current.head
    if current.lower_ in ("until", "till"):
        return FUTURE
    if current.lower_ == "since":
        return PAST  # "pushing yields to their highest level since October": a point already passed
    if current.lower_ in OPEN_PREPOSITIONS and current.lower_ != "by":
        return NEAREST
    # "is forecast to ease by December", "had fallen by March": a deadline lies where its verb points
    preposition = ""
    if current.pos_ == "ADP":
        preposition = current.lower_
        if current.head.i != current.i:
            current = current.head
    if current.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON"):
        if token.dep_ == "poss" and token.head.i == current.i:
            # "Tuesday's meeting is being hosted", "Friday's attack was": the clause's tense decides
            verb = _verb_of_argument(current)
            if verb is not None:
                direction, sure = verb_direction(verb)
                if sure:
                    return direction
        if token.dep_ in ("compound", "nmod") and token.head.i == current.i and (verb := _clause_verb_of(current)) is not None:
            # "won the March election", "after winning the February election": a named occasion the clause
            # tells as done (or to come) is the one its verb's tense points to
            direction, sure = verb_direction(verb)
            if not sure and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and (upper := governing_verb(verb.head)) is not None:
                direction, sure = verb_direction(upper)
            if sure and direction in (PAST, FUTURE):
                return direction
        if current.dep_ == "dobj" and current.head.pos_ == "VERB" and preposition in ("over", "at", "on", "during"):
            direction, sure = verb_direction(current.head)  # "held talks over the weekend": the holding's tense
            if sure:
                return direction
        return EVEN if preposition == "for" else NEAREST  # "an election for 17 November": see `EVEN`
    verb = governing_verb(current)
    if verb is None:
        return NEAREST
    if verb.head.lemma_ in REPORT_LEMMAS and before_complement_subject(token.i, verb):
        verb = verb.head  # "said on Thursday it would close plants": the parser hangs the day on what was said
    if verb.lemma_ in INVITING_LEMMAS and any(c.dep_ == "prep" and c.lower_ == "to" and c.i < token.i and any(
            g.pos_ == "NOUN" for g in c.children) for c in verb.children):
        return NEAREST  # "has invited both to negotiations on August 14th": when the talks are, not the inviting
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in ("due", "scheduled", "slated") for c in verb.children):
        return NEAREST  # "a tranche that had been due in June": when it falls due, which the tense does not say
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children):
        # "the conference called in Jakarta on Thursday" under "will represent": a reduced relative
        # has no tense of its own; the clause it sits in gives it
        upper = _verb_of_argument(verb.head)
        if upper is not None:
            direction, sure = verb_direction(upper)
            if sure:
                return direction
    if verb.lemma_ in FUTURE_LEMMAS and verb.tag_ == "VBD" and preposition in ("in", "on", "at"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and token.i < subjects[0].i:
            return PAST  # "said in January it planned to grow": the date frames the planning, which is past
    if preposition == "for":
        if verb.lemma_ in ("set", "slate", "book", "reschedule", "move", "postpone"):
            return FUTURE  # "a summit set for April"
        return EVEN  # "called a strike for April 3rd": when the strike is, which the calling's tense does not say
    direction, sure = verb_direction(verb)
    if sure:
        return direction
    if any(c.tag_ == "MD" for c in verb.children):
        return direction  # "decided the boy should go home by Jan. 14": a modal looks ahead of its governor
    # infinitive or participle under another verb: "plans to meet on Friday", "is due to sign"
    if (verb.tag_ in ("VB", "VBG") or any(c.lower_ == "to" for c in verb.children)) and verb.head.i != verb.i:
        upper = governing_verb(verb.head)
        if upper is not None:
            infinitive = any(c.lower_ == "to" for c in verb.children)
            if any(c.lower_ == "had" for c in upper.children):
                return PAST  # "had been due to expire Friday evening": a plan already in the past
            if upper.lemma_ in FUTURE_LEMMAS or (infinitive and upper.lemma_ in INFINITIVE_FUTURE):
                return FUTURE  # "plans to meet", "is to resume", "had been set to expire"
            if infinitive and upper.lemma_ in IMPLICATIVE_LEMMAS:
                up_dir, up_sure = verb_direction(upper)
                if up_sure:
                    return up_dir
            if infinitive or upper.lemma_ in REPORT_LEMMAS:
                # "asked him to testify on Feb. 10": the infinitive's event may lie after the asking
                return direction
            up_dir, up_sure = verb_direction(upper)
            if up_sure:
                return up_dir
    return direction


def _clause_verb_of(noun: Token) -> Token | None:
    """The verb whose subject or object the noun is, or the verb its preposition hangs on ("in the March election")."""
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _verb_of_argument(noun: Token) -> Token | None:
    """The verb a noun phrase is the subject or object of ("the meeting *is being hosted*")."""
    current = noun
    for _ in range(4):
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and current.head.pos_ in ("VERB", "AUX"):
            return current.head
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            return current.head.head
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that covers character `char` (or the next one)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for token in doc:
        if token.idx >= char:
            return token
    return None
