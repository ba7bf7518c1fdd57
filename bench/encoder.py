"""Batch size, layout (workers x intra-op threads) and group size for the encoder on
this machine's cores.

A build's wall time is nearly all embedding (bench/RESULTS.md), so the encoder's own
settings are where the remaining speed is. Every configuration encodes the same real
passages (seeds and Kent PDFs, read and chunked by the indexer, as the model reads them)
in the order a build hands them over: calls of `group` passages, each sorted by length
and cut into batches of `batch_size`. Configurations run alternating, several rounds,
and the median passages/s of each is reported, so a machine that is busier in one
minute than the next slows them about equally; passages per CPU-second and the load
average per round are reported beside it, for a machine shared with other work.
"""

from __future__ import annotations

import itertools
import logging
import statistics
import time
from pathlib import Path
from typing import Any

from bench.indexing import load_average

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


def parse_layout(spec: str) -> tuple[int, int]:
    """ "2x1" → (2 workers, 1 intra-op thread each): how the encoder uses the cores."""
    try:
        workers, intra = (int(n) for n in spec.lower().split("x"))
    except ValueError:
        raise ValueError(f"layout {spec!r}: expected WORKERSxTHREADS, e.g. 2x1") from None
    if workers < 1 or intra < 1:
        raise ValueError(f"layout {spec!r}: workers and threads must be at least 1")
    return workers, intra


def sweep(
    texts: list[str],
    batch_sizes: list[int],
    layouts: list[tuple[int, int]],
    groups: list[int],
    rounds: int,
    backend: str | None = None,
) -> dict[str, Any]:
    """Passages/s per (batch size, layout, group), median of `rounds` alternating runs.

    A layout is (workers, intra-op threads): 2x1 runs two batches at once on one thread
    each (the default on 2 cores), 1x2 one batch at a time split over two threads (the
    layout before). ONNX backends only: torch's threads are process-wide.
    """
    from indexer.embedding import Embedder
    from indexer.onnx_backend import ONNX_BACKENDS
    from indexer.settings import Settings

    settings = Settings()
    backend = backend or settings.embed_backend
    if backend not in ONNX_BACKENDS:
        raise ValueError(f"the encoder sweep needs an ONNX backend, not {backend!r}")
    # One session per intra-op thread count; the worker count is set per configuration.
    embedders = {i: Embedder(settings.model, 32, backend) for _, i in layouts}
    for intra, embedder in embedders.items():
        embedder.model.set_threads(1, intra)
        embedder.encode(texts[:64])  # load, export and warm up outside the clock
    configs = list(itertools.product(batch_sizes, layouts, groups))
    runs: dict[tuple[int, tuple[int, int], int], list[float]] = {c: [] for c in configs}
    # Passages per CPU-second of this process: on a machine shared with other work the
    # wall-clock rate mostly measures the share of the cores this process was given.
    per_cpu: dict[tuple[int, tuple[int, int], int], list[float]] = {c: [] for c in configs}
    loads = [load_average()]
    for round_ in range(rounds):
        for batch, (workers, intra), group in configs:
            embedder = embedders[intra]
            embedder.model.set_threads(workers, intra)
            embedder.batch_size = batch
            started, cpu = time.perf_counter(), time.process_time()
            for start in range(0, len(texts), group):
                embedder.encode(texts[start : start + group])
            rate = len(texts) / (time.perf_counter() - started)
            runs[(batch, (workers, intra), group)].append(rate)
            per_cpu[(batch, (workers, intra), group)].append(
                len(texts) / (time.process_time() - cpu)
            )
            log.info("round %d batch %d layout %dx%d group %d: %.1f passages/s, %.1f per "
                     "CPU-second", round_ + 1, batch, workers, intra, group, rate,
                     per_cpu[(batch, (workers, intra), group)][-1])  # fmt: skip
        loads.append(load_average())
    rows = [
        {
            "batch_size": b,
            "layout": f"{w}x{i}",
            "workers": w,
            "intra_op_threads": i,
            "group": g,
            "passages_per_s_median": statistics.median(rates),
            "passages_per_s_range": [min(rates), max(rates)],
            "passages_per_cpu_s_median": statistics.median(per_cpu[(b, (w, i), g)]),
        }  # fmt: skip
        for (b, (w, i), g), rates in runs.items()
    ]
    rows.sort(key=lambda r: -r["passages_per_s_median"])
    return {"backend": backend, "passages": len(texts), "rounds": rounds,
            "mean_chars": statistics.fmean(len(t) for t in texts), "loadavg": loads,
            "rows": rows}  # fmt: skip
