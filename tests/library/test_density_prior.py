"""The density prior: every passage's local density stored at index time (`indexer.density`),
cosines lowered by it in convex fusion, and abstention judged on the same retrieval's
order without it (`SearchResult.unbiased`), on the seed index with the real model."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from indexer.density import DENSITY_FILE, archive_density, load_density, local_density
from indexer.embedding import Embedder
from indexer.errors import IndexCorruptError, IndexMismatchError
from indexer.settings import Settings
from indexer.snapshot import FORMAT_VERSION, INFO_FILE, IndexDir
from indexer.vectors import VectorIndex
from search_api import search as search_module
from search_api.archive import Archive, Reader
from search_api.retrieval import FusionScale, Retriever
from search_api.search import SearchRequest
from tests.indexes import copy_index

PLAIN = [
    "agency social worker rates",
    "Ofsted inspection judgement",
    "children's services budget overspend",
    "staff sickness absence",
    "youth offending service",
    "foster carers recruitment",
    "care leavers accommodation",
    "special educational needs transport",
]


def plain_density(vectors: np.ndarray, k: int) -> np.ndarray:
    """The definition written plainly: each row's k best cosines to the other rows."""
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    return np.sort(sims, axis=1)[:, ::-1][:, :k].mean(axis=1)


def reader_with(engine: Archive, **search: float) -> Reader:
    return Reader(engine.snapshot, engine.settings.model_copy(update=search), engine.embedder)


def test_a_repeated_paragraph_is_dense_and_a_lone_one_not(embedder: Embedder) -> None:
    texts = [
        "The committee noted the report on agency social worker costs.",
        "The committee noted the report on agency social workers' costs.",
        "The committee noted a report on the cost of agency social workers.",
        "The committee noted the report on agency social worker spending.",
        "Bluebells flowered early in the cemetery's woodland this spring.",
    ]
    density = local_density(embedder.encode(texts), neighbours=3)
    assert density[:4].min() > density[4] + 0.2


def test_the_blocked_density_is_the_plain_definition_across_blocks() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((53, 16)).astype(np.float32)
    vectors[10] = vectors[3]  # a copy is a neighbour, never itself
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    blocked = local_density(vectors, neighbours=10, block=8)
    assert blocked.dtype == np.float32
    np.testing.assert_allclose(blocked, plain_density(vectors, 10), atol=1e-6)
    assert local_density(vectors[:1]).tolist() == [0.0]
    np.testing.assert_allclose(local_density(vectors[:4]), plain_density(vectors[:4], 3), 1e-6)


def test_an_approximate_index_gives_nearly_the_exact_densities() -> None:
    """Above `FLAT_LIMIT` the densities come from the archive's HNSW or IVF index, not the
    quadratic products: nearly the same values, each row's own id never its neighbour."""
    rng = np.random.default_rng(11)
    centres = rng.standard_normal((40, 32))
    vectors = centres[rng.integers(0, 40, 3000)] + 0.6 * rng.standard_normal((3000, 32))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    ids = np.arange(1000, 4000, dtype=np.int64)
    exact = local_density(vectors)
    flat = VectorIndex.from_vectors(ids, vectors, "flat")
    assert archive_density(flat, ids, vectors).tolist() == exact.tolist()
    for kind in ("hnsw", "ivf_sq8"):
        approximate = archive_density(VectorIndex.from_vectors(ids, vectors, kind), ids, vectors)
        assert np.abs(approximate - exact).mean() < 0.01, kind
        assert (approximate < exact + 0.02).all(), kind  # a row's own cosine (1.0) left out


def test_the_build_stores_every_density_and_the_reader_holds_them(
    seed_settings: Settings, seed_engine: Archive
) -> None:
    index = IndexDir(seed_settings.index_dir)
    version = index.current()
    info = index.read_info(version, verify="full")
    assert info.format_version == FORMAT_VERSION == 5
    assert DENSITY_FILE in info.files
    store = seed_engine.snapshot.store
    ids, vectors = store.all_vectors(info.dim)
    stored = load_density(version / DENSITY_FILE)
    assert list(stored) == ids.tolist()
    np.testing.assert_allclose(
        np.array(list(stored.values())), plain_density(vectors, 10), atol=1e-5
    )
    assert seed_engine.snapshot.retriever.density == stored


def test_an_index_without_densities_is_refused(seed_settings: Settings, tmp_path: Path) -> None:
    settings = copy_index(seed_settings, tmp_path / "copy")
    version = IndexDir(settings.index_dir).current()
    (version / DENSITY_FILE).unlink()
    with pytest.raises(IndexCorruptError, match="density.npz"):
        Archive.open(settings)
    info = json.loads((version / INFO_FILE).read_text())
    info["format_version"] = 3
    del info["files"][DENSITY_FILE]
    (version / INFO_FILE).write_text(json.dumps(info))
    with pytest.raises(IndexMismatchError, match="format 3, not 5"):
        Archive.open(settings)
    shutil.rmtree(settings.index_dir)


