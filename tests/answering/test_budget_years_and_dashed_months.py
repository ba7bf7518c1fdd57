"""A budget's "2019-2020" as one financial year, and two months joined by a dash
("April-May") as one yearless range (eval/README.md, "Another council's year and its
ranges, round 34", r34-dates). Pure logic, no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import named_times, parse_question
from tests.answering.spans import days

LATEST = date(2025, 3, 31)
JULY_JUNE = (6, 30)
"""An Australian council's year end."""
APRIL_MARCH = (3, 31)


@pytest.mark.parametrize(
    ("question", "year_end", "start", "end"),
    [
        # Asked about a budget or a financial year, two consecutive years joined by a dash
        # are the one year a budget is for, as "2019/2020" is (round 33).
        ("What was the council's 2019-2020 budget for roads?", JULY_JUNE,
         date(2019, 7, 1), date(2020, 6, 30)),
        ("What was the council's 2019-2020 budget for roads?", APRIL_MARCH,
         date(2019, 4, 1), date(2020, 3, 31)),
        ("How much was spent on roads in the 2019 – 2020 financial year?", JULY_JUNE,
         date(2019, 7, 1), date(2020, 6, 30)),
        ("What did the 2019–2020 annual report say about the pool?", JULY_JUNE,
         date(2019, 7, 1), date(2020, 6, 30)),
        ("What rates income was forecast for 2019-2020?", JULY_JUNE,
         date(2019, 7, 1), date(2020, 6, 30)),
        # Each side of a range of such years is one (its last reaching its report).
        ("How did the budget change between 2018-2019 and 2020-2021?", JULY_JUNE,
         date(2018, 7, 1), date(2021, 12, 31)),
        # "2019–20" with an en dash was one already.
        ("How did the 2019–20 budget change?", JULY_JUNE, date(2019, 7, 1), date(2020, 6, 30)),
        # Guards: not about a budget, the pair stays two calendar years (round 32's
        # reading); a plan's years stay its years, budget or not.
        ("How did exclusions change 2019-2020?", JULY_JUNE, date(2019, 1, 1), date(2020, 12, 31)),
        ("What was in the budget for 2019-2023?", JULY_JUNE, date(2019, 1, 1),
         date(2023, 12, 31)),
        ("What was spent in 2019-2021 under the budget?", JULY_JUNE, date(2019, 1, 1),
         date(2021, 12, 31)),
    ],
)  # fmt: skip
def test_a_budgets_years_joined_by_a_dash(
    question: str, year_end: tuple[int, int], start: date, end: date
) -> None:
    assert days(parse_question(question, LATEST, year_end=year_end).span) == (start, end)


def test_a_budgets_year_is_what_a_figure_is_for() -> None:
    """Read as "2019/2020" is: a financial year named as what the figure is for, kept in
    the topic, no trend."""
    intent = parse_question("What was the council's 2019-2020 budget for roads?", LATEST)
    assert intent.span is not None and intent.span.names_financial_years()
    assert not intent.trend
    assert "2019/2020" in intent.topic


@pytest.mark.parametrize(
    ("question", "span", "trend"),
    [
        # Two yearless months joined by a dash are a range, as "between April and May" is:
        # the latest such stretch up to the date read against.
        ("How many speed awareness courses did Kent run in April-May?",
         (date(2024, 4, 1), date(2024, 5, 31)), False),
        ("How many speed awareness courses did Kent run in April–May?",
         (date(2024, 4, 1), date(2024, 5, 31)), False),
        ("What did the council decide in October - December?",
         (date(2024, 10, 1), date(2024, 12, 31)), False),
        ("What did the council decide in May-June?", (date(2024, 5, 1), date(2024, 6, 30)),
         False),
        # With a year on its last side, the first month takes it, as "between April and
        # May 2020" reads (a range: a trend).
        ("What was agreed in April-May 2020?", (date(2020, 4, 1), date(2020, 5, 31)), True),
        # Guards: a month before a year or after a day is no range ("June 24- Nov 24" is a
        # two-figure year's June); one month alone outside a trend stays unread.
        ("What happened in March-2020?", (date(2020, 1, 1), date(2020, 12, 31)), False),
        ("What was the plan for June 24- Nov 24?", None, False),
        ("What happened in April?", None, False),
    ],
)  # fmt: skip
def test_two_months_joined_by_a_dash(
    question: str, span: tuple[date, date] | None, trend: bool
) -> None:
    intent = parse_question(question, LATEST)
    assert (days(intent.span), intent.trend) == (span, trend)


def test_a_papers_dashed_months_are_both_its_times() -> None:
    """A sentence's "July-September 2022" (the seed improvement plan's) names July too,
    as "between July and September 2022" did."""
    said = date(2022, 10, 1)
    sentence = "35 newly qualified social workers start their Assisted Year in Practice"
    assert named_times(f"{sentence} July-September 2022.", said) == named_times(
        f"{sentence} between July and September 2022.", said
    )
    assert (date(2022, 7, 1), date(2022, 7, 31)) in named_times(
        f"{sentence} July-September 2022.", said
    )
