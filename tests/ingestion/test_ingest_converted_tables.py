"""Tables in Kent's converted papers (pymupdf4llm 0.3.4 via `python -m eval.convert`), as
a quote of a row or a cell is written from the page: cells one after another, a cell's
line cut after a hyphen going on without a space. Fixtures cut from `.cache/converted/kent`:
- `kent_qpr_q3_children_in_care_pymupdf4llm.md`: the Quarterly Performance Report Q3,
  appendix 1 (Cabinet, 4 March 2025), its children-in-care table;
- `kent_health_wellbeing_activity_pymupdf4llm.md`: 24-00115 Appendix A, current health and
  wellbeing activity within KCC (Cabinet, 30 January 2025), two rows of its table;
- `kent_ics_priorities_pymupdf4llm.md`: 24-00115 Appendix B, KCC ICS priorities and
  measures (Cabinet, 30 January 2025), a Public Health table whose sixth column the page
  heads with nothing, so the converter named it "Col6";
- `kent_minerals_nts_pymupdf4llm.md` (see `test_ingest_converted_kent.py`): its "Table 1
  SA Framework" row, headed "Col2", "Col3" by the converter;
- `kent_capital_summary_spanned_pymupdf4llm.md`: Appendix A, Capital Investment Summary
  (Cabinet, 30 January 2025), its first page, where a label spans two columns;
- `kent_budget_amendment_form_pymupdf4llm.md`: the Labour Group's budget amendment form
  (County Council, 13 February 2025), its head, where labels and text span columns;
- `kent_devolution_framework_pymupdf4llm.md`: Appendix B, Devolution Framework summary
  table (County Council, 9 January 2025), its section rows spanning the whole table;
- `kent_resilience_page_broken_pymupdf4llm.md`: Appendix I, Assessment of Financial
  Resilience (County Council, 13 February 2025), a row whose cell runs over a page's foot,
  its cells cut to a few lines each."""

from __future__ import annotations

import re
from pathlib import Path

from eval.matching import supports
from indexer.ingest.cleaning import demarkdown
from indexer.parse_embed import model_inputs

from .conftest import DATA, CountTokens, ingest_one

CHILDREN_IN_CARE = DATA / "kent_qpr_q3_children_in_care_pymupdf4llm.md"
WELLBEING = DATA / "kent_health_wellbeing_activity_pymupdf4llm.md"
ICS_PRIORITIES = DATA / "kent_ics_priorities_pymupdf4llm.md"
MINERALS = DATA / "kent_minerals_nts_pymupdf4llm.md"
CAPITAL_SUMMARY = DATA / "kent_capital_summary_spanned_pymupdf4llm.md"
AMENDMENT_FORM = DATA / "kent_budget_amendment_form_pymupdf4llm.md"
DEVOLUTION = DATA / "kent_devolution_framework_pymupdf4llm.md"
RESILIENCE = DATA / "kent_resilience_page_broken_pymupdf4llm.md"
PLACEHOLDER = re.compile(r"\bCol\d+\b")


