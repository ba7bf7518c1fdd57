"""Round 37 (issue #13 §3): a time something is reached "by" ("by 2022", "until March 2020",
"up to 2029") leaves its span open before it only because it names no start; another time
the question names is where the course starts (`temporal._hull`, `_Match.reached`). Asked
"In 2019 … had it got better by 2022?", the course is 2019-2022: before, its span opened
at the archive's first paper and the timeline's first line was a 2018 meeting. Fast: no
index, the product's AnswerBuilder over the seed corpus's own text."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.builders import answering_builder, hit
from tests.answering.test_named_span_ends import QUALITY_2019
from tests.answering.test_trend_ends import CHURN_2018, TURNOVER_2022

READ_ON = date(2025, 3, 31)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # Another time names where the course reached "by" starts.
        (
            "In 2019 part of the service was still resisting change. Had the quality of "
            "children's social work actually got better by 2022?",
            date(2019, 1, 1),
            date(2022, 12, 31),
        ),
        (
            "Compare the level of agency social workers the council aimed for in 2018 with "
            "what it had actually reached by 2021-22.",
            date(2018, 1, 1),
            date(2022, 9, 30),
        ),
        ("How far had the backlog come down from 2019 until March 2021?", date(2019, 1, 1), None),
        # Reached "by" alone: open before it, as before.
        (
            "What target does the council set for new trees planted by 2030?",
            None,
            date(2030, 12, 31),
        ),
        (
            "how many extra special school places is kent planning up to 2029",
            None,
            date(2029, 12, 31),
        ),
        # "before" is a span before its time, open whatever else is named.
        ("How did spending before 2019 compare with 2022?", None, date(2022, 12, 31)),
    ],
)
def test_a_time_reached_by_starts_where_another_time_is_named(
    question: str, start: date | None, end: date | None
) -> None:
    span = parse_question(question, READ_ON).span
    assert span is not None, question
    assert span.start == start, span
    if end is not None:
        assert span.end == end, span


def test_the_timeline_of_a_course_reached_by_starts_at_its_named_start() -> None:
    """The November 2018 minute speaks to the churn best, but the question starts its course
    in 2019: the timeline is the March 2019 report's and the July 2022 report's (on main's
    code it opened with November 2018 and left 2019 out)."""
    question = (
        "In 2019 the churn in the workforce was still high. Had the council's reliance on "
        "agency workers and the churn in its workforce got better by 2022?"
    )
    hits = [
        hit(1, date(2018, 11, 21), CHURN_2018),
        hit(2, date(2022, 7, 14), TURNOVER_2022),
        hit(3, date(2019, 3, 1), QUALITY_2019),
    ]
    intent = parse_question(question, READ_ON)
    cosines = {1: 0.6, 2: 0.55, 3: 0.2}
    answer = answering_builder().answer(intent, hits, cosines, {}, question=question)
    assert not answer.abstained
    dates = [line.meeting_date for line in answer.timeline]
    assert dates == [date(2019, 3, 1), date(2022, 7, 14)], dates
