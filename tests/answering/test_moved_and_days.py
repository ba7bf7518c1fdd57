""" "Moved" read as procedure or as a course, and a day and month read as that day (eval/
README.md, "'Moved' as procedure or course, and a day read as its day", round 30). Fast: no
index; the product's `parse_question`, `named_times` and `search.boost_span` over real seed
minutes."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.settings import Settings
from search_api.search import boost_span
from search_api.temporal import named_times, parse_question
from tests.answering.builders import (
    BOARD_2019,
    DCS_VIEW_2018,
    answering_builder,
    declarations,
    hit,
)
from tests.answering.spans import days

LATEST = date(2026, 1, 15)


@pytest.mark.parametrize(
    "question",
    [
        # A motion or an amendment moved: procedure.
        "Who moved and seconded the motion on the alternative budget?",
        "Was it moved that the report be noted?",
        "The recommendation was moved by which councillor?",
        "Who moved an amendment to the budget?",
        "How was the amendment moved?",
        "Did the council move the recommendation in the report?",
        # A team or a person moving to a place: a transfer.
        "At what age do young disabled people move over to adult social care?",
        "Will staff switch case recording systems when they move in April?",
        "How will staff move to the new case recording system?",
        # Counted.
        "How many children moved into care?",
    ],
)
def test_moved_as_procedure_or_transfer_asks_no_course(question: str) -> None:
    assert not parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    "question",
    [
        "How has the share of pupils with EHCPs in independent schools moved?",
        "How did the estimate of retained business rates move between the draft budget and "
        "the final budget?",
        "How have permanent exclusions moved over the past year?",
        "Has the overall judgement moved, and by how much?",
        "Did the forecast overspend move after the consultation?",
        "Which indicators moved up to green?",
    ],
)
def test_moved_as_the_tracked_figures_verb_asks_a_course(question: str) -> None:
    assert parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    "text",
    [
        "What did the committee hear on 21 November 2018?",
        "What did the committee hear on 21st November 2018?",
        "What did the committee hear on November 21, 2018?",
        "What did the committee hear on November 21st 2018?",
        "What did the committee hear on 21.11.2018?",
        "What did the committee hear on 21/11/2018?",
        "What did the committee hear on 2018-11-21?",
        # Month first only where day first cannot be read.
        "What did the committee hear on 11/21/2018?",
    ],
)
def test_a_day_in_any_order_is_that_day(text: str) -> None:
    day = date(2018, 11, 21)
    assert days(parse_question(text, LATEST).span) == (day, day)
    assert named_times(text, LATEST) == [(day, day)]


def test_a_day_in_figures_reads_day_first() -> None:
    """ "5.3.2024" is 5 March, as English papers write it, not 3 May."""
    day = date(2024, 3, 5)
    assert named_times("The decision was published on 05/03/2024.", LATEST) == [(day, day)]
    assert named_times("The decision was published on 5.3.2024.", LATEST) == [(day, day)]


@pytest.mark.parametrize("words", ["10 January", "10th January", "January 10"])
def test_a_day_without_a_year_is_that_day(words: str) -> None:
    """A sentence's day without a year is the latest such day up to when it was said, not
    the whole month (a stage after the 5 January meeting, `answering._tells`)."""
    said = date(2025, 3, 12)
    day = date(2025, 1, 10)
    assert named_times(f"A joint letter was submitted on {words}.", said) == [(day, day)]


def test_a_trends_yearless_days_are_its_ends() -> None:
    assert days(
        parse_question("How did the estimate change between 5 March and 9 April?", LATEST).span
    ) == (date(2025, 3, 5), date(2025, 4, 9))


@pytest.mark.parametrize(
    ("day", "other"),
    [
        # No passage is dated 20 November 2018: the meeting of the 21st is the month's and
        # takes the boost (the day alone boosted nothing), March 2019's does not.
        (20, date(2019, 3, 1)),
        # A meeting on the day: that day alone is boosted, not the rest of its month.
        (21, date(2018, 11, 5)),
    ],
)
def test_a_day_boosts_its_meeting_else_its_month(day: int, other: date) -> None:
    question = f"What did the director tell the committee on {day} November 2018?"
    hits = [
        hit(1, other, BOARD_2019).model_copy(update={"score": 1.0}),
        hit(2, date(2018, 11, 21), DCS_VIEW_2018).model_copy(update={"score": 0.9}),
    ]
    ranked = boost_span(hits, parse_question(question, LATEST), Settings().search.span_boost)
    assert [h.passage_id for h in ranked] == [2, 1]
    assert ranked[1].score == 1.0


def test_an_answer_keeps_to_the_month_of_a_day_no_meeting_sat_on() -> None:
    """ "…at the 20 November 2018 meeting", and the papers' meeting sat on the 21st: the
    answer keeps to that month's meeting (`answering._within`), as the search's boost does,
    not to every meeting because none is on the day."""
    hits = declarations()
    question = "Which councillors declared interests at the 20 November 2018 meeting?"
    intent = parse_question(question, LATEST)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.5}, {}, question=question)
    assert not r.abstained
    assert all(c.citation.meeting_date == date(2018, 11, 21) for c in r.citations), r.text
    assert "Shaun Parsons" in r.text
