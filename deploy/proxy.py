"""A small round-robin HTTP front for several Scrutiny Search replicas.

    python deploy/proxy.py --listen 127.0.0.1:8000 \
        --upstream http://127.0.0.1:8001 --upstream http://127.0.0.1:8002

Each request goes to the next replica in turn. A replica that refuses the connection
(restarting, or not up yet) is skipped and the request tried on the next one, so a
rolling restart drops nothing; once a replica has accepted a request, its answer is
returned as it is, errors included (a retry could repeat work). Each response says which
replica answered in `X-Served-By`.

For production, nginx does the same job (deploy/nginx.conf). This front exists so the
setup runs, and is tested, with nothing but the project's own dependencies.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

log = logging.getLogger("scrutiny.proxy")

HOP_BY_HOP = frozenset(
    ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
     "trailers", "transfer-encoding", "upgrade", "host", "content-length"]
)  # fmt: skip
"""Headers that describe one connection, not the message: never forwarded."""


def create_proxy(upstreams: Sequence[str], timeout: float = 60.0) -> Starlette:
    if not upstreams:
        raise ValueError("give at least one --upstream")
    turn = itertools.cycle(range(len(upstreams)))
    client: httpx.AsyncClient | None = None

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal client
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=50)
        async with httpx.AsyncClient(timeout=timeout, limits=limits) as opened:
            client = opened
            yield

    async def forward(request: Request) -> Response:
        assert client is not None
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        first = next(turn)
        for attempt in range(len(upstreams)):
            upstream = upstreams[(first + attempt) % len(upstreams)]
            try:
                answer = await client.request(
                    request.method, upstream + path, headers=headers, content=body
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                log.warning("%s refused the connection (%s); trying the next", upstream, exc)
                continue
            out = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
            out.pop("content-encoding", None)  # httpx has already decoded the body
            out["X-Served-By"] = upstream
            return Response(answer.content, status_code=answer.status_code, headers=out)
        return Response(
            '{"detail": "No search server is answering; start one (deploy/run_replicas.sh)."}',
            status_code=502,
            media_type="application/json",
        )

    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    return Starlette(routes=[Route("/{path:path}", forward, methods=methods)], lifespan=lifespan)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:8000", help="HOST:PORT to serve on")
    parser.add_argument(
        "--upstream", action="append", required=True, help="replica base URL (repeat)"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    args = parser.parse_args(argv)
    host, _, port = args.listen.rpartition(":")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    upstreams = [u.rstrip("/") for u in args.upstream]
    uvicorn.run(
        create_proxy(upstreams, args.timeout), host=host or "127.0.0.1", port=int(port),
        log_level="warning",
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
