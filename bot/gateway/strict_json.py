"""Strict JSON request bodies for every API route (a FastAPI route class).

Python's ``json.loads`` is lenient: it accepts ``NaN``/``Infinity``, keeps the last of duplicate keys,
detects UTF-16/UTF-32 on bytes, and nesting a thousand levels deep ends in a ``RecursionError``. The
gateway accepts exactly RFC 8259 JSON in UTF-8 instead:

- not UTF-8 → 400 (``invalid_request``);
- ``NaN``/``Infinity``, duplicate keys, nesting deeper than :data:`MAX_DEPTH`, a BOM or any syntax error
  → 422 "kein gültiges JSON" (a ``json.JSONDecodeError`` that FastAPI turns into a validation error).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Coroutine

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

MAX_DEPTH = 32


def _check_depth(text: str) -> None:
    depth = 0
    in_string = escaped = False
    for position, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise json.JSONDecodeError("nested too deeply", text, position)
        elif char in "]}":
            depth -= 1


def strict_loads(body: bytes) -> Any:
    """Parse a request body; ``UnicodeDecodeError`` (→ 400) or ``json.JSONDecodeError`` (→ 422)."""
    text = body.decode("utf-8")  # strict: UTF-16 and invalid bytes fail here
    _check_depth(text)

    def no_constants(name: str) -> Any:
        raise json.JSONDecodeError(f"{name} is not JSON", text, 0)

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise json.JSONDecodeError("duplicate key", text, 0)
            result[key] = value
        return result

    return json.loads(text, parse_constant=no_constants, object_pairs_hook=unique_keys)


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_loads(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_handler
