"""Round 52: other councils' votes by name and attendance by label. US and Canadian roll
calls ("Motion carried by the following roll call vote:" / "AYES: …" / "NAYS: …",
"Recorded Vote: Yea: … Nay: …" over "DEFEATED") quoted with the outcome and read as a
vote recorded; "What was the vote on …?" and "What happened to the … proposal?" read as
outcome questions, not as a course over meetings; "Who attended …?" answered from a roll
labelled "Present" where no passage says "attend". Real files (`tests/data/ingestion/
foreign8/`, `foreign7/`, `foreign_filed/`, synthetic), the real reader and indexes with the
bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests need no index."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Citation
from search_api.answering import Minutes, Record
from search_api.search import SearchRequest
from search_api.sentences import asks_outcome, outcome_after, outcome_stated, records_vote
from search_api.temporal import parse_question

from .conftest import Build, probe_text

US_CITY = "foreign8/us_city_2019-03-04.txt"
CA_TOWNSHIP = "foreign7/ca_township_2018-06-19.txt"
PARKING = (
    "Staff presented a proposal to install 120 parking meters on Main Street. Motion by "
    "Councilmember Chen, second by Councilmember Ortega, to approve the downtown parking meter "
    "proposal. Motion failed by the following roll call vote: AYES: Chen, Ortega NAYS: "
    "Whitcomb, Baker ABSENT: Kline 6. ADJOURNMENT"
)
CANNABIS = (
    "THAT Council opt out of hosting cannabis retail stores in the Township of Cedar Falls.\n"
    "Recorded Vote: Yea: Bouchard, MacLeod Nay: Tremblay, Fraser\nDEFEATED"
)


def test_a_roll_call_after_the_outcome_is_quoted_with_it() -> None:
    start = PARKING.index("Motion failed") - 1
    found = outcome_after(PARKING, start, False, 120)
    assert isinstance(found, tuple), found
    assert PARKING[found[0] : found[1]] == (
        "Motion failed by the following roll call vote: AYES: Chen, Ortega NAYS: Whitcomb, "
        "Baker ABSENT: Kline"
    )  # up to the next item's number, not into it
    stated = outcome_stated(PARKING[start:])
    assert stated is not None and PARKING[start:][stated[1] - 5 : stated[1]] == "Kline"
    # "Absent:" after an outcome with no side before it is the next roll, not the vote's.
    text = "Motion carried. Absent: Cllr X. The next item"
    assert outcome_after(text, 0, False, 40) == (0, len("Motion carried."))


def test_a_labelled_vote_before_the_outcome_is_quoted_from_its_label() -> None:
    found = outcome_after(CANNABIS, CANNABIS.index("Falls.") + 6, False, 120)
    assert isinstance(found, tuple), found
    quoted = " ".join(CANNABIS[found[0] : found[1]].split())
    assert quoted == "Recorded Vote: Yea: Bouchard, MacLeod Nay: Tremblay, Fraser DEFEATED"


def test_yea_and_nay_record_a_vote() -> None:
    assert records_vote("Recorded Vote: Yea: Bouchard, MacLeod Nay: Tremblay, Fraser")
    assert not records_vote("The motion was voted on and carried.")


@pytest.mark.parametrize(
    "question",
    [
        "What was the vote on the water rate adjustment?",
        "What was the roll call vote on the parking meter proposal?",
        "What happened to the downtown parking meter proposal?",
    ],
)
def test_questions_asking_how_a_vote_went_ask_for_its_outcome_not_a_course(question: str) -> None:
    assert asks_outcome(question)
    assert not parse_question(question, date(2019, 12, 31)).trend


def test_what_happened_to_a_thing_that_is_no_motion_is_still_a_course() -> None:
    question = "What happened to the idea of postponing the May 2025 county council elections?"
    assert parse_question(question, date(2025, 12, 31)).trend
    assert not asks_outcome("What was the result of the SEND inspection?")


@pytest.mark.parametrize(
    ("question", "lead", "quoted"),
    [
        ("What was the vote on the water rate adjustment?", "Motion carried",
         "NAYS: Ortega ABSENT: Kline"),
        ("What happened to the downtown parking meter proposal?", "Motion failed",
         "NAYS: Whitcomb, Baker ABSENT: Kline"),
    ],
)  # fmt: skip
def test_a_roll_call_vote_is_answered_with_its_outcome_and_names(
    build: Build, question: str, lead: str, quoted: str
) -> None:
    # On main the first lead stated no outcome and the second quote stopped at "Motion
    # failed": neither question read as asking for an outcome, the names never read on to.
    answer = build(probe_text(US_CITY)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert lead in (answer.lead or ""), answer.lead
    assert "→" not in (answer.lead or ""), answer.lead
    assert any(quoted in c.quote for c in answer.citations), answer.text


def test_who_voted_against_is_answered_from_a_recorded_vote_of_yeas_and_nays(
    build: Build,
) -> None:
    # On main "Yea:/Nay:" recorded no vote, and the question was refused (VOTE_RECORDED).
    answer = (
        build(probe_text(CA_TOWNSHIP))
        .reader()
        .ask(SearchRequest("Who voted against opting out of cannabis retail stores?"))
    )
    assert not answer.abstained
    assert any("Nay: Tremblay, Fraser" in c.quote for c in answer.citations), answer.text


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (CA_TOWNSHIP, "Who attended the council meeting on June 19, 2018?",
         "Members Present: Mayor R. Tremblay"),
        ("foreign_filed/wales_2016-08-03.txt",
         "Who attended the council meeting on 3 August 2016?", "PRESENT: Cllr. G. Hughes"),
    ],
)  # fmt: skip
def test_who_attended_is_answered_from_a_present_list_where_no_passage_says_attend(
    build: Build, path: str, question: str, opens: str
) -> None:
    # On main both were refused: "attend" was the question's one term, held nowhere.
    answer = build(probe_text(path)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert (answer.lead or "").startswith(opens), answer.lead


def test_who_attended_a_meeting_the_archive_does_not_hold_is_still_refused(build: Build) -> None:
    answer = (
        build(probe_text(CA_TOWNSHIP))
        .reader()
        .ask(SearchRequest("Who attended the council meeting on March 5, 2019?"))
    )
    assert answer.abstained


def test_the_minutes_read_carry_their_days_and_the_archives_date_order() -> None:
    citation = Citation(
        document_id="d1", title="Minutes of Previous Meeting", doc_type="minutes",
        meeting_date=date(2019, 4, 3),
    )  # fmt: skip
    filed = Minutes({"d1": Record(date(2019, 3, 12), "Council", ())})
    assert filed.read and filed.day(citation) == date(2019, 3, 12)
    titled = citation.model_copy(update={"title": "Minutes 03/12/2019"})
    assert Minutes(order="month").day(titled) == date(2019, 3, 12)
    assert Minutes(order="day").day(titled) == date(2019, 12, 3)
    assert not Minutes().read and Minutes().day(citation) == date(2019, 4, 3)