def test_the_prior_lowers_each_cosine_by_its_density_before_fusion(seed_engine: Archive) -> None:
    """Without context, the fused order is the convex fusion of the lowered cosines; the
    cosines returned are the passages' own, and `raw` is the fusion with the prior off."""
    retriever = seed_engine.snapshot.retriever
    tuning = replace(seed_engine.settings.search, context_weight=0.0, density_prior=0.5)
    off = replace(tuning, density_prior=0.0)
    moved = 0
    for query in PLAIN:
        ranked, cosines, raw = retriever.rank(query, 100, "hybrid", None, tuning)
        plain, plain_cosines, none = retriever.rank(query, 100, "hybrid", None, off)
        assert none is None and raw == plain and cosines == plain_cosines
        lowered = {p: c - 0.5 * retriever.density[p] for p, c in cosines.items()}
        bm25 = retriever.lexical_index.scores_for(query, list(cosines))
        coverage = retriever.lexical_index.coverage_for(query, list(cosines))
        scale = FusionScale.over(lowered, bm25, tuning.lexical_weight, tuning.lexical_coverage)
        expected = scale.rank(lowered, bm25, coverage)
        assert [p for p, _ in ranked] == [p for p, _ in expected]
        assert [s for _, s in ranked] == pytest.approx([s for _, s in expected])
        moved += [p for p, _ in ranked[:10]] != [p for p, _ in plain[:10]]
    assert moved, "the prior moves no top 10: the test proves nothing"


def test_a_trend_is_ranked_without_the_prior(seed_engine: Archive) -> None:
    request = SearchRequest("How has agency social worker spending changed since 2022?", k=10)
    strong = reader_with(seed_engine, density_prior=1.0).ranked(request)
    off = reader_with(seed_engine, density_prior=0.0).ranked(request)
    assert strong.intent.trend
    assert [h.passage_id for h in strong.hits] == [h.passage_id for h in off.hits]
    assert strong.unbiased() is strong


def test_unbiased_is_the_search_with_the_prior_off(seed_engine: Archive) -> None:
    """From one retrieval: the order without the prior equals a second search with the
    prior set to 0, hits, scores and the candidates below alike."""
    on = reader_with(seed_engine, density_prior=0.5)
    off = reader_with(seed_engine, density_prior=0.0)
    differ = 0
    for query in PLAIN:
        request = SearchRequest(query, k=10)
        found = on.ranked(request)
        plain = found.unbiased()
        alone = off.ranked(request)
        assert alone.unbiased() is alone
        assert plain.hits == alone.hits and plain.below == alone.below
        assert plain.cosines == alone.cosines and plain.intent == alone.intent
        differ += [h.passage_id for h in found.hits] != [h.passage_id for h in plain.hits]
    assert differ, "the prior moves no top 10: the test proves nothing"


def test_ask_decides_on_the_signals_of_the_order_without_the_prior(seed_engine: Archive) -> None:
    """`/ask`'s recorded signals are those the prior-free search gives, and on at least one
    question not those of the prior's own hits (abstention would then read them)."""
    on = reader_with(seed_engine, density_prior=0.5)
    off = reader_with(seed_engine, density_prior=0.0)
    differ = 0
    for query in PLAIN:
        request = SearchRequest(query, k=10)
        asked = on.ask(request)
        assert asked.features == off.ask(request).features
        found = on.ranked(request)
        own = on.answers.features(query, found.intent, found.hits, found.cosines)
        differ += own != asked.features
    assert differ, "no question's signals move with the prior: the test proves nothing"


def test_search_arranges_one_order_and_ask_two(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One retrieval either way; `/search` arranges only the prior's order, `/ask` the
    order without it too, once, for its support."""
    retrievals: list[str] = []
    arranged: list[str] = []
    rank, arrange = Retriever.rank, search_module._arranged

    def counted_rank(self: Retriever, query: str, *args: Any, **kwargs: Any) -> Any:
        retrievals.append(query)
        return rank(self, query, *args, **kwargs)

    def counted_arrange(*args: Any, **kwargs: Any) -> Any:
        arranged.append("x")
        return arrange(*args, **kwargs)

    monkeypatch.setattr(Retriever, "rank", counted_rank)
    monkeypatch.setattr(search_module, "_arranged", counted_arrange)
    reader = reader_with(seed_engine, density_prior=0.5)
    request = SearchRequest(PLAIN[0], k=8)
    reader.search(request)
    assert (len(retrievals), len(arranged)) == (1, 1)
    retrievals.clear()
    arranged.clear()
    reader.ask(request)
    assert (len(retrievals), len(arranged)) == (1, 2)
