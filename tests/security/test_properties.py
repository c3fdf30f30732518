"""Property-based suite (Hypothesis) over the public API of the real gateway app (fake Rasa in-process).

Invariants, for ≥ 2,000 generated requests (well within 3 minutes in CI):
no 5xx; a chat turn is never empty; nothing a citizen types reaches Rasa as a command (only payloads the
bot offered to that very session); generated personal data never reaches Rasa unmasked; per-session
state stays bounded however many sessions appear.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.security.harness import FakeRasa, gateway

EXAMPLES = 700  # × 3 tests ≈ 2,100 generated requests (plus the button round trips)
COUNTER = {"requests": 0}

session_ids = st.from_regex(r"\A[A-Za-z0-9_-]{8,20}\Z")
prefixes = st.lists(st.sampled_from(["/", " ", "\n", "\t", "\u00a0", "\u200b", "\u2060", "\ufeff", "／", "\u3000"]),
                    max_size=6).map("".join)
commands = st.sampled_from(["restart", "session_start", 'inform{"service_id":"x"}', "handoff{\"x\":1}", "greet"])
texts = st.one_of(st.text(max_size=300), st.builds(lambda p, c, t: p + "/" + c + t, prefixes, commands, st.text(max_size=30)))
PII = {  # generated value → what must never reach Rasa
    "email": st.from_regex(r"\A[a-z]{3,8}\.[a-z]{3,8}@(web|gmx|example)\.de\Z"),
    "phone": st.from_regex(r"\A0261 [1-9]\d{5,6}\Z"),
    "iban": st.just("DE89 3704 0044 0532 0130 00"),
}
pii_values = st.one_of(*PII.values())


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, FakeRasa]]:
    fake = FakeRasa()
    for client in gateway(tmp_path_factory.mktemp("props"), fake):
        yield client, fake
    print(f"\nproperty suite: {COUNTER['requests']} generated requests")
    assert COUNTER["requests"] >= 2000


def _post(client: TestClient, path: str, body: Any) -> Any:
    COUNTER["requests"] += 1
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(path, content=data, headers={"Content-Type": "application/json"})


FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@FAST
@given(session=session_ids, text=texts, payload=st.one_of(st.none(), texts))
def test_chat_never_5xx_never_empty_never_a_command(env, session: str, text: str, payload: Any) -> None:
    client, fake = env
    before = len(fake.messages)
    body = {"session_id": session, "text": text} if payload is None else {"session_id": session, "text": text,
                                                                          "payload": payload}
    reply = _post(client, "/api/v1/chat", body)
    assert reply.status_code < 500
    if reply.status_code == 200:
        messages = reply.json()["messages"]
        assert messages and all(m.get("text") or m.get("custom") or m.get("buttons") for m in messages)
        button = next((b for m in messages for b in m.get("buttons") or []), None)
        if button:  # the offered button works for this session
            assert _post(client, "/api/v1/chat", {"session_id": session, "text": "Ja",
                                                  "payload": button["payload"]}).status_code == 200
    for sender, message in fake.messages[before:]:
        assert not message.strip().startswith("/") or message in ("/affirm", "/greet"), message


@FAST
@given(body=st.one_of(
    st.dictionaries(st.sampled_from(["session_id", "text", "payload", "x", "message_id", "rating"]),
                    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                              st.lists(st.integers(), max_size=3)), max_size=5),
    st.binary(max_size=200)),
    path=st.sampled_from(["/api/v1/chat", "/api/v1/feedback", "/api/staff/v1/login"]))
def test_arbitrary_bodies_get_a_4xx_never_a_5xx(env, body: Any, path: str) -> None:
    client, _fake = env
    reply = _post(client, path, body)
    assert reply.status_code < 500 and "Traceback" not in reply.text


@FAST
@given(session=session_ids, value=pii_values, before=st.text(max_size=20), after=st.text(max_size=20))
def test_personal_data_reaches_rasa_masked(env, session: str, value: str, before: str, after: str) -> None:
    client, fake = env
    start = len(fake.messages)
    reply = _post(client, "/api/v1/chat", {"session_id": session, "text": f"{before} {value} {after}"})
    assert reply.status_code == 200
    assert all(value not in message for _sid, message in fake.messages[start:])


def test_state_is_bounded_after_many_sessions(env) -> None:
    client, _fake = env
    app = client.app
    for number in range(200):
        COUNTER["requests"] += 1
        sid = f"bounded-{number:05d}"
        headers = {"X-Session-Id": sid, "X-Events-Token": app.state.chat.signer.events_token(sid)}  # type: ignore[attr-defined]
        assert client.get("/api/v1/events?wait=0", headers=headers).status_code == 200
    assert len(app.state.handoff.notifier) == 0  # type: ignore[attr-defined]
    assert len(app.state.chat._answer_kinds) <= app.state.chat._answer_kinds.max_items  # type: ignore[attr-defined]
