"""A trend's months named without a year (eval/README.md, "Trend ends within reach, round
23"): residents ask "did it change between January and February?" or "has it changed since
January?" of budget papers without saying which year; the months name the trend's ends.
Pure reading first, then the seed index (real model, FAISS, SQLite) placing them by the
topic's own latest date rather than the archive's."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.temporal import TemporalIntent, parse_question
from tests.answering.spans import days

LATEST = date(2026, 1, 15)
"""The heldout archive's latest date: Kingston's papers run on past Kent's March 2025."""


def _trend(question: str) -> tuple[TemporalIntent, tuple[date, date]]:
    """The question read against `LATEST`, checked to be a trend with a span, and the
    span's first and last days."""
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert intent.span is not None
    return intent, (intent.span.start, intent.span.end)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # k11-063's form: the later month is the latest such; the earlier one precedes it.
        ("How much is going into the general reserve next year, and did it change between "
         "January and February?", date(2025, 1, 1), date(2025, 2, 28)),
        ("How did the estimated cost change between the January and February budget risk "
         "registers?", date(2025, 1, 1), date(2025, 2, 28)),
        # A month beside a dated one takes that one's year, not the archive's.
        ("When will the new councils start, and did the expected date change between January "
         "and March 2025?", date(2025, 1, 1), date(2025, 3, 31)),
        ("Has the estimate gone up since January?", date(2026, 1, 1), LATEST),
    ],
)  # fmt: skip
def test_a_trends_months_without_a_year_are_its_span(question: str, start: date, end: date) -> None:
    intent, span = _trend(question)
    assert span == (start, end)
    # The months stay in the topic: "the January draft" names the papers too.
    assert "january" in intent.topic.lower()


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # Named later month first: January-March, not March 2025-January 2026.
        ("How did the estimated cost change between the March and January budget risk "
         "registers?", date(2025, 1, 1), date(2025, 3, 31)),
        # Named across the year's turn the other way: November-February, not February-November.
        ("How did the expected overspend move from the February to the November monitoring "
         "report?", date(2024, 11, 1), date(2025, 2, 28)),
        # December and January are two months apart whichever is named first.
        ("Did the forecast change between January and December?", date(2025, 12, 1),
         date(2026, 1, 31)),
        # Three months: one stretch, not each the latest such before the next one named.
        ("How did the reserve change between the January, March and February budget papers?",
         date(2025, 1, 1), date(2025, 3, 31)),
    ],
)  # fmt: skip
def test_months_without_a_year_are_the_shortest_stretch_that_holds_them(
    question: str, start: date, end: date
) -> None:
    """Whatever order a question names them in, months without a year are the shortest
    stretch holding them, not one running most of a year because of the naming order."""
    _, span = _trend(question)
    assert span == (start, end)


def test_the_months_are_placed_by_the_date_given_and_only_for_a_trend() -> None:
    since = parse_question("Has the estimate gone up since January?", LATEST, date(2025, 3, 13))
    assert since.floating
    assert days(since.span) == (date(2025, 1, 1), date(2025, 3, 13))
    # A question that names the year itself is not moved.
    named = parse_question("Did it change between January and March 2025?", LATEST)
    assert not named.floating
    # Not a trend: the month is left as before, no span ("back in December").
    said = parse_question("What did the Green leader make of the plans back in December?", LATEST)
    assert not said.trend and said.span is None


def test_a_search_places_the_months_by_the_topics_latest_date(seed_engine: Archive) -> None:
    """The seed archive runs to July 2022, but Ofsted's monitoring visits are spoken of
    in the November 2018 and March 2019 meetings: "between November and March" is those,
    not November 2021 - March 2022, where nothing on the topic stands."""
    reader = seed_engine.reader()
    question = "How did the dates of Ofsted's monitoring visits move on between November and March?"
    found = reader.ranked(SearchRequest(question, 10))
    assert days(found.intent.span) == (date(2018, 11, 1), date(2019, 3, 31))
    dates = {h.citation.effective_date for h in found.hits}
    assert {date(2018, 11, 21), date(2019, 3, 1)} <= dates
