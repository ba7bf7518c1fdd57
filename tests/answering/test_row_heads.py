"""A budget row's head figures before its label, round 47 (r47-evid2): `sentences.ROW_HEADS`.

Kent's budget tables (the 2025-26 budget book, County Council 13 February 2025) begin a row
with its number and last year's budget ("83 12,973.5 English National Concessionary Travel
Scheme (ENCTS) 0.0 16,675.5 …") or last year's figure alone ("2,058.5 New Homes Bonus
1,926.7 0.0 0.0"). Read flat, the head was no row's or ended the row before, and the quote of
the asked row lacked the figure it is asked against (eval/README.md "The gold passage
found, its sentence missed, continued, round 47").
"""

from __future__ import annotations

import pytest

from search_api import sentences
from search_api.sentences import table_rows

ENCTS = (
    "83 12,973.5 English National Concessionary Travel Scheme (ENCTS) 0.0 16,675.5 16,675.5 "
    "-47.0 0.0 16,628.5 A statutory concessionary travel scheme, providing free bus travel for "
    "older people, disabled people and disabled user companions"
)
GRANTS = (
    "51,080.2 Business Rates Compensation Grant 52,795.4 54,127.2 55,268.7 2,058.5 New Homes "
    "Bonus 1,926.7 0.0 0.0 - Employer National Insurance Contributions Grant 10,072.7 10,072.7 "
    "10,072.7 3,544.6 Other Un-ringfenced grants 0.0 0.0 0.0"
)


def _rows(text: str) -> list[str]:
    return [text[x:y] for x, y in table_rows(text)]


def test_a_row_number_and_last_year_begin_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    row = "83 12,973.5 English National Concessionary Travel Scheme (ENCTS) 0.0 16,675.5"
    assert _rows(ENCTS)[0].startswith(row)
    pieces = [ENCTS[x:y] for x, y, _, _ in sentences._pieces(ENCTS, True)[0]]
    assert pieces[0].startswith("83 12,973.5 English"), pieces
    monkeypatch.setattr(sentences, "ROW_HEADS", False)
    assert _rows(ENCTS)[0].startswith("English National")


def test_last_years_figure_moves_to_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _rows(GRANTS) == [
        "51,080.2 Business Rates Compensation Grant 52,795.4 54,127.2 55,268.7",
        "2,058.5 New Homes Bonus 1,926.7 0.0 0.0",
        "- Employer National Insurance Contributions Grant 10,072.7 10,072.7 10,072.7",
        "3,544.6 Other Un-ringfenced grants 0.0 0.0 0.0",
    ]
    monkeypatch.setattr(sentences, "ROW_HEADS", False)
    assert "New Homes Bonus 1,926.7 0.0 0.0" in _rows(GRANTS)


def test_a_table_without_heads_is_cut_as_before() -> None:
    text = (
        "Older People Residential Care Services 97.5 124.9 +27.4 Looked After Children "
        "101.8 102.5 0.7"
    )
    assert _rows(text) == [
        "Older People Residential Care Services 97.5 124.9 +27.4",
        "Looked After Children 101.8 102.5 0.7",
    ]
