"""Reader defects found in the Kent papers (round 17): each test reads a real Kent PDF from
the shared archive, or its pymupdf4llm conversion in tests/data, and fails on the rules
before the fix."""

from __future__ import annotations

from pathlib import Path

from indexer.ingest import discover, ingest_file
from indexer.ingest.chunking import chunk_units
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import RawDocument, read_file
from indexer.ingest.structure import build_units
from indexer.models import Chunk

from .conftest import DATA, CountTokens

COUNCIL = "full_council/2025-03-13"


def _chunks(archives: Path, relative: str, count_tokens: CountTokens) -> list[Chunk]:
    (source,) = [s for s in discover(archives / "kent") if s.relative_path == relative]
    return ingest_file(source, count_tokens).chunks


def _converted(path: Path, count_tokens: CountTokens) -> list[Chunk]:
    paras = clean(read_file(path, path.read_bytes()))
    return chunk_units(build_units(paras, converted=True), count_tokens, 240, 40)


def _text(chunks: list[Chunk]) -> str:
    return "\n".join(c.text for c in chunks)


_HEADER = "Non-Technical Summary of the Kent Minerals and Waste Local Plan 2024-2039 | SR1"


def test_a_long_running_header_goes_and_the_sentence_its_page_break_cut_reads_whole(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The plan's summary heads every page with its 18-word title, version and date
    # ("... 2024-2039 | SR1 | 21/02/2025 8"): longer than a short footer, it stayed, glued
    # into the sentence its page break cut ("... in the development" / header /
    # "management policy on biodiversity").
    relative = (
        f"{COUNCIL}/Appendix D - Kent Minerals and Waste Local Plan - Non-Technical summary.pdf"
    )
    text = _text(_chunks(archives, relative, count_tokens))
    assert _HEADER not in text
    assert (
        "without inclusion of National Nature Reserves in the development management "
        "policy on biodiversity."
    ) in text
    assert "most of the remainder is incinerated with energy recovery." in text
    # The same pages as pymupdf4llm converts them: the header closes each page before
    # the converter's rule.
    converted = _text(_converted(DATA / "kent_minerals_nts_pymupdf4llm.md", count_tokens))
    assert _HEADER not in converted
    assert "there are no areas likely to be significantly affected." in converted


def test_a_table_of_contents_is_no_passage(archives: Path, count_tokens: CountTokens) -> None:
    # "Kent Events ........ 11": dot leaders and page numbers, a passage that matches a
    # question naming any section and answers none.
    chunks = _chunks(
        archives, f"{COUNCIL}/Appendix 1 - Kent CMPB 2024 Annual Report.pdf", count_tokens
    )
    assert not any("....." in c.text for c in chunks)
    text = _text(chunks)
    assert "TABLE OF CONTENTS" not in text
    assert "Chairman\u2019s Forword" in text  # the section itself is still read


def test_a_converted_table_of_contents_is_no_passage(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # As pymupdf4llm writes them: plain lines, a title wrapped before its leader, and a
    # table's rows ("3a | Adult Social Care ....... 8").
    path = tmp_path / "report.md"
    path.write_text(
        "## Contents\n\n"
        "Chairman\u2019s Forword ........................................ 3\n\n"
        "Kent & Medway Civilian-Military\n"
        "Partnership Board ........................................ 6\n\n"
        "|3a | Adult Social Care & Health including Public Health ...............|8|\n"
        "|---|---|---|\n\n"
        "-----\n\n"
        "## Chairman\u2019s Forword\n\n"
        "When I became Chairman of Kent and Medway CMPB last May, I had no idea just how "
        "much I was going to enjoy this new role.\n",
        encoding="utf-8",
    )
    text = _text(_converted(path, count_tokens))
    assert "Partnership Board" not in text and "Adult Social Care" not in text, text
    assert "When I became Chairman of Kent and Medway CMPB last May" in text


def test_a_pdfium_line_end_hyphen_stays_unless_the_word_is_written_joined(
    archives: Path, count_tokens: CountTokens
) -> None:
    # PDFium gives "two\ufffe" + "runway": the hyphen of a compound the document writes
    # only here, which read "tworunway".
    text = _text(
        _chunks(
            archives, f"{COUNCIL}/Questions put and answers given - March 2025.pdf", count_tokens
        )
    )
    assert "a two-runway airport" in text and "tworunway" not in text
    # A word the document also writes joined loses the hyphen, and so does a word cut
    # where neither part is a word the document writes (a syllable break), as before.
    page = (
        "Two airports, one runway each: an undeliverable plan.\n\n"
        "The saving was un\ufffedeliverable; a two\uffferunway airport; a recom\ufffemendation.\n"
    )
    paras = clean(RawDocument(format="pdf", pages=[page], paged=True))
    assert paras[-1].text == (
        "The saving was undeliverable; a two-runway airport; a recommendation."
    )


def test_a_table_cell_starting_with_a_decimal_is_no_paragraph_number(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The primary schools' row "6.3FE 14.3FE 14FE": "6.3" was taken for a paragraph
    # number, so the row no longer added up to its total of 44.9FE.
    relative = (
        "cabinet/2025-01-30/24-00096 - Commissioning Plan for Education Provision in Kent "
        "2025-29 - Report.pdf"
    )
    chunks = _chunks(archives, relative, count_tokens)
    (row,) = [c for c in chunks if "14.3FE" in c.text]
    assert "6.3FE 14.3FE 14FE" in row.text and row.paragraph != "6.3"


_NTS = f"{COUNCIL}/Appendix D - Kent Minerals and Waste Local Plan - Non-Technical summary.pdf"


def test_a_table_of_contents_without_leaders_is_no_passage(
    archives: Path, count_tokens: CountTokens
) -> None:
    # Round 18: "1.1. Background 3" / "1.2. What is the plan seeking to achieve? 3" /
    # ... / "Table 2 Effect Symbols 15", with no dot leaders, were a dozen one-line
    # passages ("background 3", "methodology 14").
    chunks = _chunks(archives, _NTS, count_tokens)
    texts = [c.text for c in chunks]
    assert not any(t in ("Background 3", "Methodology 14") for t in texts), texts[:20]
    assert "Table 2 Effect Symbols 15" not in _text(chunks)
    # The sections themselves are still read, headed by their titles.
    assert any(t.startswith("Amey is commissioned to undertake Sustainability") for t in texts)
    assert any("What is the plan seeking to achieve?" in t for t in texts)


def test_a_converted_table_of_contents_without_leaders_is_no_passage(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # The same page as pymupdf4llm converts it: bold marks, blank lines between entries.
    path = tmp_path / "nts.md"
    path.write_text(
        "### **Contents**\n\n**1. Non-Technical Summary** **3**\n\n\n1.1. Background 3\n\n\n"
        "1.2. What is the plan seeking to achieve? 3\n\n\n1.11. Methodology 14\n\n"
        "### **Tables**\n\n\nTable 1 SA Framework 9\n\n\nTable 2 Effect Symbols 15\n\n"
        "-----\n\n# **1. Non-Technical Summary**\n\n### **1.1. Background**\n\n"
        "Amey is commissioned to undertake Sustainability Appraisal (SA) in support of the "
        "preparation of updates to the Kent Minerals and Waste Local Plan (KMWLP).\n\n"
        "### **1.2. What is the plan seeking to achieve?**\n\n"
        "The KMWLP was originally adopted in July 2016.\n\n### **1.11. Methodology**\n\n"
        "The SA was undertaken in stages.\n\n**Table 1 SA Framework**\n",
        encoding="utf-8",
    )
    texts = [c.text for c in _converted(path, count_tokens)]
    assert not any(t.endswith((" 3", " 14", " 15")) for t in texts), texts
    assert any("Amey is commissioned to undertake" in t for t in texts), texts


def test_a_label_and_its_value_is_no_passage_of_its_own(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The summary's document control sheet: three signatories' "Date: 21/02/2025", each
    # after a name read as a heading, were three passages that carry no sentence.
    chunks = _chunks(archives, _NTS, count_tokens)
    assert not [c.text for c in chunks if c.text.startswith("Date: 21/02/2025")]
    assert "Date: 21/02/2025" in _text(chunks)  # joined to its neighbour, not lost


def test_a_decimal_after_a_line_cut_mid_clause_is_the_sentences_figure(
    archives: Path, count_tokens: CountTokens
) -> None:
    # "... over a 15 year Plan period (2024 – 2039) is" / "3.872 Million tonnes (Mt) ...":
    # the decimal was read as paragraph 3.872 and the sentence lost its figure.
    relative = (
        "cabinet/2025-03-04/APPENDIX A - Planning Inspectors Report on the Examination of "
        "the KMWLP 2024-39.pdf"
    )
    chunks = _chunks(archives, relative, count_tokens)
    text = _text(chunks)
    assert "(2024 \u2013 2039) is 3.872 Million tonnes (Mt) which includes" in text
    assert "a required 7-year landbank of 3.325 Mt maintained" in text
    assert not any(c.paragraph in ("3.872", "3.325") for c in chunks)


def test_a_table_header_word_broken_without_a_hyphen_is_rejoined(
    archives: Path, count_tokens: CountTokens
) -> None:
    # PDFium breaks a narrow header cell's words with no hyphen: "Revenu" / "e" /
    # "Budget", "Forecas" / "t", read as "revenu e budget revenu e forecas t".
    relative = "cabinet/2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"
    text = _text(_chunks(archives, relative, count_tokens))
    assert "Revenu e" not in text and "Forecas t" not in text
    assert "Revenue Budget" in text and "Revenue Forecast" in text


def test_an_email_address_broken_at_its_domain_reads_whole(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The cabinet frontsheet: "georgina.little@kent" / ".gov.uk" read with a space.
    (relative,) = [
        s.relative_path
        for s in discover(archives / "kent")
        if s.relative_path.startswith("cabinet/2025-03-04/Agenda frontsheet")
    ]
    text = _text(_chunks(archives, relative, count_tokens))
    assert "georgina.little@kent.gov.uk" in text
    assert "@kent .gov.uk" not in text


# Round 19 (r19-read).

_FRONTSHEET = f"{COUNCIL}/Agenda frontsheet 13th-Mar-2025 10.00 County Council.pdf"


def test_an_agendas_page_range_is_no_part_of_a_title_or_a_line(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The frontsheet prints each item's place in the pack, "(Pages 1 - 14)": it closed
    # item titles ("Motion for Time Limited Debate (Pages 341 - 342)") and agenda lines
    # read as text, and stood beside an item's other text.
    chunks = _chunks(archives, _FRONTSHEET, count_tokens)
    assert not any("(Pages" in (c.item_title or "") for c in chunks)
    titles = {c.item_title for c in chunks}
    assert "Motion for Time Limited Debate" in titles
    lines = [line for c in chunks for line in c.text.split("\n")]
    assert "See supplement pack published alongside the main agenda" in lines
    # A range that is all an item's text stays: the item keeps its passage and title.
    assert not any(
        "(Pages" in line and line != "(Pages 1 - 14)" and line != "(Pages 15 - 30)"
        for line in lines
    )
    assert (
        "Minutes of the meeting held on 13 February 2025 and, if in order, to be approved as a "
        "correct record" in titles
    )
    cabinet = "cabinet/2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"
    text = _text(_chunks(archives, cabinet, count_tokens))
    assert "(Pages" not in text


_INSPECTOR = (
    f"{COUNCIL}/APPENDIX A - Planning Inspectors Report on the Examination of the KMWLP 2024-39.pdf"
)


def test_a_footnote_mark_glued_to_a_word_goes_where_the_document_prints_the_footnote(
    archives: Path, count_tokens: CountTokens
) -> None:
    # PDFium reads a superscript mark as a digit glued to the word: "For major
    # developments71 the above should be demonstrated", and "developments" was no word
    # a search could match there. The report prints footnote 71 ("71 Development
    # requiring a Circular Economy Statement ...").
    text = _text(_chunks(archives, _INSPECTOR, count_tokens))
    assert "For major developments the above should be demonstrated" in text
    assert "developments71" not in text
    assert "71 Development requiring a Circular Economy Statement" in text  # the footnote
    # A number after a label stays, and so does one in a document printing no footnotes.
    ics = "cabinet/2025-01-30/24-00115 - Appendix B - KCC ICS priorities measures.pdf"
    assert "in year1 and 26,937 by year 5" in _text(_chunks(archives, ics, count_tokens))


# Round 20 (r20-read).


def test_a_superscript_footnote_mark_is_no_digit_of_the_number_or_word_it_follows(
    archives: Path, count_tokens: CountTokens
) -> None:
    # PDFium gives a superscript as a plain digit: the summary's "17 of the 38¹
    # indicators" read "17 of the 381 indicators", a figure the paper never states.
    # The mark is set smaller and raised; the reader now tells it by its size and box.
    qpr = "cabinet/2025-03-04/QPR Q3 Cabinet appendix 1.pdf"
    text = _text(_chunks(archives, qpr, count_tokens))
    assert "17 of the 38 indicators" in text
    assert "381" not in text
    # Marks of three digits, which round 19's word rule left ("development104"), and a
    # mark after a closing bracket, go as well.
    inspector = _text(_chunks(archives, _INSPECTOR, count_tokens))
    assert "All development shall achieve" in inspector
    assert "codes of construction practice for large waste developments" in inspector
    assert "(GVA). This" in inspector
    # Digits of the text's own size stay: "year1" is printed so, and a footnote's own
    # number opening its line is no mark glued to anything.
    ics = "cabinet/2025-01-30/24-00115 - Appendix B - KCC ICS priorities measures.pdf"
    assert "in year1 and 26,937 by year 5" in _text(_chunks(archives, ics, count_tokens))
    assert "71 Development requiring a Circular Economy Statement" in inspector


# Round 21 (r21-title).


def test_a_title_block_repeating_the_documents_own_metadata_is_no_passage(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The Kingston petition report opens with its committee and meeting date, "Kingston &
    # North Kingston Neighbourhood Committee / 15 January 2026": alone as a passage it
    # said nothing the passage's metadata does not, and stood in `/ask`'s top five for
    # a third of the Kingston questions, most of them unanswerable.
    (source,) = [
        s for s in discover(archives / "kingston") if s.path.name == "ManorgatePetition.pdf"
    ]
    document = ingest_file(source, count_tokens)
    chunks = document.chunks
    assert document.meta.committee == "Kingston and North Kingston Neighbourhood Committee"
    assert not any(c.text.startswith("Kingston & North Kingston") for c in chunks)
    assert chunks[0].text.startswith("Petition Regarding the Introduction of Traffic")
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    # Words the document says besides its own title stay: the committee's name in a
    # sentence, and the Kent report's "To: County Council – 13 March 2025" goes while a
    # heading with a word of its own ("Proposed Changes to the Constitution") stays.
    assert "Kingston Hill" in _text(chunks)
    devo = _text(
        _chunks(archives, f"{COUNCIL}/Devo and LGR - CC Report March 2025.pdf", count_tokens)
    )
    assert "To: County Council – 13 March 2025" not in devo
    assert "Devolution" in devo
    constitution = _chunks(
        archives, f"{COUNCIL}/Appendix 2 - Constitution changes.pdf", count_tokens
    )
    assert constitution[0].text == "Appendix 2 – Proposed Changes to the Constitution"


# Round 21 (r21-read).


def test_a_footnote_mark_quoted_from_another_document_goes(
    archives: Path, count_tokens: CountTokens
) -> None:
    # The Inspector's modifications quote the plan's text with the plan's footnote marks,
    # printed at the text's size and glued to the word ("aggregates sales data44"); the
    # report does not print the plan's footnote 44, so round 19's rule left the mark.
    text = _text(_chunks(archives, _INSPECTOR, count_tokens))
    assert "rolling average of 10- years aggregates sales data and an assessment" in text
    assert "using best practice techniques ." in text
    assert "data44" not in text and "techniques83" not in text
    # A single digit after a word needs its footnote printed: "year1" is a label.
    ics = "cabinet/2025-01-30/24-00115 - Appendix B - KCC ICS priorities measures.pdf"
    assert "in year1 and 26,937 by year 5" in _text(_chunks(archives, ics, count_tokens))
