"""`python -m bot.stack` supervises its processes: restarts a crashed one, stops all on Ctrl-C."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.conftest import start_stack, stop_stack

pytestmark = pytest.mark.live


def _children(pid: int) -> list[int]:
    output = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    return [int(p) for p, pp in (line.split() for line in output.splitlines()) if int(pp) == pid]


def test_crashed_action_server_is_restarted_and_ctrl_c_stops_everything(tmp_path) -> None:
    stack = start_stack(tmp_path)
    try:
        children = _children(stack.process.pid)
        assert len(children) == 3  # actions, rasa, gateway
        action_pid = next(
            pid for pid in children
            if "bot.internal.action_server" in open(f"/proc/{pid}/cmdline").read().replace("\0", " ")
        )
        os.kill(action_pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status, body = stack.get("/health", timeout=5)
            if status == 200 and action_pid not in _children(stack.process.pid):
                break
            time.sleep(0.5)
        assert status == 200, body
        assert "actions wurde unerwartet beendet" in (tmp_path / "stack.out").read_text()
        children = _children(stack.process.pid)
    finally:
        code = stop_stack(stack)
    assert code == 0
    for pid in children:
        assert not os.path.exists(f"/proc/{pid}") or "Z" in open(f"/proc/{pid}/stat").read().split()[2]
    assert "Alle Prozesse beendet" in (tmp_path / "stack.out").read_text()


def test_gateway_secret_is_made_once_and_kept_owner_only(tmp_path) -> None:
    from bot.stack import gateway_secret_file

    first = gateway_secret_file(tmp_path)
    assert len(first) >= 32 and gateway_secret_file(tmp_path) == first  # a restart signs with the same key
    assert (tmp_path / "gateway_secret").stat().st_mode & 0o777 == 0o600
