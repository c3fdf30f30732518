"""The public gateway (FastAPI): chat API, feedback, health, OpenAPI and the web files.

It is the only service reachable from outside; Rasa and the action server listen
on localhost. Start it with ``python -m bot.stack`` (all processes) or
``uvicorn bot.gateway.app:create_app --factory``.
"""
from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text as sql_text
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import Settings, load_settings
from bot.db import create_schema, make_engine, make_session_factory
from bot.feedback import record_feedback
from bot.gateway.chat import ChatService
from bot.gateway.ids import SessionSigner, is_session_id
from bot.gateway.strict_json import StrictJsonRoute
from bot.gateway.rasa_client import Probe, RasaClient
from bot.gateway.schemas import (
    ChatReply,
    ChatRequest,
    CitizenEvents,
    ClientConfig,
    ErrorReply,
    FeedbackRequest,
    HealthReply,
)
from bot.gateway.limits import (
    RATE_LIMITED_MESSAGE,
    AccessLogMiddleware,
    BodyLimitMiddleware,
    IpRateLimitMiddleware,
    RateLimiter,
    configure_logging,
    rate_limited_headers,
)
from bot.gateway.security import SecurityHeadersMiddleware
from bot.handoff import models as _handoff_models  # noqa: F401  (tables for create_schema)
from bot.staff import models as _staff_models  # noqa: F401

logger = logging.getLogger(__name__)

API_DESCRIPTION = (
    "Public API of Schängel, the citizen chatbot of the city of Koblenz. "
    "Replies follow the reply contract (docs/reply-contract.md)."
)


