"""Findings 8 and 9: the internal services need the shared secret; no secret on a command line.

Rasa's REST channel and the action server webhook answer only requests with ``X-Schaengel-Secret``
(``SCHAENGEL_INTERNAL_SECRET``, bot/internal); Rasa gets its HTTP API token by environment
(``bot.internal.rasa_server``). The non-live tests run the real action server process and the real
channel blueprint; the live tests run the whole stack.
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Iterator, Optional

import httpx
import pytest
import yaml

from bot.config import load_settings
from bot.gateway.rasa_client import RasaClient
from bot.internal import SECRET_HEADER, secret_matches, secret_problem
from bot.local_stack import LiveStack, child_processes, free_port, send_request
from bot.rasa_cli import rasa_env
from bot.stack import _components

ROOT = Path(__file__).resolve().parents[2]
SECRET = "geheim-fuer-tests-0123456789"
#: something personal in a request body: a refusal must not echo it
MARKER = "Erika Mustermann 0261 9876543"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCHAENGEL_", "SANIC_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONWARNINGS="ignore", **extra)
    return env


def _request(url: str, body: Optional[dict[str, Any]] = None, headers: Optional[dict[str, str]] = None,
             method: Optional[str] = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    return send_request(request, 60)


def _listen_address(port: int) -> Optional[str]:
    """The IPv4 address a local socket listens on for ``port`` (from /proc/net/tcp; Linux)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, _remote, state = line.split()[1:4]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            return ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return None


def _action_call(action: str = "action_ping") -> dict[str, Any]:
    return {"next_action": action, "sender_id": "s1", "version": "3.6.21", "domain": {},
            "tracker": {"sender_id": "s1", "slots": {}, "latest_message": {"text": MARKER}, "events": []}}


