"""Fixtures for the widget's browser tests: Debian's Chromium driven by Playwright.

See ``support.py`` for what runs where; ``live_stack`` comes from ``tests/conftest.py``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from .support import AXE_JS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, RECORD_CSP, Site


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope on purpose: Playwright's sync API keeps an asyncio loop running in the main
    # thread while it is started, which breaks asyncio.run() in any test collected after it.
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (scripts/setup.sh)")
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core not found at {AXE_JS}: run 'npm ci' in web/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def base_url(live_stack: Any) -> str:
    return str(live_stack.base_url).rstrip("/")


def _new_site(browser: Browser, base_url: str, **context_options: Any) -> Iterator[Site]:
    options = {"viewport": DESKTOP, "locale": "de-DE", "base_url": base_url, **context_options}
    context = browser.new_context(**options)
    page = context.new_page()
    site = Site(page=page, context=context, base_url=base_url)
    page.on("request", lambda request: site.requests.append(request))
    page.add_init_script(RECORD_CSP)
    yield site
    try:
        violations = site.csp_violations() if not page.is_closed() else []
    finally:
        context.close()
    assert violations == [], f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def site(browser: Browser, base_url: str) -> Iterator[Site]:
    """A fresh tab (new context: empty sessionStorage, no cookies) at 1280×800."""
    yield from _new_site(browser, base_url)


@pytest.fixture
def site_factory(browser: Browser, base_url: str) -> Iterator[Callable[..., Site]]:
    """Make tabs with other context options (viewport, reduced motion, …)."""
    made: list[Iterator[Site]] = []

    def make(**options: Any) -> Site:
        gen = _new_site(browser, base_url, **options)
        made.append(gen)
        return next(gen)

    yield make
    for gen in made:
        next(gen, None)
