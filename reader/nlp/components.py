"""spaCy components of our own, registered with `Language.factory`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class BriefingEntities:
    """Correct the small model's entity confusions with rules shipped as data."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("briefing_entities")
def make_briefing_entities(nlp: Language, name: str) -> BriefingEntities:
    return BriefingEntities(nlp, name)
