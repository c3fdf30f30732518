"""The result of one dialogue step: messages for the citizen and slot updates."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Reply:
    """Messages in the reply-contract shape (``text``/``buttons``/``custom``) and slots to set."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, Optional[str]] = field(default_factory=dict)

    def say(self, text: str, buttons: Optional[list[dict[str, str]]] = None) -> "Reply":
        message: dict[str, Any] = {"text": text}
        if buttons:
            message["buttons"] = buttons
        self.messages.append(message)
        return self

    def respond(self, response: str) -> "Reply":
        """A response from the domain (``utter_…``), sent as Rasa renders it."""
        self.messages.append({"response": response})
        return self

    def card(self, card: dict[str, Any]) -> "Reply":
        self.messages.append({"custom": card})
        return self


def button(title: str, intent: str, **entities: str) -> dict[str, str]:
    """A button whose payload triggers ``intent`` with entities, e.g. ``/choose_service{"service_id":"x"}``."""
    payload = f"/{intent}" + (json.dumps(entities, ensure_ascii=False, separators=(",", ":")) if entities else "")
    return {"title": title, "payload": payload}
