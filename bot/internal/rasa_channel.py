"""Rasa's REST channel behind the internal secret check.

``credentials.yml`` names ``bot.internal.rasa_channel.SecretRestInput``. The channel keeps the name
``rest``, so its URLs stay ``/webhooks/rest/`` and ``/webhooks/rest/webhook``; every request to them
needs the header ``X-Schaengel-Secret`` with ``SCHAENGEL_INTERNAL_SECRET`` (the gateway sends it),
else ``401``. Rasa's HTTP API (``--enable-api``) is protected separately by ``SCHAENGEL_RASA_TOKEN``.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import load_settings
from bot.internal import SECRET_HEADER, secret_matches, secret_problem


class SecretRestInput(RestInput):
    """``RestInput`` whose blueprint refuses requests without the internal secret."""

    def __init__(self, secret: str) -> None:
        problem = secret_problem(secret)
        if problem:
            raise RasaException(problem)  # Rasa's CLI prints it and exits with 1
        self._secret = secret

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[Text, Any]]) -> "SecretRestInput":
        # the secret comes from the environment only, never from credentials.yml
        return cls(load_settings().internal_secret)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)

        async def require_secret(request: Request) -> Optional[HTTPResponse]:
            if secret_matches(request.headers.get(SECRET_HEADER), self._secret):
                return None
            return response.json({"error": "unauthorized"}, status=401)

        # a blueprint middleware runs for this blueprint's routes only, before the handler
        blueprint.middleware(require_secret, "request")
        return blueprint
