"""A quote ending its passage on a lead-in is read on into the next passage (round 14).

PDF text loses a list's bullets and the chunker gives each item a passage of its own, so
"RESOLVED that the County Council:" ends its passage and the resolution's items stand,
unmarked, in the passages after it: an answer quoting the lead-in alone said nothing.
Text: Kent County Council, County Council minutes of 9 January 2025 (item 285), the
passages as the heldout index holds them (eval/README.md "Lead-ins across passages,
round 14").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from indexer.models import Hit
from search_api import answering
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

DAY = date(2025, 1, 9)
LEAD = (
    "Abstain (1) Ms Constantine Substantive Motion carried. 26) RESOLVED that the County Council:"
)
ITEMS = [
    "Endorses the ongoing joint work between KCC, Medway Council and District and Borough "
    "Council Leaders to respond to the English Devolution White Paper",
    "Endorses the proposed decision by the Leader of the Council [Cabinet] to submit a request "
    "to Government, jointly with Medway Council, for Kent and Medway to be included in the "
    "Devolution Priority Programme",
    "Notes that acceptance onto the Devolution Priority Programme will commit Kent and Medway "
    "to elections to a new Mayoral Strategic Authority (MSA) in May 2026 and implementation of "
    "local government reorganisation by either April 2027 or April 2028",
    "Notes that acceptance onto the Devolution Priority Programme may lead to the County "
    "Council elections scheduled for May 2025 being postponed subject to ministerial decision",
    "Expects there to be as much transparency as possible in this process.",
]
QUESTION = "What did Full Council resolve in January 2025 about the English Devolution White Paper?"


def _answer() -> answering.Answer:
    hits = [hit(1, DAY, LEAD)]
    # Passage 1 is followed by the item passages 11, 12, … of the same agenda item.
    after = {10 + i if i else 1: hit(11 + i, DAY, text) for i, text in enumerate(ITEMS)}

    def following(found: Sequence[Hit]) -> dict[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}

    intent = TemporalIntent(topic=QUESTION, span=None, trend=False)
    return answering_builder().answer(
        intent, hits, {1: 0.6}, {}, question=QUESTION, following=following
    )


def test_a_lead_in_ending_its_passage_is_quoted_with_the_items_after_it() -> None:
    """Each unmarked item passage is quoted whole, citing its own passage, in order right
    after the lead-in, while the items' words fit in `MAX_LIST_WORDS`."""
    answer = _answer()
    quotes = {c.passage_id: c for c in answer.citations}
    assert "RESOLVED that the County Council" in quotes[1].quote, answer.text
    for i, text in enumerate(ITEMS):
        assert quotes[11 + i].quote == text, answer.text
        assert quotes[11 + i].n == quotes[1].n + 1 + i
    assert all(c.quote in c.text for c in answer.citations)


def test_unmarked_items_stop_at_the_list_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A passage without item marks is bounded by words, not marks: the first is always
    quoted, the next only while the items' words stay within the list's limit."""
    monkeypatch.setattr(answering, "MAX_LIST_WORDS", 60)  # the first two items: 57 words
    cited = {c.passage_id for c in _answer().citations}
    assert cited == {1, 11, 12}
