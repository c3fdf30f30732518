"""Rasa actions for services, opening hours, life situations and the two-stage fallback.

Each action only reads the tracker and calls ``bot.dialogue``; logic lives there.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction, catalogue, city_alternatives, latest_intent, latest_text, send_reply
from actions.handoff import ActionOfferHuman
from bot.dialogue.fallback import answer_low_confidence, is_second_fallback
from bot.dialogue.hours import answer_opening_hours
from bot.dialogue.life_events import answer_life_event
from bot.dialogue.reply import Reply
from bot.dialogue.routing import answer_case_status, answer_emergency_intent, answer_out_of_scope
from bot.dialogue.services import answer_service


class ActionAnswerService(SafeAction):
    def name(self) -> str:
        return "action_answer_service"

    def reply(self, tracker: Tracker) -> Reply:
        intent, confidence = latest_intent(tracker)
        return answer_service(
            catalogue(), intent or "service_info", confidence, latest_text(tracker),
            chosen_id=next(tracker.get_latest_entity_values("service_id"), None),
            context_id=tracker.get_slot("service_id"),
            context_aspect=tracker.get_slot("service_aspect"),
        )


class ActionOpeningHours(SafeAction):
    def name(self) -> str:
        return "action_opening_hours"

    def reply(self, tracker: Tracker) -> Reply:
        intent, confidence = latest_intent(tracker)
        return answer_opening_hours(
            catalogue(), latest_text(tracker), intent or "opening_hours", confidence,
            chosen_id=next(tracker.get_latest_entity_values("office_id"), None),
            context_office_id=tracker.get_slot("office_id"),
            context_service_id=tracker.get_slot("service_id"),
        )


class ActionLifeEvent(SafeAction):
    def name(self) -> str:
        return "action_life_event"

    def reply(self, tracker: Tracker) -> Reply:
        return answer_life_event(
            catalogue(), latest_text(tracker), next(tracker.get_latest_entity_values("life_event"), None)
        )


class ActionOutOfScope(SafeAction):
    """Out of scope, unless the message clearly names a service (then that service, or a reference)."""

    def name(self) -> str:
        return "action_out_of_scope"

    def reply(self, tracker: Tracker) -> Reply:
        _, confidence = latest_intent(tracker)
        return answer_out_of_scope(catalogue(), latest_text(tracker), confidence)


class ActionEmergency(SafeAction):
    """Emergency numbers first; a service question that only uses an emergency word gets the service."""

    def name(self) -> str:
        return "action_emergency"

    def reply(self, tracker: Tracker) -> Reply:
        _, confidence = latest_intent(tracker)
        return answer_emergency_intent(catalogue(), latest_text(tracker), confidence)


class ActionCaseStatus(ActionOfferHuman):
    """A personal case: Schängel cannot see it, so a person is offered. A named service
    without a case of one's own ("Wo finde ich den Antrag für Wohngeld?") gets the service."""

    def name(self) -> str:
        return "action_case_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        _, confidence = latest_intent(tracker)
        reply = answer_case_status(catalogue(), latest_text(tracker), confidence)
        if reply is not None:
            return send_reply(dispatcher, reply)
        dispatcher.utter_message(response="utter_case_status")
        return await super().run(dispatcher, tracker, domain)


class ActionRephraseOrHandoff(SafeAction):
    """Two-stage fallback: best guesses first; a person if the next message is unclear too."""

    def name(self) -> str:
        return "action_rephrase_or_handoff"

    def reply(self, tracker: Tracker) -> Reply:
        # newest first: the bot's actions before this message (the current action is not logged yet)
        previous = [e.get("name") for e in reversed(tracker.events)
                    if e.get("event") == "action" and e.get("name") not in ("action_listen", None)]
        ranking = tracker.latest_message.get("intent_ranking") or []
        return answer_low_confidence(
            catalogue(), latest_text(tracker), ranking,
            second_time=is_second_fallback(previous[:1], self.name()),
            alternatives=city_alternatives(),
        )
