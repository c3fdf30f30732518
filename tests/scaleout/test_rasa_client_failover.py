"""The gateway spreads messages round-robin over several Rasa instances and fails over (no real Rasa needed)."""
from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.gateway.rasa_client import RasaClient, RasaUnavailable
from bot.stack import _components, _instance_urls, check_scale_out
from bot.config import load_settings

A, B = "http://127.0.0.1:1111", "http://127.0.0.1:2222"


def client_with(handler) -> RasaClient:  # type: ignore[no-untyped-def]
    client = RasaClient(f"{A}, {B}/", "http://127.0.0.1:3333", 5)
    client._client = httpx.AsyncClient(transport=httpx.MockTransport(handler), timeout=5)
    return client


def test_round_robin_over_all_instances() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.scheme}://{request.url.host}:{request.url.port}")
        return httpx.Response(200, json=[{"text": "ok"}])

    client = client_with(handler)
    for _ in range(4):
        assert asyncio.run(client.send("s", "hallo")) == [{"text": "ok"}]
    assert seen == [A, B, A, B]


@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError])
def test_dead_instance_fails_over_to_the_other(error) -> None:  # type: ignore[no-untyped-def]
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.port == 1111:
            raise error("down", request=request)
        return httpx.Response(200, json=[{"text": "von B"}])

    client = client_with(handler)
    for _ in range(3):
        assert asyncio.run(client.send("s", "hallo")) == [{"text": "von B"}]


def test_timeout_is_not_retried_and_all_down_is_unavailable() -> None:
    calls: list[int] = []

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.port)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(RasaUnavailable):
        asyncio.run(client_with(slow).send("s", "hallo"))
    assert len(calls) == 1

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down", request=request)

    with pytest.raises(RasaUnavailable):
        asyncio.run(client_with(down).send("s", "hallo"))


def test_health_is_ok_while_one_instance_answers() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.port == 1111:
            raise httpx.ConnectError("down", request=request)
        return httpx.Response(200)

    probe = asyncio.run(client_with(handler).probe_rasa())
    assert probe.ok and "instance 1" in (probe.detail or "")


def test_stack_plans_n_rasa_instances_and_m_action_servers(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SCHAENGEL_RASA_INSTANCES", "3")
    monkeypatch.setenv("SCHAENGEL_ACTION_INSTANCES", "2")
    monkeypatch.setenv("SCHAENGEL_RASA_PORT", "6000")
    monkeypatch.setenv("SCHAENGEL_ACTION_PORT", "7000")
    monkeypatch.setenv("SCHAENGEL_ENDPOINTS", "deploy/endpoints.production.yml")
    monkeypatch.delenv("SCHAENGEL_RASA_URL", raising=False)
    monkeypatch.delenv("SCHAENGEL_ACTION_URL", raising=False)
    settings = load_settings()
    assert check_scale_out(settings) is None
    components = {c.name: c for c in _components(settings, tmp_path / "model.tar.gz", "token")}
    assert sorted(components) == ["actions-1", "actions-2", "gateway", "rasa-1", "rasa-2", "rasa-3"]
    assert components["rasa-3"].command[components["rasa-3"].command.index("--port") + 1] == "6002"
    assert components["rasa-3"].env["SCHAENGEL_ACTION_URL"] == "http://127.0.0.1:7000"  # 3rd → action server 1
    assert "deploy/endpoints.production.yml" in components["rasa-1"].command
    assert components["gateway"].env["SCHAENGEL_RASA_URL"] == ",".join(
        f"http://127.0.0.1:{port}" for port in (6000, 6001, 6002))


def test_default_stays_single_and_sqlite_refuses_several_instances(monkeypatch, tmp_path) -> None:
    for name in ("SCHAENGEL_RASA_INSTANCES", "SCHAENGEL_ACTION_INSTANCES", "SCHAENGEL_ENDPOINTS",
                 "SCHAENGEL_RASA_URL", "SCHAENGEL_ACTION_URL", "SCHAENGEL_RASA_PORT", "SCHAENGEL_ACTION_PORT"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    names = [c.name for c in _components(settings, tmp_path / "m.tar.gz", "t")]
    assert names == ["actions", "rasa", "gateway"]
    assert _instance_urls(settings.rasa_url, settings.rasa_port, 1) == [("http://127.0.0.1:5005", 5005)]
    monkeypatch.setenv("SCHAENGEL_RASA_INSTANCES", "2")
    assert "Redis" in (check_scale_out(load_settings()) or "")


def test_messages_of_one_conversation_are_sent_one_after_the_other() -> None:
    active: dict[str, int] = {}
    overlaps: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        sender = __import__("json").loads(request.content)["sender"]
        active[sender] = active.get(sender, 0) + 1
        if active[sender] > 1:
            overlaps.append(sender)
        await asyncio.sleep(0.01)
        active[sender] -= 1
        return httpx.Response(200, json=[])

    async def run() -> None:
        client = client_with(handler)
        await asyncio.gather(*(client.send(s, "x") for s in ["a"] * 5 + ["b"] * 5))
        assert not client._turns or all(not lock.locked() for lock in client._turns.values())

    asyncio.run(run())
    assert overlaps == []
