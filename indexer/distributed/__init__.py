"""Distributed indexing on Ray, for archives one machine would take weeks over.

`RayIndexer` reads and chunks documents as a Ray Data pipeline, embeds them with a pool
of model actors, and merges the shards through the single-machine indexer's own store
loop, so it publishes the same index format (and, for the same corpus, the same content)
as `indexer.builder.Indexer`. Ray is an optional extra: importing this package does not
import it; using it without Ray installed raises `RayUnavailableError` saying how to
install it.
"""

from .builder import RayIndexer, RayOptions, RayRunStats
from .cluster import RAY_MISSING, RayUnavailableError, ray_cluster, require_ray

__all__ = [
    "RAY_MISSING",
    "RayIndexer",
    "RayOptions",
    "RayRunStats",
    "RayUnavailableError",
    "ray_cluster",
    "require_ray",
]
