"""A range read from a yearless first side, or "since" an event, widens the course a trend
covers, not the span boost (eval/README.md, "A range's dated side keeps the boost a point
reading gave it", round 29): the boost goes to the time the question dates itself
(`TemporalIntent.weighted`). Fast: no index; the product's `parse_question` and
`search.boost_span` over real seed minutes."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.settings import Settings
from search_api.search import boost_span
from search_api.temporal import parse_question
from tests.answering.builders import BOARD_2019, DCS_VIEW_2018, hit
from tests.answering.spans import days

LATEST = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("question", "span", "weighted"),
    [
        ("What did the director report on the improvement work between November and March "
         "2019?", (date(2018, 11, 1), date(2019, 3, 31)), (date(2019, 3, 1), date(2019, 3, 31))),
        ("How did the bid to join the priority programme unfold between January and March "
         "2025?", (date(2025, 1, 1), date(2025, 3, 31)), (date(2025, 3, 1), date(2025, 3, 31))),
        ("Has the estimate gone up since the meeting in February?", (date(2025, 2, 1), LATEST),
         (date(2025, 2, 1), date(2025, 2, 28))),
    ],
)  # fmt: skip
def test_the_boost_stays_on_the_time_the_question_dates(
    question: str, span: tuple[date, date], weighted: tuple[date, date]
) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert days(intent.span) == span
    assert intent.weighted is not None
    assert (intent.weighted.start, intent.weighted.end) == weighted


@pytest.mark.parametrize(
    "question",
    [
        "How did the director's view of the improvement work change between 2018 and 2019?",
        # A change asked between the two sides: both are the states compared, both weigh.
        "How did the director's view of the improvement work change between November and "
        "March 2019?",
        "How has the director's view of the improvement work changed since February?",
        "How has the director's view of the improvement work changed since summer 2018?",
    ],
)
def test_other_spans_boost_as_a_whole(question: str) -> None:
    assert parse_question(question, LATEST).weighted is None


def test_the_dated_side_s_meeting_leads_over_the_first_side_s() -> None:
    """November 2018's view ranks a little above March 2019's decision; the question dates
    March 2019 and reaches back to November (a trend over both): March's passage gets the
    boost and leads, November's stays in the trend's span."""
    question = (
        "What did the director report on the improvement work between November and March 2019?"
    )
    hits = [
        hit(1, date(2018, 11, 21), DCS_VIEW_2018).model_copy(update={"score": 1.0}),
        hit(2, date(2019, 3, 1), BOARD_2019).model_copy(update={"score": 0.9}),
    ]
    intent = parse_question(question, LATEST)
    assert intent.trend
    ranked = boost_span(hits, intent, Settings().search.span_boost)
    assert [h.passage_id for h in ranked] == [2, 1]
    assert intent.span is not None and intent.span.contains(date(2018, 11, 21))
