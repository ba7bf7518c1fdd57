"""The FastAPI application: `create_app()` wires settings, the archive, routers and errors.

Settings are read when the app starts (in the lifespan), never at import time, and the
archive is opened once there. A missing or unusable index does not stop the
server: every route that needs it answers 503 with the command that fixes it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from indexer.embedding import Embedder
from indexer.errors import ScrutinyError
from indexer.settings import Settings
from indexer.snapshot import IndexDir

from ..archive import Archive
from .errors import install_error_handlers
from .guards import AllowedHosts, BodyLimit
from .routers import admin, ask, briefing, docs, documents, feeds, health, meetings, page, search
from .routers.page import STATIC_DIR
from .security import CONTENT_SECURITY_POLICY, SecurityHeaders

__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]

log = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    archive: Archive | None = None,
    embedder: Embedder | None = None,
) -> FastAPI:
    """The app. `archive` lets tests share one opened archive; `embedder` lets `serve`
    reuse the model it just loaded to bring the index up to date."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Open the archive at startup; a failure is kept to report, not fatal, so a re-index
        over HTTP can still repair it."""
        resolved = archive.settings if archive is not None else (settings or Settings())
        app.state.settings = resolved
        app.state.archive = None
        app.state.startup_error = None
        app.state.failed_version = None
        # The model outlives a failed open: a re-index and a later re-open need it.
        if archive is not None:
            embedder_ = archive.embedder
        else:
            embedder_ = embedder or Embedder.from_settings(resolved)
        app.state.embedder = embedder_
        # Route handlers are sync: they run in anyio's thread pool, 40 threads by default.
        # On a few cores that many CPU-bound searches only contend (and each thread opens
        # its own SQLite connection): a small pool queues the rest at no cost in throughput.
        anyio.to_thread.current_default_thread_limiter().total_tokens = resolved.request_threads
        try:
            app.state.archive = archive or Archive.open(resolved, app.state.embedder)
        except ScrutinyError as exc:
            log.error("search is unavailable: %s", exc)
            app.state.startup_error = exc
            app.state.failed_version = IndexDir(resolved.index_dir).current_name()
        yield

    app = FastAPI(
        title="Scrutiny Search",
        summary="Semantic search and cited answers over local-government scrutiny minutes",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served from local files by routers.docs: no CDN
        redoc_url=None,
    )
    install_error_handlers(app)
    for module in (health, search, ask, briefing, documents, meetings, feeds, admin, page, docs):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(docs.DOCS_STATIC_URL, StaticFiles(directory=docs.DOCS_ASSETS), name="static-docs")

    app.add_middleware(BodyLimit)
    app.add_middleware(AllowedHosts)
    app.add_middleware(SecurityHeaders)

    return app
