"""Citizen side of the handoff: the live events of one chat session (long poll)."""
from __future__ import annotations

from typing import Any, Callable, Optional

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from bot.gateway.ids import SESSION_ID_PATTERN, is_session_id


class HandoffStatus(BaseModel):
    state: str
    position: Optional[int] = None
    wait_minutes: Optional[int] = None


class CitizenEvent(BaseModel):
    id: str
    message: dict[str, Any]


class CitizenEvents(BaseModel):
    events: list[CitizenEvent]
    handoff: Optional[HandoffStatus] = None


def citizen_router(service: Any, bind: Callable[[str, dict[str, Any]], dict[str, Any]] = lambda _s, b: b) -> APIRouter:
    """The long poll by session id in the path: kept for the current widget; new clients use
    ``GET /api/v1/events`` with the session id and its events token in headers (docs/api.md)."""
    from bot.gateway.strict_json import StrictJsonRoute

    router = APIRouter(route_class=StrictJsonRoute)

    @router.get(
        "/api/v1/sessions/{session_id}/events",
        response_model=CitizenEvents,
        summary="Live messages of a handoff (staff replies, state changes); long poll (deprecated: use /api/v1/events)",
        deprecated=True,
    )
    async def get_events(
        session_id: str = Path(..., regex=SESSION_ID_PATTERN),
        after: int = Query(0, ge=0, le=2**62, description="id of the last event the client has"),
        wait: float = Query(25.0, ge=0, le=25, description="seconds to wait for a new event"),
    ) -> JSONResponse:
        if not is_session_id(session_id):  # exact: Path(regex=) lets a trailing newline through
            return JSONResponse({"error": {"code": "invalid_request", "message": "Ihre Anfrage ist ungültig.",
                                           "fields": ["session_id"]}}, status_code=422)
        body = await service.citizen_events(session_id, after, wait)
        return JSONResponse(bind(session_id, body), headers={"Cache-Control": "no-store"})

    return router
