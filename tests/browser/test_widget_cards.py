"""Rendering of the reply contract's cards, unknown payloads and hostile strings.

The real bot cannot produce service, opening-hours, clarify or handoff replies
yet (issues 3–5). These tests open the chat against the real stack (greeting
from the real bot) and then fulfil ``POST /api/v1/chat`` (and the handoff
event poll) with contract-shaped JSON from ``fixtures/`` via ``page.route``:
the network answer is replaced, the widget's code is not.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Route, expect

from .support import MOCK_EVENTS_TOKEN, Site, load_fixture

pytestmark = [pytest.mark.browser, pytest.mark.live]


def _reply_to(text: str, fixture: Any):  # type: ignore[no-untyped-def]
    return lambda body: fixture if body.get("text") == text else None


def test_service_card(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(_reply_to("Ich brauche einen neuen Perso", load_fixture("service.json")))
    site.say("Ich brauche einen neuen Perso")

    turn = site.bot_turns().last
    # Safe Markdown: bold and a list, built as DOM nodes.
    expect(turn.locator(".bubble strong")).to_have_text("Personalausweis")
    expect(turn.locator(".bubble ul li")).to_have_count(2)

    card = turn.locator(".card-service")
    expect(card.get_by_role("heading", name="Personalausweis beantragen")).to_be_visible()
    expect(card.locator(":scope > dl")).to_contain_text("ab 24 Jahren: 37,00 €")
    expect(card.locator(":scope > dl")).to_contain_text("Biometrisches Passfoto")
    expect(card.locator(":scope > dl")).to_contain_text("Gebühren nach der Personalausweisgebührenverordnung.")
    expect(card.locator(":scope > dl")).to_contain_text("Stadtverwaltung Koblenz, Bürgeramt")
    for name in ("Online beantragen", "Termin buchen", "Mehr Informationen"):
        expect(card.get_by_role("link", name=name)).to_have_attribute("href", site.base_url + "/#buergeramt")
    expect(card.locator(".source")).to_contain_text("Stand: 12.03.2026")

    why = card.locator("details.why")
    expect(why.locator("dl")).to_be_hidden()
    why.get_by_text("Warum diese Antwort?").click()
    expect(why).to_contain_text("Sicherheit")
    expect(why).to_contain_text("87 %")
    expect(why).to_contain_text("Perso")
    expect(site.live).to_contain_text("Personalausweis beantragen")
    site.axe("service card")
    site.screenshot("service")


def test_opening_hours_card(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(_reply_to("Wann hat das Bürgeramt offen?", load_fixture("opening_hours.json")))
    site.say("Wann hat das Bürgeramt offen?")
    card = site.bot_turns().last.locator(".card-hours")
    expect(card.get_by_role("heading", name="Bürgeramt")).to_be_visible()
    expect(card.locator(".badge")).to_have_text("Jetzt geöffnet")  # state in words, not only colour
    expect(card.locator(":scope > dl")).to_contain_text("Heute8:00 bis 12:30 Uhr")
    expect(card.locator(":scope > dl")).to_contain_text("Nur mit Termin")
    expect(card.locator('a[href="tel:02611290"]')).to_have_text("0261 129-0")
    expect(card.get_by_role("link", name="Termin buchen")).to_be_visible()
    # Unreviewed sample data says so, once, and links where to check.
    expect(card).to_contain_text("Bitte prüfen Sie die aktuellen Angaben unter")
    expect(card.get_by_role("link", name="https://www.koblenz.de/")).to_have_attribute("href", "https://www.koblenz.de/")
    expect(card).to_contain_text("Beispieldaten, von der Stadt noch zu bestätigen.")
    expect(card.get_by_text("noch nicht geprüft")).to_have_count(0)
    # a dated source shows its date (reply contract: "Stand: …"), day-precise as the source gives it
    expect(card.locator(".source").last).to_contain_text("news-koblenz.de (Stand der Quelle: 07.08.2025)")
    site.axe("opening hours card")


def test_clarify_button_sends_its_payload(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(lambda body: (
        load_fixture("clarify.json") if body.get("text") == "Ausweis"
        else load_fixture("service.json") if body.get("payload") else None))
    site.say("Ausweis")

    choices = site.bot_turns().last.get_by_role("group", name="Antwortmöglichkeiten")
    expect(choices.get_by_role("button")).to_have_count(2)
    # The clarify card does not repeat the buttons' choices.
    expect(site.bot_turns().last.locator(".card-clarify")).to_have_count(0)
    site.axe("clarify")

    with site.page.expect_request(lambda r: r.url.endswith("/api/v1/chat") and r.method == "POST") as info:
        choices.get_by_role("button", name="Reisepass beantragen").click()
    body = json.loads(info.value.post_data)
    assert body["payload"] == '/choose_service{"service_id":"reisepass-beantragen"}'
    assert body["text"] == "Reisepass beantragen"
    # The title is shown as the citizen's turn; the answer follows.
    expect(site.user_bubbles().last).to_have_text("Sie: Reisepass beantragen")
    expect(site.bot_turns().last.locator(".card-service")).to_be_visible()


def test_handoff_states_and_staff_messages(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    handoff = load_fixture("handoff.json")
    site.mock_chat(_reply_to("Ich möchte mit einem Menschen sprechen", handoff["queued"]))

    # Live events: first a person connects and writes, then closes; afterwards
    # the widget must stop polling (it only polls while queued or connected).
    polls: list[str] = []
    poll_headers: list[dict[str, str]] = []
    answers = iter([handoff["events_connected"], handoff["events_closed"]])

    def events(route: Route) -> None:
        polls.append(route.request.url)
        poll_headers.append(route.request.headers)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(next(answers, {"events": []})))

    site.page.route(f"{site.base_url}/api/v1/events*", events)
    site.say("Ich möchte mit einem Menschen sprechen")

    queued = site.page.locator("schaengel-widget .handoff-queued")
    expect(queued).to_contain_text("Ihre Position in der Warteschlange: 2.")
    expect(queued).to_contain_text("Voraussichtliche Wartezeit: etwa 5 Minuten.")
    expect(queued.locator('a[href="tel:115"]')).to_be_visible()
    expect(queued.locator('a[href="mailto:buergerservice@stadt.koblenz.de"]')).to_be_visible()

    connected = site.page.locator("schaengel-widget .handoff-connected")
    expect(connected).to_contain_text("Sie sind jetzt mit Frau Beispiel von der Stadt Koblenz verbunden.")
    staff = site.page.locator("schaengel-widget .turn.staff")
    expect(staff.locator(".who")).to_have_text("Frau Beispiel (Stadt Koblenz)")  # marked as a person
    expect(staff.locator(".bubble")).to_contain_text("hier ist Frau Beispiel vom Bürgeramt")
    expect(staff.locator(".feedback")).to_have_count(0)  # people are not rated
    expect(site.page.locator("schaengel-widget .handoff-closed")).to_contain_text("Schängel antwortet Ihnen wieder")
    # Handoff state notices are not rated.
    expect(site.page.locator("schaengel-widget .turn:has(.card-handoff) .feedback")).to_have_count(0)

    sid = site.stored_state()["sid"]
    # session id and events token travel in headers, never in the URL
    assert polls[0] == f"{site.base_url}/api/v1/events"
    assert polls[1] == f"{site.base_url}/api/v1/events?after=42"
    assert all(sid not in url for url in polls)
    assert all(h.get("x-session-id") == sid and h.get("x-events-token") == MOCK_EVENTS_TOKEN for h in poll_headers)
    site.page.wait_for_timeout(500)
    assert len(polls) == 2, "the widget must stop polling once the handoff is closed"
    site.axe("handoff")
    site.screenshot("handoff")


def test_handoff_unavailable_offers_alternatives(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(_reply_to("Mitarbeiter bitte", load_fixture("handoff.json")["unavailable"]))
    site.say("Mitarbeiter bitte")
    card = site.page.locator("schaengel-widget .handoff-unavailable")
    expect(card).to_contain_text("Gerade ist leider niemand erreichbar.")
    expect(card.get_by_role("link", name="115")).to_have_attribute("href", "tel:115")
    expect(card.get_by_role("link", name="Kontaktformular")).to_have_attribute("href", site.base_url + "/#kontakt")
    site.axe("handoff unavailable")


def test_unknown_and_malformed_payloads_degrade_without_breaking_later_messages(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(_reply_to("Wetter?", load_fixture("degraded.json")))
    site.say("Wetter?")
    turn = site.bot_turns().last
    expect(turn).to_contain_text("Morgen wird es sonnig.")  # unknown type: its text
    expect(turn).to_contain_text("Diese Nachricht kann nicht angezeigt werden.")  # broken card
    expect(turn).to_contain_text("Diese letzte Nachricht wird angezeigt.")
    # And the chat goes on.
    site.page.unroute(site.base_url + "/api/v1/chat")
    site.say("Bist du ein Bot?")
    expect(site.bot_turns()).to_have_count(3)


def test_hostile_strings_are_shown_as_text(site: Site) -> None:
    site.goto("/")
    site.open_chat()
    site.mock_chat(_reply_to("Test", load_fixture("xss.json")))
    typed = "<img src=x onerror=\"window.__xss='user'\"><script>window.__xss='user2'</script>"
    site.say(typed)
    expect(site.user_bubbles().first).to_have_text("Sie: " + typed)
    site.say("Test")
    expect(site.page.locator("schaengel-widget .turn.staff")).to_be_visible()

    shadow_html_elements = site.page.evaluate(
        """() => [...document.querySelector('schaengel-widget').shadowRoot
                   .querySelectorAll('img, script, iframe, b, i, u, svg[onload]')].map(el => el.tagName)"""
    )
    assert shadow_html_elements == []
    hrefs = site.page.evaluate(
        """() => [...document.querySelector('schaengel-widget').shadowRoot.querySelectorAll('a')].map(a => a.href)"""
    )
    assert hrefs and all(h.startswith(("http:", "https:", "tel:", "mailto:")) for h in hrefs), hrefs
    assert site.page.evaluate("() => window.__xss") is None

    turn = site.bot_turns().last
    expect(turn).to_contain_text("<img src=x onerror=\"window.__xss='text'\">")
    expect(turn.locator("strong")).to_have_text("<b>fett</b>")
    expect(turn).to_contain_text("klick")  # the label stays, the javascript: link goes
    expect(turn.get_by_role("heading")).to_have_text("<script>window.__xss='title'</script>")
    expect(turn.get_by_role("button", name="<img src=x onerror=\"window.__xss='button'\">")).to_be_visible()
    expect(site.page.locator("schaengel-widget .turn.staff .who")).to_contain_text("<img src=x")


def test_real_bot_service_card_clarify_and_hours(site: Site) -> None:
    """No mocks: the real bot answers from the catalogue; a clarify button is clicked; hours follow."""
    site.goto("/")
    site.open_chat()
    site.say("Was kostet ein Reisepass?")
    card = site.bot_turns().locator(".card-service").last
    expect(card.get_by_role("heading", name="Reisepass beantragen")).to_be_visible()
    expect(card.locator(":scope > dl")).to_contain_text("70,00 €")
    expect(card.locator(".source")).to_be_visible()
    card.locator("details.why").get_by_text("Warum diese Antwort?").click()
    expect(card.locator("details.why")).to_contain_text("reisepass")

    site.say("Ich ziehe um")
    choice = site.bot_turns().last.get_by_role("button", name="Umzug innerhalb von Koblenz melden (Ummeldung)")
    expect(choice).to_be_visible()
    choice.click()
    expect(site.bot_turns().locator(".card-service").last.get_by_role("heading", name="Umzug innerhalb von Koblenz melden (Ummeldung)")).to_be_visible()
    assert site.chat_requests()[-1]["payload"].startswith('/choose_service{"service_id":"wohnsitz-ummeldung"}')

    site.say("Wann hat das Bürgeramt morgen offen?")
    expect(site.bot_turns().locator(".card-hours").last.get_by_role("heading", name="Bürgeramt")).to_be_visible()


def test_real_bot_reference_card_is_marked_and_states_no_facts(site: Site) -> None:
    """No mocks: a service the city catalogue lacks is named with who is responsible, visibly marked
    as not checked by the city, and without fees or documents."""
    site.goto("/")
    site.open_chat()
    site.say("Wo beantrage ich einen Schwerbehindertenausweis für meine Mutter?")
    card = site.bot_turns().locator(".card-reference").last
    expect(card.locator(".badge-reference")).to_have_text("Allgemeine Auskunft – nicht von der Stadt Koblenz geprüft")
    expect(card.get_by_role("heading", name="Schwerbehindertenausweis")).to_be_visible()
    expect(card.locator(":scope > dl")).to_contain_text("Zuständig")
    expect(card.locator(":scope > dl")).not_to_contain_text("Kosten")
    expect(card.locator(":scope > dl")).not_to_contain_text("Unterlagen")
    expect(card.get_by_role("link", name="Leistungen der Stadt Koblenz")).to_be_visible()
    site.axe("reference card")
    site.screenshot("reference")
