"""Rasa actions for services, opening hours, life situations and the two-stage fallback.

Each action only reads the tracker and calls ``bot.dialogue``; logic lives there.
"""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import SafeAction, catalogue, city_alternatives, latest_intent, latest_text
from bot.dialogue.fallback import answer_low_confidence, is_second_fallback
from bot.dialogue.hours import answer_opening_hours
from bot.dialogue.life_events import answer_life_event
from bot.dialogue.reply import Reply
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
