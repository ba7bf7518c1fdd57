"""A bounded load test on loopback: an asyncio httpx client, at most a few thousand
requests, stopping by itself.

Phase 1 measures single-client latency, phase 2 runs 20 concurrent clients; both send
the same mix of /search queries (plus /health and /facets). The server's RSS (psutil,
the server runs in this process's thread) is sampled through the run to see that it
levels off rather than growing with the requests.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

QUERIES = [
    "agency staff", "overspend", "Ofsted monitoring visit", "foster carers",
    "children in care placements", "social worker caseloads", "budget savings",
    "what did the committee say about agency social workers",
    "how has the overspend changed between 2018 and 2022", "MASH",
]  # fmt: skip


@dataclass
class Phase:
    clients: int
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def pct(self, q: float) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000 if data else 0.0

    def line(self) -> str:
        return (
            f"{self.clients} client(s): {self.requests} requests, {self.errors} errors, "
            f"p50 {self.pct(0.5):.0f} ms, p95 {self.pct(0.95):.0f} ms, "
            f"p99 {self.pct(0.99):.0f} ms, {self.requests / self.seconds:.1f} req/s"
        )


async def _run(url: str, clients: int, per_client: int) -> Phase:
    phase = Phase(clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def one(slot: int, http: httpx.AsyncClient) -> None:
        for i in range(per_client):
            n = slot * per_client + i
            if n % 10 == 9:
                path, params = ("/health", None) if n % 20 == 19 else ("/facets", None)
            else:
                path, params = "/search", {"q": QUERIES[n % len(QUERIES)], "k": 10}
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            phase.latencies.append(time.perf_counter() - started)
            phase.requests += 1
            phase.errors += not ok

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        await asyncio.gather(*(one(slot, http) for slot in range(clients)))
    phase.seconds = time.perf_counter() - started
    return phase


@dataclass
class LoadResult:
    single: Phase
    many: Phase
    rss_mb: list[float]

    @property
    def ratio(self) -> float:
        return self.many.pct(0.95) / max(self.single.pct(0.95), 1e-9)

    def lines(self) -> list[str]:
        half = len(self.rss_mb) // 2
        return [
            self.single.line(),
            self.many.line(),
            f"p95 under 20 clients / single-client p95: {self.ratio:.1f}x",
            f"server RSS MB: start {self.rss_mb[0]:.0f}, after the first half of the "
            f"concurrent phase {self.rss_mb[half]:.0f}, end {self.rss_mb[-1]:.0f}, "
            f"max {max(self.rss_mb):.0f}",
        ]


def run_load(url: str, single_requests: int = 100, clients: int = 20, per_client: int = 50,
             ) -> LoadResult:  # fmt: skip
    import os
    import threading

    import psutil

    process = psutil.Process(os.getpid())
    rss: list[float] = [process.memory_info().rss / 2**20]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            rss.append(process.memory_info().rss / 2**20)

    sampler = threading.Thread(target=sample, daemon=True)
    asyncio.run(_run(url, 1, 10))  # warm-up
    single = asyncio.run(_run(url, 1, single_requests))
    rss.append(process.memory_info().rss / 2**20)
    sampler.start()
    many = asyncio.run(_run(url, clients, per_client))
    done.set()
    sampler.join()
    rss.append(process.memory_info().rss / 2**20)
    return LoadResult(single, many, rss)
