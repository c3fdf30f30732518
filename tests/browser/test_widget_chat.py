"""Conversation behaviour against the real bot: emergency card, live region,
keyboard-only use, feedback, double-send, length limit, offline state,
navigation within the tab and "Verlauf löschen"."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Route, expect

from .support import Site, load_fixture

pytestmark = [pytest.mark.browser, pytest.mark.live]


def test_emergency_card_from_the_real_bot(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.say("Es brennt")

    card = site.page.locator("schaengel-widget .card-emergency")
    expect(card).to_be_visible()
    expect(card.get_by_role("heading")).to_have_text("Notfall? Rufen Sie sofort an:")
    for number in ("112", "110"):
        expect(card.locator(f'a[href="tel:{number}"]')).to_be_visible()
    # The one live region tells screen-reader users, including the numbers.
    expect(site.live).to_contain_text("112")
    expect(site.live).to_contain_text("110")
    site.axe("emergency")
    site.screenshot("emergency")


def test_one_polite_live_region_announces_each_reply_once(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    expect(site.live).to_have_count(1)
    expect(site.live).to_have_attribute("aria-live", "polite")
    # The transcript itself is not live (role=log would announce everything twice).
    for role in ("log", "alert", "status"):
        assert site.page.locator(f"schaengel-widget [role={role}]").count() == 0

    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(2)
    last_reply = site.bot_turns().last.locator(".bubble").first.inner_text()
    expect(site.live).to_have_text(f"Schängel: {last_reply}".replace("\n", " "), use_inner_text=False)
    # The citizen's own message is not read back to them.
    assert "Bist du ein Bot?" not in site.live.text_content()
    # Focus stayed in the input: announcements never move focus.
    assert site.deep_focus() == "textarea#sg-input"


def test_keyboard_only_journey(site: Site) -> None:
    site.goto("/")
    # Tab from the top of the page until the launcher has focus.
    for _ in range(60):
        site.page.keyboard.press("Tab")
        if "launcher" in site.deep_focus():
            break
    else:
        raise AssertionError("launcher not reachable with Tab")

    site.page.keyboard.press("Enter")
    expect(site.dialog).to_be_visible()
    assert site.deep_focus() == "textarea#sg-input"
    expect(site.bot_turns()).to_have_count(1)
    site.wait_idle()

    site.page.keyboard.type("Es brennt")
    site.page.keyboard.press("Enter")
    expect(site.page.locator("schaengel-widget .card-emergency")).to_be_visible()

    # Shift+Tab walks back from the input into the newest answer: feedback first.
    site.page.keyboard.press("Shift+Tab")
    assert "rate-down" in site.deep_focus()
    site.page.keyboard.press("Shift+Tab")
    assert "rate-up" in site.deep_focus()
    with site.page.expect_request(lambda r: r.url.endswith("/api/v1/feedback")):
        site.page.keyboard.press("Space")
    expect(site.bot_turns().last.locator(".rate-up")).to_have_attribute("aria-pressed", "true")

    # Esc closes the chat and focus returns to the launcher.
    site.page.keyboard.press("Escape")
    expect(site.dialog).to_be_hidden()
    assert "launcher" in site.deep_focus()
    expect(site.launcher).to_have_attribute("aria-expanded", "false")

    # Re-opening keeps the conversation and sends no new greeting.
    greetings = len(site.chat_requests())
    site.page.keyboard.press("Enter")
    expect(site.dialog).to_be_visible()
    expect(site.page.locator("schaengel-widget .card-emergency")).to_be_visible()
    assert len(site.chat_requests()) == greetings


def test_feedback_is_sent_per_bot_answer(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(2)
    answer = site.bot_turns().last
    # The greeting asks for no rating; every answer does.
    expect(site.bot_turns().first.locator(".feedback")).to_have_count(0)

    with site.page.expect_response(lambda r: r.url.endswith("/api/v1/feedback")) as info:
        answer.get_by_role("button", name="Nein, nicht hilfreich").click()
    assert info.value.status == 204
    body = json.loads(info.value.request.post_data)
    state = site.stored_state()
    assert body["rating"] == "down"
    assert body["session_id"] == state["sid"]
    assert body["message_id"] == state["turns"][-1]["msgs"][0]["id"]
    expect(answer.get_by_role("button", name="Nein, nicht hilfreich")).to_have_attribute("aria-pressed", "true")
    expect(answer.get_by_role("button", name="Ja, hilfreich")).to_have_attribute("aria-pressed", "false")
    expect(site.live).to_have_text("Danke für Ihre Rückmeldung.")


def test_rapid_double_send_does_not_duplicate(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    send = site.dialog.get_by_role("button", name="Senden")

    site.input.fill("Bist du ein Bot?")
    send.dblclick()
    site.input.press("Enter")
    expect(site.bot_turns()).to_have_count(2)
    site.wait_idle()
    site.page.wait_for_timeout(300)
    expect(site.user_bubbles()).to_have_count(1)
    assert [r.get("text") for r in site.chat_requests()].count("Bist du ein Bot?") == 1

    # The same for a choice button clicked twice in a row.
    site.mock_chat(lambda body: load_fixture("clarify.json") if body.get("text") == "Pass" else None)
    site.say("Pass")
    choice = site.dialog.get_by_role("button", name="Reisepass beantragen")
    choice.dblclick()
    site.wait_idle()
    site.page.wait_for_timeout(300)
    assert sum(1 for r in site.chat_requests() if r.get("text") == "Reisepass beantragen") == 1
    expect(site.user_bubbles().filter(has_text="Reisepass beantragen")).to_have_count(1)


def test_length_limit_is_shown_before_sending(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    counter = site.page.locator("schaengel-widget #sg-count")
    expect(counter).to_have_text("0 von 1000 Zeichen")
    # The counter is tied to the field for screen readers.
    assert "sg-count" in site.input.get_attribute("aria-describedby")
    assert site.input.get_attribute("maxlength") == "1000"

    site.input.focus()
    site.page.keyboard.insert_text("a" * 990)
    expect(counter).to_have_text("990 von 1000 Zeichen")
    site.page.keyboard.type("b" * 15)  # typing past the limit is cut off by maxlength
    expect(counter).to_have_text("1000 von 1000 Zeichen")
    assert len(site.input.input_value()) == 1000
    expect(site.live).to_have_text("Höchstlänge von 1000 Zeichen erreicht.")


def test_offline_state_with_phone_number_and_retry(site: Site) -> None:
    site.goto("/")
    site.open_chat()

    # The gateway becomes unreachable (connection refused).
    site.page.route(site.base_url + "/api/v1/chat", lambda route: route.abort("connectionrefused"))
    site.say("Bist du ein Bot?")
    notice = site.page.locator("schaengel-widget .notice")
    expect(notice).to_contain_text("Schängel ist gerade nicht erreichbar")
    expect(notice.locator('a[href="tel:115"]')).to_have_text("115 anrufen")
    expect(site.page.locator("schaengel-widget .turn.user .failed")).to_have_text("Nicht gesendet")
    expect(site.live).to_contain_text("115")
    site.axe("error")
    site.screenshot("error")

    # Back online: "Erneut versuchen" sends the same message again.
    site.page.unroute(site.base_url + "/api/v1/chat")
    notice.get_by_role("button", name="Erneut versuchen").click()
    expect(site.bot_turns()).to_have_count(2)
    expect(notice).to_have_count(0)
    expect(site.page.locator("schaengel-widget .failed")).to_have_count(0)
    expect(site.user_bubbles()).to_have_count(1)


def test_server_errors_count_as_offline_and_gateway_messages_are_shown(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    responses = iter([
        (503, {"error": {"code": "unavailable", "message": "x"}}),
        (429, {"error": {"code": "rate_limited", "message": "Bitte warten Sie einen Moment."}}),
    ])

    def handle(route: Route) -> None:
        status, body = next(responses)
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    site.page.route(site.base_url + "/api/v1/chat", handle)
    site.say("Hallo")
    notice = site.page.locator("schaengel-widget .notice")
    expect(notice).to_contain_text("nicht erreichbar")
    site.say("Hallo noch einmal")
    # 4xx: the gateway's own German message, with a retry for the rate limit.
    expect(notice).to_contain_text("Bitte warten Sie einen Moment.")
    expect(notice.get_by_role("button", name="Erneut versuchen")).to_be_visible()
    expect(site.page.locator("schaengel-widget .notice")).to_have_count(1)


def test_greeting_failure_can_be_retried(site: Site) -> None:
    site.goto("/")
    site.page.route(site.base_url + "/api/v1/chat", lambda route: route.abort("internetdisconnected"))
    site.open_chat(wait_for_greeting=False)
    notice = site.page.locator("schaengel-widget .notice")
    expect(notice).to_contain_text("115")
    expect(site.user_bubbles()).to_have_count(0)
    site.page.unroute(site.base_url + "/api/v1/chat")
    notice.get_by_role("button", name="Erneut versuchen").click()
    expect(site.bot_turns()).to_have_count(1)
    assert [r.get("payload") for r in site.chat_requests()] == ["/greet", "/greet"]


def test_conversation_survives_navigation_within_the_tab(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(2)
    before = site.stored_state()
    transcript = site.page.locator("schaengel-widget .turns").inner_text()
    sent = len(site.chat_requests())

    # Leave through a link of the page (the privacy notice embeds the widget too).
    site.page.locator("footer").get_by_role("link", name="Datenschutz").click()
    site.page.wait_for_url("**/datenschutz")
    expect(site.dialog).to_be_visible()  # was open, so it is open again (wide screen)
    expect(site.page.locator("schaengel-widget .turns")).to_have_text(transcript, use_inner_text=True)
    assert site.stored_state()["sid"] == before["sid"]
    # Re-rendered from sessionStorage: no new greeting, and focus was not stolen.
    site.page.wait_for_timeout(500)
    assert len(site.chat_requests()) == sent
    assert site.deep_focus() in ("body", "a")  # wherever the browser put it, not in the widget

    site.page.go_back()
    expect(site.page.locator("schaengel-widget .turns")).to_have_text(transcript, use_inner_text=True)
    site.axe("open-restored")


def test_delete_history(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(2)
    old_sid = site.stored_state()["sid"]

    site.dialog.get_by_role("button", name="Verlauf löschen").click()
    # A fresh conversation: new random id, only the new greeting.
    expect(site.user_bubbles()).to_have_count(0)
    expect(site.bot_turns()).to_have_count(1)
    new_state = site.stored_state()
    assert new_state["sid"] != old_sid
    assert site.chat_requests()[-1] == {"session_id": new_state["sid"], "text": "", "payload": "/greet"}

    # Closed and deleted: nothing is left in the tab.
    site.page.keyboard.press("Escape")
    site.page.evaluate("() => window.Schaengel.clearHistory()")
    assert site.session_storage() == {}
