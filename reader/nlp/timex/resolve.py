"""Turn one tagged candidate into TIMEX3 (type, value, mod), reading the text's running context.

Each rule kind of resources/timex/rules.jsonl has one resolver, marked `@handles(kind)` in
points.py or relative.py; `check_rule_kinds` refuses, when the rules load, a rule whose kind
has no resolver and a resolver no rule uses. A resolver that fails on a candidate gives no
date for it, and the log says which rule failed on which text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import ClassVar

from reader.nlp.timex.lexicon import Rule
from reader.nlp.timex.points import CalendarPoints
from reader.nlp.timex.relative import RelativeExpressions
from reader.nlp.timex.tagger import Candidate
from reader.nlp.timex.values import Handler, Resolved

__all__ = ["Resolved", "Resolver", "RuleKindError", "check_rule_kinds"]

log = logging.getLogger(__name__)


class RuleKindError(ValueError):
    """The timex rules and their resolvers do not match (a start-up error, not a missing date)."""


class Resolver(CalendarPoints, RelativeExpressions):
    """Resolves candidates in reading order; `direction_at(char)` and `nouns_at(char)` read the parse."""

    #: rule kind -> its resolver, from the `@handles` marks.
    HANDLERS: ClassVar[dict[str, Handler]] = {}

    def resolve(self, cand: Candidate) -> list[Resolved]:
        handler = self.HANDLERS.get(cand.kind)
        if handler is None:  # check_rule_kinds keeps this from happening with the shipped rules
            raise RuleKindError(f"timex rule {cand.rule.name!r} has kind {cand.kind!r}, which no resolver handles")
        try:
            out = handler(self, cand)
        except (ValueError, OverflowError) as exc:  # a day that does not exist, a shift past the calendar
            log.info("timex rule %s: %r is not a date (%s)", cand.rule.name, cand.match.group(0), exc)
            return []
        except (KeyError, TypeError, IndexError):  # a bug in a resolver: said in the log, the text goes on
            log.exception("timex rule %s failed on %r", cand.rule.name, cand.match.group(0))
            return []
        for item in out:
            self._remember(item)
        return out


def _marked_handlers(cls: type) -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for klass in reversed(cls.__mro__):
        for value in vars(klass).values():
            kind = getattr(value, "rule_kind", None)
            if kind is not None:
                if kind in found and found[kind] is not value:
                    raise RuleKindError(f"two resolvers handle the timex rule kind {kind!r}")
                found[kind] = value
    return found


Resolver.HANDLERS = _marked_handlers(Resolver)


def check_rule_kinds(rules: Iterable[Rule], handlers: Iterable[str] | None = None) -> None:
    """RuleKindError unless every rule's kind has a resolver and every resolver has a rule."""
    known = set(Resolver.HANDLERS if handlers is None else handlers)
    used: dict[str, str] = {}
    for rule in rules:
        used.setdefault(rule.kind, rule.name)
    unknown = sorted(f"{name!r} ({kind})" for kind, name in used.items() if kind not in known)
    if unknown:
        raise RuleKindError(f"resources/timex/rules.jsonl: no resolver for the rule(s) {', '.join(unknown)}")
    idle = sorted(known - used.keys())
    if idle:
        raise RuleKindError(f"timex resolvers without a rule in resources/timex/rules.jsonl: {', '.join(idle)}")
