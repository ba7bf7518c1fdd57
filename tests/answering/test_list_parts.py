"""List and several-part questions keep their items (issue #13 §3, round 7).

A numbered list whose first item's number the sentence splitter left on the lead-in
("… requesting the following: 1.") is still a list, and so is one cut by the passage's
end after its first item (the others open the next passage). A question asking for
several things draws on more passages (`MANY_POOL_RANKS`): the meeting its dates name
counts when it stands anywhere in them, not only in a plain answer's top five.
Texts are the seed minutes' own (corpus/001) and a Kent County Council motion.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from indexer.models import Hit
from indexer.text import split_sentences
from search_api.sentences import LIST_ITEMS, continued_list, list_blocks
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
    """ "ACTION: Chris Spencer" ends a passage after a colon, but names no numbered item."""
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


# The passage after MOTION in the minutes (same item): the motion's list runs on.
MOTION_NEXT = (
    "2. Implement a system for elections for single positions such as directly elected "
    "mayors that enables voters to express an order of preference and require a winning "
    "candidate to achieve more than 50% of the vote after lower placed candidates are "
    "eliminated. 3. The UK adopts an automatic system of inclusion on the electoral "
    "register. 4. Scrap the Voter ID requirement. 5. Lower the age of universal suffrage "
    "to 16."
)
MOTION_AFTER = (
    "6. Extend political education in Kent secondary schools, to prepare future citizens "
    "to participate in public life. 4) Following the debate the Chairman put the motion "
    "set out in paragraph 3 to the vote and the voting was as follows: For (14)"
)


def test_list_cut_by_its_passage_end_is_quoted_on_into_the_next_passage() -> None:
    """The motion's list stops after "1." at its passage's end; a list answer quotes the
    next passage's items too (only those the passage opens with, not the vote that
    follows them), as a quote of its own citing that passage, verbatim."""
    question = (
        "What electoral reforms did the Liberal Democrat motion ask the Leader to request "
        "from government?"
    )
    day = date(2025, 2, 13)
    hits = [
        hit(1, day, MOTION),
        hit(2, date(2024, 3, 1), "The electoral register was updated by the council."),
    ]
    after = {1: hit(9, day, MOTION_NEXT), 9: hit(10, day, MOTION_AFTER)}
    asked: list[list[int]] = []

    def following(found: Sequence[Hit]) -> dict[int, Hit]:
        asked.append([h.passage_id for h in found])
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}

    intent = TemporalIntent(topic=question, span=None, trend=False)
    cosines = {h.passage_id: 0.5 for h in hits}
    answer = answering_builder().answer(
        intent, hits, cosines, {}, question=question, following=following
    )
    by_passage = {c.passage_id: c for c in answer.citations}
    assert 9 in by_passage, [c.quote for c in answer.citations]
    more = by_passage[9]
    assert more.quote.startswith("2. Implement a system") and more.quote.endswith("to 16."), more
    assert more.quote in more.text
    assert by_passage[1].n + 1 == more.n  # read on from the list
    # Items 2-5 run to their passage's end with room for more: on into the one after,
    # its item only (not the vote that follows it), right after them.
    assert asked == [[1], [9]]
    last = by_passage[10]
    assert last.quote.startswith("6. Extend political education") and "vote" not in last.quote
    assert more.n + 1 == last.n
    assert all(c.quote in c.text for c in answer.citations)


def test_a_passage_that_opens_with_a_sentence_continues_nothing() -> None:
    """Only items (a number, letter, bullet or dash before them) run a list on."""
    assert continued_list(hit(3, date(2025, 2, 13), DECLARATIONS), 0, LIST_ITEMS) is None
    more = continued_list(hit(10, date(2025, 2, 13), MOTION_AFTER), 0, LIST_ITEMS)
    assert more is not None and more.items == 1 and more.text.endswith("public life.")


# Kent Cabinet, 30 January 2025 (item 87): a dashed list whose first item ends the
# passage; the other recommendations open the next passages.
DASHED = (
    "This was a national issue, and the House of Commons Transport Select Committee was "
    "investigating it. The Council had submitted evidence and made several recommendations, "
    "as follows: - Amending the definition of emergency street works to allow for better "
    "planning and coordination."
)


def test_dashed_list_cut_by_the_passage_end_is_a_list() -> None:
    """A dash marks an item as a number does: the lead-in brings its one item along."""
    blocks = _blocks(DASHED)
    assert any(
        b.startswith("The Council had submitted evidence") and b.endswith("coordination.")
        for b in blocks
    ), blocks
