"""Answers to fact, action and figure questions quote the sentence that says the thing
asked for (issue #13 §3, round 10: eval/README.md "Answer evidence, round 10").

Each test is one general cause of a lost quote: a merged quote cut past its length,
an aim asked for but penalised as a target, a figure of another kind than the wording
suggests, a resolution taken for housekeeping, a financial year read as the meeting's
date. Texts are the seed minutes' own (corpus/001, corpus/003), Kent County Council and
Kingston lines.
"""

from __future__ import annotations

from datetime import date

from indexer.models import Citation, Hit
from search_api.answering import Answer
from search_api.sentences import is_procedural
from search_api.temporal import DateSpan, TemporalIntent
from tests.answering.builders import AGENCY_AIM, answering_builder, hit

# corpus/001 (Children and Families O&S, 21 November 2018), para 46.4.
MENTAL_HEALTH = (
    "The committee was also concerned with regard to access to Children and Young People "
    "(Mental Health) Services (CYPS). The DCS agreed that the delay in access to services "
    "could have a significant impact on the individual, and that it was not appropriate to "
    "be in a position where a young person needed to harm themselves in order to access the "
    "help they needed. He was aware that the government had made additional funding "
    "available (£20m) that Clinical Commissioning Groups could bid for. He would ask the "
    "Gloucestershire Clinical Commissioning Group why it had not put in a bid to this funding."
)


def _answer(
    question: str, hits: list[Hit], cosines: dict[int, float] | None = None,
    span: DateSpan | None = None,
) -> Answer:  # fmt: skip
    intent = TemporalIntent(topic=question, span=span, trend=False)
    cosines = cosines or {h.passage_id: 0.5 for h in hits}
    return answering_builder().answer(intent, hits, cosines, {}, question=question)


def test_adjacent_sentences_are_not_merged_past_the_quote_length() -> None:
    """Two chosen sentences of one paragraph are quoted as one only when the join fits in
    `MAX_QUOTE_WORDS`: else the cut drops the later one's end, here the figure's
    subject ("… that Clinical Commissioning Groups could …")."""
    question = (
        "How much extra money had the government made available for children's mental "
        "health services?"
    )
    answer = _answer(question, [hit(1, date(2018, 11, 21), MENTAL_HEALTH)])
    quotes = [c.quote for c in answer.citations]
    assert any("Clinical Commissioning Groups could bid for" in q for q in quotes), quotes
    assert all(c.quote in c.text for c in answer.citations)


# corpus/003 (Children and Families O&S, 21 November 2018), para 41.4 (41.6 is AGENCY_AIM).
AGENCY_NOW = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The council was very reliant on agency "
    "workers to maintain the system (currently about 40% of the workforce was agency staff)."
)


def test_a_question_asking_for_an_aim_quotes_the_aim() -> None:
    """A figure question's target penalty keeps an aim from standing for a measured
    figure; when the question asks for the aim ("should aim for"), the aim is the answer
    and opens it."""
    question = (
        "What level of agency social workers did the council say it should aim for in the "
        "longer term?"
    )
    day = date(2018, 11, 21)
    answer = _answer(question, [hit(1, day, AGENCY_AIM), hit(2, day, AGENCY_NOW)])
    assert answer.lead and "aim to reduce the number to 10%" in answer.lead, answer.text


