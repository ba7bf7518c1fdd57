"""A plain answer also quotes the best sentence of the passages `/ask` reads below its
pool, when that sentence would be quoted on score alone (round 18).

`/ask` reads 8 passages; a plain answer picks its sentences from the first
`POOL_RANKS` (5). On everyday wording the fused ranking may put the passage that says
the answer 6th to 8th. Drawing the pool from all 8 crowded the answer's own sentences
out; instead the deeper passages give their best sentence as a quote of its own, alone
(not read on or back), when it scores within `BEST_MARGIN` of the pool's best and at
least as high as the answer's weakest chosen sentence (eval/README.md "Answer evidence,
round 18"). Below the weakest, it is still quoted when its own words hold a topic term
(`DEEPER_TOPIC`, round 24). The answering sentence is the seed minutes' own (corpus/003,
paragraph 41.9), as are the deeper sentences on and off the topic (corpus/001, paragraphs
41.2 and 41.5); the others are written in their style.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import Answer
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

DAY = date(2018, 11, 21)
QUESTION = "When did the DCS expect the next full Ofsted inspection?"
# Five passages on Ofsted's visits that do not say when the inspection is expected.
POOL = [
    "The DCS informed the committee that this monitoring visit had been the fifth since the "
    "inadequate judgement.",
    "Ofsted had found that the service was making progress in some areas.",
    "The committee noted the letter from Ofsted following the monitoring visit.",
    "Members asked how the service was preparing for inspection.",
    "The DCS said that the improvement board continued to meet monthly.",
]
FILLER = "Members noted the revenue monitoring report for the second quarter."
# corpus/003, paragraph 41.9: the sentence that answers, in a passage ranked 7th.
ANSWERS = "The DCS anticipated that the next full inspection would be Summer/Autumn 2019."
# A running sentence after it.
AFTER = "The committee noted the update."
# corpus/001, paragraph 41.2: names the inspection but scores below every sentence the
# answer chose (within `BEST_MARGIN` of the best).
ON_TOPIC = (
    "He stated that it was good to see this as members would recall that following the "
    "original inspection staff morale had dipped and it has taken time to rebuild."
)
# corpus/001, paragraph 41.5: within `BEST_MARGIN` of the best too, on another matter.
OFF_TOPIC = (
    "As previously discussed at committee meetings current market forces favoured the "
    "experienced social worker not the local authority."
)


def _answer(deeper: str) -> Answer:
    texts = [*POOL, FILLER, deeper, FILLER]
    hits = [hit(pid, DAY, text) for pid, text in enumerate(texts, start=1)]
    cosines = {pid: 0.6 for pid in range(1, 9)}
    intent = TemporalIntent(topic=QUESTION, span=None, trend=False)
    return answering_builder().answer(intent, hits, cosines, {}, question=QUESTION)


def test_the_best_sentence_of_a_passage_read_below_the_pool_is_quoted() -> None:
    answer = _answer(ANSWERS)
    assert not answer.abstained
    cited = {c.passage_id: c for c in answer.citations}
    assert 7 in cited, [c.quote for c in answer.citations]
    assert "next full inspection would be Summer/Autumn 2019" in cited[7].quote
    assert all(c.quote in c.text for c in answer.citations)


def test_a_deeper_passage_is_quoted_by_its_sentence_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read on and back like the answer's own quotes it lengthened answers by a tenth:
    the deeper sentence is quoted without the running sentence after it when the two pass
    `ALONE_READ_ON_WORDS` (round 23: a short pair is read on, `test_short_read_on.py`);
    here the budget is below the two sentences' words."""
    monkeypatch.setattr(answering, "ALONE_READ_ON_WORDS", 10)
    answer = _answer(ANSWERS + " " + AFTER)
    cited = {c.passage_id: c for c in answer.citations}
    assert 7 in cited, [c.quote for c in answer.citations]
    assert cited[7].quote == ANSWERS
    assert cited[7].quote in cited[7].text


def test_a_deeper_passage_takes_no_place_of_the_answers_own_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_deeper = _answer(ANSWERS)
    monkeypatch.setattr(answering, "DEEPER", False)
    without = _answer(ANSWERS)
    assert 7 not in {c.passage_id for c in without.citations}
    assert {c.quote for c in without.citations} <= {c.quote for c in with_deeper.citations}


def test_a_deeper_sentence_below_the_answers_weakest_is_not_quoted_off_the_topic() -> None:
    """Within `BEST_MARGIN` of the best is not enough (that let the deeper passages'
    filler in): it must outscore a sentence the answer chose, or name the topic."""
    answer = _answer(OFF_TOPIC)
    assert answer.citations
    assert not {6, 7, 8} & {c.passage_id for c in answer.citations}


def test_a_deeper_sentence_below_the_answers_weakest_naming_the_topic_is_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Round 24 (`DEEPER_TOPIC`): the passage ranked 6th to 8th that says the answer often
    scores below a pool sentence that only names the topic; a deeper sentence within
    `BEST_MARGIN` of the best whose own words hold a topic term ("inspection") is quoted,
    alone. Without the rule it is not (it scores below all five the answer chose)."""
    answer = _answer(ON_TOPIC)
    cited = {c.passage_id: c for c in answer.citations}
    assert 7 in cited, [c.quote for c in answer.citations]
    assert "following the original inspection staff morale had dipped" in cited[7].quote
    assert not {6, 8} & set(cited)
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "DEEPER_TOPIC", False)
    without = _answer(ON_TOPIC)
    assert without.citations
    assert 7 not in {c.passage_id for c in without.citations}


def test_the_served_answer_quotes_a_passage_ranked_below_its_pool(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The served `/ask` on the seed index (s8-009's wording) quotes when the DCS expected
    the full inspection from a passage ranked below the first `POOL_RANKS`; without
    `DEEPER` it does not."""
    reader = seed_engine.reader()
    request = SearchRequest(
        "After the 2017 failure, when was Ofsted's full re-inspection of children's services "
        "expected, and when did it actually happen?", 8,
    )  # fmt: skip
    ranked = [h.passage_id for h in reader.ranked(request).hits]
    answer = reader.ask(request)
    quoting = [
        c for c in answer.citations if "next full inspection would be Summer/Autumn" in c.quote
    ]  # fmt: skip
    assert quoting, [c.quote for c in answer.citations]
    assert all(ranked.index(c.passage_id) >= answering.POOL_RANKS for c in quoting)
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "DEEPER", False)
    assert not any(
        "next full inspection would be Summer/Autumn" in c.quote
        for c in reader.ask(request).citations
    )  # fmt: skip
