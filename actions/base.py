"""Shared plumbing for Schängel's actions: catalogue access, error safety, sending replies."""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.catalogue import Catalogue, load_catalogue
from bot.config import load_settings
from bot.contract import alternatives, fallback_card
from bot.dialogue.reply import Reply
from bot.language import is_english

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The catalogue with its open-world index and the language detector, loaded once per action-server
    process (on the first question, about 2 s)."""
    loaded = load_catalogue()
    loaded.world  # noqa: B018 - builds the catalogue + LeiKa index
    is_english("warm up the language detector")
    return loaded


def city_alternatives() -> dict[str, str]:
    settings = load_settings()
    return alternatives(settings.city_phone, settings.city_email, settings.contact_form_url)


def latest_intent(tracker: Tracker) -> tuple[Optional[str], Optional[float]]:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name"), intent.get("confidence")


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


class SafeAction(Action, ABC):
    """An action that never leaves the citizen in silence: errors become a friendly message.

    Abstract, so rasa-sdk registers only the concrete actions.
    """

    @abstractmethod
    def name(self) -> str: ...

    @abstractmethod
    def reply(self, tracker: Tracker) -> Reply: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            reply = self.reply(tracker)
        except Exception:  # noqa: BLE001 - any failure must still answer the citizen
            logger.exception("action_failed", extra={"action": self.name()})
            reply = technical_error_reply()
        return send_reply(dispatcher, reply)


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    """Send a :class:`Reply`'s messages and return its slot updates as events."""
    for message in reply.messages:
        if "response" in message:
            dispatcher.utter_message(response=message["response"])
        elif "custom" in message:
            dispatcher.utter_message(json_message=message["custom"])
        else:
            dispatcher.utter_message(text=message.get("text"), buttons=message.get("buttons") or [])
    return [SlotSet(name, value) for name, value in reply.slots.items()]


def technical_error_reply() -> Reply:
    settings = load_settings()
    return Reply().say(
        "Entschuldigung, bei der Antwort ist ein technischer Fehler aufgetreten. Bitte versuchen Sie es "
        f"gleich noch einmal oder rufen Sie die Behördennummer {settings.city_phone} an."
    ).card(fallback_card("technical_error", alternatives=city_alternatives()))
