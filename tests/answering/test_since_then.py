"""Round 51 (issue #13 §2): a course left open after a time the question named before it —
"Supervision was still a worry in 2019. Has management oversight improved since then?" —
runs from that time on to the latest date, as "since 2019" does (`temporal.SINCE_THEN`);
so does one left open from an event the question dates — "gone up since it was agreed on
13 february", "change after the budget meeting in February" (`temporal.SINCE_EVENT`).
Read as the named time alone, the later end's meetings fell outside the span and the
answer told the first end only (st49-002, kt49-005, kt49-012). The parse cases are pure
logic; the answer case is the seeds' agency staffing trend on the real seed index
(21 November 2018 → 14 July 2022)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api import temporal
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.temporal import parse_question

LATEST = date(2025, 3, 13)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # SINCE_THEN: the tune row's own wording (st49-002).
        (
            "Supervision was still a worry in 2019. Has management oversight of social work "
            "improved since then?",
            date(2019, 1, 1),
        ),
        # New wordings of the same kind.
        ("Agency staffing was a worry in 2018. How has it changed since then?", date(2018, 1, 1)),
        ("In March 2021 the hubs were reviewed; what happened since that time?", date(2021, 3, 1)),
        # SINCE_EVENT: the tune rows' own wording (kt49-005, kt49-012).
        (
            "has the council's net revenue budget for 2025-26 gone up since it was agreed on "
            "13 february",
            date(2025, 2, 13),
        ),
        (
            "Did the amount the council plans to put into reserves in 2025-26 change after the "
            "budget meeting in February?",
            date(2025, 2, 1),
        ),
        # New wordings of the same kind: a dated day, a year, "at".
        ("Has the figure moved since the meeting on 13 February 2025?", date(2025, 2, 13)),
        ("How has agency use changed since the inspection in 2018?", date(2018, 1, 1)),
        ("Have caseloads gone down since the review at the end of 2019?", date(2019, 9, 1)),
    ],
)
def test_an_open_span_runs_from_its_time_to_the_latest(question: str, start: date) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend, question
    assert intent.span is not None and intent.span.start == start, intent.span
    assert intent.span.end == LATEST, intent.span


def test_off_the_named_time_stands_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(temporal, "SINCE_THEN", False)
    intent = parse_question(
        "Supervision was still a worry in 2019. Has management oversight improved since then?",
        LATEST,
    )
    assert intent.span is not None and intent.span.end == date(2019, 12, 31)


@pytest.mark.parametrize(
    ("flag", "question"),
    [
        # "since" an event of its own, or a named time after "since": read as before.
        (
            "SINCE_THEN",
            "Had councillors had a report on the children's centres since they were redesigned?",
        ),
        (
            "SINCE_THEN",
            "How has the decision on the family hubs progressed since it was called in?",
        ),
        # A time after the "since then" is no time it points back to.
        ("SINCE_THEN", "What has happened since then to the budget agreed in February 2025?"),
        # Two named times: a range, not a course left open.
        ("SINCE_THEN", "Did churn fall between 2018 and 2022?"),
        # "since the budget in February" and "after January" ran on already.
        ("SINCE_EVENT", "How has the plan changed since the budget in February?"),
        ("SINCE_EVENT", "What happened after January?"),
        # An event not dated by "in", "on" or "at" a time; a place after "at".
        ("SINCE_EVENT", "Has the site been used since work started at the quarry?"),
        ("SINCE_EVENT", "What has changed since it was called in?"),
    ],
)
def test_other_wordings_are_read_as_before(
    flag: str, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    on = parse_question(question, LATEST)
    monkeypatch.setattr(temporal, flag, False)
    assert parse_question(question, LATEST) == on, question


def _cited_days(engine: Archive, question: str) -> set[date | None]:
    answer = engine.reader().ask(SearchRequest(question, k=8))
    assert not answer.abstained
    return {c.citation.meeting_date for c in answer.citations}


def test_the_answer_reaches_the_later_end(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds' agency staffing trend asked from 2018 "since then": the 2022 improvement
    report is cited beside the 2018 minutes; read as 2018 alone it is not."""
    question = "Agency staffing was a worry in 2018. How has it changed since then?"
    days = _cited_days(seed_engine, question)
    assert date(2018, 11, 21) in days and date(2022, 7, 14) in days, days
    monkeypatch.setattr(temporal, "SINCE_THEN", False)
    assert date(2022, 7, 14) not in _cited_days(seed_engine, question)


def test_off_an_event_dated_on_a_day_stands_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(temporal, "SINCE_EVENT", False)
    for question in (
        "has the net revenue budget gone up since it was agreed on 13 february",
        "Did the reserves change after the budget meeting in February?",
    ):
        intent = parse_question(question, LATEST)
        assert intent.span is not None and intent.span.end is not None, question
        assert intent.span.end < LATEST, (question, intent.span)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("since January", {"since": "since ", "month": "January"}),
        ("since the budget in February", {"since": "since the budget in ", "event": "budget in "}),
        ("since it was agreed on 13 February", {"since": None, "day": "13"}),
        ("after the budget meeting in February", {"since": None, "month": "February"}),
        ("the March update", {"since": None, "month": "March"}),
    ],
)
def test_the_month_patterns_read_as_their_kind(text: str, groups: dict[str, str | None]) -> None:
    """Round 53: the two month patterns are built by one function from shared parts
    (`_since_or_bare_month`); without `SINCE_EVENT` ("in" only, no "after") a month
    reads as round 51 read it, and with it the event may be dated "on" or "at" and follow
    "after" too."""
    found = temporal._SINCE_OR_BARE_MONTH.search(text)
    assert found is not None
    for name, value in groups.items():
        assert found.group(name) == value, (text, name, found.groupdict())
    event = temporal._SINCE_EVENT_OR_BARE_MONTH.search(text)
    assert event is not None and event.group("month") == found.group("month")
    if "after" in text or " on " in text:
        # The whole clause from "since" or "after" is the pattern's `since` group.
        assert event.start() == 0 and event.group("since").split()[0] == text.split()[0]
