"""A financial year without its centuries ("24-25") and one written with an en dash
("2023–24") are read as the hyphenated full form is (eval/README.md "Figures inside
figures and years written short or with an en dash, round 30").

`figures_in` read the "24" and "25" of a budget template's "24-25" as two counts, so a
"how much" question credited a line whose only numbers are its year with the figure
weight; `temporal` read a question's "2023–24" as the calendar year 2023 and left "–24" in
its topic.

Texts: Kent County Council's appendix to Cabinet of 30 January 2025 on the 18-25 service's
move (appendix A, "the 25-26 budget for 18-25 services") and its list of budget templates
(appendix F, the row "Underlying underspend from 24-25 monitoring …"), as the readers give
them; and the seed documents' 2022 improvement report (`ADVISER`: "… within the 2023/24
MTFS process.").
"""

from __future__ import annotations

from datetime import date

import pytest

import search_api.search as search_module
from search_api.search import changed_twins
from search_api.sentences import figures_in
from search_api.temporal import named_times, parse_question, periods
from tests.answering.builders import ADVISER, hit

TRANSFER = (
    "The budget to be transferred will include the 25-26 budget for 18-25 services, agreed "
    "as part of the Budget at County Council in February 2025."
)
"""Kent, Cabinet 30 January 2025, appendix A: a short financial year beside an age range."""
UNDERSPEND = (
    "Underlying underspend from 24-25 monitoring on Home to School Transport Budget: lower "
    "increases in the costs of transport -5,300.0"
)
"""Kent, Cabinet 30 January 2025, appendix F: a budget template's row."""


def test_a_short_financial_year_is_no_figure() -> None:
    assert figures_in(UNDERSPEND) == ["5,300.0"]
    # The age range beside it is no year pair (25 does not follow 18): its numbers stay.
    assert figures_in(TRANSFER) == ["18", "25"]
    assert [m.group(0) for m in periods(TRANSFER)] == ["25-26"]
    assert figures_in("pay adjustments including the 25/26 pay uplift of £626.9k") == ["£626.9k"]
    assert figures_in("in 99-00 there were 5 posts") == ["5"]


@pytest.mark.parametrize(
    "text",
    ["rates of 24-25% a year", "a cost of £24-25m", "24-25 m of road", "ages 16-18", "1.24-25"],
)
def test_amounts_and_other_ranges_are_no_short_year(text: str) -> None:
    assert periods(text) == []


def test_a_text_repeated_for_the_next_short_year_is_a_changed_twin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The short year is compared as the full one is (`search.TWIN_PERIODS`): read as two
    counts before, it is no figure now and must still tell one year's row from the next."""
    monkeypatch.setattr(search_module, "TWIN_PERIODS", True)
    first = hit(1, date(2025, 1, 30), UNDERSPEND)
    again = hit(2, date(2026, 1, 29), UNDERSPEND.replace("24-25", "25-26"))
    assert changed_twins([first, again]) == [(first, again)]


@pytest.mark.parametrize(
    "question",
    [
        "What was the overspend in {}?",
        "What did the {} budget assume for the public health grant?",
        "How did spending on transport change between {} and 2024-25?",
    ],
)
def test_a_financial_year_with_an_en_dash_reads_as_with_a_hyphen(question: str) -> None:
    latest = date(2025, 6, 1)
    dashed = parse_question(question.format("2023\u201324"), latest)
    hyphen = parse_question(question.format("2023-24"), latest)
    assert dashed.span is not None and hyphen.span is not None
    assert (dashed.span.start, dashed.span.end) == (hyphen.span.start, hyphen.span.end)
    assert dashed.trend == hyphen.trend
    assert dashed.span.names_financial_years() == hyphen.span.names_financial_years()
    assert dashed.topic == hyphen.topic.replace("2023-24", "2023\u201324")


def test_a_sentences_financial_year_with_an_en_dash_is_the_same_time() -> None:
    said = date(2025, 1, 30)
    assert named_times("the budget for 2025\u201326 was agreed", said) == named_times(
        "the budget for 2025-26 was agreed", said
    )
    assert named_times(ADVISER.replace("2023/24", "2023\u201324"), said) == named_times(
        ADVISER, said
    )
