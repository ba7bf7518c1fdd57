"""Real council minutes as a PDF-to-Markdown converter gives them: the first three pages
of Kent County Council's printed minutes of 13 February 2025
(../shared/archives/kent/full_council/2025-02-13/), converted with pymupdf4llm 0.3.4 by
`python -m eval.convert` (`**bold**` item numbers and titles wrapped over two lines,
`_(Item 2)_`, hanging-indent numbered paragraphs whose first line the converter sets
apart with a blank line, `-----` between pages)."""

from __future__ import annotations

from indexer.ingest.chunking import chunk_units
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import read_file
from indexer.ingest.structure import build_units
from indexer.models import Chunk

from .conftest import DATA, CountTokens

MINUTES = DATA / "kent_county_council_2025-02-13_pymupdf4llm.md"


def _paras() -> list[str]:
    return [p.text for p in clean(read_file(MINUTES, MINUTES.read_bytes()))]


def _chunks(count_tokens: CountTokens) -> list[Chunk]:
    paras = clean(read_file(MINUTES, MINUTES.read_bytes()))
    return chunk_units(build_units(paras), count_tokens, 240, 40)


def test_a_hanging_indent_first_line_is_not_a_paragraph_of_its_own() -> None:
    # "(2)  The Chairman drew Members' attention to the Section 25 Assurance" / "" /
    # "Statement, as considered under the previous item, ...": one sentence.
    paras = _paras()
    assert (
        "(2) The Chairman drew Members\u2019 attention to the Section 25 Assurance "
        "Statement, as considered under the previous item, reminding them of the agreement "
        "by Council to give it due regard while considering the Budget."
    ) in paras
    assert not any(p.endswith("Section 25 Assurance") for p in paras)


def test_items_keep_their_numbers_and_titles_without_markers(count_tokens: CountTokens) -> None:
    chunks = _chunks(count_tokens)
    titles = {c.item: c.item_title for c in chunks if c.item}
    assert titles == {
        "286": "Apologies for Absence",
        "287": "Declarations of Disclosable Pecuniary Interests or Other Significant "
        "Interests in items on the agenda",
        "288": "Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if "
        "in order, to be approved as a correct record",
        "289": "Chairman's Announcements",
        "290": "Section 25 Report",
        "291": "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax "
        "Setting 2025/26)",
    }
    for chunk in chunks:
        for text in (chunk.text, chunk.item_title or ""):
            assert "**" not in text and "_(" not in text and "-----" not in text, text


def test_a_sentence_over_a_page_separator_is_one_paragraph() -> None:
    # Page 1 ends "... regard to the" and page 2 goes on "contents when making decisions".
    paras = _paras()
    assert any(
        "agree to have due regard to the contents when making decisions about the proposed "
        "budget" in p
        for p in paras
    )
