"""Guards every request passes before a route sees it: the Host header and the size of
a request body.

Pure ASGI middlewares (like `security.SecurityHeaders`), reading the settings the
lifespan put on `app.state`:

- `AllowedHosts`: a `Host` header outside `SCRUTINY_ALLOWED_HOSTS` gets 400. Without
  it, a page on any domain could be DNS-rebound onto a server on a member's machine
  and read the API as same-origin. Default: the loopback names, the bind host and the
  host of `SCRUTINY_PUBLIC_URL`.
- `BodyLimit`: a body over `SCRUTINY_MAX_JSON_BODY_BYTES` gets 413 before it is read
  whole (one 200 MB `/ask` body took 550 MB of memory before its 422). The upload route
  streams its file to disk under its own limit and is left alone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indexer.settings import Settings

__all__ = ["AllowedHosts", "BodyLimit", "allowed_hosts"]

LOOPBACK = ("localhost", "127.0.0.1", "::1")
UPLOAD = ("POST", "/documents")


def allowed_hosts(settings: Settings) -> frozenset[str]:
    """Host names the server answers to ("*" in the setting allows any)."""
    if settings.allowed_hosts is not None:
        return frozenset(h.strip().lower().strip("[]") for h in settings.allowed_hosts)
    hosts = set(LOOPBACK)
    if settings.host not in ("0.0.0.0", "::", ""):
        hosts.add(settings.host.lower().strip("[]"))
    if settings.public_url:
        public = urlsplit(settings.public_url).hostname
        if public:
            hosts.add(public.lower())
    return frozenset(hosts)


def _host_name(value: str) -> str:
    """'example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _settings(scope: Scope) -> Settings | None:
    app = scope.get("app")
    return getattr(getattr(app, "state", None), "settings", None)


class AllowedHosts:
    """ASGI middleware: answer 400 to a Host header not configured (DNS rebinding guard)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._allowed: tuple[Settings, frozenset[str]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = _settings(scope)
        if scope["type"] != "http" or settings is None:
            await self.app(scope, receive, send)
            return
        if self._allowed is None or self._allowed[0] is not settings:
            self._allowed = (settings, allowed_hosts(settings))
        allowed = self._allowed[1]
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if "*" in allowed or _host_name(host) in allowed:
            await self.app(scope, receive, send)
            return
        response = JSONResponse(
            {"detail": "Unknown Host header: this server answers only for its configured "
                       "names (SCRUTINY_ALLOWED_HOSTS, SCRUTINY_PUBLIC_URL)"},
            status_code=400,
        )  # fmt: skip
        await response(scope, receive, send)


class BodyLimit:
    """ASGI middleware: 413 for a JSON body over the limit, declared or as streamed.

    The upload route is exempt: it streams its file to disk under its own limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = _settings(scope)
        if (
            scope["type"] != "http"
            or settings is None
            or (scope["method"], scope["path"].rstrip("/")) == UPLOAD
        ):
            await self.app(scope, receive, send)
            return
        limit = settings.max_json_body_bytes
        message = (
            f"The request body is larger than the {limit} byte limit (SCRUTINY_MAX_JSON_BODY_BYTES)"
        )
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), b"")
        if declared.isdigit() and int(declared) > limit:
            await JSONResponse({"detail": message}, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            """Pass on body messages, raising 413 once more than the limit has arrived."""
            nonlocal seen
            received = await receive()
            seen += len(received.get("body", b""))
            if seen > limit:  # a chunked body with no length, or one that lied
                raise HTTPException(413, message)
            return received

        await self.app(scope, counted, send)
