"""What kind of actor a common noun names, as the field's dictionary files it: people who act for
their state (troops, police, ministers) or for themselves (farmers, unions, firms)."""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.events.lexicon import QUANTITY_HEADS, Lexicon
from reader.nlp.figures import Agent, figures

#: Sectors of the field's agent dictionary whose people act for their state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})


def group_agent(tok: Token) -> Agent | None:
    """The kind of actor the field's dictionary says a common noun is, with its compounds first
    ("trade unions", "riot police"), else alone ("protesters", "troops")."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS"):
        return None
    compounds = [c.lower_ for c in tok.lefts if c.dep_ == "compound" and not c.ent_type_]
    found = figures().agent(" ".join([*compounds, tok.lower_])) if compounds else None
    return found or figures().agent(tok.lower_)


def own_people(tok: Token) -> bool:
    """People the field's dictionary knows by trade who speak for themselves (doctors, lawyers), not
    for the state a leader commands (troops, police)."""
    agent = group_agent(tok)
    return agent is not None and agent.sector not in STATE_SECTORS


def of_state(tok: Token) -> bool:
    """ "ministers responsible for Wales": people who act for the state the phrase names."""
    agent = group_agent(tok)
    return agent is not None and agent.sector in STATE_SECTORS


def civil_group(tok: Token, lex: Lexicon) -> bool:
    """People outside the state (farmers, trade unions, students, companies, protesters, rebels),
    as against troops, police, officials or ministers, who act for their country."""
    return own_people(tok) and tok.lower_ not in lex.cue("voice_noun")


def group_doer(agent_toks: list[Token]) -> bool:
    """'Protesters stormed parliament in Nairobi', 'two of Britain's trade unions': a doer the field's
    dictionary knows as a kind of actor (protesters, troops, police, rebels) makes an act at a named
    place a row, though no one in it is named."""
    for tok in agent_toks:
        counted = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"] if tok.pos_ in ("NUM", "PRON") or tok.lower_ in QUANTITY_HEADS else []
        if any(group_agent(t) is not None for t in (tok, *counted)):
            return True
    return False
