"""endpoints.yml's ${VAR} references are really substituted by Rasa (only unquoted values are).

Both files send the internal secret to the action server as a header (nested mapping), never as a
query parameter (URLs land in access logs).
"""
from pathlib import Path

from rasa.core.utils import read_endpoints_from_path

ROOT = Path(__file__).resolve().parents[2]


def test_endpoint_variables_are_substituted(monkeypatch) -> None:
    monkeypatch.setenv("SCHAENGEL_ACTION_URL", "http://127.0.0.1:5999")
    monkeypatch.setenv("SCHAENGEL_TRACKER_DB", "/tmp/tracker-test.db")
    monkeypatch.setenv("SCHAENGEL_INTERNAL_SECRET", "-intern_123")
    endpoints = read_endpoints_from_path(ROOT / "endpoints.yml")
    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"
    assert endpoints.action.headers == {"X-Schaengel-Secret": "-intern_123"}
    assert not endpoints.action.params and not endpoints.action.token
    assert endpoints.tracker_store.kwargs["db"] == "/tmp/tracker-test.db"


def test_production_endpoint_variables_are_substituted(monkeypatch) -> None:
    env = {
        "SCHAENGEL_ACTION_URL": "http://127.0.0.1:5999",
        "SCHAENGEL_TRACKER_PG_HOST": "db.internal", "SCHAENGEL_TRACKER_PG_PORT": "6543",
        "SCHAENGEL_TRACKER_PG_DB": "rasa", "SCHAENGEL_TRACKER_PG_USER": "rasa",
        "SCHAENGEL_TRACKER_PG_PASSWORD": "geheim",
        "SCHAENGEL_REDIS_HOST": "redis.internal", "SCHAENGEL_REDIS_PORT": "6380", "SCHAENGEL_REDIS_DB": "2",
        "SCHAENGEL_REDIS_PASSWORD": "", "SCHAENGEL_REDIS_PREFIX": "koblenz",
        "SCHAENGEL_INTERNAL_SECRET": "intern-geheim",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    endpoints = read_endpoints_from_path(ROOT / "deploy" / "endpoints.production.yml")
    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"
    assert endpoints.action.headers == {"X-Schaengel-Secret": "intern-geheim"}
    assert not endpoints.action.params and not endpoints.action.token
    tracker = endpoints.tracker_store
    assert tracker.type == "SQL" and tracker.kwargs["dialect"] == "postgresql"
    assert tracker.url == "db.internal:6543"
    assert (tracker.kwargs["db"], tracker.kwargs["username"], tracker.kwargs["password"]) == ("rasa", "rasa", "geheim")
    lock = endpoints.lock_store
    assert lock.type == "redis" and lock.url == "redis.internal"
    assert (lock.kwargs["port"], lock.kwargs["db"], lock.kwargs["key_prefix"]) == ("6380", "2", "koblenz")


def test_rasa_sends_the_secret_header_to_the_action_server(monkeypatch) -> None:
    """Rasa's own request code puts the configured header on the action call."""
    import asyncio

    from aiohttp import web

    monkeypatch.setenv("SCHAENGEL_TRACKER_DB", "/tmp/tracker-test.db")
    monkeypatch.setenv("SCHAENGEL_INTERNAL_SECRET", "intern-geheim")
    seen: list[tuple[str, object]] = []

    async def webhook(request: web.Request) -> web.Response:
        seen.append((request.headers.get("X-Schaengel-Secret", ""), dict(request.query)))
        return web.json_response({"events": [], "responses": []})

    async def exercise() -> None:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        monkeypatch.setenv("SCHAENGEL_ACTION_URL", f"http://127.0.0.1:{port}")
        try:
            endpoint = read_endpoints_from_path(ROOT / "endpoints.yml").action
            await endpoint.request(json={"next_action": "action_x"}, method="post")
        finally:
            await runner.cleanup()

    asyncio.run(exercise())
    assert seen == [("intern-geheim", {})]
