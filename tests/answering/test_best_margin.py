"""Sentences within `BEST_MARGIN` of the best one join the answer (round 24: 0.4 → 0.5).

On everyday wording the sentence that names the question's topic scores best, and the one
that says the answer stands beside it, scoring well below: "What worried members about
the newly qualified social workers …" is answered by the seed minutes' "It was
disappointing that having invested in the ASYE social workers … that many of them were
not choosing to remain with the council" (corpus/001 and 003, paragraph 41.4, s5-008's
gold), which scores within 0.5 of the best sentence but not within 0.4 (eval/README.md
"Answers carry the gold evidence …, round 24")."""

from __future__ import annotations

import pytest

from search_api import answering
from search_api.archive import Archive
from search_api.search import SearchRequest

QUESTION = (
    "What worried members about the newly qualified social workers the council had trained in 2018?"
)
ANSWER = "many of them were not choosing to remain with the council"


def _quotes(engine: Archive) -> list[str]:
    answer = engine.reader().ask(SearchRequest(QUESTION, 8))
    assert not answer.abstained
    assert all(c.quote in c.text for c in answer.citations)
    return [c.quote for c in answer.citations]


def test_a_sentence_within_the_margin_of_the_best_carries_the_answer(
    seed_engine: Archive,
) -> None:
    quotes = _quotes(seed_engine)
    assert any(ANSWER in q for q in quotes), quotes


def test_at_the_old_margin_the_answer_is_left_out(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sentence scores below the best by more than 0.4: the margin is what lets it in."""
    monkeypatch.setattr(answering, "BEST_MARGIN", 0.4)
    quotes = _quotes(seed_engine)
    assert quotes
    assert not any(ANSWER in q for q in quotes), quotes
