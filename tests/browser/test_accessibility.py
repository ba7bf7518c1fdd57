"""axe-core, the accessibility engine from the npm registry, run inside the real page.

`make browser` installs it with npm (tests/browser/package.json); the test injects
axe.min.js and fails on any serious or critical violation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

from .conftest import NO_ANSWER, open_page, open_query, watch_errors

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe on the page as it stands; the serious and critical violations, summarised."""
    # Evaluated over CDP: the page's Content-Security-Policy (script-src 'self') refuses
    # an injected <script> tag, rightly, and the test must not weaken it.
    page.evaluate(AXE.read_text())
    result = page.evaluate("""async () => {
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
    }""")  # fmt: skip
    return [v for v in result if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation(live_server: str, browser_context: BrowserContext) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: run `make browser`")
    page = browser_context.new_page()
    errors = watch_errors(page)

    open_page(page, live_server)
    assert serious_violations(page) == [], "search page"
    # The engine really runs: a search box stripped of its label is reported.
    page.evaluate("document.querySelector('label[for=q]').remove()")
    planted = [v["id"] for v in serious_violations(page)]
    assert any(rule.startswith("label") for rule in planted), planted

    open_query(page, live_server)
    page.wait_for_selector("#answer-citations li")
    assert serious_violations(page) == [], "results page"

    open_query(page, live_server, NO_ANSWER)
    page.wait_for_selector("#related-list li")
    assert serious_violations(page) == [], "results page without an answer"

    page.set_viewport_size({"width": 390, "height": 844})
    open_query(page, live_server)
    assert serious_violations(page) == [], "results page on a phone"

    page.locator("#hits article a", has_text="Read in context").first.click()
    page.wait_for_selector(".passage.selected")
    assert serious_violations(page) == [], "document view"
    assert not errors, errors
