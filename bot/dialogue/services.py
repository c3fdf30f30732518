"""Answers about one service: what it is, cost, documents, duration, online, where.

Which service is meant comes from the catalogue search over the citizen's words
(robust to typos, inflection and colloquial names), from a button's
``service_id``, or — for follow-ups like "Und was kostet das?" — from the service
the conversation is about. When several services fit equally well, the citizen
is asked (``clarify``) instead of guessed for.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Optional, Sequence

from bot.catalogue import Catalogue, Office, ReferenceService, Service, is_reference_id
from bot.catalogue.text import words
from bot.catalogue.world import AnyService
from bot.config import load_settings
from bot.language import is_english
from bot.contract import clarify_card, fallback_card, reference_card, service_card, why
from bot.dialogue.hours import named_office, office_reply
from bot.dialogue.office_facts import cited, detail_lines
from bot.dialogue.reply import Reply, button
from bot.dialogue.scope import other_place
from bot.opening_hours import to_local

ASPECT_BY_INTENT = {
    "service_info": "info",
    "service_cost": "cost",
    "service_documents": "documents",
    "service_duration": "duration",
    "service_online": "online",
    "service_location": "location",
    "followup_child": "child",
}

#: words that say WHAT is asked (cost, papers, time, place, …) or are generic request verbs;
#: they must not pick the service. Pronouns, articles and particles are the search's business
#: (bot.catalogue.text.STOPWORDS; particles like "an" in "melde … an" are needed there).
_QUESTION_WORDS = frozenset(
    """
    wo wann wie welche welcher welches wieviel viel kostet kosten kostenlos gebuehr gebuehren preis teuer
    zahlen bezahlen unterlagen dokumente papiere nachweise formulare mitbringen mitnehmen vorlegen einreichen
    benoetige dauert dauer lange lang bearbeitungszeit bearbeitung fertig schnell wochen online internet digital
    gebaeude sitzt sitz adresse befindet termin zustaendig zustaendige zustaendigen zustaendiger zustaendigkeit
    amt behoerde stelle stell stellen beantrage beantragen antrag bekomme bekommen kriege
    kriegt neues neuen neue neuer neu koblenz stadt frage info infos erledigen machen mache tun geht gilt
    normalerweise ungefaehr heute morgen alles persoenlich vorbeikommen post per
    bekomm bekommst bekommt krieg kriegst holen hole holt abholen moeglich mach macht machst
    kost koss koste cost costs fee fees price documents papers long where open
    geoeffnet oeffnungszeit oeffnungszeiten offen oeffnet mittags vormittags nachmittags abends
    """.split()
)
#: two words of three letters or more joined by a hyphen; short parts are abbreviations ("EC-Karte", "P-Schein")
_HYPHENATED = re.compile(r"(?<=[^\W\d_]{3})-(?=[^\W\d_]{3})")
#: "Elterngeldantrag" → "elterngeld", "Sperrmülltermin" → "sperrmüll": an aspect at the end of a
#: compound says what is asked, not which service
_ASPECT_SUFFIXES = ("antrags", "antrag", "antraege", "termine", "termin", "gebuehren", "gebuehr", "kosten",
                    "unterlagen", "formulare", "formular")

#: the city's overview of its services (the parent of every koblenz.de service page)
REFERENCE_INFO_URL = "https://www.koblenz.de/buergerservice/leistungen/"


@dataclass(frozen=True)
class Resolution:
    """Which service a message is about: exactly one, several candidates (at most
    :data:`bot.catalogue.world.CLARIFY_MAX`), or none.

    ``service`` is a catalogue :class:`Service` or, for a service the catalogue lacks, a
    :class:`ReferenceService` from the national background.
    """

    service: Optional[AnyService] = None
    candidates: tuple[AnyService, ...] = ()
    matched: tuple[str, ...] = ()
    score: Optional[float] = None
    from_context: bool = False


def content_words(text: str) -> list[str]:
    """The words of ``text`` that can name a service (aspect and question words removed)."""
    kept = []
    # "Kinder-Reisepass" is the compound "Kinderreisepass" (the search splits it into its parts where needed)
    for word in words(_HYPHENATED.sub("", text)):
        if word in _QUESTION_WORDS or word.isdigit():  # numbers are ages, dates, prices: never a service
            continue
        for suffix in _ASPECT_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                word = word[: -len(suffix)]
                break
        kept.append(word)
    return kept


def lookup_service(catalogue: Catalogue, service_id: Optional[str]) -> Optional[AnyService]:
    """A catalogue service by id, or a reference service by its ``leika:<key>`` id."""
    if not service_id:
        return None
    if is_reference_id(service_id):
        return catalogue.world.reference(service_id)
    return catalogue.service(service_id)


def resolve_service(
    catalogue: Catalogue, text: str, chosen_id: Optional[str] = None, context_id: Optional[str] = None
) -> Resolution:
    chosen = lookup_service(catalogue, chosen_id)
    if chosen is not None:
        return Resolution(service=chosen, matched=(chosen.title,), score=1.0)
    query = " ".join(content_words(text))
    # an English message is searched against German names: only strong evidence counts (bot.language)
    found = catalogue.world.resolve(query, strict=is_english(text)) if query else None
    if found and found.candidates:
        return Resolution(candidates=found.candidates, matched=found.matched, score=found.score)
    if found and found.service:
        return Resolution(service=found.service, matched=found.matched, score=found.score)
    context = lookup_service(catalogue, context_id)
    if context is not None:
        return Resolution(service=context, from_context=True)
    return Resolution()


def answer_service(
    catalogue: Catalogue,
    intent: str,
    confidence: Optional[float],
    text: str,
    chosen_id: Optional[str] = None,
    context_id: Optional[str] = None,
    context_aspect: Optional[str] = None,
) -> Reply:
    """The reply to a service question (``intent`` is one of :data:`ASPECT_BY_INTENT` or choose_service)."""
    aspect = ASPECT_BY_INTENT.get(intent) or context_aspect or "info"
    place = other_place(text)
    if place and not chosen_id:
        return _other_place(place)
    named: Optional[tuple[Office, list[str]]] = None
    context = lookup_service(catalogue, context_id) if aspect == "child" else None
    if context is not None:
        # "Und für mein Kind?" asks about the service already discussed; "Kind" names no service
        resolution = Resolution(service=context, from_context=True)
    else:
        named = None if chosen_id else named_office(catalogue, text)
        resolution = resolve_service(catalogue, text, chosen_id, context_id)
    office_hit = named if named and _office_wins(resolution, aspect, named[1]) else None
    if office_hit:
        return office_reply(catalogue, office_hit[0], office_hit[1], text, intent, confidence)
    if resolution.candidates:
        return clarify_reply(resolution.candidates, aspect)
    service = resolution.service
    if service is None:
        return _not_found(catalogue, text)
    reasons = why(intent, confidence, list(resolution.matched) or (["Gesprächskontext"] if resolution.from_context else []))
    if isinstance(service, ReferenceService):
        return reference_reply(service, aspect, reasons)
    reply = Reply(slots={"service_id": service.service_id, "service_aspect": aspect})
    reply.say(_ASPECT_TEXT[aspect](catalogue, service), buttons=_next_questions(aspect))
    reply.card(service_card(service, reasons, catalogue.offices_for(service)))
    return reply


def _office_wins(resolution: Resolution, aspect: str, office_words: Sequence[str]) -> bool:
    """Whether a question that names an office is answered with the office ("Wo ist das Meldeamt?").

    A service the citizen names wins ("Muss ich für den Fischereischein zum Ordnungsamt?" is
    answered with who really handles it) — unless it was found only through the office's own name
    ("In welchem Gebäude ist die Führerscheinstelle?"). A where-question naming an office is answered
    with the office rather than a clarify question; other questions only when no service was found.
    """
    if aspect not in ("location", "info"):
        return False
    found_by_office_name = bool(resolution.matched) and set(resolution.matched) <= set(office_words)
    if resolution.service and not resolution.from_context and not found_by_office_name:
        return False
    return not (aspect == "info" and resolution.candidates and not found_by_office_name)


#: how the routing's certainty is said to citizens
_ROUTING_TEXT = {
    "high": "Zuständig ist in der Regel: {name}.",
    "medium": "Zuständig ist wahrscheinlich: {name} – bitte prüfen Sie das vorher.",
}
_NOT_CHECKED = {
    "cost": "Zu den Gebühren",
    "documents": "Zu den nötigen Unterlagen",
    "duration": "Zur Bearbeitungszeit",
}


def reference_reply(reference: ReferenceService, aspect: str, reasons: dict) -> Reply:
    """Name a service the Koblenz catalogue lacks, say who handles it, state no unchecked facts."""
    settings = load_settings()
    topic = _NOT_CHECKED.get(aspect)
    unchecked = (f"{topic} habe ich keine geprüften Angaben der Stadt Koblenz." if topic else
                 "Dazu habe ich keine von der Stadt Koblenz geprüften Angaben, deshalb nenne ich Ihnen keine "
                 "Gebühren, Unterlagen oder Fristen.")
    responsible = reference.responsible
    if responsible is not None and reference.certainty in _ROUTING_TEXT:
        routing = _ROUTING_TEXT[reference.certainty].format(name=responsible.name)
        if responsible.kind != "city":
            routing += " Das ist keine Stelle der Stadtverwaltung Koblenz."
    else:
        routing = "Welche Stelle dafür zuständig ist, kann ich nicht sicher sagen."
    text = (f"Das klingt nach: **{reference.title}**.\n\n{unchecked} {routing}\n\n"
            f"Verlässliche Auskunft erhalten Sie über die Behördennummer {settings.city_phone}; die Leistungen "
            f"der Stadt finden Sie unter [koblenz.de – Leistungen A–Z]({REFERENCE_INFO_URL}).")
    reply = Reply(slots={"service_id": reference.service_id, "service_aspect": aspect})
    reply.say(text, buttons=[button("Mit einem Menschen sprechen", "request_human"),
                             button("Das meinte ich nicht", "deny")])
    return reply.card(reference_card(reference, reasons, REFERENCE_INFO_URL))


def clarify_reply(candidates: Sequence[AnyService], aspect: str) -> Reply:
    reply = Reply(slots={"service_aspect": aspect})
    reply.say(
        "Dazu passen mehrere Leistungen. Welche meinen Sie?",
        buttons=[button(s.title, "choose_service", service_id=s.service_id) for s in candidates],
    )
    reply.card(clarify_card([{"service_id": s.service_id, "leika": s.leika or None, "title": s.title,
                               "coverage": "reference" if isinstance(s, ReferenceService) else "catalogue"}
                              for s in candidates]))
    return reply


def _other_place(place: str) -> Reply:
    reply = Reply().say(
        f"Ich bin der Assistent der Stadt Koblenz und kenne nur deren Leistungen. Für {place} wenden Sie sich "
        f"bitte an die dortige Verwaltung; die Behördennummer 115 hilft Ihnen bundesweit weiter.",
        buttons=[button("Mit einem Menschen sprechen", "request_human")],
    )
    return reply.card(fallback_card("out_of_scope", place=place))


#: said when an English question found no service: Schängel answers in German (bot.language)
ENGLISH_NOTE = ("I am sorry, I can only answer in German so far. Please ask your question in German, call "
                "the public service number 115, or talk to a person at the city.")


def _not_found(catalogue: Catalogue, text: str) -> Reply:
    reply = Reply()
    english = f"{ENGLISH_NOTE}\n\n" if is_english(text) else ""
    reply.say(
        f"{english}Zu dieser Frage habe ich leider keine passende Leistung der Stadtverwaltung gefunden. "
        "Nennen Sie mir bitte die Leistung, zum Beispiel „Reisepass“ oder „Gewerbe anmelden“, "
        "oder lassen Sie sich mit einem Menschen verbinden.",
        buttons=[button("Mit einem Menschen sprechen", "request_human"), button("Was kann Schängel?", "capabilities")],
    )
    reply.card(fallback_card("no_service_found"))
    return reply


def _next_questions(aspect: str) -> list[dict[str, str]]:
    options = [
        ("cost", "Was kostet das?", "service_cost"),
        ("documents", "Welche Unterlagen brauche ich?", "service_documents"),
        ("online", "Geht das online?", "service_online"),
        ("location", "Wo und wann?", "service_location"),
    ]
    return [button(title, intent) for key, title, intent in options if key != aspect][:3]


# -- texts per aspect ------------------------------------------------------------------


def _check(service: Service) -> str:
    return "" if service.is_reviewed else f"\n\n{service.check_notice()}"


def _offices_text(catalogue: Catalogue, service: Service) -> str:
    offices = catalogue.offices_for(service)
    if not offices:
        return f"Zuständig: {service.authority}." if service.authority else ""
    names = ", ".join(o.name for o in offices)
    text = f"Zuständig: {names}."
    if service.authority:
        text = f"Zuständig: {service.authority}. Ansprechpartner in Koblenz: {names}."
    return text


def _info(catalogue: Catalogue, service: Service) -> str:
    parts = [f"**{service.title}**", service.summary]
    if service.online_url:
        parts.append(f"Das geht auch online: [Online beantragen]({service.online_url}).")
    parts.append(_offices_text(catalogue, service))
    return "\n\n".join(p for p in parts if p) + _check(service)


def _cost(catalogue: Catalogue, service: Service) -> str:
    fees = service.fees
    if not fees.items:
        note = f" {fees.note}" if fees.note else ""
        return (f"Zu den Gebühren für **{service.title}** habe ich keine geprüfte Angabe.{note} "
                f"Bitte prüfen Sie die aktuellen Angaben unter {service.check_url}.")
    today = to_local().date()
    # a line with its own source names it: two figures that disagree are shown as such, each dated
    lines = "\n".join(f"- {cited(fee.text(), fee.source, today)}" for fee in fees.items)
    text = f"Gebühren für **{service.title}**:\n\n{lines}"
    if fees.note:
        text += f"\n\n{fees.note}"
    source = fees.source or service.source
    if not source.is_reviewed:
        text += f"\n\n{source.citation()}. Bitte prüfen Sie die aktuellen Angaben unter {service.check_url}."
    return text


def _documents(catalogue: Catalogue, service: Service) -> str:
    if not service.documents:
        return (f"Welche Unterlagen Sie für **{service.title}** brauchen, habe ich nicht hinterlegt. "
                f"Bitte prüfen Sie die aktuellen Angaben unter {service.check_url}.")
    lines = "\n".join(f"- {doc}" for doc in service.documents)
    return f"Für **{service.title}** brauchen Sie in der Regel:\n\n{lines}" + _check(service)


def _duration(catalogue: Catalogue, service: Service) -> str:
    if not service.processing_time:
        return (f"Wie lange **{service.title}** dauert, habe ich nicht hinterlegt. "
                f"Bitte prüfen Sie die aktuellen Angaben unter {service.check_url}.")
    return f"Bearbeitungszeit für **{service.title}**: {service.processing_time}" + _check(service)


def _online(catalogue: Catalogue, service: Service) -> str:
    if service.online_url:
        return (f"Ja, **{service.title}** können Sie online erledigen: "
                f"[Online beantragen]({service.online_url}).") + _check(service)
    where = _offices_text(catalogue, service)
    return (f"Für **{service.title}** kenne ich keinen Online-Dienst; meist müssen Sie dafür persönlich "
            f"vorbeikommen. {where}").strip() + _check(service)


def _location(catalogue: Catalogue, service: Service) -> str:
    parts = [f"**{service.title}**", _offices_text(catalogue, service)]
    today = to_local().date()
    for office in catalogue.offices_for(service):
        parts.append(f"{office.name}: " + " · ".join(detail_lines(office, today)))
    if service.appointment_url:
        parts.append(f"[Termin buchen]({service.appointment_url})")
    return "\n\n".join(p for p in parts if p) + _check(service)


def _child(catalogue: Catalogue, service: Service) -> str:
    """The same question for a child: child variants of the service and age-dependent fees."""
    variants = [s for s in catalogue.services if s.service_id != service.service_id
                and s.service_id.startswith("kinder") and s.service_id.removeprefix("kinder") in service.service_id]
    child_fees = [f for f in service.fees.items if f.max_age is not None and f.max_age < 24]
    parts = []
    for variant in variants:
        parts.append(f"Für Kinder: **{variant.title}** – {variant.summary}")
    if child_fees:
        parts.append("Gebühren nach Alter:\n\n" + "\n".join(f"- {f.text()}" for f in child_fees))
    if not parts:
        parts.append(f"Für Kinder gelten bei **{service.title}** keine anderen Regeln, die ich kenne. "
                     "Bei Minderjährigen müssen in der Regel die Sorgeberechtigten zustimmen.")
    return "\n\n".join(parts) + _check(service)


_ASPECT_TEXT = {
    "info": _info,
    "cost": _cost,
    "documents": _documents,
    "duration": _duration,
    "online": _online,
    "location": _location,
    "child": _child,
}
