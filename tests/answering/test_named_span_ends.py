"""Round 32 (issue #13 §2/§3): a trend whose question dates both ends of its span has the
earliest and latest meetings inside it that speak to the topic as its timeline's ends,
however their sentences score (`answering.NAMED_ENDS`, `DateSpan.names_ends`). Fast: no
index, the product's AnswerBuilder over the seed corpus's own text (corpus/001 for
November 2018, corpus/000 for March 2019, corpus/004 for July 2022)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.builders import answering_builder, hit
from tests.answering.test_trend_ends import CHURN_2018, TURNOVER_2022

READ_ON = date(2022, 7, 20)

QUALITY_2019 = (
    "The committee was assured that these outstanding actions did not mean that children "
    "were in unsafe circumstances. It was more likely that this related to the level of "
    "churn and that there was again some cultural factors involved."
)
"""corpus/000 (the March 2019 chair's report): it names the churn the question asks about
in passing, in a paragraph on the quality assurance framework, so its sentence scores far
below the 2018 minute's."""

QUESTION = (
    "How did the council's reliance on agency workers and the churn in its workforce change {when}?"
)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("How did agency staffing change between November 2018 and March 2019?", True),
        ("How did agency staffing change between 2018 and 2022?", True),
        ("How many agency staff were there in 2018, and how many in 2022?", True),
        ("How was road maintenance talked about between the February budget and March 2025?", True),
        # A course left open names one end or none.
        ("How has agency staffing changed since November 2018?", False),
        ("How has agency staffing changed recently?", False),
        ("How has agency staffing changed over the last two years?", False),
        ("How did agency staffing change in 2019?", False),
    ],
)
def test_a_span_names_its_ends_only_when_both_are_dated(question: str, named: bool) -> None:
    span = parse_question(question, date(2026, 1, 15)).span
    assert span is not None and span.names_ends() is named, span


def _timeline(question: str, hits: list) -> list[date | None]:
    intent = parse_question(question, READ_ON)
    cosines = {1: 0.6, 2: 0.55, 3: 0.2}  # the mention in passing is the least alike too
    r = answering_builder().answer(intent, hits, cosines, {}, question=question)
    assert not r.abstained
    return [line.meeting_date for line in r.timeline]


def test_the_meeting_at_a_named_end_joins_the_timeline() -> None:
    """Asked "between November 2018 and March 2019", the March 2019 report's passing
    mention of the churn is that end of the course: on main's code the timeline held
    November 2018 alone (its one sentence scored below `END_MARGIN` of the best)."""
    hits = [
        hit(1, date(2018, 11, 21), CHURN_2018),
        hit(2, date(2022, 7, 14), TURNOVER_2022),
        hit(3, date(2019, 3, 1), QUALITY_2019),
    ]
    when = "between November 2018 and March 2019"
    dates = _timeline(QUESTION.format(when=when), hits)
    assert dates == [date(2018, 11, 21), date(2019, 3, 1)], dates


def test_a_course_left_open_keeps_the_floor() -> None:
    """Asked "since November 2018", the question names no later end: the same passing
    mention does not become the course's last word (as on main's code)."""
    hits = [hit(1, date(2018, 11, 21), CHURN_2018), hit(3, date(2019, 3, 1), QUALITY_2019)]
    dates = _timeline(QUESTION.format(when="since November 2018"), hits)
    assert dates == [date(2018, 11, 21)], dates
