"""Which language a citizen's message is in, with a detector that ships its model (py3langid).

Schängel answers in German; until English is supported end to end (issue "Languages"), an English
message must at least never get a wrong service card: the dialogue then takes a service only on
strong evidence and otherwise says so in English.
"""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: the languages the detector may choose from: citizens of Koblenz write these
LANGUAGES = ("de", "en", "fr", "tr", "ar", "ru", "uk", "pl", "fa", "it", "es", "nl")
#: below this probability, or with fewer words, a message counts as German (short German messages
#: such as "perso verloren" look English to any detector)
MIN_PROBABILITY = 0.8
MIN_WORDS = 3


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``; "de" when unsure."""
    if len(text.split()) < MIN_WORDS:
        return "de"
    language, probability = _identifier().classify(text[:1000])
    return str(language) if probability >= MIN_PROBABILITY else "de"


def is_english(text: str) -> bool:
    return detect_language(text) == "en"
