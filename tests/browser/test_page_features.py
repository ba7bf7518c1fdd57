"""Issue 15's features in real Chromium: meetings, order and more results, following a
search, figures at a glance, copying a citation, offline API docs, briefings with
nothing found."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from .conftest import NO_ANSWER, QUESTION, open_page, open_query, watch_errors
from .test_accessibility import AXE, serious_violations

pytestmark = pytest.mark.browser


def requests_to(page: Page, *paths: str) -> list[str]:
    """URLs of the page's requests to the given API paths, as they happen."""
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if urlsplit(r.url).path in paths else None)
    return sent


def test_card_links_to_its_meeting_page(live_server: str, browser_context: BrowserContext) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_query(page, live_server, "level of churn in the social worker workforce agency staff")
    card = page.locator("#hits article", has_text="about 40% of the workforce").first
    card.get_by_role("link", name="The meeting").click()
    page.wait_for_selector("#items li h3")
    assert "21 November 2018" in page.locator("#meeting-title").inner_text()
    headings = page.locator("#items li h3").all_inner_texts()
    numbered = [h for h in headings if h.startswith("Item ")]
    assert numbered[:2] == [
        "Item 40: Minutes of the previous meeting",
        "Item 41: Ofsted Improvement Letter",
    ]
    assert [int(h.split()[1].rstrip(":")) for h in numbered] == list(range(40, 47))
    assert page.locator("#items", has_text="about 40% of the workforce").count() == 1
    documents = page.locator("#documents-list li").all_inner_texts()
    assert len(documents) == 2
    # Each paragraph reads in its document, at the paragraph.
    page.locator("#items a.passage-link", has_text="para 41.4").first.click()
    page.wait_for_selector(".passage.selected")
    assert "about 40%" in page.locator(".passage.selected").inner_text()
    assert AXE.exists(), f"axe-core is not installed at {AXE}: run `make browser`"
    page.go_back()
    page.wait_for_selector("#items li h3")
    assert serious_violations(page) == [], "meeting page"
    assert not errors, errors


def test_sort_and_more_results_without_asking_again(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_query(page, live_server, "agency staff")
    asked = requests_to(page, "/ask")
    searched = requests_to(page, "/search")
    page.select_option("#sort", "oldest")
    expect(page.locator("#status")).to_contain_text("oldest", timeout=60_000)
    dates = page.locator("#hits article time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))"
    )
    assert dates == sorted(dates) and len(dates) == 10
    assert any("sort=oldest" in url for url in searched)
    assert page.locator("#answer-citations li").count() > 0, "the answer stays"

    page.select_option("#sort", "relevance")
    expect(page.locator("#status")).to_contain_text("relevant", timeout=60_000)
    more = page.get_by_role("button", name="More results")
    assert more.is_visible()
    more.click()
    page.wait_for_selector("#hit-11")
    ids = page.locator("#hits article").evaluate_all("as => as.map(a => a.id)")
    assert len(ids) > 10 and len(ids) == len(set(ids))
    assert page.evaluate("document.activeElement.id") == "hit-11"
    assert any("offset=10" in url for url in searched)
    assert asked == [], "ordering and paging never ask again"
    assert not errors, errors


def test_follow_this_search_is_an_atom_feed_of_the_query(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    query = {
        "q": "agency staff",
        "committee": "Children and Families Overview and Scrutiny Committee",
    }
    page.goto(f"{live_server}/?{urlencode(query)}")
    page.wait_for_selector("#hits li article", timeout=60_000)
    follow = page.get_by_role("link", name="Follow this search (Atom feed)")
    href = follow.get_attribute("href") or ""
    assert href.startswith("/feeds/search.atom?") and "committee=" in href and "q=agency" in href
    alternate = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert alternate.evaluate("a => a.href") == live_server + href
    response = page.request.get(live_server + href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert b"<entry>" in response.body()


def test_figures_chart_points_match_the_cited_figures(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    with page.expect_response("**/ask", timeout=60_000) as answered:
        page.goto(f"{live_server}/?{urlencode({'q': QUESTION})}")
    figures = json.loads(answered.value.text())["figures"]
    page.wait_for_selector("#answer-figures:not([hidden]) svg a.figure-point")
    points = page.locator("svg a.figure-point")
    assert points.count() == len(figures["points"]) >= 2
    for i, expected in enumerate(figures["points"]):
        point = points.nth(i)
        assert float(point.get_attribute("data-value") or "nan") == expected["value"]
        n = point.get_attribute("data-cite")
        assert n == str(expected["n"])
        quote = page.locator(f"#cite-{n} blockquote").inner_text()
        assert expected["text"] in quote, "the point's figure stands in its citation"
    rows = page.locator("#figures-table tbody tr").all_inner_texts()
    assert len(rows) == len(figures["points"]) and "40%" in rows[0]
    asked = requests_to(page, "/ask", "/search")
    points.last.locator("circle").click()
    last = figures["points"][-1]["n"]
    # Highlighted and the active element (a page that lost the window's focus under a
    # busy test run reports "inactive" to to_be_focused, though the element has focus).
    expect(page.locator(f"#cite-{last}")).to_have_class(re.compile(r"\bhighlight\b"))
    assert page.evaluate("document.activeElement.id") == f"cite-{last}"
    assert asked == []
    assert not errors, errors


def test_copy_citation_gives_a_formatted_reference(
    live_server: str, browser_context: BrowserContext
) -> None:
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = browser_context.new_page()
    open_query(page, live_server, "level of churn in the social worker workforce agency staff")
    card = page.locator("#hits article", has_text="about 40% of the workforce").first
    card.get_by_role("button", name="Copy citation").click()
    expect(page.locator("#status")).to_contain_text("copied", timeout=60_000)
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Children and Families Overview and Scrutiny Committee")
    for part in ("21 November 2018", "item 41 “Ofsted Improvement Letter”", "para 41.4",
                 f"{live_server}/document?id="):  # fmt: skip
        assert part in text, (part, text)
    # The permalink in it opens the paragraph, highlighted.
    url = (
        text.split(" ")[-1]
        if "(original:" not in text
        else text.split(" (original:")[0].split(" ")[-1]
    )
    page.goto(url)
    page.wait_for_selector(".passage.selected")
    assert "about 40%" in page.locator(".passage.selected").inner_text()
    # The document view: a link per paragraph, no internal notes in its header.
    assert page.locator(".passage.selected a.permalink").count() == 1
    page.goto(f"{live_server}/document?id=001_3bf3cecc07ef430f")
    page.wait_for_selector("#doc-body section.passage")
    header = page.locator("header").inner_text()
    assert "21 November 2018" in header and "cut short" not in header, header


def test_api_docs_render_with_no_network(live_server: str, browser_context: BrowserContext) -> None:
    page = browser_context.new_page()
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    page.route("**/*", only_loopback)
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "Scrutiny Search" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/meetings").count() >= 1
    assert outside == []


def test_briefing_with_nothing_found_says_so(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    open_page(page, live_server)
    open_query(page, live_server, NO_ANSWER)
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Create briefing").click()
    expect(page.locator("#status")).to_contain_text("no briefing", timeout=60_000)
    status = page.locator("#status").inner_text()
    assert "Nothing in the archive on" in status and "Try other words" in status
    assert downloads == []
