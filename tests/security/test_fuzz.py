"""Fuzz/abuse test: 10,000+ generated inputs through the public API of the real running stack.

Zero 5xx, the gateway stays healthy, and typed Rasa syntax (``/restart``, ``/handoff{"x":1}``)
never reaches Rasa as an intent or a slot. The test stack has its rate limits off
(bot/local_stack.py); tests/security/test_limits.py checks the limits themselves.
"""
from __future__ import annotations

import json
import random
import string
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

import httpx
import pytest

pytestmark = pytest.mark.live

TOTAL_INPUTS = 10_400
#: inputs that pass validation reach the real Rasa; the rest stop at the gateway's validation
RASA_TURNS = 800
SESSIONS = 48

INJECTIONS = [
    "/restart", "/handoff{\"x\":1}", '/goodbye{"x": 1}', "/greet", "/emergency", "/nlu_fallback", "/session_start",
    "//restart", " /restart ", "\u200b/restart", "/request_human{\"requested_slot\": \"contact\"}",
    '/inform{"service_id": "99050012104000"}', "/action_restart", "/ausweis_beantragen{\"x\":[1,2]}",
    "\x00/restart", "／restart", "\\/restart", "/restart\n/handoff", "/" * 50,
]
NASTY = [
    "", " ", "\t\n\r", "\u200b\u200c\u200d\ufeff", "\x00\x01\x02\x1b[31m", "\x7f" * 20, "🙂" * 200, "👩‍👩‍👧‍👦🏳️‍🌈",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}} ${7*7} <%= 7*7 %>",
    "' OR 1=1; --", "'; DROP TABLE events; --", "\" UNION SELECT * FROM staff_user --", "%00%2e%2e%2f", "../../etc/passwd",
    "\u202eevil\u202c", "A" * 999, "ÄÖÜäöüß€" * 100, "null", "[]", "{}", "NaN", "\ud800", "a\udcffb",
    "Meine IBAN ist DE89 3704 0044 0532 0130 00", "Ich wohne Löhrstraße 12, Tel. 0261 1234567",
]
QUESTIONS = [
    "Wie beantrage ich einen Personalausweis?", "Wann hat das Bürgeramt geöffnet?", "Ich möchte mich ummelden",
    "Was kostet ein Reisepass?", "Hallo", "Danke", "Wohngeld beantragen", "Sperrmüll anmelden",
]


def _random_text(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "".join(rng.choice(string.printable) for _ in range(rng.randrange(1, 200)))
    if kind == 1:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(1, 120)))
    if kind == 2:
        return rng.choice(INJECTIONS) + rng.choice(["", " " + rng.choice(QUESTIONS), json.dumps({"a": rng.random()})])
    if kind == 3:
        return rng.choice(NASTY) + rng.choice(QUESTIONS)
    if kind == 4:
        return "".join(chr(rng.randrange(0x1F300, 0x1FAFF)) for _ in range(rng.randrange(1, 30)))
    return rng.choice(QUESTIONS + NASTY + INJECTIONS)


def _session(rng: random.Random) -> str:
    return f"fuzz{rng.randrange(SESSIONS):04d}abcd"


WRONG_VALUES: list[Any] = [None, 0, -1, 1e308, True, [], {}, ["a"], {"a": {"b": {"c": []}}}, "", " " * 10, "x" * 600]


