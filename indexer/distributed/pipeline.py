"""The Ray Data pipeline: files in, shard files of embedded passages out.

    from_items(file descriptors)          one row a document
      .map(parse_document)                ingest_file on any worker: read, clean, chunk
      .flat_map(passage_rows)             one row a chunk, with the text the model reads
      .materialize()                      reading done before the model pool starts
      .map_batches(EmbedPassages,         a pool of actors, each loading the model once
                   concurrency=N)
      .write_parquet(staging)             shards: ids, texts, source rows, vectors

Reading and embedding run as two phases rather than one stream: on a small cluster the
model actors would otherwise hold every CPU and leave none to read with. Shards are plain
Parquet (no pickles) so they can be inspected, and a failed merge can be looked into.

The functions here run in Ray worker processes; everything they need travels in the rows
or in keyword arguments, and the model is loaded once per process.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from indexer.builder import EMBED_GROUP
from indexer.embed_context import EmbedContext
from indexer.embedding import Embedder
from indexer.errors import IngestError
from indexer.ingest import ManifestRow, SourceFile, ZipLimits, ingest_file
from indexer.parse_embed import model_inputs
from indexer.store import normalise_text, passage_id_for

__all__ = [
    "EmbedPassages",
    "PipelineSpec",
    "PipelineTimes",
    "input_key",
    "parse_document",
    "passage_rows",
    "run_pipeline",
    "source_from_json",
    "source_to_json",
]

NO_ERROR = ""
"""Empty strings, not nulls, in shard columns: a block of only failures would otherwise
infer a null column type that does not merge with the others."""


def input_key(text: str) -> bytes:
    """Shard vectors are looked up by the exact text the model read."""
    return hashlib.sha256(text.encode("utf-8")).digest()


# -- file descriptors ----------------------------------------------------------------------


def source_to_json(source: SourceFile) -> str:
    """A `SourceFile` as plain JSON, its path made absolute (workers have another cwd)."""
    fields = asdict(source)
    fields["path"] = str(source.path.resolve())
    fields["corpus_dir"] = str(source.corpus_dir.resolve())
    return json.dumps(fields, default=_json_default)


def source_from_json(text: str) -> SourceFile:
    """The `SourceFile` that `source_to_json` sent to a Ray worker, dates and row restored."""
    fields = json.loads(text)
    row = fields.pop("row")
    if row is not None:
        if row.get("meeting_date"):
            row["meeting_date"] = date.fromisoformat(row["meeting_date"])
        row = ManifestRow(**row)
    return SourceFile(
        path=Path(fields.pop("path")), corpus_dir=Path(fields.pop("corpus_dir")), row=row,
        **fields,
    )  # fmt: skip


def _json_default(value: object) -> str:
    if isinstance(value, date | Path):
        return str(value) if isinstance(value, Path) else value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


# -- stage 1: read and chunk ---------------------------------------------------------------


@lru_cache(maxsize=2)
def _tokenizing_embedder(model: str, backend: str) -> Embedder:
    """One embedder per worker process (Ray reuses processes across tasks). Counting
    reads only the model's tokenizer (`Embedder.word_pieces`): a parse worker never loads
    the model; `max_tokens` (stage 2) does, once."""
    return Embedder(model, backend=backend)


def parse_document(
    row: dict[str, Any],
    *,
    model: str,
    backend: str,
    max_tokens: int,
    min_tokens: int,
    zip_limits: ZipLimits,
) -> dict[str, Any]:
    """`ingest_file` on one document; a file's own problem travels as `error`.

    `zip_limits` come from the driver's settings: a worker's own environment may not
    hold the operator's SCRUTINY_* values, and a zip bomb must be refused there too."""
    source = source_from_json(row["source"])
    embedder = _tokenizing_embedder(model, backend)
    try:
        parsed = ingest_file(source, embedder.count_tokens, max_tokens, min_tokens, zip_limits)
    except IngestError as exc:
        return {"seq": row["seq"], "parsed": "", "error": exc.reason}
    return {"seq": row["seq"], "parsed": parsed.model_dump_json(), "error": NO_ERROR}


