"""German text normalisation for the service search.

Citizens type "Führerschein", "Fuehrerschein" or "fuhrerschein", inflect
("Ausweises", "abgemeldet") and glue words together ("Hundesteueranmeldung").
Everything that is indexed or searched goes through :func:`terms` so that both
sides meet on the same folded, lightly stemmed form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_WORD = re.compile(r"[a-z0-9]+")

#: words that carry no meaning for finding a service (folded spelling)
STOPWORDS = frozenset(
    """
    a ab aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bin bis bitte
    bist brauch brauche brauchen da damit dann das dass dem den denn der des dessen die dies diese diesem
    diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einfach er es etwas euch
    euer eure fuer gibt gern gerne guten hab habe haben hallo hat hatte hier hin ich ihr ihre ihrem ihren
    im in ist ja jetzt kann kannst koennen koennte man mein meine meinem meinen meiner meines mich mir mit
    moechte moechten muss musst muessen nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind
    so soll sollte tag uns unser unsere vom von vor war was weil welche wenn wer werde werden wie wieder
    will wir wird wo wollen womit worden wurde zu zum zur ueber um unter und sowie bzw ggf usw etc
    wann warum welcher welches wieso weshalb
    ins aufs wohin woher dahin sowas jemand jemandem jemanden nix nichts mal eben gerade schon trotzdem
    also nun halt denn eigentlich vielleicht irgendwo irgendwie irgendwas ne nen n
    kein keine keinen keinem keiner keines
    """.split()
    # Koblenzer Platt / Moselfränkisch function words ("Wat moss isch dofür metbrenge?")
    + """
    isch mer mir dat wat et e en ene enem dä de dem minge minger mingem ming dinge sing singe un vun vum
    fer fir fuer moss muss bruch bruche hann hat hät kann kanns zick hee do dann wie wo wann wer ob su so net
    nit nix jo joh och ooch misch disch kuett kutt well wolle maache
    """.split()
    # English function words: an English question must not match German words by accident
    + """
    the a an i my me we our you your is are am was be do does did how what where when who which can could
    should would will to of for in on at by with from and or it this that there have has need needs get
    please hi hello want
    """.split()
)

#: separable verb particles: "ich melde mich ab" → "abmelde…"
PARTICLES = frozenset({"ab", "an", "auf", "aus", "ein", "um", "zu", "nach", "weg"})


def fold(text: str) -> str:
    """Lower-case, fold umlauts/ß to ASCII digraphs, drop other accents."""
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded words of ``text`` (stop words kept)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light German stemmer (CISTEM-like suffix stripping on folded words).

    Deliberately conservative: it only needs to map inflected forms onto one
    another ("ausweises"/"ausweis", "meldungen"/"meldung", "umziehen"/"umzieh"),
    not to produce linguistic roots.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    w = word
    for suffix in ("ungen", "ung"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    changed = True
    while changed and len(w) > 3:
        changed = False
        if len(w) > 4 and w[-2:] in ("em", "er", "nd"):
            w = w[:-2]
            changed = True
        elif len(w) > 3 and w[-1] in "tesn":
            w = w[:-1]
            changed = True
    return w


def terms(text: str, keep_stopwords: bool = False) -> list[str]:
    """Stemmed terms of ``text`` in order, stop words removed."""
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]