#: seconds between two retention purges (docs/privacy-security.md)
RETENTION_INTERVAL_SECONDS = 24 * 3600


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    settings = settings or load_settings()
    configure_logging()
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    rasa = RasaClient(settings.rasa_url, settings.action_url, settings.rasa_timeout_seconds)
    signer = SessionSigner(settings.gateway_secret or None)
    chat = ChatService(rasa, settings.city_phone, settings.city_email, settings.contact_form_url, signer=signer)
    handoff = _handoff_service(settings, sessions)
    chat.handoff = handoff

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        create_schema(engine)
        handoff.start()
        retention = asyncio.create_task(_daily_retention(settings))
        yield
        retention.cancel()
        await handoff.stop()
        await rasa.close()
        engine.dispose()

    app = FastAPI(
        title="Schängel Gateway",
        version="1.0.0",
        description=API_DESCRIPTION,
        docs_url=None,  # Swagger UI would load third-party assets; the JSON document is enough.
        redoc_url=None,
        lifespan=lifespan,
    )
    app.router.route_class = StrictJsonRoute  # strict JSON bodies on every API route
    app.state.chat, app.state.handoff, app.state.rasa = chat, handoff, rasa  # for tests and operators
    _install_middleware(app, settings)
    _install_error_handlers(app)
    session_limiter = RateLimiter(settings.rate_limit_session)

    @app.post(
        "/api/v1/chat",
        response_model=ChatReply,
        response_model_exclude_none=True,
        responses={413: {"model": ErrorReply}, 422: {"model": ErrorReply}, 429: {"model": ErrorReply}},
        summary="Send one citizen message and get the bot's reply messages",
    )
    async def post_chat(request: ChatRequest) -> Any:
        wait = session_limiter.hit(f"session:{request.session_id}")
        if wait > 0:
            headers = {k.decode(): v.decode() for k, v in rate_limited_headers(wait)}
            return JSONResponse({"error": {"code": "rate_limited", "message": RATE_LIMITED_MESSAGE}},
                                status_code=429, headers=headers)
        messages = await chat.handle(request.session_id, request.text, request.payload)
        return ChatReply(session_id=request.session_id, messages=messages,
                         events_token=signer.events_token(request.session_id))

    @app.post(
        "/api/v1/feedback",
        status_code=204,
        response_class=Response,
        responses={404: {"model": ErrorReply}, 413: {"model": ErrorReply}, 422: {"model": ErrorReply},
                   429: {"model": ErrorReply}},
        summary="Rate one bot message (thumbs up or down); only messages this session received",
    )
    async def post_feedback(request: FeedbackRequest) -> Response:
        if not chat.owns_message(request.session_id, request.message_id):
            return _error(404, "unknown_message", "Diese Nachricht kann nicht bewertet werden.")
        card_type, service_id = chat.answer_kind(request.message_id)
        await asyncio.to_thread(
            record_feedback, sessions, request.message_id, request.rating, card_type, service_id
        )
        return Response(status_code=204)

    @app.get("/api/v1/config", response_model=ClientConfig, summary="Settings the widget needs")
    async def get_config() -> ClientConfig:
        return ClientConfig(
            max_message_length=settings.max_message_length,
            privacy_url="/datenschutz",
            phone=settings.city_phone,
            greeting=True,
        )

    @app.get(
        "/health",
        response_model=HealthReply,
        responses={503: {"model": HealthReply}},
        summary="Health of the gateway and each dependency",
    )
    async def get_health() -> JSONResponse:
        rasa_probe, action_probe, db_probe = await asyncio.gather(
            rasa.probe_rasa(), rasa.probe_action_server(), asyncio.to_thread(_probe_database, engine)
        )
        checks = {"rasa": rasa_probe, "action_server": action_probe, "database": db_probe}
        healthy = all(probe.ok for probe in checks.values())
        body = HealthReply(
            status="ok" if healthy else "degraded",
            checks={name: probe.as_dict() for name, probe in checks.items()},
        )
        return JSONResponse(body.dict(), status_code=200 if healthy else 503)

    @app.get(
        "/api/v1/events",
        summary="Live messages of a handoff (long poll); session id and its events token in headers",
        response_model=CitizenEvents,
        responses={403: {"model": ErrorReply}, 422: {"model": ErrorReply}},
    )
    async def get_events(
        x_session_id: str = Header(..., description="the chat's session id"),
        x_events_token: str = Header(..., description="events_token of the chat reply"),
        after: int = Query(0, ge=0, le=2**62, description="id of the last event the client has"),
        wait: float = Query(25.0, ge=0, le=25, description="seconds to wait for a new event"),
    ) -> JSONResponse:
        if not is_session_id(x_session_id):
            return _error(422, "invalid_request", "Ihre Anfrage ist unvollständig oder ungültig.")
        if not signer.events_token_ok(x_session_id, x_events_token):
            return _error(403, "forbidden", "Diese Sitzung ist nicht gültig. Bitte laden Sie die Seite neu.")
        body = await handoff.citizen_events(x_session_id, after, wait)
        return JSONResponse(bind_events(chat, x_session_id, body), headers={"Cache-Control": "no-store"})

    _include_staff_routes(app, handoff, settings, sessions)
    _mount_web(app, settings.web_dir)
    return app


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """Outermost first: access log, security headers, CORS, per-IP rate limit (every route), body size."""
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(IpRateLimitMiddleware, limiter=RateLimiter(settings.rate_limit_ip))
    origins = [o.strip().rstrip("/") for o in settings.cors_origins.split(",") if o.strip()]
    if origins:  # none configured: no CORS headers, browsers allow the same origin only
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-Session-Id", "X-Events-Token"],
                           expose_headers=["Retry-After"], max_age=600)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(AccessLogMiddleware)


async def _daily_retention(settings: Settings) -> None:
    """``python -m bot.retention purge`` in the gateway: at start and then every 24 hours.

    With several gateway instances each runs it; the deletes are idempotent.
    """
    from bot.retention import purge

    while True:
        try:
            await asyncio.to_thread(purge, None, settings)
        except Exception:  # the next round retries; the error goes to the log without data
            logger.exception("retention_failed")
        await asyncio.sleep(RETENTION_INTERVAL_SECONDS)


def _handoff_service(settings: Settings, sessions: Any) -> Any:
    """The live handoff (docs/handoff.md): inbox, staff hours, Rasa pause/resume."""
    from bot.gateway.chat import _shape
    from bot.handoff import make_inbox, staff_hours
    from bot.handoff.service import HandoffService, RasaControl

    rasa_control = RasaControl(settings.rasa_url, settings.rasa_token, settings.rasa_timeout_seconds)
    return HandoffService(make_inbox(settings, sessions), settings, staff_hours(settings), rasa_control, _shape)


