"""Round 39 (issue #13 §2/§3): a course bounded by a yearless month. "did it go up after
January" runs on from January, as "since January" does; "by the March update" and "between
the budget templates and the March budget update" end at March and start at an earlier
stage the question dates in no month (the span is open before March, not March alone).
Two stages each in a clause of its own ("when the draft budget went to Cabinet, and what
was Kent finally given") were measured as a course and not kept (eval/README.md, round
39). Pure logic, no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question

LATEST = date(2025, 3, 31)


@pytest.mark.parametrize(
    "question",
    [
        # Tune rows' own wording (k17-019, k14-012).
        "How much in new savings and income does the council need to find, and did it go "
        "up after January?",
        "was more money put aside for staff pay after the january draft of the budget",
        # New wordings of the same kind.
        "Did the shire's waste levy go down after February?",
        "Has the forecast for rates revenue increased after the January review?",
    ],
)
def test_after_a_yearless_month_a_course_runs_on_from_it(question: str) -> None:
    """Each fails on main: "after January" was January alone, or no course."""
    intent = parse_question(question, LATEST)
    assert intent.trend, question
    assert intent.span is not None and intent.span.end == LATEST, question
    assert intent.span.start is not None and intent.span.start.year == 2025, question


@pytest.mark.parametrize(
    "question",
    [
        # Tune row k5-018's own wording.
        "How did the expected rise in the public health grant for 2025-26 change between "
        "the budget templates and the March budget update?",
        # New wordings of the same kind.
        "How did the road resealing estimate change between the draft budget and the "
        "March quarterly review?",
        "How has the forecast deficit changed by the February update?",
        "Has the shire's estimate of rates revenue increased by the March quarterly review?",
    ],
)
def test_a_month_reached_from_an_undated_stage_ends_the_course(question: str) -> None:
    """Each fails on main: the month was the whole span, or no course was read."""
    intent = parse_question(question, LATEST)
    assert intent.trend, question
    assert intent.span is not None and intent.span.start is None, question
    assert intent.span.end is not None and intent.span.end.year == 2025, question


@pytest.mark.parametrize(
    "question",
    [
        "What did the council decide after January?",
        "Who proposed the motion on potholes, and was it agreed?",
        "What does the draft local plan say about housing, and when will it be adopted?",
        "Which papers were published by the March meeting?",
    ],
)
def test_a_month_or_a_draft_alone_is_no_course(question: str) -> None:
    """A month after or by which something happened, a motion proposed and agreed, a draft
    and when it is adopted: no course (pass on main by design)."""
    intent = parse_question(question, LATEST)
    assert not intent.trend, question
    assert intent.span is None, question


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("How did agency spend change from January until March?", 1, 3),
        ("How did agency spend change between January and March?", 1, 3),
        ("Has the estimate changed since the draft budget in January?", 1, 3),
    ],
)
def test_a_range_of_months_keeps_both_sides(question: str, start: int, end: int) -> None:
    """After "from January", "until March" is a range's side, not a bound reached from
    an undated stage (pass on main by design)."""
    intent = parse_question(question, LATEST)
    assert intent.span is not None and intent.span.start is not None
    assert (intent.span.start.month, intent.span.end and intent.span.end.month) == (start, end)
