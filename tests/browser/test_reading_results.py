"""Reading an answer and its passages: citation markers, labels, link names, originals,
print and CSV export. Real Chromium against a real server on the seed index."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Request

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from reliability.server import serve
from search_api.archive import Archive

from .conftest import NO_ANSWER, open_query, watch_errors

pytestmark = pytest.mark.browser

REPORT_ID = "004_a3ad42d7930c8b10"
REPORT_TITLE = "Children's Services Continuous Improvement Plan: progress report"


def api_requests(page: Page) -> list[str]:
    """The /search and /ask requests the page sends from now on."""
    sent: list[str] = []

    def record(request: Request) -> None:
        if "/search?" in request.url or request.url.endswith("/ask"):
            sent.append(request.url)

    page.on("request", record)
    return sent


def in_viewport(page: Page, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, """e => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
    }"""))  # fmt: skip


def test_citation_marker_focuses_the_citation_without_a_new_query(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_query(page, live_server)
    page.wait_for_selector("#answer-citations li#cite-3")
    answer = page.locator("#answer-text").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    sent = api_requests(page)

    page.locator("#answer-text a.marker", has_text="[3]").click()
    page.wait_for_timeout(700)  # time enough for a re-run to start

    assert sent == [], "a citation marker re-ran the query"
    assert page.locator("#answer").is_visible()
    assert page.locator("#answer-text").inner_text() == answer
    assert page.evaluate("document.activeElement.id") == "cite-3"
    assert "highlight" in (page.get_attribute("#cite-3", "class") or "")
    assert in_viewport(page, "#cite-3")
    assert page.url.endswith("#cite-3")  # a permalink to the citation
    assert not errors, errors


def link_names(page: Page, scope: str) -> list[tuple[str, str]]:
    """(accessible name, href) of each link in `scope`: aria-label, else all its text."""
    return [
        (name, href)
        for name, href in page.eval_on_selector_all(
            f"{scope} a[href]",
            """links => links.map(a => [
                (a.getAttribute('aria-label') || a.textContent).replace(/\\s+/g, ' ').trim(),
                a.getAttribute('href')])""",
        )
    ]


def assert_names_unique(links: list[tuple[str, str]]) -> None:
    """One name, one destination: a screen reader's list of links must tell them apart."""
    targets: dict[str, set[str]] = {}
    for name, href in links:
        targets.setdefault(name, set()).add(href)
    shared = {name: hrefs for name, hrefs in targets.items() if len(hrefs) > 1}
    assert not shared, shared


