"""The members' page creates a briefing: real Chromium clicks "Create briefing" and the
file it downloads opens, with the query as its topic and the page's filters as its scope."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlencode

import docx
import pytest
from playwright.sync_api import BrowserContext

from .conftest import watch_errors

pytestmark = pytest.mark.browser


def test_create_briefing_downloads_docx_and_markdown(
    live_server: str, browser_context: BrowserContext, tmp_path: Path
) -> None:
    page = browser_context.new_page()
    errors = watch_errors(page)
    query = urlencode({"q": "agency staffing", "date_from": "2018-01-01", "date_to": "2022-12-31"})
    page.goto(f"{live_server}/?{query}")
    page.wait_for_selector("#answer:not([hidden]) #answer-citations li", timeout=60_000)
    button = page.get_by_role("button", name="Create briefing")
    assert button.is_visible()

    # Word, the default choice.
    assert page.locator("#briefing-format").input_value() == "docx"
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "briefing-agency-staffing.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = docx.Document(io.BytesIO(saved.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    body = "\n".join(texts)
    assert texts[0] == "Briefing: agency staffing"
    assert "Dates: 1 January 2018 to 31 December 2022" in body
    assert body.index("about 40%") < body.index("33.3%")
    references = texts[texts.index("References") + 1 :]
    assert any("para 41.4" in r and "21 November 2018" in r for r in references)
    assert any(f"{live_server}/documents/" in r for r in references)
    page.wait_for_function(
        "document.getElementById('status').textContent.includes('Briefing saved')"
    )

    # Markdown, chosen in the page.
    page.select_option("#briefing-format", "markdown")
    with page.expect_download(timeout=60_000) as info:
        button.click()
    md_download = info.value
    assert md_download.suggested_filename == "briefing-agency-staffing.md"
    md_path = tmp_path / md_download.suggested_filename
    md_download.save_as(md_path)
    text = md_path.read_text(encoding="utf-8")
    assert text.startswith("# Briefing: agency staffing\n")
    assert "## Actions and commitments" in text and "## References" in text
    page.screenshot(path=str(tmp_path / "briefing-created.png"), full_page=True)
    assert not errors, errors


def test_create_briefing_without_a_query_says_what_to_do(
    live_server: str, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    page.goto(f"{live_server}/?q=agency+staffing")
    page.wait_for_selector("#answer:not([hidden])", timeout=60_000)
    page.fill("#q", "")
    page.get_by_role("button", name="Create briefing").click()
    status = page.locator("#status")
    assert "Type a question or topic first" in status.inner_text()
    assert page.evaluate("document.activeElement.id") == "q"
