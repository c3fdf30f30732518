"""Request limits and structured access logs of the public gateway.

- :class:`RateLimiter`: in-memory token buckets (per chat session, per client IP);
  ``n`` requests per minute with a burst of ``n``; 0 switches a limit off.
- :class:`BodyLimitMiddleware`: bodies larger than ``SCHAENGEL_MAX_BODY_BYTES`` → 413,
  whether announced by ``Content-Length`` or streamed.
- :class:`IpRateLimitMiddleware`: per-IP limit on every route (reads and writes counted apart).
- :class:`AccessLogMiddleware`: one JSON line per request at INFO (method, route
  template, status, duration) – never a message text, body or query string.

The limits live in one process: with several gateway instances each counts for
itself (a per-IP limit then allows n × instances; docs/privacy-security.md).
"""
from __future__ import annotations

import json
import logging
import math
import sys
import threading
import time
from collections import OrderedDict
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Optional

logger = logging.getLogger("schaengel.access")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

RATE_LIMITED_MESSAGE = (
    "Sie senden gerade sehr viele Nachrichten. Bitte warten Sie einen Moment und versuchen Sie es dann "
    "noch einmal."
)
#: a too-large body is read and dropped up to this size before the 413 is sent
DRAIN_LIMIT_BYTES = 1_048_576
TOO_LARGE_MESSAGE = "Ihre Anfrage ist zu groß. Bitte schicken Sie eine kürzere Nachricht."


class RateLimiter:
    """Token buckets keyed by session id or IP; bounded (least recently used keys are forgotten)."""

    def __init__(self, per_minute: int, max_keys: int = 100_000) -> None:
        self.per_minute = per_minute
        self._rate = per_minute / 60.0
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def hit(self, key: str, now: Optional[float] = None) -> float:
        """Take one token; 0.0 if allowed, else the seconds until the next token."""
        if not self.enabled:
            return 0.0
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self._rate
            while len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
            self._forget_refilled(now)
        return wait

    def _forget_refilled(self, now: float, budget: int = 4) -> None:
        """Drop least recently used buckets that are full again (same as absent): memory follows activity."""
        for _ in range(budget):
            if not self._buckets:
                return
            key, (tokens, last) = next(iter(self._buckets.items()))
            if tokens + (now - last) * self._rate < self.per_minute:
                return
            del self._buckets[key]

    def __len__(self) -> int:
        return len(self._buckets)


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()


async def send_error(send: Send, status: int, code: str, message: str,
                     headers: Optional[list[tuple[bytes, bytes]]] = None) -> None:
    body = error_body(code, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def rate_limited_headers(wait: float) -> list[tuple[bytes, bytes]]:
    return [(b"retry-after", str(max(1, math.ceil(wait))).encode())]


class BodyLimitMiddleware:
    """Reads request bodies up to ``max_bytes`` (they are small) and answers 413 beyond."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                await send_error(send, 400, "invalid_request", "Ihre Anfrage ist ungültig.")
                return
            if too_large:
                await self._drain(receive)
                await send_error(send, 413, "too_large", TOO_LARGE_MESSAGE)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                if message.get("more_body", False):  # the last chunk: nothing left to drain (else: hang)
                    await self._drain(receive, size)
                await send_error(send, 413, "too_large", TOO_LARGE_MESSAGE)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _drain(receive: Receive, already: int = 0) -> None:
        """Read (and drop) the rest of a moderately large body, so the client gets the 413 cleanly
        instead of a connection reset while it is still sending; beyond 1 MB the connection is closed."""
        size = already
        while size <= DRAIN_LIMIT_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                return
            size += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


class IpRateLimitMiddleware:
    """Per client IP on every route: writes (POST …) and reads (GET: events, pages, files) in separate buckets."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.limiter.enabled and scope["type"] == "http":
            client = scope.get("client")
            kind = "read" if scope["method"] in ("GET", "HEAD", "OPTIONS") else "write"
            wait = self.limiter.hit(f"ip-{kind}:{client[0] if client else 'unknown'}")
            if wait > 0:
                await send_error(send, 429, "rate_limited", RATE_LIMITED_MESSAGE, rate_limited_headers(wait))
                return
        await self.app(scope, receive, send)


class AccessLogMiddleware:
    """One structured line per request; the route template instead of the raw path for API routes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or scope.get("path", "")[:100]
            logger.info("request", extra={
                "method": scope.get("method"), "path": path, "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            })


_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """``{"ts": …, "level": …, "logger": …, "event": …, <extra fields>}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "event": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the gateway's own loggers (``bot.*`` and the access log)."""
    for name in ("bot", "schaengel"):
        target = logging.getLogger(name)
        if any(getattr(h, "_schaengel_json", False) for h in target.handlers):
            continue
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler._schaengel_json = True  # type: ignore[attr-defined]
        target.addHandler(handler)
        target.setLevel(level)
        target.propagate = False
