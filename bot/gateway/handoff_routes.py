"""Citizen side of the handoff: the live events of one chat session (long poll)."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from bot.gateway.schemas import SESSION_ID_PATTERN


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


def citizen_router(service: Any) -> APIRouter:
    router = APIRouter()

    @router.get(
        "/api/v1/sessions/{session_id}/events",
        response_model=CitizenEvents,
        summary="Live messages of a handoff (staff replies, state changes); long poll",
    )
    async def get_events(
        session_id: str = Path(..., regex=SESSION_ID_PATTERN),
        after: int = Query(0, ge=0, le=2**62, description="id of the last event the client has"),
        wait: float = Query(25.0, ge=0, le=25, description="seconds to wait for a new event"),
    ) -> JSONResponse:
        body = await service.citizen_events(session_id, after, wait)
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    return router
