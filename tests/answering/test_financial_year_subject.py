"""A financial year that names a trend's subject is no end of it (eval/README.md, "A
financial year that names the subject is no end of a trend, round 28"): in "how did the
2025-26 net revenue budget change between the draft Cabinet saw in January and what Council
approved in February?" the months are the ends and the year says which budget. Pure
reading (`search_api.temporal` on `search_api.dates`)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.spans import days

LATEST = date(2026, 1, 15)
"""The heldout archive's latest date: Kingston's papers run on past Kent's March 2025."""


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # k4-014's form: the year's April-March is no end; the months are.
        ("How did the 2025-26 net revenue budget change between the draft Cabinet saw in "
         "January and what Council approved in February?", date(2025, 1, 1), date(2025, 2, 28)),
        ("How did the expected business rates compensation grant for 2025-26 change from the "
         "January draft budget to the March budget update?", date(2025, 1, 1), date(2025, 3, 31)),
        # k5-018's form: one month named, the other end a stage named by no month, reached
        # from before it (round 39: the span was March alone).
        ("How did the expected rise in the public health grant for 2025-26 change between "
         "the budget templates and the March budget update?", None, date(2025, 3, 31)),
        # Months from April are inside the year, in its first calendar year.
        ("How did the forecast overspend for 2024-25 change between the September and "
         "December monitoring reports?", date(2024, 9, 1), date(2024, 12, 31)),
    ],
)  # fmt: skip
def test_months_not_the_financial_year_are_the_trends_ends(
    question: str, start: date | None, end: date
) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert days(intent.span) == (start, end)
    # Placed by the year, not by the date the question is read against.
    assert not intent.floating
    # The year stays in the topic: the papers name the year a figure is for.
    assert any(year in intent.topic for year in ("2025-26", "2024-25"))


def test_the_months_take_the_financial_years_year_whatever_the_archives_latest_date() -> None:
    question = (
        "How has the total of savings to be delivered in 2025-26 grown from the January "
        "draft to the March budget update?"
    )
    for latest in (date(2025, 3, 13), LATEST, date(2027, 6, 1)):
        assert days(parse_question(question, latest).span) == (date(2025, 1, 1), date(2025, 3, 31))


def test_a_date_naming_a_thing_is_no_end_when_months_name_the_ends() -> None:
    intent = parse_question(
        "How did the plans for the May 2025 county elections change between January and March?",
        LATEST,
    )
    assert intent.trend
    assert days(intent.span) == (date(2025, 1, 1), date(2025, 3, 31))


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # Ends named by stages alone: nothing says whether they fall before the year
        # (budget setting) or inside it (monitoring), so the year stays the span.
        ("Did the amount Kent plans to spend on capital projects in 2025-26 change between "
         "the draft and the final budget?", date(2025, 4, 1), date(2026, 3, 31)),
        ("How did the number of red rated indicators change between the quarter 2 and "
         "quarter 3 performance reports for 2024/25?", date(2024, 4, 1), date(2025, 3, 31)),
        # A year the course runs through is its span.
        ("How has the running total of empty homes brought back into use grown through "
         "2024-25?", date(2024, 4, 1), date(2025, 3, 31)),
        # A month beside a year that bounds the change takes that year, and both are ends.
        ("Did the expected date change between January and March 2025?",
         date(2025, 1, 1), date(2025, 3, 31)),
    ],
)  # fmt: skip
def test_a_year_that_bounds_the_change_stays_its_span(
    question: str, start: date, end: date
) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert days(intent.span) == (start, end)
