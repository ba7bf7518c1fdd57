"""A plain answer reads the ranked passages just below `/ask`'s hits for a sentence that
passes `_deeper`'s test (`answering.DEEPER_RANKS`, round 35).

`/ask` draws on 8 passages while `/search` shows 10 item windows, which hold more ranked
passages than 10 when windows merge: the passage that says the answer often ranks 9th or
10th, inside what a reader sees and outside what the answer read (eval/README.md "Gold
quotes outside the answer's hits, round 35"). Those passages (`SearchResult.beyond`)
are scored on the hits' scale and quoted only by `_deeper`'s own test; the answer's pool,
caps and abstention signals stay the hits'. The answering sentence is the seed minutes'
own (corpus/003, paragraph 41.9), the off-topic one too (corpus/001, paragraph 41.5); the
pool's are written in their style (tests/answering/test_deeper_passages.py).
"""

from __future__ import annotations

import pytest

from search_api import answering
from search_api.answering import Answer
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import aspects_of
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit
from tests.answering.test_deeper_passages import ANSWERS, DAY, FILLER, OFF_TOPIC, POOL, QUESTION


def _answer(below: list[str]) -> Answer:
    """The answer from 8 hits that do not say when (the pool and three filler passages)
    and `below`, ranked 9th onwards."""
    texts = [*POOL, FILLER, FILLER + " ", FILLER + "  ", *below]
    everything = [hit(pid, DAY, text) for pid, text in enumerate(texts, start=1)]
    cosines = {h.passage_id: 0.6 for h in everything}
    intent = TemporalIntent(topic=QUESTION, span=None, trend=False)
    return answering_builder().answer(
        intent, everything[:8], cosines, {}, question=QUESTION, beyond=everything[8:]
    )


def test_a_passage_ranked_just_below_the_hits_gives_its_sentence() -> None:
    answer = _answer([FILLER + ".", ANSWERS])
    cited = {c.passage_id: c for c in answer.citations}
    assert 10 in cited, [c.quote for c in answer.citations]
    assert "next full inspection would be Summer/Autumn 2019" in cited[10].quote
    assert all(c.quote in c.text for c in answer.citations)


def test_not_below_the_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    """At `DEEPER_RANKS` 8 (the hits alone) the passage is not read, nor is one below
    the reach."""
    monkeypatch.setattr(answering, "DEEPER_RANKS", 8)
    assert 10 not in {c.passage_id for c in _answer([FILLER + ".", ANSWERS]).citations}
    monkeypatch.setattr(answering, "DEEPER_RANKS", 12)
    deep = [FILLER + "." * n for n in range(1, 5)]
    assert 13 not in {c.passage_id for c in _answer([*deep, ANSWERS]).citations}


def test_an_off_topic_sentence_below_the_hits_is_not_quoted() -> None:
    """`_deeper`'s test holds: within `BEST_MARGIN` of the best is not enough."""
    answer = _answer([OFF_TOPIC])
    assert answer.citations
    assert 9 not in {c.passage_id for c in answer.citations}


def test_the_answers_own_quotes_and_signals_are_the_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The passages below take no place of the answer's own quotes, and the signals the
    decision to answer rests on are the hits' alone."""
    with_below = _answer([ANSWERS])
    monkeypatch.setattr(answering, "DEEPER_RANKS", 8)
    without = _answer([ANSWERS])
    assert {c.quote for c in without.citations} < {c.quote for c in with_below.citations}
    assert with_below.features == without.features


def test_ask_reads_below_a_plain_questions_hits(seed_engine: Archive) -> None:
    """The served path: a plain question's search keeps its ranked passages below the
    top k (`SearchResult.beyond`), what `Reader.ask` hands the answer."""
    found = seed_engine.reader().ranked(SearchRequest("agency social workers", k=8))
    assert not found.intent.trend
    assert len(found.beyond) >= answering.DEEPER_RANKS - 8
    assert not {h.passage_id for h in found.hits} & {h.passage_id for h in found.beyond}


def test_a_passage_ranked_fourteenth_gives_its_sentence() -> None:
    """Down to `DEEPER_RANKS` (16): the passage that says the answer often ranks 11th to
    15th, just below what `/search`'s first windows show (eval/README.md "The passages down
    to rank 16 …, round 37")."""
    deep = [FILLER + "." * n for n in range(1, 6)]
    cited = {c.passage_id: c for c in _answer([*deep, ANSWERS]).citations}
    assert 14 in cited, [c.quote for c in cited.values()]
    assert "next full inspection would be Summer/Autumn 2019" in cited[14].quote


MANY = "What dates did the DCS give for the next full Ofsted inspection?"


def test_a_question_asking_for_several_things_reads_below_its_hits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A question asking for several things draws on all 8 hits (`MANY_POOL_RANKS`), so
    `_deeper` reads, by the same test, only the passages below them; at `DEEPER_RANKS` 8
    none."""
    assert aspects_of(MANY, MANY).many
    texts = [*POOL, FILLER, FILLER + " ", FILLER + "  ", ANSWERS]
    everything = [hit(pid, DAY, text) for pid, text in enumerate(texts, start=1)]
    cosines = {h.passage_id: 0.6 for h in everything}
    intent = TemporalIntent(topic=MANY, span=None, trend=False)

    def cited() -> set[int]:
        answer = answering_builder().answer(
            intent, everything[:8], cosines, {}, question=MANY, beyond=everything[8:]
        )
        return {c.passage_id for c in answer.citations}

    assert 9 in cited()
    monkeypatch.setattr(answering, "DEEPER_RANKS", 8)
    assert 9 not in cited()


# Written in the minutes' style: the question's own words, scored above the sentence that
# answers, saying nothing of when.
WORDING = "The DCS expected the committee to discuss the next full Ofsted inspection."


def test_a_better_scored_passage_further_down_takes_no_place_of_the_nearer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The passages down to `DEEPER_NEAR_RANKS` and those further on each give their own
    quote: the sentence that answers, ranked 9th, stays quoted beside a better-scored one
    ranked 12th; under one quote for both bands (`DEEPER_NEAR_RANKS` 8) it lost its place."""
    below = [ANSWERS, FILLER + ".", FILLER + "..", WORDING]
    assert {9, 12} <= {c.passage_id for c in _answer(below).citations}
    monkeypatch.setattr(answering, "BELOW_HITS_QUOTES", 1)  # round 37's one quote a band
    monkeypatch.setattr(answering, "DEEPER_NEAR_RANKS", 8)
    assert 9 not in {c.passage_id for c in _answer(below).citations}
