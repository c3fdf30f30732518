"""Talks to Rasa's REST channel and the health endpoints on localhost."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Optional

import httpx


class RasaUnavailable(Exception):
    """Rasa could not be reached or answered with an error."""


@dataclass(frozen=True)
class Probe:
    """Result of one dependency health probe."""

    ok: bool
    latency_ms: float
    detail: Optional[str] = None

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"ok": self.ok, "latency_ms": round(self.latency_ms, 1)}
        if self.detail:
            result["detail"] = self.detail
        return result


class RasaClient:
    """Forwards one citizen message to Rasa and returns Rasa's list of bot messages."""

    def __init__(self, rasa_url: str, action_url: str, timeout_seconds: float) -> None:
        self._rasa_url = rasa_url.rstrip("/")
        self._action_url = action_url.rstrip("/")
        self._client = httpx.AsyncClient(timeout=timeout_seconds)

    async def close(self) -> None:
        await self._client.aclose()

    async def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        try:
            response = await self._client.post(
                f"{self._rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": message},
            )
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        if response.status_code != 200:
            raise RasaUnavailable(f"HTTP {response.status_code}")
        try:
            payload = response.json()
        except ValueError as exc:
            raise RasaUnavailable("invalid JSON") from exc
        if not isinstance(payload, list):
            raise RasaUnavailable("unexpected reply shape")
        return [item for item in payload if isinstance(item, dict)]

    async def probe_rasa(self) -> Probe:
        return await self._probe(f"{self._rasa_url}/")

    async def probe_action_server(self) -> Probe:
        return await self._probe(f"{self._action_url}/health")

    async def _probe(self, url: str) -> Probe:
        started = time.perf_counter()
        try:
            response = await self._client.get(url, timeout=3.0)
        except httpx.HTTPError as exc:
            return Probe(False, (time.perf_counter() - started) * 1000, type(exc).__name__)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            return Probe(False, elapsed, f"HTTP {response.status_code}")
        return Probe(True, elapsed)
