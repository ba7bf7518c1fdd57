"""Round 55: other councils' minutes read further (round 54's r54-foreign10 Left (a), (c),
(d), (e), (f)). "How did the board vote on reducing …?" asks about one vote, its course
word the matter voted on (`temporal.VOTE_OBJECTS`); "who was absent …?" opens on the
meeting's roll, not a roll-call vote's "ABSENT:" line (`answering.ROLL_KINDS_WITHIN`,
`answering.VOTE_ROLLS_LAST`); an outcome's opening line reads a short clause with its own
sentence, not on into the next one (`answering.CLAUSE_IN_ITS_SENTENCE`); "what happened to
the … reduction?" finds the item by its motion's own words ("to reduce the tax rate",
`sentences.MOTION_WORDS`); "what became of X?" reads as "what happened to X?"
(`temporal.BECAME_OF`). Real files (`tests/data/ingestion/foreign10/`, `foreign7/`,
`foreign9/`, synthetic, as pdftotext gives them), the real reader, tokenizer and indexes
with the bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests need none."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import asks_outcome, roll_kinds
from search_api.temporal import parse_question

from .conftest import Build, probe_text

VILLAGE = "foreign10/us_village_2021-05-11.txt"
US_BOARD = "foreign7/us_county_board_2020-01-14.txt"
US_TOWN_2019 = "foreign9/us_town_2019-10-08.txt"
LATEST = date(2026, 1, 31)


@pytest.fixture(scope="module")
def archives(build: Build) -> dict[str, Archive]:
    """Each probe file an archive of its own, built once for the module."""
    return {path: build(probe_text(path)) for path in (VILLAGE, US_BOARD, US_TOWN_2019)}


# -- (a) how a vote went, on a course word ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How did the board vote on reducing the cannabis cultivation tax?",
        "How did the trustees vote on increasing the water rate?",
        "What was the roll call vote on reducing the speed limit?",
        "How was the vote on the proposal to increase parking charges?",
    ],
)
def test_a_vote_on_a_course_word_is_one_vote(question: str) -> None:
    # Before: "reducing" / "increasing" read as a course over meetings, a trend.
    assert asks_outcome(question)
    assert not parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    "question",
    [
        "How did the board vote on reducing the tax, and how has the rate changed since?",
        "How did members vote on reducing the tax in 2019 and in 2022?",
        "How did the share of the vote change since 2017?",
    ],
)
def test_a_course_asked_besides_the_vote_is_still_a_trend(question: str) -> None:
    assert parse_question(question, LATEST).trend


def test_how_the_board_voted_on_a_course_word_states_the_vote(
    archives: dict[str, Archive],
) -> None:
    question = "How did the board vote on reducing the cannabis cultivation tax?"
    answer = archives[US_BOARD].reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert answer.intent is not None and not answer.intent.trend
    assert "The motion failed by the following vote" in (answer.lead or ""), answer.lead
    assert "NOES: Supervisors Liu, Ochoa" in (answer.lead or ""), answer.lead


# -- (c) who was absent: the meeting's roll, not a vote's line -----------------------------


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (VILLAGE, "Who was absent from the board meeting on May 11, 2021?",
         "Absent: Trustee Helen Moss"),
        (VILLAGE, "Who was absent?", "Absent: Trustee Helen Moss"),
        (US_BOARD, "Who was absent from the board meeting on January 14, 2020?",
         "Supervisors Absent: Supervisor Dana Whitfield"),
    ],
)  # fmt: skip
def test_who_was_absent_opens_on_the_meetings_roll(
    archives: dict[str, Archive], path: str, question: str, opens: str
) -> None:
    # Before: "ABSENT: Moss" / "ABSENT: Supervisor Whitfield", a roll-call vote's line; the
    # roll quoted whole ("Present: … Absent: … Also Present: …") was left out for its
    # first label's kind.
    answer = archives[path].reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    assert (answer.lead or "").startswith(f"{opens} ["), answer.lead


def test_a_members_absent_label_is_a_roll_of_the_absent() -> None:
    assert roll_kinds("Supervisors Absent: Supervisor Dana Whitfield") == {"absent"}
    assert roll_kinds("Absent: Trustee Helen Moss") == {"absent"}
    assert "absent" not in roll_kinds("Supervisors Present: Chair Linda Moreno")


# -- (e) an outcome's opening line from the start of its motion's sentence ----------------


@pytest.mark.parametrize(
    "question",
    [
        "Was the sidewalk cafe permit program adopted?",
        "What happened to the sidewalk cafe permit program?",
    ],
)
def test_an_outcome_lead_opens_at_its_motions_sentence(
    archives: dict[str, Archive], question: str
) -> None:
    # Before: "to adopt the sidewalk cafe permit program. Motion failed by the following roll
    # call vote": the clause read on into the next sentence, the line opening mid-sentence.
    answer = archives[VILLAGE].reader().ask(SearchRequest(question))
    lead = answer.lead or ""
    assert lead.startswith("Motion by Trustee Ruiz, second by Trustee Patel, to adopt"), lead
    assert "Motion failed by the following roll call vote" in lead, lead


# -- (d) a fate named by its motion's own words --------------------------------------------


def test_a_fate_named_by_the_motions_verb_states_its_outcome(
    archives: dict[str, Archive],
) -> None:
    # Before: a course ("reduction" in no item title), the lead the staff recommendation.
    question = "What happened to the cannabis cultivation tax reduction?"
    answer = archives[US_BOARD].reader().ask(SearchRequest(question))
    assert answer.intent is not None and answer.intent.decided and not answer.intent.trend
    assert "The motion failed" in (answer.lead or ""), answer.lead


@pytest.mark.parametrize(
    ("path", "question"),
    [
        (VILLAGE, "What happened to the speed limit on Orchard Road?"),  # no vote recorded
        (US_BOARD, "What happened to the cannabis cultivation tax exemption?"),  # never moved
    ],
)
def test_a_fate_no_title_or_motion_names_stays_a_course(
    archives: dict[str, Archive], path: str, question: str
) -> None:
    answer = archives[path].reader().ask(SearchRequest(question))
    assert answer.intent is not None and answer.intent.trend and not answer.intent.decided


# -- (f) what became of X ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("What became of the sidewalk cafe permit program?", "the sidewalk cafe permit program"),
        ("What became of the Elm Street crosswalk?", "the Elm Street crosswalk"),
    ],
)
def test_what_became_of_a_thing_keeps_the_thing(question: str, thing: str) -> None:
    intent = parse_question(question, LATEST)
    assert intent.trend and intent.fate == thing


def test_what_became_of_a_motion_is_still_its_outcome() -> None:
    question = "What became of the motion on parking charges?"
    assert asks_outcome(question)
    assert not parse_question(question, LATEST).trend


@pytest.mark.parametrize(
    ("path", "question", "outcome"),
    [
        (VILLAGE, "What became of the sidewalk cafe permit program?", "Motion failed"),
        (US_TOWN_2019, "What became of the Elm Street crosswalk?", "Motion carried 4-0"),
    ],
)
def test_what_became_of_an_item_the_minutes_decide_states_its_outcome(
    archives: dict[str, Archive], path: str, question: str, outcome: str
) -> None:
    # Before: neither a course nor an outcome, the lead the motion's clause without it.
    answer = archives[path].reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert answer.intent is not None and answer.intent.decided and not answer.intent.trend
    assert outcome in (answer.lead or ""), answer.lead
