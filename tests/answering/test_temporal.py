"""Dates, ranges and trend wording in questions (pure logic, no index)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question
from tests.answering.spans import days

LATEST = date(2022, 9, 30)


@pytest.mark.parametrize(
    ("question", "start", "end", "trend"),
    [
        ("How did agency staffing change between 2018 and 2022?", date(2018, 1, 1),
         date(2022, 12, 31), True),
        ("Has churn improved since the 2017 inspection?", date(2017, 1, 1), LATEST, True),
        ("What was reported before 2019?", None, date(2018, 12, 31), False),
        ("How have caseloads moved over the last 3 years?", date(2019, 9, 30), LATEST, True),
        ("What happened in the past two years?", date(2020, 9, 30), LATEST, True),
        ("What overspend was reported in September 2018?", date(2018, 9, 1),
         date(2018, 9, 30), False),
        ("How many children were in care in 2022?", date(2022, 1, 1), date(2022, 12, 31), False),
        ("How many children were in care in summer 2022?", date(2022, 6, 1),
         date(2022, 8, 31), False),
        ("What was said on 21 November 2018?", date(2018, 11, 21), date(2018, 11, 21), False),
        ("Budget from 2018 to 2020", date(2018, 1, 1), date(2020, 12, 31), True),
        ("Agency rates 2018-2022", date(2018, 1, 1), date(2022, 12, 31), True),
        # The bare year a figure is for ("spent in 2021-22") is no span's end: it boosts
        # that year's papers only.
        ("What was spent on agency staff in 2021-22?", date(2021, 4, 1), date(2022, 3, 31),
         False),
        # "recently" is the last year ("in recent years" the last few).
        ("How has the waiting list moved recently?", date(2021, 9, 30), LATEST, True),
    ],
)  # fmt: skip
def test_spans(question: str, start: date | None, end: date | None, trend: bool) -> None:
    intent = parse_question(question, LATEST)
    assert days(intent.span) == (start, end)
    assert intent.trend is trend


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # A part of a year.
        ("How did visits move between late 2018 and spring 2019?", date(2018, 9, 1),
         date(2019, 5, 31)),
        ("How did it change between early 2019 and mid-2021?", date(2019, 1, 1),
         date(2021, 8, 31)),
        ("What happened from the end of 2018 to the middle of 2020?", date(2018, 9, 1),
         date(2020, 8, 31)),
        ("How has it changed since the start of 2019?", date(2019, 1, 1), LATEST),
        # Relative spans in months and decades.
        ("How has it changed in the last 18 months?", date(2021, 3, 30), LATEST),
        ("How has fly-tipping changed over the past decade?", date(2012, 9, 30), LATEST),
        # A range wins over the bare year its preposition makes longer.
        ("How did it change during 2018-2022?", date(2018, 1, 1), date(2022, 12, 31)),
        # A span ending with a financial year runs on to the half year in which that
        # year's outcome is reported (`REPORTED_BY`).
        ("How did it change between 2018/19 and 2021/22?", date(2018, 4, 1),
         date(2022, 9, 30)),
        ("What was the vacancy rate in 2018 and 2022?", date(2018, 1, 1), date(2022, 12, 31)),
    ],
)  # fmt: skip
def test_a_council_officers_trend_spans(question: str, start: date, end: date) -> None:
    """The phrasings of a span over years and months read as one trend over that span,
    with the date words out of the topic (no dangling "between late and")."""
    intent = parse_question(question, LATEST)
    assert days(intent.span) == (start, end)
    assert intent.trend
    assert not {"between", "late", "early", "during", "months"} & set(
        intent.topic.rstrip("?").lower().split()
    )


@pytest.mark.parametrize(
    ("question", "topic", "start"),
    [
        ("How did agency staffing change between 2018 and 2022?",
         "How did agency staffing change?", date(2018, 1, 1)),
        ("Who chairs the Improvement Board?", "Who chairs the Improvement Board?", None),
        # A law is no date.
        ("What does the Children and Social Work Act 2017 replace?",
         "What does the Children and Social Work Act 2017 replace?", None),
        # An ISO date is no financial year: it leaves the topic whole.
        ("What was said on 2018-11-21 about caseloads?", "What was said about caseloads?",
         date(2018, 11, 21)),
    ],
)  # fmt: skip
def test_the_topic_drops_the_dates(question: str, topic: str, start: date | None) -> None:
    intent = parse_question(question, LATEST)
    assert intent.topic == topic
    assert (intent.span and intent.span.start) == start


def test_relative_spans_need_a_corpus_date() -> None:
    assert parse_question("What happened over the last 3 years?", None).span is None


def test_span_contains() -> None:
    span = parse_question("between 2018 and 2022", LATEST).span
    assert span is not None
    assert span.contains(date(2018, 11, 21)) and not span.contains(date(2017, 12, 31))
    assert not span.contains(None)


@pytest.mark.parametrize(
    ("question", "topic", "start", "end"),
    [
        ("What is the Public Health grant for 2025-26?", "What is the Public Health grant 2025-26?",
         date(2025, 4, 1), date(2026, 3, 31)),
        ("What was the overspend in the November 2024-25 monitoring?",
         "What was the overspend in the November 2024-25 monitoring?",
         date(2024, 4, 1), date(2025, 3, 31)),
        ("Which indicators were red in the Q3 2024/25 report?",
         "Which indicators were red in the Q3 2024/25 report?",
         date(2024, 4, 1), date(2025, 3, 31)),
        ("How is the capital programme for 2025-35 funded?",
         "How is the capital programme 2025-35 funded?", date(2025, 1, 1), date(2035, 12, 31)),
    ],
)  # fmt: skip
def test_a_financial_year_stays_in_the_topic(
    question: str, topic: str, start: date, end: date
) -> None:
    """Budget papers write "2025-26" as the question does: cutting it left "-26" behind
    and lost the one word that tells this year's figures from last year's."""
    intent = parse_question(question, LATEST)
    assert intent.topic == topic
    assert days(intent.span) == (start, end)


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("Compare the agency rate aimed for in 2018 with what it had reached by 2021-22.",
         date(2022, 9, 30)),
        ("How did spending change from 2018-19 to 2021-22?", date(2022, 9, 30)),
        ("What was reported until 2019?", date(2019, 12, 31)),
        ("How did spending change between 2018 and March 2022?", date(2022, 3, 31)),
    ],
)  # fmt: skip
def test_a_financial_years_end_reaches_its_report(question: str, end: date) -> None:
    """The agency rate "reached by 2021-22" is stated in the report of July 2022, after the
    year: a span whose last side is a financial year ends at 30 September after it; a
    calendar year or month ends where it ends."""
    intent = parse_question(question, LATEST)
    assert intent.span is not None
    assert intent.span.end == end


@pytest.mark.parametrize(
    "question",
    [
        # "change" as a noun: the changes themselves are asked for (a list, a fact).
        "What changes to the parking policy did the committee recommend?",
        "Who can agree changes to the pay policy under the budget resolution?",
        "Were any changes made to the scheme of delegation?",
        "What did the motion opposing the changes to bus fares ask the council to do?",
        "Which committee must approve the junction change, and when does it meet?",
        "How much could the minimum wage changes add to providers' costs?",
        # The asked "what" is what changes, or what is changed.
        "What is changing in school transport for pupils with SEND?",
        "What does the white paper propose to change in adult social care?",
        # A transitive verb with its object: a practice being changed, not a course.
        "Are officers changing how they record complaints?",
        # A state: why something does not move in a model.
        "Why does the side road hardly change in the traffic model?",
        # A comparison between places, not times.
        "How did Kent's grant per pupil compare with Surrey's?",
        # What is counted at one time.
        "How many indicators were improving at the end of the quarter?",
        # "Since when" asks a date.
        "Since when has the authority run its own buses?",
        # A yes/no "change" with an object opening a later clause: a decision, no course.
        "Who objected to the scheme, and did the council change its plans for the road?",
        "What did the inspectors find, and did Cabinet change the way referrals are handled?",
        # What happened at one time, where something went.
        "What happened at the meeting on 21 November 2018?",
        "Where did the money go?",
        "Who chairs the Improvement Board?",
    ],
)
def test_words_of_change_that_ask_no_course(question: str) -> None:
    """A word of change that is a noun, the asked "what", a transitive verb, a state or a
    comparison of places asks for the changes or a state, not a course over time."""
    assert not parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    "question",
    [
        "How has the use of agency staff changed?",
        "How did complaint numbers change?",
        "How is the number of children in care changing?",
        "How the backlog of assessments changes from one quarter to the next",
        "Has the waiting list for assessments changed?",
        "Did the vacancy rate change?",
        "How has the share of indicators on an improving trend changed?",
        # A relative clause inside what is tracked ends no clause.
        "How has the number of children who came here alone and are in care changed?",
        "How have the services which the council runs for carers changed?",
        "How did this year's council tax rise compare with the previous year?",
        "Compare the vacancy rate in 2018 with the rate in 2022.",
        # A named span keeps a trend whatever the word's grammar.
        "What changes were made to the budget between 2019 and 2022?",
        "What changes have there been to the safeguarding hub since 2019?",
        "How many children have been in care since 2019?",
        "What has been reported about the programme since January?",
        "Has recruitment improved?",
        # The yes/no form opening a later clause: a figure, then whether it moved.
        "How many children were waiting for an assessment, and has that number changed?",
        "What is the council tax rise next year, and did it change after the consultation?",
        "How much is set aside for potholes; did that change between the draft and the "
        "final budget?",
        "Are the libraries open on Sundays, or have the opening hours changed?",
        # What became of something, or how it went from one state to another: its course
        # over meetings.
        "What happened to the idea of postponing the elections?",
        "What has happened with the safeguarding hub since 2018?",
        "How did the council tax rise go from the draft budget to the final decision?",
    ],
)
def test_words_of_change_that_ask_a_course(question: str) -> None:
    """Change as the verb of what the question tracks, a comparison with an earlier time,
    or a named span is a trend."""
    assert parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        (
            "How did the total of the budget risks in the risk register move between the "
            "draft budget in January and the final budget in February?",
            "How did the total of the budget risks in the risk register move?",
        ),
        (
            "How has the total of savings to be delivered grown from the January draft to "
            "the March budget update?",
            "How has the total of savings to be delivered grown?",
        ),
        (
            "How has the decision on the family hubs progressed since it was called in?",
            "How has the decision on the family hubs progressed?",
        ),
        (
            "How did the council tax rise go from the draft budget at Cabinet to the final "
            "decision at full Council?",
            "How did the council tax rise go?",
        ),
        (
            "How much is set aside for road repairs, and did that change between the draft "
            "and the final budget?",
            # A follow-up clause of change goes whole (`TemporalIntent.tracked`).
            "How much is set aside for road repairs?",
        ),
    ],
)
def test_a_trends_ends_named_by_events_leave_its_subject(question: str, subject: str) -> None:
    """The clauses after the verb of change that name the span's ends by events say when,
    not what: the subject is the topic without them (what a trend's dense side embeds)."""
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert intent.subject == subject


@pytest.mark.parametrize(
    "question",
    [
        # A clause before the verb is the subject's own.
        "How has the gap between income and spending changed?",
        # "since" with no verb of change before it may hold the asked thing's verb.
        "Which grant announcements since the February budget meeting were reported to Cabinet?",
        # Dates are the topic's cut already; nothing is left to name the ends.
        "How has agency staffing changed between 2018 and 2022?",
        # A "between" clause naming no time compares things: it is the subject's.
        "How has the balance of spending changed between adult social care and children's "
        "services?",
        "How has the relationship changed between the council and the police?",
        # Not a trend: the search ranks on the topic.
        "What was decided between the council and the trust about the hospital site?",
    ],
)
def test_no_subject_where_no_events_name_a_trends_ends(question: str) -> None:
    assert parse_question(question, LATEST).subject is None


@pytest.mark.parametrize(
    ("question", "tracked"),
    [
        (
            "How much is going into the general reserve next year, and did it change "
            "between January and February?",
            # A year named from the question's time goes too (`RELATIVE_YEAR`).
            "How much is going into the general reserve?",
        ),
        (
            "how much is the council taking out of its reserves next year, and did that "
            "change from the draft budget",
            "how much is the council taking out of its reserves",
        ),
        (
            "How much could the budget be hit if savings are not made, and has that "
            "estimate gone up since January?",
            "How much could the budget be hit if savings are not made?",
        ),
        (
            "Has money for children's services been a problem, and how has that changed?",
            "Has money for children's services been a problem?",
        ),
        (
            "When will the district councils be replaced, and did the expected date change "
            "between January and March 2025?",
            "When will the district councils be replaced?",
        ),
        (
            "How much is set aside for potholes; did that change between the draft and the "
            "final budget?",
            "How much is set aside for potholes?",
        ),
    ],
)
def test_a_follow_up_clause_of_change_is_not_what_is_tracked(question: str, tracked: str) -> None:
    """ "…, and did that change" asks whether the first clause's thing moved: its words
    ("change", "draft", "budget") are the question's frame, and what both retrievers
    search is the first clause (eval/README.md, round 33, r33-trend)."""
    intent = parse_question(question, LATEST)
    assert intent.trend
    assert intent.tracked == tracked
    assert intent.subject == tracked


@pytest.mark.parametrize(
    "question",
    [
        # The course is the question's one clause.
        "How did the number of children in care change between 2018 and 2022?",
        "How has the decision on the family hubs progressed since it was called in?",
        # A dated opening phrase before "how" is no clause of its own.
        "Over the last two quarters, how has the share of pupils in special schools moved?",
        "Between the November 2018 meeting and early 2019, how did the visit dates move on?",
        # "or" offers another question; a verb with an object is a decision.
        "Are the libraries open on Sundays, or have the opening hours changed since 2019?",
        "How many staff left last year, and has the council changed its policy since 2019?",
        # Not a trend: nothing is searched apart.
        "How much is set aside for potholes, and what is it for?",
    ],
)
def test_no_follow_up_clause_of_change(question: str) -> None:
    assert parse_question(question, LATEST).tracked is None


@pytest.mark.parametrize(
    "question",
    [
        "How have permanent exclusions moved in recent years?",
        "How has agency staffing changed over the past few years?",
        "How many trees were planted in the last few years?",
    ],
)
def test_recent_years_are_the_past_few(question: str) -> None:
    """ "In recent years" is some years, not "recently"'s twelve months, and "the past few
    years" is "a few": three years back from the archive's latest date."""
    assert days(parse_question(question, LATEST).span) == (
        LATEST.replace(year=LATEST.year - 3),
        LATEST,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Where will the money to balance the 2023-24 budget come from, after the 2022-23 "
        "reserves drawdown?",
        "What did the committee decide at its March 2022 meeting about the 2022-23 fees?",
        "What did Cabinet agree on 5 May 2022 about the June 2022 consultation?",
    ],
)
def test_dates_that_name_a_thing_are_no_two_times_compared(question: str) -> None:
    """A date between a determiner and a noun ("the 2023-24 budget", "its March 2022
    meeting") says which budget or meeting: two such, or one and a time, ask no course.
    The span still holds them."""
    intent = parse_question(question, LATEST)
    assert not intent.trend
    assert intent.span is not None and intent.span.start is not None


@pytest.mark.parametrize(
    "question",
    [
        "Compare the caseloads in 2018 with those in 2022.",
        "In 2019 part of the workforce was agency staff. Had that got smaller by 2022?",
        "How did the 2018 and 2022 figures compare?",
    ],
)
def test_two_times_named_as_times_are_still_a_trend(question: str) -> None:
    assert parse_question(question, LATEST).trend
