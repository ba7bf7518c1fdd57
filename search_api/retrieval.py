"""Dense, lexical and fused retrieval over one index snapshot, with filters.

Hybrid search fuses the dense and lexical rankings by reciprocal rank fusion: it needs
no score calibration between cosine similarity and BM25, and a passage found by both
rises above one found by either alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from indexer.embedding import Embedder
from indexer.lexical import LexicalIndex
from indexer.models import Hit, SearchFilters, SearchMode
from indexer.store import PassageStore, query_terms
from indexer.vectors import VectorIndex

_TEXT_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%.-]*[A-Za-z0-9%]|[A-Za-z0-9]")


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for i, ranking in enumerate(rankings):
        weight = weights[i] if weights else 1.0
        for rank, pid in enumerate(ranking):
            scores[pid] = scores.get(pid, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def highlights(text: str, query: str, limit: int = 12) -> list[str]:
    """Words of the passage that match a query word, for the page to mark up."""
    stems = {_stem(t) for t in query_terms(query)}
    if not stems:
        return []
    starts = re.compile("|".join(re.escape(s) for s in sorted(stems)), re.IGNORECASE)
    found: dict[str, None] = {}
    for match in _TEXT_WORD.finditer(text):
        word = match.group(0)
        if word not in found and starts.match(word):
            found[word] = None
            if len(found) >= limit:
                break
    return list(found)


class Retriever:
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
        return self.vectors.search(self.embedder.encode_query(query), k, allowed)

    def lexical(
        self, query: str, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        return self.lexical_index.search(query, k, allowed)

    def ranked(
        self,
        query: str,
        k: int,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> list[tuple[int, float]]:
        """(passage id, score) pairs, best first."""
        allowed = self.allowed(filters)
        if mode == "dense":
            return self.dense(query, k, allowed)
        if mode == "lexical":
            return self.lexical(query, k, allowed)
        depth = max(self.candidates, k)
        dense = self.dense(query, depth, allowed)
        return self.fuse(dense, self.lexical(query, depth, allowed))[:k]

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

    def hits(
        self, ranked: Sequence[tuple[int, float]], query: str, highlight: bool = True
    ) -> list[Hit]:
        """Passages with their citations; `highlight=False` leaves marking the query words
        to the caller, for a pool of candidates most of which will not be shown."""
        passages = self.store.passages([pid for pid, _ in ranked])
        return [
            Hit(
                passage_id=pid,
                text=passages[pid].text,
                score=round(score, 6),
                citation=passages[pid].citation,
                highlights=highlights(passages[pid].text, query) if highlight else [],
            )
            for pid, score in ranked
            if pid in passages
        ]

    def search(
        self,
        query: str,
        k: int = 10,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> list[Hit]:
        return self.hits(self.ranked(query, k, mode, filters), query)