def test_labels_name_the_document_and_links_are_unique(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    open_query(page, live_server)
    page.wait_for_selector("#answer-citations li")

    # Cards from the report are headed by the report's title, the section after it.
    report_cards = page.locator("#hits article").filter(has=page.locator(f"a[href*='{REPORT_ID}']"))
    assert report_cards.count() >= 2
    for i in range(report_cards.count()):
        card = report_cards.nth(i)
        assert card.locator("h3").inner_text() == REPORT_TITLE
        # The meeting date is known to the day: no "(approx.)" beside it.
        assert card.locator("time").inner_text() == "14 July 2022"
    # A report section named in a citation comes with its report's title.
    report_cites = page.locator("#answer-citations li").filter(
        has=page.locator(f"a[href*='{REPORT_ID}']")
    )
    assert report_cites.count() >= 1
    for i in range(report_cites.count()):
        meta = report_cites.nth(i).locator(".meta").inner_text()
        assert REPORT_TITLE in meta and "(approx.)" not in meta
    # Minutes cards are headed by their agenda item.
    headings = page.locator("#hits article h3").all_inner_texts()
    assert "Item 41: Ofsted Improvement Letter" in headings
    assert "Update" not in headings
    # A date known only to the month stays marked as approximate.
    dates = page.locator("#hits article time").all_inner_texts()
    assert "March 2019 (approx.)" in dates, dates

    links = link_names(page, "main")
    assert len(links) > 13
    assert_names_unique(links)
    context = [name for name, _ in links if name.startswith("Read in context")]
    assert any(f"{REPORT_TITLE}, Update" in name for name in context), context

    # "Nearest passages": each link says what it opens, and no two read the same.
    open_query(page, live_server, NO_ANSWER)
    related = link_names(page, "#related-list")
    assert len(related) >= 3
    assert len({name for name, _ in related}) == len(related), related
    assert_names_unique(link_names(page, "main"))


def test_original_links_prefer_the_councils_page(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    open_query(page, live_server)
    # A plain-text original is the document view without its title or paragraph marks:
    # the cards do not offer it as the "source".
    hrefs = page.eval_on_selector_all("#hits a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.endswith("/source")], hrefs
    assert page.locator("#hits a", has_text="Source document").count() == 0

    # The document view opens at the cited paragraph, highlighted and focused.
    third = page.locator("#hits article").nth(2)
    third.locator("a.context, a:has-text('Read in context')").first.click()
    page.wait_for_selector(".passage.selected")
    assert page.evaluate("document.activeElement.classList.contains('selected')")
    assert in_viewport(page, ".passage.selected")
    original = page.locator("#doc-links a")
    assert original.inner_text() == "Original file (plain text)"


@pytest.fixture
def council_server(tmp_path: Path, embedder: Embedder) -> Iterator[str]:
    """A one-document index whose manifest gives the council's own URL for it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.txt").write_text(
        "Agenda and minutes\n\nPlaces Scrutiny Committee - Tuesday 7 March 2023\n\n"
        "5. Street Lighting Review\n\n5.1 The committee noted that 1,200 street lights had "
        "been converted to LED lamps, cutting energy use by a third.\n"
    )
    with (corpus / "manifest.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "council", "committee", "meeting_date", "doc_type", "title",
                         "source_url"])  # fmt: skip
        writer.writerow(["minutes.txt", "Example Council", "Places Scrutiny Committee",
                         "2023-03-07", "minutes", "Places Scrutiny Committee, 7 March 2023",
                         COUNCIL_URL])  # fmt: skip
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    Indexer(settings, embedder).build()
    with serve(Archive.open(settings, embedder)) as url:
        yield url


COUNCIL_URL = "https://democracy.example.gov.uk/ieListDocuments.aspx?MId=4242"


def test_council_url_is_the_original_everywhere(
    council_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    open_query(page, council_server, "street lighting LED conversion")
    original = page.locator("#hits article a.original").first
    assert original.get_attribute("href") == COUNCIL_URL
    assert original.inner_text().startswith("Council's original")
    page.locator("#hits article a.context").first.click()
    page.wait_for_selector(".passage.selected")
    assert page.locator("#doc-links a").get_attribute("href") == COUNCIL_URL
    assert page.locator("#doc-links a").inner_text() == "Original on the council's website"


def test_csv_download_and_print_stylesheet(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_query(page, live_server)
    cards = page.locator("#hits article")
    shown_dates = cards.locator("time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))"
    )

    with page.expect_download() as download_info:
        page.click("#download-csv")
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    path = download.path()
    assert path is not None
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["rank", "date", "committee", "item", "paragraph", "title", "text", "link"]
    body = rows[1:]
    assert len(body) == cards.count()
    assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)]
    assert [r[1] for r in body] == shown_dates
    first = body[0]
    assert first[2] == "Children and Families Overview and Scrutiny Committee"
    assert first[3] == "41 Ofsted Improvement Letter" and first[4] == "41.6"
    assert first[6] in cards.first.locator(".text").inner_text()
    assert first[7].startswith(f"{live_server}/document?id=")
    assert first[7] == page.eval_on_selector("#hits article a.context", "a => a.href")
    assert any(r[5] == REPORT_TITLE for r in body)

    # On paper: the answer and the passages, no form, each link's address written out.
    page.emulate_media(media="print")
    assert not page.locator("#search-form").is_visible()
    assert not page.locator("#create-briefing").is_visible()
    assert page.locator("#answer-text").is_visible() and cards.first.is_visible()
    after = page.eval_on_selector(
        "#hits article a.context", "a => getComputedStyle(a, '::after').content"
    )
    assert f"{live_server}/document?id=" in after, after
    assert not errors, errors


def test_a_card_sets_its_passage_apart_from_the_item_context_around_it(
    live_server: str, browser_context: BrowserContext
) -> None:
    """A hit carries its agenda item's passages around the one that matched (its item
    window): the card shows that passage, whole and set apart (its own background), and
    the context before and after it in reading order, muted and labelled for screen
    readers."""
    question = "Ofsted inspection judgement"
    page = browser_context.new_page()
    errors = watch_errors(page)
    open_query(page, live_server, question)
    hits = page.request.get(f"{live_server}/search", params={"q": question}).json()["hits"]
    windowed = [(i, h) for i, h in enumerate(hits) if len(h["window"]) > 1]
    assert windowed, "no hit of the seed index came with its item's context"
    for i, hit in windowed:
        card = page.locator(f"#hit-{i + 1} .text")
        own = next(p for p in hit["window"] if p["passage_id"] == hit["passage_id"])
        passage = card.locator(".passage")
        assert passage.count() == 1
        assert passage.inner_text() == hit["text"][own["start"] : own["end"]]
        contexts = card.locator(".context")
        assert contexts.count() == len(hit["window"]) - 1
        assert all(t.startswith("Context:") for t in contexts.all_text_contents())
        styles = card.evaluate(
            """e => [...e.children].map(s => {
                const c = getComputedStyle(s); return [s.className, c.backgroundColor, c.color];
            })"""
        )
        assert [s[0] for s in styles] == [
            "passage" if p["passage_id"] == hit["passage_id"] else "context" for p in hit["window"]
        ]
        own_style = next(s for s in styles if s[0] == "passage")
        assert all(s[1:] != own_style[1:] for s in styles if s[0] == "context")
    assert not errors, errors
