"""Checks of the widget's files that need no browser: size budget, no HTML
parsing of message text, CSP-clean pages."""
from __future__ import annotations

import gzip
import re

from .support import WEB

SIZE_BUDGET_BYTES = 25_000  # JS + CSS, gzip; issue 6: "≤ 25 KB gzip"


def test_bundle_size_budget() -> None:
    js = (WEB / "widget" / "schaengel.js").read_bytes()
    css = (WEB / "widget" / "schaengel.css").read_bytes()
    size = len(gzip.compress(js, 9)) + len(gzip.compress(css, 9))
    print(f"widget bundle: {len(js) + len(css)} bytes raw, {size} bytes gzip (JS+CSS)")
    assert size <= SIZE_BUDGET_BYTES, f"widget is {size} bytes gzip, budget {SIZE_BUDGET_BYTES}"


def test_widget_never_builds_markup_from_strings() -> None:
    """Bot and citizen text must become Text nodes: no HTML parsing APIs at all."""
    source = (WEB / "widget" / "schaengel.js").read_text(encoding="utf-8")
    for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment",
                "DOMParser", "eval(", "new Function", ".style."):
        assert api not in source, f"schaengel.js uses {api}"


def test_pages_are_csp_clean() -> None:
    """No inline scripts, inline style elements or style attributes in the pages."""
    for page in sorted(WEB.glob("*/**/*.html")):
        if "node_modules" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline <script> in {page}"
        assert "<style" not in html, f"<style> element in {page}"
        assert not re.search(r"\sstyle=", html), f"style attribute in {page}"
        assert not re.search(r"\son[a-z]+=", html), f"inline event handler in {page}"
        assert 'lang="de"' in html, f"{page} lacks lang=de"
