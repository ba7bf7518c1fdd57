"""One-sided bounds against what a reader means, a start after the archive's latest date,
and a yearless "May" (eval/README.md, round 32, r32-dates2). Pure logic, no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.spans import days

LATEST = date(2025, 3, 31)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # "after" a time leaves that time out; "since" keeps it.
        ("What was reported after January 2020?", date(2020, 2, 1), LATEST),
        ("What was reported after 2017?", date(2018, 1, 1), LATEST),
        ("What was reported after 5 March 2020?", date(2020, 3, 6), LATEST),
        ("How has it changed since January 2020?", date(2020, 1, 1), LATEST),
        # "after" a dated thing leaves out that time too: its papers are the thing's own.
        ("What was agreed after the February 2019 Ofsted letter?", date(2019, 3, 1), LATEST),
        ("After the 2017 failure, when was the re-inspection?", date(2018, 1, 1), LATEST),
        ("What was said before the May 2025 county elections?", None, date(2025, 4, 30)),
        # "before" a time ends the day before it; "until"/"by" at its end.
        ("What was reported before May 2024?", None, date(2024, 4, 30)),
        ("What was reported before 2019?", None, date(2018, 12, 31)),
        ("What was reported before 5 March 2020?", None, date(2020, 3, 4)),
        ("What was planned until March 2020?", None, date(2020, 3, 31)),
        ("How many places were needed by September 2024?", None, date(2024, 9, 30)),
        ("What was reported by 2020?", None, date(2020, 12, 31)),
    ],
)  # fmt: skip
def test_one_sided_bounds(question: str, start: date | None, end: date) -> None:
    assert days(parse_question(question, LATEST).span) == (start, end)


@pytest.mark.parametrize(
    "question",
    [
        "How much was council tax going up from April 2025?",
        "Who will support disabled young people from April 2025?",
        "What will the council do after June 2025?",
        "How has it changed since 2026?",
    ],
)
def test_a_start_after_the_latest_date_is_the_archives_last_year(question: str) -> None:
    # Never the two days between, ends swapped: the archive tells of a time after its
    # last paper in the papers that announced it, its latest ones.
    assert days(parse_question(question, LATEST).span) == (date(2024, 3, 31), LATEST)


def test_a_start_after_no_latest_date_stays_open() -> None:
    assert days(parse_question("How much was council tax going up from April 2025?").span) == (
        date(2025, 4, 1),
        None,
    )


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("How did attendance change from May to October 2021?", date(2021, 5, 1),
         date(2021, 10, 31)),
        ("How has fly-tipping changed since May?", date(2024, 5, 1), LATEST),
        ("Did the plan change in May?", date(2024, 5, 1), date(2024, 5, 31)),
        ("What was decided at the 5 May meeting and has it changed since?", date(2024, 5, 5),
         date(2024, 5, 5)),
        ("How did the budget change between the May update and the October report?",
         date(2024, 5, 1), date(2024, 10, 31)),
    ],
)  # fmt: skip
def test_a_yearless_may_where_its_context_shows_the_month(
    question: str, start: date, end: date
) -> None:
    assert days(parse_question(question, LATEST).span) == (start, end)


@pytest.mark.parametrize(
    "question",
    [
        "May I ask how much the council spent on roads?",
        "Which councils may raise council tax without a referendum?",
        "How much may the budget rise?",
        "What may change for parking, and how?",
    ],
)
def test_may_the_verb_is_no_month(question: str) -> None:
    assert parse_question(question, LATEST).span is None
