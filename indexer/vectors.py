"""FAISS vector index keyed by passage id.

FAISS ids are passage ids (`IndexIDMap2` with int64 ids), so the vector index and the
passage store agree after every add and remove. Exact inner-product search suits
archives up to tens of thousands of passages; larger ones use HNSW (see `choose_kind`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

from .errors import IndexCorruptError

FLAT_LIMIT = 50_000
"""Above this many passages an approximate (HNSW) index pays for itself."""

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


def choose_kind(n_passages: int) -> str:
    return "flat" if n_passages <= FLAT_LIMIT else "hnsw"


class VectorIndex:
    def __init__(self, index: faiss.Index, kind: str) -> None:
        self.index = index
        self.kind = kind

    @classmethod
    def create(cls, dim: int, kind: str = "flat") -> VectorIndex:
        if kind == "flat":
            inner: faiss.Index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            inner = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        else:
            raise ValueError(f"unknown vector index kind {kind!r}")
        return cls(faiss.IndexIDMap2(inner), kind)

    @classmethod
    def from_vectors(cls, ids: np.ndarray, vectors: np.ndarray, kind: str) -> VectorIndex:
        index = cls.create(vectors.shape[1], kind)
        index.add(ids, vectors)
        return index

    @property
    def dim(self) -> int:
        return int(self.index.d)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32),
                np.ascontiguousarray(ids, dtype=np.int64),
            )

    @property
    def supports_remove(self) -> bool:
        return self.kind == "flat"

    def remove(self, ids: Iterable[int]) -> None:
        id_array = np.fromiter(ids, dtype=np.int64)
        if len(id_array):
            self.index.remove_ids(id_array)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k (passage id, cosine) pairs; `allowed` restricts the search to those ids."""
        if len(self) == 0 or k <= 0:
            return []
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return []
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            params = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                if self.kind == "hnsw"
                else faiss.SearchParameters(sel=selector)
            )
        elif self.kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        scores, ids = self.index.search(
            np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32),
            min(k, len(self)),
            params=params,
        )
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str) -> VectorIndex:
        try:
            index = faiss.read_index(str(path))
        except RuntimeError as exc:
            raise IndexCorruptError(
                f"Vector index {path} is unreadable ({exc}). Rebuild it: "
                "python -m indexer build corpus/"
            ) from exc
        return cls(index, kind)
