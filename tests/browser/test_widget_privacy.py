"""Privacy: nothing happens before the citizen opens the chat; then only a
tab-scoped session; and the widget works under the gateway's strict CSP."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .support import SESSION_ID, Site

pytestmark = [pytest.mark.browser, pytest.mark.live]

# Files the page itself loads, plus the widget's script and stylesheet.
EXPECTED_BEFORE_OPEN = {"/", "/demo/site.css", "/widget/schaengel.js", "/widget/schaengel.css"}


def test_nothing_is_sent_or_stored_before_the_chat_is_opened(site: Site) -> None:
    site.goto("/")
    site.page.wait_for_load_state("networkidle")
    site.page.wait_for_timeout(500)  # give a misbehaving widget time to reach out

    paths = {urlparse(r.url).path for r in site.requests}
    assert paths == EXPECTED_BEFORE_OPEN, f"unexpected requests before opening: {sorted(paths - EXPECTED_BEFORE_OPEN)}"
    assert all(urlparse(r.url).netloc == urlparse(site.base_url).netloc for r in site.requests), "third-party request"
    assert site.context.cookies() == []
    assert site.page.evaluate("() => document.cookie") == ""
    assert site.page.evaluate("() => sessionStorage.length + localStorage.length") == 0
    assert site.page.evaluate("async () => (await indexedDB.databases()).length") == 0

    expect(site.launcher).to_have_attribute("aria-expanded", "false")
    expect(site.page.get_by_role("button", name="Chat mit Schängel")).to_be_visible()
    expect(site.dialog).to_be_hidden()
    site.axe("closed")
    site.screenshot("closed")


def test_opening_creates_a_tab_scoped_session_and_greets(site: Site) -> None:
    site.goto("/")
    site.open_chat()

    # Focus moved into the dialog, straight to the message field.
    assert site.deep_focus() == "textarea#sg-input"
    expect(site.launcher).to_have_attribute("aria-expanded", "true")

    # Only sessionStorage, only our key, a well-formed random id; no cookies.
    storage = site.session_storage()
    assert list(storage) == ["schaengel:v1"]
    state = site.stored_state()
    assert SESSION_ID.match(state["sid"])
    assert site.page.evaluate("() => localStorage.length") == 0
    assert site.context.cookies() == []

    # The greeting was asked for with the whitelisted payload and shows no empty user bubble.
    requests = site.chat_requests()
    assert requests == [{"session_id": state["sid"], "text": "", "payload": "/greet"}]
    expect(site.user_bubbles()).to_have_count(0)
    expect(site.bot_turns().first.locator(".bubble")).not_to_be_empty()

    # AI disclosure and the privacy link are part of the dialog in any case.
    expect(site.dialog).to_contain_text("KI-Assistent")
    assert site.dialog.get_by_role("link", name="Datenschutz").first.get_attribute("href").endswith("/datenschutz")
    site.axe("open")
    site.screenshot("open")


def test_gateway_sends_the_strict_csp_and_the_widget_obeys_it(site: Site) -> None:
    response = site.page.goto(site.base_url + "/")
    csp = response.headers.get("content-security-policy", "")
    for directive in ("script-src 'self'", "style-src 'self'", "connect-src 'self'"):
        assert directive in csp, f"gateway CSP lacks {directive!r}: {csp!r}"
    expect(site.launcher).to_be_visible()
    # The stylesheet really applies inside the shadow root (no inline styles needed).
    assert site.launcher.evaluate("el => getComputedStyle(el).position") == "fixed"
    site.open_chat()
    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(2)
    assert site.csp_violations() == []
