"""Write a generated archive straight into a published index (store + FAISS).

Embedding a million passages with the real model would take about two hours on two
cores, so passage vectors are made cheaply, and honestly labelled so in the results:
every sentence of the pool (a few thousand, `bench.generator.SeedText.sentences`) is
embedded for real with the index's model, and a passage's vector is the normalised sum of
its sentences' real embeddings plus a little Gaussian noise. Such vectors live where real
passage vectors live (the model's own output space, clustered by topic), which is what
ANN recall and FAISS cost depend on; real embedding throughput is measured separately
(`bench indexing`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.generator import SeedText, generate, load_seed_text
from indexer.builder import bm25_record, bm25_settings, chunking_settings, package_version
from indexer.density import DENSITY_FILE, save_density
from indexer.embedding import Embedder
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, VECTORS_FILE, IndexDir, IndexInfo
from indexer.store import PassageStore, normalise_text, passage_id_for
from indexer.vectors import VectorIndex, choose_kind

log = logging.getLogger(__name__)

NOISE = 0.02
"""Per-dimension standard deviation of the noise added before renormalising."""


@dataclass
class ScaleIndexReport:
    passages: int
    documents: int
    vector_kind: str
    seconds_generate_store: float
    seconds_vectors: float
    seconds_faiss: float
    seconds_lexical: float
    seconds_publish: float
    store_bytes: int
    vectors_bytes: int
    lexical_bytes: int

    @property
    def seconds(self) -> float:
        return (
            self.seconds_generate_store + self.seconds_vectors + self.seconds_faiss
            + self.seconds_lexical + self.seconds_publish
        )  # fmt: skip


def sentence_embeddings(embedder: Embedder, seed_text: SeedText, cache_dir: Path) -> np.ndarray:
    """Real embeddings of the sentence pool, cached by model and pool content."""
    key = hashlib.sha256(
        (embedder.name + "\0" + "\n".join(seed_text.sentences)).encode()
    ).hexdigest()[:16]
    path = cache_dir / f"sentences-{key}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    cache_dir.mkdir(parents=True, exist_ok=True)
    vectors = embedder.encode(list(seed_text.sentences))
    np.save(path, vectors, allow_pickle=False)
    return vectors


def passage_vectors(
    sentence_ids: list[tuple[int, ...]], sentence_vecs: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    out = np.zeros((len(sentence_ids), sentence_vecs.shape[1]), dtype=np.float32)
    for row, ids in enumerate(sentence_ids):
        out[row] = sentence_vecs[list(ids)].sum(axis=0)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    out += rng.normal(0.0, NOISE, size=out.shape).astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def build_scale_index(
    settings: Settings,
    embedder: Embedder,
    passages: int,
    cache_dir: Path,
    seed: int = 7,
    kind: str | None = None,
) -> ScaleIndexReport:
    """Generate `passages` passages into a fresh published index at `settings.index_dir`."""
    seed_text = load_seed_text()
    sentence_vecs = sentence_embeddings(embedder, seed_text, cache_dir)
    rng = np.random.default_rng(seed)
    index_dir = IndexDir(settings.index_dir)
    t_vectors = 0.0
    started = time.perf_counter()
    with index_dir.lock(), index_dir.draft(fresh=True) as draft:
        store = PassageStore(draft / STORE_FILE)
        # A draft is thrown away after a crash and fsynced by `publish`, so the writer
        # need not sync each document's transaction.
        store.connection.execute("PRAGMA synchronous = OFF")
        all_ids = np.zeros(passages, dtype=np.int64)
        all_vecs = np.zeros((passages, sentence_vecs.shape[1]), dtype=np.float32)
        filled = 0
        for documents, doc in enumerate(generate(passages, seed=seed, seed_text=seed_text), 1):
            t0 = time.perf_counter()
            vecs = passage_vectors([p.sentence_ids for p in doc.paragraphs], sentence_vecs, rng)
            t_vectors += time.perf_counter() - t0
            chunks = doc.chunks()
            pids = [passage_id_for(normalise_text(c.text)) for c in chunks]
            # Through the store's own writer, like any indexed document.
            store.put_document(
                doc.meta, "generated", f"gen-{seed}-{doc.meta.document_id}", chunks,
                dict(zip(pids, vecs, strict=True)),
            )  # fmt: skip
            all_ids[filled : filled + len(pids)] = pids
            all_vecs[filled : filled + len(pids)] = vecs
            filled += len(pids)
            if documents % 2000 == 0:
                log.info("scale index: %d/%d passages", filled, passages)
        t_store = time.perf_counter() - started - t_vectors
        n_passages, n_documents = store.counts()
        kind = kind or choose_kind(n_passages)
        t0 = time.perf_counter()
        vectors = VectorIndex.from_vectors(all_ids[:filled], all_vecs[:filled], kind)
        vectors.save(draft / VECTORS_FILE)
        t_faiss = time.perf_counter() - t0
        t0 = time.perf_counter()
        LexicalIndex.build(store.lexical_rows(), bm25_settings(settings)).save(draft / LEXICAL_DIR)
        # Zero densities (the prior a no-op, its lookups kept): the exact densities of a
        # synthetic archive this size are quadratic (`indexer.density`), and what this
        # benchmark measures is the query path's and the vector index's cost.
        save_density(draft / DENSITY_FILE, all_ids[:filled], np.zeros(filled, np.float32))
        t_lexical = time.perf_counter() - t0
        # The exact vectors, kept beside the index (not in it) for ANN recall checks.
        np.save(settings.index_dir / "bench_ids.npy", all_ids[:filled], allow_pickle=False)
        np.save(settings.index_dir / "bench_vectors.npy", all_vecs[:filled], allow_pickle=False)
        del all_vecs
        store.close()
        t0 = time.perf_counter()
        info = IndexInfo(
            package_version=package_version(),
            model=embedder.name,
            dim=embedder.dim,
            embed_backend=embedder.backend,
            chunking=chunking_settings(settings),
            bm25=bm25_record(settings),
            vector_kind=vectors.kind,
            corpora=["generated"],
            passages=n_passages,
            documents=n_documents,
        )
        final = index_dir.publish(draft, info)
        t_publish = time.perf_counter() - t0
    return ScaleIndexReport(
        passages=n_passages,
        documents=n_documents,
        vector_kind=vectors.kind,
        seconds_generate_store=t_store,
        seconds_vectors=t_vectors,
        seconds_faiss=t_faiss,
        seconds_lexical=t_lexical,
        seconds_publish=t_publish,
        store_bytes=(final / STORE_FILE).stat().st_size,
        vectors_bytes=(final / VECTORS_FILE).stat().st_size,
        lexical_bytes=sum(p.stat().st_size for p in (final / LEXICAL_DIR).iterdir()),
    )
