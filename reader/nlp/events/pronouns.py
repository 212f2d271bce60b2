"""Who a pronoun refers to: "he", "she", "it", "they", "we" and "I" in a clause, from the
actors named before it (or, for a clause set before its main clause, just after it)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from reader.nlp.doc_text import indices_where, sentences_back
from reader.nlp.events.clause_shapes import closes_quotation_before, opens_quotation_after
from reader.nlp.events.group_kinds import group_agent
from reader.nlp.events.reported import quotation_runs_on
from reader.nlp.events.subjects import passive_agent
from reader.nlp.gazetteer import gazetteer

if TYPE_CHECKING:
    from reader.nlp.events.participants import ActorIndex, RefContext

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "themselves"}  # resolved as a subject only (see `_they`)
WE_PRONOUNS = {"we", "us", "our", "ours"}
#: Types of an actor that is a country or its people ("their US counterparts").
COUNTRY_TYPES = ("GPE", "NORP")
I_PRONOUNS = {"i"}  # the doer; "me", "my" name the speaker as a target or an owner, which makes rows of asides


class Pronouns:
    """The pronoun resolution of one document's actor index."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self._said: dict[int, set[int]] = {}  # `_said_by`, asked again for every clause the pronoun is in
        self._quoting: dict[int, tuple[str, ...]] = {}  # `quotation_speakers`, by sentence start

    def pronoun(self, tok: Token, ctx: RefContext) -> list[str]:
        low = tok.lower_
        if low in WE_PRONOUNS:
            if ctx.speaker:
                country = [self.index.country_of.get(s) for s in ctx.speaker if self.index.type_of(s) == "PERSON"]
                return [c for c in country if c] or [s for s in ctx.speaker if self.index.type_of(s) != "PERSON"]
            return []
        if low in I_PRONOUNS:
            # 'Clarke said: "I will be asking Parliament to renew it"': in a quotation, the speaker
            return [s for s in ctx.speaker if self.index.type_of(s) == "PERSON"] if self.index.in_quotation(tok) else []
        if low in THEY_PRONOUNS:
            return self._they(tok) if tok.dep_ in ("nsubj", "nsubjpass") else []
        if low in PERSON_PRONOUNS:
            types: tuple[str, ...] = ("PERSON",)
            gender: str | None = _gender_of(low)
        elif low in THING_PRONOUNS:
            types, gender = ("GPE", "ORG"), None
            if self._generic_antecedent(tok) or (not ctx.speaker and self._unnamed_speaker(tok)) or self._thing_acted_on(tok):
                return []
        else:
            return []

        def fits(ids: tuple[str, ...]) -> bool:
            return len(ids) == 1 and self.index.type_of(ids[0]) in types and self.index.agrees(ids[0], gender)

        # "Defra had improved its capacity, the office said": a possessive is first its own
        # clause's subject's; "Brown said Blair had criticised him": an object pronoun never is
        possessive = tok.dep_ == "poss" or low in ("its", "his")
        post = _post_subject(tok) if possessive and gender is not None else None
        if post is not None and not any(self.index.type_of(a) == "PERSON" for a in ctx.subject):
            # "The French foreign minister met his German counterpart": his own, whoever the post's holder is
            return [a for a in self.index.token_refs(post, replace(ctx, speaker=(), subject=()))
                    if self.index.type_of(a) == "PERSON"]
        accused = _accused_of(tok) if possessive else None
        if accused is not None:
            # "accused the government of breaking its promise": the one accused, not the accuser
            found = self.index.token_refs(accused, replace(ctx, speaker=(), subject=()))
            return found if fits(tuple(found)) else []
        objective = tok.dep_ in ("dobj", "pobj", "dative") and not low.endswith("self")
        # 'Neill said: "He has behaved badly"': in a quotation the speaker is "I", never "he"
        quoted = self.index.in_quotation(tok)
        order = (ctx.subject, ctx.speaker) if possessive else (ctx.speaker, ctx.subject)
        for ids in order:
            if (ids is ctx.subject and objective) or (quoted and set(ids) & set(ctx.speaker)):
                continue
            if fits(ids):
                return list(ids)
            if gender is None and len(body := [a for a in ids if self.index.type_of(a) == "ORG"]) == 1 and all(
                    self.index.type_of(a) in ("GPE", "NORP") for a in ids if a != body[0]):
                return body  # "Vodacom, a South African operator, said it would": the body, not its country
        exclude = (*ctx.speaker, *self.quotation_speakers(tok, ctx)) if quoted else ()
        if objective:
            exclude = (*exclude, *ctx.subject)  # "Mr Lane accused him": not Mr Lane ("himself" would be)
        return self.only_before(tok, types, gender, exclude=exclude) or self._cataphora(tok, types, gender)

    def _thing_acted_on(self, tok: Token) -> bool:
        """ "The Senate will approve the package, and Biden has said he will sign it": an "it" acted on
        after a thing acted on just before (this sentence or the last) is that thing, not a body."""
        if tok.lower_ != "it" or tok.dep_ not in ("dobj", "pobj"):
            return False
        start = sentences_back(tok, 1)
        return any(t.dep_ == "dobj" and t.pos_ == "NOUN" and not self.index.ids_at(t.i) and group_agent(t) is None
                   for t in self.index.doc[start : tok.i])  # (not "sent troops ... condemned it": the sender)

    def quotation_speakers(self, tok: Token, ctx: RefContext) -> tuple[str, ...]:
        """Who says the quotation `tok` stands in, when its clause does not tell: the subject of a
        saying that closes the quotation in its sentence ('"...," added Mr Duncan') or opens it there
        or in the sentences of its paragraph that the quotation runs on from ('He added: "...
        McConnell was talking ... "I think he will be regretting this remark."': "he" is not the one
        who adds)."""
        sent = tok.sent
        if sent.start in self._quoting:
            return self._quoting[sent.start]
        speaker = self._quotation_speaker(sent)
        found = tuple(self.index.token_refs(speaker, replace(ctx, speaker=(), subject=()))) if speaker is not None else ()
        self._quoting[sent.start] = found
        return found

    def _quotation_speaker(self, sent: Span) -> Token | None:
        """The subject of the saying that closes a quotation in this sentence or opens it here or in the
        sentences of its paragraph it runs on from."""
        quoted = self.index.quoted_tokens()
        current: Span | None = sent
        for _ in range(6):
            if current is None:
                break
            verbs = [t for t in current if t.i not in quoted and t.pos_ == "VERB" and self._speech(t)
                     and (opens_quotation_after(t) or current is sent and closes_quotation_before(t))]
            subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.i not in quoted]
            if subjects:
                return subjects[0]
            if not quotation_runs_on(current, quoted):
                break
            current = self.index.doc[current.start - 1].sent
        return None

    def _cataphora(self, tok: Token, types: tuple[str, ...], gender: str | None) -> list[str]:
        """ "Before he resigned on Wednesday, David Blunkett had been in charge of policing": the
        subject of a clause set before its main clause, with no one named before it to refer to, is
        the main clause's subject, named after it."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "advcl" or verb.i > verb.head.i:
            return []
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i]
        if len(subjects) != 1 or self.index.in_quotation(subjects[0]) != self.index.in_quotation(tok):
            return []
        ids = [a for a in self.index.ids_at(subjects[0].i) if self.index.type_of(a) in types]
        return ids if len(ids) == 1 and self.index.agrees(ids[0], gender) else []

    def _they(self, tok: Token) -> list[str]:
        """ "The Tories are trying to capitalise on the feud. On Wednesday they unveiled a poster";
        "Norland and Vestia met in May and they agreed": "they" is the subject just before it when
        that subject names a group in the plural, or several actors; a plural common noun
        ("officials", "the protesters") or anything else in between is not resolved."""
        sent = tok.sent
        subjects = [t for t in sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and sent.start > 0:
            before = self.index.doc[sent.start - 1].sent
            subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return []
        subject = subjects[-1]
        if subject.pos_ == "PRON" or self.index.in_quotation(subject) != self.index.in_quotation(tok):
            return []
        conjuncts = list(subject.conjuncts)
        named = [ids for t in (subject, *conjuncts) if (ids := self.index.ids_at(t.i) or self._ids_of_subject(t))]
        if len(named) >= 2 and len(named) == 1 + len(conjuncts):
            return list(dict.fromkeys(a for ids in named for a in ids))
        plural_name = subject.tag_ in ("NNPS", "NNS") and len(conjuncts) == 0
        if plural_name and len(named) == 1 and len(named[0]) == 1 and self.index.type_of(named[0][0]) in ("ORG", "NORP", "GPE"):
            return list(named[0])
        return []

    @staticmethod
    def _unnamed_speaker(tok: Token) -> bool:
        """ "The company, whose shares were suspended by the regulator, said it would appeal": "it" in what
        a thing said is that thing, named or not, and not the last name before it."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or verb.head.i > tok.i:
            return False
        return any(s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.tag_ == "NN" for s in verb.head.children)

    def _generic_antecedent(self, tok: Token) -> bool:
        """ "Kennedy said at the Commonwealth Club it was critical for a party to be credible on what it
        promised": an "it" after "a party" is any party, not the organisation named before."""
        sent = tok.sent
        last_named = max((i for i in range(sent.start, tok.i) if self.index.by_token.get(i)), default=sent.start - 1)
        # only an indefinite subject: "said it would send an envoy, and it would host talks" is China's
        return any(
            t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every", "each") for c in t.children)
            for t in self.index.doc[last_named + 1 : tok.i]
        )

    def kind_named_before(self, tok: Token) -> list[str]:
        """ "the airline" after "Irish national airline Aer Lingus" or "Fordham Motors, the carmaker,": the one
        organisation the text gave that kind before, by the word before its name or set beside it; nobody
        when none or several were ("Northrop will build it and the airline should hire pilots": another)."""
        doc, found = self.index.doc, set[str]()
        for i in indices_where(doc, LOWER, (tok.lower_,)):
            if i >= tok.i:
                break
            t = doc[i]
            after = [a for j in range(i + 1, min(i + 4, len(doc))) for a in self.index.ids_at(j)]
            beside = self.index.ids_at(t.head.i) if t.dep_ == "appos" else []
            found.update(a for a in (after[:1] or beside) if self.index.type_of(a) == "ORG")
        return list(found) if len(found) == 1 else []

    def firm_before(self, tok: Token, exclude: tuple[str, ...]) -> list[str]:
        """ "the company" after "The Commission opened proceedings against Vestro": a firm is no public body (a
        commission, court, ministry, party), so the one other organisation named in its sentence or the one
        before it, when the subject there is a body."""
        heads = self.index.lexicon.cue("public_body_head")
        excl = exclude + tuple(a for a, actor in self.index.by_id.items() if actor.name.split()[-1].lower() in heads)
        if seen := self._named_before(tok, ("ORG",), None, excl):
            return seen if len(seen) == 1 else []
        if (found := self.only_before(tok, ("ORG",), exclude=excl, passive_doer=True)) or tok.sent.start == 0:
            return found
        before = self.index.doc[tok.sent.start - 1].sent
        subj = self._topic_subjects(before, ("ORG",))
        if not subj or not (acting := self._ids_of_subject(subj[0])) or not set(acting) <= set(excl) - set(exclude):
            return []
        named = {a for t in before for a in self.index.ids_at(t.i) if self.index.type_of(a) == "ORG" and a not in excl}
        return list(named) if len(named) == 1 else []

    def only_before(self, tok: Token, types: tuple[str, ...], gender: str | None = None,
                     exclude: tuple[str, ...] = (), passive_doer: bool = False) -> list[str]:
        """The single actor of these types named earlier in the sentence (else the previous one's subject;
        with ``passive_doer``, the doer of a previous passive whose subject names none: "Pensioners were
        promised vouchers by the Greens. The party says", though "it" there would be the vouchers).

        A gendered pronoun passes over people the text marks as the other gender: in "Mr Lane
        sued Mrs Ward. She denies it", "she" is Mrs Ward, the one woman named just before.
        """
        sent = tok.sent
        seen = self._named_before(tok, types, gender, exclude)
        if len(seen) == 1:
            return seen
        if seen:
            return []
        # else the subject of one of the previous sentences (a paragraph about one person or country)
        budget, chain, via_pronoun = (3 if "PERSON" in types else 1), 8, False
        while budget > 0 and chain > 0:
            if sent.start == 0:
                return []
            sent = self.index.doc[sent.start - 1].sent
            chain -= 1
            quoted = self.index.quoted_tokens()
            if sent.root.i in quoted and tok.i not in quoted:
                # 'Mr Lane said: "... Ms Ward and I agree." He also said': not a subject in the words
                # quoted, but the one who said them
                speaker = self._quotation_speaker(sent)
                said_by = [] if speaker is None else self.index.ids_at(speaker.i) or (
                    self.only_before(speaker, types, gender, exclude) if speaker.pos_ == "PRON" else [])
                if len(said_by) == 1 and self.index.type_of(said_by[0]) in types and self.index.agrees(said_by[0], gender):
                    return said_by
            subj = self._topic_subjects(sent, types)
            same_one = self._same_person_word(subj[0], gender) if subj and gender is not None else None
            if same_one is not None:
                # "Mr Moberg's comments had prompted censure - he told refugees to go home. And he urged": the same
                # "he", named in its own sentence, else further back ("He enlisted in 1942. He rose"); so is the owner
                # of a subject that is his ("His party also won a majority. He has promised ...")
                same = self._named_before(same_one, types, gender, exclude)
                if len(same) == 1:
                    return same
                via_pronoun = True
                continue
            budget -= 1
            if gender is None and "PERSON" not in types and self._thing_last(sent, subj):
                return []  # "Norcom began building it and the aircraft should fly in 2008. It will seat 300": the aircraft
            if subj:
                ids = [a for a in self._ids_of_subject(subj[0]) if self.index.type_of(a) in types]
                if not ids and "PERSON" not in types and tok.pos_ == "NOUN":  # "UKIP leader Roger Knapman said ... The party"
                    ids = list(dict.fromkeys(a for t in subj[0].subtree if t.i < subj[0].i for a in self.index.ids_at(t.i)
                                             if self.index.type_of(a) in types))
                if not ids and passive_doer and subj[0].dep_ == "nsubjpass" and not self._ids_of_subject(subj[0]):
                    ids = self._passive_doer(subj[0].head, types)
                if len(ids) == 1 and self.index.agrees(ids[0], gender) and ids[0] not in exclude:
                    return ids
                other_pronoun = not ids and subj[0].lower_ in PERSON_PRONOUNS and _gender_of(subj[0].lower_) != gender
                if (ids or other_pronoun) and gender is not None:
                    # the subject is someone else: a person of the pronoun's gender named there
                    marked = [a for a in self._marked_in(sent, types, gender) if a not in exclude]
                    return marked if len(marked) == 1 else []
                if self._ids_of_subject(subj[0]):
                    return []  # the previous subject is someone else: not plain
                owner = self._person_owner(subj[0], types, gender) or self._same_pronoun_in(sent, types, gender)
                if owner:
                    return owner  # "Mr Moberg's own comments had prompted censure - he told... And he urged"
                plural = subj[0].tag_ in ("NNS", "NNPS")  # "European leaders rallied behind Zelensky. Starmer hosted him"
                if gender is not None and not via_pronoun and subj[0].pos_ != "PRON" and (
                        plural or not self._names_a_person(subj[0])) and (
                        named := self._agreeing_in(sent, subj[0], types, gender, exclude)):
                    # "Prosecutors issued a warrant for Mr Ruiz. He fled": the one person an unnamed subject's
                    # sentence names, not someone named before it; several there leave it open
                    return named if len(named) == 1 else []
        return []

    def _passive_doer(self, verb: Token, types: tuple[str, ...]) -> list[str]:
        """Who did a passive, by its "by" phrase; its owner when it names one ("ratified by Labour's
        executive committee. ... the party": Labour, whose committee it is)."""
        found: list[str] = []
        for tok in passive_agent(verb):
            owners = [a for c in tok.children if c.dep_ == "poss" for a in self.index.ids_at(c.i) if self.index.type_of(a) in types]
            found += owners or [a for a in self.index.ids_at(tok.i) if self.index.type_of(a) in types]
        return list(dict.fromkeys(found))

    def _topic_subjects(self, sent: Span, types: tuple[str, ...]) -> list[Token]:
        """The subject of a sentence, or, when it is a saying by unnamed people ("Kopp had travelled
        widely, authorities said", "Acme will cut jobs, the company said"), the subject of what was said,
        whom the sentence is about (not when one person says it: "the MP said Mr Blair had been hurt. He
        added" is the MP; but a body the sentence is about is what a person said of it: "He said Veritas
        would ... The party will hold")."""
        subj = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        if not subj and self._speech(sent.root):
            # "Mr Howard denied Mr Yeo, his spokesman, said the plans stink": the parser made the saying
            # the root, without a subject, and the first clause its complement; that clause's is the topic
            quoted = self.index.quoted_tokens()
            first = next((c for c in sent.root.children if c.dep_ in ("ccomp", "advcl") and c.i < sent.root.i
                          and c.i not in quoted), None)
            return [t for t in first.children if t.dep_ == "nsubj"] if first is not None else []
        if not subj or not self._speech(sent.root):
            return subj
        speaker, cues = subj[0], self.index.lexicon
        ids = self._ids_of_subject(speaker)
        if "PERSON" in types:
            about_others = speaker.tag_ == "NNS" and not ids
        else:  # a body a person speaks of ("He said Veritas would ..."), or an unnamed "the carmaker" of itself
            about_others = (speaker.lower_ in cues.cue("company_noun") | cues.cue("group_noun") and not ids
                            or speaker.lower_ in ("he", "she") or bool(ids) and all(self.index.type_of(a) == "PERSON" for a in ids))
        if about_others:  # (not "the report said": "it" is the report)
            quoted = self.index.quoted_tokens()  # (not a subject in the words it quotes: 'The statement said: "Acme ..."')
            told = [t for c in sent.root.children if c.dep_ == "ccomp" for t in c.children
                    if t.dep_ in ("nsubj", "nsubjpass") and t.i not in quoted]
            if told and all(t.lower_ in ("he", "she", "i") for t in told) and "PERSON" not in types:
                return subj  # "UKIP leader Roger Knapman said he was not surprised": of himself, so his title's party
            return told or subj
        return subj

    def _thing_last(self, sent: Span, root_subjects: list[Token]) -> bool:
        """The sentence's last subject, after its main one, is a thing ("the aircraft") that names no
        actor: an "it" in the next sentence is that thing, not the main subject."""
        quoted = self.index.quoted_tokens()
        last = max((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i not in quoted), key=lambda t: t.i, default=None)
        if last is None or last in root_subjects or not root_subjects or last.i < root_subjects[0].i:
            return False
        if last.head.i == sent.root.i:
            return False  # the one who says it ("Acme will cut jobs, the carmaker said"): what was said is the topic
        return (last.tag_ == "NN" and not self._ids_of_subject(last)
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in last.children)
                and last.lower_ not in self.index.lexicon.cue("group_noun") | self.index.lexicon.cue("state_body_noun"))

    def _ids_of_subject(self, subject: Token) -> list[str]:
        """The actors a subject names, itself or by the name set beside it ("The minister Tom Jones
        was asked", "The minister, Tom Jones, was asked", "said the general secretary of the union,
        Tom Jones": the parser hangs that name on the union)."""
        doc = self.index.doc
        if any(c.dep_ == "nummod" and c.i == subject.i + 1 for c in subject.children):
            return []  # "The last Airbus 300 was handed over. It marked the end...": a maker's model, not the maker
        heads = [subject, *(g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")]
        end = subject.right_edge.i
        while end > subject.i and doc[end].is_punct:
            end -= 1  # ("The head of the regional government, Carlos Mazon, has": the comma after the name)
        found = self.index.ids_at(subject.i) or next(
            (ids for c in subject.children if c.dep_ == "appos" and (ids := self.index.ids_at(c.i))
             and all(t.is_punct for t in doc[subject.i + 1 : c.left_edge.i])), []) or next(
            (ids for h in heads for c in h.children if c.dep_ == "appos" and c.right_edge.i == end
             and doc[c.left_edge.i - 1].text == "," and (ids := self.index.ids_at(c.i))
             and all(self.index.type_of(a) == "PERSON" for a in ids)), [])
        return found or self.index.state_body(subject)  # "The junta welcomed the decision. It had earlier banned ..."

    def _same_pronoun_in(self, sent: Span, types: tuple[str, ...], gender: str | None) -> list[str]:
        """The one person a same-gender pronoun subject of an earlier sentence refers to within that
        sentence ("Mr Moberg's comments had prompted censure - *he* told refugees to go home")."""
        if gender is None:
            return []
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PERSON_PRONOUNS and _gender_of(t.lower_) == gender:
                seen = self._named_before(t, types, gender, ())
                return seen if len(seen) == 1 else []
        return []

    def _named_before(self, tok: Token, types: tuple[str, ...], gender: str | None, exclude: tuple[str, ...]) -> list[str]:
        """The actors of these types named earlier in the pronoun's sentence, up to an earlier pronoun
        of its gender."""
        sent = tok.sent
        seen: list[str] = []
        quoted = self.index.quoted_tokens()
        outside = not self.index.in_quotation(tok)
        end = tok.i
        for i in range(sent.start, tok.i):
            t = self.index.doc[i]
            if t.pos_ == "PRON" and t.lower_ in PERSON_PRONOUNS and gender is not None and _gender_of(t.lower_) == gender \
                    and t.dep_ in ("nsubj", "nsubjpass"):
                # "When he refused to back Wilson, he said": the first "he" is the one meant again
                end = i
                break
        said = self._said.get(tok.i)
        if said is None:
            said = self._said[tok.i] = self._said_by(tok)
        for i in range(sent.start, end):
            if outside and i in quoted:
                continue  # '"... his wife Audrey ...," he said': nobody named in the quotation says it
            if i in said:
                continue  # "Mr Bush's first task was to rebuild trust, he said": a speaker does not name himself
            ids = self.index.ids_at(i)
            word = self.index.doc[i]
            if not ids and "PERSON" not in types and word.dep_ in ("nsubj", "nsubjpass") and word.pos_ == "NOUN":
                ids = self.index.named_by_head(word)  # "The fund agreed ..., and its board approved": the fund named before
            if ids and "PERSON" in types and _names_a_thing(self.index.doc[i]):
                continue  # "a junior minister in the Attlee government, he became chancellor": not Attlee
            for actor_id in ids:
                if (self.index.type_of(actor_id) in types and actor_id not in seen and actor_id not in exclude
                        and self.index.agrees(actor_id, gender)):
                    seen.append(actor_id)
        return seen

    def _said_by(self, tok: Token) -> set[int]:
        """What a pronoun says, when it is the subject of a speech verb: the reported clause, in
        quotation marks or not ("*the plan was flawed*, he said", "he said *the plan was flawed*")."""
        verb = tok.head
        if tok.dep_ != "nsubj" or not self._speech(verb):
            return set()
        # (a saying the parse hangs under it is not what it says: 'Ms Hutt said "...", she said')
        after = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i]
        said = {t.i for c in after if c.dep_ == "ccomp" and not self._speech(c) for t in c.subtree}
        if after:
            # "Mr Blunkett's comments prompted censure - he told refugees to go home": the verb says
            # what follows it, and the clause before is the writer's
            return said
        said |= {t.i for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and not self._speech(c) for t in c.subtree}
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and not self._speech(verb.head):
            # the parse hangs "he said" on the clause it reports
            own = {t.i for t in verb.subtree}
            said |= {t.i for t in verb.head.subtree if t.i not in own}
        return said

    def _speech(self, verb: Token) -> bool:
        return self.index.lexicon.speech_verb(verb.lemma_.lower())

    def _person_owner(self, subject: Token, types: tuple[str, ...], gender: str | None) -> list[str]:
        """The one person whose thing a sentence's subject is ("*Mr Moberg's* own comments"), when a
        pronoun in a later sentence has no person subject to refer to; for "it", the one country or body
        whose body the subject is ("Ukraine's military did not confirm the loss. It said")."""
        if subject.pos_ == "PRON" or "PERSON" not in types and subject.lower_ not in self.index.lexicon.cue("state_body_noun"):
            return []
        ids = [a for c in subject.children if c.dep_ == "poss" for a in self.index.ids_at(c.i) if self.index.type_of(a) in types]
        return ids if len(set(ids)) == 1 and self.index.agrees(ids[0], gender) else []

    def _same_person_word(self, subject: Token, gender: str) -> Token | None:
        """The pronoun of `gender` a sentence's subject is ("he") or owns ("his party"), which names the one the
        later pronoun means; not the owner of a person of its own ("His party leader, X, argued") nor of a
        passive's subject ("His claims were denied by X": X may be meant)."""
        if subject.lower_ in PERSON_PRONOUNS and _gender_of(subject.lower_) == gender:
            return subject
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in PERSON_PRONOUNS or _gender_of(owner.lower_) != gender:
            return None
        if subject.dep_ != "nsubj" or self._names_a_person(subject) or any(
                c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children):
            return None
        return owner

    def _names_a_person(self, noun: Token) -> bool:
        """ "the Pakistani president", "The 71-year-old", "his son": a subject that is a person unnamed."""
        people = self.index.lexicon.cue("person_noun")
        return (noun.lower_ in gazetteer().title_heads or noun.lower_ in people or noun.lemma_.lower() in people
                or "-old" in noun.doc[noun.left_edge.i : noun.i + 1].text)

    def _agreeing_in(self, sent: Span, subject: Token, types: tuple[str, ...], gender: str, exclude: tuple[str, ...]) -> list[str]:
        """The actors of a sentence, outside its quotations and its subject ("The army chief, General X,
        announced her resignation": "her" is not General X), that a pronoun of `gender` can stand for."""
        skip = self.index.quoted_tokens() | {t.i for t in subject.subtree}
        found = {a: None for i in range(sent.start, sent.end) if i not in skip and _in_main_clause(self.index.doc[i])
                 for a in self.index.ids_at(i)
                 if self.index.type_of(a) in types and self.index.agrees(a, gender) and a not in exclude}
        return list(found)

    def _marked_in(self, sent: Span, types: tuple[str, ...], gender: str) -> list[str]:
        """The actors of a sentence whose gender the text marks as `gender`."""
        out: list[str] = []
        for i in range(sent.start, sent.end):
            for actor_id in self.index.ids_at(i):
                if self.index.type_of(actor_id) in types and self.index.gender.get(actor_id) == gender and actor_id not in out:
                    out.append(actor_id)
        return out

    def counterparts(self, tok: Token, ctx: RefContext) -> list[str]:
        """ "his Israeli counterpart": the one person of that country holding the owner's office, else the country."""
        if any(c.dep_ == "appos" and any(self.index.type_of(a) == "PERSON" for a in self.index.ids_at(c.i)) for c in tok.children):
            return []  # "his Israeli counterpart, Ariel Sharon": the name says who
        countries: list[str] = []
        for child in tok.subtree:
            if child.i == tok.i or child.dep_ not in ("amod", "compound", "conj", "nmod"):
                continue
            for actor_id in self.index.ids_at(child.i):
                if self.index.type_of(actor_id) in COUNTRY_TYPES:
                    countries.append(actor_id)
        if tok.tag_ == "NNS":
            return list(dict.fromkeys(countries))  # "their US counterparts": the country's officials, not one person of it
        poss = [c for c in tok.children if c.dep_ == "poss"]
        owner = self.pronoun(poss[0], ctx) if poss and poss[0].pos_ == "PRON" else (self.index.ids_at(poss[0].i) if poss else [])
        owner_roles = {_office(r) for o in owner for r in self.index.by_id[o].roles} if owner else set()
        out: list[str] = []
        for country in dict.fromkeys(countries):
            people = [p for p, c in self.index.country_of.items() if c == country and p not in owner]
            if owner_roles:
                same = [p for p in people if {_office(r) for r in self.index.by_id[p].roles} & owner_roles]
                people = same or people
            out.append(people[0] if len(people) == 1 else country)
        return out


#: Dependencies that start a clause of its own under another.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "pcomp"})


def _in_main_clause(tok: Token) -> bool:
    """Not inside a clause under the sentence's main verb ("the law set when a court ruled that doctors
    could withdraw feeding from *Tony Bland*")."""
    while tok.head.i != tok.i:
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return True


def _post_subject(tok: Token) -> Token | None:
    """The subject before the pronoun in its clause, when it is a person named by a post ("the
    French foreign minister"): the one a possessive "his" or "her" stands for."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if (subject is not None and subject.pos_ == "NOUN" and subject.tag_ == "NN"
            and subject.lower_ in gazetteer().title_heads and not subject.ent_type_):
        return subject
    return None


def _gender_of(pronoun: str) -> str:
    return "f" if pronoun in FEMALE_PRONOUNS else "m"


def _names_a_thing(tok: Token) -> bool:
    """A name used to name a thing ("the *Attlee* government", "the *Tony Blair* years"): the person
    is not a referent a later pronoun takes up."""
    while tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


def _accused_of(tok: Token) -> Token | None:
    """X in "accused *X* of breaking its promise", when a possessive is in the act X is accused of."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "of":
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    return None


def _office(role: str) -> str:
    """ "President (Russia)" -> "president": the office without its country."""
    return role.split("(")[0].strip().lower()
