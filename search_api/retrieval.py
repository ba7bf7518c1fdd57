"""Dense, lexical and fused retrieval over one index snapshot, with filters.

Hybrid search fuses the dense and lexical rankings by reciprocal rank fusion: it needs
no score calibration between cosine similarity and BM25, and a passage found by both
rises above one found by either alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from indexer.embedding import Embedder
from indexer.lexical import LexicalIndex
from indexer.models import Hit, SearchFilters, SearchMode
from indexer.settings import SearchSettings
from indexer.store import PassageStore, SourceDates
from indexer.vectors import VectorIndex

from .empty import PageKinds


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


@dataclass(frozen=True)
class FusionScale:
    """How convex fusion puts a cosine and a BM25 on one scale: each min-max scaled over
    the candidates and clipped to [0, 1], so a neighbour outside the candidates scales
    alike. Measured on tune against other BM25 scalings: divided by the best candidate's
    0.741, by the query's own ceiling (sum of idf) 0.754 at best, min-max 0.755."""

    cos_low: float
    cos_high: float
    lexical_low: float
    lexical_high: float
    lexical_weight: float
    coverage_power: float = 0.0
    """The scaled BM25 is multiplied by (share of the query's words the passage holds) to
    this power: 0 leaves BM25 alone."""

    @classmethod
    def over(
        cls,
        cosines: Mapping[int, float],
        bm25: Mapping[int, float],
        lexical_weight: float,
        coverage_power: float = 0.0,
    ) -> FusionScale:
        """The scale of one query's candidates."""
        return cls(
            min(cosines.values(), default=0.0),
            max(cosines.values(), default=0.0),
            min(bm25.values(), default=0.0),
            max(bm25.values(), default=0.0),
            lexical_weight,
            coverage_power,
        )

    def score(self, cosine: float, bm25: float, coverage: float = 1.0) -> float:
        """Scaled cosine + lexical_weight × scaled BM25 (× coverage^coverage_power)."""
        span = self.cos_high - self.cos_low
        d = (cosine - self.cos_low) / span if span > 0 else 0.0
        span = self.lexical_high - self.lexical_low
        lex = (bm25 - self.lexical_low) / span if span > 0 else 0.0
        if self.coverage_power:
            lex *= max(coverage, 0.0) ** self.coverage_power
        return min(max(d, 0.0), 1.0) + self.lexical_weight * min(max(lex, 0.0), 1.0)

    def rank(
        self,
        dense: Mapping[int, float],
        lexical: Mapping[int, float],
        coverage: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]]:
        """(passage id, score) best first over the passages of `dense`; a passage missing
        from `lexical` has BM25 0, from `coverage` coverage 1."""
        cover = coverage or {}
        fused = {
            pid: self.score(cos, lexical.get(pid, 0.0), cover.get(pid, 1.0))
            for pid, cos in dense.items()
        }
        return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def convex_fusion(
    dense: Mapping[int, float],
    lexical: Mapping[int, float],
    lexical_weight: float,
    coverage: Mapping[int, float] | None = None,
    coverage_power: float = 0.0,
) -> list[tuple[int, float]]:
    """(passage id, score) best first: scaled cosine + weight × scaled BM25 (`FusionScale`)
    over the passages of `dense`; a passage missing from `lexical` has BM25 0."""
    return FusionScale.over(dense, lexical, lexical_weight, coverage_power).rank(
        dense, lexical, coverage
    )


Scored = tuple[int, float]
"""(passage id, score)."""


class Ranking(NamedTuple):
    """A retrieval's candidates best first, and the dense cosine of every passage it saw."""

    ranked: list[Scored]
    cosines: dict[int, float]
    raw: list[Scored] | None = None
    """The same candidates fused without the density prior, best first; None when no
    prior applied (the order is `ranked`)."""


