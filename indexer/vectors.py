"""FAISS vector index keyed by passage id.

FAISS ids are passage ids (`IndexIDMap2` with int64 ids), so the vector index and the
passage store agree after every add and remove. Exact inner-product search suits
archives up to tens of thousands of passages; larger ones use HNSW, and the largest an
inverted file of 8-bit scalar-quantised vectors (see `choose_kind`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from .errors import IndexCorruptError

FLAT_LIMIT = 50_000
"""Above this many passages an approximate (HNSW) index pays for itself."""

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128

IVF_LIMIT = 99_999
"""From 100k passages, IVF-SQ8: HNSW over float vectors holds 1.5 KiB a passage in
memory (1.6 GB at 1M, beyond a 2 GiB server) and took longer than the whole benchmark to
build at 100k on two cores; IVF-SQ8 holds 384 B a passage, trains and fills in a few
minutes and reaches recall@10 0.976 at 100k and 0.980 at 1M (bench/RESULTS.md)."""

IVF_NPROBE = 96
"""Lists searched per query. On the 1M benchmark archive (2,000 lists) recall@10 against
exact search is 0.967 at 64, 0.980 at 96 (2.2 ms of CPU a query), 0.981 at 128."""

IVF_TRAIN_PER_LIST = 50

SEARCH_THREADS = 1
"""OpenMP threads for one query. Splitting a single query over cores gains nothing at
these sizes and, on a busy machine, spinning OpenMP threads made a 10k flat search take
216 ms instead of 1 ms (1M IVF-SQ8: 72 ms instead of 1.8 ms); see bench/RESULTS.md.
Builds (train, add) keep FAISS's default thread count."""


def choose_kind(n_passages: int) -> str:
    """The vector index kind for a corpus of this size: exact, then HNSW, then IVF-SQ8."""
    if n_passages <= FLAT_LIMIT:
        return "flat"
    return "hnsw" if n_passages <= IVF_LIMIT else "ivf_sq8"


def ivf_lists(n_passages: int) -> int:
    """About 2·sqrt(n) lists: 2,000 at a million passages."""
    return max(64, min(65_536, int(2 * math.sqrt(max(n_passages, 1)))))


class VectorIndex:
    """A FAISS index of passage vectors keyed by passage id; inner product on unit vectors."""

    def __init__(self, index: faiss.Index, kind: str) -> None:
        self.index = index
        self.kind = kind

    @classmethod
    def create(cls, dim: int, kind: str = "flat", n_passages: int = 0) -> VectorIndex:
        """An empty index; an `ivf_sq8` one must be `train`ed before vectors are added."""
        if kind == "flat":
            inner: faiss.Index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            inner = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        elif kind == "ivf_sq8":
            quantizer = faiss.IndexFlatIP(dim)
            inner = faiss.IndexIVFScalarQuantizer(
                quantizer, dim, ivf_lists(n_passages), faiss.ScalarQuantizer.QT_8bit,
                faiss.METRIC_INNER_PRODUCT,
            )  # fmt: skip
        else:
            raise ValueError(f"unknown vector index kind {kind!r}")
        return cls(faiss.IndexIDMap2(inner), kind)

    @classmethod
    def from_vectors(cls, ids: np.ndarray, vectors: np.ndarray, kind: str) -> VectorIndex:
        """A new index of `kind` holding `vectors` (trained on them first when IVF needs it)."""
        index = cls.create(vectors.shape[1], kind, len(vectors))
        if kind == "ivf_sq8":
            index.train(vectors)
        index.add(ids, vectors)
        return index

    def train(self, vectors: np.ndarray) -> None:
        """Fit the IVF lists and the 8-bit ranges on an even sample of the vectors."""
        inner: Any = faiss.downcast_index(self.index.index)
        sample_size = min(len(vectors), inner.nlist * IVF_TRAIN_PER_LIST)
        rows = np.linspace(0, len(vectors) - 1, sample_size).astype(np.int64)
        self.index.train(np.ascontiguousarray(vectors[rows], dtype=np.float32))

    @property
    def dim(self) -> int:
        """Vector width the index was built for."""
        return int(self.index.d)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add `vectors` under their passage `ids` (converted to the dtypes FAISS needs)."""
        if len(ids):
            self.index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32),
                np.ascontiguousarray(ids, dtype=np.int64),
            )

    def remove(self, ids: Iterable[int]) -> None:
        """Remove the passages with these ids; unknown ids are ignored."""
        id_array = np.fromiter(ids, dtype=np.int64)
        if len(id_array):
            self.index.remove_ids(id_array)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k (passage id, cosine) pairs; `allowed` restricts the search to those ids."""
        if len(self) == 0 or k <= 0:
            return []
        params: Any
        if allowed is not None:
            if len(allowed) == 0:
                return []
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            if self.kind == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
            elif self.kind == "ivf_sq8":
                # A narrow filter leaves few allowed passages in the probed lists; scan
                # every list then (1M 8-bit codes take tens of milliseconds).
                inner: Any = faiss.downcast_index(self.index.index)
                nlist = inner.nlist
                nprobe = IVF_NPROBE if len(allowed) * 10 >= len(self) else nlist
                params = faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
        else:
            params = self._unfiltered(k)
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(SEARCH_THREADS)
        try:
            scores, ids = self.index.search(
                np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32),
                min(k, len(self)),
                params=params,
            )
        finally:
            faiss.omp_set_num_threads(threads)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def nearest(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Cosines and ids (-1: none) of each query row's top k, unfiltered, in one batch
        on every core (an index-wide job, such as the densities at publish)."""
        scores, ids = self.index.search(
            np.ascontiguousarray(queries, dtype=np.float32),
            min(k, len(self)),
            params=self._unfiltered(k),
        )
        return scores, ids

    def _unfiltered(self, k: int) -> Any:
        """The search parameters of an unfiltered top-k (None: a flat index needs none)."""
        if self.kind == "hnsw":
            return faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        if self.kind == "ivf_sq8":
            return faiss.SearchParametersIVF(nprobe=IVF_NPROBE)
        return None

    def save(self, path: Path) -> None:
        """Write the index to `path` (FAISS's own format)."""
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str) -> VectorIndex:
        """Read an index written by `save`; an unreadable file raises `IndexCorruptError`."""
        try:
            index = faiss.read_index(str(path))
        except RuntimeError as exc:
            raise IndexCorruptError(
                f"Vector index {path} is unreadable ({exc}). Rebuild it: "
                "python -m indexer build corpus/"
            ) from exc
        return cls(index, kind)
