"""FastAPI dependencies as `Annotated` aliases: routers declare what they need by type."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from indexer.errors import IndexNotFoundError, ScrutinyError

from ..service import ScrutinyService

__all__ = ["ServiceDep", "get_service"]


def get_service(request: Request) -> ScrutinyService:
    """The service opened in the lifespan; the index's startup failure when there is none.

    Each request first switches to a newly published index version, if any, so a
    `build` run while the server is up is picked up without a restart.
    """
    service: ScrutinyService | None = getattr(request.app.state, "service", None)
    if service is None:
        error = getattr(request.app.state, "startup_error", None)
        if isinstance(error, ScrutinyError):
            raise error
        raise IndexNotFoundError(request.app.state.settings.index_dir)
    service.refresh()
    return service


ServiceDep = Annotated[ScrutinyService, Depends(get_service)]
