"""Round 18's abstention signals: a word-level dense match and a per-index calibration.

A question about a topic the archive lacks keeps its *frame* in real passages
("graffiti in Kingston": Kingston is everywhere); ``word_match`` asks how near the
question's most salient word comes to any word the top passages hold, each encoded
alone, so a passage about vandalism scores for "graffiti" and one about Kingston's
parking does not. ``calibrated_cosine`` reads the best cosine against the index's own
neighbour cosine, a statistic of the index alone (eval/README.md, "Abstention signals,
round 18").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from search_api.abstention import (
    FEATURES,
    MODEL,
    WordVectors,
    neighbour_cosine,
    support_features,
    word_match,
)
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest


@pytest.fixture(scope="module")
def service(seed_engine: Archive) -> Reader:
    return seed_engine.reader()


def test_the_topic_word_meets_a_word_of_like_meaning_not_the_frame(
    service: Reader, seed_engine: Archive
) -> None:
    hit = service.search(SearchRequest("agency social workers", 8)).hits[0]
    about = hit.model_copy(update={"text": "Vandalism of bus shelters in Kingston rose."})
    frame = hit.model_copy(update={"text": "Kingston parking charges rose in March."})
    held = hit.model_copy(update={"text": "Graffiti in Kingston was removed."})
    untitled = hit.citation.model_copy(update={"item_title": None})
    about, frame, held = (h.model_copy(update={"citation": untitled}) for h in (about, frame, held))
    words = WordVectors.for_encoder(seed_engine.embedder.encode)
    topic = "What is being done about graffiti in Kingston?"
    saliency = {"graffiti": 0.3, "kingston": 0.1}
    near = word_match(topic, saliency, [about], words)
    far = word_match(topic, saliency, [frame], words)
    assert near > far + 0.1, (near, far)
    assert 0 < near < 1
    # A passage holding the word scores 1 whatever its other words; no encoder, no
    # passage or no term: nothing measured.
    assert word_match(topic, saliency, [frame, held], words) == 1.0
    assert word_match(topic, saliency, [about], None) == 0.0
    assert word_match(topic, saliency, [], words) == 0.0
    assert word_match(topic, {}, [about], words) == 0.0


def test_word_vectors_encode_each_word_once() -> None:
    calls: list[list[str]] = []

    def encode(texts: Sequence[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[float(len(t)), 1.0] for t in texts])

    words = WordVectors(encode)
    first = words(["staff", "agency"])
    again = words(["agency", "budget", "staff"])
    assert calls == [["staff", "agency"], ["budget"]]
    assert np.allclose(again[0], first[1]) and np.allclose(again[2], first[0])
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0)
    assert WordVectors.for_encoder(encode) is WordVectors.for_encoder(encode)


def test_the_neighbour_cosine_leaves_out_the_passage_itself() -> None:
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    # Best other passage: 1.0, 1.0, 0.8, 0.8 → median 0.9 (not 1.0 for every one).
    assert neighbour_cosine("test:four", lambda: vectors) == pytest.approx(0.9)
    # Kept by key: the index's vectors are read once.
    assert neighbour_cosine("test:four", lambda: np.zeros((0, 2))) == pytest.approx(0.9)
    assert neighbour_cosine("test:one", lambda: vectors[:1]) == 0.0


def test_the_served_path_measures_both_signals_when_asked(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    reader.answers.measure_saliency = True  # as eval.answer_diagnose asks
    answer = reader.ask(SearchRequest("What is being done about graffiti in Gloucestershire?", 8))
    f = answer.features
    assert f is not None and "word_match" in FEATURES and "calibrated_cosine" in FEATURES
    # "graffiti" is in no seed passage: its best word match is a cosine below 1.
    assert 0 < f.word_match < 1
    store = reader.snapshot.store
    index = neighbour_cosine(
        str(store.path), lambda: store.all_vectors(reader.snapshot.retriever.vectors.dim)[1]
    )
    assert 0 < index < 1
    assert f.calibrated_cosine == pytest.approx(f.top_cosine - index, abs=2e-4)
    held = reader.ask(SearchRequest("What share of the workforce were agency social workers?", 8))
    assert held.features is not None and held.features.word_match == 1.0


def test_the_served_model_pays_for_neither_unless_it_weighs_them(service: Reader) -> None:
    found = service.search(SearchRequest("graffiti in Gloucestershire", 8))
    f = support_features(("graffiti", "gloucestershir"), found.hits, found.cosines)
    assert f.word_match == 0.0 and f.calibrated_cosine == 0.0
    if not MODEL.weighs(("word_match", "calibrated_cosine")):
        answer = service.ask(
            SearchRequest("What is being done about graffiti in Gloucestershire?", 8)
        )
        assert answer.features is not None
        assert answer.features.word_match == 0.0 and answer.features.calibrated_cosine == 0.0
