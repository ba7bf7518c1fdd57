"""An answer's quote reads back to the sentence before it, and a trend's reads on too
(round 16).

A question in everyday words ("Has the turnover of social workers settled down?") meets
the sentence that names its topic in its words ("The council was very reliant on agency
workers …"); the minutes may say the answer just before it ("… the level of churn in the
social worker workforce was a serious issue."). `sentences.read_back` finds that sentence
(a running one of the same passage), and every answer, a trend's timeline too, quotes it
with the chosen one when both fit in `MAX_QUOTE_WORDS`; a trend's timeline now reads on as
other answers do (eval/README.md "Answer evidence on natural wording, round 16"). Texts
are the seed minutes' own (corpus/001, 21 November 2018, items 41.3 and 41.4; corpus/000,
March 2019).
"""

from __future__ import annotations

from datetime import date

from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import read_back
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# corpus/001, item 41.4 (its first three sentences).
CHURN = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The council was very reliant on agency "
    "workers to maintain the system (currently about 40% of the workforce was agency staff). "
    "Until the workforce became more stable it was difficult for there to be consistency in "
    "practice."
)
# corpus/001, item 41.3.
MASH = (
    "The DCS informed committee members that the comments relating to the Multi Agency "
    "Safeguarding Hub (MASH) have already been actioned. Members reiterated their wish to "
    "visit the MASH and it was agreed that visits would be arranged as soon as possible, "
    "preferably before the next committee meeting in January 2019."
)
# corpus/000 (March 2019).
VISIT = (
    "The next Ofsted monitoring visit would focus on the areas of weakness identified at the "
    "time of the inspection eg. the MASH (Multi Agency Safeguarding Hub)."
)
# corpus/000, item 2: a heading, then a lead-in and its dashed items.
PLAN = (
    "2. Improvement Board Update\n"
    "This plan identified 4 key achievements: - Quality of practice - Supervision and "
    "management oversight. The Board met monthly to review it."
)


def _second(text: str) -> int:
    return text.index(". ") + 2


def test_read_back_finds_the_running_sentence_before() -> None:
    assert read_back(CHURN, _second(CHURN)) == 0
    assert read_back(CHURN, 0) is None


def test_read_back_stops_at_a_heading_and_a_lead_in() -> None:
    lead_in = PLAN.index("This plan")
    assert read_back(PLAN, lead_in) is None  # the heading before it is no sentence
    assert read_back(PLAN, PLAN.index("The Board")) is None  # after a list's lead-in


def _quotes(question: str, hits: list, trend: bool = False) -> list[str]:
    intent = TemporalIntent(topic=question, span=None, trend=trend)
    cosines = {h.passage_id: 0.6 - 0.1 * i for i, h in enumerate(hits)}
    answer = answering_builder().answer(intent, hits, cosines, {}, question=question)
    assert all(c.quote in c.text for c in answer.citations)
    return [c.quote for c in answer.citations]


def test_a_quote_reads_back_to_the_sentence_before_it() -> None:
    """ "How reliant was the council on agency workers?" is best matched by the agency
    sentence; the churn sentence before it is quoted with it."""
    day = date(2018, 11, 21)
    hits = [hit(1, day, CHURN), hit(2, day, "Members noted the revenue monitoring report.")]
    quotes = _quotes("How reliant was the council on agency workers?", hits)
    assert any("level of churn" in q and "very reliant on agency" in q for q in quotes), quotes


def test_a_trend_timeline_reads_on_to_the_next_sentence() -> None:
    """A trend's quote of November 2018 names the hub; what was agreed about it follows
    (s2-312)."""
    hits = [hit(1, date(2018, 11, 21), MASH), hit(2, date(2019, 3, 1), VISIT)]
    quotes = _quotes(
        "What has happened with the multi agency safeguarding hub since late 2018?", hits, True
    )
    assert any("visits would be arranged" in q for q in quotes), quotes


def test_a_trend_answer_on_the_seed_index_quotes_the_sentence_before(
    seed_engine: Archive,
) -> None:
    """The served `/ask` on the seed index (s4-012, a released everyday-worded question):
    the churn sentence stands before the one with the question's words."""
    answer = seed_engine.reader().ask(
        SearchRequest(
            "Has the turnover of social workers settled down between late 2018 and spring 2019?",
            8,
        )
    )
    assert not answer.abstained
    assert any(
        "level of churn in the social worker workforce was a serious issue" in c.quote
        for c in answer.citations
    ), [c.quote for c in answer.citations]
