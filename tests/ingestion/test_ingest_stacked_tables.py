"""Tables whose rows a converter or reader cut from their labels. Fixtures cut from Kent's
papers of the Cabinet (30 January and 4 March 2025) and the County Council (13 February
2025):
- `kent_revenue_plan_funding_pymupdf4llm.md`: "Appendix D 21.01.25" (pymupdf4llm 0.3.4 via
  `python -m eval.convert`), its funding table, which the converter stacked: one row whose
  cells hold whole columns, line by line (the labels in one, each year's amounts in others);
- `kent_budget_update_reserves_pymupdf4llm.md`: "Appendix 1 Cabinet - Budget Update", its
  memorandum of reserves, stacked the same way with a row's three amounts to a line;
- `kent_revenue_plan_stacked_pymupdf4llm.md`: "Appendix D - 3 Year Revenue Plan", its main
  table, stacked with each amount on a line of its own and some run together;
- `kent_capital_strategy_table9.txt`: "Appendix N - Capital Strategy" as plain text (our PDF
  reader's page text), its Table 9: a row label wrapped over four lines, its amounts on a
  line of their own."""

from __future__ import annotations

import re
from pathlib import Path

from eval.matching import supports
from indexer.models import ParsedDocument

from .conftest import DATA, CountTokens, ingest_one

FUNDING = DATA / "kent_revenue_plan_funding_pymupdf4llm.md"
RESERVES = DATA / "kent_budget_update_reserves_pymupdf4llm.md"
REVENUE_PLAN = DATA / "kent_revenue_plan_stacked_pymupdf4llm.md"
TABLE_9 = DATA / "kent_capital_strategy_table9.txt"


def _lines(doc: ParsedDocument) -> list[str]:
    return [line for c in doc.chunks for line in c.text.split("\n")]


def test_a_stacked_table_pairs_each_label_with_its_amounts(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # The labels' cell and the 2025-26, 2026-27 and 2027-28 cells hold 19 lines each: row
    # by row, each label with its amounts, as the PDF prints the row.
    doc = ingest_one(FUNDING, tmp_path, count_tokens)
    lines = _lines(doc)
    assert "Revenue Support Grant 15,680.3 16,101.0 16,448.1" in lines
    assert "Local Share of Retained Business Rates 67,238.1 68,814.4 70,165.5" in lines
    assert "Total Funding 1,529,659.5 1,603,904.1 1,679,556.0" in lines
    # A label the converter wrapped is one label ("... Sustainability and" /
    # "Improvement Fund", "(including increase up to" / "referendum limit ...)").
    assert (
        "Adult Social Care Market Sustainability and Improvement Fund 26,969.4 26,969.4 26,969.4"
        in lines
    )
    assert (
        "Council Tax Income (including increase up to referendum limit but excluding social "
        "care levy) 838,406.1 881,219.0 926,654.0"
    ) in lines


def test_a_stacked_column_whose_count_differs_is_not_paired(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # The 2024-25 cell has 18 amounts for the 19 labels (a grant new in 2025-26 has a
    # blank there): which is blank cannot be told, so its amounts stay as the converter
    # joined them, every word kept, and none is set beside a label.
    doc = ingest_one(FUNDING, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    assert "2024-25 11,806.0 117,046.1 26,969.4 11,686.6 1,311.9 - 147,382.5" in text
    assert "Revenue Support Grant 15,680.3" in text
    assert "11,806.0 Revenue Support Grant" not in text


def test_the_lines_over_a_stacked_tables_rows_are_its_caption(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "**Funding per the Local Government Finance**" / "**Settlement & Local Taxation**":
    # two bold lines with no amounts head the labels' cell; they title the rows, as the
    # PDF reader's text has them, and are no row.
    doc = ingest_one(FUNDING, tmp_path, count_tokens)
    caption = "Funding per the Local Government Finance Settlement & Local Taxation"
    rows = [c for c in doc.chunks if "Revenue Support Grant" in c.text]
    assert rows and all(c.item_title == caption for c in rows), [c.item_title for c in rows]
    assert caption in _lines(doc)


def test_a_stacked_row_keeps_its_columns_order_and_a_colon_caption(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "MEMORANDUM:" / "The net impact on our reserves balances is:" lead the labels; each
    # year's cell has a line of three amounts per label, the 2024-25 cell standing left of
    # the labels as on the page.
    doc = ingest_one(RESERVES, tmp_path, count_tokens)
    lines = _lines(doc)
    assert "MEMORANDUM: The net impact on our reserves balances is:" in lines
    heading = "Core External Total £000s £000s £000s"
    assert f"2024-25 {heading} 2025-26 {heading}" in lines
    assert "27,481.5 0.0 27,481.5 Contributions to Reserves 43,240.9 14,200.0 57,440.9" in lines
    assert (
        "12,604.1 -1,350.5 11,253.6 Net movement in Reserves 32,633.8 -11,398.1 21,235.7" in lines
    )


def test_a_table_stacked_amount_by_amount_is_not_paired(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # Each year's cell holds its Core, External and Total amounts a line each, some run
    # together by the converter ("0.01,530,923.8"), and the labels include sections with
    # no amounts ("SPENDING", "MEMORANDUM:"): a line is no row here, so no label is given
    # an amount ("Pay 1,530,923.8" would be another row's base budget).
    doc = ingest_one(REVENUE_PLAN, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    assert "Original base budget internal base adjustments Revised Base SPENDING" in text
    labels = ("Pay", "Prices", "Efficiency", "Income", "Policy", "Revised Base")
    row = re.compile(rf"^(?:{'|'.join(labels)}) -?[\d,]+\.\d", re.MULTILINE)
    assert not row.search(text), row.findall(text)


def test_a_label_over_its_amounts_is_a_row_not_a_heading(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "Total net income" / "from service and" / "commercial" / "investments £m" / "" /
    # "8.6 4.9 5.2 4.7 4.7": the label reads as a title, but the amounts under it are its
    # row's, so it titles nothing after it (the next numbered paragraph least of all).
    doc = ingest_one(TABLE_9, tmp_path, count_tokens)
    label = "Total net income from service and commercial investments £m"
    assert all(c.item_title != label for c in doc.chunks), [c.item_title for c in doc.chunks]
    assert any(supports(c.text, f"{label} 8.6 4.9 5.2 4.7 4.7") for c in doc.chunks)
    after = next(c for c in doc.chunks if "trading companies" in c.text)
    assert after.item_title is None
