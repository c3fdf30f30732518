"""Layout and preferences: 320 px reflow, 200 % zoom, reduced motion, style
isolation from the host page, and the optional JavaScript API."""
from __future__ import annotations

from typing import Callable

import pytest
from playwright.sync_api import expect

from .support import Site, load_fixture

pytestmark = [pytest.mark.browser, pytest.mark.live]

FITS_VIEWPORT = """async () => {
  const root = document.querySelector('schaengel-widget').shadowRoot;
  const el = root.querySelector('.dialog');
  await Promise.all(el.getAnimations().map((a) => a.finished));  // the opening transition
  const dialog = el.getBoundingClientRect();
  const log = root.querySelector('.log');
  return {
    pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    logOverflow: log.scrollWidth - log.clientWidth,
    left: dialog.left, right: dialog.right, top: dialog.top, bottom: dialog.bottom,
    width: window.innerWidth, height: window.innerHeight,
  };
}"""


def _assert_fits(site: Site) -> None:
    m = site.page.evaluate(FITS_VIEWPORT)
    assert m["pageOverflow"] <= 0, m
    assert m["logOverflow"] <= 0, f"horizontal scrolling inside the transcript: {m}"
    assert m["left"] >= 0 and m["right"] <= m["width"] and m["top"] >= 0 and m["bottom"] <= m["height"], m


def test_reflow_at_320_css_pixels(site_factory: Callable[..., Site]) -> None:
    site = site_factory(viewport={"width": 320, "height": 640})
    site.goto("/")
    site.open_chat()
    site.mock_chat(lambda body: load_fixture("service.json") if body.get("text") == "Perso" else None)
    site.say("Perso")
    expect(site.bot_turns().last.locator(".card-service")).to_be_visible()
    _assert_fits(site)
    # Input and send button stay usable.
    expect(site.input).to_be_in_viewport()
    expect(site.dialog.get_by_role("button", name="Senden")).to_be_in_viewport()
    site.axe("320px service card")


def test_200_percent_zoom(site_factory: Callable[..., Site]) -> None:
    """1280×800 at 200 % zoom is a 640×400 CSS-pixel viewport with doubled pixels."""
    site = site_factory(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    site.goto("/")
    site.open_chat()
    site.say("Es brennt")
    expect(site.page.locator("schaengel-widget .card-emergency")).to_be_visible()
    _assert_fits(site)
    for control in (site.input, site.dialog.get_by_role("button", name="Senden"),
                    site.dialog.get_by_role("button", name="Chat schließen")):
        expect(control).to_be_in_viewport()


def test_reduced_motion_is_respected(site_factory: Callable[..., Site]) -> None:
    site = site_factory(reduced_motion="reduce")
    site.goto("/")
    site.open_chat()
    styles = site.page.evaluate(
        """() => {
            const root = document.querySelector('schaengel-widget').shadowRoot;
            const dot = root.querySelector('.dots span');
            return {dot: getComputedStyle(dot).animationName,
                    dialog: getComputedStyle(root.querySelector('.dialog')).transitionDuration};
        }"""
    )
    assert styles == {"dot": "none", "dialog": "0s"}


def test_host_page_css_does_not_leak_in(site: Site) -> None:
    """The demo page styles every <button> (gold, serif, letter-spacing): the widget stays itself."""
    site.goto("/")
    style = site.launcher.evaluate(
        "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.fontFamily, s.letterSpacing, s.color]; }"
    )
    assert style[0] == "rgb(10, 77, 140)"
    assert "Georgia" not in style[1]
    assert style[2] == "normal"
    assert style[3] == "rgb(255, 255, 255)"
    # And the widget's rules stay inside: page buttons keep the page's look.
    assert site.page.evaluate("() => document.styleSheets.length") == 1


def test_lang_and_accessible_names(site: Site) -> None:
    site.goto("/")
    assert site.page.evaluate("() => document.querySelector('schaengel-widget').getAttribute('lang')") == "de"
    expect(site.page.get_by_role("button", name="Chat mit Schängel")).to_have_attribute("aria-controls", "sg-dialog")
    site.open_chat()
    # Visible label for the field, named close button, labelled transcript region.
    expect(site.page.locator("schaengel-widget label[for=sg-input]")).to_be_visible()
    expect(site.dialog.get_by_role("button", name="Chat schließen")).to_be_visible()
    expect(site.dialog.get_by_role("region", name="Gesprächsverlauf")).to_have_attribute("tabindex", "0")


def test_javascript_api(site: Site) -> None:
    site.goto("/")
    api = site.page.evaluate("() => Object.keys(window.Schaengel).sort()")
    assert api == ["clearHistory", "close", "open", "setLanguage", "toggle", "version"]
    site.page.evaluate("() => window.Schaengel.open()")
    expect(site.dialog).to_be_visible()
    expect(site.bot_turns()).to_have_count(1)
    site.page.evaluate("() => window.Schaengel.setLanguage('en')")
    expect(site.page.get_by_role("dialog", name="Schängel – City of Koblenz chat")).to_be_visible()
    assert site.page.evaluate("() => document.querySelector('schaengel-widget').getAttribute('lang')") == "en"
    # Bot messages keep lang="de" so screen readers pronounce them correctly.
    expect(site.bot_turns().first.locator(".bubble")).to_have_attribute("lang", "de")
    site.axe("english chrome")
    site.page.evaluate("() => window.Schaengel.close()")
    expect(site.page.get_by_role("button", name="Chat with Schängel")).to_have_attribute("aria-expanded", "false")
