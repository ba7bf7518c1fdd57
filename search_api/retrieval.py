"""Dense, lexical and fused retrieval over one index snapshot, with filters.

Hybrid search fuses the dense and lexical rankings by reciprocal rank fusion: it needs
no score calibration between cosine similarity and BM25, and a passage found by both
rises above one found by either alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from indexer.embedding import Embedder
from indexer.lexical import LexicalIndex
from indexer.models import Hit, SearchFilters, SearchMode
from indexer.store import PassageStore
from indexer.vectors import VectorIndex


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[int, float]]:
    """Fused (passage id, score) pairs, best first: each ranking adds weight/(k + rank)."""
    scores: dict[int, float] = {}
    for i, ranking in enumerate(rankings):
        weight = weights[i] if weights else 1.0
        for rank, pid in enumerate(ranking):
            scores[pid] = scores.get(pid, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


class Retriever:
    """Dense, lexical and fused rankings over one snapshot's files."""

    def __init__(
        self,
        store: PassageStore,
        vectors: VectorIndex,
        lexical_index: LexicalIndex,
        embedder: Embedder,
        rrf_k: int = 60,
        candidates: int = 100,
        lexical_weight: float = 1.0,
    ) -> None:
        self.store = store
        self.vectors = vectors
        self.lexical_index = lexical_index
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.lexical_weight = lexical_weight

    def allowed(self, filters: SearchFilters | None) -> np.ndarray | None:
        """Passage ids the filters admit; None when there are no filters."""
        if filters is None or filters.is_empty():
            return None
        return self.store.filtered_ids(filters)

    def dense(
        self, query: str, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(passage id, cosine) by the embedding model: finds paraphrases BM25 misses."""
        return self.vectors.search(self.embedder.encode_query(query), k, allowed)

    def lexical(
        self, query: str, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(passage id, BM25) by the query's stems: names, figures and jargon."""
        return self.lexical_index.search(query, k, allowed)

    def rank(
        self, query: str, depth: int, mode: SearchMode, filters: SearchFilters | None
    ) -> tuple[list[tuple[int, float]], dict[int, float]]:
        """(passage id, score) pairs best first, and the dense cosine of every passage the
        dense retriever saw: even a lexical ranking is judged on topic by its cosines."""
        allowed = self.allowed(filters)
        dense = self.dense(query, depth, allowed)
        if mode == "dense":
            ranked = dense
        elif mode == "lexical":
            ranked = self.lexical(query, depth, allowed)
        else:
            ranked = self.fuse(dense, self.lexical(query, depth, allowed))
        return ranked, dict(dense)

    def fuse(
        self, dense: Sequence[tuple[int, float]], lexical: Sequence[tuple[int, float]]
    ) -> list[tuple[int, float]]:
        """Reciprocal rank fusion of a dense and a lexical ranking, lexical weighted.

        BM25 outweighs the dense side (settings.lexical_weight = 1.5): on scrutiny papers,
        full of names, figures and committee jargon, it retrieves better than the small
        embedding model (dev, seed and Kent question sets alike, eval/README.md).
        """
        return reciprocal_rank_fusion(
            [[pid for pid, _ in dense], [pid for pid, _ in lexical]],
            k=self.rrf_k,
            weights=[1.0, self.lexical_weight],
        )

    def hits(self, ranked: Sequence[tuple[int, float]]) -> list[Hit]:
        """Passages with their citations, in the ranking's order; highlights are left to
        the caller, which marks only the hits it shows."""
        passages = self.store.passages([pid for pid, _ in ranked])
        return [
            Hit(
                passage_id=pid,
                text=passages[pid].text,
                score=round(score, 6),
                citation=passages[pid].citation,
            )
            for pid, score in ranked
            if pid in passages
        ]
