"""Round 52: a running footer longer than twelve words that ends in "Page N of M" set apart
("Township of Cedar Falls – Regular Council Minutes – June 19, 2018        Page 1 of 2", a
month-first date between en dashes) is page furniture: it cuts the converted text into
pages and is dropped, not kept in the text of the passage before it (round 51's
r51-foreign7 kind (13)). Real file (`tests/data/ingestion/foreign7/`, synthetic) ingested
by the product's reader; the line tests need none."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.ingest.cleaning import split_at_page_footers, strip_page_furniture

from .conftest import DATA, CountTokens, ingest_one

LONG = (
    "          Township of Cedar Falls – Regular Council Minutes – June 19, 2018        Page 1 of 2"
)


def test_a_long_running_footer_ending_in_page_n_of_m_cuts_and_is_dropped() -> None:
    text = f"DEFEATED\n\n{LONG}\n\n6.    BY-LAWS\n\nBy-law 2018-33 was passed."
    pages = split_at_page_footers(text)
    assert len(pages) == 2 and pages[0].rstrip().endswith("Page 1 of 2")
    kept = "\n".join(strip_page_furniture(pages))
    assert "Township of Cedar Falls" not in kept and "DEFEATED" in kept and "BY-LAWS" in kept


@pytest.mark.parametrize(
    "line",
    [
        # a sentence that names a page, not set apart: text
        "The report at page 3 of 12 sets out the options for the Regular Council Minutes of June",
        # the running title without its page number: no footer by this rule
        "Township of Cedar Falls – Regular Council Minutes – June 19, 2018 – Draft for approval",
    ],
)
def test_lines_that_are_no_long_footer_stay(line: str) -> None:
    assert strip_page_furniture([f"Text.\n{line}\nMore text."])[0].count(line) == 1


def test_the_canadian_minutes_keep_no_footer_in_any_passage(
    count_tokens: CountTokens, tmp_path: Path
) -> None:
    parsed = ingest_one(DATA / "foreign7" / "ca_township_2018-06-19.txt", tmp_path, count_tokens)
    texts = [c.text for c in parsed.chunks]
    assert not any("Page 1 of 2" in t or "Page 2 of 2" in t for t in texts), texts
    assert not any("Regular Council Minutes –" in t for t in texts), texts
    assert any(t.rstrip().endswith("DEFEATED") for t in texts), texts
