"""Answers about when an office is open, live from the catalogue (Europe/Berlin).

The office comes from the citizen's words, a button, the office or service the
conversation is about — or the citizen is asked. The day comes from
``bot.opening_hours.resolve_day`` ("heute", "nächste Woche Mittwoch",
"24.12.", "an Fronleichnam"); without one, the answer is about right now.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from bot.catalogue import Catalogue, Office
from bot.contract import fallback_card, opening_hours_card, why
from bot.dialogue.office_facts import detail_lines, hours_source_line, unknown_hours_sentence
from bot.dialogue.reply import Reply, button
from bot.dialogue.scope import other_place
from bot.opening_hours import MONTH_NAMES, WEEKDAY_NAMES, resolve_day, to_local

MIN_OFFICE_SCORE = 0.5
#: capitalised words in an opening-hours question that do not name a place
_NOT_PLACES = frozenset(
    w.lower() for w in (*WEEKDAY_NAMES, *MONTH_NAMES, "Uhr", "Woche", "Wochenende", "Amt", "Ämter", "Stadt",
                        "Koblenz", "Öffnungszeiten", "Öffnungszeit", "Sprechzeiten", "Sprechzeit", "Termin",
                        "Feiertag", "Feiertagen", "Weihnachten", "Heiligabend", "Silvester", "Ostern", "Pfingsten",
                        "Fronleichnam", "Allerheiligen", "Neujahr", "Himmelfahrt", "Mittag", "Abend", "Vormittag",
                        "Nachmittag", "Samstags", "Sonntags", "Montags", "Dienstags", "Mittwochs", "Donnerstags",
                        "Freitags", "Jahren", "Rathaus", "Verwaltung", "Behörde", "Behörden", "Sie", "Ihr", "Ihre")
)
#: offices offered as buttons when the citizen did not say which one
COMMON_OFFICES = ("buergeramt", "kfz-zulassung", "standesamt", "auslaenderbehoerde")


def named_office(catalogue: Catalogue, text: str) -> Optional[tuple[Office, list[str]]]:
    """The office ``text`` names clearly enough, and the words that named it."""
    hits = catalogue.search_offices(text)
    if hits and hits[0].score >= MIN_OFFICE_SCORE:
        return hits[0].item, list(hits[0].matched)
    return None


def resolve_office(
    catalogue: Catalogue, text: str, chosen_id: Optional[str], context_office_id: Optional[str],
    context_service_id: Optional[str],
) -> tuple[Optional[Office], list[str]]:
    """The office meant, and what identified it (for ``why.matched``)."""
    if chosen_id and catalogue.office(chosen_id):
        return catalogue.office(chosen_id), [chosen_id]
    named = named_office(catalogue, text)
    if named:
        return named
    if context_office_id and catalogue.office(context_office_id):
        return catalogue.office(context_office_id), ["Gesprächskontext"]
    if context_service_id:
        offices = catalogue.offices_for(context_service_id)
        if offices:
            return offices[0], ["Gesprächskontext"]
    return None, []


def _named_place(text: str) -> Optional[str]:
    """A place the citizen named that is not a city office ("Wann hat Aldi auf?" → "Aldi")."""
    tokens = text.replace("?", " ").replace("!", " ").replace(",", " ").split()
    names = [t.strip(".:;\"'") for t in tokens[1:] if t[:1].isupper()]
    names = [n for n in names if n and n.lower() not in _NOT_PLACES and not n[:1].isdigit()]
    return names[0] if names else None


def answer_opening_hours(
    catalogue: Catalogue,
    text: str,
    intent: str,
    confidence: Optional[float],
    chosen_id: Optional[str] = None,
    context_office_id: Optional[str] = None,
    context_service_id: Optional[str] = None,
    now: Optional[dt.datetime] = None,
) -> Reply:
    office, matched = resolve_office(catalogue, text, chosen_id, context_office_id, context_service_id)
    unknown = other_place(text, anywhere=True)
    if not unknown and (office is None or (not chosen_id and "Gesprächskontext" in matched)):
        unknown = _named_place(text)
    if unknown:
        return Reply().say(
            f"Öffnungszeiten kenne ich nur für die Ämter der Stadtverwaltung Koblenz, nicht für „{unknown}“.",
            buttons=[button("Öffnungszeiten der städtischen Ämter", "opening_hours")],
        ).card(fallback_card("out_of_scope", asked_about=unknown))
    if office is None:
        choices = [catalogue.office(o) for o in COMMON_OFFICES if catalogue.office(o)]
        return Reply().say(
            "Für welches Amt möchten Sie die Öffnungszeiten wissen?",
            buttons=[button(o.name, "opening_hours", office_id=o.office_id) for o in choices],
        )
    return office_reply(catalogue, office, matched, text, intent, confidence, now)


def office_reply(
    catalogue: Catalogue, office: Office, matched: list[str], text: str, intent: str, confidence: Optional[float],
    now: Optional[dt.datetime] = None,
) -> Reply:
    """Where the office is and whether it is open (now, or on the day ``text`` names).

    Every fact carries its source and date; hours no source gives are said to be
    unknown (a ``fallback`` card, never a guessed "open"/"closed").
    """
    now = to_local(now)
    reply = Reply(slots={"office_id": office.office_id})
    details = detail_lines(office, now.date())
    if not office.has_hours:
        reply.say("\n\n".join([f"**{office.name}**: {unknown_hours_sentence(office)}", *details]))
        reply.card(fallback_card("hours_unknown", office_id=office.office_id, office=office.name))
        return reply
    status = catalogue.status(office, now)
    day = resolve_day(text, now.date(), catalogue.calendar)
    if day is not None and day != now.date():
        sentence = catalogue.day_sentence(office, day, now.date())
    else:
        sentence = status.sentence
    lines = [f"**{office.name}**: {sentence}", *details]
    source_line = hours_source_line(office, now.date())
    if source_line:
        lines.append(source_line)
    reply.say("\n\n".join(lines))
    reply.card(opening_hours_card(status, why(intent, confidence, matched), asked_day=day.isoformat() if day else None))
    return reply
