"""A real server on loopback keeps answering while the index is rebuilt under it, from the
old version until the new one is published, then from the new one: no errors, no mixed
or backward answers."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from reliability.server import serve
from search_api.archive import Archive

from .conftest import GOOD_MINUTES

CLIENTS = 4


def test_queries_during_a_reindex_switch_atomically(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    engine = Archive.open(seed_copy, embedder)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for i in range(4):  # enough new text that the build takes a while
        (incoming / f"new_{i}.txt").write_text(
            GOOD_MINUTES.replace("41 new", f"{41 + i} new") * (3 + i)
        )
    stop = threading.Event()
    seen: list[list[tuple[str, int]]] = [[] for _ in range(CLIENTS)]
    errors: list[str] = []

    def client(slot: int, url: str) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            while not stop.is_set():
                try:
                    response = http.get("/search", params={"q": "marmalade allowance", "k": 3})
                    health = http.get("/health").json()
                except httpx.HTTPError as exc:
                    errors.append(repr(exc))
                    continue
                if response.status_code != 200:
                    errors.append(f"{response.status_code}: {response.text[:200]}")
                    continue
                docs = {h["citation"]["document_id"] for h in response.json()["hits"]}
                seen[slot].append((health["index_version"], int(any(
                    d.startswith("new_") for d in docs))))  # fmt: skip

    with serve(engine) as url:
        old = httpx.get(f"{url}/health").json()["index_version"]
        threads = [threading.Thread(target=client, args=(i, url)) for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        report = Indexer(seed_copy, embedder).add([incoming])
        # The server picks the new version up on its next request.
        deadline = threading.Event()
        deadline.wait(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    assert not errors, errors[:5]
    assert len(report.added) == 4
    for answers in seen:
        assert answers, "a client got no answer"
        versions = [v for v, _ in answers]
        # Each client sees the old version, then the new one, never back.
        switch = versions.index(report.version) if report.version in versions else len(versions)
        assert set(versions[:switch]) <= {old} and set(versions[switch:]) <= {report.version}
        found = [hit for _, hit in answers]
        assert found[-1] == 1, "the new documents are not answered after the switch"
    assert sum(len(a) for a in seen) >= CLIENTS * 2
