"""Masked before storage: the handoff inbox on a real SQLite file (consented callback contact excepted)."""
from __future__ import annotations

import asyncio
from pathlib import Path

from bot.config import Settings
from bot.db import create_schema, make_engine, make_session_factory
from bot.gateway.chat import _shape
from bot.handoff import models  # noqa: F401  (tables)
from bot.handoff import staff_hours
from bot.handoff.inbox import SqlInbox
from bot.handoff.service import HandoffService, RasaControl


def _service(tmp_path: Path) -> HandoffService:
    engine = make_engine(f"sqlite:///{tmp_path / 'inbox.db'}")
    create_schema(engine)
    settings = Settings()
    # Rasa is not called on these paths (a queued case, a pending callback); nothing listens on port 9
    return HandoffService(SqlInbox(make_session_factory(engine)), settings, staff_hours(settings),
                          RasaControl("http://127.0.0.1:9", "token", 1.0), _shape)


def test_citizen_messages_during_a_case_are_stored_masked(tmp_path: Path) -> None:
    service = _service(tmp_path)
    case = service.inbox.open_case("session-mask-1", [])
    reply = asyncio.run(service.intercept(
        "session-mask-1", "Meine Steuer-ID ist 12 345 678 901 und ich wohne Am Plan 3a, Tel 0261 1234567", None))
    assert reply  # the citizen gets the queue acknowledgement
    stored = [m.text for m in service.inbox.case_messages(case.id) if m.kind == "citizen"]
    assert stored == ["Meine Steuer-ID ist [Steuer-ID] und ich wohne [Adresse], Tel [Telefon]"]


def test_emergency_during_a_case_still_recognised(tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.inbox.open_case("session-mask-2", [])
    reply = asyncio.run(service.intercept("session-mask-2", "Es brennt in der Löhrstraße 12!", None))
    assert any(isinstance(m.get("custom"), dict) and m["custom"].get("type") == "emergency" for m in reply)


def test_consented_callback_keeps_the_contact_but_masks_the_rest(tmp_path: Path) -> None:
    service = _service(tmp_path)
    pending = service.inbox.begin_callback("session-mask-3", "Ja, rufen Sie mich zurück", [], None)
    asyncio.run(service.intercept(
        "session-mask-3", "Bitte unter 0261 1234567 zurückrufen, es geht um mein Konto DE89 3704 0044 0532 0130 00",
        None))
    stored = next(c for c in service.inbox.list_callbacks(["open"]) if c.id == pending.id)
    assert stored.contact == "0261 1234567" and stored.contact_kind == "phone"
    assert stored.message == "Bitte unter 0261 1234567 zurückrufen, es geht um mein Konto [IBAN]"
