"""A real uvicorn server on a free loopback port, serving the session's seed index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from reliability.server import serve
from search_api.archive import Archive

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]  # fmt: skip


@pytest.fixture(scope="session")
def live_server(seed_engine: Archive) -> Iterator[str]:
    with serve(seed_engine) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One Chromium for the session (Playwright gives it a fresh temporary profile);
    each test gets a context of its own. Launching it for every test cost ~1.9 s each."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_context(chromium: Browser) -> Iterator[BrowserContext]:
    """A new incognito-like context: no cookies, storage, cache or permissions carried
    over from another test."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context
    finally:
        context.close()


def watch_errors(page: Page) -> list[str]:
    """Collects the page's script errors and console errors, for a test to assert none."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


QUESTION = "How did agency staffing change between 2018 and 2022?"
"""A trend question the seed index answers with three citations (one from a report)."""

NO_ANSWER = "What did the committee decide about library opening hours?"
"""A question the seed index cannot answer: the page shows the nearest passages instead."""


def open_page(page: Page, base_url: str) -> None:
    """Open the empty search page and wait until its filters are filled from /facets."""
    page.goto(base_url + "/")
    page.wait_for_selector("#committee option:nth-child(2)", state="attached")


def open_query(page: Page, base_url: str, question: str = QUESTION) -> None:
    """Open the page on a query (as a shared link would) and wait for its answer."""
    page.goto(f"{base_url}/?{urlencode({'q': question})}")
    page.wait_for_selector("#hits li article", timeout=60_000)
    page.wait_for_selector("#answer:not([hidden])", timeout=60_000)