def test_a_cell_line_cut_after_a_hyphen_goes_on_without_a_space(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "... to access before and after-<br>school wraparound care (by September 2026)":
    # the converter broke the cell's line after the hyphen the page prints.
    doc = ingest_one(WELLBEING, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    assert "before and after-school wraparound care (by September 2026)" in text
    assert "after- school" not in text
    # "end-of course" is printed within a line and stays as it is; other cell lines
    # still join with a space.
    assert "learner end-of course feedback Refugees will complete" in text


def test_a_converted_table_row_reads_as_the_page_prints_it(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "|Non-UASC|1,466|1,460|1,444|1,434|1,409|": a quote of the row as the page (and the
    # PDF reader) gives it stood in no passage while the cells were joined by " | ".
    doc = ingest_one(CHILDREN_IN_CARE, tmp_path, count_tokens)
    texts = [c.text for c in doc.chunks]
    assert not any(" | " in t for t in texts), texts
    quote = "Non-UASC 1,466 1,460 1,444 1,434 1,409 UASC 531 480 476 555 475"
    assert any(supports(t, quote) for t in texts), texts
    # Each row is still a line of its own, never run into the prose or another row.
    lines = {line for t in texts for line in t.split("\n")}
    assert "Status Dec-23 Mar-24 Jun-24 Sep-24 Dec-24" in lines
    assert "Non-UASC 1,466 1,460 1,444 1,434 1,409" in lines
    assert "Total 1,997 1,940 1,920 1,989 1,884" in lines


def test_the_encoder_still_reads_a_converted_table_row_by_its_cells(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # The bars go from the stored passage only: the encoder's input (every build path's
    # `model_inputs`) keeps the cells separated by " | ", as rows were always embedded.
    doc = ingest_one(CHILDREN_IN_CARE, tmp_path, count_tokens)
    inputs = model_inputs(doc, count_tokens, limit=256)
    row = "Non-UASC | 1,466 | 1,460 | 1,444 | 1,434 | 1,409"
    assert any(row in i for i in inputs), inputs
    assert not any(row in c.text for c in doc.chunks)
    # The prose before the table is embedded as it stands.
    assert any("decreased by 25 in the Quarter to 1,409." in i for i in inputs), inputs


def test_a_converter_placeholder_header_cell_is_an_empty_cell(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "|What we have committed to|Led by|Timescale|Measure|Shared<br>Outcome|Col6|": the
    # page heads the sixth column with nothing; "Col6" is the converter's name for it, not
    # the document's words, so no passage, stored or embedded, holds it.
    doc = ingest_one(ICS_PRIORITIES, tmp_path, count_tokens)
    texts = [c.text for c in doc.chunks]
    inputs = list(model_inputs(doc, count_tokens, limit=256))
    assert not any(PLACEHOLDER.search(t) for t in texts + inputs), texts
    assert not any("\ue002" in t for t in texts + inputs), texts
    # The header's real cells stay, a line of their own, as does every row under it.
    lines = {line for t in texts for line in t.split("\n")}
    assert "What we have committed to Led by Timescale Measure Shared Outcome" in lines
    assert any(
        "What we have committed to | Led by | Timescale | Measure | Shared Outcome Develop" in i
        for i in inputs
    ), inputs
    assert any(line.startswith("Develop a cohesive and realistic ICS Shared") for line in lines)
    # The measure spans two columns; the converter wrote it into both, the page prints it
    # once (`unspanned`).
    assert any(
        line.endswith(
            "HCPs, reducing inequalities in health outcomes "
            "(including coastal communities) CPH March 2026 From developing "
            "Health Inequalities Tracker SO1,SO2,SO 3,SO5"
        )
        for line in lines
    ), lines


def test_a_row_left_with_one_real_cell_stays_a_table_row(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "|Table 1 SA Framework|Col2|Col3|": the caption stays, without the converter's
    # names, and stays a row of the table, never a title over the passages that follow.
    doc = ingest_one(MINERALS, tmp_path, count_tokens)
    texts = [c.text for c in doc.chunks]
    assert not any(PLACEHOLDER.search(t) for t in texts), texts
    lines = {line for t in texts for line in t.split("\n")}
    assert "Table 1 SA Framework" in lines
    assert all(c.item_title != "Table 1 SA Framework" for c in doc.chunks)


def test_a_cell_spanning_columns_is_read_once(tmp_path: Path, count_tokens: CountTokens) -> None:
    # "|7|Borrowing|Borrowing|441,100|<br>74,485|...": pymupdf4llm writes a label merged
    # across two columns into both; the page prints it once, by its figures.
    text = "\n".join(c.text for c in ingest_one(CAPITAL_SUMMARY, tmp_path, count_tokens).chunks)
    assert supports(text, "7 Borrowing 441,100 74,485 45,168"), text
    assert supports(text, "6 Total Cash Limit 2,007,750 588,479 283,067"), text
    assert "Borrowing Borrowing" not in text
    # Equal figures side by side are each printed: "3,994 | 0 | 0" keeps both noughts.
    assert "3,973 1,634 -1,655 3,994 0 0" in text


def test_a_form_row_spanned_by_the_converter_reads_as_the_form(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "|Proposer:|Mr Alister Brady|Seconder:|Seconder:|Mrs Jackie Meade|", and the
    # purpose written five times over, once per column it spans.
    text = "\n".join(c.text for c in ingest_one(AMENDMENT_FORM, tmp_path, count_tokens).chunks)
    assert supports(text, "Proposer: Mr Alister Brady Seconder: Mrs Jackie Meade"), text
    assert text.count("To amend the budget proposed by the Administration") == 1, text
    # A short value is printed in each column it stands in ("All", "TBC", "x").
    assert "Directorate: All All All All" in text


def test_a_section_row_spanning_the_table_stays_a_row(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "|**Strategic leadership **<br>|" four times: given once, it is still the table's
    # row, read with the rows under it, never a title over them or a converter's mark.
    doc = ingest_one(DEVOLUTION, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    assert supports(text, "Strategic leadership A statutory duty to produce Local Growth Plans")
    assert "Strategic leadership Strategic leadership" not in text
    assert "\ue002" not in text
    assert all(c.item_title != "Strategic leadership" for c in doc.chunks)


def test_a_cell_the_page_break_cut_is_one_row_again(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "... reserves to|" / "-----" / "|Col1|£0.358bn (£0.043bn general ...|": the converter
    # gives each page's part of the table as a table, so the cell's rest is the next
    # page's first row; its halves stood in two passages (k14-002's quote in neither).
    doc = ingest_one(RESILIENCE, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    quote = "In 2023-24 there was a further reduction in total usable reserves to £0.358bn"
    assert any(supports(c.text, quote) for c in doc.chunks), text
    assert "\ue002" not in text and "Col1" not in text
    # The next page's other rows stay rows of their own.
    assert supports(text, "A failure to plan and deliver savings in service provision")
    assert "\nA failure to plan and deliver savings" in text, text


def test_the_next_page_row_of_its_own_is_not_joined() -> None:
    # The Quarterly Performance Report: a KPI's figures end one page ("Latest: 84%", no
    # full stop), the next KPI's title opens the next page's table over empty cells.
    text = demarkdown(
        "|Latest: 84%|Target: 92%, Floor 90%|Previous: 77% (Red)|Previous: 77% (Red)|\n\n\n"
        "14\n\n-----\n\nAppendix 1\n\n"
        "|Subject Access requests, made under Art 15 of the General Data Protection<br>"
        "Regulations, completed within statutory timescales|Col2|Col3|RED|\n|---|---|---|---|\n"
        "|Latest: 60%|Target: 90%, Floor 85%|Previous: 52% (Red)|Previous: 52% (Red)|\n"
        "\n15\n\n-----\n\nAppendix 1\n"
    )
    assert "Latest: 84% | Target: 92%, Floor 90% | Previous: 77% (Red)\n" in text
    assert "Subject Access requests" in text.split("\f")[1]


def test_a_link_closed_inside_a_bracket_leaves_no_space() -> None:
    # pymupdf4llm writes a space after a link; where the link ends inside a bracket the
    # page closes at once, the quote "(17 December 2024)" stood in no passage.
    line = (
        "considered by the KCC Health Overview and Scrutiny\n"
        "[Committee (17 December 2024](https://democracy.kent.gov.uk/ieListDocuments.aspx?"
        "CId=112&MId=9544&Ver=4) ), the Medway Health and Adult Social Care"
    )
    assert "Committee (17 December 2024), the Medway" in demarkdown(line)
    assert "see [this page](https://example.org/a) for more" not in demarkdown(
        "see [this page](https://example.org/a) for more"
    )
    assert "see this page for more" in demarkdown("see [this page](https://example.org/a) for more")
