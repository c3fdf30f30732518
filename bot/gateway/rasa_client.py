"""Talks to Rasa's REST channel and the health endpoints on localhost.

Every request carries the internal secret (``X-Schaengel-Secret``, bot/internal): Rasa's REST
channel refuses messages without it. Rasa's HTTP API (token) is used by ``bot.handoff.service``.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import time
import weakref
from dataclasses import dataclass
from typing import Any, Optional

import httpx

from bot.config import load_settings, split_urls
from bot.internal import SECRET_HEADER

logger = logging.getLogger(__name__)


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


#: The instance is down or died while the request was on the wire: send the message to the next one.
#: Rasa stores a turn's events only at its end, right before answering, so a message whose instance
#: died is (almost always) not stored yet. Timeouts are NOT retried: the instance may still be working.
_FAILOVER_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError, httpx.WriteError,
                    httpx.CloseError, httpx.RemoteProtocolError)


class RasaClient:
    """Forwards one citizen message to Rasa and returns Rasa's list of bot messages.

    ``rasa_url`` may list several Rasa instances, comma-separated (docs/deployment.md):
    requests go round-robin, and a request whose instance is unreachable is sent to
    the next one. The order of one conversation's messages is protected by Rasa's
    lock store (Redis), so no stickiness is needed.
    """

    def __init__(self, rasa_url: str, action_url: str, timeout_seconds: float,
                 internal_secret: Optional[str] = None) -> None:
        """``internal_secret`` defaults to ``SCHAENGEL_INTERNAL_SECRET`` (which bot.stack always sets)."""
        secret = load_settings().internal_secret if internal_secret is None else internal_secret
        #: sent with each request, not set on the client, so a replaced client (tests) still sends it
        self._headers = {SECRET_HEADER: secret} if secret else {}
        self._rasa_urls = split_urls(rasa_url) or [rasa_url.rstrip("/")]
        self._action_urls = split_urls(action_url) or [action_url.rstrip("/")]
        self._next = itertools.count()
        self._client = httpx.AsyncClient(timeout=timeout_seconds)
        #: one turn per conversation at a time from this gateway process (entries vanish when unused)
        self._turns: "weakref.WeakValueDictionary[str, asyncio.Lock]" = weakref.WeakValueDictionary()

    @property
    def rasa_urls(self) -> list[str]:
        return list(self._rasa_urls)

    async def close(self) -> None:
        await self._client.aclose()

    async def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        # Rasa 3.6's Redis ticket lock is a non-atomic read-modify-write: two instances taking tickets for
        # the same conversation at the same moment can lose one (LockError, HTTP 500). Messages of one
        # conversation that reach this gateway together (double click, several tabs) are therefore sent
        # one after the other; Rasa's lock still orders them across several gateway processes.
        turn = self._turns.setdefault(sender, asyncio.Lock())
        async with turn:
            return await self._send(sender, message)

    async def _send(self, sender: str, message: str) -> list[dict[str, Any]]:
        start = next(self._next)
        urls = [self._rasa_urls[(start + i) % len(self._rasa_urls)] for i in range(len(self._rasa_urls))]
        for attempt, url in enumerate(urls):
            try:
                response = await self._client.post(
                    f"{url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": message}, headers=self._headers,
                )
            except _FAILOVER_ERRORS as exc:
                if attempt + 1 < len(urls):
                    logger.warning("rasa_failover", extra={"reason": type(exc).__name__})
                    continue
                raise RasaUnavailable(type(exc).__name__) from exc
            except httpx.HTTPError as exc:
                raise RasaUnavailable(type(exc).__name__) from exc
            break
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
        return await self._probe_all([f"{url}/" for url in self._rasa_urls])

    async def probe_action_server(self) -> Probe:
        return await self._probe_all([f"{url}/health" for url in self._action_urls])

    async def _probe_all(self, urls: list[str]) -> Probe:
        """OK while at least one instance answers; names the instances that do not."""
        if len(urls) == 1:
            return await self._probe(urls[0])
        probes = await asyncio.gather(*(self._probe(url) for url in urls))
        down = [f"instance {i + 1}: {probe.detail}" for i, probe in enumerate(probes) if not probe.ok]
        return Probe(
            any(probe.ok for probe in probes), max(probe.latency_ms for probe in probes),
            "; ".join(down) or None,
        )

    async def _probe(self, url: str) -> Probe:
        started = time.perf_counter()
        try:
            response = await self._client.get(url, timeout=3.0, headers=self._headers)
        except httpx.HTTPError as exc:
            return Probe(False, (time.perf_counter() - started) * 1000, type(exc).__name__)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            return Probe(False, elapsed, f"HTTP {response.status_code}")
        return Probe(True, elapsed)