# -- action server ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def action_server() -> Iterator[str]:
    """``python -m bot.internal.action_server`` with a test action, on a free port (no SANIC_HOST)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.internal.action_server", "--actions", "tests.security.ping_actions",
         "--port", str(port)],
        cwd=ROOT, env=_env(SCHAENGEL_INTERNAL_SECRET=SECRET), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read().decode(errors="replace")  # type: ignore[union-attr]
            try:
                if _request(f"{url}/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("action server did not start")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_action_webhook_needs_the_secret(action_server: str) -> None:
    status, body = _request(f"{action_server}/webhook", _action_call())
    assert (status, body) == (401, {"error": "unauthorized"})
    status, body = _request(f"{action_server}/webhook", _action_call(), {SECRET_HEADER: SECRET + "x"})
    assert (status, body) == (401, {"error": "unauthorized"})
    assert MARKER not in json.dumps(body, ensure_ascii=False)
    status, body = _request(f"{action_server}/webhook", _action_call(), {SECRET_HEADER: SECRET})
    assert status == 200, body
    assert [m.get("text") for m in body["responses"]] == ["pong"]


def test_action_server_protects_every_route_but_health(action_server: str) -> None:
    assert _request(f"{action_server}/health")[0] == 200
    assert _request(f"{action_server}/actions")[0] == 401
    status, body = _request(f"{action_server}/actions", headers={SECRET_HEADER: SECRET})
    assert status == 200 and {"name": "action_ping"} in body
    # an unknown action with a bad secret: 401, not rasa-sdk's 404 that names the action
    assert _request(f"{action_server}/webhook", _action_call("action_nope"), {SECRET_HEADER: ""})[0] == 401


def test_action_server_binds_to_loopback_by_default(action_server: str) -> None:
    assert _listen_address(int(action_server.rsplit(":", 1)[1])) == "127.0.0.1"


def test_action_server_refuses_to_start_without_a_secret() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.internal.action_server", "--port", str(free_port())],
        cwd=ROOT, env=_env(SCHAENGEL_INTERNAL_SECRET=" "), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "SCHAENGEL_INTERNAL_SECRET ist nicht gesetzt" in result.stderr


# -- Rasa's REST channel ---------------------------------------------------------------------------


def test_rest_channel_needs_the_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """The channel's real blueprint on a real Sanic server, with a stand-in for Rasa's agent."""
    from sanic import Sanic

    from bot.internal.rasa_channel import SecretRestInput

    monkeypatch.setenv("SCHAENGEL_INTERNAL_SECRET", SECRET)
    channel = SecretRestInput.from_credentials(None)
    assert channel.name() == "rest"  # the URL stays /webhooks/rest/webhook
    received: list[str] = []

    async def on_new_message(message: Any) -> None:
        received.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "Hallo")

    app = Sanic(f"rest_channel_{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = free_port()

    async def exercise() -> list[tuple[int, Any]]:
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
        assert server is not None
        await server.startup()
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        body = {"sender": "s1", "message": MARKER}
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                results = []
                for headers in ({}, {SECRET_HEADER: "falsch"}, {SECRET_HEADER: SECRET}):
                    response = await client.post(url, json=body, headers=headers)
                    results.append((response.status_code, response.json()))
                results.append(((await client.get(f"http://127.0.0.1:{port}/webhooks/rest/")).status_code, None))
                return results
        finally:
            server.close()
            await server.wait_closed()

    results = asyncio.run(exercise())
    assert results[0] == (401, {"error": "unauthorized"})
    assert results[1] == (401, {"error": "unauthorized"})
    assert results[2] == (200, [{"recipient_id": "s1", "text": "Hallo"}])
    assert results[3][0] == 401
    assert received == [MARKER]  # only the request with the secret reached Rasa


def test_rest_channel_refuses_to_start_without_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.shared.exceptions import RasaException

    from bot.internal.rasa_channel import SecretRestInput

    monkeypatch.delenv("SCHAENGEL_INTERNAL_SECRET", raising=False)
    monkeypatch.delenv("SCHAENGEL_INTERNAL_SECRET_FILE", raising=False)
    with pytest.raises(RasaException, match="SCHAENGEL_INTERNAL_SECRET ist nicht gesetzt"):
        SecretRestInput.from_credentials(None)


def test_credentials_name_the_secret_channel_only() -> None:
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert list(credentials) == ["bot.internal.rasa_channel.SecretRestInput"]


def test_gateway_sends_the_secret_on_every_call_to_rasa() -> None:
    seen: list[tuple[str, Optional[str]]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get(SECRET_HEADER)))
        return httpx.Response(200, json=[] if request.method == "POST" else {"status": "ok"})

    async def exercise() -> None:
        client = RasaClient("http://rasa:5005", "http://actions:5055", 5, internal_secret=SECRET)
        client._client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        await client.send("s1", "Hallo")
        await client.probe_rasa()
        await client.probe_action_server()
        await client.close()

    asyncio.run(exercise())
    assert seen == [("/webhooks/rest/webhook", SECRET), ("/", SECRET), ("/health", SECRET)]


def test_secret_comparison_fails_closed() -> None:
    assert secret_matches(SECRET, SECRET)
    assert not secret_matches(None, SECRET) and not secret_matches("", "") and not secret_matches(SECRET, "")
    assert not secret_matches(SECRET[:-1], SECRET)
    # a header carries ASCII only: such a secret is refused at start, not on the first message
    assert secret_problem(SECRET) is None
    assert "ASCII" in (secret_problem("Geheimnis-für-Koblenz") or "") and secret_problem("a\nb")


# -- how the processes get their secrets -----------------------------------------------------------


def test_rasa_env_always_has_an_internal_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SCHAENGEL_INTERNAL_SECRET", raising=False)
    monkeypatch.delenv("SCHAENGEL_INTERNAL_SECRET_FILE", raising=False)
    first, second = rasa_env()["SCHAENGEL_INTERNAL_SECRET"], rasa_env()["SCHAENGEL_INTERNAL_SECRET"]
    assert len(first) >= 32 and first != second  # random for a one-off command
    secret_file = tmp_path / "secret"
    secret_file.write_text("aus-der-datei\n", encoding="utf-8")
    monkeypatch.setenv("SCHAENGEL_INTERNAL_SECRET_FILE", str(secret_file))
    assert rasa_env()["SCHAENGEL_INTERNAL_SECRET"] == "aus-der-datei" == load_settings().internal_secret
    monkeypatch.setenv("SCHAENGEL_INTERNAL_SECRET", "gesetzt")
    assert rasa_env()["SCHAENGEL_INTERNAL_SECRET"] == "gesetzt"


def test_stack_passes_secrets_by_environment_not_command_line(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    for name in ("SCHAENGEL_RASA_INSTANCES", "SCHAENGEL_ACTION_INSTANCES", "SCHAENGEL_ENDPOINTS"):
        monkeypatch.delenv(name, raising=False)
    token, secret = "-rasa-token-xyz", "internal-secret-xyz"
    components = {c.name: c for c in _components(load_settings(), tmp_path / "m.tar.gz", token, secret)}
    assert components["actions"].command[1:3] == ["-m", "bot.internal.action_server"]
    assert components["rasa"].command[1:3] == ["-m", "bot.internal.rasa_server"]
    for component in components.values():
        assert not any(token in arg or secret in arg or "auth-token" in arg for arg in component.command)
        assert component.env["SCHAENGEL_INTERNAL_SECRET"] == secret
        assert component.env["SCHAENGEL_RASA_TOKEN"] == token


def test_rasa_server_refuses_a_token_on_the_command_line_and_a_start_without_secrets() -> None:
    base = [sys.executable, "-m", "bot.internal.rasa_server", "--enable-api", "--port", str(free_port())]
    missing = subprocess.run(base, cwd=ROOT, env=_env(SCHAENGEL_INTERNAL_SECRET=SECRET), capture_output=True,
                             text=True, timeout=120)
    assert missing.returncode != 0 and "SCHAENGEL_RASA_TOKEN ist nicht gesetzt" in missing.stderr
    no_secret = subprocess.run(base, cwd=ROOT, env=_env(SCHAENGEL_RASA_TOKEN="t"), capture_output=True,
                               text=True, timeout=120)
    assert no_secret.returncode != 0 and "SCHAENGEL_INTERNAL_SECRET ist nicht gesetzt" in no_secret.stderr
    # argparse takes abbreviations: "--auth" is "--auth-token"
    given = subprocess.run([*base, "--auth", "sichtbar"], cwd=ROOT,
                           env=_env(SCHAENGEL_RASA_TOKEN="t", SCHAENGEL_INTERNAL_SECRET=SECRET),
                           capture_output=True, text=True, timeout=180)
    assert given.returncode != 0 and "--auth-token ist hier nicht erlaubt" in given.stderr


# -- the live stack --------------------------------------------------------------------------------


def _descendants(pid: int) -> dict[int, str]:
    found: dict[int, str] = {}
    for child, cmdline in child_processes(pid).items():
        found[child] = cmdline
        found.update(_descendants(child))
    return found


@pytest.mark.live
def test_live_internal_services_need_the_secret(live_stack: LiveStack) -> None:
    secret = live_stack.env["SCHAENGEL_INTERNAL_SECRET"]
    webhook = f"{live_stack.rasa_url}/webhooks/rest/webhook"
    body = {"sender": uuid.uuid4().hex, "message": "Was kostet ein Reisepass?"}
    assert _request(webhook, body) == (401, {"error": "unauthorized"})
    assert _request(webhook, body, {SECRET_HEADER: secret[::-1]}) == (401, {"error": "unauthorized"})
    status, reply = _request(webhook, body, {SECRET_HEADER: secret})
    assert status == 200 and reply, reply
    action_url = live_stack.env["SCHAENGEL_ACTION_URL"]
    assert _request(f"{action_url}/webhook", _action_call("action_answer_service")) == (
        401, {"error": "unauthorized"})
    assert _request(f"{action_url}/health")[0] == 200


@pytest.mark.live
def test_live_chat_answers_end_to_end_through_the_protected_services(live_stack: LiveStack) -> None:
    """Gateway → REST channel → Rasa → action server (a service card comes from the action)."""
    messages = live_stack.chat(uuid.uuid4().hex, text="Was kostet ein Reisepass?")
    customs = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
    assert not any(c.get("reason") == "technical_error" for c in customs), messages
    assert any(c.get("type") in ("service", "clarify") for c in customs), messages


@pytest.mark.live
def test_live_no_secret_on_any_command_line_or_in_the_logs(live_stack: LiveStack) -> None:
    token = live_stack.env["SCHAENGEL_RASA_TOKEN"]
    secret = live_stack.env["SCHAENGEL_INTERNAL_SECRET"]
    processes = {live_stack.process.pid: " ".join(live_stack.process.args), **_descendants(live_stack.process.pid)}
    commands = " | ".join(processes.values())
    assert "bot.internal.action_server" in commands and "bot.internal.rasa_server" in commands
    for pid, cmdline in processes.items():
        assert token not in cmdline and secret not in cmdline, cmdline
    ps = subprocess.run(["ps", "-eo", "args="], capture_output=True, text=True, check=True).stdout
    assert token not in ps and secret not in ps
    # Rasa's HTTP API takes its token only as ?token=: Sanic's access log (silent at Rasa's default
    # LOG_LEVEL_LIBRARIES=ERROR) must stay silent
    for log in [live_stack.var_dir / "stack.out", *(live_stack.var_dir / "logs").glob("*.log")]:
        content = log.read_text(errors="replace")
        assert secret not in content and token not in content, log.name
