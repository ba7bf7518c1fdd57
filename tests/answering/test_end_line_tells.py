"""Round 29 (issue #13 §3): a trend timeline's latest meeting is quoted first, and stated in
the opening line, by the sentence that tells where the course ended (a decision, a measure,
a time after the meeting before it), not by a recap of earlier stages nor a sentence that
tells nothing the question asks. Fast: no index, the product's AnswerBuilder over real seed
and Kent archive text."""

from __future__ import annotations

from datetime import date

from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# corpus/003 (Children and Families O&S, 21 November 2018), para 41.1.
DCS_VIEW_2018 = (
    "The Director of Children’s Services (DCS) informed the committee that he felt that this "
    "letter presented a balanced view of the council’s progress to date. Overall he felt that "
    "the direction of travel was positive. There were still significant issues but these "
    "were being addressed."
)
# corpus/000 (chair's report, March 2019), item 2 "Improvement Board Update".
BOARD_2019 = (
    "The DCS informed the committee that the Improvement Board had agreed an accelerated \n"
    "improvement plan in response to the weaknesses identified in the February 2019 Ofsted \n"
    "letter. This plan identified 4 key achievements: -\n\n"
    " Quality of practice \n"
    " Training of social workers and management development\n"
    " Supervision and management oversight\n"
    " Timeliness of visits \n"
)


def test_the_latest_meeting_is_stated_by_its_decision_not_a_list_lead_in() -> None:
    """March 2019's best-scored sentence is the list's lead-in "This plan identified 4 key
    achievements", which says nothing of where the improvement work stood; the sentence
    before it records the decision ("the Improvement Board had agreed an accelerated
    improvement plan"): the timeline's last line and the opening line state that."""
    hits = [hit(1, date(2018, 11, 21), DCS_VIEW_2018), hit(2, date(2019, 3, 1), BOARD_2019)]
    question = (
        "How did the director's view of the council's improvement progress change between "
        "the two meetings?"
    )
    intent = TemporalIntent(span=None, trend=True, topic=question)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.6}, {}, question=question)
    assert not r.abstained and r.lead
    last = r.lead.split(" → ")[-1]
    assert "improvement plan in response to the weaknesses" in last, r.lead
    assert "4 key achievements" not in last, r.lead
    assert any(
        "accelerated" in c.quote for c in r.citations if c.citation.meeting_date == date(2019, 3, 1)
    ), r.text
    for c in r.citations:
        assert c.quote in c.text


# Kent County Council, 9 January 2025 (report, para 4.5), 30 January 2025 (Cabinet minutes,
# item 83) and 13 March 2025 (Devolution and LGR report, paras 1.4-1.5).
ARGUMENT = (
    "Perhaps the most compelling argument for joining the priority programme is that it is "
    "the quickest route for Kent and Medway to draw down devolved powers and monies from "
    "Government to deliver new and reformed services and improvement programmes for benefit "
    "of Kent and Medway residents and businesses."
)
CABINET = (
    "Having listened carefully to the full debate at County Council and noting the resolution "
    "of Council to endorse an application to join the Devolution Priority Programme and "
    "request a postponement of the KCC Elections, the Leader put forward the motion that "
    "Cabinet consider the following proposal to: (a) Agree to submit a request to government "
    "jointly with Medway Council for Kent and Medway to be included in the Devolution "
    "Priority Programme; and (b) Agree to request that the Minister for Local Government and "
    "English Devolution consider postponing county elections scheduled for May 2025."
)
BACKGROUND = (
    "Following this, the Leaders of KCC and Medway Council submitted a joint letter on 10 "
    "January to Ministers requesting that Kent and Medway be included in the Devolution "
    "Priority Programme. This letter is attached as Appendix 1. On 5 February 2025, "
    "Government announced the areas that had been chosen and the Leaders of KCC and Medway "
    "Council received a letter confirming that Kent and Medway would not be included in the "
    "Devolution Priority Programme. This letter is attached as Appendix 2. The reason given "
    "for this is set out in further detail below."
)


