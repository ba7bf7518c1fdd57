"""A part of a month ("since mid-May", "in early January 2025"), a yearless "May" as a
range's second month ("between April and May"), a range of months without a year outside
a trend, and a financial year with its second year in full ("2019/2020", as Australian
councils write it) (eval/README.md, round 33, r33-dates). Pure logic, no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import named_times, parse_question
from tests.answering.spans import days

LATEST = date(2025, 3, 31)
JULY_JUNE = (6, 30)
"""An Australian council's year end."""


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # "since" reaches the month through its part, which starts the course.
        ("How has fly-tipping changed since mid-May?", date(2024, 5, 11), LATEST),
        ("How has the backlog changed since early March?", date(2025, 3, 1), LATEST),
        ("How has the backlog changed since late January?", date(2025, 1, 21), LATEST),
        ("How has the backlog changed since the end of February?", date(2025, 2, 21), LATEST),
        # A part of a month with its year is its third, as a part of a year is.
        ("Why was the car park shut for a day in early January 2025?", date(2025, 1, 1),
         date(2025, 1, 10)),
        ("What was reported in mid-February 2025?", date(2025, 2, 11), date(2025, 2, 20)),
        ("What was reported at the end of February 2024?", date(2024, 2, 21),
         date(2024, 2, 29)),
        ("What had been agreed by the end of March 2025?", None, date(2025, 3, 31)),
        ("How did it change between late March and mid-May?", date(2024, 3, 21),
         date(2024, 5, 20)),
        # A part of a year is unchanged.
        ("How have complaints changed since mid-2021?", date(2021, 5, 1), LATEST),
    ],
)  # fmt: skip
def test_a_part_of_a_month_is_its_third(question: str, start: date | None, end: date) -> None:
    assert days(parse_question(question, LATEST).span) == (start, end)


def test_a_part_of_a_month_leaves_the_topic_whole() -> None:
    # Not "shut for a day in early?": the part goes with its month.
    intent = parse_question("Why was the car park shut for a day in early January 2025?", LATEST)
    assert intent.topic == "Why was the car park shut for a day?"


@pytest.mark.parametrize(
    "question",
    [
        "How did the backlog change between April and May?",
        "How did the backlog change from April to May?",
        "How did the backlog change between April and the May update?",
    ],
)
def test_may_after_another_month_is_the_ranges_end(question: str) -> None:
    # The latest April-May the archive holds: 2024 read on 31 March 2025.
    assert days(parse_question(question, LATEST).span) == (date(2024, 4, 1), date(2024, 5, 31))


@pytest.mark.parametrize(
    "question",
    [
        "Does the consultation close in April and may it be extended?",
        "May I ask what changed between April and June?",
    ],
)
def test_may_the_verb_after_a_month_is_no_month(question: str) -> None:
    read = days(parse_question(question, LATEST).span)
    assert read is None or read[1] != date(2024, 5, 31)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("how many speed awareness courses did kent run between october and december",
         date(2024, 10, 1), date(2024, 12, 31)),
        ("What was decided between April and May?", date(2024, 4, 1), date(2024, 5, 31)),
        ("What was said from the January draft to the March update?", date(2025, 1, 1),
         date(2025, 3, 31)),
    ],
)  # fmt: skip
def test_a_range_of_months_without_a_year_is_a_span_outside_a_trend(
    question: str, start: date, end: date
) -> None:
    intent = parse_question(question, LATEST)
    assert not intent.trend
    assert days(intent.span) == (start, end)
    # Placed as a trend's months are: a search moves them to the topic's latest date.
    assert intent.floating


@pytest.mark.parametrize(
    "question",
    [
        # One month outside a trend stays unread (round 31's Y and Y2 were not adopted).
        "What did the Green leader make of the plans back in December?",
        # Two months that are no range.
        "What was said in the January and March meetings?",
        "Who spoke between the January meeting and the vote in March?",
    ],
)
def test_months_without_a_year_that_are_no_range_stay_unread_outside_a_trend(
    question: str,
) -> None:
    assert parse_question(question, LATEST).span is None


@pytest.mark.parametrize(
    ("question", "year_end", "start", "end"),
    [
        ("What was the 2019/2020 budget for roads?", JULY_JUNE, date(2019, 7, 1),
         date(2020, 6, 30)),
        ("What was the 2019/2020 budget for roads?", (3, 31), date(2019, 4, 1),
         date(2020, 3, 31)),
        # A span ending with a financial year runs on to its report, as "2021/22" does.
        ("How did rates change between 2019/2020 and 2021/2022?", JULY_JUNE, date(2019, 7, 1),
         date(2022, 12, 31)),
        # Not consecutive: a plan's years.
        ("What did the 2019/2023 plan promise?", JULY_JUNE, date(2019, 1, 1),
         date(2023, 12, 31)),
    ],
)  # fmt: skip
def test_a_financial_year_with_its_second_year_in_full(
    question: str, year_end: tuple[int, int], start: date, end: date
) -> None:
    assert days(parse_question(question, LATEST, year_end=year_end).span) == (start, end)


def test_a_full_second_year_is_one_year_not_two_times() -> None:
    # Was two times, 2019 and 2020: a trend over both calendar years, the topic cut to
    # "What was/ budget for roads?".
    intent = parse_question("What was the 2019/2020 budget for roads?", LATEST, year_end=JULY_JUNE)
    assert not intent.trend
    assert intent.span is not None and intent.span.names_financial_years()
    assert "2019/2020" in intent.topic


def test_a_sentences_full_second_year_is_the_archives_financial_year() -> None:
    said = date(2019, 6, 25)
    times = named_times("The 2019/2020 budget was adopted on 25 June 2019.", said, JULY_JUNE)
    assert times == [(date(2019, 7, 1), date(2020, 6, 30)), (said, said)]


def test_a_hyphened_full_second_year_stays_a_range_of_years() -> None:
    # "2019-2020" is as often two calendar years asked about as a financial year.
    intent = parse_question("What did the council spend on roads in 2019-2020?", LATEST)
    assert intent.trend
    assert days(
        parse_question("What did the council spend on roads in 2019-2020?", LATEST).span
    ) == (
        date(2019, 1, 1),
        date(2020, 12, 31),
    )
