"""Domain errors become HTTP status codes here, at the edge, and nowhere else.

Responses carry a message a person can act on, never a stack trace.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from indexer.errors import (
    CorpusError,
    DiskFullError,
    DocumentExistsError,
    DocumentNotFoundError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    ScrutinyError,
)
from indexer.settings import Settings

__all__ = ["STATUS_FOR", "install_error_handlers", "public_message", "status_for"]

log = logging.getLogger(__name__)

STATUS_FOR: tuple[tuple[type[ScrutinyError], int], ...] = (
    (DocumentNotFoundError, 404),
    (IndexNotFoundError, 503),
    (IndexMismatchError, 503),
    (IndexCorruptError, 503),
    (CorpusError, 503),
    (DiskFullError, 507),
    (DocumentExistsError, 409),
)
"""First match wins, so subclasses come before their bases; other domain errors are 400."""


_ABSOLUTE_PATH = re.compile(r"(?<![\w.$])/(?:[^\s'\"(),;/]+/)*([^\s'\"(),;/]+)")


def public_message(message: str, settings: Settings | None) -> str:
    """A domain error's message without the server's absolute paths (the log has them).

    The index folder reads `$SCRUTINY_INDEX_DIR`, so "Rebuild: … --index
    $SCRUTINY_INDEX_DIR --rebuild" still tells the operator what to run; any other
    absolute path is cut to its last part (the file's name).
    """
    if settings is not None:
        root = Path(settings.index_dir)
        for form in {str(root.resolve()), str(root.absolute())}:
            message = message.replace(form, "$SCRUTINY_INDEX_DIR")
    return _ABSOLUTE_PATH.sub(lambda m: m.group(1), message)


def status_for(error: ScrutinyError) -> int:
    """The HTTP status for a domain error: the first match in `STATUS_FOR`, else 400."""
    for kind, status in STATUS_FOR:
        if isinstance(error, kind):
            return status
    return 400


def _location(loc: tuple[object, ...] | list[object]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path")]
    return ".".join(parts) or "request"


def _readable(error: dict[str, object]) -> str:
    msg = str(error.get("msg", "invalid value"))
    msg = msg.removeprefix("Value error, ")
    loc = error.get("loc", ())
    where = _location(loc if isinstance(loc, (tuple, list)) else ())
    return f"{where}: {msg}"


def install_error_handlers(app: FastAPI) -> None:
    """Answer domain and validation errors as JSON {"detail": ...}, hiding server paths."""

    @app.exception_handler(ScrutinyError)
    async def _domain_error(request: Request, exc: ScrutinyError) -> JSONResponse:
        status = status_for(exc)
        detail = public_message(str(exc), getattr(request.app.state, "settings", None))
        if status >= 500 or detail != str(exc):
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": _location(e.get("loc", ())),
                "message": str(e.get("msg", "")).removeprefix("Value error, "),
                "type": e.get("type"),
            }
            for e in exc.errors()
        ]
        detail = "; ".join(_readable(e) for e in exc.errors()) or "invalid request"
        return JSONResponse({"detail": detail, "errors": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Logged in full for the operator; the client gets no internals.
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": "Internal error; the server log has the details."}, status_code=500
        )
