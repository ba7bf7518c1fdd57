"""Round 35 (issue #13 §2/§3): a figure set against an earlier stage of the same paper or
decision, with no year named ("more than in the draft budget", "bigger than first
announced", "was it revised in the final budget", "next year compared with this year's")
is a course between the two stages (`temporal.STAGE_COMPARED`, `TemporalIntent.stages`).
It is ranked as the plain question (`search.search`: the stages' meetings are in its own
ranking, and the spread over the archive's first and last meetings gave them up, eval/README
round 34) and answered as a timeline (tests/library/test_stage_ranking.py). Pure logic, no
index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question

LATEST = date(2025, 3, 13)


@pytest.mark.parametrize(
    "question",
    [
        "Is the money going into the general reserve more or less than in the draft budget?",
        "Are the savings from the waste contract bigger in the final budget than in the draft?",
        "How much is set aside for bus routes next year compared with the draft?",
        "Did the new homes bonus end up bigger than first announced?",
        "How much more did the council get in the final settlement than the provisional one?",
        "Is the fire service spending more on equipment than it originally planned?",
        "Will the council spend more on libraries next year than this year?",
        "Are fewer young people waiting for a place than earlier in the year?",
        "Are more families using the hubs than they used to?",
        "How much is going on highways, and was it revised in the final budget?",
        "What is the shire spending on footpaths, and was that cut in the final budget?",
        "How much extra is planned for parks, and did that go up after the draft budget?",
        "Was more money put aside for pay after the draft of the budget?",
        "Did the grant go up after the budget was agreed?",
        "Did the council find more savings between the draft budget and the final one?",
    ],
)
def test_a_figure_against_an_earlier_stage_is_a_course_between_stages(question: str) -> None:
    """Two stages of one paper or decision named as stages, no year: a trend, read as
    stages. Each fails on main (no trend: the question names no date and no verb of
    change)."""
    intent = parse_question(question, LATEST)
    assert intent.trend and intent.stages, question
    assert intent.span is None


@pytest.mark.parametrize(
    "question",
    [
        # A stage named alone, or compared with another place or thing, is no course.
        "What did the draft budget say about libraries?",
        "Is the final budget's council tax rise higher than Surrey's?",
        "How much more is spent on adults than on children?",
        "Which savings in the final budget were the largest?",
        "Was the draft budget approved by Cabinet?",
        # Asked why, a change between stages wants its reason, not its course.
        "Why are there fewer indicators in the quarter 3 report than earlier in the year?",
    ],
)
def test_a_stage_named_alone_is_no_course(question: str) -> None:
    assert not parse_question(question, LATEST).trend, question


@pytest.mark.parametrize(
    "question",
    [
        # A verb of change, a course word or dated ends keep the trend's own reading: its
        # ends are the course's, spread over the period.
        "How did the reserves change between the draft and the final budget?",
        "Has the grant increased since the draft budget?",
        "Is the reserve bigger than in the draft budget of January 2024 and in 2025?",
        "Has the vacancy rate fallen below what the draft plan set?",
    ],
)
def test_a_course_worded_or_dated_is_no_stage_reading(question: str) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend and not intent.stages, question
