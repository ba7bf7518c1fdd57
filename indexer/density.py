"""Each passage's local density: how crowded its neighbourhood of the embedding space is.

A passage with many near-identical neighbours (a paragraph every report repeats, a
boilerplate header) wins a dense search on its cosine alone for many questions it does
not answer; convex fusion lowers each candidate's cosine by `SearchSettings.density_prior`
× its density (`search_api.retrieval.Retriever`). The densities depend on the whole
archive, not the query, so the builder computes them at every publish (an added or
removed paper changes its neighbours' densities too) and saves them beside the vectors
(`DENSITY_FILE`, plain arrays, no pickle); the reader loads them with the vectors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from .vectors import VectorIndex

__all__ = [
    "DENSITY_BLOCK",
    "DENSITY_FILE",
    "DENSITY_NEIGHBOURS",
    "archive_density",
    "load_density",
    "local_density",
    "save_density",
]

DENSITY_FILE = "density.npz"
DENSITY_NEIGHBOURS = 10
"""How many nearest other passages a density averages (eval/README.md, round 40)."""
DENSITY_BLOCK = 512
"""Rows of the similarity matrix computed at a time: 512 × n float32 at most in memory."""


def _by_blocks(
    n: int, neighbours: int, block: int, means: Callable[[int, int, int], np.ndarray]
) -> np.ndarray:
    """Densities of `n` rows, `block` rows at a time: `means(start, stop, k)` gives rows
    start..stop's mean cosine to their k nearest others. Fewer neighbours in an archive of
    fewer rows; 0 for a lone row."""
    out = np.zeros(n, dtype=np.float32)
    k = min(neighbours, n - 1)
    if k > 0:
        for start in range(0, n, block):
            stop = min(start + block, n)
            out[start:stop] = means(start, stop, k)
    return out


def local_density(
    vectors: np.ndarray, neighbours: int = DENSITY_NEIGHBOURS, block: int = DENSITY_BLOCK
) -> np.ndarray:
    """Every row's mean cosine to its `neighbours` nearest other rows (float32), exact.

    `vectors` are unit rows (the stored embeddings), so a dot product is a cosine. Blocked
    matrix products over the stored float vectors, not the vector index, which is
    approximate above 50k passages; quadratic in the archive's size, paid once per
    publish."""
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(matrix)

    def means(start: int, stop: int, k: int) -> np.ndarray:
        sims = matrix[start:stop] @ matrix.T
        # A row is not its own neighbour, however many copies of it there are.
        sims[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        return np.partition(sims, n - k, axis=1)[:, n - k :].mean(axis=1, dtype=np.float64)

    return _by_blocks(n, neighbours, block, means)


def archive_density(
    index: VectorIndex,
    ids: np.ndarray,
    vectors: np.ndarray,
    neighbours: int = DENSITY_NEIGHBOURS,
    block: int = DENSITY_BLOCK,
) -> np.ndarray:
    """`local_density` of the stored `vectors` (rows of passage `ids`), exact while the
    archive's vector index is (`FLAT_LIMIT` passages); above it, from the same approximate
    index the searches use: the exact products are quadratic (30,000 passages took 94 s,
    100,000 would take some 17 minutes a publish), the index's neighbours are not."""
    if index.kind == "flat":
        return local_density(vectors, neighbours, block)

    def means(start: int, stop: int, k: int) -> np.ndarray:
        scores, found = index.nearest(vectors[start:stop], k + 1)
        # Each row's own id (its best match) is not a neighbour; nor is a missing slot.
        keep = (found != np.asarray(ids[start:stop], dtype=np.int64)[:, None]) & (found >= 0)
        rows = [scores[row][keep[row]][:k] for row in range(stop - start)]
        return np.array([r.mean(dtype=np.float64) if len(r) else 0.0 for r in rows])

    return _by_blocks(len(vectors), neighbours, block, means)


def save_density(path: Path, ids: np.ndarray, densities: np.ndarray) -> None:
    """Write passage ids (int64) and their densities (float32) as plain arrays."""
    with path.open("wb") as handle:
        np.savez(
            handle,
            ids=np.asarray(ids, dtype=np.int64),
            density=np.asarray(densities, dtype=np.float32),
        )


def load_density(path: Path) -> dict[int, float]:
    """passage id → density, as `save_density` wrote them (`allow_pickle=False`)."""
    with np.load(path, allow_pickle=False) as data:
        ids, densities = data["ids"], data["density"]
    return dict(zip(ids.tolist(), densities.tolist(), strict=True))
