"""List and several-part questions keep their items (issue #13 §3, round 7).

A numbered list whose first item's number the sentence splitter left on the lead-in
("… requesting the following: 1.") is still a list, and so is one cut by the passage's
end after its first item (the others open the next passage). A question asking for
several things draws on more passages (`MANY_POOL_RANKS`): the meeting its dates name
counts when it stands anywhere in them, not only in a plain answer's top five.
Texts are the seed minutes' own (corpus/001) and a Kent County Council motion.
"""

from __future__ import annotations

from datetime import date

from indexer.text import split_sentences
from search_api.sentences import list_blocks
from search_api.temporal import DateSpan, TemporalIntent
from tests.answering.builders import answering_builder, hit

# Kent County Council, 13 February 2025 (item 281): the motion's list runs on into the
# next passage ("2. Implement a system …").
MOTION = (
    "This Council resolves to: Request that the Leader writes to the Prime Minister, "
    "requesting the following: 1. Replace the ‘first past the post’ system for Kent County "
    "Council elections, with proportional representation by the Single Transferable Vote "
    "(STV) system."
)
# corpus/001 (21 November 2018), item 46.3: an action owner, no list.
OWNER = (
    "The committee applauded the work that the DCS was leading on to review each case and "
    "agreed that it would be helpful for a briefing paper to explain the context and issues "
    "involved. ACTION: Chris Spencer"
)
# corpus/001 (21 November 2018): the declarations of interest.
DECLARATIONS = (
    "Declarations of interest Cllr Brian Robinson declared a personal interest as a Foster "
    "Carer. Cllr Shaun Parsons declared a personal interest as a trustee of the National "
    "Star College."
)


def _blocks(text: str) -> list[str]:
    spans = [(s.start, s.end) for s in split_sentences(text)]
    return [text[a:b] for a, b, _ in list_blocks(text, spans)]


def test_numbered_list_cut_by_the_passage_end_is_a_list() -> None:
    """The lead-in "… requesting the following: 1." brings its item along."""
    blocks = _blocks(MOTION)
    assert any(
        b.startswith("Request that the Leader") and b.endswith("(STV) system.") for b in blocks
    ), blocks


def test_an_action_owner_is_no_list() -> None:
    """"ACTION: Chris Spencer" ends a passage after a colon, but names no numbered item."""
    assert _blocks(OWNER) == []


def test_list_question_keeps_its_meeting_below_the_top_five() -> None:
    """The meeting the question names stands sixth: a list answer draws on eight passages,
    so it quotes that meeting's declarations, both of them, and no other meeting's."""
    question = "Which councillors declared interests at the 21 November 2018 meeting?"
    others = [
        hit(pid, date(2025, 1, pid), "Members who were district councillors declared an interest.")
        for pid in range(1, 6)
    ]
    hits = [*others, hit(6, date(2018, 11, 21), DECLARATIONS)]
    span = DateSpan(start=date(2018, 11, 21), end=date(2018, 11, 21))
    intent = TemporalIntent(topic="Which councillors declared interests", span=span, trend=False)
    cosines = {h.passage_id: 0.5 for h in hits}
    answer = answering_builder().answer(intent, hits, cosines, {}, question=question)
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Brian Robinson" in quotes and "Shaun Parsons" in quotes, quotes
    assert {c.passage_id for c in answer.citations} == {6}
