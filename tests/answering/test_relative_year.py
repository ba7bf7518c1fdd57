"""Round 36 (issue #13 §2/§3): a year a question names from its own time ("next year",
"this year's", "between this year and next", "every year") is a time the question dates,
cut from its topic as a date is (`temporal.RELATIVE_YEAR`, `strip_temporal`). The papers
date a year by its figures, and in a budget pack nearly every paragraph says "next year":
searched, the words ranked the pack's frame above the table row that states the asked-for
figure (eval/README.md round 36, r36-trend). Pure logic, no index; the ranking itself in
tests/library/test_relative_year_ranking.py."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question

LATEST = date(2025, 6, 26)


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        # A course asked between this year and next, as residents put it to a shire's budget.
        (
            "Is the shire spending more on road maintenance next year?",
            "Is the shire spending more on road maintenance?",
        ),
        (
            "How has the waste management charge changed between this year and next?",
            "How has the waste management charge changed?",
        ),
        (
            "Are the council's rates going up every year?",
            "Are the council's rates going up?",
        ),
        (
            "Is the swimming pool subsidy going down this financial year?",
            "Is the swimming pool subsidy going down?",
        ),
        # A stage trend ranks as the plain question: only the year goes, not its stage.
        (
            "Is the shire getting more from rates next year than in the draft budget?",
            "Is the shire getting more from rates than in the draft budget?",
        ),
        # A question that is no trend is searched without it too.
        (
            "What capital works are planned for the coming year in the northern ward?",
            "What capital works are planned for in the northern ward?",
        ),
        (
            "How much did the caravan park make last year?",
            "How much did the caravan park make?",
        ),
    ],
)
def test_a_year_named_from_the_questions_time_is_not_searched(question: str, searched: str) -> None:
    assert parse_question(question, LATEST).topic == searched


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # No year named from the question's time: a year's own name, a year's end, a
        # count of years.
        (
            "What did the council decide about the Year 12 formal grant?",
            "What did the council decide about the Year 12 formal grant?",
        ),
        (
            "When does the financial year end for the shire?",
            "When does the financial year end for the shire?",
        ),
        (
            "How many years has the agricultural show run at the showgrounds?",
            "How many years has the agricultural show run at the showgrounds?",
        ),
        # Fewer than three words would be left: the question is searched as asked.
        ("What about next year?", "What about next year?"),
    ],
)
def test_nothing_cut_where_no_year_is_named_from_the_questions_time(
    question: str, topic: str
) -> None:
    assert parse_question(question, LATEST).topic == topic
