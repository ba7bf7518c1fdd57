"""Throughput of a build on one machine with 1, 2, … embedding actors (bench/SCALING.md).

    python -m indexer.distributed.scaling CORPUS... [--actors 1 2] [--single] [--cpus 2]
    python -m indexer.distributed.scaling CORPUS... --embed-only [--actors 1 2]

Each configuration builds a fresh index of the same corpus in a temporary folder, on its
own local Ray cluster (started and shut down each time, not counted), and prints one
Markdown table row: phases in seconds and passages per second.

`--embed-only` times the actor pool alone, after its actors have loaded the model, on the
corpus's chunk texts: wall-clock passages/s, and passages per CPU-second of the actors
(what one dedicated core would do, whatever else the machine is running).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings

from .builder import RayOptions, RayParseAndEmbed
from .cluster import LOCAL_OBJECT_STORE_MB, require_ray

HEADER = (
    "| run | documents | chunk rows | passages | read+chunk s | embed s | merge+publish s "
    "| total s | embedded passages/s | end-to-end passages/s | load avg |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def run_single(corpora: list[Path], embedder: Embedder) -> str:
    """Time a single-machine build of `corpora` into a throwaway index; one Markdown table row."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = Indexer(Settings(index_dir=Path(tmp)), embedder).build(corpora)
        total = time.perf_counter() - started
    return (
        f"| single machine (torch, 2 threads) | {report.documents} | - | {report.passages} "
        f"| - | - | - | {total:.1f} | - | {report.passages / total:.1f} | {_load()} |"
    )


def _start_local_ray(cpus: int) -> Any:
    """A small single-machine cluster on loopback for the measurements."""
    ray = require_ray()
    ray.init(
        num_cpus=cpus, object_store_memory=LOCAL_OBJECT_STORE_MB * 2**20,
        include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
    )  # fmt: skip
    return ray


def run_ray(corpora: list[Path], embedder: Embedder, actors: int, cpus: int) -> str:
    """Time a Ray build with `actors` actors on a private `cpus`-CPU cluster; one table row."""
    ray = _start_local_ray(cpus)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            strategy = RayParseAndEmbed(RayOptions(actors=actors))
            indexer = Indexer(Settings(index_dir=Path(tmp)), embedder, strategy)
            started = time.perf_counter()
            report = indexer.build(corpora)
            total = time.perf_counter() - started
    finally:
        ray.shutdown()
    s = strategy.stats
    rest = total - s.times.read_seconds - s.times.embed_seconds
    return (
        f"| Ray, {actors} actor{'s' if actors > 1 else ''} x 1 CPU | {report.documents} "
        f"| {s.times.rows} | {report.passages} | {s.times.read_seconds:.1f} "
        f"| {s.times.embed_seconds:.1f} | {rest:.1f} | {total:.1f} "
        f"| {s.times.rows / s.times.embed_seconds:.1f} | {report.passages / total:.1f} "
        f"| {_load()} |"
    )


class _TimedEmbedder:
    """An embedding actor that reports its own CPU time."""

    def __init__(self, model: str) -> None:
        import torch

        torch.set_num_threads(1)
        self.embedder = Embedder(model)
        self.embedder.model  # noqa: B018
        self.cpu = 0.0

    def ready(self) -> bool:
        """Returns once the actor has loaded its model, so loading is kept out of the timing."""
        return True

    def encode(self, texts: list[str]) -> int:
        """Embed `texts`, adding the CPU time spent; returns how many were embedded."""
        started = time.process_time()
        self.embedder.encode(texts)
        self.cpu += time.process_time() - started
        return len(texts)

    def cpu_seconds(self) -> float:
        """CPU seconds this actor has spent encoding so far."""
        return self.cpu


def chunk_texts(corpora: list[Path], embedder: Embedder) -> tuple[list[str], float]:
    """The texts the model reads, as the builder makes them, and the CPU seconds taken."""
    from indexer.errors import IngestError
    from indexer.ingest import discover, ingest_file
    from indexer.parse_embed import model_inputs

    settings = Settings()
    started = time.process_time()
    texts: dict[str, None] = {}
    for corpus in corpora:
        for source in discover(corpus):
            try:
                parsed = ingest_file(
                    source,
                    embedder.count_tokens,
                    settings.max_passage_tokens,
                    settings.min_passage_tokens,
                )
            except IngestError:
                continue
            inputs = model_inputs(
                parsed, embedder.count_tokens, embedder.max_tokens, settings.embed_context
            )
            texts.update(dict.fromkeys(inputs))
    return list(texts), time.process_time() - started


def run_embed_only(texts: list[str], model: str, actors: int, cpus: int) -> str:
    """Time the actor pool embedding `texts` alone (no reading or storing); one table row."""
    from .pipeline import EMBED_GROUP

    ray = _start_local_ray(cpus)
    try:
        remote = ray.remote(num_cpus=1)(_TimedEmbedder)
        pool = [remote.remote(model) for _ in range(actors)]
        ray.get([a.ready.remote() for a in pool])
        batches = [texts[i : i + EMBED_GROUP] for i in range(0, len(texts), EMBED_GROUP)]
        started = time.perf_counter()
        done = sum(ray.get([pool[i % actors].encode.remote(b) for i, b in enumerate(batches)]))
        wall = time.perf_counter() - started
        cpu = sum(ray.get([a.cpu_seconds.remote() for a in pool]))
    finally:
        ray.shutdown()
    return (
        f"| {actors} actor{'s' if actors > 1 else ''} x 1 CPU | {done} | {wall:.1f} "
        f"| {done / wall:.1f} | {cpu:.1f} | {done / cpu:.1f} | {_load()} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scaling table for the given corpora and actor counts (a measurement tool)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--actors", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--single", action="store_true", help="also time a single-machine build")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray cluster")
    parser.add_argument("--embed-only", action="store_true", help="time the actor pool alone")
    args = parser.parse_args(argv)
    settings = Settings()
    embedder = Embedder(settings.model, settings.batch_size)
    embedder.model  # noqa: B018 - load before timing
    if args.embed_only:
        texts, read_cpu = chunk_texts(args.corpus, embedder)
        print(f"read+chunk: {len(texts)} distinct texts in {read_cpu:.1f} CPU s "
              f"({len(texts) / read_cpu:.1f} passages per CPU-second)\n")  # fmt: skip
        print(
            "| pool | passages | wall s | passages/s | actor CPU s "
            "| passages per actor CPU-second | load avg |\n|---|---|---|---|---|---|---|"
        )
        for actors in args.actors:
            print(run_embed_only(texts, embedder.name, actors, args.cpus), flush=True)
        return 0
    print(HEADER, flush=True)
    if args.single:
        print(run_single(args.corpus, embedder), flush=True)
    for actors in args.actors:
        print(run_ray(args.corpus, embedder, actors, args.cpus), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
