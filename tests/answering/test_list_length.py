"""A list is quoted to its last items (issue #13 §3, round 12).

A list answer lost the items after the sixth (`LIST_ITEMS`) or past `MAX_QUOTE_WORDS`:
PDF minutes often run a resolution's numbered items on one line, so the sentence
splitter leaves them in one long sentence, cut at 80 words before its second item.
A quote holding a list (a whole list, or a sentence with two item numbers or letters in
it) runs to `MAX_LIST_WORDS`. Texts are Kent County Council's Cabinet minutes (council
tax comparisons) and the Royal Borough of Kingston's Manorgate Road resolution.
"""

from __future__ import annotations

from datetime import date

from indexer.text import split_sentences
from search_api.answering import MAX_LIST_WORDS, MAX_QUOTE_WORDS, _quote_limit
from search_api.sentences import candidates, list_blocks
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# Kent County Council, Cabinet, 30 January 2025 (council tax comparisons): seven items.
COUNCILS = (
    "- Members noted the challenges of managing limited funding from successive "
    "governments. Comparison was made between Kent’s financial management and other "
    "councils, noting significant council tax increases were being requested elsewhere. "
    "Particular reference was made to: - Windsor and Maidenhead, 25% - Hampshire, 15 % - "
    "Bradford, 15% - Newham, 10% - Birmingham 10% - Cheshire East 10 % - Slough 8% The "
    "Council continued to do an exceptional job in managing its finances prudently and "
    "effectively under very difficult circumstances and maintained the delivery of its "
    "services."
)
# Kingston, Neighbourhood Committee: two numbered items on one line, one sentence.
RESOLVED = (
    "RESOLVED that: 1. the introduction of traffic management measures on Manorgate Road "
    "at the existing width restriction and Wolverton Avenue using an experimental traffic "
    "management order (ETMO) under sections 9 and 10 of the Road Traffic Regulation Act "
    "1984(a), with Manorgate Road to be made one-way Northbound (towards Kingston "
    "Hill/roundabout) and Wolverton Avenue to be made one-way between Kingston Hill and "
    "Coombe Road, as shown in Annex 3, be approved; 2. a report be brought back to this "
    "Committee after 6 months from the implementation of the scheme outlining the outcome "
    "of the scheme and the impact on the surrounding roads;"
)


def test_a_list_of_seven_keeps_its_seventh_item() -> None:
    """The seventh council (Slough) is part of the list its lead-in introduces."""
    spans = [(s.start, s.end) for s in split_sentences(COUNCILS)]
    blocks = [COUNCILS[a:b] for a, b, _ in list_blocks(COUNCILS, spans)]
    assert any(b.startswith("Particular reference") and "Slough 8%" in b for b in blocks), blocks


def test_numbered_items_on_one_line_are_quoted_to_the_last() -> None:
    """The resolution is one sentence of two numbered items, over 80 words: the answer
    quotes its second item whole, verbatim."""
    question = "What is the neighbourhood committee asked to agree on the Manorgate Road petition?"
    hits = [hit(1, date(2025, 11, 20), RESOLVED)]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(intent, hits, {1: 0.5}, {}, question=question)
    quotes = [c.quote for c in answer.citations]
    assert any(
        "2. a report be brought back to this Committee after 6 months" in q
        and q.endswith("surrounding roads")
        for q in quotes
    ), quotes
    assert all(c.quote in c.text for c in answer.citations)


def test_a_long_sentence_with_one_bracketed_letter_is_no_list() -> None:
    """ "1984(a)" is a statute's subsection, not an item: a running sentence keeps
    `MAX_QUOTE_WORDS`; the two-item resolution and a whole list get `MAX_LIST_WORDS`."""
    first_item = RESOLVED[RESOLVED.index("the introduction") : RESOLVED.index(" 2. a report")]
    found = candidates([hit(1, date(2025, 11, 20), first_item), hit(2, date(2025, 11, 20),
                                                                    RESOLVED)])  # fmt: skip
    by_passage = {c.hit.passage_id: c for c in found if not c.items}
    assert _quote_limit(by_passage[1]) == MAX_QUOTE_WORDS
    assert _quote_limit(by_passage[2]) == MAX_LIST_WORDS > MAX_QUOTE_WORDS
