"""`RayParseAndEmbed`: the build's reading and embedding on a Ray cluster.

A parse-and-embed strategy (`indexer.parse_embed.ParseAndEmbed`) for `Indexer`:
everything else is the builder's own code (discovery, skipping unchanged files, pruning
vanished ones, failure records, the store loop that de-duplicates passages and joins
truncated paragraphs, the FAISS build and the atomic publish), so a Ray build writes the
same index a single-machine build writes, and the API serves it unchanged:

    Indexer(settings, strategy=RayParseAndEmbed(RayOptions(actors=4))).build(corpora)
"""

from __future__ import annotations

import logging
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from indexer.embedding import Embedder
from indexer.errors import IngestError, ScrutinyError
from indexer.ingest import ZipLimits
from indexer.parse_embed import Job, Parsed
from indexer.settings import Settings

from .cluster import LOCAL_OBJECT_STORE_MB, alive_nodes, ray_cluster, require_ray
from .pipeline import PipelineSpec, PipelineTimes, run_pipeline
from .shards import ShardReader, VectorLookup, remove_tree

__all__ = ["RayOptions", "RayParseAndEmbed", "RayRunStats"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RayOptions:
    """How to reach and use a Ray cluster for `RayParseAndEmbed`; defaults suit one machine."""

    address: str = "local"
    """"local" (a private cluster on this machine), "auto", or a cluster address."""
    actors: int | None = None
    """Embedding actors (model copies); default: one per `cpus_per_actor` CPUs."""
    cpus_per_actor: int = 1
    staging: str | None = None
    """Where shards are written: a folder or URI every node can reach (NFS, s3://).
    Default: a temporary folder, which only a one-machine cluster can use."""
    num_cpus: int | None = None
    """CPUs of a "local" cluster (default: all of this machine's)."""
    object_store_mb: int = LOCAL_OBJECT_STORE_MB
    keep_shards: bool = False


@dataclass
class RayRunStats:
    """What the last run did on the cluster, for the report and the benchmarks."""

    actors: int = 0
    cluster_cpus: int = 0
    nodes: int = 0
    times: PipelineTimes = field(default_factory=PipelineTimes)
    merge_seconds: float = 0.0
    shard_vectors: int = 0
    driver_fallbacks: int = 0


class RayParseAndEmbed:
    """Parse and chunk as a Ray Data pipeline, embed with a pool of model actors.

    `parse` runs the whole pipeline into Parquet shards, then reads the documents back in
    job order, filling a lookup of the cluster's vectors that `embed` answers from.
    """

    def __init__(self, options: RayOptions | None = None) -> None:
        require_ray()  # fail before any work, with the install command
        self.options = options or RayOptions()
        self.stats = RayRunStats()
        self._lookup: VectorLookup | None = None

    def parse(
        self, jobs: Sequence[Job], embedder: Embedder, settings: Settings, progress: bool
    ) -> Iterator[Parsed]:
        """Parse and embed `jobs` on the cluster, then yield them in job order from the shards.

        Vectors are kept for `embed`; the staging folder goes unless `keep_shards`."""
        self.stats = RayRunStats()
        self._lookup = None
        if not jobs:
            return
        staging = self.options.staging
        run_uri = _join(
            staging or tempfile.mkdtemp(prefix="scrutiny-ray-"), f"run-{uuid.uuid4().hex}"
        )
        try:
            self._run_cluster(jobs, embedder, settings, run_uri, progress)
            started = time.perf_counter()
            self._lookup = lookup = VectorLookup(embedder)
            for seq, parsed in ShardReader(run_uri).documents(len(jobs), lookup):
                job = jobs[seq]
                if isinstance(parsed, str):
                    yield Parsed(job, IngestError(job.source.path, parsed))
                else:
                    yield Parsed(job, parsed)
            self.stats.merge_seconds = time.perf_counter() - started
            self.stats.shard_vectors = len(lookup.rows)
            self.stats.driver_fallbacks = lookup.fallbacks
            log.info("ray build: %s", self.stats)
        finally:
            # The lookup outlives the generator: the store loop embeds its last group
            # after the last document has been read.
            if not self.options.keep_shards:
                remove_tree(run_uri)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors the cluster computed for `texts`; valid only after `parse` has run."""
        if self._lookup is None:
            raise RuntimeError("RayParseAndEmbed.embed called before parse")
        return self._lookup(texts)

    def _run_cluster(
        self, jobs: Sequence[Job], embedder: Embedder, settings: Settings, run_uri: str,
        progress: bool,
    ) -> None:  # fmt: skip
        options = self.options
        with ray_cluster(options.address, options.num_cpus, options.object_store_mb) as ray:
            self.stats.nodes = alive_nodes(ray)
            if self.stats.nodes > 1 and options.staging is None:
                raise ScrutinyError(
                    f"The Ray cluster has {self.stats.nodes} machines: give --staging a "
                    "folder every one of them can reach (an NFS path or s3://bucket/prefix)."
                )
            self.stats.cluster_cpus = int(ray.cluster_resources().get("CPU", 1))
            self.stats.actors = options.actors or max(
                1, self.stats.cluster_cpus // options.cpus_per_actor
            )
            spec = PipelineSpec(
                model=embedder.name,
                backend=embedder.backend,
                batch_size=embedder.batch_size,
                max_tokens=settings.max_passage_tokens,
                min_tokens=settings.min_passage_tokens,
                actors=self.stats.actors,
                cpus_per_actor=options.cpus_per_actor,
                zip_limits=ZipLimits.from_settings(settings),
                embed_context=settings.embed_context,
            )
            sources = [job.source for job in jobs]
            self.stats.times = run_pipeline(sources, spec, run_uri, progress)


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}"
