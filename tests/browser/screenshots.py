"""Screenshots of the members' page for the README: `python tests/browser/screenshots.py`.

Builds the seed corpus into a temporary index, serves it on loopback and photographs the
page in Debian's Chromium at desktop (1280 wide) and phone (390x844) size with an answer,
its figures and its passages, and a meeting page at desktop size. Writes
docs/screenshot-desktop.png, docs/screenshot-phone.png and docs/screenshot-meeting.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from playwright.sync_api import sync_playwright  # noqa: E402

from indexer.builder import Indexer  # noqa: E402
from indexer.embedding import Embedder  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from reliability.server import serve  # noqa: E402
from search_api.archive import Archive  # noqa: E402

QUESTION = "How did agency staffing change between 2018 and 2022?"
MEETING = "2018-11-21-children-and-families-overview-and-scrutiny-committee"
SHOTS = (
    ("screenshot-desktop.png", {"width": 1280, "height": 2300}),
    ("screenshot-phone.png", {"width": 390, "height": 844}),
)


def main() -> None:
    """Photograph the page at both widths into docs/."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus=str(ROOT / "corpus"), index_dir=Path(tmp) / "index")
        embedder = Embedder(settings.model, settings.batch_size)
        Indexer(settings, embedder).build()
        with serve(Archive.open(settings, embedder)) as url, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            for name, viewport in SHOTS:
                page = browser.new_page(viewport=viewport, locale="en-GB")  # type: ignore[arg-type]
                page.goto(f"{url}/?{urlencode({'q': QUESTION})}")
                page.wait_for_selector("#answer:not([hidden]) #answer-citations li", timeout=60_000)
                page.evaluate("document.activeElement && document.activeElement.blur()")
                page.screenshot(path=str(ROOT / "docs" / name))
                print(f"docs/{name}")
            page = browser.new_page(viewport={"width": 1280, "height": 1200}, locale="en-GB")
            page.goto(f"{url}/meeting?id={MEETING}")
            page.wait_for_selector("#items li h3", timeout=60_000)
            page.screenshot(path=str(ROOT / "docs" / "screenshot-meeting.png"))
            print("docs/screenshot-meeting.png")
            browser.close()


if __name__ == "__main__":
    main()
