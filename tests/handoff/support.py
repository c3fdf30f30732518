"""Helpers for the handoff tests: real stacks with injected staff hours, staff users, a staff client."""
from __future__ import annotations

import http.cookiejar
import json
import subprocess
import sys
import time
import urllib.request
import uuid
from typing import Any, Callable, Optional

from tests.conftest import ROOT, LiveStack

STAFF_PASSWORD = "Deutsches-Eck 1897!"


def new_session() -> str:
    return uuid.uuid4().hex


def add_staff_user(stack: LiveStack, name: str, display_name: Optional[str] = None,
                   password: str = STAFF_PASSWORD) -> None:
    args = [sys.executable, "-m", "bot.staff", "add-user", name]
    if display_name:
        args += ["--display-name", display_name]
    done = subprocess.run(args, input=password + "\n", text=True, capture_output=True, cwd=ROOT, env=stack.env,
                          timeout=60)
    assert done.returncode == 0, done.stderr


def cards(messages: list[dict[str, Any]], card_type: str = "handoff") -> list[dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict) and m["custom"].get("type") == card_type]


def texts(messages: list[dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def events(stack: LiveStack, session_id: str, after: int = 0, wait: float = 0) -> dict[str, Any]:
    status, body = stack.events(session_id, after, wait)
    assert status == 200, body
    return body


def wait_for_events(stack: LiveStack, session_id: str, after: int,
                    until: Callable[[list[dict[str, Any]]], bool], timeout: float = 60) -> list[dict[str, Any]]:
    """Long-poll like the widget until ``until(all events so far)`` holds."""
    collected: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = events(stack, session_id, after, wait=10)
        for event in body["events"]:
            after = int(event["id"])
            collected.append(event)
        if until(collected):
            return collected
    raise AssertionError(f"events did not arrive in time: {collected}")


def ask_for_person(stack: LiveStack, session_id: str) -> list[dict[str, Any]]:
    return stack.chat(session_id, "Ich möchte mit einem Menschen sprechen")


class StaffClient:
    """A member of staff using the console API with a cookie jar (like a browser, minus the UI)."""

    def __init__(self, stack: LiveStack) -> None:
        self.stack = stack
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf: Optional[str] = None

    def request(self, method: str, path: str, body: Any = None, csrf: Optional[str] = "auto",
                headers: Optional[dict[str, str]] = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        request = urllib.request.Request(self.stack.base_url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json", **(headers or {})})
        token = self.csrf if csrf == "auto" else csrf
        if token and method != "GET":
            request.add_header("X-CSRF-Token", token)
        try:
            with self.opener.open(request, timeout=30) as response:
                raw, status = response.read(), response.status
        except urllib.error.HTTPError as error:
            raw, status = error.read(), error.code
        return status, json.loads(raw) if raw else None

    def login(self, name: str, password: str = STAFF_PASSWORD) -> tuple[int, Any]:
        status, body = self.request("POST", "/api/staff/v1/login", {"username": name, "password": password})
        if status == 200:
            self.csrf = body["csrf_token"]
        return status, body

    def cases(self) -> list[dict[str, Any]]:
        status, body = self.request("GET", "/api/staff/v1/cases")
        assert status == 200, body
        return body["cases"]

    def case_for(self, session_transcript_text: str, timeout: float = 20) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for case in self.cases():
                detail = self.case(case["id"])
                if any(e.get("text") == session_transcript_text for e in detail["transcript"]):
                    return detail
            time.sleep(0.3)
        raise AssertionError(f"no case with {session_transcript_text!r}")

    def case(self, case_id: str) -> dict[str, Any]:
        status, body = self.request("GET", f"/api/staff/v1/cases/{case_id}")
        assert status == 200, body
        return body

    def post(self, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        return self.request("POST", "/api/staff/v1" + path, body, **kwargs)


def offered_payload(messages: list[dict[str, Any]], title: str) -> str:
    """The payload of the offered button ``title`` (bound to its session by the gateway's signature)."""
    return next(b["payload"] for m in messages for b in m.get("buttons", []) if b.get("title") == title)
