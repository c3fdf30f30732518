"""One harmless action for the action server tests (``--actions tests.security.ping_actions``)."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionPing(Action):
    def name(self) -> str:
        return "action_ping"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[Any]:
        dispatcher.utter_message(text="pong")
        return []
