"""Round 47 (r47-ends): a budget line asked after as this year against next
(`answering.LINE_ENDS`). The search puts the line's rows at the earliest and latest
meetings holding one into the top k (`row_pairs.pair_rows`); the answer quoted the later
meeting, the final budget book of 13 February 2025, by its paragraphs, not by the line's
row, which scores low on words (a row of figures): the course's later end was not cited.
Fast: no index; Kent County Council's passages as the heldout index ranks them for
"has the innovation and partnership budget in adult social care gone up for next year"
(tune row k29-027): the November 2024-25 monitoring appendix of 30 January 2025 and the
Key Service Statement of 13 February 2025, with their dense cosines."""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import Answer
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

QUESTION = "has the innovation and partnership budget in adult social care gone up for next year"
JANUARY_ROW = "Innovation and Partnership 3.4 3.5 0.1"
FEBRUARY_ROW = "Innovation and Partnership 1,498.2 3,675.4 5,173.6 -1,373.9 0.0 3,799.7"

PASSAGES = [
    # cabinet-2025-01-30-24-00108-appendix-nov-2024-25
    # (Adult Social Care & Health Operations), rank 1, cosine 0.608
    (
        2025,
        1,
        30,
        0.608,
        (
            "Strategic Commissioning (Integrated and Adults) 2.4 2.7 0.3 Transformation "
            "Delivery and support 7.7 7.5 -0.1 Strategic Commissioning (Integrated and "
            "Adults) Total 22.1 23.2 1.0 Strategic Management & Directorate Budgets (ASCH) "
            "Innovation and Partnership 3.4 3.5 0.1"
        ),
    ),
    # full_council-2025-02-13-appendix-g-key-service-statement
    # (Adult Social Care & Health (ASCH)), rank 2, cosine 0.679
    (
        2025,
        2,
        13,
        0.679,
        (
            "Adult Social Care is a key partner to the Integrated Care System (ICS), and the "
            "strategic objectives are aligned to the delivery of the overall ICS strategy. "
            "With valuable input from people with lived experience, unpaid carers, members of "
            "the public, partner organisations and colleagues across our directorate, we have "
            "already: - Developed a clear view of our key strengths and areas for improvement "
            "mapped around our three pillars of Practice – putting the person first, "
            "Innovation – improving all the time and Meaningful Measures – measuring what "
            "matters - Agreed on what sustainable success for adult social care will look "
            "like in the future - Built our strategy delivery plan to prioritise immediate "
            "actions, set longer term objectives and identify key opportunities for "
            "continuous improvement for the next few years - Started to implement the "
            "strategy across a number of priority development areas.\nThe Adult Social Care "
            "and Health (ASCH) directorate consists of four divisions:"
        ),
    ),
    # full_council-2025-02-13-appendix-g-key-service-statement
    # (Adult Social Care & Health Operations Directors: …), rank 3, cosine 0.525
    (
        2025,
        2,
        13,
        0.525,
        (
            "Technology enabled care that supports innovative use of technology to improve "
            "outcomes and empower people to manage their care in a way that is right for "
            "them. Occupational Therapy Services working in partnership with Health to "
            "provide equipment to support people to lead a full life 6 41,461.2 Adult Case "
            "Management & Assessment"
        ),
    ),
    # full_council-2025-02-13-7-amendment-liberal-democrats-adult-social-care-base-budget
    # (Proposed Purpose), rank 4, cosine 0.728
    (
        2025,
        2,
        13,
        0.728,
        (
            "This budget acknowledges a significant imbalance between spending and funding in "
            "adult social service. Directorate spending in 2025-26 is planned to increase by "
            "£80.3m (13.7%). This spending increase includes an average 4% provision for care "
            "provider annual fee uplift, full year effect of current year overspend, "
            "increases in demand and additional costs for new client placements. As a result, "
            "the fiscal settlement for adult social care budget remains incredibly "
            "challenging for both care providers and the Council."
        ),
    ),
    # cabinet-2025-01-30-24-00108-appendix-nov-2024-25
    # (Adult Social Care & Health), rank 5, cosine 0.642
    (
        2025,
        1,
        30,
        0.642,
        (
            "Partnership Working (Section 117) -2,200.0 -272.1 0.0 0.0 -272.1 1,927.9 488.7 "
            "-1,439.2 Partnership Working (CHC) -1,800.0 -1,958.8 0.0 0.0 -1,958.8 -158.8 0.0 "
            "0.0 Reviews: First Reviews -2,300.0 -1,425.4 0.0 0.0 -1,425.4 874.6 0.0 -874.6 "
            "Reviews: Ongoing Reviews -1,200.0 -313.3 0.0 0.0 -313.3 886.7 0.0 -886.7 Short "
            "Term Pathways:"
        ),
    ),
    # cabinet-2025-01-30-24-00108-appendix-nov-2024-25
    # (Adult Social Care & Health Operations), rank 6, cosine 0.559
    (
        2025,
        1,
        30,
        0.559,
        (
            "Sensory - Community Based Services 0.3 0.5 0.2 Sensory - Residential Care "
            "Services 0.0 0.1 0.0 Statutory and Policy Support 1.7 2.0 0.3 Strategic "
            "Safeguarding 0.7 0.8 0.1 Adult Social Care & Health Operations Total 524.7 588.4 "
            "63.7 £m £m Strategic Commissioning (Integrated and Adults) Community Based "
            "Preventative Services 7.5 9.1 1.5 Housing Related Support 1.5 1.5 0.0 "
            "Partnership Support Services 0.0 -0.0 -0.0 Social Support for Carers 3.0 2.4 "
            "-0.6"
        ),
    ),
    # cabinet-2025-01-30-appendix-j-government-grants-in-lgfs
    # (E) Services Grant), rank 7, cosine 0.604
    (
        2025,
        1,
        30,
        0.604,
        (
            "The Autumn Budget 2022 announced that there will be an additional £400m for "
            "adult social care to increase MSIF to £562m for 2023-24. This additional funding "
            "was intended to make tangible improvements to adult social care and, in "
            "particular, to address discharge delays, social care waiting times, low fee "
            "rates, workforce pressures, and to promote technological innovation in the "
            "sector. The additional grant was allocated on the same basis as 2022/23 using "
            "the ASC RNF. The Council’s allocation of the additional £400m was £10.3m taking "
            "the total grant for 2023-24 to £14.4m. The grant was included in the Council’s "
            "2023-24 budget plans."
        ),
    ),
    # full_council-2025-02-13-appendix-g-key-service-statement
    # (Row Ref), rank 8, cosine 0.345
    (
        2025,
        2,
        13,
        0.345,
        (
            "1 3,800.7 Innovation and Partnership 1,498.2 3,675.4 5,173.6 -1,373.9 0.0 "
            "3,799.7\nServices supporting involvement and information, innovation, research, "
            "and sector workforce development to shape and improve services through "
            "co-production, digital and technology, evidence-based practices, and "
            "strengthened partnerships."
        ),
    ),
]