def test_the_latest_meeting_is_stated_by_a_later_stage_not_a_recap() -> None:
    """The March report's best-scored sentence retells January ("submitted a joint letter
    on 10 January", after the 9 January Council and before the 30 January Cabinet the
    timeline already quotes); the sentence after it tells what came since ("On 5 February
    2025, Government announced … would not be included"): the opening line ends on that."""
    hits = [
        hit(1, date(2025, 3, 13), BACKGROUND),
        hit(2, date(2025, 1, 9), ARGUMENT),
        hit(3, date(2025, 1, 30), CABINET),
    ]
    question = (
        "What became of Kent’s bid to join the Devolution Priority Programme between January "
        "and March 2025?"
    )
    intent = TemporalIntent(span=None, trend=True, topic=question)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.6, 3: 0.6}, {}, question=question)
    assert not r.abstained and r.lead
    last = r.lead.split(" → ")[-1]
    assert "would not be included" in last, r.lead
    assert "10 January" not in last, r.lead
    assert any("On 5 February 2025" in c.quote for c in r.citations), r.text
    for c in r.citations:
        assert c.quote in c.text


def test_times_a_sentence_names_are_read_against_the_day_it_was_said() -> None:
    """A month without a year is the latest such up to the meeting, a day of it that day
    ("10 January" said on 13 March 2025 is 10 January 2025, "16 December" 16 December 2024,
    round 30); a dated day, a year and a financial year read as a question's do; what runs
    on ("since 2016") is no time named."""
    from search_api.temporal import named_times  # round 29's reading; main has none

    said = date(2025, 3, 13)
    assert named_times("submitted a joint letter on 10 January to Ministers", said) == [
        (date(2025, 1, 10), date(2025, 1, 10))
    ]
    assert named_times("the White Paper on the 16 December", said) == [
        (date(2024, 12, 16), date(2024, 12, 16))
    ]
    assert named_times("On 5 February 2025, Government announced", said) == [
        (date(2025, 2, 5), date(2025, 2, 5))
    ]
    assert named_times("the pothole blitz in 2024", said) == [
        (date(2024, 1, 1), date(2024, 12, 31))
    ]
    assert named_times("maintenance spend for 2025-26", said) == [
        (date(2025, 4, 1), date(2026, 3, 31))
    ]
    assert named_times("the service has improved since 2016", said) == []
    assert named_times("the committee noted the report", said) == []


def test_a_later_stage_is_read_by_the_archives_year_end() -> None:
    """Round 32: the latest meeting (24 June 2025) tells a stage after the meeting before
    it (20 May 2025) when the year it names starts after that meeting: "in 2025-26" starts
    1 July 2025 in an archive whose year ends 30 June (`TemporalIntent.year_end`, read
    once for the archive and passed down), 1 April 2025 in England's, where the sentence
    tells nothing later and the best-scored one stands."""
    latest = (
        "Following this, the Leaders of KCC and Medway Council submitted a joint letter to "
        "Ministers requesting that Kent and Medway be included in the Devolution Priority "
        "Programme in 2024-25. Government has since confirmed that Kent and Medway would not "
        "be included in the Devolution Priority Programme in 2025-26."
    )
    hits = [
        hit(1, date(2025, 6, 24), latest),
        hit(2, date(2025, 1, 9), ARGUMENT),
        hit(3, date(2025, 5, 20), CABINET),
    ]
    question = "What became of Kent’s bid to join the Devolution Priority Programme?"
    cosines = {1: 0.6, 2: 0.6, 3: 0.6}
    last: dict[tuple[int, int], str] = {}
    for year_end in ((3, 31), (6, 30)):
        intent = TemporalIntent(span=None, trend=True, topic=question, year_end=year_end)
        r = answering_builder().answer(intent, hits, cosines, {}, question=question)
        assert not r.abstained and r.lead
        last[year_end] = r.lead.split(" → ")[-1]
    assert "would not be included" in last[(6, 30)], last
    assert "submitted a joint letter" in last[(3, 31)], last