def passage_rows(
    row: dict[str, Any], *, model: str, backend: str, context: EmbedContext = "item"
) -> list[dict[str, Any]]:
    """One row a chunk, with the exact text the single-machine builder would embed."""
    from indexer.models import ParsedDocument

    if row["error"]:
        return [_row(row["seq"], -1, error=row["error"])]
    parsed = ParsedDocument.model_validate_json(row["parsed"])
    embedder = _tokenizing_embedder(model, backend)
    meta = parsed.meta.model_dump_json()
    inputs = model_inputs(parsed, embedder.count_tokens, embedder.max_tokens, context)
    rows = []
    for position, (chunk, model_input) in enumerate(zip(parsed.chunks, inputs, strict=True)):
        text = normalise_text(chunk.text)
        rows.append(
            _row(
                row["seq"], position, document_id=parsed.meta.document_id, meta=meta,
                content_hash=parsed.content_hash, chunk=chunk.model_dump_json(),
                passage_id=passage_id_for(text), text=text, input=model_input,
            )
        )  # fmt: skip
    return rows


def _row(seq: int, position: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "seq": seq, "position": position, "document_id": "", "meta": "", "content_hash": "",
        "chunk": "", "passage_id": 0, "text": "", "input": "", "error": NO_ERROR,
    }  # fmt: skip
    row.update(values)
    return row


# -- stage 2: embed ------------------------------------------------------------------------


class EmbedPassages:
    """A model actor: loads the model once, then embeds batch after batch of rows."""

    def __init__(self, model: str, backend: str, batch_size: int, threads: int) -> None:
        import torch

        # Each actor is granted `threads` CPUs; more threads than that (torch's intra-op
        # threads, the ONNX encoder's workers) would fight the other actors.
        torch.set_num_threads(threads)
        self.embedder = Embedder(model, batch_size, backend, threads)
        self.embedder.model  # noqa: B018 - load now, not in the first batch

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        inputs = batch.column("input").to_pylist()
        # Boilerplate paragraphs repeat across documents: embed each distinct text once.
        unique = list(dict.fromkeys(t for t in inputs if t))
        vectors = self.embedder.encode(unique)
        by_text = {t: v.tobytes() for t, v in zip(unique, vectors, strict=True)}
        column = pa.array([by_text.get(t, b"") for t in inputs], type=pa.binary())
        return batch.append_column("vector", column)


# -- the run -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PipelineSpec:
    """The embedder and actor-pool settings the Ray pipeline's workers are built from."""

    model: str
    backend: str
    batch_size: int
    max_tokens: int
    min_tokens: int
    actors: int
    cpus_per_actor: int = 1
    zip_limits: ZipLimits = ZipLimits()
    """How far a .docx may unpack before it is parsed (the settings' limits)."""
    embed_context: EmbedContext = "item"
    """The context line in front of each passage (`Settings.embed_context`)."""


@dataclass
class PipelineTimes:
    """Counts and seconds of one Ray pipeline run, for `RayRunStats` and the scaling table."""

    documents: int = 0
    rows: int = 0
    read_seconds: float = 0.0
    embed_seconds: float = 0.0


def _num_blocks(items: int, cpus: int) -> int:
    """Enough blocks to keep every CPU busy while long PDFs finish, not so many that
    task overhead dominates a large archive."""
    return max(1, min(items, max(4 * cpus, items // 20), 20_000))


def run_pipeline(
    sources: list[SourceFile],
    spec: PipelineSpec,
    output_uri: str,
    progress: bool = False,
) -> PipelineTimes:
    """Parse, chunk and embed `sources` on the cluster into Parquet shards at `output_uri`."""
    import ray
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = progress
    times = PipelineTimes(documents=len(sources))
    cpus = int(ray.cluster_resources().get("CPU", 1))
    items = [{"seq": i, "source": source_to_json(s)} for i, s in enumerate(sources)]
    model = {"model": spec.model, "backend": spec.backend}

    started = time.perf_counter()
    chunks = (
        ray.data.from_items(items, override_num_blocks=_num_blocks(len(items), cpus))
        .map(parse_document, fn_kwargs={
            **model, "max_tokens": spec.max_tokens, "min_tokens": spec.min_tokens,
            "zip_limits": spec.zip_limits,
        })
        .flat_map(
            passage_rows,
            fn_kwargs={**model, "context": spec.embed_context},
        )
        .materialize()
    )  # fmt: skip
    times.rows = chunks.count()
    times.read_seconds = time.perf_counter() - started

    started = time.perf_counter()
    chunks.map_batches(
        EmbedPassages,
        fn_constructor_kwargs={
            **model, "batch_size": spec.batch_size, "threads": spec.cpus_per_actor,
        },
        batch_size=EMBED_GROUP,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=spec.actors),
        num_cpus=spec.cpus_per_actor,
    ).write_parquet(output_uri)  # fmt: skip
    times.embed_seconds = time.perf_counter() - started
    return times


def unpack_vector(blob: bytes) -> np.ndarray:
    """A float32 vector from its shard bytes (a read-only view, no copy)."""
    return np.frombuffer(blob, dtype=np.float32)
