"""When Rasa is unreachable the citizen still gets a friendly answer, and /health says so."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import ROOT, LiveStack, free_port


@pytest.fixture(scope="module")
def gateway_without_rasa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    var_dir: Path = tmp_path_factory.mktemp("degraded")
    port, dead_port = free_port(), free_port()
    env = dict(os.environ)
    env.update(
        SCHAENGEL_VAR_DIR=str(var_dir),
        SCHAENGEL_RASA_URL=f"http://127.0.0.1:{dead_port}",
        SCHAENGEL_ACTION_URL=f"http://127.0.0.1:{dead_port}",
        SCHAENGEL_CITY_PHONE="0261 129-0",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.gateway.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    stack = LiveStack(f"http://127.0.0.1:{port}", var_dir, env, process)
    for _ in range(100):
        try:
            urllib.request.urlopen(stack.base_url + "/openapi.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield stack
    process.terminate()
    process.wait(timeout=10)


def test_chat_answers_with_phone_number_when_rasa_is_down(gateway_without_rasa: LiveStack) -> None:
    messages = gateway_without_rasa.chat(uuid.uuid4().hex, text="Wann hat das Bürgeramt offen?")
    text = " ".join(m.get("text", "") for m in messages)
    assert "technischen Gründen" in text and "0261 129-0" in text
    card = next(m["custom"] for m in messages if "custom" in m)
    assert card["type"] == "fallback" and card["reason"] == "technical_error"
    assert card["alternatives"]["phone"] == "0261 129-0"


def test_health_is_503_and_names_the_failing_dependencies(gateway_without_rasa: LiveStack) -> None:
    status, body = gateway_without_rasa.get("/health")
    assert status == 503
    assert body["status"] == "degraded"
    assert body["checks"]["rasa"]["ok"] is False
    assert body["checks"]["action_server"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
