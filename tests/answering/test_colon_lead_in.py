"""A lead-in ending in a colon is quoted with its items (round 12, lead).

A candidate sentence's text loses its closing colon (`sentences._segments` trims it), so
testing the lead-in pattern on it found only "… the following" lead-ins: "the motion that
“This County Council resolves to:" was quoted alone, its dashed items not at all. Text:
Kent County Council, County Council minutes of 19 December 2024, as the PDF reader gives it
(the motion of `test_vote_outcomes`).
"""

from __future__ import annotations

from datetime import date

from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit
from tests.answering.test_vote_outcomes import MOTION


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
