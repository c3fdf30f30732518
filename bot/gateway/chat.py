"""One citizen turn: sanitise the input, forward it to Rasa, shape the reply.

Kept free of HTTP so that it can be tested directly. The gateway guarantees that
a citizen never gets silence: when Rasa fails or returns nothing, the reply is a
friendly German message with the city's phone number and a ``fallback`` card.

Nothing here is remembered per session: button payloads and message ids are bound to
their session by a signature (:class:`~bot.gateway.ids.SessionSigner`), so no number of
other sessions can evict a citizen's buttons, and no memory grows with sessions.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from typing import TYPE_CHECKING, Any, Optional

from bot.contract import alternatives, card_kind, emergency_card, fallback_card
from bot.emergency import detect_emergency
from bot.gateway.bounded import ExpiringMap
from bot.gateway.ids import SessionSigner
from bot.gateway.rasa_client import RasaClient, RasaUnavailable
from bot.privacy.pii import mask_pii

if TYPE_CHECKING:  # the handoff service imports gateway helpers; avoid a runtime cycle
    from bot.handoff.service import HandoffService

logger = logging.getLogger(__name__)

#: Payloads the widget may always send, although no button offered them.
ALWAYS_ALLOWED_PAYLOADS = frozenset({"/greet"})

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and lone surrogates
#: characters that look like or hide Rasa's command prefix "/"
_SLASH_LIKE = frozenset("/\\／⁄∕⧸╱⟋⫽")
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn", "Cs"})


def _command_prefix_char(char: str) -> bool:
    return char in _SLASH_LIKE or char.isspace() or unicodedata.category(char) in _INVISIBLE


def neutralise_commands(text: str) -> str:
    """Remove every leading run of slashes, whitespace and invisible characters.

    Rasa strips a message and treats one that starts with ``/`` as ``/intent{slots}``: ``"/ /restart"``,
    ``"/\\n/restart"`` or ``"\\u200b/restart"`` must all reach it as the plain word ``restart``. This is the
    only gate for citizen text on its way to Rasa (button payloads the bot offered are verified separately).
    """
    start = 0
    while start < len(text) and _command_prefix_char(text[start]):
        start += 1
    return text[start:].rstrip()


def sanitise_text(text: str) -> str:
    """Normalise citizen text (NFC, no control characters) and neutralise Rasa's ``/intent{…}`` syntax."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL_CHARS.sub(" ", text).strip()
    return neutralise_commands(text)


