"""`RayIndexer`: the single-machine indexer with its reading and embedding on Ray.

Everything else is the single-machine `Indexer`'s own code: discovery, skipping unchanged
files, pruning vanished ones, failure records, the store loop that de-duplicates passages
and joins truncated paragraphs, the FAISS build and the atomic publish. Only the step
between "these files need indexing" and "store them in order" differs, so a Ray build
writes the same index a single-machine build writes, and the API serves it unchanged.
"""

from __future__ import annotations

import logging
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from indexer.builder import BuildReport, Indexer
from indexer.embedding import Embedder
from indexer.errors import IngestError, ScrutinyError
from indexer.ingest import SourceFile
from indexer.models import ParsedDocument
from indexer.settings import Settings
from indexer.store import PassageStore

from .cluster import LOCAL_OBJECT_STORE_MB, alive_nodes, ray_cluster, require_ray
from .pipeline import PipelineSpec, PipelineTimes, run_pipeline
from .shards import ShardReader, VectorLookup, remove_tree

__all__ = ["RayIndexer", "RayOptions", "RayRunStats"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RayOptions:
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


class RayIndexer(Indexer):
    def __init__(
        self, settings: Settings, options: RayOptions, embedder: Embedder | None = None
    ) -> None:
        require_ray()  # fail before any work, with the install command
        super().__init__(settings, embedder)
        self.options = options
        self.stats = RayRunStats()

    def _ingest(
        self,
        store: PassageStore,
        todo: list[tuple[SourceFile, str]],
        stored: dict,
        report: BuildReport,
        orphans: list[int],
        progress: bool,
    ) -> list[int]:
        if not todo:
            return []
        self.stats = RayRunStats()
        staging = self.options.staging
        run_uri = _join(
            staging or tempfile.mkdtemp(prefix="scrutiny-ray-"), f"run-{uuid.uuid4().hex}"
        )
        try:
            with ray_cluster(
                self.options.address, self.options.num_cpus, self.options.object_store_mb
            ) as ray:
                self.stats.nodes = alive_nodes(ray)
                if self.stats.nodes > 1 and staging is None:
                    raise ScrutinyError(
                        f"The Ray cluster has {self.stats.nodes} machines: give --staging a "
                        "folder every one of them can reach (an NFS path or s3://bucket/prefix)."
                    )
                self.stats.cluster_cpus = int(ray.cluster_resources().get("CPU", 1))
                self.stats.actors = self.options.actors or max(
                    1, self.stats.cluster_cpus // self.options.cpus_per_actor
                )
                spec = PipelineSpec(
                    model=self.embedder.name,
                    backend=self.embedder.backend,
                    batch_size=self.embedder.batch_size,
                    max_tokens=self.settings.max_passage_tokens,
                    min_tokens=self.settings.min_passage_tokens,
                    actors=self.stats.actors,
                    cpus_per_actor=self.options.cpus_per_actor,
                )
                sources = [source for source, _ in todo]
                self.stats.times = run_pipeline(sources, spec, run_uri, progress)
            started = time.perf_counter()
            lookup = VectorLookup(self.embedder)
            documents = self._read_back(ShardReader(run_uri), todo, lookup)
            created = self._store_parsed(
                store,
                documents,
                stored,
                report,
                orphans,
                progress,
                len(todo),
                lookup,
            )
            self.stats.merge_seconds = time.perf_counter() - started
            self.stats.shard_vectors = len(lookup.rows)
            self.stats.driver_fallbacks = lookup.fallbacks
            log.info("ray build: %s", self.stats)
            return created
        finally:
            if not self.options.keep_shards:
                remove_tree(run_uri)

    @staticmethod
    def _read_back(
        reader: ShardReader, todo: list[tuple[SourceFile, str]], lookup: VectorLookup
    ) -> Iterator[tuple[SourceFile, str, ParsedDocument | IngestError]]:
        for seq, parsed in reader.documents(len(todo), lookup):
            source, fingerprint = todo[seq]
            if isinstance(parsed, str):
                yield source, fingerprint, IngestError(source.path, parsed)
            else:
                yield source, fingerprint, parsed


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}"
