"""The case- and accent-free key names are compared by (reader/nlp/gazetteer.py `fold`)."""

import string
import unicodedata

from reader.nlp.gazetteer import fold


def _decomposed_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def test_accents_and_case_fold_alike():
    assert fold("Erdoğan") == fold("ERDOGAN") == "erdogan"
    assert fold("Łódź") == _decomposed_fold("Łódź")


def test_plain_ascii_folds_as_the_full_decomposition_does():
    samples = [string.printable, "Tony Blair", "AL-QAEDA", "O'Neill", "Mr. Smith-Jones 2005"]
    for text in samples:
        assert fold(text) == _decomposed_fold(text)
