"""Regression tests for the findings of issue 13 (each failed before its fix), on the real gateway app
in-process with a fake Rasa (tests/security/harness.py)."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from starlette.testclient import TestClient

from bot.gateway.ids import is_session_id
from tests.security.harness import FakeRasa, gateway


@pytest.fixture
def fake() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(tmp_path: Path, fake: FakeRasa) -> Iterator[TestClient]:
    yield from gateway(tmp_path, fake)


# -- finding 1: a session id with a trailing newline --------------------------------------------
def test_session_id_is_matched_exactly() -> None:
    assert is_session_id("abcdefgh12") and not is_session_id("abcdefgh12\n") and not is_session_id("abc")


def test_trailing_newline_session_is_refused_everywhere(client: TestClient) -> None:
    assert client.post("/api/v1/chat", json={"session_id": "abcdefgh12\n", "text": "Hallo"}).status_code == 422
    assert client.post("/api/v1/feedback", json={"session_id": "abcdefgh12\n", "message_id": "m1",
                                                 "rating": "up"}).status_code == 422
    # the events stream takes the id in a header, where a newline cannot even be sent; the old
    # route with the id in the URL path is gone
    assert client.get("/api/v1/sessions/abcdefgh12%0A/events?wait=0").status_code == 404
    assert client.get("/api/v1/sessions/abcdefgh12/events?wait=0").status_code == 404


def test_inbox_refuses_foreign_session_ids_and_one_bad_case_blocks_no_other(tmp_path: Path, fake: FakeRasa) -> None:
    for client in gateway(tmp_path, fake):
        service = client.app.state.handoff  # type: ignore[attr-defined]
        with pytest.raises(ValueError):
            service.inbox.open_case("abcdefgh12\n", [])
        good = service.inbox.open_case("citizen-good-1", [])
        service.inbox.cancel(good.id)
        # a legacy row with a bad id (written before the fix) must not stop the resume of the others
        from bot.handoff.models import CaseRow
        with service.inbox._sessions.begin() as session:
            session.add(CaseRow(public_id="legacy", session_id="bad\nid", state="cancelled",
                                created_at=dt.datetime.now(dt.timezone.utc), ended_at=dt.datetime.now(dt.timezone.utc),
                                transcript="[]", rasa_resumed=False))
        asyncio.run(service._resume_pending())
        assert service.inbox.get_case(good.id).rasa_resumed
        # retention deletes ended cases whether or not Rasa was resumed
        assert service.inbox.purge(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1)) >= 2
        assert service.inbox.get_case("legacy") is None


# -- finding 2: typed Rasa commands ----------------------------------------------------------------
@pytest.mark.parametrize("typed", ["/ /restart", "/\n/restart", "/\u00a0/restart", '/ /inform{"service_id":"x"}'])
def test_commands_never_reach_rasa(client: TestClient, fake: FakeRasa, typed: str) -> None:
    for body in ({"session_id": "inject-0001", "text": typed}, {"session_id": "inject-0001", "payload": typed}):
        assert client.post("/api/v1/chat", json=body).status_code == 200
    assert fake.messages and all(not message.strip().startswith("/") for _sid, message in fake.messages)


def test_offered_button_works_and_only_for_its_session(client: TestClient, fake: FakeRasa) -> None:
    reply = client.post("/api/v1/chat", json={"session_id": "buttons-0001", "text": "Hallo"}).json()
    payload = reply["messages"][0]["buttons"][0]["payload"]
    client.post("/api/v1/chat", json={"session_id": "buttons-0001", "text": "Ja", "payload": payload})
    client.post("/api/v1/chat", json={"session_id": "buttons-0002", "text": "Ja", "payload": payload})
    assert ("buttons-0001", "/affirm") in fake.messages
    assert ("buttons-0002", "/affirm") not in fake.messages


# -- finding 3: unbounded memory -------------------------------------------------------------------
def test_polling_many_sessions_leaves_no_per_session_state(client: TestClient) -> None:
    service = client.app.state.handoff  # type: ignore[attr-defined]
    signer = client.app.state.chat.signer  # type: ignore[attr-defined]
    for number in range(300):
        sid = f"poller-{number:05d}"
        headers = {"X-Session-Id": sid, "X-Events-Token": signer.events_token(sid)}
        assert client.get("/api/v1/events?wait=0", headers=headers).status_code == 200
    assert len(service.notifier) == 0


def test_rate_limiter_forgets_refilled_buckets() -> None:
    from bot.gateway.limits import RateLimiter

    limiter = RateLimiter(per_minute=60)
    for number in range(1000):
        limiter.hit(f"k{number}", now=0.0)
    limiter.hit("late", now=120.0)
    assert len(limiter) < 1000


def test_ip_limit_covers_reads_too(tmp_path: Path, fake: FakeRasa) -> None:
    for client in gateway(tmp_path, fake, rate_limit_ip=5):
        statuses = [client.get("/api/v1/config").status_code for _ in range(8)]
        assert statuses.count(429) >= 2


# -- finding 5: staff lock-out ---------------------------------------------------------------------
def test_parallel_wrong_passwords_are_limited_atomically(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.db import create_schema, make_engine, make_session_factory
    from bot.staff import models  # noqa: F401
    from bot.staff.auth import AuthError, StaffAuth

    engine = make_engine(f"sqlite:///{tmp_path / 'staff.db'}")
    create_schema(engine)
    auth = StaffAuth(make_session_factory(engine), max_failed=5)
    auth.add_user("anna", "Rhein-Mosel-Eck 1216")
    checked = []
    import bot.staff.auth as module
    original = module.verify_password

    def counting(password: str, stored: str) -> bool:
        if password != "dummy":
            checked.append(stored)
        return original(password, stored)

    module.verify_password = counting
    try:
        def attempt(password: str) -> str:
            try:
                auth.login("anna", password, "203.0.113.7")
                return "ok"
            except AuthError as exc:
                return exc.code
        with ThreadPoolExecutor(10) as pool:
            results = list(pool.map(attempt, ["falsch"] * 30))
        assert attempt("Rhein-Mosel-Eck 1216") == "locked"  # a correct password inside the burst
        codes = {attempt("falsch") for _ in range(3)}
        assert codes == {"locked"}
        assert results.count("invalid") <= 5
        # unknown names lock the same way (nothing tells which accounts exist), other clients are free
        assert {attempt_name(auth, "nobody", i) for i in range(7)} >= {"locked"}
        assert auth.login("anna", "Rhein-Mosel-Eck 1216", "198.51.100.1").token
    finally:
        module.verify_password = original


def attempt_name(auth, name: str, _i: int) -> str:  # type: ignore[no-untyped-def]
    from bot.staff.auth import AuthError
    try:
        auth.login(name, "falsch", "203.0.113.7")
    except AuthError as exc:
        return exc.code
    return "ok"


# -- finding 6: chunked bodies ---------------------------------------------------------------------
def test_chunked_bodies_get_a_413(tmp_path: Path) -> None:
    import uvicorn

    from bot.gateway.app import create_app
    from bot.local_stack import free_port
    from tests.security.harness import make_settings

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(make_settings(tmp_path)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        for kilobytes in (17, 25, 40):
            with socket.create_connection(("127.0.0.1", port), timeout=4) as sock:
                sock.sendall(b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n")
                for _ in range(kilobytes):
                    sock.sendall(b"3e8\r\n" + b"A" * 1000 + b"\r\n")
                sock.sendall(b"0\r\n\r\n")
                assert sock.recv(200).startswith(b"HTTP/1.1 413"), kilobytes
    finally:
        server.should_exit = True
        thread.join(10)


# -- finding 10: strict API ------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    b'{"session_id": "abcdefgh12", "text": 123}', b'{"session_id": "abcdefgh12", "text": true}',
    b'{"session_id": "abcdefgh12", "text": NaN}', b'{"session_id": "abcdefgh12", "text": "a", "text": "b"}',
    b'{"session_id":"abcdefgh12","text":' + b"[" * 1000 + b"]" * 1000 + b"}",
])
def test_loose_json_is_a_422(client: TestClient, body: bytes) -> None:
    reply = client.post("/api/v1/chat", content=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 422 and reply.json()["error"]["code"] == "invalid_request"


def test_utf16_is_refused(client: TestClient) -> None:
    body = json.dumps({"session_id": "abcdefgh12", "text": "Hallo"}).encode("utf-16")
    assert client.post("/api/v1/chat", content=body, headers={"Content-Type": "application/json"}).status_code == 400


def test_feedback_only_for_messages_the_session_received(client: TestClient) -> None:
    reply = client.post("/api/v1/chat", json={"session_id": "feedback-01", "text": "Hallo"}).json()
    message_id = reply["messages"][0]["id"]
    ok = client.post("/api/v1/feedback", json={"session_id": "feedback-01", "message_id": message_id, "rating": "up"})
    assert ok.status_code == 204
    for session, mid in (("feedback-02", message_id), ("feedback-01", "made-up-id")):
        assert client.post("/api/v1/feedback", json={"session_id": session, "message_id": mid,
                                                     "rating": "up"}).status_code == 404


def test_events_stream_needs_the_session_secret_in_a_header(client: TestClient) -> None:
    reply = client.post("/api/v1/chat", json={"session_id": "events-0001", "text": "Hallo"}).json()
    token = reply["events_token"]
    ok = client.get("/api/v1/events?wait=0", headers={"X-Session-Id": "events-0001", "X-Events-Token": token})
    assert ok.status_code == 200 and ok.json()["events"] == []
    bad = client.get("/api/v1/events?wait=0", headers={"X-Session-Id": "events-0002", "X-Events-Token": token})
    assert bad.status_code == 403


# -- finding 4: emergency card with help lines ----------------------------------------------------
@pytest.mark.parametrize("text, line", [
    ("Ich bringe mich um", "0800 111 0 111"), ("I want to die", "0800 111 0 222"),
    ("Mein Mann schlägt mich", "116 016"), ("Mein Mann schlägt mich", "0800 123 99 00"),
    ("Ich bin 12 und mein Vater schlägt mich", "116 111"),
])
def test_emergency_card_carries_112_110_and_the_help_line(client: TestClient, text: str, line: str) -> None:
    messages = client.post("/api/v1/chat", json={"session_id": "emergency-01", "text": text}).json()["messages"]
    card = next(m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "emergency")
    assert [n["number"] for n in card["numbers"]][:2] == ["112", "110"]
    assert line in [h["number"] for h in card["help_lines"]]
