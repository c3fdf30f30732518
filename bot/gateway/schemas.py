"""Request and response models of the public API (they generate the OpenAPI document).

Requests are strict: strings must be JSON strings (no numbers or booleans coerced), ids must match
their pattern exactly (:func:`bot.gateway.ids.is_session_id`), unknown fields are rejected. The JSON
itself is parsed strictly by :mod:`bot.gateway.strict_json`.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Extra, Field, constr, root_validator, validator

from bot.config import load_settings
from bot.gateway.ids import MESSAGE_ID_PATTERN, SESSION_ID_PATTERN, is_message_id, is_session_id

MAX_TEXT_LENGTH = load_settings().max_message_length
MAX_PAYLOAD_LENGTH = 600

SessionId = constr(strict=True, regex=SESSION_ID_PATTERN)
MessageText = constr(strict=True, max_length=MAX_TEXT_LENGTH)
Payload = constr(strict=True, max_length=MAX_PAYLOAD_LENGTH)

__all__ = ["SESSION_ID_PATTERN", "ChatRequest", "ChatReply", "FeedbackRequest"]


def _exact_session_id(value: str) -> str:
    if not is_session_id(value):
        raise ValueError("invalid session id")
    return value


class ChatRequest(BaseModel):
    """One citizen message, or a button the bot offered (``payload``, with its title as ``text``)."""

    session_id: SessionId = Field(..., description="Random id of the chat, made by the widget")  # type: ignore[valid-type]
    text: Optional[MessageText] = None  # type: ignore[valid-type]
    payload: Optional[Payload] = Field(  # type: ignore[valid-type]
        None, description="A button's payload exactly as the bot sent it (bound to this session)")

    class Config:
        extra = Extra.forbid

    _session = validator("session_id", allow_reuse=True)(_exact_session_id)

    @root_validator(skip_on_failure=True)
    def _text_or_payload(cls, values: dict[str, Any]) -> dict[str, Any]:  # noqa: N805
        text, payload = values.get("text"), values.get("payload")
        if not payload and not (text and text.strip()):
            raise ValueError("text or payload is required")
        return values


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    """One bot message of the reply contract: text, buttons and/or a ``custom`` card."""

    id: str
    text: Optional[str] = None
    buttons: Optional[list[Button]] = None
    custom: Optional[dict[str, Any]] = None
    image: Optional[str] = None


class ChatReply(BaseModel):
    session_id: str
    messages: list[BotMessage]
    events_token: Optional[str] = Field(
        None, description="Secret of this session's events stream (header X-Events-Token of GET /api/v1/events)")


class FeedbackRequest(BaseModel):
    session_id: SessionId  # type: ignore[valid-type]
    message_id: constr(strict=True, regex=MESSAGE_ID_PATTERN)  # type: ignore[valid-type]
    rating: Literal["up", "down"]

    class Config:
        extra = Extra.forbid

    _session = validator("session_id", allow_reuse=True)(_exact_session_id)

    @validator("message_id")
    def _exact_message_id(cls, value: str) -> str:  # noqa: N805
        if not is_message_id(value):
            raise ValueError("invalid message id")
        return value

    @validator("rating", pre=True)
    def _rating_is_a_string(cls, value: Any) -> Any:  # noqa: N805
        if not isinstance(value, str):
            raise ValueError("rating must be a string")
        return value


class ClientConfig(BaseModel):
    max_message_length: int
    privacy_url: str
    phone: str
    greeting: bool


class ErrorDetail(BaseModel):
    code: str
    message: str = Field(..., description="German text that can be shown to the citizen")
    fields: Optional[list[str]] = None


class ErrorReply(BaseModel):
    error: ErrorDetail


class HealthReply(BaseModel):
    status: Literal["ok", "degraded"]
    checks: dict[str, dict[str, Any]]


class HandoffStatus(BaseModel):
    state: str
    position: Optional[int] = None
    wait_minutes: Optional[int] = None


class CitizenEvent(BaseModel):
    id: str
    message: dict[str, Any]


class CitizenEvents(BaseModel):
    """``GET /api/v1/events``: what staff (and the bot) sent since ``after``, and the case's state."""
    events: list[CitizenEvent]
    handoff: Optional[HandoffStatus] = None
