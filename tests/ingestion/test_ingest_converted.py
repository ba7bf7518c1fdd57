"""Text converted from PDFs, as councils publish it: wrapped lines as paragraphs, Markdown
markers, running headers and footers. Each rule on a small text, then a whole converted
minutes file (`tests/data/ingestion/converted_minutes.txt`: pages 1-4 of Kent County
Council's printed minutes of 13 February 2025, as a PDF-to-Markdown converter gives them,
every wrapped line its own paragraph; the Council Tax table, its source line and its
footnote were added for this test and are illustrative, not Kent's figures)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from indexer.ingest import discover, ingest_file
from indexer.ingest.chunking import chunk_units, sentences, split_text
from indexer.ingest.cleaning import (
    clean,
    demarkdown,
    paragraphs_from_pages,
    squash,
    strip_emphasis,
    strip_link_noise,
    strip_page_furniture,
)
from indexer.ingest.readers import read_file
from indexer.ingest.structure import Unit, build_units
from indexer.models import Chunk, ParsedDocument

from .conftest import CORPUS, DATA, CountTokens


def _texts(page: str) -> list[str]:
    return [p.text for p in paragraphs_from_pages([page], paged=False)]


def _spaced(*lines: str) -> str:
    """Lines as a converter gives them: each one a paragraph, a blank line between."""
    return "\n\n".join(lines) + "\n"


# -- 1. wrapped lines are paragraphs again -----------------------------------------------


def test_wrapped_lines_given_as_paragraphs_are_one_paragraph() -> None:
    page = _spaced(
        "Waste Services Contract",
        "The Cabinet Member for Environment introduced the report on the waste collection",
        "service. The council agreed to extend the",
        "cleaning contract for a further two years, subject to a review of performance in",
        "Members asked how the contractor had performed against its targets. The Head of",
        "Waste Services said that missed collections had fallen for the third year running",
        "and were now below the national average.",
        "41.4 In response to questions the Director said that recruitment remained difficult",
        "in the east of the county.",
        "(a) to extend the contract to 31 March 2027;",
        "(b) to report progress to the committee in the autumn.",
        "1. Street cleansing",
        "- Litter bins to be emptied weekly in town centres",
        "- Fly-tipping reports answered within two working days",
        "RESOLVED that the report be noted.",
    )
    assert _texts(page) == [
        "Waste Services Contract",
        "The Cabinet Member for Environment introduced the report on the waste collection "
        "service. The council agreed to extend the cleaning contract for a further two years, "
        "subject to a review of performance in Members asked how the contractor had performed "
        "against its targets. The Head of Waste Services said that missed collections had "
        "fallen for the third year running and were now below the national average.",
        "41.4 In response to questions the Director said that recruitment remained difficult "
        "in the east of the county.",
        "(a) to extend the contract to 31 March 2027;",
        "(b) to report progress to the committee in the autumn.",
        "1. Street cleansing",
        "- Litter bins to be emptied weekly in town centres",
        "- Fly-tipping reports answered within two working days",
        "RESOLVED that the report be noted.",
    ]


def test_real_paragraph_breaks_stay_in_spaced_text() -> None:
    page = _spaced(
        "The committee noted the report and thanked officers for the work that had gone into",
        "it over the year.",
        "Councillor Patel asked when the consultation on the new library opening hours would",
        "close. The Cabinet Member said it would close at the end of March.",
        "Minutes of the Previous Meeting",
        "The minutes of the meeting held on 12 March 2019 were agreed as a correct record.",
    )
    assert _texts(page) == [
        "The committee noted the report and thanked officers for the work that had gone into "
        "it over the year.",
        "Councillor Patel asked when the consultation on the new library opening hours would "
        "close. The Cabinet Member said it would close at the end of March.",
        "Minutes of the Previous Meeting",
        "The minutes of the meeting held on 12 March 2019 were agreed as a correct record.",
    ]


def test_line_ending_mid_clause_joins_a_capitalised_continuation() -> None:
    # Kent's printed minutes of 13 February 2025, as PDFium gives them (one block).
    page = (
        "The Democratic Services Manager reported apologies from Mr Paul Barrington-King, "
        "Mr Conrad Broadley, Mr Tom Cannon, Mr Nigel Collor, Mr Derek Crow-Brown, Mrs Trudy "
        "Dean, MBE, Ms Jenni Hawkins, Mrs Sarah Hudson, Mr Jeremy\n"
        "Kite, MBE, Mr Thomas Mallon, Mrs Margot McArthur, Mr James McInroy, Mr Mike\n"
        "Sole, Ms Lottie Parfitt and Mr Charlie Simkins.\n"
    )
    (paragraph,) = _texts(page)
    assert "Mr Mike Sole, Ms Lottie Parfitt" in paragraph
    # Over a blank line, and over a word split by a hyphen before a capital.
    assert _texts(
        _spaced(
            "apologies from Mr Paul Barrington-", "King, Mr Conrad Broadley and Mr", "Tom Cannon."
        )
    ) == ["apologies from Mr Paul Barrington-King, Mr Conrad Broadley and Mr Tom Cannon."]


def test_a_bullet_the_converter_wrapped_goes_on_over_a_capital(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # Kent's Minerals and Waste Local Plan adoption report (Cabinet, 4 March 2025), as
    # pymupdf4llm gives it: a bullet's wrapped lines set apart by blank lines, the second
    # opening on a name ("... consistency with" / "" / "Environment Agency requirements").
    source = DATA / "kent_minerals_adoption_bullets_pymupdf4llm.md"
    shutil.copy(source, tmp_path / source.name)
    ((doc),) = [ingest_file(s, count_tokens) for s in discover(tmp_path)]
    lines = [line for c in doc.chunks for line in c.text.split("\n")]
    assert (
        "- Updates to Policy DM10 to ensure consistency with Environment Agency requirements "
        "concerning the protection of the water environment;" in lines
    ), lines
    # The numbered paragraph after the list is a passage of its own, not the bullet's.
    last = doc.chunks[-1]
    assert last.paragraph == "2.3"
    assert last.text.startswith("The modifications are taken into account")


@pytest.mark.parametrize("heading", ["## Revenue Monitoring", "**Revenue Monitoring**"])
def test_a_bullet_cut_short_before_a_marked_heading_stays_cut(heading: str) -> None:
    # A converted bullet ending on a function word, then a heading the converter marks.
    page = demarkdown(_spaced("- Members asked about the", heading, "The report was noted."))
    assert [p.text for p in paragraphs_from_pages([page], paged=False, converted=True)] == [
        "- Members asked about the",
        "Revenue Monitoring",
        "The report was noted.",
    ]


def test_a_heading_after_a_cut_short_paragraph_stays_a_heading() -> None:
    # Seed 001: ModernGov cuts 41.6 short ("... would be able to"), the next item follows.
    paragraph = next(
        squash(strip_link_noise(line))
        for line in (CORPUS / "001_3bf3cecc07ef430f.txt").read_text().split("\n")
        if line.startswith("41.6")
    )
    assert paragraph.endswith("would be able to")
    page = (
        f"{paragraph}\n\n\n"
        "Improvement Partner - Quarterly Performance Review Report\n\n\n"
        "42.1 The committee noted that the issues highlighted in this report had also been "
        "reflected in the Ofsted monitoring visit letter.\n"
    )
    texts = _texts(page)
    assert texts[1] == "Improvement Partner - Quarterly Performance Review Report"
    assert len(texts) == 3


# -- 3. Markdown and converter artefacts -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("***RESOLVED** that the report be noted.", "RESOLVED that the report be noted."),
        ("**The council agreed** to *extend* the", "The council agreed to extend the"),
        ("***Agreed***", "Agreed"),
        ("__Decision__ and _noted_ here", "Decision and noted here"),
        ("bold run opens here **and", "bold run opens here and"),
        ("closes on the next line** then", "closes on the next line then"),
        # real content stays
        ("The scheme cost £5m* in total.", "The scheme cost £5m* in total."),
        ("*Figures exclude schools.", "*Figures exclude schools."),
        ("a * b = c", "a * b = c"),
        ("see file budget_2025_final.xlsx", "see file budget_2025_final.xlsx"),
        (r"an escaped \*star\* stays", "an escaped *star* stays"),
    ],
)
def test_emphasis_markers_go_and_real_asterisks_stay(line: str, expected: str) -> None:
    assert strip_emphasis(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # lines of Kent's converted papers (pymupdf4llm), as `make eval-converted` has them
        (  # each line of a table cell is emphasised on its own; bold glued to the next word
            "|**Understanding our Communities**Through community engagement officers, getting"
            " to<br>know our communities to inform targeted prevention interventions.|"
            "Innovation and<br>Partnerships Team|Ongoing|",
            "Understanding our Communities Through community engagement officers, getting to "
            "know our communities to inform targeted prevention interventions. | Innovation "
            "and Partnerships Team | Ongoing",
        ),
        (  # a closing mark after a space, at a cell line's end
            "|**12. Have you consulted with**<br>**Stakeholders? **<br>_Answer: Yes/No _<br>"
            "_Stakeholders are those who have a_<br>_stake or interest in your project which_"
            "<br>|Yes|",
            "12. Have you consulted with Stakeholders? Answer: Yes/No Stakeholders are those "
            "who have a stake or interest in your project which | Yes",
        ),
        (  # bold italic written with an underscore outside
            "The current Financial Regulations state: _**Maintenance of reserves & provisions**_",
            "The current Financial Regulations state: Maintenance of reserves & provisions",
        ),
        (  # italic around a footnote's own asterisk: the asterisk stays
            "_*FTE is as per December 2024 data_",
            "*FTE is as per December 2024 data",
        ),
        (
            "Almost a third of Kent is protected by two**National Landscapes (formerly known"
            " as**Areas of Outstanding Natural Beauty",
            "Almost a third of Kent is protected by two National Landscapes (formerly known"
            " as Areas of Outstanding Natural Beauty",
        ),
        (  # struck-through words stay, as the page shows them
            "minerals for cement during the plan period,~~through identifying sufficient "
            "sites~~ by maintaining a stock of permitted reserves",
            "minerals for cement during the plan period,through identifying sufficient "
            "sites by maintaining a stock of permitted reserves",
        ),
        ("|~~CYPE~~|~~CYPE /~~ ~~DCED~~|", "CYPE | CYPE / DCED"),
    ],
)
def test_converted_emphasis_leaves_no_markers(line: str, expected: str) -> None:
    """pymupdf4llm's emphasis in tables and tracked changes: no "**", "_" or "~~" is left
    for a quoted answer to show, and no word is lost."""
    assert squash(demarkdown(line)) == expected


def test_markdown_headings_bullets_tables_links_and_rules() -> None:
    text = (
        "## **Minutes of the Previous Meeting**\n"
        "* The Leader welcomed [the report](https://example.org/report.pdf).\n"
        "+ Members noted it.\n"
        "![logo](image1.png)<!-- image -->\n"
        "| Band | 2025-26 £ |\n| --- | ---: |\n| D | 1,724.49 |\n"
        "-----\n"
        "Next page\n"
    )
    assert demarkdown(text).split("\n") == [
        "",
        "\ue001Minutes of the Previous Meeting",
        "",
        "- The Leader welcomed the report.",
        "- Members noted it.",
        "",
        "Band | 2025-26 £",
        "",
        "D | 1,724.49",
        "\f",
        "Next page",
        "",
    ]
    # A heading stands alone: the wrapped-line rule never glues it to its neighbours.
    paras = _texts(
        demarkdown(_spaced("The council agreed to extend the", "## Decisions of the", "Cabinet"))
    )
    assert paras == ["The council agreed to extend the", "Decisions of the Cabinet"] or paras == [
        "The council agreed to extend the",
        "Decisions of the",
        "Cabinet",
    ]


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    pages = [
        f"Full Council - 12 March 2019\n\n{body}\n\nMotion carried.\n\nPage {n} of 4\n"
        for n, body in enumerate(
            ["First page text.", "Second page text.", "Third page text.", "Fourth."], start=1
        )
    ]
    cleaned = strip_page_furniture(pages)
    assert "Full Council - 12 March 2019" in cleaned[0]  # the first copy: often the title
    assert all("Full Council - 12 March 2019" not in page for page in cleaned[1:])
    assert all("Page" not in page for page in cleaned)
    # A line of the body that recurs is not furniture, even at a page's edge.
    assert all("Motion carried." in page for page in cleaned)
    assert [p.text for p in paragraphs_from_pages(cleaned, paged=True)].count(
        "Motion carried."
    ) == 4


# -- the whole converted minutes file ----------------------------------------------------


@pytest.fixture(scope="module")
def converted(
    count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory
) -> ParsedDocument:
    folder = tmp_path_factory.mktemp("converted")
    shutil.copy(DATA / "converted_minutes.txt", folder / "converted_minutes.txt")
    (source,) = discover(folder)
    return ingest_file(source, count_tokens)


def test_converted_minutes_read_as_the_printed_minutes(converted: ParsedDocument) -> None:
    assert converted.meta.committee == "County Council"
    assert converted.meta.meeting_date == date(2025, 2, 13)
    titles: dict[str, str | None] = {}
    for chunk in converted.chunks:
        if chunk.item:
            titles.setdefault(chunk.item, chunk.item_title)
    assert titles == {
        "286": "Apologies for Absence",
        "287": "Declarations of Disclosable Pecuniary Interests or Other Significant "
        "Interests in items on the agenda",
        "288": "Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in "
        "order, to be approved as a correct record",
        "289": "Chairman's Announcements",
        "290": "Section 25 Report",
        "291": "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax "
        "Setting 2025/26)",
    }


def test_converted_minutes_keep_whole_sentences_and_no_markers(
    converted: ParsedDocument,
) -> None:
    texts = [c.text for c in converted.chunks]
    joined = "\n".join(texts)
    for sentence in (
        "The Democratic Services Manager reported apologies from Mr Paul Barrington-King, "
        "Mr Conrad Broadley, Mr Tom Cannon, Mr Nigel Collor, Mr Derek Crow-Brown,",
        "Mr James McInroy, Mr Mike Sole, Ms Lottie Parfitt and Mr Charlie Simkins.",
        "RESOLVED that the minutes of the meetings held on 19 December 2024 and 9 January "
        "2025 be approved as a correct record.",
        "He noted that the total of all the revenue amendments for 2025/2026 amounted to 0.4% "
        "of the overall budget.",
        "(f) The total Council Tax requirement of £994,287,655 to be raised through precepts "
        "on districts as set out in section 6.6 (table 6.2) in the final draft report "
        "published on 5th February 2025.",
        "(d) The directorate revenue budget proposals for 2025-26 and the medium term financial "
        "plan as set out in appendices D (high level county 3 year plan) E (high level",
    ):
        assert any(sentence in t for t in texts), sentence
    assert "**" not in joined and "#" not in joined and "\ue001" not in joined
    assert "Page 2 of 12" not in joined and "-----" not in joined
    assert joined.count("County Council - 13 February 2025") <= 1
    # the footnote keeps its asterisk, on a line of its own
    assert any(t.startswith("*Band rates") or "\n*Band rates" in t for t in texts)


def test_converted_minutes_titles_never_come_from_stray_lines(converted: ParsedDocument) -> None:
    for chunk in converted.chunks:
        title = chunk.item_title or ""
        assert "Mr " not in title and "Source" not in title and "|" not in title, title
    text = "\n".join(c.text for c in converted.chunks)
    # The lines that are not titles are kept as text.
    assert "Mr B Lewis, Mr D Ross" in text
    assert "Source: KCC Finance, final draft budget report, 5 February 2025" in text
    assert "Band Proportion of Band D 2025-26 £ Change %" in text


# -- 2. passage boundaries fall between sentences ----------------------------------------

KENT_BOUNDARY_SAMPLE = [
    "full_council/2025-02-13/Printed minutes 13th-Feb-2025 09.30 County Council.pdf",
    "full_council/2025-03-13/Minutes of Previous Meeting.pdf",
    "cabinet/2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
    "cabinet/2025-01-30/Appendix L - Treasury Management Strategy 2025-26.pdf",
    "full_council/2025-03-13/Appendix 2 - Call-in submission 24-00093 Seashells and Millmead.pdf",
    "full_council/2025-02-13/Council Covering Report 2025-26 Budget - FINAL.pdf",
    "cabinet/2025-01-30/24-00096 - EQIA.pdf",
]
_ENDS_SENTENCE = re.compile(r"[.!?:;\u2026][\"'\u2019\u201d)\]]*$")


def _mid_sentence_starts(
    units: list[Unit], chunks: list[Chunk], count_tokens: CountTokens, max_tokens: int
) -> list[str]:
    """Passages that start inside a sentence of a paragraph, the sentence being short
    enough to have fitted whole: the boundary had a choice and took a bad one."""
    bad: list[str] = []
    for unit in units:
        for chunk in chunks:
            start = chunk.text.split("\n")[0]
            if len(start) < 20 or any(u.text.startswith(start) for u in units):
                continue  # too short to place ("For (57)"), or it opens a paragraph
            at = unit.text.find(start)
            if at <= 0 or unit.text[:at].rstrip() == unit.text[:at]:
                continue  # not inside this paragraph, or a word-internal coincidence
            before = unit.text[:at].rstrip()
            if _ENDS_SENTENCE.search(before):
                continue
            # The sentence that holds the boundary: from the stop before to the stop after.
            head = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
            tail = re.search(r"[.!?](?=\s|$)", unit.text[at:])
            sentence = unit.text[head + 1 : at + (tail.end() if tail else len(unit.text))]
            if count_tokens(sentence) <= max_tokens:
                bad.append(f"{start[:60]!r} after {before[-60:]!r}")
    return bad


def _units_and_chunks(
    path: Path, count_tokens: CountTokens, max_tokens: int
) -> tuple[list[Unit], list[Chunk]]:
    units = build_units(clean(read_file(path, path.read_bytes())))
    return units, chunk_units(units, count_tokens, max_tokens, 40)


@pytest.mark.parametrize("max_tokens", [240, 80])
def test_no_seed_passage_starts_mid_sentence(count_tokens: CountTokens, max_tokens: int) -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        units, chunks = _units_and_chunks(path, count_tokens, max_tokens)
        assert _mid_sentence_starts(units, chunks, count_tokens, max_tokens) == [], path.name
        if max_tokens == 240:  # no seed sentence is longer: no fallback cut to allow for
            # and no passage opens in lower case (a paragraph cut mid-sentence by cleaning)
            for chunk in chunks:
                assert not chunk.text[:1].islower(), (path.name, chunk.text[:80])


def test_no_kent_passage_starts_mid_sentence(archives: Path, count_tokens: CountTokens) -> None:
    for relative in KENT_BOUNDARY_SAMPLE:
        units, chunks = _units_and_chunks(archives / "kent" / relative, count_tokens, 240)
        assert _mid_sentence_starts(units, chunks, count_tokens, 240) == [], relative


def test_the_check_finds_a_passage_cut_inside_a_sentence(count_tokens: CountTokens) -> None:
    # The property check above can fail: a paragraph cut by words is caught.
    text = "The council agreed to extend the cleaning contract for a further two years. " * 3
    unit = Unit(text.strip(), None, "1", None, None, None, 1, False)
    pieces = ["The council agreed to extend", unit.text[29:]]
    cut = [Chunk(text=t, ordinal=i) for i, t in enumerate(pieces)]
    assert _mid_sentence_starts([unit], cut, count_tokens, 240)


def test_split_falls_only_at_sentence_ends(count_tokens: CountTokens) -> None:
    text = (
        "Mr. J. Smith, the Head of Finance, said the overspend (see para. 4) was £5.2m, e.g. "
        "in placements. The council agreed to extend the cleaning contract for a further two "
        "years; members asked for a review. Was the target met? It was met in 2019. "
    ) * 6
    parts = split_text(text.strip(), count_tokens, 60)
    assert len(parts) > 2 and all(count_tokens(p) <= 60 for p in parts)
    assert " ".join(parts) == text.strip()
    for part in parts:
        assert part.startswith(("Mr. J. Smith", "The council", "Was the", "It was")), part
        assert part.endswith((".", "?")), part
    assert sentences("Mr. J. Smith spoke, e.g. on costs. It was £5.2m.") == [
        "Mr. J. Smith spoke, e.g. on costs.",
        "It was £5.2m.",
    ]


def test_a_sentence_over_the_budget_is_cut_at_clause_breaks_then_words(
    count_tokens: CountTokens,
) -> None:
    # The one place a boundary may fall inside a sentence: the sentence alone is too long.
    clauses = "; ".join(
        f"the {n}th ward to receive new bins, recycling and food caddies" for n in range(4, 40)
    )
    sentence = f"The council agreed the roll-out: {clauses}."
    assert count_tokens(sentence) > 240
    parts = split_text(sentence, count_tokens, 240)
    assert len(parts) >= 2 and all(count_tokens(p) <= 240 for p in parts)
    assert " ".join(parts) == sentence  # nothing lost
    assert all(p.endswith((";", ".")) for p in parts)  # cut at "; ", not inside a clause
    # No clause punctuation at all: cut between words, still within the budget.
    words = " ".join(["caseload"] * 400)
    parts = split_text(words, count_tokens, 240)
    assert all(count_tokens(p) <= 240 for p in parts) and " ".join(parts) == words
