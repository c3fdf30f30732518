"""Unambiguous aspect cues in a service question: cost, documents, duration, online, location.

DIET learns the generic ``service_info`` intent from sentences that name many services, so
a question like "Wie teuer ist ein Kinderreisepass?" can land there because of the service
name, although "teuer" says plainly what is asked. These patterns name the aspect only
when the wording leaves no doubt; :mod:`bot.nlu.aspect_refiner` uses them to correct
``service_info`` and nothing else.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.catalogue.text import fold

#: aspect intent → pattern over folded text (ä→ae, ß→ss, lower case). Order matters: the first
#: match wins ("Was kostet es, und wie lange dauert es?" is answered as a cost question).
ASPECT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("service_cost", re.compile(
        r"\b(was|wie ?viel|wieviel) (kostet|kosten|zahlt|zahle|bezahlt|bezahle)\b|\bwie teuer\b|\bteuer\b"
        r"|\bgebuehr(en)?\b|\bpreis\b|\bkostenlos\b|\bumsonst\b|\bkostet\b|\bbezahlen\b")),
    ("service_documents", re.compile(
        r"\bwas (brauch|brauche|brauchen|braucht|benoetige|benoetigt)\w* (ich|man|wir|sie|ihr)\b"
        r"|\bwelche (unterlagen|dokumente|papiere|nachweise|belege)\b|\bunterlagen\b|\bmitbringen\b"
        r"|\bmitnehmen\b|\bvorlegen\b|\bvollmacht\b")),
    ("service_duration", re.compile(
        r"\bwie lange? (dauert|braucht|brauchen|geht|muss ich warten|wartet)\b|\bdauert\b|\bbearbeitungszeit\b"
        r"|\bwann (ist|wird|bekomme|kriege|krieg|habe) .{0,40}\bfertig\b")),
    ("service_online", re.compile(r"\bonline\b|\binternet\b|\bdigital\b|\bim netz\b|\bper (e-?mail|mail)\b")),
    ("service_location", re.compile(
        r"^\s*wo\b|\bwohin\b|\ban wen\b|\bwelche[sm]? (amt|stelle|behoerde|buero)\b|\bzustaendig\b"
        r"|\badresse (vom|von der|des|der)\b")),
)


def aspect_cue(text: str) -> Optional[str]:
    """The aspect intent that ``text`` names beyond doubt, or ``None``."""
    folded = fold(text)
    return next((intent for intent, pattern in ASPECT_CUES if pattern.search(folded)), None)
