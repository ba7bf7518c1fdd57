"""Distributed indexing on Ray, for archives one machine would take weeks over.

`RayParseAndEmbed` is a parse-and-embed strategy for `indexer.builder.Indexer`: it
reads and chunks documents as a Ray Data pipeline and embeds them with a pool of model
actors; the builder's own store loop merges the shards, so it publishes the same index
format (and, for the same corpus, the same content) as a single-machine build. Ray is an
optional extra: importing this package does not import it; using it without Ray
installed raises `RayUnavailableError` saying how to install it.
"""

from .builder import RayOptions, RayParseAndEmbed, RayRunStats
from .cluster import RAY_MISSING, RayUnavailableError, ray_cluster, require_ray

__all__ = [
    "RAY_MISSING",
    "RayOptions",
    "RayParseAndEmbed",
    "RayRunStats",
    "RayUnavailableError",
    "ray_cluster",
    "require_ray",
]
