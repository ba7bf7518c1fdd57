"""Connecting to Ray: imported only when a build asks for it, with one clear message if not.

Ray is an optional extra (`pip install '.[ray]'`); the single-machine indexer never
imports it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from types import ModuleType

from indexer.errors import ScrutinyError

__all__ = ["RAY_MISSING", "RayUnavailableError", "ray_cluster", "require_ray"]

log = logging.getLogger(__name__)

RAY_MISSING = "Ray is not installed: pip install '.[ray]'"

LOCAL_OBJECT_STORE_MB = 500
"""Small on purpose: the local cluster shares its machine with the servers and other work.
Ray Data spills to local disk beyond it."""


class RayUnavailableError(ScrutinyError):
    """Ray is missing, or the cluster cannot be reached or used as asked."""


def require_ray() -> ModuleType:
    """Import Ray on demand, so the default install needs none; a clear error if it is missing."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError(RAY_MISSING) from exc
    return ray


@contextlib.contextmanager
def ray_cluster(
    address: str,
    num_cpus: int | None = None,
    object_store_mb: int = LOCAL_OBJECT_STORE_MB,
) -> Iterator[ModuleType]:
    """Ray, connected for the length of the block.

    `address`: "local" starts a private cluster on this machine (loopback only, no
    dashboard, `num_cpus` CPUs) and shuts it down afterwards; "auto" joins the cluster
    that `ray start` made this machine part of; anything else is a cluster address
    (`head-host:6379`, or `ray://head-host:10001` from outside the cluster). When the
    process is already connected (a test's cluster, a notebook), that connection is used
    and left open.
    """
    ray = require_ray()
    if ray.is_initialized():
        yield ray
        return
    try:
        if address == "local":
            ray.init(
                num_cpus=num_cpus or os.cpu_count() or 1,
                object_store_memory=object_store_mb * 2**20,
                include_dashboard=False,
                _node_ip_address="127.0.0.1",
                log_to_driver=False,
            )
        else:
            ray.init(address=address, log_to_driver=False)
    except ConnectionError as exc:
        raise RayUnavailableError(
            f"Cannot reach the Ray cluster at {address!r} ({exc}). Start it with "
            "`ray start --head` on the head machine, or use --ray local."
        ) from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def alive_nodes(ray: ModuleType) -> int:
    """Nodes Ray reports alive (dead ones stay listed in `ray.nodes()`)."""
    return sum(1 for node in ray.nodes() if node.get("Alive"))