def _bad_request(rng: random.Random) -> tuple[str, str, bytes, dict[str, str]]:
    """(method, path, body, headers) that the gateway must reject with a 4xx (never 5xx)."""
    json_headers = {"Content-Type": "application/json"}
    kind = rng.randrange(12)
    if kind == 0:  # wrong JSON types for every field
        body = {"session_id": rng.choice(WRONG_VALUES), "text": rng.choice(WRONG_VALUES)}
        return "POST", "/api/v1/chat", json.dumps(body).encode(), json_headers
    if kind == 1:  # invalid UTF-8
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        return "POST", "/api/v1/chat", b'{"session_id":"abcdefgh12","text":"' + raw + b'"}', json_headers
    if kind == 2:  # not JSON at all
        return "POST", "/api/v1/chat", rng.choice([b"text=hallo", b"<xml/>", b"{", b"\x00\xff", b""]), json_headers
    if kind == 3:  # 100 KB
        return "POST", "/api/v1/chat", json.dumps({"session_id": "abcdefgh12", "text": "A" * 100_000}).encode(), json_headers
    if kind == 4:  # deep nesting within the size limit
        depth = rng.randrange(100, 5000)
        return "POST", "/api/v1/chat", b'{"session_id":"abcdefgh12","text":' + b"[" * depth + b"]" * depth + b"}", json_headers
    if kind == 5:  # extra / missing fields, injection as payload next to a wrong id
        body = rng.choice([{"text": "Hallo"}, {"session_id": "abcdefgh12"}, {"session_id": "abcdefgh12", "text": "x", "sender": "admin"},
                           {"session_id": "../../etc", "text": "x"}, {"session_id": "abcdefgh12", "payload": {"intent": "restart"}},
                           {"session_id": "abcdefgh12", "text": " ", "payload": ""}])
        return "POST", "/api/v1/chat", json.dumps(body).encode(), json_headers
    if kind == 6:  # the wrong content type
        return "POST", "/api/v1/chat", b'{"session_id":"abcdefgh12","text":"Hallo"}', {"Content-Type": rng.choice(["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"])}
    if kind == 7:  # feedback with junk
        body = {"session_id": rng.choice(WRONG_VALUES + ["abcdefgh12"]), "message_id": rng.choice(WRONG_VALUES + ["m1"]),
                "rating": rng.choice(WRONG_VALUES + ["up", "sideways"])}
        return "POST", "/api/v1/feedback", json.dumps(body).encode(), json_headers
    if kind == 8:  # the long poll with junk parameters
        after = rng.choice(["-1", "abc", "1e99", str(10**30), "NaN", "%00"])
        headers = {"X-Session-Id": rng.choice(["abcdefgh12", "x", "%2e%2e", ""]),
                   "X-Events-Token": rng.choice(["", "0", "x" * 22, "%00", "A" * 600])}
        return "GET", f"/api/v1/events?after={after}&wait=0", b"", headers
    if kind == 9:  # random paths and methods
        path = "/" + "".join(rng.choice(string.ascii_letters + "%./-_~") for _ in range(rng.randrange(1, 60)))
        return rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH"]), path, b"", {}
    if kind == 10:  # staff API without login / with junk
        return rng.choice(["GET", "POST"]), rng.choice(["/api/staff/v1/cases", "/api/staff/v1/login", "/api/staff/v1/callbacks"]), \
            json.dumps({"username": rng.choice(WRONG_VALUES), "password": rng.choice(WRONG_VALUES)}).encode(), json_headers
    return "PUT", "/api/v1/chat", b"{}", json_headers


def _inputs(rng: random.Random) -> Iterator[tuple[str, str, bytes, dict[str, str]]]:
    json_headers = {"Content-Type": "application/json"}
    for index in range(TOTAL_INPUTS):
        if index % (TOTAL_INPUTS // RASA_TURNS) == 0:
            body = {"session_id": _session(rng), "text": _random_text(rng)[:1000]}
            if rng.random() < 0.2:
                body["payload"] = rng.choice(INJECTIONS)
            yield "POST", "/api/v1/chat", json.dumps(body).encode(), json_headers
        else:
            yield _bad_request(rng)


def test_ten_thousand_generated_inputs_give_no_5xx_and_no_injection(live_stack) -> None:
    rng = random.Random(20261121)
    requests = list(_inputs(rng))
    assert len(requests) >= 10_000

    def send(client: httpx.Client, item: tuple[str, str, bytes, dict[str, str]]) -> tuple[int, str]:
        method, path, body, headers = item
        try:
            try:
                response = client.request(method, path, content=body, headers=headers)
            except httpx.RemoteProtocolError:
                # a pooled keep-alive connection the server closed just then (client-side race): once more;
                # a crash would fail again, and the health/process checks below would notice it
                response = client.request(method, path, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return -1, f"{method} {path} ({len(body)} bytes): {type(exc).__name__}"
        if response.status_code >= 500 or "Traceback" in response.text:
            return response.status_code, f"{method} {path} {body[:120]!r} -> {response.text[:200]}"
        return response.status_code, ""

    limits = httpx.Limits(max_connections=16, keepalive_expiry=1.0)  # below uvicorn's 5 s keep-alive
    with httpx.Client(base_url=live_stack.base_url, timeout=60, limits=limits) as client, ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda item: send(client, item), requests))

    statuses = Counter(status for status, _ in results)
    failures = [detail for status, detail in results if status >= 500 or status < 0]
    assert not failures, f"{len(failures)} failures, e.g. {failures[:5]}; statuses {statuses}"
    assert statuses[200] >= RASA_TURNS * 0.9, statuses  # the valid turns were answered
    assert statuses[413] > 0 and statuses[422] > 0, statuses

    status, health = live_stack.get("/health")
    assert status == 200 and health["status"] == "ok", health
    assert live_stack.process.poll() is None

    # typed Rasa syntax reached Rasa as plain text: no user event starts with "/", no slot "x"
    for number in range(SESSIONS):
        session = f"fuzz{number:04d}abcd"
        request = urllib.request.Request(
            f"{live_stack.rasa_url}/conversations/{session}/tracker?token={live_stack.env['SCHAENGEL_RASA_TOKEN']}")
        with urllib.request.urlopen(request, timeout=30) as response:
            tracker = json.loads(response.read())
        for event in tracker["events"]:
            assert event["event"] != "restart", session  # "/restart" was never executed
            if event["event"] == "user":
                text = event.get("text") or ""
                # typed text never starts with "/"; only /greet or an offered button payload may
                assert not text.startswith("/") or (text in INJECTIONS and "{" not in text), text
            if event["event"] == "slot":
                assert event["name"] != "x"
        assert tracker["slots"].get("x") is None

