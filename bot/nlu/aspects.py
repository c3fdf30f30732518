"""Unambiguous aspect cues in a service question: cost, documents, duration, online, location.

DIET learns the generic ``service_info`` intent from sentences that name many services, so
a question like "Wie teuer ist ein Kinderreisepass?" can land there because of the service
name, although "teuer" says plainly what is asked. These patterns name the aspect only
when the wording leaves no doubt; :func:`refine` corrects ``service_info`` with them and
touches nothing else (run inside Rasa by :mod:`bot.nlu.aspect_refiner`).

``data/nlu/regex.yml`` has the broad aspect cues ("wo", "fertig", "Termin", …) that DIET weighs as
features; these are the strict subset that may overrule it, so the two lists differ on purpose.
"""
from __future__ import annotations

import re
from typing import Any, Optional

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


GENERIC_INTENT = "service_info"
Ranking = list[dict[str, Any]]


def refine(intent: dict[str, Any], ranking: Ranking, text: str) -> tuple[dict[str, Any], Ranking]:
    """Rasa's (intent, intent_ranking) after the correction: unchanged unless ``service_info`` meets a
    cue; then the aspect intent takes service_info's place and confidence, and the two swap places."""
    if intent.get("name") != GENERIC_INTENT:
        return intent, ranking
    aspect = aspect_cue(text)
    if aspect is None:
        return intent, ranking
    swapped = []
    for entry in ranking:
        name = entry["name"]
        if name == GENERIC_INTENT:
            swapped.append({**entry, "name": aspect})
        elif name == aspect:
            swapped.append({**entry, "name": GENERIC_INTENT})
        else:
            swapped.append(entry)
    if aspect not in {entry["name"] for entry in ranking}:  # a cut-off ranking: keep service_info second
        swapped.insert(1, {"name": GENERIC_INTENT, "confidence": 0.0})
    return {"name": aspect, "confidence": intent.get("confidence")}, swapped
