"""Staff console API (``/api/staff/v1``) and the console page (``/staff``).

Session cookie ``schaengel_staff`` (HttpOnly, SameSite=Strict, Secure behind HTTPS);
every state-changing request needs the header ``X-CSRF-Token`` (from login or
``GET /me``) and, if the browser sends one, a same-origin ``Origin``.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path as FsPath
from typing import Any, Optional

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Extra, Field, StrictStr

from bot.config import Settings
from bot.handoff.inbox import CallbackRequest, Case, Message, utcnow
from bot.handoff.transcript import topic
from bot.staff.auth import AuthError, StaffAuth, StaffPrincipal

COOKIE = "schaengel_staff"
PREFIX = "/api/staff/v1"
NO_STORE = {"Cache-Control": "no-store"}


class LoginRequest(BaseModel):
    username: StrictStr = Field(..., min_length=1, max_length=64)
    password: StrictStr = Field(..., min_length=1, max_length=256)

    class Config:
        extra = Extra.forbid


class TextRequest(BaseModel):
    text: StrictStr = Field(..., min_length=1, max_length=4000)

    class Config:
        extra = Extra.forbid


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=NO_STORE)


def _iso(value: Optional[dt.datetime]) -> Optional[str]:
    return value.isoformat() if value else None


def _case_json(case: Case, now: dt.datetime, position: Optional[int] = None) -> dict[str, Any]:
    return {
        "id": case.id, "state": case.state, "created_at": _iso(case.created_at),
        "waiting_seconds": int(((case.accepted_at or case.ended_at or now) - case.created_at).total_seconds()),
        "accepted_at": _iso(case.accepted_at), "ended_at": _iso(case.ended_at), "ended_by": case.ended_by,
        "staff_user_id": case.staff_user_id, "staff_name": case.staff_name, "reason": case.reason,
        "position": position, "topic": topic(case.transcript),
    }


def _message_json(message: Message) -> dict[str, Any]:
    payload = message.message or {}
    card = payload.get("custom") if isinstance(payload.get("custom"), dict) else None
    return {
        "id": message.event_id, "kind": message.kind, "text": message.text, "author": message.author,
        "at": _iso(message.created_at), "card": card.get("type") + ":" + str(card.get("state")) if card else None,
    }


def _callback_json(cb: CallbackRequest) -> dict[str, Any]:
    return {
        "id": cb.id, "status": cb.status, "contact": cb.contact, "contact_kind": cb.contact_kind,
        "message": cb.message, "created_at": _iso(cb.created_at), "consent_at": _iso(cb.consent_at),
        "consent_text": cb.consent_text, "due_date": cb.due_date.isoformat() if cb.due_date else None,
        "done_at": _iso(cb.done_at), "done_by": cb.done_by, "transcript": cb.transcript,
    }


def staff_router(service: Any, auth: StaffAuth, settings: Settings) -> APIRouter:
    from bot.gateway.strict_json import StrictJsonRoute

    router = APIRouter(include_in_schema=True, route_class=StrictJsonRoute)
    inbox = service.inbox

    def cookie_secure(request: Request) -> bool:
        if settings.staff_cookie_secure in ("1", "true", "yes"):
            return True
        if settings.staff_cookie_secure in ("0", "false", "no"):
            return False
        return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if not origin:  # non-browser clients; SameSite=Strict and the CSRF header still apply
            return True
        host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
        return origin.split("://", 1)[-1] == host

    async def principal(request: Request, *, write: bool = True) -> StaffPrincipal | JSONResponse:
        who = await asyncio.to_thread(auth.principal, request.cookies.get(COOKIE))
        if who is None:
            return _error(401, "not_logged_in", "Bitte melden Sie sich an.")
        if write and (not same_origin(request) or not auth.csrf_ok(who, request.headers.get("x-csrf-token"))):
            return _error(403, "csrf", "Sicherheitsprüfung fehlgeschlagen. Bitte laden Sie die Seite neu.")
        return who

    def me_json(who: StaffPrincipal) -> dict[str, Any]:
        return {"user": {"id": who.user_id, "username": who.username, "display_name": who.display_name},
                "csrf_token": who.csrf_token}

    @router.post(f"{PREFIX}/login", summary="Staff login (sets the session cookie)")
    async def login(body: LoginRequest, request: Request) -> Response:
        if not same_origin(request):
            return _error(403, "csrf", "Sicherheitsprüfung fehlgeschlagen. Bitte laden Sie die Seite neu.")
        try:
            client = request.client.host if request.client else ""
            result = await asyncio.to_thread(auth.login, body.username, body.password, client)
        except AuthError as exc:
            if exc.code == "locked":
                return _error(429, "locked", "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. "
                                             "Bitte versuchen Sie es später noch einmal.")
            return _error(401, "invalid_credentials", "Benutzername oder Passwort ist falsch.")
        response = JSONResponse(me_json(result.principal), headers=NO_STORE)
        response.set_cookie(COOKIE, result.token, httponly=True, samesite="strict", secure=cookie_secure(request),
                            path="/", max_age=settings.staff_session_hours * 3600)
        return response

    @router.post(f"{PREFIX}/logout", status_code=204, response_class=Response)
    async def logout(request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        await asyncio.to_thread(auth.logout, request.cookies.get(COOKIE))
        response = Response(status_code=204, headers=NO_STORE)
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=cookie_secure(request))
        return response

    @router.get(f"{PREFIX}/me")
    async def me(request: Request) -> Response:
        who = await principal(request, write=False)
        if isinstance(who, JSONResponse):
            return who
        return JSONResponse(me_json(who), headers=NO_STORE)

    @router.get(f"{PREFIX}/cases", summary="Open cases (queued and connected) with waiting time")
    async def cases(request: Request) -> Response:
        who = await principal(request, write=False)
        if isinstance(who, JSONResponse):
            return who
        await service.expire_due()
        rows = await asyncio.to_thread(inbox.list_cases, ("queued", "connected"))
        now = utcnow()
        queued = [c for c in rows if c.state == "queued"]
        items = [_case_json(c, now, queued.index(c) + 1 if c in queued else None) for c in rows]
        return JSONResponse({"cases": items, "staff_open": service.hours.is_open(), "now": _iso(now)},
                            headers=NO_STORE)

    @router.get(f"{PREFIX}/cases/{{case_id}}", summary="One case: transcript before the handoff and all messages")
    async def case_detail(case_id: str, request: Request) -> Response:
        who = await principal(request, write=False)
        if isinstance(who, JSONResponse):
            return who
        case = await asyncio.to_thread(inbox.get_case, case_id)
        if case is None:
            return _error(404, "not_found", "Diesen Fall gibt es nicht.")
        messages = await asyncio.to_thread(inbox.case_messages, case_id)
        return JSONResponse({"case": _case_json(case, utcnow()), "transcript": case.transcript,
                             "messages": [_message_json(m) for m in messages],
                             "mine": case.staff_user_id == who.user_id}, headers=NO_STORE)

    @router.post(f"{PREFIX}/cases/{{case_id}}/accept")
    async def accept(case_id: str, request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        if not await service.accept(case_id, who.user_id, who.shown_name, who.display_name):
            return _error(409, "taken", "Dieser Fall wurde bereits angenommen oder ist beendet.")
        return JSONResponse({"ok": True}, headers=NO_STORE)

    @router.post(f"{PREFIX}/cases/{{case_id}}/messages")
    async def reply(case_id: str, body: TextRequest, request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        stored = await service.staff_reply(case_id, who.user_id, who.display_name, body.text.strip())
        if stored is None:
            return _error(409, "not_yours", "Sie können nur in Fällen antworten, die Sie angenommen haben und die offen sind.")
        return JSONResponse(_message_json(stored), status_code=201, headers=NO_STORE)

    @router.post(f"{PREFIX}/cases/{{case_id}}/notes")
    async def note(case_id: str, body: TextRequest, request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        if await asyncio.to_thread(inbox.get_case, case_id) is None:
            return _error(404, "not_found", "Diesen Fall gibt es nicht.")
        stored = await asyncio.to_thread(inbox.add_note, case_id, who.shown_name, body.text.strip())
        return JSONResponse(_message_json(stored), status_code=201, headers=NO_STORE)

    @router.post(f"{PREFIX}/cases/{{case_id}}/close")
    async def close(case_id: str, request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        if await service.close(case_id, who.user_id) is None:
            return _error(409, "not_yours", "Sie können nur offene Fälle schließen, die Sie angenommen haben.")
        return JSONResponse({"ok": True}, headers=NO_STORE)

    @router.get(f"{PREFIX}/callbacks", summary="Callback/e-mail requests (stored with consent)")
    async def callbacks(request: Request) -> Response:
        who = await principal(request, write=False)
        if isinstance(who, JSONResponse):
            return who
        rows = await asyncio.to_thread(inbox.list_callbacks, ("open",))
        return JSONResponse({"callbacks": [_callback_json(c) for c in rows]}, headers=NO_STORE)

    @router.post(f"{PREFIX}/callbacks/{{callback_id}}/done")
    async def callback_done(callback_id: str, request: Request) -> Response:
        who = await principal(request)
        if isinstance(who, JSONResponse):
            return who
        if not await asyncio.to_thread(inbox.mark_callback_done, callback_id, who.shown_name):
            return _error(409, "not_open", "Diese Anfrage ist nicht mehr offen.")
        return JSONResponse({"ok": True}, headers=NO_STORE)

    return router


def staff_page_routes(router: APIRouter, web_dir: FsPath) -> None:
    """``/staff`` → the console page (the folder itself is mounted as static files)."""
    page = web_dir / "staff" / "index.html"

    async def serve() -> Response:
        if not page.is_file():
            return _error(404, "not_found", "Diese Seite gibt es leider nicht.")
        return FileResponse(page, headers={"Cache-Control": "no-store"})

    async def redirect() -> Response:
        return RedirectResponse("/staff/", status_code=308)

    router.add_api_route("/staff/", serve, methods=["GET"], include_in_schema=False)
    router.add_api_route("/staff", redirect, methods=["GET"], include_in_schema=False)
