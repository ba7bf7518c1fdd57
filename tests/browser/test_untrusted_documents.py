"""Markup inside indexed documents and their metadata is shown as text, never run.

Minutes are public documents that anyone may have written; a council's archive can hold
pasted HTML. The page must treat passage text, titles, committees and source links as
untrusted: in a real Chromium, against a real server on a real index of such a document.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from reliability.server import serve
from search_api.archive import Archive

from .conftest import watch_errors

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.hacked = 'script'</script>"
IMG = "<img src=x onerror=\"window.hacked = 'img'\">"
MINUTES = f"""Agenda and minutes

Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023 10.00 am

Quince Allowance Pilot {SCRIPT}

12.1     The committee heard that the quince allowance pilot {SCRIPT} had supported
41 foster carers, and that the pilot {IMG} would continue into 2024.

12.2     Members asked for a breakdown of quince allowance spending by district.
"""


@pytest.fixture
def hostile_server(tmp_path: Path, embedder: Embedder) -> Iterator[str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(MINUTES)
    with (corpus / "manifest.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "council", "committee", "meeting_date", "doc_type", "title",
                         "source_url"])  # fmt: skip
        link = "javascript:window.hacked='link'"
        writer.writerow(["hostile.txt", f"Council {IMG}", f"Committee {SCRIPT}", "2023-03-15",
                         "minutes", f"Minutes {IMG}", link])  # fmt: skip
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    Indexer(settings, embedder).build()
    with serve(Archive.open(settings, embedder)) as url:
        yield url


def test_markup_in_documents_is_text(hostile_server: str, browser_context: BrowserContext) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    page.goto(f"{hostile_server}/?q=quince allowance pilot")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)
    page.wait_for_selector("#answer:not([hidden])", timeout=60_000)
    results = page.locator("#results").inner_text()
    assert "<script>" in results or "<img" in results  # shown literally
    assert page.locator("#results script, #results img, #answer script, #answer img").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert hrefs and not any(h.lower().startswith("javascript:") for h in hrefs)

    page.locator("#results a", has_text="Read in context").first.click()
    # The heading reads "Document" until the page's fetch fills it: wait for the title,
    # not for any text (a loaded machine saw the placeholder, round 46's fresh clone); a
    # locator's wait, as the page's CSP refuses the eval a polled expression needs.
    page.locator("#doc-title", has_text="Minutes").wait_for()
    assert "<img" in page.locator("#doc-title").inner_text()
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("window.hacked") is None
    assert errors == []
