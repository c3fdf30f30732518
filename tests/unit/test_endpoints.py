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
