"""Handoff in headless Chromium, both sides: the real widget on the demo page and the staff
console (/staff), against the real stack (staff hours injected as 24/7)."""
from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import LiveStack, start_stack, stop_stack
from tests.handoff.support import STAFF_PASSWORD, add_staff_user

from .support import RECORD_CSP, Site

pytestmark = [pytest.mark.live, pytest.mark.browser]

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    stack = start_stack(tmp_path_factory.mktemp("handoff-browser"),
                        {"SCHAENGEL_STAFF_HOURS": "24/7", "SCHAENGEL_HANDOFF_ACCEPT_TIMEOUT": "600"})
    add_staff_user(stack, "anna", "Frau Anna")
    add_staff_user(stack, "bernd", "Herr Bernd")
    yield stack
    stop_stack(stack)


def _context(browser: Browser, stack: LiveStack) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE", base_url=stack.base_url)
    context.add_init_script(RECORD_CSP)
    return context


def _no_csp_violations(page: Page) -> None:
    assert page.evaluate("() => window.__cspViolations || []") == []


@pytest.fixture
def citizen(browser: Browser, stack: LiveStack) -> Iterator[Site]:
    """The real widget on the demo page, chat opened."""
    context = _context(browser, stack)
    site = Site(page=context.new_page(), context=context, base_url=stack.base_url)
    site.goto("/")
    site.open_chat()
    yield site
    _no_csp_violations(site.page)
    context.close()


@pytest.fixture
def staff_factory(browser: Browser, stack: LiveStack) -> Iterator:
    made: list[tuple[BrowserContext, Page]] = []

    def make(name: str) -> Page:
        context = _context(browser, stack)
        page = context.new_page()
        made.append((context, page))
        page.goto(stack.base_url + "/staff")
        page.get_by_label("Benutzername").fill(name)
        page.get_by_label("Passwort").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        expect(page.locator("#who-name")).to_contain_text(name)
        return page

    yield make
    for context, page in made:
        _no_csp_violations(page)
        context.close()


def _open_case_with(staff: Page, text: str) -> None:
    entry = staff.locator("#cases li", has_text=text).first
    expect(entry).to_be_visible(timeout=20_000)
    entry.locator("button").click()
    expect(staff.locator("#transcript")).to_contain_text(text)


def test_citizen_and_staff_chat_in_two_browsers(citizen: Site, staff_factory, stack: LiveStack) -> None:
    widget = citizen.page.locator("schaengel-widget")
    citizen.say("Ich möchte mit einem Menschen sprechen")
    citizen.wait_idle()
    widget.get_by_role("button", name="Ja, bitte verbinden").click()
    expect(widget.locator(".handoff-queued")).to_be_visible()
    citizen.say(XSS)
    expect(citizen.bot_turns().filter(has_text="gespeichert")).to_be_visible()

    staff = staff_factory("anna")
    _open_case_with(staff, "Ich möchte mit einem Menschen sprechen")
    transcript = staff.locator("#transcript")
    expect(transcript).to_contain_text("erkannt: request_human")
    # the XSS payload is shown as text: visible characters, no element, no script run
    expect(staff.locator("#messages")).to_contain_text(XSS)
    assert staff.locator("#messages img").count() == 0 and staff.locator("#messages script").count() == 0
    assert staff.evaluate("() => window.__xss") is None
    assert citizen.page.evaluate("() => window.__xss") is None
    expect(staff.locator("#cases")).to_contain_text("wartet seit")

    staff.get_by_role("button", name="Annehmen").click()
    expect(widget.locator(".handoff-connected")).to_be_visible()
    staff.get_by_label("Antwort an die Bürgerin oder den Bürger").fill("Guten Tag, hier ist Anna. Wie kann ich helfen?")
    staff.get_by_role("button", name="Senden").click()

    from_person = widget.locator(".turns > li.turn.staff")
    expect(from_person).to_contain_text("Frau Anna")
    expect(from_person).to_contain_text("Guten Tag, hier ist Anna.")

    citizen.say("Ich brauche eine Meldebescheinigung für meinen Arbeitgeber.")
    expect(staff.locator("#messages")).to_contain_text("Meldebescheinigung für meinen Arbeitgeber")
    staff.get_by_label("Interne Notiz (nur für Mitarbeitende sichtbar)").fill("Hinweis: online möglich")
    staff.get_by_role("button", name="Notiz speichern").click()
    expect(staff.locator("#messages .k-note")).to_contain_text("online möglich")

    staff.get_by_role("button", name="Fall schließen").click()
    expect(widget.locator(".handoff-closed")).to_be_visible()
    expect(widget).not_to_contain_text("online möglich")  # the note stays internal

    before = citizen.bot_turns().count()
    citizen.say("Was kann Schängel alles?")
    expect(citizen.bot_turns()).not_to_have_count(before)  # the bot answers again
    expect(citizen.bot_turns().last).not_to_contain_text("technischen Gründen")


def test_real_widget_shows_a_person_and_returns_to_the_bot(browser: Browser, staff_factory, stack: LiveStack) -> None:
    context = _context(browser, stack)
    page = context.new_page()
    site = Site(page=page, context=context, base_url=stack.base_url)
    try:
        site.goto("/")
        site.open_chat()
        site.say("Ich möchte bitte mit einem Mitarbeiter sprechen")
        site.wait_idle()
        page.locator("schaengel-widget").get_by_role("button", name="Ja, bitte verbinden").click()
        expect(page.locator("schaengel-widget .handoff-queued")).to_be_visible()

        staff = staff_factory("bernd")
        _open_case_with(staff, "Ich möchte bitte mit einem Mitarbeiter sprechen")
        staff.get_by_role("button", name="Annehmen").click()
        staff.get_by_label("Antwort an die Bürgerin oder den Bürger").fill("Hallo, Bernd hier, was kann ich tun?")
        staff.get_by_role("button", name="Senden").click()

        person = page.locator("schaengel-widget .turns > li.turn.staff")
        expect(person).to_contain_text("Bernd hier")
        expect(person).to_contain_text("Herr Bernd")
        site.say("Danke, das war schon alles.")
        expect(staff.locator("#messages")).to_contain_text("das war schon alles")
        staff.get_by_role("button", name="Fall schließen").click()
        expect(page.locator("schaengel-widget .handoff-closed")).to_be_visible()
        _no_csp_violations(page)
    finally:
        context.close()