def bind_events(chat: ChatService, session_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Button payloads in live events are bound to the session like those of chat replies."""
    for event in body.get("events") or []:
        message = event.get("message")
        if isinstance(message, dict) and message.get("buttons"):
            event["message"] = {**chat.bind(session_id, message), "id": message.get("id")}
    return body


def _include_staff_routes(app: FastAPI, handoff: Any, settings: Settings, sessions: Any) -> None:
    """The staff console API/page (before the static mounts)."""
    from bot.gateway.staff_routes import staff_page_routes, staff_router
    from bot.staff.auth import StaffAuth

    auth = StaffAuth(sessions, settings.staff_session_hours, settings.staff_max_failed_logins,
                     settings.staff_lockout_minutes, settings.staff_session_max_hours)
    staff = staff_router(handoff, auth, settings)
    staff_page_routes(staff, settings.web_dir)
    app.include_router(staff)


def _probe_database(engine: Any) -> Probe:
    started = time.perf_counter()
    try:
        with engine.connect() as connection:
            connection.execute(sql_text("SELECT 1"))
    except Exception as exc:  # any driver error means "database not usable"
        return Probe(False, (time.perf_counter() - started) * 1000, type(exc).__name__)
    return Probe(True, (time.perf_counter() - started) * 1000)


def _mount_web(app: FastAPI, web_dir: Path) -> None:
    """Serve the demo page, the widget and the privacy notice from ``web/``."""
    pages = {"/": web_dir / "demo" / "index.html", "/datenschutz": web_dir / "privacy" / "index.html"}
    for route, path in pages.items():
        app.add_api_route(route, _file_endpoint(path), methods=["GET"], include_in_schema=False)
    for prefix in ("widget", "demo", "privacy", "staff"):
        folder = web_dir / prefix
        if folder.is_dir():
            app.mount(f"/{prefix}", StaticFiles(directory=folder), name=prefix)


def _file_endpoint(path: Path):  # type: ignore[no-untyped-def]
    async def serve() -> Response:
        if not path.is_file():
            return _error(404, "not_found", "Diese Seite gibt es leider nicht.")
        return FileResponse(path)

    return serve


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


_NOT_JSON = frozenset({"json_invalid", "value_error.jsondecode"})


def _install_error_handlers(app: FastAPI) -> None:
    """German, structured errors; never a stack trace to a client."""

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        not_json = any(error.get("type") in _NOT_JSON for error in errors)
        fields = [] if not_json else sorted({".".join(str(p) for p in error["loc"] if p != "body")
                                             for error in errors})
        message = "Ihre Anfrage ist unvollständig oder ungültig. Bitte prüfen Sie Ihre Eingabe."
        if not_json:
            message = "Ihre Anfrage ist kein gültiges JSON. Bitte prüfen Sie Ihre Eingabe."
        elif any(tuple(error["loc"][-1:]) == ("text",) and "max_length" in str(error.get("type"))
                 for error in errors):
            message = "Bitte geben Sie eine Nachricht mit höchstens der erlaubten Länge ein."
        return JSONResponse(
            {"error": {"code": "invalid_request", "message": message, "fields": fields}}, status_code=422
        )

    @app.exception_handler(RecursionError)
    async def on_too_deep(_request: Request, _exc: RecursionError) -> JSONResponse:
        """JSON nested thousands of levels deep (within the size limit) does not parse."""
        return _error(422, "invalid_request", "Ihre Anfrage ist kein gültiges JSON. Bitte prüfen Sie Ihre Eingabe.")

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {
            400: "Ihre Anfrage ist ungültig. Bitte prüfen Sie Ihre Eingabe.",
            404: "Diese Seite gibt es leider nicht.",
            405: "Diese Anfrage ist hier nicht erlaubt.",
        }
        code = "invalid_request" if exc.status_code == 400 else "http_error"
        return _error(exc.status_code, code, messages.get(exc.status_code, "Die Anfrage ist fehlgeschlagen."))

    @app.exception_handler(Exception)
    async def on_unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled_error", exc_info=exc)
        return _error(
            500,
            "internal_error",
            "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal "
            "oder rufen Sie die Behördennummer 115 an.",
        )