# Kingston and North Kingston Neighbourhood Committee, 15 January 2026, the Manorgate Road
# report (../shared/archives/kingston): its five passages the search ranks first for the
# question, with their item titles, fused scores and dense cosines, and the question's
# terms' IDF over the archive they were ranked in (seeds + Kent + Kingston).
MANORGATE = (
    "- The impact of closing Manorgate Road SB is generally similar whether or not Wolverton "
    "Road NB is also closed, primarily because traffic flow on Wolverton Road is naturally "
    "low. - Traffic Flow & Route Choice: Flow on Manorgate Road SB reduces by approximately "
    "200–300 vehicles per hour. Reductions are also seen on Gloucester Road NB and Coombe "
    "Road EB. Vehicles typically reroute via Kingston Hill, Coombe Road, and Galsworthy Road.",
    "- Closing Manorgate Road Northbound (NB) (either alone or in conjunction with Wolverton "
    "Road Southbound(SB)) forces a substantial volume of traffic to find alternative routes "
    "through the local network.",
    "- Justification: The modelling for Manorgate Road Southbound closures showed reductions "
    "in flow on Manorgate Road (200-300 vph) with queueing impacts being largely similar to "
    "existing models or resulting in a minor reduction on Kingston Hill NB. While the NB "
    "closure was detailed separately, a one-way system (implying closure of the SB "
    "direction) aligns with the objective of reducing through-traffic while potentially "
    "managing displacement more effectively than a full closure, according to the available "
    "data. This option should be trialled to balance resident concerns with network "
    "stability.",
    "10. Option B: Manorgate Road One-Way (Towards Kingston Hill) with Wolverton Avenue "
    "One-Way - Recommendation: Based on the indicative traffic assessment, implementing a "
    "one-way system on Manorgate Road toward Kingston Hill (Northbound) appears to have a "
    "less significant negative impact on the wider network compared to other closure "
    "directions.",
    "- Queueing Impacts: Queues in these scenarios remain largely similar to existing "
    "models. However, there is a minor increase in queuing at Coombe Lane West WB and a "
    "reduction in the queue along Kingston Hill NB .",
)
MANORGATE_TITLES = (
    "Manorgate Road Closure (Southbound)",
    "Manorgate Road Closure (Northbound)",
    "Option B: Manorgate Road One-Way (Towards Kingston Hill) with Wolverton Avenue One-Way",
    "Option B: Manorgate Road One-Way (Towards Kingston Hill) with Wolverton Avenue One-Way",
    "Manorgate Road Closure (Southbound)",
)
MANORGATE_SCORES = (2.10, 2.08, 1.80, 1.78, 1.72)
MANORGATE_COSINES = {1: 0.71, 2: 0.65, 3: 0.65, 4: 0.61, 5: 0.62}
MANORGATE_IDF = {
    "less": 4.37,
    "traffic": 4.3,
    "manorg": 4.71,
    "road": 3.43,
    "southbound": 7.23,
    "direct": 4.01,
    "close": 3.72,
}


def test_a_figure_question_gets_a_figure_of_another_kind_when_none_of_its_own() -> None:
    """ "How much less traffic" reads as asking for money; no sentence states an amount,
    and the sentence stating the count ("200–300 vehicles per hour") is the answer: a
    figure question gets the best sentence stating any figure then (before, five
    passages' wordier sentences took the five places)."""
    question = (
        "How much less traffic would use Manorgate Road southbound if that direction were closed?"
    )
    day = date(2026, 1, 15)
    hits = [
        Hit(passage_id=i + 1, text=text, score=score, citation=Citation(
            document_id="manorgate", meeting_date=day, item_title=title))
        for i, (text, title, score) in enumerate(
            zip(MANORGATE, MANORGATE_TITLES, MANORGATE_SCORES, strict=True))
    ]  # fmt: skip
    intent = TemporalIntent(topic=question, span=None, trend=False)
    builder = answering_builder(idf=lambda t: MANORGATE_IDF.get(t, 1.0))
    answer = builder.answer(intent, hits, MANORGATE_COSINES, {}, question=question)
    quotes = [c.quote for c in answer.citations]
    assert any("reduces by approximately 200–300 vehicles per hour" in q for q in quotes), quotes


