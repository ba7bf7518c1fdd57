"""The baseline a user would otherwise build in an afternoon.

Raw file text (see `eval.documents`), `RecursiveCharacterTextSplitter` chunks of 1000
characters with 200 overlap (length in characters), the same embedding model as the
engine with normalised embeddings, a FAISS `IndexFlatIP` and plain top-k. No metadata,
no de-duplication, no lexical retrieval, no fusion.

`build_baseline` keeps each stage's wall time apart (`BaselineTimings`) so the
performance benchmark can reuse it and compare stage by stage with the indexer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eval.documents import read_text
from eval.searchers import RetrievedPassage

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = [
    "CHUNK_OVERLAP",
    "CHUNK_SIZE",
    "BaselineChunk",
    "BaselineIndex",
    "BaselineSearcher",
    "BaselineTimings",
    "build_baseline",
    "chunk_texts",
    "load_model",
    "read_texts",
    "split_text",
]

log = logging.getLogger(__name__)

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


@dataclass(frozen=True)
class BaselineChunk:
    id: int
    text: str
    source: str


@dataclass
class BaselineTimings:
    """Seconds spent in each stage of `build_baseline`."""

    read_s: float = 0.0
    split_s: float = 0.0
    embed_s: float = 0.0
    index_s: float = 0.0

    @property
    def total_s(self) -> float:
        return self.read_s + self.split_s + self.embed_s + self.index_s


@dataclass
class BaselineIndex:
    chunks: list[BaselineChunk]
    index: Any  # faiss.IndexFlatIP
    model: SentenceTransformer
    timings: BaselineTimings = field(default_factory=BaselineTimings)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chars: int = 0

    def search(self, query: str, k: int = 10) -> list[tuple[BaselineChunk, float]]:
        vec = embed(self.model, [query])
        k = min(k, len(self.chunks))
        if k <= 0:
            return []
        scores, ids = self.index.search(vec, k)
        return [
            (self.chunks[int(i)], float(s))
            for s, i in zip(scores[0], ids[0], strict=True)
            if i >= 0
        ]


class BaselineSearcher:
    """`BaselineIndex` as a harness `Searcher`."""

    name = "baseline"

    def __init__(self, index: BaselineIndex) -> None:
        self.index = index

    def search(self, query: str, k: int) -> list[RetrievedPassage]:
        return [
            RetrievedPassage(id=str(c.id), text=c.text, source=c.source, score=s)
            for c, s in self.index.search(query, k)
        ]


def load_model(model: str | SentenceTransformer) -> SentenceTransformer:
    """A local sentence-transformers folder (e.g. `Settings().model_path`), on CPU."""
    if not isinstance(model, str):
        return model
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model, device="cpu")


def split_text(
    text: str, chunk_size: int = CHUNK_SIZE, chunk_overlap: int = CHUNK_OVERLAP
) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size, chunk_overlap=chunk_overlap, length_function=len
    )
    return splitter.split_text(text)


def embed(model: SentenceTransformer, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    vecs = model.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.ascontiguousarray(vecs, dtype=np.float32)


def read_texts(paths: Iterable[Path | str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """((source, text) of every file read, (source, reason) of every file that could not be):
    a file that cannot be read is logged and skipped, as an afternoon build would at best do."""
    texts: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    for p in paths:
        try:
            texts.append((str(p), read_text(p)))
        except Exception as exc:  # noqa: BLE001 - per-file resilience, reported by the caller
            log.warning("baseline: cannot read %s: %s", p, exc)
            failed.append((str(p), f"{type(exc).__name__}: {exc}"))
    return texts, failed


def chunk_texts(
    texts: Iterable[tuple[str, str]],
    chunk_size: int = CHUNK_SIZE,
    chunk_overlap: int = CHUNK_OVERLAP,
) -> list[BaselineChunk]:
    """The baseline's chunks of `texts`, numbered in order: the ids its results name them by
    (`eval.baseline_wins` rebuilds them so, without embedding)."""
    chunks: list[BaselineChunk] = []
    for source, text in texts:
        for piece in split_text(text, chunk_size, chunk_overlap):
            chunks.append(BaselineChunk(id=len(chunks), text=piece, source=source))
    return chunks


def build_baseline(
    paths: Iterable[Path | str],
    model: str | SentenceTransformer,
    *,
    chunk_size: int = CHUNK_SIZE,
    chunk_overlap: int = CHUNK_OVERLAP,
    batch_size: int = 32,
) -> BaselineIndex:
    """Read, split, embed and index `paths`. A file that cannot be read is logged,
    listed in `failed` and skipped, as an afternoon build would at best do."""
    import faiss

    st = load_model(model)
    timings = BaselineTimings()

    t0 = time.perf_counter()
    texts, failed = read_texts(paths)
    timings.read_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    chunks = chunk_texts(texts, chunk_size, chunk_overlap)
    timings.split_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    # sentence-transformers 5 renamed the method; keep both spellings working
    get_dim = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
    dim = int(get_dim() or 0)
    vecs = embed(st, [c.text for c in chunks], batch_size) if chunks else np.zeros((0, dim))
    timings.embed_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    index = faiss.IndexFlatIP(int(vecs.shape[1]) if len(vecs) else dim)
    if len(vecs):
        index.add(vecs.astype(np.float32))
    timings.index_s = time.perf_counter() - t0

    return BaselineIndex(
        chunks=chunks,
        index=index,
        model=st,
        timings=timings,
        failed=failed,
        chars=sum(len(t) for _, t in texts),
    )
