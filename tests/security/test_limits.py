"""Gateway hardening on a dedicated real gateway (own process, low limits) in front of the real stack's Rasa."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from tests.conftest import ROOT, LiveStack, free_port

pytestmark = pytest.mark.live

ORIGIN = "https://www.koblenz.de"


@pytest.fixture(scope="module")
def gateway(live_stack: LiveStack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("limits")
    port = free_port()
    env = {**live_stack.env, "SCHAENGEL_GATEWAY_PORT": str(port), "SCHAENGEL_VAR_DIR": str(folder),
           "SCHAENGEL_DATABASE_URL": f"sqlite:///{folder / 'gateway.db'}",
           "SCHAENGEL_TRACKER_DB": str(folder / "no-tracker.db"),
           "SCHAENGEL_RATE_LIMIT_SESSION": "3", "SCHAENGEL_RATE_LIMIT_IP": "12",
           "SCHAENGEL_MAX_BODY_BYTES": "4096", "SCHAENGEL_CORS_ORIGINS": f"{ORIGIN}, https://koblenz.example"}
    log = open(folder / "gateway.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.gateway.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/config", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError((folder / "gateway.log").read_text())
    yield base
    process.terminate()
    process.wait(timeout=20)
    log.close()
    # INFO logs: one JSON line per request, never a message text
    lines = [json.loads(line) for line in (folder / "gateway.log").read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("event") == "request"]
    assert requests and all({"method", "path", "status", "duration_ms"} <= set(line) for line in requests)
    assert "Löhrstraße" not in (folder / "gateway.log").read_text()


def test_per_session_limit_answers_a_friendly_german_429(gateway: str) -> None:
    session = "limits-session-1"
    with httpx.Client(base_url=gateway, timeout=30) as client:
        statuses = [client.post("/api/v1/chat", json={"session_id": session, "text": "Ich wohne Löhrstraße 12"})
                    for _ in range(4)]
        assert [r.status_code for r in statuses[:3]] == [200, 200, 200]
        limited = statuses[3]
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "rate_limited"
        assert "Moment" in limited.json()["error"]["message"]
        assert int(limited.headers["Retry-After"]) >= 1
        assert limited.headers["X-Content-Type-Options"] == "nosniff"
        # another session is not affected
        assert client.post("/api/v1/chat", json={"session_id": "limits-session-2", "text": "Hallo"}).status_code == 200


def test_body_limit_and_bad_bodies(gateway: str) -> None:
    with httpx.Client(base_url=gateway, timeout=30) as client:
        big = client.post("/api/v1/chat", content=b'{"session_id":"abcdefgh12","text":"' + b"A" * 5000 + b'"}',
                          headers={"Content-Type": "application/json"})
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"


def test_cors_allows_only_configured_origins(gateway: str) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = httpx.options(f"{gateway}/api/v1/chat", headers={"Origin": ORIGIN, **preflight})
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
    other = httpx.options(f"{gateway}/api/v1/chat", headers={"Origin": "https://evil.example", **preflight})
    assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
    simple = httpx.get(f"{gateway}/api/v1/config", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_no_cors_headers_without_configuration(live_stack: LiveStack) -> None:
    reply = httpx.get(f"{live_stack.base_url}/api/v1/config", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in reply.headers
    assert reply.headers["content-security-policy"].count("unsafe-inline") == 0


# last in the module: it spends this client IP's budget, which every later request would hit
def test_per_ip_limit_covers_every_post(gateway: str) -> None:
    with httpx.Client(base_url=gateway, timeout=30) as client:
        statuses = [client.post("/api/v1/feedback", json={"session_id": "limits-ip-abc", "message_id": "m1",
                                                          "rating": "up"}).status_code for _ in range(14)]
        # unknown message ids are refused (404) until the IP's budget is spent (429)
        assert 429 in statuses and set(statuses) <= {404, 429}
        assert client.get("/api/v1/config").status_code == 200  # reading stays possible
