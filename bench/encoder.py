"""Batch size, thread count and group size for the encoder on this machine's cores.

A build's wall time is nearly all embedding (bench/RESULTS.md), so the encoder's own
settings are where the remaining speed is. Every configuration encodes the same real
passages (seeds and Kent PDFs, read and chunked by the indexer, as the model reads them)
in the order a build hands them over: calls of `group` passages, each sorted by length
and cut into batches of `batch_size`. Configurations run alternating, several rounds,
and the median passages/s of each is reported, so a machine that is busier in one
minute than the next slows them about equally.
"""

from __future__ import annotations

import itertools
import logging
import statistics
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def real_inputs(folders: list[Path], limit: int) -> list[str]:
    """The first `limit` model inputs of the folders' documents, as a build makes them."""
    from indexer.embedding import Embedder
    from indexer.errors import IngestError
    from indexer.ingest import discover, ingest_file
    from indexer.parse_embed import model_inputs
    from indexer.settings import Settings

    settings = Settings()
    embedder = Embedder.from_settings(settings)
    counter = embedder.token_counter()
    inputs: list[str] = []
    for folder in folders:
        for source in discover(folder):
            try:
                document = ingest_file(source, counter, settings.max_passage_tokens,
                                       settings.min_passage_tokens)  # fmt: skip
            except IngestError:
                continue
            inputs.extend(model_inputs(document, counter, embedder.max_tokens))
            if len(inputs) >= limit:
                return inputs[:limit]
    return inputs


def sweep(
    texts: list[str],
    batch_sizes: list[int],
    threads: list[int],
    groups: list[int],
    rounds: int,
    backend: str | None = None,
) -> dict[str, Any]:
    """Passages/s per (batch size, threads, group), median of `rounds` alternating runs."""
    from indexer.embedding import Embedder
    from indexer.settings import Settings

    settings = Settings()
    backend = backend or settings.embed_backend
    embedders = {t: Embedder(settings.model, 32, backend, t) for t in threads}
    for embedder in embedders.values():
        embedder.encode(texts[:64])  # load, export and warm up outside the clock
    configs = list(itertools.product(batch_sizes, threads, groups))
    runs: dict[tuple[int, int, int], list[float]] = {c: [] for c in configs}
    for round_ in range(rounds):
        for batch, thread, group in configs:
            embedder = embedders[thread]
            embedder.batch_size = batch
            started = time.perf_counter()
            for start in range(0, len(texts), group):
                embedder.encode(texts[start : start + group])
            rate = len(texts) / (time.perf_counter() - started)
            runs[(batch, thread, group)].append(rate)
            log.info("round %d batch %d threads %d group %d: %.1f passages/s",
                     round_ + 1, batch, thread, group, rate)  # fmt: skip
    rows = [
        {"batch_size": b, "threads": t, "group": g,
         "passages_per_s_median": statistics.median(rates),
         "passages_per_s_range": [min(rates), max(rates)]}  # fmt: skip
        for (b, t, g), rates in runs.items()
    ]
    rows.sort(key=lambda r: -r["passages_per_s_median"])
    return {"backend": backend, "passages": len(texts), "rounds": rounds,
            "mean_chars": statistics.fmean(len(t) for t in texts), "rows": rows}  # fmt: skip
