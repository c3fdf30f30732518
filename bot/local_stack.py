"""Start a throwaway Schängel stack on free localhost ports and talk to it.

Used by the tests, the NLU evaluation and the load test: the same
``python -m bot.stack`` that ``make run`` starts, with its own var folder.
"""
from __future__ import annotations

import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from bot.config import PROJECT_ROOT

STACK_START_TIMEOUT = 300


_EPHEMERAL_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_PORT_FLOOR = 20000


def _ephemeral_ports() -> range:
    try:
        low, high = (int(n) for n in _EPHEMERAL_RANGE_FILE.read_text().split())
    except (OSError, ValueError):
        low, high = 32768, 60999  # the Linux default
    return range(low, high + 1)


def free_port() -> int:
    """A free localhost port outside the kernel's ephemeral range.

    A port the kernel hands out (bind to 0) is ephemeral: between choosing it and the server binding
    it, any outgoing connection (Rasa calling the action server, health checks) may take it as its
    source port, and the stack then fails with "address already in use". Ports below that range are
    only ever used when a program binds them on purpose.
    """
    ephemeral = _ephemeral_ports()
    candidates = [p for p in range(_PORT_FLOOR, 65536) if p not in ephemeral]
    for port in random.sample(candidates, min(200, len(candidates))):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:  # everything tried was taken: fall back to the kernel's choice
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveStack:
    """A running ``python -m bot.stack`` on free localhost ports."""

    base_url: str
    var_dir: Path
    env: dict[str, str]
    process: subprocess.Popen
    #: session id → the events token of its last chat reply (``GET /api/v1/events`` needs it)
    events_tokens: dict[str, str] = field(default_factory=dict)

    def post(self, path: str, body: Any, timeout: float = 30) -> tuple[int, Any]:
        request = urllib.request.Request(
            self.base_url + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )
        return send_request(request, timeout)

    def get(self, path: str, timeout: float = 30, headers: Optional[dict[str, str]] = None) -> tuple[int, Any]:
        return send_request(urllib.request.Request(self.base_url + path, headers=headers or {}), timeout)

    def events(self, session_id: str, after: int = 0, wait: float = 0, timeout: float = 40) -> tuple[int, Any]:
        """The live events of a session as the widget polls them (a chat of this session comes first)."""
        headers = {"X-Session-Id": session_id, "X-Events-Token": self.events_tokens.get(session_id, "")}
        return self.get(f"/api/v1/events?after={after}&wait={wait}", timeout, headers)

    def chat(self, session_id: str, text: Optional[str] = None, payload: Optional[str] = None) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"session_id": session_id}
        if text is not None:
            body["text"] = text
        if payload is not None:
            body["payload"] = payload
        status, reply = self.post("/api/v1/chat", body)
        assert status == 200, reply
        if reply.get("events_token"):
            self.events_tokens[session_id] = reply["events_token"]
        return reply["messages"]


    @property
    def rasa_url(self) -> str:
        return self.rasa_urls[0]

    @property
    def rasa_urls(self) -> list[str]:
        """Every Rasa instance of this stack (one unless started with ``rasa_instances``)."""
        return [url.strip() for url in self.env["SCHAENGEL_RASA_URL"].split(",")]

    def children(self) -> dict[int, str]:
        """pid → command line of the processes ``bot.stack`` supervises (actions, rasa, gateway)."""
        return child_processes(self.process.pid)

    def parse(self, text: str) -> dict[str, Any]:
        """What Rasa's NLU makes of ``text`` (its token-protected HTTP API, localhost only)."""
        request = urllib.request.Request(
            f"{self.rasa_url}/model/parse?token={self.env['SCHAENGEL_RASA_TOKEN']}",
            data=json.dumps({"text": text}).encode(), method="POST", headers={"Content-Type": "application/json"},
        )
        status, body = send_request(request, 30)
        if status != 200:
            raise RuntimeError(f"parse failed: HTTP {status}")
        return body


def send_request(request: urllib.request.Request, timeout: float) -> tuple[int, Any]:
    """Status and JSON body (or text) of a request to a local stack; HTTP errors are answers, not exceptions."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (localhost)
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        raw, status = error.read(), error.code
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def child_processes(parent: int) -> dict[int, str]:
    """pid → command line of the direct children of ``parent`` (from /proc; Linux)."""
    children: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == parent:
                children[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except (OSError, ValueError, IndexError):
            continue
    return children


def start_stack(var_dir: Path, extra_env: Optional[dict[str, str]] = None, rasa_instances: int = 1) -> LiveStack:
    """Start ``python -m bot.stack``; with ``rasa_instances`` > 1 pass a scale-out endpoints file in ``extra_env``."""
    ports = {name: free_port() for name in ("gateway", "rasa", "actions")}
    rasa_ports = [ports["rasa"]] + [free_port() for _ in range(rasa_instances - 1)]
    env = dict(os.environ)
    env.update(
        SCHAENGEL_VAR_DIR=str(var_dir),
        SCHAENGEL_GATEWAY_PORT=str(ports["gateway"]),
        SCHAENGEL_RASA_PORT=str(ports["rasa"]),
        SCHAENGEL_RASA_URL=",".join(f"http://127.0.0.1:{port}" for port in rasa_ports),
        SCHAENGEL_RASA_INSTANCES=str(rasa_instances),
        SCHAENGEL_ACTION_PORT=str(ports["actions"]),
        SCHAENGEL_ACTION_URL=f"http://127.0.0.1:{ports['actions']}",
        SCHAENGEL_DATABASE_URL=f"sqlite:///{var_dir / 'schaengel.db'}",
        SCHAENGEL_RASA_TOKEN=secrets.token_urlsafe(24),
        # known to the caller, so tests and the load test can talk to Rasa's REST channel directly
        SCHAENGEL_INTERNAL_SECRET=secrets.token_urlsafe(24),
    )
    # tests and the load test send many messages from 127.0.0.1: the rate limits are off unless a test
    # sets them (tests/security); production keeps the defaults of bot/config.py
    env.update(SCHAENGEL_RATE_LIMIT_IP="0", SCHAENGEL_RATE_LIMIT_SESSION="0")
    env.update(extra_env or {})
    log = open(var_dir / "stack.out", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.stack"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    stack = LiveStack(f"http://127.0.0.1:{ports['gateway']}", var_dir, env, process)
    deadline = time.monotonic() + STACK_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("bot.stack exited:\n" + (var_dir / "stack.out").read_text(errors="replace"))
        if "Schängel läuft" in (var_dir / "stack.out").read_text(errors="replace"):
            return stack
        time.sleep(0.5)
    stop_stack(stack)
    raise RuntimeError("bot.stack did not become ready:\n" + (var_dir / "stack.out").read_text(errors="replace"))


def stop_stack(stack: LiveStack) -> int:
    if stack.process.poll() is None:
        stack.process.send_signal(signal.SIGINT)
        try:
            stack.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.process.pid, signal.SIGKILL)
            stack.process.wait()
    return stack.process.returncode