# Kent County Council minutes, 13 February 2025: the budget item and the Section 25 report.
SECTION_25 = (
    (
        "The Chairman drew Members’ attention to the Section 25 Assurance Statement, as "
        "considered under the previous item, reminding them of the agreement by Council to "
        "give it due regard while considering the Budget.",
        "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax "
        "Setting 2025/26)",
    ),
    (
        "Mr John Betts, Interim Corporate Director Finance, as the Section 151 Officer, "
        "provided an overview of the Section 25 Assurance Statement. He said all the budget "
        "resolutions had undergone extensive scrutiny and reminded Members that the Section "
        "25 Assurance Statement covered the Administration’s proposed budget and all the "
        "amendments. The assessment was that the overall budget estimates were robust and "
        "the levels of reserves were adequate.",
        "Section 25 Report",
    ),
    (
        "RESOLVED that pursuant to section 25 of the Local Government Act, County Council "
        "noted the report and agreed to have due regard to the contents when making "
        "decisions about the proposed budget.",
        "Section 25 Report",
    ),
)


def test_a_resolution_that_notes_a_report_and_decides_more_is_no_housekeeping() -> None:
    """ "noted the report" alone is housekeeping; "noted the report and agreed to have due
    regard …" is what Council resolved, and answers an action question about it."""
    assert is_procedural("The Committee noted the report.")
    assert not is_procedural(SECTION_25[2][0])
    question = (
        "What did Council resolve on the Section 25 assurance statement before setting the budget?"
    )
    day = date(2025, 2, 13)
    hits = [
        Hit(passage_id=i + 1, text=text, score=1.0 / (i + 1), citation=Citation(
            document_id="kcc", meeting_date=day, item_title=title))
        for i, (text, title) in enumerate(SECTION_25)
    ]  # fmt: skip
    answer = _answer(question, hits, {1: 0.79, 2: 0.79, 3: 0.63})
    quotes = [c.quote for c in answer.citations]
    assert any("agreed to have due regard to the contents" in q for q in quotes), quotes


# Kent Cabinet, 4 March 2025 ("Other changes to the 2025-26 budget"), and a Kingston
# committee of 15 January 2026 that the search ranks second.
ACTIVE_TRAVEL = (
    "The Department for Transport issued a notification of the allocation and associated "
    "conditions and guidance for the Active Travel grant funding on 11th February 2025. The "
    "Council’s grant allocation is £5,728.2k, of which £4,376.2k (76%) relates to the "
    "capital budget and £1,382.0k (24%) relates to the revenue budget."
)
HIGHWAYS = (
    "The Committee also noted that the Department for Transport (DfT) would provide further "
    "funding for Highway Infrastructure maintenance, covering the 2026/27 financial year and "
    "the subsequent three financial years."
)


def test_a_financial_year_does_not_choose_the_answers_meetings() -> None:
    """ "for 2025-26" is the year the grant is for; it was announced in March 2025, before
    the year began. Read as the meeting's date it kept only a 2026 committee's line."""
    question = (
        "How much Active Travel funding did the Department for Transport allocate to KCC "
        "for 2025-26?"
    )
    hits = [hit(1, date(2025, 3, 4), ACTIVE_TRAVEL), hit(2, date(2026, 1, 15), HIGHWAYS)]
    year = DateSpan(start=date(2025, 4, 1), end=date(2026, 3, 31), text="for 2025-26")
    answer = _answer(question, hits, {1: 0.70, 2: 0.43}, span=year)
    quotes = [c.quote for c in answer.citations]
    assert any("grant allocation is £5,728.2k" in q for q in quotes), quotes


def test_the_meeting_s_own_time_is_housekeeping() -> None:
    """Extending, adjourning or closing the meeting decides nothing a question asks about
    (a list answer had quoted "resolve to extend the meeting beyond 4.30pm" as a motion's
    content); a consultation that closed is not the meeting."""
    for line in (
        "The Chairman proposed that Council resolve to extend the meeting beyond 4.30pm.",
        "The meeting was adjourned at 12.30 pm and reconvened at 1.15 pm.",
        "The Mayor adjourned the meeting for ten minutes.",
        "The meeting closed at 9.47 pm.",
    ):
        assert is_procedural(line), line
    assert not is_procedural("The consultation closed at 5pm on 3 March with 1,204 responses.")
    assert not is_procedural("Members agreed to extend the contract for a further two years.")