@dataclass(frozen=True)
class Context:
    """The candidates' neighbours (`PassageStore.neighbours`) and the scores of every
    candidate and neighbour, for small-to-big context scoring."""

    neighbours: Mapping[int, Sequence[int]]
    cosines: dict[int, float]
    bm25: dict[int, float]
    coverage: dict[int, float]

    def rescored(
        self,
        fused: list[Scored],
        cosines: Mapping[int, float],
        scale: FusionScale,
        context_weight: float,
    ) -> list[Scored]:
        """Fused scores plus `context_weight` × the best neighbour's fused score (small-to-
        big): a list item or a table row whose heading or lead-in sentence sits in the
        passage before it is scored with that context, on the same scale as the pool.
        `cosines` are the neighbours' as fused (lowered by the prior, or their own)."""
        rescored = {
            pid: score
            + context_weight
            * max(
                (
                    scale.score(cosines[n], self.bm25.get(n, 0.0), self.coverage.get(n, 1.0))
                    for n in self.neighbours.get(pid, ())
                    if n in cosines
                ),
                default=0.0,
            )
            for pid, score in fused
        }
        return sorted(rescored.items(), key=lambda item: (-item[1], item[0]))


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
        density: Mapping[int, float] | None = None,
    ) -> None:
        self.store = store
        self.density: Mapping[int, float] = density or {}
        """Passage id → local density (`indexer.density`), for the density prior."""
        self.vectors = vectors
        self.lexical_index = lexical_index
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.lexical_weight = lexical_weight
        self._source_dates: SourceDates | None = None
        self.page_kinds = PageKinds()
        """This snapshot's passages read as page furniture, once each (`search_api.empty`)."""

    def allowed(self, filters: SearchFilters | None) -> np.ndarray | None:
        """Passage ids the filters admit; None when there are no filters.

        Dates alone are filtered in memory, by the store's rule (a source's document
        overlaps the range): a trend question filters by dates twice per search."""
        if filters is None or filters.is_empty():
            return None
        if filters.committee or filters.doc_type:
            return self.store.filtered_ids(filters)
        if self._source_dates is None:
            self._source_dates = self.store.source_dates()
        return self._source_dates.admitted(filters)

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
        self,
        query: str,
        depth: int,
        mode: SearchMode,
        filters: SearchFilters | None,
        tuning: SearchSettings | None = None,
        vector: np.ndarray | None = None,
    ) -> Ranking:
        """(passage id, score) pairs best first, and the dense cosine of every passage the
        dense retriever saw: even a lexical ranking is judged on topic by its cosines.

        `tuning` (the reader's search settings) overrides the fusion constants the
        retriever was opened with, so one opened index serves any settings. `vector` is
        the query's embedding when the caller has it already (a trend question searches
        its topic again at each end of its span: one embedding per search)."""
        allowed = self.allowed(filters)
        if vector is None:
            vector = self.embedder.encode_query(query)
        dense = self.vectors.search(vector, depth, allowed)
        if mode == "dense":
            return Ranking(dense, dict(dense))
        lexical = self.lexical(query, depth, allowed)
        if mode == "lexical":
            return Ranking(lexical, dict(dense))
        if tuning is not None and tuning.fusion == "convex":
            return self.fuse_scores(
                query,
                vector,
                dense,
                lexical,
                tuning.lexical_weight,
                tuning.context_weight,
                tuning.lexical_coverage,
                tuning.density_prior,
            )
        return Ranking(self.fuse(dense, lexical, tuning), dict(dense))

    def fuse(
        self,
        dense: Sequence[tuple[int, float]],
        lexical: Sequence[tuple[int, float]],
        tuning: SearchSettings | None = None,
    ) -> list[tuple[int, float]]:
        """Reciprocal rank fusion of a dense and a lexical ranking, lexical weighted."""
        return reciprocal_rank_fusion(
            [[pid for pid, _ in dense], [pid for pid, _ in lexical]],
            k=tuning.rrf_k if tuning else self.rrf_k,
            weights=[1.0, tuning.lexical_weight if tuning else self.lexical_weight],
        )

    def fuse_scores(
        self,
        query: str,
        vector: np.ndarray,
        dense: Sequence[tuple[int, float]],
        lexical: Sequence[tuple[int, float]],
        lexical_weight: float,
        context_weight: float = 0.0,
        coverage_power: float = 0.0,
        density_prior: float = 0.0,
    ) -> Ranking:
        """Convex fusion of both retrievers' own scores over the union of their candidates,
        and every candidate's cosine.

        Rank fusion hides how far ahead a first place is: a passage the dense side ranks
        first with a clear margin, and BM25 misses, loses to one both sides rank 30th.
        Here every candidate gets both exact scores (its cosine from its stored vector,
        its BM25 from the postings), each scaled to [0, 1] over the candidates, and the
        fused score is `dense + lexical_weight × lexical`.

        With a `density_prior`, each cosine (a context neighbour's too) is first lowered
        by the prior × the passage's local density (`debiased`); the cosines returned are
        the passages' own. The same candidates, their neighbours and scores read once, are
        fused a second time without the prior (`Ranking.raw`): the order the abstention
        model was fitted on (`SearchResult.unbiased`).
        """
        cosines = dict(dense)
        bm25 = dict(lexical)
        missing_cos = [pid for pid in bm25 if pid not in cosines]
        if missing_cos:
            ids, vectors = self.store.vectors_for(missing_cos, len(vector))
            cosines.update(zip((int(i) for i in ids), (vectors @ vector).tolist(), strict=True))
        missing_bm25 = [pid for pid in cosines if pid not in bm25]
        if missing_bm25:
            bm25.update(self.lexical_index.scores_for(query, missing_bm25))
        if not cosines:
            return Ranking([], cosines)
        coverage = self.lexical_index.coverage_for(query, list(cosines)) if coverage_power else {}
        context = (
            self.context(query, vector, list(cosines), cosines, bm25, coverage, coverage_power)
            if context_weight > 0
            else None
        )

        def fused(cos: Mapping[int, float], context_cos: Mapping[int, float]) -> list[Scored]:
            scale = FusionScale.over(cos, bm25, lexical_weight, coverage_power)
            ranked = scale.rank(cos, bm25, coverage)
            if context is None:
                return ranked
            return context.rescored(ranked, context_cos, scale, context_weight)

        raw = fused(cosines, context.cosines if context else {})
        if not density_prior or not self.density:
            return Ranking(raw, cosines)
        lowered = fused(
            self.debiased(cosines, density_prior),
            self.debiased(context.cosines, density_prior) if context else {},
        )
        return Ranking(lowered, cosines, raw)

    def debiased(self, cosines: Mapping[int, float], prior: float) -> dict[int, float]:
        """Each cosine lowered by `prior` × its passage's local density (`indexer.density`):
        a passage in a crowded neighbourhood (a paragraph every report repeats) is near
        many questions it does not answer."""
        density = self.density
        return {pid: cos - prior * density.get(pid, 0.0) for pid, cos in cosines.items()}

    def context(
        self,
        query: str,
        vector: np.ndarray,
        ids: Sequence[int],
        cosines: Mapping[int, float],
        bm25: Mapping[int, float],
        coverage: Mapping[int, float],
        coverage_power: float,
    ) -> Context:
        """The neighbours of `ids` with their cosines, BM25 and coverage, read once: the
        candidates' own scores as given, the others' from the store and the postings."""
        neighbours = self.store.neighbours(list(ids))
        others = {n for ns in neighbours.values() for n in ns}
        n_cos = dict(cosines)
        need_cos = [n for n in others if n not in cosines]
        if need_cos:
            found, vectors = self.store.vectors_for(need_cos, len(vector))
            n_cos.update(zip((int(i) for i in found), (vectors @ vector).tolist(), strict=True))
        n_bm25 = dict(bm25)
        need_bm25 = [n for n in others if n not in bm25]
        if need_bm25:
            n_bm25.update(self.lexical_index.scores_for(query, need_bm25))
        n_cover = dict(coverage)
        if coverage_power:
            need_cover = [n for n in others if n not in n_cover]
            n_cover.update(self.lexical_index.coverage_for(query, need_cover))
        return Context(neighbours, n_cos, n_bm25, n_cover)

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
