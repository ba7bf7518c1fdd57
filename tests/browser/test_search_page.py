"""The members' page in real headless Chromium against a real server on the seed index."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from .conftest import watch_errors

pytestmark = pytest.mark.browser

QUESTION = "How did agency staffing change between 2018 and 2022?"


def test_search_answer_and_date_filter(
    live_server: str, browser_context: BrowserContext, tmp_path: Path
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    page.goto(live_server + "/")

    # "/" focuses the search box; the filters are filled from /facets.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.wait_for_selector("#committee option:nth-child(2)", state="attached")

    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_selector("#hits li article")
    page.wait_for_selector("#answer:not([hidden]) #answer-citations li", timeout=60_000)

    answer = page.locator("#answer-text").inner_text()
    assert "about 40%" in answer and "33.3%" in answer
    assert answer.index("about 40%") < answer.index("33.3%")
    assert page.locator("#answer-text a.marker").count() >= 2
    cards = page.locator("#hits article")
    assert cards.count() >= 5
    first = cards.first.inner_text()
    assert re.search(r"\d{1,2} \w+ 20\d\d|20\d\d", first)
    assert page.locator("#hits mark").count() > 0
    context_link = cards.first.locator("a", has_text="Read in context")
    assert "/document?id=" in (context_link.get_attribute("href") or "")
    assert "q=" in page.url
    page.screenshot(path=str(tmp_path / "search-desktop.png"), full_page=True)

    # A date filter: only 2022 passages remain.
    page.fill("#date_from", "2022-01-01")
    page.dispatch_event("#date_from", "change")
    deadline = time.monotonic() + 60
    dates: list[str] = []
    while time.monotonic() < deadline:
        dates = page.locator("#hits article time").evaluate_all(
            "els => els.map(e => e.getAttribute('datetime'))"
        )
        if dates and all(d >= "2022-01-01" for d in dates):
            break
        page.wait_for_timeout(200)
    assert dates and all(d >= "2022-01-01" for d in dates), dates
    assert "date_from=2022-01-01" in page.url
    page.screenshot(path=str(tmp_path / "search-filtered.png"), full_page=True)

    # The cited passage opens highlighted in its document.
    link = page.locator("#hits article").first.locator("a", has_text="Read in context")
    href = link.get_attribute("href") or ""
    page.goto(live_server + href)
    page.wait_for_selector("#doc-body .passage")
    assert page.locator("#status").inner_text() == "The cited passage is highlighted.", href
    assert page.locator(".passage.selected").count() == 1
    page.screenshot(path=str(tmp_path / "document.png"), full_page=False)
    assert not errors, errors


def test_phone_layout_and_untrusted_text(
    live_server: str, browser_context: BrowserContext, tmp_path: Path
) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/?q=" + "What did the committee decide about library opening hours?")
    page.wait_for_selector("#answer:not([hidden])", timeout=60_000)
    assert "No answer" in page.locator("#answer-heading").inner_text()
    assert page.locator("#related-list li").count() > 0
    # Nothing overflows sideways on a phone.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=str(tmp_path / "search-phone.png"), full_page=True)

    # Markup typed as a query is shown as text, never run.
    page.fill("#q", '<img src=x onerror="window.hacked=1">')
    page.keyboard.press("Enter")
    page.wait_for_selector("#results:not([hidden])")
    assert page.evaluate("window.hacked") is None
