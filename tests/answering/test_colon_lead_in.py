"""A lead-in ending in a colon is quoted with its items (round 12, lead).

A candidate sentence's text loses its closing colon (`sentences._segments` trims it), so
testing the lead-in pattern on it found only "… the following" lead-ins: "the motion that
“This County Council resolves to:" was quoted alone, its dashed items not at all. Text:
Kent County Council, County Council minutes of 19 December 2024, as the PDF reader gives it.
"""

from __future__ import annotations

from datetime import date

from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

MOTION = (
    "Motion for Time Limited Debate 1 – Integrated Care Strategy 1) Mr Brady proposed, and "
    "Ms Meade seconded the motion that “This County Council resolves to: - Agree that all "
    "decisions, where relevant, must align with the Integrated Care Strategy objectives and "
    "request that decision making documentation demonstrates this. - Request that "
    "decision-making documentation, where relevant, will evidence how a decision is working "
    "towards achieving the Integrated Care Strategy’s progress indicators. - Request that if "
    "a decision is made which does none of the above, then a reason for this must be cited "
    "within the decision-making documentation.” 2) Following the debate, the Chairman put "
    "the motion set out in paragraph 1 to the vote and the voting was as follows. For (15)"
)


def test_a_colon_lead_in_brings_its_items() -> None:
    question = "What did the motion on the Integrated Care Strategy propose?"
    intent = TemporalIntent(topic=question, span=None, trend=False)
    hits = [hit(1, date(2024, 12, 19), MOTION)]
    answer = answering_builder().answer(intent, hits, {1: 0.6}, {}, question=question)
    quotes = [c.quote for c in answer.citations]
    lead = [q for q in quotes if "resolves to" in q]
    assert lead, quotes
    assert all("must align with the Integrated Care Strategy objectives" in q for q in lead), quotes
    assert all(c.quote in c.text for c in answer.citations)