class ChatService:
    """Handles one citizen turn end to end (minus HTTP)."""

    def __init__(self, rasa: RasaClient, phone: str, email: str, form_url: str,
                 handoff: Optional["HandoffService"] = None, signer: Optional[SessionSigner] = None) -> None:
        self._rasa = rasa
        #: takes the turn while a person is (about to be) connected
        self.handoff = handoff
        self._phone = phone
        self._email = email
        self._form_url = form_url
        self.signer = signer or SessionSigner()
        #: (card type, service id) per sent message id, for feedback analytics; bounded and expiring
        self._answer_kinds: ExpiringMap[str, tuple[Optional[str], Optional[str]]] = ExpiringMap(20_000, 3600)

    def verified_payload(self, session_id: str, payload: Optional[str]) -> Optional[str]:
        """The payload if the bot offered it to this session (or it is always allowed), else None."""
        if payload is None:
            return None
        if payload in ALWAYS_ALLOWED_PAYLOADS:
            return payload
        return self.signer.unbind_payload(session_id, payload)

    async def handle(self, session_id: str, text: Optional[str], payload: Optional[str]) -> list[dict[str, Any]]:
        """Return the bot's messages for this turn, each with a session-bound ``id``."""
        offered = self.verified_payload(session_id, payload)
        if self.handoff is not None:
            # While a case is queued/connected the text goes to the inbox (stored before this
            # returns) and Rasa stays paused; typed "/restart" is stored as text too.
            handled = await self.handoff.intercept(session_id, text, offered if offered is not None else payload)
            if handled is not None:
                return self._remembered(session_id, [dict(m) for m in handled])
        if offered is not None:
            message, typed = offered, text or ""
        else:
            # personal data is masked before Rasa (and so its tracker store) sees the text;
            # the emergency safety net below still checks what the citizen actually typed
            typed = sanitise_text(text or _payload_text(payload))
            message = neutralise_commands(mask_pii(typed))
        if not message:
            return self._remembered(session_id, self.empty_input_messages())
        try:
            raw = await self._rasa.send(session_id, message)
        except RasaUnavailable as exc:
            logger.warning("rasa_unavailable", extra={"reason": str(exc)})
            raw = []
        messages = [shaped for shaped in map(_shape, raw) if shaped] or self.technical_error_messages()
        return self._remembered(session_id, with_emergency_net(typed, messages))

    def _remembered(self, session_id: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Give every message an id bound to this session and every button a bound payload."""
        bound = [self.bind(session_id, message) for message in messages]
        self._remember_answer_kinds(bound)
        return bound

    def bind(self, session_id: str, message: dict[str, Any]) -> dict[str, Any]:
        """A copy of ``message`` with a session-bound id and session-bound button payloads."""
        result = {**message, "id": self.signer.message_id(session_id)}
        if isinstance(message.get("buttons"), list):
            result["buttons"] = [
                {**button, "payload": self.signer.bind_payload(session_id, str(button.get("payload", "")))}
                if isinstance(button, dict) else button
                for button in message["buttons"]
            ]
        return result

    def owns_message(self, session_id: str, message_id: str) -> bool:
        return self.signer.owns_message(session_id, message_id)

    @staticmethod
    def emergency_messages(kinds: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
        """The safety net's answer, put first when NLU did not recognise the emergency."""
        return emergency_messages(kinds)

    @staticmethod
    def empty_input_messages() -> list[dict[str, Any]]:
        text = "Ihre Nachricht war leer. Bitte schreiben Sie mir Ihre Frage in ganzen Worten."
        return [_with_id({"text": text}), _with_id({"custom": fallback_card("invalid_input")})]

    def answer_kind(self, message_id: str) -> tuple[Optional[str], Optional[str]]:
        """(card type, service id) of a recently sent message, for feedback analytics."""
        return self._answer_kinds.get(message_id) or (None, None)

    def _remember_answer_kinds(self, messages: list[dict[str, Any]]) -> None:
        card = next((m["custom"] for m in messages if isinstance(m.get("custom"), dict)), {})
        kind = (card_kind(card), card.get("service_id"))
        for message in messages:
            self._answer_kinds.set(message["id"], kind)

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


def _payload_text(payload: Optional[str]) -> str:
    """An unverified payload counts as typed text (without a signature that was cut off)."""
    return (payload or "").rpartition("|")[0] or (payload or "")


def emergency_messages(kinds: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """112/110 first; with suicidal thoughts, violence at home or a child in danger also the help line."""
    text = (
        "**Falls Gefahr besteht: Rufen Sie sofort den Notruf an – 112** (Feuerwehr und Rettungsdienst) "
        "oder **110** (Polizei). Ich bin ein Chatbot und kann keine Hilfe schicken."
    )
    if "suicide" in kinds:
        text = (
            "Es tut mir leid, dass es Ihnen so schlecht geht. Sie sind nicht allein. **Wenn Sie in akuter "
            "Gefahr sind, rufen Sie bitte sofort 112 an.** Rund um die Uhr, kostenlos und anonym hört Ihnen "
            "die **Telefonseelsorge** zu: **0800 111 0 111** oder **0800 111 0 222**. Ich bin ein Chatbot und "
            "kann keine Hilfe schicken."
        )
    elif "domestic_violence" in kinds:
        text += (" Beratung bei Gewalt, kostenlos und anonym: **Hilfetelefon Gewalt gegen Frauen 116 016**, "
                 "**Hilfetelefon Gewalt an Männern 0800 123 99 00**.")
    if "child" in kinds:
        text += " Kinder und Jugendliche erreichen die **Nummer gegen Kummer** kostenlos unter **116 111**."
    return [_with_id({"text": text}), _with_id({"custom": emergency_card(kinds)})]


def with_emergency_net(typed: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put the emergency answer first if ``typed`` looks like an emergency and the reply lacks it;
    an emergency card the bot sent itself gets the matching help lines."""
    found = detect_emergency(typed)
    kinds = found.kinds if found else frozenset()
    if found is not None and not _has_card(messages, "emergency"):
        return emergency_messages(kinds) + messages
    if kinds:
        return [{**m, "custom": emergency_card(kinds)} if _is_card(m, "emergency") else m for m in messages]
    return messages


def _is_card(message: dict[str, Any], card_type: str) -> bool:
    return isinstance(message.get("custom"), dict) and message["custom"].get("type") == card_type


def _has_card(messages: list[dict[str, Any]], card_type: str) -> bool:
    return any(_is_card(m, card_type) for m in messages)


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