def _answer(trend: bool) -> Answer:
    hits = [hit(pid, date(y, m, d), text) for pid, (y, m, d, _, text) in enumerate(PASSAGES, 1)]
    cosines = {pid: cos for pid, (_, _, _, cos, _) in enumerate(PASSAGES, 1)}
    intent = TemporalIntent(topic=QUESTION, span=None, trend=trend)
    return answering_builder().answer(intent, hits, cosines, {}, question=QUESTION)


def _quotes(answer: Answer) -> list[str]:
    return [c.quote for c in answer.citations]


@pytest.mark.parametrize("trend", [False, True])
def test_the_lines_row_at_each_end_meeting_is_quoted(trend: bool) -> None:
    """Both papers' rows of the line are quoted, read as a plain question (as the search
    reads this one) or as a course. On main's code the answer held January's row alone."""
    quotes = _quotes(_answer(trend))
    assert any(JANUARY_ROW in q for q in quotes), quotes
    assert any(FEBRUARY_ROW in q for q in quotes), quotes


def test_off_the_answer_is_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """With `LINE_ENDS` off the later row is not quoted (what this test pins)."""
    monkeypatch.setattr(answering, "LINE_ENDS", False)
    quotes = _quotes(_answer(False))
    assert not any(FEBRUARY_ROW in q for q in quotes), quotes


def test_a_line_in_one_meeting_alone_adds_nothing() -> None:
    """With the line's row at one meeting only, there is no course to quote: nothing is
    added to what the answer quotes."""
    hits = [
        hit(pid, date(y, m, d), text)
        for pid, (y, m, d, _, text) in enumerate(PASSAGES, 1)
        if FEBRUARY_ROW not in text
    ]
    cosines = {h.passage_id: 0.6 for h in hits}
    intent = TemporalIntent(topic=QUESTION, span=None, trend=False)
    on = answering_builder().answer(intent, hits, cosines, {}, question=QUESTION)
    assert not any(FEBRUARY_ROW in q for q in _quotes(on))
    assert answering._line_rows([], "Innovation and Partnership") == []
