"""Two API replicas behind the round-robin front pick up a newly published index.

Real processes, as deployed (deploy/run_replicas.sh starts the same commands): two
`python -m search_api serve --no-build` replicas over one index folder and
`deploy/proxy.py` in front. While requests keep flowing through the front, a build
publishes a new version; every replica must switch to it, and no request may fail.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from indexer.snapshot import IndexDir
from reliability.server import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 240  # two model loads on a busy 2-core machine
NEW_MINUTES = """Harbour Scrutiny Committee
Minutes of the meeting held on 3 March 2025

1. Quayside regeneration
1.1 The committee questioned the Zanzibarquay pontoon contract, whose costs had risen
by 40 per cent since the business case was approved, and asked for a full breakdown.
"""


@pytest.fixture
def built(request: pytest.FixtureRequest) -> Settings:
    """The Ray-built index when Ray is installed (served as is), else the single-machine
    one: serving replicas needs no Ray."""
    try:
        import ray  # noqa: F401
    except ImportError:
        return request.getfixturevalue("single_build")[0]
    return request.getfixturevalue("ray_build")[0]


@pytest.fixture
def replicas(tmp_path: Path, built: Settings) -> Iterator[tuple[Settings, str, list[str]]]:
    """A copy of the index served by two replicas and the front."""
    index_dir = tmp_path / "index"
    shutil.copytree(built.index_dir, index_dir)
    settings = built.model_copy(update={"index_dir": index_dir})
    ports = [free_port() for _ in range(3)]
    upstreams = [f"http://127.0.0.1:{port}" for port in ports[1:]]
    commands = [
        [sys.executable, "-m", "search_api", "serve", "--no-build", "--index", str(index_dir),
         "--host", "127.0.0.1", "--port", str(port)]
        for port in ports[1:]
    ]  # fmt: skip
    front = [sys.executable, str(ROOT / "deploy" / "proxy.py"), "--listen",
             f"127.0.0.1:{ports[0]}"]  # fmt: skip
    for upstream in upstreams:
        front += ["--upstream", upstream]
    processes = [
        subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for c in [*commands, front]
    ]
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        for url, process in zip([*upstreams, f"http://127.0.0.1:{ports[0]}"], processes,
                                strict=True):  # fmt: skip
            wait_healthy(url, max(deadline - time.monotonic(), 0), process)
        yield settings, f"http://127.0.0.1:{ports[0]}", upstreams
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_index_swap_reaches_every_replica(replicas, tmp_path: Path, embedder: Embedder) -> None:
    settings, front, upstreams = replicas
    before = IndexDir(settings.index_dir).current_name()
    statuses: list[tuple[int, str]] = []
    stop = threading.Event()

    def load() -> None:
        with httpx.Client(base_url=front, timeout=60) as client:
            while not stop.is_set():
                answer = client.get("/search", params={"q": "family hubs call-in", "k": 3})
                statuses.append((answer.status_code, answer.headers.get("x-served-by", "")))

    worker = threading.Thread(target=load)
    worker.start()
    try:
        # A new build published while the replicas answer (atomically: IndexDir.publish).
        folder = tmp_path / "new"
        folder.mkdir()
        (folder / "harbour-minutes.txt").write_text(NEW_MINUTES)
        report = Indexer(settings, embedder).add([folder / "harbour-minutes.txt"])
        assert report.version and report.version != before

        deadline = time.monotonic() + 60
        for upstream in upstreams:
            while True:
                health = httpx.get(f"{upstream}/health", timeout=30).json()
                if health["index_version"] == report.version:
                    break
                assert time.monotonic() < deadline, f"{upstream} still serves {health}"
                time.sleep(0.2)
        time.sleep(1)  # a few more requests through the front on the new version
    finally:
        stop.set()
        worker.join(timeout=120)

    assert statuses, "the load thread sent nothing"
    assert {status for status, _ in statuses} == {200}, statuses
    assert {served for _, served in statuses} == set(upstreams)

    # Both replicas now find the new document, through the front in turn.
    served = set()
    for _ in upstreams:
        answer = httpx.get(f"{front}/search", params={"q": "Zanzibarquay pontoon"}, timeout=60)
        assert answer.status_code == 200
        assert answer.json()["hits"][0]["citation"]["document_id"] == "harbour-minutes"
        served.add(answer.headers["x-served-by"])
    assert served == set(upstreams)


def test_front_skips_a_replica_that_is_down() -> None:
    """A replica that refuses connections (restarting) costs no request; with none left
    the front answers 502 with what to do."""
    from starlette.testclient import TestClient

    spec = importlib.util.spec_from_file_location("deploy_proxy", ROOT / "deploy" / "proxy.py")
    assert spec and spec.loader
    proxy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(proxy)

    class Alive(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            body = b'{"status": "ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Alive)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    alive = f"http://127.0.0.1:{server.server_address[1]}"
    down = f"http://127.0.0.1:{free_port()}"
    try:
        with TestClient(proxy.create_proxy([down, alive])) as client:
            for _ in range(4):
                answer = client.get("/health")
                assert answer.status_code == 200
                assert answer.headers["x-served-by"] == alive
        with TestClient(proxy.create_proxy([down])) as client:
            answer = client.get("/health")
            assert answer.status_code == 502 and "run_replicas" in answer.json()["detail"]
    finally:
        server.shutdown()
