"""FastAPI dependencies as `Annotated` aliases: routers declare what they need by type."""

from __future__ import annotations

import logging
import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from indexer.errors import IndexNotFoundError, ScrutinyError
from indexer.snapshot import IndexDir

from ..archive import Archive, Reader

__all__ = ["ArchiveDep", "ReaderDep", "current_archive", "get_archive", "get_reader", "public_base"]

log = logging.getLogger(__name__)
_reopening = threading.Lock()


def current_archive(app: FastAPI) -> Archive:
    """The open archive, or a fresh attempt to open one when a new version was published.

    A server started on a damaged or missing index used to keep that startup error for
    ever, even after the rebuild its message recommends. Now each request checks
    `CURRENT`: once it names another version than the one that failed, the archive is
    opened again (once, under a lock), so the server recovers without a restart.
    """
    archive: Archive | None = getattr(app.state, "archive", None)
    if archive is not None:
        return archive
    settings = app.state.settings
    with _reopening:
        archive = app.state.archive
        if archive is not None:
            return archive
        name = IndexDir(settings.index_dir).current_name()
        if name is not None and name != getattr(app.state, "failed_version", None):
            try:
                app.state.archive = Archive.open(settings, app.state.embedder)
                app.state.startup_error = None
                log.info("search is available again: index version %s", name)
                return app.state.archive
            except ScrutinyError as exc:
                log.error("search is still unavailable: %s", exc)
                app.state.startup_error = exc
                app.state.failed_version = name
    error = getattr(app.state, "startup_error", None)
    if isinstance(error, ScrutinyError):
        raise error
    raise IndexNotFoundError(settings.index_dir)


def get_archive(request: Request) -> Archive:
    """The archive opened in the lifespan (or since), switched to a newly published index
    version if any (a `build` run while the server is up is picked up without a restart).

    With no usable index, the startup failure (503 with the command that fixes it).
    """
    archive = current_archive(request.app)
    archive.refresh()
    return archive


def get_reader(archive: Annotated[Archive, Depends(get_archive)]) -> Reader:
    """A reader pinned to the live index version, for this request alone: the request
    reads that one version to the end, whatever is published meanwhile."""
    return archive.reader()


def public_base(request: Request) -> str:
    """The address links in files and feeds are built from: SCRUTINY_PUBLIC_URL, else the
    request's own base, whose Host header has passed the AllowedHosts check (never an
    arbitrary Host a client sends)."""
    configured: str | None = request.app.state.settings.public_url
    return (configured or str(request.base_url)).rstrip("/")


ArchiveDep = Annotated[Archive, Depends(get_archive)]
ReaderDep = Annotated[Reader, Depends(get_reader)]
