"""Helpers for the widget's browser tests: paths, constants and the ``Site`` page wrapper.

The tests run against the real stack (``live_stack`` from ``tests/conftest.py``:
gateway, Rasa and action server). Nothing is downloaded: Playwright drives
``/usr/bin/chromium`` and axe-core comes from ``web/node_modules``.

Where a test needs a reply the bot cannot produce yet (service card, handoff,
…), it fulfils ``/api/v1/chat`` with a contract-shaped JSON file from
``fixtures/`` via ``page.route``: that replaces the network answer, not our code.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from playwright.sync_api import BrowserContext, Locator, Page, Request, Route, expect

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: the events token mocked chat replies carry (the widget must send it back in a header)
MOCK_EVENTS_TOKEN = "mock-events-token"
ARTIFACTS = ROOT / "test-artifacts"
AXE_JS = WEB / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SCHAENGEL_CHROMIUM", "/usr/bin/chromium")

# As the machine notes prescribe: without the background-networking flags
# Chromium keeps trying to reach Google's hosts through the closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 320, "height": 640}
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

# The real bot runs NLU and actions for every turn: allow it some time.
expect.set_options(timeout=20_000)


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Site:
    """One browser tab on the demo page, with what it sent and what it broke."""

    page: Page
    context: BrowserContext
    base_url: str
    requests: list[Request] = field(default_factory=list)

    # -------------------------------------------------------- navigation
    def goto(self, path: str = "/") -> None:
        self.page.goto(self.base_url + path)
        # The launcher is revealed once the widget's stylesheet has loaded.
        expect(self.launcher).to_be_visible()

    # ----------------------------------------------------------- locators
    # Playwright's CSS and role locators pierce open shadow roots.
    @property
    def launcher(self) -> Locator:
        return self.page.locator("schaengel-widget .launcher")

    @property
    def dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="Schängel – Chat der Stadt Koblenz")

    @property
    def input(self) -> Locator:
        return self.page.get_by_label("Ihre Nachricht")

    @property
    def live(self) -> Locator:
        return self.page.locator("schaengel-widget [aria-live]")

    @property
    def turns(self) -> Locator:
        return self.page.locator("schaengel-widget .turns > li.turn")

    def bot_turns(self) -> Locator:
        return self.page.locator("schaengel-widget .turns > li.turn.bot")

    def user_bubbles(self) -> Locator:
        return self.page.locator("schaengel-widget .turns > li.turn.user .bubble")

    # ------------------------------------------------------------ actions
    def open_chat(self, wait_for_greeting: bool = True) -> None:
        self.launcher.click()
        expect(self.dialog).to_be_visible()
        if wait_for_greeting:
            expect(self.bot_turns()).to_have_count(1)
            self.wait_idle()

    def say(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def wait_idle(self) -> None:
        """Wait until no chat request is pending (typing indicator hidden)."""
        expect(self.page.locator("schaengel-widget .typing")).to_be_hidden()

    def chat_requests(self) -> list[dict[str, Any]]:
        return [
            json.loads(r.post_data or "{}")
            for r in self.requests
            if r.method == "POST" and r.url.endswith("/api/v1/chat")
        ]

    def mock_chat(self, reply: Callable[[dict[str, Any]], Optional[dict[str, Any]]]) -> None:
        """Fulfil chat requests with ``reply(body)``; ``None`` lets the request reach the real gateway."""

        def handle(route: Route) -> None:
            body = json.loads(route.request.post_data or "{}")
            answer = reply(body)
            if answer is None:
                route.continue_()
                return
            payload = {"session_id": body.get("session_id"), "messages": answer["messages"],
                       "events_token": answer.get("events_token", MOCK_EVENTS_TOKEN)}
            route.fulfill(status=200, content_type="application/json", body=json.dumps(payload))

        self.page.route(self.base_url + "/api/v1/chat", handle)

    def session_storage(self) -> dict[str, str]:
        return self.page.evaluate("() => Object.fromEntries(Object.entries(sessionStorage))")

    def stored_state(self) -> dict[str, Any]:
        return json.loads(self.session_storage()["schaengel:v1"])

    def deep_focus(self) -> str:
        """Describe the focused element, looking into shadow roots."""
        return self.page.evaluate(
            """() => {
                let el = document.activeElement;
                while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                if (!el) return '';
                const classes = el.className ? '.' + String(el.className).split(' ').join('.') : '';
                return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes;
            }"""
        )

    # -------------------------------------------------------- checks
    def axe(self, state: str) -> None:
        """Run axe-core (WCAG 2.0/2.1 A and AA) on the whole page and fail on any violation."""
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            # Evaluated through DevTools, so the page's CSP does not apply to it.
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        # axe-core itself adds an inline <style> while it runs, which the CSP
        # blocks; that report is the test tool's, not the widget's, so drop it.
        violations = self.page.evaluate(
            """async (tags) => {
                const before = window.__cspViolations.length;
                const result = await axe.run(document,
                    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                window.__cspViolations = window.__cspViolations.filter(
                    (v, i) => i < before || v !== 'style-src-elem inline');
                return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}));
            }""",
            AXE_TAGS,
        )
        report = json.dumps(violations, indent=2, ensure_ascii=False)
        assert violations == [], f"axe violations in state '{state}':\n{report}"

    def screenshot(self, state: str) -> None:
        """Save the state at 1280×800 and 320×640 into test-artifacts/screenshots/."""
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        original = self.page.viewport_size
        for size in (DESKTOP, MOBILE):
            self.page.set_viewport_size(size)
            self.page.wait_for_timeout(100)  # let layout settle after the resize
            self.page.screenshot(path=str(folder / f"{state}-{size['width']}x{size['height']}.png"))
        if original:
            self.page.set_viewport_size(original)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("() => window.__cspViolations || []")


# Recorded in every page: a CSP violation (inline style, foreign host, …)
# fails the test that caused it.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""

