"""Round 44: "who attended …?" over minutes from other countries
(`tests/data/ingestion/foreign/`, synthetic). An attendance list is names, which no
answer quoted (`is_stray`); a question asking who attended, was present or absent reads
the lists under their labels ("PRESENT", "Council Present:", "Absent:"). Fast: no index,
the product's AnswerBuilder over the passages as the index stores them (one line each)."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.sentences import asks_attendance, candidates
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# Tarawera District Council, 24 May 2018 (nz_district_council_2018-05-24.txt): its preamble.
NZ_PREAMBLE = (
    "Minutes of an Ordinary Meeting of the Tarawera District Council held in the Council "
    "Chamber, 4 Rata Street, Tarawera on Thursday 24 May 2018 at 9.30am PRESENT Mayor Anne "
    "Hohaia Councillors Rewi Marsh, Kate Pomare, Sam Ellery, Joan Tuhi, Dev Singh and Mark "
    "Oliver IN ATTENDANCE Chief Executive (Paul Brandt), Group Manager Assets (Hana Reti), "
    "Democracy Advisor (Lucy Ward)"
)
NZ_ITEM = (
    "The Group Manager Assets summarised the 412 submissions received on the draft Long Term "
    "Plan. Most submissions concerned the proposed increase in the roading rate and the timing "
    "of the Tarawera wastewater upgrade, which was now estimated at $18.6 million."
)
# City of Maple Grove, 8 March 2016 (us_city_council_2016-03-08.md), item 2 ROLL CALL.
US_ROLL = (
    "Present: Mayor Johnson, Councilmembers Garcia, Lee, Patel and Whitfield. Absent: None. "
    "Staff present: City Manager Anne Ross, City Attorney Tom Hale, Finance Director Maria "
    "Ortiz."
)


@pytest.mark.parametrize(
    "question",
    [
        "Who attended the Tarawera District Council meeting of 24 May 2018?",
        "Who was present at the Barralong Shire Council meeting in June 2021?",
        "Which officers were in attendance at the meeting?",
        "Which councillors were absent?",
        "What apologies were received at the meeting?",
        # Round 45: whether someone attended or sent apologies, and who joined remotely.
        "Did anyone give apologies for the Cabinet meeting on 9 January 2025?",
        "Did Mrs Game send apologies to the County Council meeting?",
        "Was Mr Simkins absent from the County Council meeting of 19 December 2024?",
        "Did the Director of Technology attend the Cabinet meeting remotely?",
        "Which officers joined the Cabinet meeting virtually?",
    ],
)
def test_a_question_asking_who_attended_asks_for_attendance(question: str) -> None:
    assert asks_attendance(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did the Group Manager Assets present on the Long Term Plan?",
        "Who moved the apology from Councillor Fenton?",
        "What is the present value of the loan?",
        "Did the council send a response to the consultation?",
        "Was the report present at the start of the year?",
        "Can residents join the consultation online?",
    ],
)
def test_other_questions_do_not(question: str) -> None:
    assert not asks_attendance(question)


def test_attendance_lists_are_candidates_only_when_asked() -> None:
    hits = [hit(1, date(2016, 3, 8), US_ROLL)]
    asked = [c.text for c in candidates(hits, rolls=True) if c.roll]
    assert asked == ["Present: Mayor Johnson, Councilmembers Garcia, Lee, Patel and Whitfield.",
                     "Absent: None."]  # fmt: skip
    assert not [c for c in candidates(hits) if c.roll]


def test_who_attended_is_answered_with_the_attendance_list() -> None:
    question = "Who attended the Tarawera District Council meeting of 24 May 2018?"
    day = date(2018, 5, 24)
    hits = [hit(1, day, NZ_ITEM), hit(2, day, NZ_PREAMBLE)]
    intent = TemporalIntent(span=None, trend=False, topic=question)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.55}, {}, question=question)
    assert not r.abstained, r.text
    assert r.lead is not None and r.lead.startswith("PRESENT Mayor Anne Hohaia Councillors"), r.lead
    assert any("IN ATTENDANCE Chief Executive (Paul Brandt)" in c.quote for c in r.citations)
