"""Parse-and-embed strategies: how a build turns the files it must index into documents
and vectors.

The builder (`indexer.builder.Indexer`) decides what to index (discovery, unchanged files
skipped, vanished ones pruned, failures recorded), stores the documents in order and
publishes the version. A strategy decides how the files are read, chunked and embedded:

- `LocalPipeline` (the default): on this machine, reading and chunking the next
  documents on a background thread while the encoder works on the current group, so the
  encoder does not wait for the reader;
- `indexer.distributed.RayParseAndEmbed`: on a Ray cluster, with the vectors computed by
  a pool of model actors before the store loop runs.

Both go through the builder's one store loop, so they publish the same index.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .embed_context import EmbedContext, embedding_input, lead_ins
from .embedding import Embedder
from .errors import IngestError
from .ingest import SourceFile, ZipLimits, ingest_file
from .models import ParsedDocument
from .settings import Settings
from .store import normalise_text

__all__ = [
    "Job",
    "LocalPipeline",
    "ParseAndEmbed",
    "Parsed",
    "PipelineStats",
    "embedding_input",
    "model_inputs",
    "parse_job",
]

log = logging.getLogger(__name__)

READ_AHEAD = 16
"""Parsed documents the reader may hold ready for the encoder. Enough to ride out a slow
PDF; small enough that a 200-page budget book or two is all the extra memory."""


@dataclass(frozen=True)
class Job:
    """One file the run must (re)index, with the fingerprint the store will record."""

    source: SourceFile
    fingerprint: str


@dataclass(frozen=True)
class Parsed:
    """A job's outcome: its passages, or the reason the file has none."""

    job: Job
    document: ParsedDocument | IngestError
    inputs: tuple[str, ...] | None = None
    """The text the model reads for each chunk (`model_inputs`), when the strategy
    already made it; otherwise the store loop does."""


@dataclass
class PipelineStats:
    """Where a local build's time went (seconds), for the report and the benchmark."""

    parse_s: float = 0.0
    """Reading, cleaning, chunking and token counting, on the reader thread."""
    wait_s: float = 0.0
    """The store loop waiting for the reader: time the encoder had nothing to do."""
    documents: int = 0


class ParseAndEmbed(Protocol):
    """How a build reads and embeds its files; `Indexer` takes one (default: local)."""

    def parse(
        self, jobs: Sequence[Job], embedder: Embedder, settings: Settings, progress: bool
    ) -> Iterator[Parsed]:
        """Every job's outcome, in job order (the order decides which copy of a repeated
        paragraph a passage keeps, so it must not depend on timing)."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Normalised vectors for `texts`; called by the store loop while `parse` is
        being consumed, for the passages the index does not hold yet."""
        ...


def model_inputs(
    document: ParsedDocument,
    count_tokens: Callable[[str], int],
    limit: int,
    context: EmbedContext = "item",
) -> tuple[str, ...]:
    """The text the model reads for each chunk: its normalised text (`Chunk.model_text`
    when it has one: a converted table row's cells separated by " | ", as the dense side
    was tuned on, while the stored text reads as the page prints it), with its context
    line (`indexer.embed_context`) when it fits.

    Titles carry the topic ("Revenue Monitoring") that a paragraph often leaves implicit.
    """
    texts = [normalise_text(c.model_text or c.text) for c in document.chunks]
    leads: Sequence[str | None] = (
        lead_ins(texts, [(c.item, c.item_title) for c in document.chunks])
        if context == "leadin"
        else [None] * len(texts)
    )
    return tuple(
        embedding_input(
            text,
            c.item_title,
            count_tokens,
            limit,
            title=document.meta.title,
            context=context,
            lead_in=lead,
        )  # fmt: skip
        for text, c, lead in zip(texts, document.chunks, leads, strict=True)
    )


def parse_job(
    job: Job, count_tokens: Callable[[str], int], settings: Settings, limit: int
) -> Parsed:
    """`ingest_file` on one job, with its model inputs; a file's own problem becomes its
    outcome, bugs propagate. `limit`: word pieces the model reads."""
    try:
        document = ingest_file(
            job.source,
            count_tokens=count_tokens,
            max_tokens=settings.max_passage_tokens,
            min_tokens=settings.min_passage_tokens,
            zip_limits=ZipLimits.from_settings(settings),
        )
    except IngestError as exc:
        return Parsed(job, exc)
    return Parsed(
        job, document, model_inputs(document, count_tokens, limit, settings.embed_context)
    )


class LocalPipeline:
    """This machine: a reader thread parses ahead into a bounded queue, the caller embeds.

    A thread, not a process: the encoder (ONNX Runtime or torch) releases the GIL while
    it computes, which is most of a build, so the reader's Python runs beside it. The
    reader counts tokens with its own tokenizer (`Embedder.token_counter`): a tokenizer
    is not safe to share with the encoder, which pads and truncates with it.
    """

    def __init__(self, read_ahead: int = READ_AHEAD) -> None:
        """`read_ahead`: documents parsed ahead; 0 parses on the caller's thread, in turn
        with the encoder (the benchmark's measure of what the overlap gains)."""
        self.read_ahead = read_ahead
        self.stats = PipelineStats()
        self._embedder: Embedder | None = None

    def parse(
        self, jobs: Sequence[Job], embedder: Embedder, settings: Settings, progress: bool
    ) -> Iterator[Parsed]:
        """Parse `jobs` in order, a reader thread up to `read_ahead` ahead (0: inline).

        The model loads here first, not on the reader; a reader's exception is raised here."""
        self.stats = PipelineStats()
        self._embedder = embedder
        if not jobs:
            return
        count_tokens = embedder.token_counter()
        limit = embedder.max_tokens  # loads the model here, not on the reader thread

        def timed(job: Job) -> Parsed:
            """`parse_job`, its time added to the stats' reading time."""
            started = time.perf_counter()
            parsed = parse_job(job, count_tokens, settings, limit)
            self.stats.parse_s += time.perf_counter() - started
            return parsed

        if self.read_ahead == 0:
            for job in jobs:
                parsed = timed(job)
                self.stats.wait_s = self.stats.parse_s
                self.stats.documents += 1
                yield parsed
            return
        ready: queue.Queue[Parsed | BaseException | None] = queue.Queue(self.read_ahead)
        stop = threading.Event()

        def put(item: Parsed | BaseException | None) -> bool:
            """Queue `item`, waiting while the queue is full; False if the consumer has stopped."""
            while not stop.is_set():
                try:
                    ready.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def read() -> None:
            """The reader thread: parse each job, then None; an exception is queued to re-raise."""
            try:
                for job in jobs:
                    if not put(timed(job)):
                        return
                put(None)
            except BaseException as exc:  # a bug: hand it to the caller to raise
                put(exc)

        reader = threading.Thread(target=read, name="scrutiny-reader", daemon=True)
        reader.start()
        try:
            while True:
                started = time.perf_counter()
                item = ready.get()
                self.stats.wait_s += time.perf_counter() - started
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                self.stats.documents += 1
                yield item
        finally:
            # The caller may stop early (an encoder failure): let the reader finish.
            stop.set()
            reader.join()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts` with the embedder `parse` was given; only valid after `parse`."""
        if self._embedder is None:
            raise RuntimeError("LocalPipeline.embed called before parse")
        return self._embedder.encode(texts)
