"""A range whose first side is a month without a year and whose last side is dated
(eval/README.md, "A yearless month as a range's first side, and "since the budget in
February", round 28"): "between January and March 2025" is January-March 2025 and a
trend, as "between 2018 and 2022" is, whatever verb asks for the course ("unfold",
"fare"); "since the budget in February" runs from February on. Pure reading
(`search_api.temporal` on `search_api.dates`)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.spans import days

LATEST = date(2026, 1, 15)
"""The heldout archive's latest date: Kingston's papers run on past Kent's March 2025."""


@pytest.mark.parametrize(
    ("question", "start", "end", "month"),
    [
        # k2-073's and k5-015's form: no course word, the range alone makes the trend.
        ("How did the bid to join the priority programme unfold between January and March "
         "2025?", date(2025, 1, 1), date(2025, 3, 31), "january"),
        # k2-309's form: the first side is an event named by its month.
        ("How has pothole repair been discussed between the February budget and March 2025?",
         date(2025, 2, 1), date(2025, 3, 31), "february"),
        ("How did the plan fare from the January draft to the March 2025 update?",
         date(2025, 1, 1), date(2025, 3, 31), "january"),
        # Across the year's turn the month is the latest such before the dated side.
        ("How did the waiting list fare between November and February 2025?",
         date(2024, 11, 1), date(2025, 2, 28), "november"),
    ],
)  # fmt: skip
def test_a_yearless_month_starts_a_range_whose_last_side_is_dated(
    question: str, start: date, end: date, month: str
) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert days(intent.span) == (start, end)
    # Placed by the question's own year, not by the date it is read against.
    assert not intent.floating
    # The month stays in the topic, as a yearless month's words always do.
    assert month in intent.topic.lower()


@pytest.mark.parametrize(
    "question",
    [
        # k2-428's form.
        "What has the council said about fixing potholes and spending on road repairs since "
        "the budget in February?",
        "Has the estimate gone up since the meeting in February?",
    ],
)
def test_since_an_event_in_a_month_runs_from_that_month(question: str) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert days(intent.span) == (date(2025, 2, 1), LATEST)


def test_a_dated_point_after_other_words_is_no_range() -> None:
    """A "between" naming places ("between Kent and Medway"): the point stays one, no trend."""
    intent = parse_question("What was agreed between Kent and Medway in March 2025?", LATEST)
    assert not intent.trend
    assert days(intent.span) == (date(2025, 3, 1), date(2025, 3, 31))
