"""Answers carry the evidence their passages hold (issue #13 §3, round 7).

Four causes of lost evidence, each general: a question naming "the committee" read as
asking what was decided (`\\bcommit` matched "committee"); an action answer quoting an
agreement on another topic instead of the sentence that answers; "how is it paid for"
not read as asking for an amount; a resolution cut at the colon before its title. Texts
are the seed minutes' own (corpus/000, corpus/001) and two Kent County Council lines.
"""

from __future__ import annotations

from datetime import date

from search_api.sentences import aspects_of, candidates
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# corpus/001 (Children and Families O&S, 21 November 2018), items 46.2 and 46.3.
FORUM = (
    "The Gloucestershire Schools Forum had discussed the DSG position at its meeting on 15 "
    "November 2018 and approved a number of actions, although these did not cover the "
    "overall deficit."
)
PLACEMENTS = (
    "The committee agreed that the amount of money spent on external placements could be "
    "seen as inappropriate by the general public. It was important to understand that these "
    "were complex cases involving our most vulnerable children and young people who could be "
    "at risk of child sexual exploitation and from gangs. The committee applauded the work "
    "that the DCS was leading on to review each case and agreed that it would be helpful for "
    "a briefing paper to explain the context and issues involved."
)
# corpus/000 (March 2019 chair's report).
EXCLUSIONS = (
    "The committee had a detailed discussion on this matter and more detail will be available "
    "in the minutes of the meeting. The School Exclusions Review led by Edward Timpson is due "
    "to be published this year and the committee will want to understand the implications of "
    "this report for Gloucestershire."
)
# Kent County Council minutes, 13 February 2025 (item 278).
RESOLUTION = (
    "Following the debate, the Chairman put the motion set out in paragraph 1 to the vote. "
    "RESOLVED that the County Council approves and adopts Local Transport Plan 5: Striking "
    "the Balance."
)


def test_the_committee_is_not_a_commitment() -> None:
    """ "the committee was waiting for" asks who, not what was decided: read as an action
    question, the answer would prefer "agreed" lines to the sentence naming the lead."""
    aspects = aspects_of(
        "Who is leading the national review of school exclusions the committee was "
        "waiting for?", "national review of school exclusions",
    )  # fmt: skip
    assert aspects.who and not aspects.action
    assert aspects_of("What did the council commit to?", "council").action


def test_action_answer_quotes_the_topic_not_another_agreement() -> None:
    """An "agreed" line on another topic (placements) does not answer what the Schools
    Forum decided about the deficit; the sentence that does is quoted."""
    question = "What did the Schools Forum decide about the dedicated schools grant deficit?"
    day = date(2018, 11, 21)
    hits = [hit(1, day, PLACEMENTS), hit(2, day, FORUM)]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(intent, hits, {1: 0.5, 2: 0.5}, {}, question=question)
    quotes = [c.quote for c in answer.citations]
    assert any("approved a number of actions" in q for q in quotes), quotes
    assert all(c.quote in c.text for c in answer.citations)


def test_who_question_quotes_the_named_lead() -> None:
    """The exclusions question is answered by the sentence naming Edward Timpson, not by
    an agreement about a briefing paper that ranks first."""
    question = (
        "Who is leading the national review of school exclusions the committee was waiting for?"
    )
    hits = [hit(1, date(2018, 11, 21), PLACEMENTS), hit(2, date(2019, 3, 1), EXCLUSIONS)]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(intent, hits, {1: 0.5, 2: 0.5}, {}, question=question)
    assert any("Edward Timpson" in c.quote for c in answer.citations), answer.text


def test_paid_for_asks_for_money() -> None:
    """ "How is it paid for / funded" asks for an amount: the sentence stating the grant
    takes the figure weight."""
    for q in (
        "How are the new smoke-free spaces in Kent being paid for?",
        "How is the scheme funded?",
    ):
        aspects = aspects_of(q, q)
        assert aspects.figure and "money" in aspects.kinds, q


def test_resolution_keeps_its_title_after_a_colon() -> None:
    """A colon inside a running line does not end the sentence: the resolution is one
    candidate with its title, and a list's lead-in still stands alone."""
    found = candidates([hit(1, date(2025, 2, 13), RESOLUTION)])
    texts = [c.text for c in found]
    assert any(
        t.startswith("RESOLVED that") and t.endswith("Plan 5: Striking the Balance.") for t in texts
    ), texts
    listed = candidates([hit(2, date(2019, 3, 1), (
        "This plan identified 4 key achievements: - Quality of practice - Training of social "
        "workers and management development - Supervision and management oversight"
    ))])  # fmt: skip
    assert not any("Quality of practice" in c.text for c in listed if not c.items)
