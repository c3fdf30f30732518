"""endpoints.yml's ${VAR} references are really substituted by Rasa (only unquoted values are)."""
from pathlib import Path

from rasa.core.utils import read_endpoints_from_path

ROOT = Path(__file__).resolve().parents[2]


def test_endpoint_variables_are_substituted(monkeypatch) -> None:
    monkeypatch.setenv("SCHAENGEL_ACTION_URL", "http://127.0.0.1:5999")
    monkeypatch.setenv("SCHAENGEL_TRACKER_DB", "/tmp/tracker-test.db")
    endpoints = read_endpoints_from_path(ROOT / "endpoints.yml")
    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"
    assert endpoints.tracker_store.kwargs["db"] == "/tmp/tracker-test.db"


def test_production_endpoint_variables_are_substituted(monkeypatch) -> None:
    env = {
        "SCHAENGEL_ACTION_URL": "http://127.0.0.1:5999",
        "SCHAENGEL_TRACKER_PG_HOST": "db.internal", "SCHAENGEL_TRACKER_PG_PORT": "6543",
        "SCHAENGEL_TRACKER_PG_DB": "rasa", "SCHAENGEL_TRACKER_PG_USER": "rasa",
        "SCHAENGEL_TRACKER_PG_PASSWORD": "geheim",
        "SCHAENGEL_REDIS_HOST": "redis.internal", "SCHAENGEL_REDIS_PORT": "6380", "SCHAENGEL_REDIS_DB": "2",
        "SCHAENGEL_REDIS_PASSWORD": "", "SCHAENGEL_REDIS_PREFIX": "koblenz",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    endpoints = read_endpoints_from_path(ROOT / "deploy" / "endpoints.production.yml")
    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"
    tracker = endpoints.tracker_store
    assert tracker.type == "SQL" and tracker.kwargs["dialect"] == "postgresql"
    assert tracker.url == "db.internal:6543"
    assert (tracker.kwargs["db"], tracker.kwargs["username"], tracker.kwargs["password"]) == ("rasa", "rasa", "geheim")
    lock = endpoints.lock_store
    assert lock.type == "redis" and lock.url == "redis.internal"
    assert (lock.kwargs["port"], lock.kwargs["db"], lock.kwargs["key_prefix"]) == ("6380", "2", "koblenz")
