"""One citizen turn: sanitise the input, forward it to Rasa, shape the reply.

Kept free of HTTP so that it can be tested directly. The gateway guarantees that
a citizen never gets silence: when Rasa fails or returns nothing, the reply is a
friendly German message with the city's phone number and a ``fallback`` card.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Optional

from bot.contract import alternatives, emergency_card, fallback_card
from bot.emergency import looks_like_emergency
from bot.gateway.rasa_client import RasaClient, RasaUnavailable
from bot.privacy.pii import mask_pii

if TYPE_CHECKING:  # the handoff service imports gateway helpers; avoid a runtime cycle
    from bot.handoff.service import HandoffService

logger = logging.getLogger(__name__)

#: Payloads the widget may always send, although no button offered them.
ALWAYS_ALLOWED_PAYLOADS = frozenset({"/greet"})

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and lone surrogates


def sanitise_text(text: str) -> str:
    """Normalise citizen text and neutralise Rasa's ``/intent{…}`` syntax.

    A citizen who types ``/restart`` or ``/handoff{"x":1}`` must not trigger an
    intent or set a slot: leading slashes are removed so the text goes through
    NLU like any other sentence.
    """
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL_CHARS.sub(" ", text).strip()
    return text.lstrip("/").strip()


class OfferedPayloads:
    """Remembers, per session, which button payloads the bot offered last.

    Only these (and :data:`ALWAYS_ALLOWED_PAYLOADS`) may be sent back as a
    payload, so buttons work while typed intents stay impossible. Bounded LRU:
    a forgotten session simply falls back to sending the button's title as text.
    """

    def __init__(self, max_sessions: int = 10_000) -> None:
        self._max_sessions = max_sessions
        self._offered: OrderedDict[str, frozenset[str]] = OrderedDict()

    def remember(self, session_id: str, messages: list[dict[str, Any]]) -> None:
        payloads = frozenset(
            button["payload"]
            for message in messages
            for button in message.get("buttons") or []
            if isinstance(button, dict) and isinstance(button.get("payload"), str)
        )
        self._offered[session_id] = payloads
        self._offered.move_to_end(session_id)
        while len(self._offered) > self._max_sessions:
            self._offered.popitem(last=False)

    def allows(self, session_id: str, payload: str) -> bool:
        return payload in ALWAYS_ALLOWED_PAYLOADS or payload in self._offered.get(session_id, frozenset())


class ChatService:
    """Handles one citizen turn end to end (minus HTTP)."""

    def __init__(self, rasa: RasaClient, phone: str, email: str, form_url: str,
                 handoff: Optional["HandoffService"] = None) -> None:
        self._rasa = rasa
        #: takes the turn while a person is (about to be) connected
        self.handoff = handoff
        self._phone = phone
        self._email = email
        self._form_url = form_url
        self.offered = OfferedPayloads()
        self._answer_kinds: OrderedDict[str, tuple[Optional[str], Optional[str]]] = OrderedDict()

    async def handle(self, session_id: str, text: Optional[str], payload: Optional[str]) -> list[dict[str, Any]]:
        """Return the bot's messages for this turn, each with a unique ``id``."""
        if self.handoff is not None:
            # While a case is queued/connected the text goes to the inbox (stored before this
            # returns) and Rasa stays paused; typed "/restart" is stored as text too.
            handled = await self.handoff.intercept(session_id, text, payload)
            if handled is not None:
                return self._remembered(session_id, [_with_id({k: v for k, v in m.items() if k != "id"})
                                                     for m in handled])
        if payload is not None and self.offered.allows(session_id, payload):
            message = typed = payload
        else:
            # personal data is masked before Rasa (and so its tracker store) sees the text;
            # the emergency safety net below still checks what the citizen actually typed
            typed = sanitise_text(text or payload or "")
            message = mask_pii(typed)
        if not message:
            return self._remembered(session_id, self.empty_input_messages())
        try:
            raw = await self._rasa.send(session_id, message)
        except RasaUnavailable as exc:
            logger.warning("rasa_unavailable", extra={"reason": str(exc)})
            raw = []
        messages = [shaped for shaped in map(_shape, raw) if shaped] or self.technical_error_messages()
        if looks_like_emergency(typed) and not _has_card(messages, "emergency"):
            messages = self.emergency_messages() + messages
        return self._remembered(session_id, messages)

    def _remembered(self, session_id: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.offered.remember(session_id, messages)
        self._remember_answer_kinds(messages)
        return messages

    @staticmethod
    def emergency_messages() -> list[dict[str, Any]]:
        """The safety net's answer, put first when NLU did not recognise the emergency."""
        text = (
            "**Falls Gefahr besteht: Rufen Sie sofort den Notruf an – 112** (Feuerwehr und Rettungsdienst) "
            "oder **110** (Polizei). Ich bin ein Chatbot und kann keine Hilfe schicken."
        )
        return [_with_id({"text": text}), _with_id({"custom": emergency_card()})]

    @staticmethod
    def empty_input_messages() -> list[dict[str, Any]]:
        text = "Ihre Nachricht war leer. Bitte schreiben Sie mir Ihre Frage in ganzen Worten."
        return [_with_id({"text": text}), _with_id({"custom": fallback_card("invalid_input")})]

    def answer_kind(self, message_id: str) -> tuple[Optional[str], Optional[str]]:
        """(card type, service id) of a recently sent message, for feedback analytics."""
        return self._answer_kinds.get(message_id, (None, None))

    def _remember_answer_kinds(self, messages: list[dict[str, Any]], limit: int = 50_000) -> None:
        card = next((m["custom"] for m in messages if isinstance(m.get("custom"), dict)), {})
        kind = (card.get("type"), card.get("service_id"))
        for message in messages:
            self._answer_kinds[message["id"]] = kind
        while len(self._answer_kinds) > limit:
            self._answer_kinds.popitem(last=False)

    def technical_error_messages(self) -> list[dict[str, Any]]:
        text = (
            "Entschuldigung, ich kann Ihnen gerade aus technischen Gründen nicht antworten. "
            "Bitte versuchen Sie es gleich noch einmal. Sie erreichen die Stadt Koblenz auch "
            f"telefonisch unter der Behördennummer {self._phone} oder per E-Mail an {self._email}."
        )
        card = fallback_card(
            "technical_error", alternatives=alternatives(self._phone, self._email, self._form_url)
        )
        return [_with_id({"text": text}), _with_id({"custom": card})]


def _has_card(messages: list[dict[str, Any]], card_type: str) -> bool:
    return any(isinstance(m.get("custom"), dict) and m["custom"].get("type") == card_type for m in messages)


def _shape(item: dict[str, Any]) -> Optional[dict[str, Any]]:
    """Keep the contract's fields of one Rasa message and give it an id."""
    message: dict[str, Any] = {}
    if isinstance(item.get("text"), str) and item["text"].strip():
        message["text"] = item["text"]
    buttons = [
        {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
        for b in item.get("buttons") or []
        if isinstance(b, dict)
    ]
    if buttons:
        message["buttons"] = buttons
    if isinstance(item.get("custom"), dict):
        message["custom"] = item["custom"]
    if isinstance(item.get("image"), str):
        message["image"] = item["image"]
    return _with_id(message) if message else None


def _with_id(message: dict[str, Any]) -> dict[str, Any]:
    return {"id": uuid.uuid4().hex, **message}
