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


def local_density(
    vectors: np.ndarray, neighbours: int = DENSITY_NEIGHBOURS, block: int = DENSITY_BLOCK
) -> np.ndarray:
    """Every row's mean cosine to its `neighbours` nearest other rows (float32), exact.

    `vectors` are unit rows (the stored embeddings), so a dot product is a cosine. Blocked
    matrix products over the stored float vectors, not the vector index, which is
    approximate above 50k passages; quadratic in the archive's size, paid once per
    publish. Fewer neighbours in an archive of fewer rows; 0 for a lone row."""
    n = len(vectors)
    out = np.zeros(n, dtype=np.float32)
    k = min(neighbours, n - 1)
    if k <= 0:
        return out
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = matrix[start:stop] @ matrix.T
        # A row is not its own neighbour, however many copies of it there are.
        sims[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        top = np.partition(sims, n - k, axis=1)[:, n - k :]
        out[start:stop] = top.mean(axis=1, dtype=np.float64)
    return out


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
    n = len(vectors)
    out = np.zeros(n, dtype=np.float32)
    k = min(neighbours, n - 1)
    if k <= 0:
        return out
    for start in range(0, n, block):
        stop = min(start + block, n)
        scores, found = index.nearest(vectors[start:stop], k + 1)
        # Each row's own id (its best match) is not a neighbour; nor is a missing slot.
        keep = (found != np.asarray(ids[start:stop], dtype=np.int64)[:, None]) & (found >= 0)
        for row in range(stop - start):
            others = scores[row][keep[row]][:k]
            out[start + row] = others.mean(dtype=np.float64) if len(others) else 0.0
    return out


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
