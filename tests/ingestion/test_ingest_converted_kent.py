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
    return chunk_units(build_units(paras, converted=True), count_tokens, 240, 40)


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


# The first two pages of Kent's Finance Monitoring Report, Quarter 3 2024-25 (Cabinet,
# 30 January 2025), converted the same way: a contact list under a bold "Contact
# Details" line, then a contents table.
REPORT = DATA / "kent_finance_monitoring_2024-25_q3_pymupdf4llm.md"


def test_a_contact_line_is_never_a_section_title(count_tokens: CountTokens) -> None:
    paras = clean(read_file(REPORT, REPORT.read_bytes()))
    chunks = chunk_units(build_units(paras, converted=True), count_tokens, 240, 40)
    titles = {c.item_title for c in chunks}
    assert "Contact Details" in titles
    assert not any(t and ("@" in t or "03000" in t) for t in titles), titles
    contact = next(c for c in chunks if "cath.head@kent.gov.uk" in c.text)
    assert contact.item_title == "Contact Details"


# Three pages (8, 12-13, 15-16) of Kent's printed Cabinet minutes of 30 January 2025,
# converted the same way: superscript ordinals as "27 [th]", sub-bullets the converter
# wrote as inline code ("`o` Windsor and Maidenhead, 25%"), lettered resolutions whose
# first line stands apart.
CABINET = DATA / "kent_cabinet_2025-01-30_pymupdf4llm.md"


def _cabinet_paras() -> list[str]:
    return [p.text for p in clean(read_file(CABINET, CABINET.read_bytes()))]


def test_superscript_ordinals_join_their_number() -> None:
    paras = _cabinet_paras()
    assert "- Changes to wellbeing services \u2013 26 November to 27th January 2025" in paras
    assert not any("[th]" in p or "[st]" in p for p in paras)


def test_a_bullet_written_as_inline_code_is_a_bullet() -> None:
    paras = _cabinet_paras()
    assert "- Windsor and Maidenhead, 25%" in paras
    assert "- Hampshire, 15 %" in paras
    assert not any("`" in p for p in paras)


def test_a_lettered_resolution_goes_on_after_its_first_line() -> None:
    paras = _cabinet_paras()
    assert (
        "(a) Adopt the Integrated Care Strategy Delivery Plan on behalf of Kent County Council"
        in paras
    )
    assert any(
        p.startswith(
            "(b) Delegate authority to the Director of Public Health in consultation with the "
            "Cabinet Member for Adult Social Care"
        )
        for p in paras
    )
