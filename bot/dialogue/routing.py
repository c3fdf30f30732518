"""Intents that do not veto a clear service.

DIET decides what *kind* of message this is; but when a message names a service clearly, a side
intent must not swallow it: "Wo finde ich den Antrag für Wohngeld?" is no question about a personal
case, "Ich bin nach Koblenz gezogen und muss mich anmelden" wants the registration, not the moving
checklist, and "Wo beantrage ich einen Schwerbehindertenausweis?" deserves the name of the service
and who handles it rather than "Dabei kann ich Ihnen nicht helfen".

Each function here takes the side intent's own answer as the default and replaces it with the
service answer only when :func:`clear_service` finds one service on strong evidence.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from bot.catalogue import Catalogue, ReferenceService
from bot.catalogue.text import fold
from bot.catalogue.world import AnyService
from bot.dialogue.reply import Reply
from bot.dialogue.scope import other_place
from bot.dialogue.services import answer_service, content_words
from bot.emergency import looks_like_emergency, ordinary_context

#: share of a reference's title or citizen phrase that an out-of-scope message must match
NAMED_FOCUS = 0.5
#: an NLU emergency at least this sure is answered as one even when the safety net sees no danger
EMERGENCY_SURE = 0.9

#: the citizen refers to their own pending case ("Ist mein Bauantrag schon genehmigt?")
_OWN_CASE = re.compile(
    r"\b(mein|meine|meinen|meinem|unser|unsere|unseren)\s+(\w+\s+)?(antrag|antrags|bauantrag|vorgang|bescheid|akte"
    r"|widerspruch|unterlagen)\b"
    r"|\b(stand|bearbeitungsstand|status)\s+(meines|meiner|unseres|unserer|von meinem|von meiner|des)\b"
    r"|\b(schon|bereits)\s+(vor|seit)\b|\bimmer noch\b|\bnoch (keine|keinen|nichts)\b|\baktenzeichen\b"
    r"|\bwie weit ist\b|\bschon (genehmigt|bearbeitet|fertig|entschieden|raus|da)\b|\bwarte\w*\s+(seit|schon)\b"
    r"|\bhabe?\s+(\w+\s+){0,4}(beantragt|eingereicht|abgegeben|gestellt)\b"
)


def clear_service(catalogue: Catalogue, text: str) -> Optional[AnyService]:
    """The one service ``text`` names on strong evidence, or None (also for another town's services)."""
    if other_place(text):
        return None
    query = " ".join(content_words(text))
    if not query:
        return None
    # A service the catalogue lacks is taken at the normal bar: the training data labels such questions
    # ("Kindergeld …") out of scope, so the NLU's verdict says nothing against them. A catalogue service
    # overrules the NLU only on strong evidence, never on a typo guess ("Grippe" → "Krippe").
    found = catalogue.world.resolve(query)
    if isinstance(found.service, ReferenceService):
        # …as long as the words hit its name or citizen words, not a word deep inside a long official name
        named = found.focus >= NAMED_FOCUS and all(catalogue.world.knows(w) for w in found.matched)
        return found.service if named else None
    return catalogue.world.resolve(query, strict=True).service


def refers_to_own_case(text: str) -> bool:
    return bool(_OWN_CASE.search(fold(text)))


def named_service_reply(catalogue: Catalogue, text: str, confidence: Optional[float]) -> Optional[Reply]:
    """The service answer if ``text`` names one service clearly (:func:`clear_service`), else None."""
    service = clear_service(catalogue, text)
    if service is None:
        return None
    return answer_service(catalogue, "service_info", confidence, text, chosen_id=service.service_id)


def service_or(catalogue: Catalogue, text: str, confidence: Optional[float], default: Callable[[], Reply]) -> Reply:
    """The service answer if ``text`` names one clearly, else ``default()``."""
    return named_service_reply(catalogue, text, confidence) or default()


def answer_out_of_scope(catalogue: Catalogue, text: str, confidence: Optional[float]) -> Reply:
    """Out of scope, unless a (catalogue or national) service is named clearly."""
    return service_or(catalogue, text, confidence, lambda: Reply().respond("utter_out_of_scope"))


def answer_case_status(catalogue: Catalogue, text: str, confidence: Optional[float]) -> Optional[Reply]:
    """A service answer when the citizen names a service but no pending case of their own; else None
    (the caller then says that Schängel cannot see cases and offers a person)."""
    if refers_to_own_case(text):
        return None
    return named_service_reply(catalogue, text, confidence)


def answer_emergency_intent(catalogue: Catalogue, text: str, confidence: Optional[float]) -> Reply:
    """The NLU says emergency: the emergency answer — unless the safety net sees no danger now and either
    the message reads as an ordinary question (:func:`bot.emergency.ordinary_context`: "Kein Notfall! Der
    Rauchmelder piept", an accident last year, a question about fireworks) or the NLU is not sure and the
    message names a service ("Ich möchte zur freiwilligen Feuerwehr", "Notfall: mein Ausweis ist weg").
    Otherwise, when in doubt, the emergency answer wins."""
    emergency = lambda: Reply().respond("utter_emergency")  # noqa: E731
    if looks_like_emergency(text):
        return emergency()
    if ordinary_context(text):
        return answer_out_of_scope(catalogue, text, confidence)
    if (confidence or 0.0) >= EMERGENCY_SURE:
        return emergency()
    return service_or(catalogue, text, confidence, emergency)
