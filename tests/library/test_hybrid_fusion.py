"""Hybrid fusion: convex fusion of exact scores, neighbour context, and the pieces they use
(BM25 of chosen passages, a passage's neighbours in its agenda item)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from indexer.lexical import LexicalIndex
from indexer.models import Hit
from search_api.archive import Archive
from search_api.retrieval import convex_fusion, reciprocal_rank_fusion

PASSAGES = [
    (3, "Agency social workers cost the council more than permanent staff.", "Workforce"),
    (5, "The committee noted the Ofsted inspection judgement of good.", "Ofsted"),
    (8, "Members asked about agency staffing in the MASH.", None),
    (13, "The café budget was agreed.", "Budget"),
]


def test_convex_fusion_keeps_a_clear_first_place_that_rank_fusion_loses() -> None:
    """Passage 1 is the dense side's clear winner and has no query word; passages 2-4 are
    middling on both sides. Rank fusion, blind to margins, puts a middling one first."""
    dense = {1: 0.80, 2: 0.42, 3: 0.41, 4: 0.40, 5: 0.10}
    lexical = {1: 0.0, 2: 3.0, 3: 2.9, 4: 2.8, 5: 6.0}
    dense_rank = sorted(dense, key=lambda p: -dense[p])
    lexical_rank = sorted((p for p in lexical if lexical[p] > 0), key=lambda p: -lexical[p])
    rrf = reciprocal_rank_fusion([dense_rank, lexical_rank], k=60, weights=[1.0, 1.0])
    assert rrf[0][0] != 1
    fused = convex_fusion(dense, lexical, lexical_weight=1.0)
    assert [pid for pid, _ in fused][:2] == [1, 5]
    # scaled to [0, 1] each: 1 gets 1 + 0, 5 gets 0 + 1, 2 gets 0.457 + 0.5
    assert dict(fused)[2] == pytest.approx((0.42 - 0.10) / 0.70 + 3.0 / 6.0)


def test_convex_fusion_weight_moves_the_balance() -> None:
    dense = {1: 0.9, 2: 0.5}
    lexical = {1: 1.0, 2: 4.0}
    assert convex_fusion(dense, lexical, lexical_weight=0.5)[0][0] == 1
    assert convex_fusion(dense, lexical, lexical_weight=2.0)[0][0] == 2


def test_coverage_takes_full_weight_from_a_bm25_first_place_matching_few_words() -> None:
    """Passage 2 has the best BM25 from one rare word of the question; passage 1 holds
    every word with a lower BM25 and a slightly lower cosine. Plain min-max gives 2 the
    full lexical weight; weighted by coverage, 1 comes first."""
    dense = {1: 0.60, 2: 0.62, 3: 0.30}
    lexical = {1: 5.0, 2: 6.0, 3: 0.0}
    coverage = {1: 1.0, 2: 0.3, 3: 0.0}
    assert convex_fusion(dense, lexical, 1.5)[0][0] == 2
    fused = convex_fusion(dense, lexical, 1.5, coverage, coverage_power=1.0)
    assert fused[0][0] == 1
    assert dict(fused)[2] == pytest.approx(1.0 + 1.5 * 0.3)
    # power 0 is the old fusion, whatever the coverage
    assert convex_fusion(dense, lexical, 1.5, coverage, 0.0) == convex_fusion(dense, lexical, 1.5)


def test_scores_for_gives_the_bm25_search_gives() -> None:
    index = LexicalIndex.build(PASSAGES)
    searched = dict(index.search("agency staff", 10))
    exact = index.scores_for("agency staff", [13, 8, 3, 99])
    assert set(exact) == {3, 8, 13}  # 99 is no passage of the index
    assert exact[13] == 0.0  # no query word
    for pid in (3, 8):
        assert exact[pid] == pytest.approx(searched[pid])
    assert index.scores_for("zzz", [3]) == {3: 0.0}


def test_convex_rank_scores_every_candidate_by_its_exact_cosine(seed_engine: Archive) -> None:
    """Lexical-only candidates get their real cosine (from the stored vector), so fusion
    and the answer builder judge them like the dense side's own."""
    reader = seed_engine.reader()
    tuning = replace(reader.settings.search, fusion="convex")
    retriever = reader.snapshot.retriever
    query = "agency social worker rate"
    ranked, cosines, _ = retriever.rank(query, 20, "hybrid", None, tuning)
    dense_only = dict(retriever.dense(query, 20))
    lexical_ids = {pid for pid, _ in retriever.lexical(query, 20)}
    assert lexical_ids - set(dense_only), "the test needs a lexical-only candidate"
    assert {pid for pid, _ in ranked} == set(dense_only) | lexical_ids
    vector = seed_engine.embedder.encode_query(query)
    ids, vectors = reader.snapshot.store.vectors_for(list(cosines), len(vector))
    for pid, expected in zip(ids, vectors @ vector, strict=True):
        assert cosines[int(pid)] == pytest.approx(float(expected), abs=1e-5)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)


