"""FastAPI dependencies as `Annotated` aliases: routers declare what they need by type."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from indexer.errors import IndexNotFoundError, ScrutinyError

from ..archive import Archive, Reader

__all__ = ["ArchiveDep", "ReaderDep", "get_archive", "get_reader"]


def get_archive(request: Request) -> Archive:
    """The archive opened in the lifespan, switched to a newly published index version
    if any (a `build` run while the server is up is picked up without a restart).

    With no usable index, the startup failure (503 with the command that fixes it).
    """
    archive: Archive | None = getattr(request.app.state, "archive", None)
    if archive is None:
        error = getattr(request.app.state, "startup_error", None)
        if isinstance(error, ScrutinyError):
            raise error
        raise IndexNotFoundError(request.app.state.settings.index_dir)
    archive.refresh()
    return archive


def get_reader(archive: Annotated[Archive, Depends(get_archive)]) -> Reader:
    """A reader pinned to the live index version, for this request alone: the request
    reads that one version to the end, whatever is published meanwhile."""
    return archive.reader()


ArchiveDep = Annotated[Archive, Depends(get_archive)]
ReaderDep = Annotated[Reader, Depends(get_reader)]
