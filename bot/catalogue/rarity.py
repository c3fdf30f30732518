"""How distinctive a citizen's word is, from how common it is in German (``wordfreq``).

A word that is frequent in everyday German ("alt", "Vater", "Brief", "verloren") says little about
which administrative service is meant, however rare it is in the catalogue; a rare word
("Fischereischein", "Sperrmüll") says a lot. The search multiplies each query word's weight by
:func:`rarity`, so one ordinary word can no longer decide the service on its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from .text import fold

#: Zipf frequency (log10 of occurrences per billion words) at or below which a word counts fully …
RARE_ZIPF = 4.0
#: … and at or above which it counts only MIN_FACTOR (everyday words: "Haus" 5.4, "Kind" 5.3)
COMMON_ZIPF = 5.5
MIN_FACTOR = 0.25
_TOKEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """1.0 for a rare or unknown word (also typos), down to ``MIN_FACTOR`` for everyday words.

    Works on folded words too ("faehrt" is looked up as "fährt" as well): the search folds umlauts.
    """
    zipf = max(zipf_frequency(form, "de") for form in _spellings(word))
    if zipf <= RARE_ZIPF:
        return 1.0
    if zipf >= COMMON_ZIPF:
        return MIN_FACTOR
    return 1.0 - (1.0 - MIN_FACTOR) * (zipf - RARE_ZIPF) / (COMMON_ZIPF - RARE_ZIPF)


def _spellings(word: str) -> set[str]:
    """The word and its un-folded spellings ("fuehrerschein" → "führerschein", "strasse" → "straße")."""
    unfolded = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
    return {word, unfolded, unfolded.replace("ss", "ß")}


def rarity_factors(text: str) -> dict[str, float]:
    """Factor per folded word of ``text`` (the form :func:`bot.catalogue.text.words` yields)."""
    factors: dict[str, float] = {}
    for token in _TOKEN.findall(text.lower()[:2000]):
        for part in fold(token).split():
            factors[part] = min(factors.get(part, 1.0), rarity(token))
    return factors
