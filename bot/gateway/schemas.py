"""Request and response models of the public API (they generate the OpenAPI document)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Extra, Field, root_validator

from bot.config import load_settings

MAX_TEXT_LENGTH = load_settings().max_message_length
SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


class ChatRequest(BaseModel):
    """One citizen message, or a button the bot offered (``payload``, with its title as ``text``)."""

    session_id: str = Field(..., regex=SESSION_ID_PATTERN, description="Random id of the chat, made by the widget")
    text: Optional[str] = Field(None, max_length=MAX_TEXT_LENGTH)
    payload: Optional[str] = Field(None, max_length=500)

    class Config:
        extra = Extra.forbid

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


class FeedbackRequest(BaseModel):
    session_id: str = Field(..., regex=SESSION_ID_PATTERN)
    message_id: str = Field(..., regex=r"^[A-Za-z0-9_-]{1,64}$")
    rating: Literal["up", "down"]

    class Config:
        extra = Extra.forbid


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
