"""An in-process gateway (the real app) in front of a fake Rasa that records what reaches it.

No trained model needed: the fake answers like Rasa's REST channel (with a button) and its HTTP API
(pause/resume). Used by the regression tests of issue 13 and the property-based suite.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from bot.config import Settings


@dataclass
class FakeRasa:
    """Records every message and API call; answers each message with a text and one button."""

    messages: list[tuple[str, str]] = field(default_factory=list)
    api_calls: list[str] = field(default_factory=list)

    def app(self) -> Starlette:
        async def webhook(request: Request) -> JSONResponse:
            body = json.loads(await request.body())
            self.messages.append((body["sender"], body["message"]))
            return JSONResponse([{"recipient_id": body["sender"], "text": "Gern. Meinten Sie das?",
                                  "buttons": [{"title": "Ja", "payload": "/affirm"}]}])

        async def api(request: Request) -> JSONResponse:
            self.api_calls.append(request.url.path)
            return JSONResponse({"messages": []})

        async def health(_request: Request) -> JSONResponse:
            return JSONResponse({"status": "ok"})

        return Starlette(routes=[
            Route("/webhooks/rest/webhook", webhook, methods=["POST"]),
            Route("/conversations/{rest:path}", api, methods=["POST"]),
            Route("/", health), Route("/health", health),
        ])


def make_settings(tmp: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        var_dir=tmp, database_url=f"sqlite:///{tmp / 'gateway.db'}", tracker_db_url=f"sqlite:///{tmp / 't.db'}",
        rate_limit_ip=0, rate_limit_session=0, gateway_secret="test-secret", rasa_token="rasa-token",
    )
    values.update(overrides)
    return Settings(**values)


def gateway(tmp: Path, fake: FakeRasa, **overrides: Any) -> Iterator[TestClient]:
    """The real gateway app with its Rasa clients talking to ``fake`` in-process."""
    from bot.gateway.app import create_app

    app = create_app(make_settings(tmp, **overrides))
    transport = httpx.ASGITransport(app=fake.app())
    app.state.rasa._client = httpx.AsyncClient(transport=transport, base_url="http://rasa")
    app.state.handoff.rasa._client = httpx.AsyncClient(transport=transport, base_url="http://rasa")
    with TestClient(app, base_url="http://testserver") as client:
        yield client
