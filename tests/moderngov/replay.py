"""A ModernGov site on loopback: the shared web-service answers and meeting pages replayed,
with real council PDFs behind the document links. It counts every request, so a test can
say what a run cost the site, and can be told to fail (500, a slow answer, bad XML)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass
class Route:
    """What the site answers for a path (and query parameters that must match)."""

    body: bytes
    content_type: str = "application/pdf"
    status: int = 200
    validators: bool = True
    delay: float = 0.0


@dataclass(frozen=True)
class Hit:
    """One request the site received."""

    path: str
    query: dict[str, str]
    status: int
    headers: dict[str, str]


class ReplaySite:
    """Routes by path and query subset; ETag/Last-Modified from the body, 304 when unchanged."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, dict[str, str], Route]] = []
        self.hits: list[Hit] = []
        self.url = ""
        self._lock = threading.Lock()

    def add(self, path: str, route: Route, **query: str) -> Route:
        """Serve `route` at `path` (case-insensitive) when the request has `query`."""
        self.routes = [r for r in self.routes if not (r[0] == path.lower() and r[1] == query)]
        self.routes.append((path.lower(), query, route))
        return route

    def find(self, path: str, query: dict[str, str]) -> Route | None:
        matches = [
            (len(q), r)
            for p, q, r in self.routes
            if p == path.lower() and all(query.get(k) == v for k, v in q.items())
        ]
        return max(matches, key=lambda m: m[0])[1] if matches else None

    def requests_to(self, fragment: str, status: int | None = None) -> list[Hit]:
        """Requests whose path or query holds `fragment` (and answered `status`)."""
        with self._lock:
            return [
                h
                for h in self.hits
                if (fragment.lower() in h.path.lower() or fragment in h.query.values())
                and (status is None or h.status == status)
            ]

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)


def _handler(site: ReplaySite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            route = site.find(path, query)
            status, body, headers = self._answer(route)
            site.record(Hit(path, query, status, dict(self.headers.items())))
            if route is not None and route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def _answer(self, route: Route | None) -> tuple[int, bytes, dict[str, str]]:
            if route is None:
                return 404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
            headers = {"Content-Type": route.content_type}
            if route.status != 200:
                return route.status, b"<html><body>Server error</body></html>", headers
            if route.validators:
                etag = '"' + hashlib.sha1(route.body).hexdigest() + '"'
                headers["ETag"] = etag
                headers["Last-Modified"] = formatdate(1_770_000_000, usegmt=True)
                if self.headers.get("If-None-Match") == etag:
                    return 304, b"", {"ETag": etag}
            return 200, route.body, headers

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@contextmanager
def running(site: ReplaySite) -> Iterator[ReplaySite]:
    """Serve `site` on a free loopback port in a thread; `site.url` is its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
