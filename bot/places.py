"""Other municipalities than Koblenz, by name — one list for the dialogue and the catalogue.

The dialogue declines questions about them ("Anwohnerparkausweis in Mainz"); the catalogue
refuses them as the source of a fee (a Koblenz fee never comes from another city's page).
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

#: other municipalities citizens of Koblenz ask about: neighbours and large German cities
OTHER_PLACES = (
    "Mainz", "Trier", "Neuwied", "Lahnstein", "Andernach", "Bendorf", "Vallendar", "Mayen", "Boppard",
    "Montabaur", "Bad Ems", "Mülheim-Kärlich", "Weißenthurm", "Köln", "Bonn", "Berlin", "Hamburg", "München",
    "Frankfurt", "Stuttgart", "Düsseldorf", "Dortmund", "Essen", "Leipzig", "Dresden", "Hannover", "Nürnberg",
    "Wiesbaden", "Kaiserslautern", "Ludwigshafen", "Saarbrücken", "Siegen", "Limburg", "Wien", "Zürich",
)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})


_IN_TEXT = re.compile(r"\b(" + "|".join(re.escape(p.lower()) for p in OTHER_PLACES) + r")\b")
#: a place as a web address spells it: "muenchen", "bad-ems"
_HOST_FORMS = {p.lower().translate(_FOLD): p for p in OTHER_PLACES}
_IN_HOST = re.compile(r"[.-](" + "|".join(re.escape(f) for f in _HOST_FORMS) + r")[.-]")


def other_place_of_source(name: str, url: str) -> Optional[str]:
    """The other municipality a source belongs to: named in its title ("Landeshauptstadt München")
    or in its web address's host ("stadt.muenchen.de"); the path is not read (its words are topics)."""
    match = _IN_TEXT.search(name.lower())
    if match:
        return next(p for p in OTHER_PLACES if p.lower() == match.group(1))
    host = _IN_HOST.search("." + (urlsplit(url).hostname or "") + ".")
    return _HOST_FORMS[host.group(1)] if host else None
