"""The real stack end to end: gateway → Rasa (trained on the real data) → reply contract."""
from __future__ import annotations

import json
import sqlite3
import urllib.request
import uuid

import pytest

from bot.contract import validate_card

pytestmark = pytest.mark.live


def new_session() -> str:
    return uuid.uuid4().hex


def texts(messages: list[dict]) -> str:
    return " ".join(m.get("text", "") for m in messages)


def cards(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if "custom" in m]


def test_health_reports_every_dependency(live_stack) -> None:
    status, body = live_stack.get("/health")
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"rasa", "action_server", "database"}
    assert all(check["ok"] for check in body["checks"].values())


def test_greeting_discloses_ai_and_privacy(live_stack) -> None:
    messages = live_stack.chat(new_session(), payload="/greet")
    assert "künstliche Intelligenz" in texts(messages)
    assert "(/datenschutz)" in texts(messages)
    ids = [m["id"] for m in messages]
    assert all(isinstance(i, str) and len(i) >= 32 for i in ids) and len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    "text",
    ["Es brennt im Nachbarhaus!", "Schwerer Unfall vor meiner Tür", "Mein Opa hat wohl einen Herzinfarkt"],
)
def test_emergency_gets_112_and_110_card(live_stack, text: str) -> None:
    messages = live_stack.chat(new_session(), text=text)
    emergency = [c for c in cards(messages) if c["type"] == "emergency"]
    assert emergency, messages
    validate_card(emergency[0])
    assert "112" in texts(messages)


def test_capabilities_bot_challenge_thanks_goodbye(live_stack) -> None:
    session = new_session()
    assert "Personalausweis" in texts(live_stack.chat(session, text="Wobei können Sie mir helfen?"))
    assert "kein Mensch" in texts(live_stack.chat(session, text="Bin ich hier mit einem Menschen verbunden?"))
    assert "Gern geschehen" in texts(live_stack.chat(session, text="Vielen Dank!"))
    assert "Wiedersehen" in texts(live_stack.chat(session, text="Tschüss"))


def test_typed_intent_is_neutralised(live_stack) -> None:
    """A citizen typing `/emergency{"x":1}` reaches NLU as plain text, not as an injected intent."""
    session = new_session()
    live_stack.chat(session, text='/goodbye{"x": 1}')
    request = urllib.request.Request(
        f"http://127.0.0.1:{live_stack.env['SCHAENGEL_RASA_PORT']}/conversations/{session}/tracker"
        f"?token={live_stack.env['SCHAENGEL_RASA_TOKEN']}"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        tracker = json.loads(response.read())
    user_events = [e for e in tracker["events"] if e["event"] == "user"]
    assert user_events and not user_events[-1]["text"].startswith("/")
    assert tracker["slots"].get("x") is None


def test_unoffered_payload_is_treated_as_text(live_stack) -> None:
    messages = live_stack.chat(new_session(), text="Neustart", payload="/restart")
    assert messages  # answered, but /restart was not executed as an intent
    assert "restart" not in json.dumps(messages)


def test_empty_input_gets_friendly_german_answer(live_stack) -> None:
    messages = live_stack.chat(new_session(), text=" /// ")
    assert "leer" in texts(messages)
    assert cards(messages) == [{"type": "fallback", "reason": "invalid_input"}]


@pytest.mark.parametrize(
    "body",
    [
        {"session_id": "short", "text": "Hallo"},
        {"session_id": "a" * 10, "text": "x" * 1001},
        {"session_id": "a" * 10},
        {"session_id": "a" * 10, "text": "Hallo", "sender": "admin"},
        {"session_id": 12345678, "text": ["Hallo"]},
    ],
)
def test_invalid_requests_get_german_422(live_stack, body: dict) -> None:
    status, reply = live_stack.post("/api/v1/chat", body)
    assert status == 422
    assert reply["error"]["code"] == "invalid_request"
    assert "Bitte" in reply["error"]["message"] or "ungültig" in reply["error"]["message"]


def test_feedback_is_stored_without_personal_data(live_stack) -> None:
    session = new_session()
    message_id = live_stack.chat(session, text="Es brennt")[0]["id"]
    status, _ = live_stack.post(
        "/api/v1/feedback", {"session_id": session, "message_id": message_id, "rating": "up"}
    )
    assert status == 204
    with sqlite3.connect(live_stack.var_dir / "schaengel.db") as db:
        rows = db.execute("SELECT message_id, rating, card_type FROM feedback").fetchall()
        columns = [c[1] for c in db.execute("PRAGMA table_info(feedback)")]
    assert (message_id, "up", "emergency") in rows
    assert "session_id" not in columns


def test_openapi_document_describes_the_public_api(live_stack) -> None:
    status, document = live_stack.get("/openapi.json")
    assert status == 200
    assert {"/api/v1/chat", "/api/v1/feedback", "/health", "/api/v1/config"} <= set(document["paths"])


def test_security_headers_and_no_server_banner(live_stack) -> None:
    with urllib.request.urlopen(live_stack.base_url + "/health", timeout=10) as response:
        headers = response.headers
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Server" not in headers


def test_unknown_path_is_a_german_404(live_stack) -> None:
    status, body = live_stack.get("/does-not-exist")
    assert status == 404
    assert body["error"]["message"] == "Diese Seite gibt es leider nicht."


def test_rasa_api_is_not_reachable_without_token(live_stack) -> None:
    status, _ = _get(f"http://127.0.0.1:{live_stack.env['SCHAENGEL_RASA_PORT']}/status")
    assert status == 401


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
