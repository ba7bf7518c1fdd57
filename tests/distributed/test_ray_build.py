"""A Ray build on a local cluster equals a single-machine build of the same corpus."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import faiss
import numpy as np
import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.lexical import LEXICAL_DIR
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, VECTORS_FILE, IndexDir, IndexInfo
from search_api.archive import Archive
from tests.searching import search

pytest.importorskip("ray", reason="Ray is an optional extra: pip install '.[ray]'")

from indexer.distributed import RayOptions, RayParseAndEmbed  # noqa: E402


def _tables(settings: Settings) -> dict[str, list[tuple]]:
    version = IndexDir(settings.index_dir).current()
    with sqlite3.connect(f"file:{version / STORE_FILE}?mode=ro", uri=True) as conn:
        return {
            "documents": conn.execute("SELECT * FROM documents ORDER BY 1").fetchall(),
            "sources": conn.execute("SELECT * FROM sources ORDER BY 1, 2").fetchall(),
            "passages": conn.execute(
                "SELECT passage_id, text FROM passages ORDER BY 1"
            ).fetchall(),
            "failures": conn.execute("SELECT * FROM failures ORDER BY 1, 2").fetchall(),
            "vectors": conn.execute("SELECT passage_id, embedding FROM passages ORDER BY 1")
            .fetchall(),
        }  # fmt: skip


def _faiss(settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Ids and vectors of the FAISS file, by id (`IndexIDMap2` over a flat index)."""
    # Keep every SWIG object referenced: a downcast view does not own its index.
    loaded = faiss.read_index(str(IndexDir(settings.index_dir).current() / VECTORS_FILE))
    index = faiss.downcast_index(loaded)
    inner = faiss.downcast_index(index.index)
    ids = faiss.vector_to_array(index.id_map)
    vectors = inner.reconstruct_n(0, index.ntotal)
    order = np.argsort(ids)
    return ids[order], vectors[order]


def _info(settings: Settings) -> IndexInfo:
    index_dir = IndexDir(settings.index_dir)
    return index_dir.read_info(index_dir.current())


def test_same_index_as_single_machine(single_build, ray_build) -> None:
    single_settings, single_report = single_build
    ray_settings, ray_report, strategy, staging = ray_build
    single, distributed = _tables(single_settings), _tables(ray_settings)

    for table in ("documents", "sources", "passages", "failures"):
        assert distributed[table] == single[table], table
    lexical_a, lexical_b = (
        {name: digest for name, digest in _info(s).files.items() if name.startswith(LEXICAL_DIR)}
        for s in (single_settings, ray_settings)
    )
    assert lexical_a and lexical_b == lexical_a  # the same BM25 postings, byte for byte
    # The corpus exercises de-duplication: fewer passages than source rows.
    assert len(single["passages"]) < len(single["sources"])
    assert len(single["documents"]) == 10 and len(single["failures"]) == 1

    a = np.stack([np.frombuffer(blob, np.float32) for _, blob in single["vectors"]])
    b = np.stack([np.frombuffer(blob, np.float32) for _, blob in distributed["vectors"]])
    np.testing.assert_allclose(b, a, atol=1e-5)
    ids_a, faiss_a = _faiss(single_settings)
    ids_b, faiss_b = _faiss(ray_settings)
    assert ids_a.tolist() == ids_b.tolist() == [pid for pid, _ in single["passages"]]
    np.testing.assert_allclose(faiss_b, faiss_a, atol=1e-5)

    varying = {"files", "created_at"}  # checksums differ with float noise and row order
    assert _info(ray_settings).model_dump(exclude=varying) == _info(single_settings).model_dump(
        exclude=varying
    )

    assert (ray_report.passages, ray_report.documents) == (
        single_report.passages, single_report.documents,
    )  # fmt: skip
    assert ray_report.failed == single_report.failed
    assert sorted(ray_report.added) == sorted(single_report.added)

    stats = strategy.stats
    assert stats.actors == 2 and stats.cluster_cpus == 2
    assert stats.driver_fallbacks == 0, "every vector should come from the actor pool"
    assert not any(staging.iterdir()), "shards are removed after the merge"


def test_served_like_single_machine(single_build, ray_build, embedder: Embedder) -> None:
    single = Archive.open(single_build[0], embedder)
    distributed = Archive.open(ray_build[0], embedder)
    for query in ("family hubs call-in", "home to school transport feasibility study"):
        a = [(h.passage_id, round(h.score, 4)) for h in search(single, query, k=5)]
        b = [(h.passage_id, round(h.score, 4)) for h in search(distributed, query, k=5)]
        assert a == b


@pytest.mark.slow  # a Ray actor of its own loads the model (~13 s): `make test-slow`
def test_rerun_sends_nothing_unchanged(ray_build, corpora: list[Path], embedder) -> None:
    """Incremental, as on one machine: unchanged files are skipped before the cluster is
    asked for anything, and so is the file that failed last time, unchanged with the same
    reader: its failure is reported from the record of failed reads, not read again."""
    settings = ray_build[0]
    before = _tables(settings)
    strategy = RayParseAndEmbed(RayOptions(actors=1))
    report = Indexer(settings, embedder, strategy).build(corpora)
    assert report.unchanged == 10 and not report.changed and len(report.failed) == 1
    assert strategy.stats.times.documents == 0
    assert _tables(settings) == before