def test_neighbours_are_the_passages_beside_it_in_its_item(seed_engine: Archive) -> None:
    store = seed_engine.snapshot.store
    doc = next(iter(store.stored_documents()))
    passages = store.document_passages(doc)
    assert len(passages) > 3
    middle = passages[len(passages) // 2]
    found = store.neighbours([middle.passage_id])[middle.passage_id]
    rows = store.connection.execute(
        "SELECT ordinal, item FROM sources WHERE document_id = ? AND passage_id = ?",
        (doc, middle.passage_id),
    ).fetchone()
    beside = {
        pid
        for (pid,) in store.connection.execute(
            "SELECT passage_id FROM sources WHERE document_id = ? AND ordinal IN (?, ?) "
            "AND item IS ?",
            (doc, rows[0] - 1, rows[0] + 1, rows[1]),
        )
    }
    assert beside and set(found) >= beside
    assert middle.passage_id not in found


def test_following_is_the_next_passage_of_its_item_only(seed_engine: Archive) -> None:
    """`following` gives the passage after (never before) one in its document and item,
    and the reader hands it back as a hit citing its own passage."""
    store = seed_engine.snapshot.store
    rows = store.connection.execute(
        "SELECT s.passage_id, n.passage_id FROM sources s JOIN sources n "
        "ON n.document_id = s.document_id AND n.ordinal = s.ordinal + 1 AND n.item IS s.item "
        "ORDER BY s.document_id, s.ordinal LIMIT 1 OFFSET 3"
    ).fetchone()
    assert rows is not None
    first, second = rows
    assert store.following([first]) == {first: second}
    assert first not in store.following([second]).values()
    p = store.passages([first])[first]
    hit = Hit(passage_id=first, text=p.text, score=1.0, citation=p.citation)
    after = seed_engine.reader().following([hit])
    assert list(after) == [first] and after[first].passage_id == second
    assert after[first].text == store.passages([second])[second].text


def test_context_weight_adds_the_best_neighbours_score(seed_engine: Archive) -> None:
    """With context, a passage's fused score rises by the weight times its best
    neighbour's own score; without neighbours in the pool it does not move."""
    reader = seed_engine.reader()
    plain = replace(reader.settings.search, fusion="convex", context_weight=0.0)
    context = replace(reader.settings.search, fusion="convex", context_weight=0.5)
    retriever = reader.snapshot.retriever
    query = "agency social workers as a share of the workforce"
    before = dict(retriever.rank(query, 30, "hybrid", None, plain)[0])
    after = dict(retriever.rank(query, 30, "hybrid", None, context)[0])
    assert set(before) == set(after)
    gains = np.array([after[p] - before[p] for p in before])
    assert (gains >= -1e-9).all()
    assert (gains > 0).sum() >= len(gains) // 2
    assert gains.max() <= 0.5 * (1 + reader.settings.search.lexical_weight) + 1e-9
