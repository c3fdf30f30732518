"""Handoff actions: offer a person, queue the chat (pausing Rasa) or take a callback request.

Thin adapters to :mod:`bot.handoff` (docs/handoff.md). The action server writes the
case into the same inbox (``SCHAENGEL_DATABASE_URL``) that the gateway serves to
staff; from then on the gateway routes the citizen's messages to the inbox.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import load_settings
from bot.handoff import get_inbox, staff_hours
from bot.handoff import messages as texts
from bot.handoff.inbox import utcnow
from bot.handoff.transcript import from_tracker_events

logger = logging.getLogger(__name__)

#: an expired case this recent means "nobody accepted in time" (the gateway runs action_offer_human)
TIMEOUT_RECENT = dt.timedelta(minutes=2)

YES_LIVE = {"title": "Ja, bitte verbinden", "payload": "/affirm"}
YES_CALLBACK = {"title": "Ja, ich willige ein", "payload": "/affirm"}
NO_THANKS = {"title": "Nein, danke", "payload": "/deny"}


def _reason(tracker: Tracker) -> Optional[str]:
    intent = (tracker.latest_message or {}).get("intent", {}).get("name")
    return {"request_human": "request_human", "case_status": "case_status", "nlu_fallback": "fallback"}.get(
        intent, intent)


def _recently_expired(sender_id: str) -> bool:
    try:
        latest = get_inbox().latest_case(sender_id)
    except Exception:
        logger.exception("handoff_inbox_unavailable")
        return False
    return bool(latest and latest.state == "expired" and latest.ended_at
                and utcnow() - latest.ended_at < TIMEOUT_RECENT)


class ActionOfferHuman(Action):
    """Offer a person during staff hours; otherwise the alternatives and a callback (with consent)."""

    def name(self) -> str:
        return "action_offer_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        settings = load_settings()
        availability = staff_hours(settings).availability()
        timeout = await asyncio.to_thread(_recently_expired, tracker.sender_id)
        if availability.open_now and not timeout:
            dispatcher.utter_message(
                text=("Gern verbinde ich Sie hier im Chat mit einer Mitarbeiterin oder einem Mitarbeiter der "
                      "Stadtverwaltung Koblenz. Die Person sieht dafür unseren bisherigen Chatverlauf. "
                      "Möchten Sie verbunden werden? " + texts.alternatives_sentence(settings)),
                buttons=[YES_LIVE, NO_THANKS],
                json_message=texts.card(settings, "offered", staff_available=True),
            )
            return [SlotSet("handoff_offer", "live"), SlotSet("handoff_reason", _reason(tracker))]
        reason = "timeout" if timeout else "hours"
        dispatcher.utter_message(
            text=texts.callback_offer_text(settings, availability.next_text(), reason),
            buttons=[YES_CALLBACK, NO_THANKS],
            json_message=texts.card(settings, "unavailable", staff_available=False, callback_offered=True,
                                    next_opening=availability.next_opening.isoformat()
                                    if availability.next_opening else None),
        )
        return [SlotSet("handoff_offer", "callback"), SlotSet("handoff_reason", _reason(tracker))]


class ActionHandoffAccept(Action):
    """The citizen said yes: queue the chat for staff (and pause Rasa), or start a callback request."""

    def name(self) -> str:
        return "action_handoff_accept"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        settings = load_settings()
        hours = staff_hours(settings)
        transcript = from_tracker_events(tracker.events)
        inbox = get_inbox()
        mode = tracker.get_slot("handoff_offer")
        if mode not in ("live", "callback"):  # no open offer (should not happen): ask again
            dispatcher.utter_message(text="Wobei kann ich Ihnen helfen? Schreiben Sie „Mitarbeiter“, wenn Sie "
                                          "mit einem Menschen sprechen möchten.")
            return []
        if mode == "live":
            # Queued even if staff hours ended a moment ago: if nobody accepts in time, the gateway
            # ends the case and the bot offers the alternatives (SCHAENGEL_HANDOFF_ACCEPT_TIMEOUT).
            try:
                case = await asyncio.to_thread(inbox.open_case, tracker.sender_id, transcript,
                                               tracker.get_slot("handoff_reason"))
                info = await asyncio.to_thread(inbox.queue_info, case.id, settings.handoff_default_wait_minutes)
            except Exception:  # inbox unreachable: say so honestly instead of going silent
                logger.exception("handoff_open_failed")
                return _inbox_failed(dispatcher, settings, "die Weiterleitung an eine Mitarbeiterin oder einen "
                                                           "Mitarbeiter klappt gerade aus technischen Gründen nicht.")
            position = info.position if info else None
            wait = info.wait_minutes if info else None
            extra = {"case_id": case.id, "position": position, "wait_minutes": wait}
            dispatcher.utter_message(
                text=texts.queued_text(position, wait),
                buttons=[{"title": "Weiterleitung abbrechen", "payload": texts.CANCEL_PAYLOAD}],
                json_message=texts.card(settings, "queued", **{k: v for k, v in extra.items() if v is not None}),
            )
            return [SlotSet("handoff_offer", None), ConversationPaused()]
        # callback: consent was given with the button/“ja” to the consent text shown in the offer
        due = hours.next_working_day()
        try:
            await asyncio.to_thread(inbox.begin_callback, tracker.sender_id, texts.CALLBACK_CONSENT_TEXT,
                                    transcript, due)
        except Exception:
            logger.exception("handoff_callback_failed")
            return _inbox_failed(dispatcher, settings, "ich kann Ihre Bitte gerade aus technischen Gründen nicht "
                                                       "speichern.")
        dispatcher.utter_message(
            text=("Danke für Ihre Einwilligung. Bitte schreiben Sie mir jetzt Ihre Telefonnummer oder "
                  "E-Mail-Adresse und in ein, zwei Sätzen Ihr Anliegen. Diese Nachricht speichere ich nur für "
                  "die Stadtverwaltung, nicht für mich als Chatbot."),
            buttons=[{"title": "Abbrechen", "payload": texts.CANCEL_PAYLOAD}],
        )
        return [SlotSet("handoff_offer", None)]


class ActionHandoffDeclined(Action):
    def name(self) -> str:
        return "action_handoff_declined"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        settings = load_settings()
        mode = tracker.get_slot("handoff_offer")
        stored = " Ich habe nichts gespeichert." if mode == "callback" else ""
        dispatcher.utter_message(
            text=f"In Ordnung.{stored} Fragen Sie mich gern weiter. {texts.alternatives_sentence(settings)}",
        )
        return [SlotSet("handoff_offer", None)]


def _inbox_failed(dispatcher: CollectingDispatcher, settings: Any, what_failed: str) -> list[dict]:
    """The inbox could not be reached: apologise, name the other ways to reach the city, close the offer."""
    dispatcher.utter_message(
        text=f"Entschuldigung, {what_failed} {texts.alternatives_sentence(settings)}",
        json_message=texts.card(settings, "unavailable", staff_available=False),
    )
    return [SlotSet("handoff_offer", None)]
