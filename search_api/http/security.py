"""Security headers on every response, including the 500s nothing else touches.

A pure ASGI middleware rather than `@app.middleware("http")`: Starlette answers an
unhandled exception in its outermost `ServerErrorMiddleware`, outside any "http"
middleware, so a 500 went out without the headers. This one adds them as each response
starts and, when the app raises before answering, answers the generic 500 itself (the
exception is logged in full; the client learns nothing of the internals).
"""

from __future__ import annotations

import logging

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_SECURITY_POLICY", "DOCS_POLICY", "INTERNAL_ERROR", "SecurityHeaders"]

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""For the page, its static files and the API: no inline script, no framing."""

DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""/docs and /redoc: Swagger UI's page starts it with an inline script, but every file
comes from this origin (no CDN: routers.docs), with no plugins or framing."""

INTERNAL_ERROR = "Internal error; the server log has the details."

_COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """ASGI middleware: security headers on every HTTP response; a looser CSP for /docs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        docs = path.startswith(("/docs", "/redoc"))
        policy = DOCS_POLICY if docs else CONTENT_SECURITY_POLICY
        started = False

        async def send_with_headers(message: Message) -> None:
            """Add the headers to the response start, keeping any a route set itself."""
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", policy)
                for name, value in _COMMON:
                    headers.setdefault(name.decode(), value.decode())
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            log.exception("unexpected error on %s %s", scope.get("method"), path)
            response = JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)
            await response(scope, receive, send_with_headers)
