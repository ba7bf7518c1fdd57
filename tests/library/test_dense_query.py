"""What the dense side embeds (`SearchSettings.dense_query`), honoured on the one search
path. Fast: the session's seed index and model; a few query encodings."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from search_api.archive import Archive
from search_api.search import SearchRequest, query_vector, search

QUESTION = "How did the rate of agency social workers change between 2018 and 2022?"


def _served_cosines(engine: Archive, what: str) -> dict[int, float]:
    reader = engine.reader()
    tuning = replace(reader.settings.search, dense_query=what)
    found = search(reader.snapshot.retriever, tuning, SearchRequest(QUESTION), None)
    assert found.hits and found.intent.topic != QUESTION
    return found.cosines


@pytest.mark.parametrize("what", ["topic", "question", "both"])
def test_the_served_cosines_are_those_of_the_chosen_vector(seed_engine: Archive, what: str) -> None:
    """Each mode's cosines (what abstention and trend coverage read) are the stored
    vectors against that mode's query vector: the topic's, the question's, or their
    normalised mean."""
    retriever = seed_engine.snapshot.retriever
    encode = retriever.embedder.encode_query
    topic = "How did the rate of agency social workers change?"
    mean = encode(topic) + encode(QUESTION)
    expected = {
        "topic": encode(topic),
        "question": encode(QUESTION),
        "both": mean / np.linalg.norm(mean),
    }[what]
    cosines = _served_cosines(seed_engine, what)
    ids, vectors = retriever.store.vectors_for(list(cosines)[:20], len(expected))
    for pid, vector in zip(ids, vectors, strict=True):
        assert cosines[int(pid)] == pytest.approx(float(vector @ expected), abs=2e-5)


def test_modes_differ_only_when_the_question_has_date_words(seed_engine: Archive) -> None:
    """A question without date words is its own topic: every mode gives the same vector,
    and "both" encodes once."""
    retriever = seed_engine.snapshot.retriever
    calls: list[str] = []
    encode = retriever.embedder.encode_query

    def counting(text: str) -> np.ndarray:
        calls.append(text)
        return encode(text)

    retriever.embedder.encode_query = counting  # type: ignore[method-assign]
    try:
        plain = "agency social workers"
        vectors = [query_vector(retriever, plain, plain, w) for w in ("topic", "question", "both")]
        assert calls == [plain] * 3
        assert all(np.allclose(v, vectors[0]) for v in vectors)
        both = query_vector(retriever, QUESTION, "agency social workers", "both")
        assert len(calls) == 5 and np.linalg.norm(both) == pytest.approx(1.0, abs=1e-5)
    finally:
        del retriever.embedder.encode_query
