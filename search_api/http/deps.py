"""FastAPI dependencies as `Annotated` aliases: routers declare what they need by type."""

from __future__ import annotations

import logging
import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from indexer.errors import IndexNotFoundError, ScrutinyError
from indexer.snapshot import IndexDir

from ..archive import Archive
from ..service import ScrutinyService

__all__ = ["ServiceDep", "current_service", "get_service"]

log = logging.getLogger(__name__)
_reopening = threading.Lock()


def current_service(app: FastAPI) -> ScrutinyService:
    """The open service, or a fresh attempt to open one when a new version was published.

    A server started on a damaged or missing index used to keep that startup error for
    ever, even after the rebuild its message recommends. Now each request checks
    `CURRENT`: once it names another version than the one that failed, the archive is
    opened again (once, under a lock), so the server recovers without a restart.
    """
    service: ScrutinyService | None = getattr(app.state, "service", None)
    if service is not None:
        return service
    settings = app.state.settings
    with _reopening:
        service = app.state.service
        if service is not None:
            return service
        name = IndexDir(settings.index_dir).current_name()
        if name is not None and name != getattr(app.state, "failed_version", None):
            try:
                app.state.service = ScrutinyService(Archive.open(settings, app.state.embedder))
                app.state.startup_error = None
                log.info("search is available again: index version %s", name)
                return app.state.service
            except ScrutinyError as exc:
                log.error("search is still unavailable: %s", exc)
                app.state.startup_error = exc
                app.state.failed_version = name
    error = getattr(app.state, "startup_error", None)
    if isinstance(error, ScrutinyError):
        raise error
    raise IndexNotFoundError(settings.index_dir)


def get_service(request: Request) -> ScrutinyService:
    """The service opened in the lifespan (or since); the index's failure when there is none.

    Each request first switches to a newly published index version, if any, so a
    `build` run while the server is up is picked up without a restart.
    """
    service = current_service(request.app)
    service.refresh()
    return service


ServiceDep = Annotated[ScrutinyService, Depends(get_service)]
