"""A real uvicorn server on a free loopback port, in a thread, for tests and campaigns."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from search_api.archive import Archive
from search_api.http.app import create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    url: str, timeout_s: float = 120, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Wait for `url`/health to answer 200; fail at once if `process` (the server) exits."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server at {url} exited with status {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server at {url} did not start in {timeout_s:.0f} s")
        time.sleep(0.1)


@contextmanager
def serve(engine: Archive, **config: object) -> Iterator[str]:
    """Serve `engine` on 127.0.0.1; yields the base URL; stops the server on exit."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(archive=engine), host="127.0.0.1", port=port, log_level="warning",
            **config,  # type: ignore[arg-type]
        )
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=30)
