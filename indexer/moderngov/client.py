"""A polite HTTP client for a council's ModernGov site.

Councils run these sites on modest servers, so the importer identifies itself (a
User-Agent naming the tool and a contact address), keeps to a request rate (about one a
second by default), gives up on a slow answer after a timeout, and retries only what is
worth retrying (5xx answers, timeouts, dropped connections) with a growing pause.
Documents are fetched conditionally (`If-None-Match` / `If-Modified-Since`) when the site
gave validators, so a nightly run downloads only what changed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from indexer.errors import ScrutinyError

RETRY_STATUSES = frozenset({500, 502, 503, 504})


class FetchError(ScrutinyError):
    """A URL could not be fetched: a 4xx, or a 5xx/timeout that outlasted the retries."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class Validators:
    """What a site said to recognise a document again: its ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators allow."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Response:
    """A fetched URL: `not_modified` when a conditional request answered 304."""

    url: str
    status: int
    content: bytes
    content_type: str
    validators: Validators
    not_modified: bool = False


@dataclass(frozen=True)
class ClientOptions:
    """How politely to fetch; the defaults suit a live council site."""

    contact: str | None = None
    rate: float = 1.0
    """Requests a second at most; 0 means no limit (tests against a local replay)."""
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    """First pause before a retry, in seconds; it doubles at every further retry."""
    max_bytes: int = 50 * 1024 * 1024


def check_http_url(url: str) -> str:
    """Only http(s) URLs with a host are fetched: no file:, ftp: or javascript: links."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(url, "not an http(s) URL; only http:// and https:// are fetched")
    return url.strip()


def user_agent(contact: str | None) -> str:
    """Names the tool and, when set, whom the council can write to about it."""
    from indexer.builder import package_version

    base = f"scrutiny-search/{package_version()} (ModernGov importer"
    return f"{base}; contact {contact})" if contact else f"{base})"


class PoliteClient:
    """GET with a rate limit, timeouts, retries with backoff and conditional requests."""

    def __init__(self, options: ClientOptions, transport: httpx.BaseTransport | None = None):
        self.options = options
        self.requests = 0
        """Requests sent, retries included: what the run cost the site."""
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._http = httpx.Client(
            headers={"User-Agent": user_agent(options.contact)},
            timeout=options.timeout,
            follow_redirects=True,
            transport=transport,
        )

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self) -> None:
        if self.options.rate <= 0:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot)
            self._next_slot = slot + 1.0 / self.options.rate
        if slot > now:
            time.sleep(slot - now)

    def get(
        self,
        url: str,
        params: dict[str, str] | None = None,
        validators: Validators | None = None,
    ) -> Response:
        """Fetch `url`; raise `FetchError` on a 4xx, or a 5xx/timeout after the retries."""
        check_http_url(url)
        headers = validators.headers() if validators else {}
        attempt = 0
        while True:
            self._wait_turn()
            self.requests += 1
            try:
                with self._http.stream("GET", url, params=params, headers=headers) as answer:
                    if answer.status_code in RETRY_STATUSES:
                        reason, status = f"HTTP {answer.status_code}", answer.status_code
                    else:
                        return self._read(answer, validators)
            except httpx.TimeoutException:
                reason, status = f"timed out after {self.options.timeout:g} s", None
            except httpx.TransportError as exc:
                reason, status = f"connection failed ({type(exc).__name__})", None
            attempt += 1
            if attempt > self.options.retries:
                tries = "try" if attempt == 1 else "tries"
                raise FetchError(url, f"{reason} ({attempt} {tries})", status)
            time.sleep(self.options.backoff * 2 ** (attempt - 1))

    def _read(self, answer: httpx.Response, sent: Validators | None) -> Response:
        final = str(answer.url)
        check_http_url(final)  # a redirect must not lead to another scheme
        found = Validators(
            etag=answer.headers.get("ETag"), last_modified=answer.headers.get("Last-Modified")
        )
        content_type = answer.headers.get("Content-Type", "")
        if answer.status_code == 304 and sent is not None:
            kept = Validators(found.etag or sent.etag, found.last_modified or sent.last_modified)
            return Response(final, 304, b"", content_type, kept, not_modified=True)
        if answer.status_code >= 400:
            raise FetchError(final, f"HTTP {answer.status_code}", answer.status_code)
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > self.options.max_bytes:
                raise FetchError(final, f"larger than {self.options.max_bytes} bytes; skipped")
            chunks.append(chunk)
        return Response(final, answer.status_code, b"".join(chunks), content_type, found)
