"""The page as a person uses it: messages in plain words, loading, keyboard, phone width,
Back from a document. Real Chromium against a real server on the seed index; failures the
seed server cannot produce (no network, a 503) are made by intercepting the request."""

from __future__ import annotations

import contextlib
import json
from urllib.parse import quote

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from .conftest import QUESTION, open_page, open_query, watch_errors

pytestmark = pytest.mark.browser


def status(page: Page) -> str:
    return page.locator("#status").inner_text()


def wait_for_error(page: Page) -> str:
    page.wait_for_selector("#status.error", timeout=30_000)
    return status(page)


def test_too_long_query_is_shown_not_cut(live_server: str, browser_context: BrowserContext) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if "/search?" in r.url else None)
    long_query = "agency staffing " * 75  # 1,200 characters

    # Opened from a link: a sentence about the limit, not the validator's words.
    page.goto(f"{live_server}/?q={quote(long_query)}")
    message = wait_for_error(page)
    assert "limit is 1,000 characters" in message, message
    assert "String should" not in message and "q:" not in message
    assert sent == []

    # Pasted into the box: kept whole, with a visible count saying it is too long.
    open_page(page, live_server)
    page.fill("#q", long_query)
    assert len(page.input_value("#q")) == 1200
    assert page.locator("#q-count").is_visible()
    assert "1,200 of 1,000 characters" in page.locator("#q-count").inner_text()
    assert page.get_attribute("#q", "aria-invalid") == "true"
    page.press("#q", "Enter")
    assert "limit is 1,000 characters" in wait_for_error(page)
    assert sent == []
    assert not errors, errors


def test_network_failure_and_503_in_plain_words(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    open_query(page, live_server)
    page.wait_for_selector("#answer-citations li")

    # The briefing cannot be fetched: the same words as for a search.
    page.route("**/briefing", lambda route: route.abort("internetdisconnected"))
    page.click("#create-briefing")
    page.wait_for_function(
        "() => document.querySelector('#status').textContent.includes('Could not reach the server')"
    )
    page.unroute("**/briefing")

    # The server cannot be reached: say so, and do not leave the last query's results up.
    page.route("**/search?**", lambda route: route.abort("internetdisconnected"))
    page.route("**/ask", lambda route: route.abort("internetdisconnected"))
    page.fill("#q", "library opening hours")
    page.press("#q", "Enter")
    page.wait_for_function(
        "() => document.querySelector('#status').textContent.startsWith('Could not reach')"
    )
    message = status(page)
    assert message.startswith("Could not reach the server"), message
    assert "Failed to fetch" not in message
    assert not page.locator("#hits article").first.is_visible()
    assert not page.locator("#answer").is_visible()
    page.unroute("**/search?**")
    page.unroute("**/ask")

    # A 503 with no usable detail (as a proxy sends it): plain words, not the reason phrase.
    page.route("**/search?**", lambda route: route.fulfill(
        status=503, body="Service Unavailable", content_type="text/plain"))  # fmt: skip
    page.press("#q", "Enter")
    message = wait_for_error(page)
    assert "unavailable right now" in message and "Service Unavailable" not in message, message
    page.unroute("**/search?**")

    # A 503 from our server: its detail, which says what is going on.
    detail = "The index is being rebuilt; search again in a minute."
    body = json.dumps({"detail": detail})
    page.route("**/search?**", lambda route: route.fulfill(
        status=503, body=body, content_type="application/json"))  # fmt: skip
    page.press("#q", "Enter")
    page.wait_for_function(
        "d => document.querySelector('#status').textContent === d", arg=detail, timeout=30_000
    )


def test_busy_state_and_a_late_older_response_never_lands(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_page(page, live_server)
    held: list[Route] = []

    def hold_first(route: Route) -> None:
        body = route.request.post_data or ""
        if "Ofsted" in route.request.url or "Ofsted" in body:
            held.append(route)  # the first, slow query: answered only at the end
        else:
            route.continue_()

    page.route("**/search?**", hold_first)
    page.route("**/ask", hold_first)
    page.fill("#q", "Ofsted monitoring visit")
    page.press("#q", "Enter")
    page.wait_for_function("() => document.querySelector('#status').textContent === 'Searching…'")
    assert page.get_attribute("#results", "aria-busy") == "true"
    assert page.locator("#spinner").is_visible()
    assert page.locator("#submit").is_disabled()

    # A second query while the first is still out.
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_selector("#answer:not([hidden]) #answer-citations li", timeout=60_000)
    assert len(held) == 2
    assert page.get_attribute("#results", "aria-busy") is None
    assert not page.locator("#spinner").is_visible()
    assert page.locator("#submit").is_enabled()
    shown = page.locator("#hits").inner_text()
    answer = page.locator("#answer-text").inner_text()

    # The first query's responses arrive late: they must not replace the second's.
    for route in held:
        with contextlib.suppress(Exception):  # the page may have aborted this request
            route.continue_()
    page.wait_for_timeout(1500)
    assert page.locator("#hits").inner_text() == shown
    assert page.locator("#answer-text").inner_text() == answer
    assert page.input_value("#q") == QUESTION
    assert QUESTION in page.title()
    assert not [e for e in errors if "ERR_" not in e], errors


def test_phone_shows_the_answer_on_the_first_screen(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    open_query(page, live_server)
    page.evaluate("window.scrollTo(0, 0)")
    assert not page.locator("#committee").is_visible()  # filters folded away
    summary = page.locator("#filters summary")
    assert summary.is_visible() and "Filters" in summary.inner_text()
    top = page.eval_on_selector("#answer-heading", "h => h.getBoundingClientRect().top")
    assert top < 844 / 2, top
    # The briefing controls come after the answer, not between its heading and its text.
    text_bottom = page.eval_on_selector("#answer-text", "e => e.getBoundingClientRect().bottom")
    briefing_top = page.eval_on_selector("#create-briefing", "e => e.getBoundingClientRect().top")
    assert briefing_top > text_bottom
    summary.click()
    assert page.locator("#committee").is_visible()

    # On a wide screen the filters are open from the start.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/")
    assert page.locator("#committee").is_visible()


def focused(page: Page) -> str:
    return str(page.evaluate(
        "(() => { const e = document.activeElement; return e.id || e.textContent.trim(); })()"
    ))  # fmt: skip


def test_keyboard_skip_links_and_back_to_the_card(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_page(page, live_server)
    page.keyboard.press("Tab")
    assert focused(page) == "Skip to search box"
    page.keyboard.press("Enter")
    assert focused(page) == "q"

    # On a results page the skip links lead to the answer and to the passages.
    for target, tabs in (("results", 3), ("answer", 2)):
        open_query(page, live_server)
        page.wait_for_selector("#answer-citations li")
        for _ in range(tabs):
            page.keyboard.press("Tab")
        assert focused(page) == f"Skip to {target}"
        page.keyboard.press("Enter")
        assert focused(page) == target

    # Back from a document returns to the card that was opened.
    card = page.locator("#hits article").nth(6)
    card.scroll_into_view_if_needed()
    card_id = card.get_attribute("id") or "hit-7"
    card.locator("a", has_text="Read in context").first.click()
    page.wait_for_selector(".passage.selected")
    page.go_back()
    page.wait_for_selector("#hits li article")
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.id === id",
        arg=card_id,
        timeout=60_000,
    )
    box = page.eval_on_selector(f"#{card_id}", "e => e.getBoundingClientRect().toJSON()")
    assert 0 <= box["top"] < 900, box
    assert not errors, errors
