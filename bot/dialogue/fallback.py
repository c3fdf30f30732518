"""Two-stage fallback: unsure → offer the best guesses as buttons; unsure again → offer a person."""
from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence

from bot.catalogue import Catalogue
from bot.contract import fallback_card, handoff_card
from bot.dialogue.reply import Reply, button
from bot.catalogue.text import words
from bot.dialogue.hours import named_office, office_reply
from bot.dialogue.routing import named_service_reply
from bot.dialogue.services import clarify_reply, content_words, resolve_service

#: intents that can be offered as a guess, with the button title citizens see
GUESS_TITLES = {
    "opening_hours": "Öffnungszeiten eines Amtes",
    "life_event": "Lebenslage (Geburt, Umzug, Heirat …)",
    "report_problem": "Einen Schaden melden",
    "ask_privacy": "Datenschutz",
    "about_schaengel": "Wer ist Schängel?",
    "capabilities": "Was kann Schängel?",
}
MIN_GUESS_CONFIDENCE = 0.1
MIN_SERVICE_GUESS_SCORE = 0.25
MAX_GUESSES = 3
#: a message this short that names an office is a follow-up about that office
FOLLOWUP_MAX_WORDS = 5


def guesses(
    catalogue: Catalogue, text: str, intent_ranking: Sequence[Mapping[str, Any]]
) -> list[dict[str, str]]:
    """Buttons for what the citizen probably meant: services first, then other intents."""
    query = " ".join(content_words(text))
    hits = [h for h in catalogue.search(query, limit=MAX_GUESSES) if h.score >= MIN_SERVICE_GUESS_SCORE] if query else []
    buttons = [button(h.service.title, "choose_service", service_id=h.service.service_id) for h in hits]
    for ranked in intent_ranking:
        name, confidence = ranked.get("name"), float(ranked.get("confidence") or 0.0)
        if len(buttons) >= MAX_GUESSES:
            break
        if name in GUESS_TITLES and confidence >= MIN_GUESS_CONFIDENCE:
            buttons.append(button(GUESS_TITLES[name], name))
    return buttons


def answer_low_confidence(
    catalogue: Catalogue,
    text: str,
    intent_ranking: Sequence[Mapping[str, Any]],
    second_time: bool,
    alternatives: Mapping[str, str],
) -> Reply:
    """Unsure what was meant: a short follow-up naming an office ("Und das Standesamt?") switches to
    that office, a clearly named service is answered, several close services are offered as a
    clarify; otherwise guesses first, then a person."""
    office = named_office(catalogue, text)
    if office and len(words(text)) <= FOLLOWUP_MAX_WORDS:
        return office_reply(catalogue, office[0], office[1], text, "opening_hours", None)
    named = named_service_reply(catalogue, text, None)
    if named is not None:
        return named
    close = resolve_service(catalogue, text).candidates
    if close and not second_time:
        return clarify_reply(close, "info")
    person = button("Mit einem Menschen sprechen", "request_human")
    if second_time:
        reply = Reply().say(
            "Ich verstehe Sie leider immer noch nicht – das liegt an mir, nicht an Ihnen. "
            "Möchten Sie mit einem Menschen bei der Stadt sprechen? Sie erreichen die Stadtverwaltung "
            f"auch telefonisch unter {alternatives['phone']}.",
            buttons=[person, button("Was kann Schängel?", "capabilities")],
        )
        reply.card(fallback_card("low_confidence", stage=2))
        return reply.card(handoff_card("offered", alternatives))
    options = guesses(catalogue, text, intent_ranking)
    text_out = ("Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Meinten Sie eines davon? "
                "Sonst formulieren Sie Ihre Frage bitte etwas anders.")
    if not options:
        text_out = "Das habe ich leider nicht verstanden. Könnten Sie Ihre Frage bitte anders formulieren?"
    reply = Reply().say(text_out, buttons=[*options, person])
    return reply.card(fallback_card("low_confidence", stage=1, guesses=[b["title"] for b in options]))


def is_second_fallback(previous_actions: Sequence[Optional[str]], fallback_action: str) -> bool:
    """True if the bot's previous turn was already this fallback (``previous_actions`` newest first)."""
    return bool(previous_actions) and previous_actions[0] == fallback_action
